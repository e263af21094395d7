package app

import (
	"context"
	"sync"

	"chronoscope/data"
)

// preloads holds the reads Preload started, by corpus, until a window on
// that corpus takes them.
var preloads sync.Map // Corpus → *preload

// preload is a read of a corpus's events and documents under way.
type preload struct {
	done chan struct{}
	evs  *eventTable
	docs []data.DocumentSummary
	err  error
}

// Preload starts reading c's events and documents at once, for the window
// or screenshot made on c next, which takes them rather than reading them
// again. Call it before the app starts: the read, most of the first frame's
// wait on a large corpus, then runs beside the GL driver's start on the
// other core rather than after it.
func Preload(c Corpus) {
	p := &preload{done: make(chan struct{})}
	preloads.Store(c, p)
	go func() {
		defer close(p.done)
		p.evs, p.docs, p.err = read(context.Background(), c)
	}()
}

// preloaded returns the events and documents Preload has finished reading
// for c, taking them, or false while it reads or if it failed (readAll
// then waits for them, or says why).
func preloaded(c Corpus) (*eventTable, []data.DocumentSummary, bool) {
	v, ok := preloads.Load(c)
	if !ok {
		return nil, nil, false
	}
	p := v.(*preload)
	select {
	case <-p.done:
	default:
		return nil, nil, false
	}
	if p.err != nil || !preloads.CompareAndDelete(c, v) {
		return nil, nil, false
	}
	return p.evs, p.docs, true
}

// readAll reads c's events and documents, or waits for those Preload
// started reading; a preload is taken once, by the first window on c.
func readAll(ctx context.Context, c Corpus) (*eventTable, []data.DocumentSummary, error) {
	if v, ok := preloads.LoadAndDelete(c); ok {
		p := v.(*preload)
		select {
		case <-p.done:
			return p.evs, p.docs, p.err
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
	}
	return read(ctx, c)
}

// read reads c's events and documents. The documents (a page of the
// corpus each, 40 ms at 10,000) are read beside the events: on a store
// whose one connection the events' read holds, as soon as it lets go,
// while the events are sorted and their table made on the other core.
func read(ctx context.Context, c Corpus) (*eventTable, []data.DocumentSummary, error) {
	var (
		docs    []data.DocumentSummary
		docsErr error
		wg      sync.WaitGroup
	)
	wg.Go(func() { docs, docsErr = c.Documents(ctx) })
	evs, err := c.Events(ctx)
	if err != nil {
		wg.Wait()
		return nil, nil, err
	}
	tab := newEventTable(evs)
	wg.Wait()
	if docsErr != nil {
		return nil, nil, docsErr
	}
	return tab, docs, nil
}
