package data

import (
	"context"
	"fmt"
)

// Changed reports whether the corpus has been written to by another
// connection (another window or command, or another Store on the file)
// since the last call, or since Open for the first: what was read from it
// before may then be out of date. The store's own writes do not count:
// SQLite's data_version, which this asks, counts only the commits of
// other connections, and the store writes through the connection it asks.
// It reads one page, so a window can ask every second or two.
func (s *Store) Changed(ctx context.Context) (bool, error) {
	v, err := s.dataVersion(ctx)
	if err != nil {
		return false, fmt.Errorf("corpus %s: %w", s.path, s.damagedOr(err))
	}
	return s.seenVersion.Swap(v) != v, nil
}

// dataVersion is SQLite's data_version of the store's connection.
func (s *Store) dataVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	return v, err
}
