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

// ForgetQueries drops what the searcher kept of the queries before (the
// titles the last let through, full-text matches and the rows each word
// holds, snippets, the events it lit), as if no query had been typed
// since it was loaded; the links it read stay, as the index does.
func (s *Store) ForgetQueries() {
	s.searchMu.Lock()
	sr := s.searcher
	s.searchMu.Unlock()
	if sr == nil {
		return
	}
	sr.mu.Lock()
	sr.last, sr.texts, sr.snippets, sr.lastLit = narrowed{}, nil, nil, nil
	sr.words, sr.wordRowsKept = nil, 0
	sr.mu.Unlock()
}

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

// PauseFind makes each Find call pause with its context in a read
// transaction of its full-text search, until the test ends.
func PauseFind(tb testing.TB, pause func(context.Context)) {
	pauseFind = pause
	tb.Cleanup(func() { pauseFind = nil })
}

// LinkReads is how many times searches have read the links of every
// actor, place and document to their events.
func LinkReads() int64 { return linkReads.Load() }

// ZeroPages is zeroPages, the scan check makes for pages all zeros, in tx.
func ZeroPages(ctx context.Context, tx *sql.Tx) ([]int, error) { return zeroPages(ctx, tx) }
