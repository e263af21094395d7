package app

import (
	"sync"

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
	b.mu.Lock()
	b.pending++
	b.mu.Unlock()
	go func() {
		result := query()
		deliver := func() {
			defer b.done()
			result()
		}
		if b.ui != nil {
			b.ui.Do(deliver)
			return
		}
		fyne.Do(deliver)
	}()
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
