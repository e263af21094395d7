package data

import (
	"database/sql"
	"testing"
	"time"
)

// Hooks for the tests of this package; production code never calls them.

// DB is the store's database, for tests that tamper with a corpus.
func (s *Store) DB() *sql.DB { return s.db }

// ForgetSearchIndex drops the search index, so the next search builds it
// again as the first search of a session does.
func (s *Store) ForgetSearchIndex() { s.resetSearch() }

// SetClock makes the store stamp review data with clock's times.
func (s *Store) SetClock(clock func() time.Time) { s.clock = clock }

// SetQuickCheckMax makes Open read whole only the corpora of at most n
// bytes until tb ends, so that tests of a large corpus's open can use a
// small one.
func SetQuickCheckMax(tb testing.TB, n int64) {
	old := quickCheckMax
	quickCheckMax = n
	tb.Cleanup(func() { quickCheckMax = old })
}
