package app

import (
	"sync"

	"fyne.io/fyne/v2"
)

// background runs queries off the UI thread and hands their results to it.
// In the app, results go through fyne.Do. Tests and screenshots call
// queueResults first: Fyne's headless driver would run fyne.Do on the
// query's own goroutine, racing the test, so results wait in a queue until
// wait runs them on the caller's goroutine, in order.
type background struct {
	pending sync.WaitGroup

	mu     sync.Mutex
	queued bool
	queue  []func()
}

// run calls query on a goroutine, then deliver with its result on the UI
// thread.
func (b *background) run(query func() func()) {
	b.pending.Add(1)
	go func() {
		defer b.pending.Done()
		deliver := query()
		b.mu.Lock()
		if b.queued {
			b.queue = append(b.queue, deliver)
			b.mu.Unlock()
			return
		}
		b.mu.Unlock()
		fyne.Do(deliver)
	}()
}

// queueResults makes results wait for wait instead of going to fyne.Do.
func (b *background) queueResults() {
	b.mu.Lock()
	b.queued = true
	b.mu.Unlock()
}

// wait blocks until every query has finished and runs the queued results.
func (b *background) wait() {
	for {
		b.pending.Wait()
		b.mu.Lock()
		q := b.queue
		b.queue = nil
		b.mu.Unlock()
		if len(q) == 0 {
			return
		}
		for _, deliver := range q {
			deliver()
		}
	}
}
