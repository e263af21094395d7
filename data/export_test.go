package data

import (
	"context"
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

// PauseFind makes each Find call pause with its context in a read
// transaction of its full-text search, until the test ends.
func PauseFind(tb testing.TB, pause func(context.Context)) {
	pauseFind = pause
	tb.Cleanup(func() { pauseFind = nil })
}
