package data_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"chronoscope/data"
)

// hangGuard is how long a test waits for what must happen before it calls
// it a hang; it asserts nothing about speed.
const hangGuard = 20 * time.Second

// TestFind_NewerWhileOlderRuns starts a search that stays in SQLite until
// it is cancelled: the detail pane's read proceeds, and a newer search
// returns, neither waiting for it; cancelling it, as the search field does
// when a person types on, ends it.
func TestFind_NewerWhileOlderRuns(t *testing.T) {
	s := MustOpenDB(t)
	var calls atomic.Int32
	started := make(chan struct{})
	data.PauseFind(t, func(ctx context.Context) {
		if calls.Add(1) == 1 {
			close(started)
			<-ctx.Done()
		}
	})
	olderCtx, cancelOlder := context.WithCancel(context.Background())
	defer cancelOlder()
	older := make(chan error, 1)
	go func() {
		_, err := s.Find(olderCtx, "lima", 10)
		older <- err
	}()
	wait(t, started, "the first search never reached its full-text read")

	ctx := context.Background()
	read := make(chan error, 1)
	go func() {
		_, err := s.Event(ctx, "castillo-removed")
		read <- err
	}()
	if err := waitErr(t, read, "a read waited for a running search"); err != nil {
		t.Fatal(err)
	}
	newer := make(chan error, 1)
	go func() {
		res, err := s.Find(ctx, "lima", 10)
		if err == nil && len(res.Hits) == 0 {
			err = errors.New("no hits")
		}
		newer <- err
	}()
	if err := waitErr(t, newer, "the newer search waited for the older"); err != nil {
		t.Fatalf("the newer search: %v", err)
	}
	cancelOlder()
	if err := waitErr(t, older, "the older search did not end when cancelled"); !errors.Is(err, context.Canceled) {
		t.Errorf("the older search ended with %v, want it cancelled", err)
	}
}

func wait(tb testing.TB, c <-chan struct{}, hang string) {
	tb.Helper()
	select {
	case <-c:
	case <-time.After(hangGuard):
		tb.Fatal(hang)
	}
}

func waitErr(tb testing.TB, c <-chan error, hang string) error {
	tb.Helper()
	select {
	case err := <-c:
		return err
	case <-time.After(hangGuard):
		tb.Fatal(hang)
		return nil
	}
}
