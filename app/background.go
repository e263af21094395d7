package app

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// background runs queries off the UI thread and hands their results to it
// with fyne.Do. It counts the queries whose results have not yet run, so a
// caller off the UI thread can wait until the window is idle: the screenshot
// does before it captures.
type background struct {
	// ui runs a result on the UI thread; nil means fyne.Do. Tests put a
	// queue here that they empty on their own goroutine (export_test.go).
	ui interface{ Do(func()) }

	mu      sync.Mutex
	changed sync.Cond // broadcast when pending falls, or ui takes a result
	pending int       // queries whose results have not yet run
}

func newBackground() *background {
	b := &background{}
	b.changed.L = &b.mu
	return b
}

// run calls query on a goroutine, then the function it returns on the UI
// thread.
func (b *background) run(query func() func()) {
	b.runWaiting(0, query)
}

// runWaiting is run called on the UI thread, which waits up to wait for
// the result and runs it before returning. A result that comes in time is
// drawn in the frame the caller's own change is drawn in, rather than in
// the frame after: at 100,000 events each frame takes longer to paint than
// a search takes to run. A result that comes later is handed to the UI
// thread as run hands it.
func (b *background) runWaiting(wait time.Duration, query func() func()) {
	b.mu.Lock()
	b.pending++
	b.mu.Unlock()
	var (
		mu      sync.Mutex
		waiting = wait > 0
		handed  = make(chan func(), 1)
	)
	go func() {
		result := query()
		deliver := func() {
			defer b.done()
			result()
		}
		mu.Lock()
		if waiting {
			handed <- deliver
			mu.Unlock()
			return
		}
		mu.Unlock()
		if b.ui != nil {
			b.ui.Do(deliver)
			return
		}
		fyne.Do(deliver)
	}()
	if !waiting {
		return
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case deliver := <-handed:
		deliver()
		return
	case <-timer.C:
	}
	mu.Lock()
	waiting = false
	mu.Unlock()
	select {
	case deliver := <-handed: // handed over as the wait ended
		deliver()
	default:
	}
}

func (b *background) done() {
	b.mu.Lock()
	b.pending--
	b.mu.Unlock()
	b.changed.Broadcast()
}

// wait blocks until every query has run its result, including queries that
// results start. It must not be called on the UI thread, which the results
// need.
func (b *background) wait() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.pending > 0 {
		b.changed.Wait()
	}
}
