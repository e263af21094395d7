package data

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"chronoscope/assets"
)

// TestReadSearch_Interrupted runs a statement that never ends on a
// search's connection and cancels its context: the driver interrupts it
// in SQLite (sqlite3_interrupt), so it returns, and the connection serves
// the next search.
func TestReadSearch_Interrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := bundledStore(t)
	done := make(chan error, 1)
	go func() {
		done <- s.readSearch(ctx, func(tx *sql.Tx) error {
			var n int64
			return tx.QueryRowContext(ctx, `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c`).Scan(&n)
		})
	}()
	time.Sleep(50 * time.Millisecond) // most likely running by now; it must end either way
	cancel()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a statement that never ends ended without error")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("cancelling the context did not interrupt the statement")
	}
	var one int
	if err := s.readSearch(context.Background(), func(tx *sql.Tx) error {
		return tx.QueryRow(`SELECT 1`).Scan(&one)
	}); err != nil || one != 1 {
		t.Fatalf("after the interrupt: %v", err)
	}
}

// TestReadSearch_RefusesWrites checks that the connections searches read
// through refuse to write to a corpus open for writing (query_only), set
// after each is given its temporary textVocab, which it can read.
func TestReadSearch_RefusesWrites(t *testing.T) {
	ctx := context.Background()
	s := bundledStore(t)
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+textVocab).Scan(&n); err != nil || n == 0 {
			t.Errorf("textVocab: %d instances, %v", n, err)
		}
		_, err := tx.ExecContext(ctx, `CREATE TEMP TABLE x (a)`)
		return err
	})
	if err == nil {
		t.Fatal("a search's connection wrote")
	}
}

// bundledStore is a writable corpus made from the bundled sources, closed
// when tb ends.
func bundledStore(tb testing.TB) *Store {
	tb.Helper()
	s, err := OpenOrCreate(context.Background(), filepath.Join(tb.TempDir(), "corpus.db"), assets.Corpus())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
