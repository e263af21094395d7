package app

import (
	"context"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"chronoscope/data"
)

// changeSource is a corpus that says when another window or command has
// written to it; *data.Store is one.
type changeSource interface {
	// Changed reports whether another connection wrote to the corpus
	// since it was last asked; the window's own writes do not count.
	Changed(ctx context.Context) (bool, error)
}

// refreshEvery is how often the window asks whether its corpus was
// written to by another window or command (a review, a note, an import):
// a question of one page, read in the background.
const refreshEvery = 2 * time.Second

// watcher is the window's watch on its corpus for others' writes.
type watcher struct {
	stop chan struct{}
	// paneStale says the detail pane was not shown again after a change,
	// since the reader was typing in it: it is, at the next tick.
	paneStale atomic.Bool
	// failed says a question failed, which is logged once.
	failed atomic.Bool
}

// watchChanges asks the corpus every refreshEvery, until the window
// closes, whether another window or command wrote to it, and shows what it
// now holds when one did.
func (v *mainView) watchChanges() {
	cs, ok := v.corpus.(changeSource)
	if !ok {
		return
	}
	w := &watcher{stop: make(chan struct{})}
	v.watch = w
	go func() {
		tick := time.NewTicker(refreshEvery)
		defer tick.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-tick.C:
				v.pollChanges(cs, w)
			}
		}
	}()
}

// stopWatching ends watchChanges, before the corpus is closed.
func (v *mainView) stopWatching() {
	if v.watch != nil {
		close(v.watch.stop)
		v.watch = nil
	}
}

// pollChanges asks the corpus once, off the UI thread, and when another
// window or command wrote to it, reads the events and documents again and
// shows them.
func (v *mainView) pollChanges(cs changeSource, w *watcher) {
	changed, err := cs.Changed(context.Background())
	if err != nil {
		if !w.failed.Swap(true) {
			fyne.LogError("chronoscope: cannot tell whether the corpus changed", err)
		}
		return
	}
	if !changed {
		if w.paneStale.Load() {
			v.bg.run(func() func() { return func() { v.refreshDetail(w) } })
		}
		return
	}
	v.bg.run(func() func() {
		evs, docs, err := v.readEventsAndDocuments(context.Background())
		return func() {
			if err != nil {
				v.showError(err)
				return
			}
			v.corpusChanged(w, evs, docs)
		}
	})
}

// corpusChanged shows the events and documents read again after another
// window or command wrote to the corpus: on the timeline and in the filter
// bar, in the results of the search typed (an imported document may be
// found now), and in the detail pane.
func (v *mainView) corpusChanged(w *watcher, evs []data.EventSummary, docs []data.DocumentSummary) {
	if v.closed {
		return
	}
	v.events = newEventTable(evs)
	v.refilter()
	v.timeline.SetCoverage(docs)
	if v.found == nil {
		v.setStatus("")
	}
	if q := v.search.Text; q != "" {
		v.onQueryChanged(q)
	}
	v.refreshDetail(w)
}

// refreshDetail shows the detail pane's event or review again as the
// corpus now holds it, unless the reader is writing a note or a tag, or
// editing one, or selecting a passage: then it waits for the next tick
// rather than lose what they typed.
func (v *mainView) refreshDetail(w *watcher) {
	d := v.detail
	if d.reviewBox == nil {
		w.paneStale.Store(false)
		return
	}
	if d.typing() {
		w.paneStale.Store(true)
		return
	}
	w.paneStale.Store(false)
	if d.reviewKind == data.KindEvent && v.events != nil && v.events.index(d.reviewID) < 0 {
		// Deleted by the other window.
		v.timeline.Select("")
		d.Clear()
		return
	}
	d.reviewChanged(d.reviewKind, d.reviewID)
}

// typing reports whether the reader has typed into the review section
// something not yet saved, or is selecting a passage.
func (d *detailPane) typing() bool {
	if d.selecting != nil {
		return true
	}
	rc := d.rc
	if rc == nil {
		return false
	}
	if (rc.noteEntry != nil && rc.noteEntry.Text != "") || (rc.tagEntry != nil && rc.tagEntry.Text != "") {
		return true
	}
	for _, n := range rc.notes {
		if n.entry != nil {
			return true
		}
	}
	return false
}

// readEventsAndDocuments reads the corpus's events and documents again,
// after another process or an import changed them, and gives back the
// memory the reading took once a corpus has grown.
func (v *mainView) readEventsAndDocuments(ctx context.Context) ([]data.EventSummary, []data.DocumentSummary, error) {
	evs, err := v.corpus.Events(ctx)
	if err != nil {
		return nil, nil, err
	}
	docs, err := v.corpus.Documents(ctx)
	capMemory()
	return evs, docs, err
}
