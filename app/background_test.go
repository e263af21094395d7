package app

import (
	"testing"
	"time"
)

// A result that comes within the wait runs before runWaiting returns, on
// the caller's goroutine; one that comes later waits for the UI thread, as
// run's do, and runs once.
func TestBackground_RunWaiting(t *testing.T) {
	b := newBackground()
	b.queueResults()

	ran := 0
	b.runWaiting(time.Minute, func() func() { return func() { ran++ } })
	if ran != 1 || b.pending != 0 {
		t.Fatalf("a result in time ran %d times before runWaiting returned, %d pending", ran, b.pending)
	}

	release := make(chan struct{})
	b.runWaiting(time.Millisecond, func() func() {
		<-release
		return func() { ran++ }
	})
	if ran != 1 {
		t.Fatalf("a late result ran before it came")
	}
	close(release)
	b.runResults()
	if ran != 2 || b.pending != 0 {
		t.Errorf("a late result ran %d times on the UI thread, %d pending", ran-1, b.pending)
	}
}
