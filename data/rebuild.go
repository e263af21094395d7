package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
)

// ErrOtherSources is returned by Rebuild for a corpus made from sources
// other than those it was given, which it would replace.
var ErrOtherSources = errors.New("made from other sources")

// Rebuild writes the bundled part of the corpus again from src, whatever
// its version says, and keeps every row of the researcher's: reviews,
// notes, tags, their own events, imported documents. It first backs the
// corpus up (autoBackup), then in one transaction writes every bundled
// document, event, actor and place as src has it (those src lacks go, as
// an update removes them) and rebuilds both full-text indexes from the
// text they hold, then makes the search index again. It returns the
// backup's path. A corpus made without bundled sources (CreateEmpty) has
// only its indexes rebuilt; one made from another set of sources is
// refused, unchanged.
func (s *Store) Rebuild(ctx context.Context, src fs.FS) (string, error) {
	what := "rebuild corpus " + s.path
	if s.readOnly {
		return "", fmt.Errorf("%s: %w", what, ErrReadOnly)
	}
	bundled, err := LoadSource(src)
	if err != nil {
		return "", err
	}
	if err := s.sound(ctx); err != nil {
		return "", err
	}
	// Refuse before backing up what would not be changed.
	if err := s.read(ctx, func(tx *sql.Tx) error {
		_, err := rebuildSource(ctx, tx, bundled)
		return err
	}); err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	backup, err := s.autoBackup(ctx, "rebuild")
	if err != nil {
		return "", err
	}
	err = s.write(ctx, what, func(tx *sql.Tx) error {
		source, err := rebuildSource(ctx, tx, bundled)
		if err != nil {
			return err
		}
		if err := source.write(ctx, tx); err != nil {
			return err
		}
		// Both are ordinary FTS5 tables, which keep their text: 'rebuild'
		// makes the index again from it.
		for _, table := range []string{"text_index", "event_text"} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (`+table+`) VALUES ('rebuild')`); err != nil {
				return fmt.Errorf("%s: %w", table, err)
			}
		}
		return nil
	})
	if err != nil {
		return backup, err
	}
	s.renewSearch(ctx)
	return backup, nil
}

// rebuildSource is what Rebuild writes the corpus in tx again from: the
// bundled sources for a corpus made from them (madeFrom) or one with
// nothing bundled left and no record of its sources; no sources for one
// made without (CreateEmpty records an empty set); else ErrOtherSources.
func rebuildSource(ctx context.Context, tx *sql.Tx, bundled *Source) (*Source, error) {
	var set string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, metaSet).Scan(&set)
	switch {
	case err == nil && set == "":
		return &Source{}, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return nil, err
	}
	ours, err := bundled.madeFrom(ctx, tx)
	if err != nil || ours {
		return bundled, err
	}
	var others int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE origin = 'bundled'`).Scan(&others); err != nil {
		return nil, err
	}
	if set == "" && others == 0 {
		return bundled, nil
	}
	return nil, fmt.Errorf("it was %w (%q), not the bundled ones, which would replace them; nothing was changed", ErrOtherSources, set)
}
