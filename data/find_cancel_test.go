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

// TestFind_NewerCancelsOlder starts a search that stays in SQLite until it
// is cancelled: the detail pane's read still proceeds, and a newer search
// cancels it and returns, neither waiting for it.
func TestFind_NewerCancelsOlder(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	var calls atomic.Int32
	started := make(chan struct{})
	data.PauseFind(t, func(ctx context.Context) {
		if calls.Add(1) == 1 {
			close(started)
			<-ctx.Done()
		}
	})
	older := make(chan error, 1)
	go func() {
		_, err := s.Find(ctx, "lima", 10)
		older <- err
	}()
	select {
	case <-started:
	case <-time.After(hangGuard):
		t.Fatal("the first search never reached its full-text read")
	}

	read := make(chan error, 1)
	go func() {
		_, err := s.Event(ctx, "castillo-removed")
		read <- err
	}()
	select {
	case err := <-read:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(hangGuard):
		t.Fatal("a read waited for a running search")
	}

	newer := make(chan error, 1)
	go func() {
		res, err := s.Find(ctx, "lima", 10)
		if err == nil && len(res.Hits) == 0 {
			err = errors.New("no hits")
		}
		newer <- err
	}()
	select {
	case err := <-newer:
		if err != nil {
			t.Fatalf("the newer search: %v", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("the newer search waited for the older")
	}
	select {
	case err := <-older:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the older search ended with %v, want it cancelled", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("the older search was never cancelled")
	}
}
