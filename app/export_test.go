package app

import "chronoscope/data"

// Hooks for the tests of this package; production code never calls them.

// resultQueue stands in for the UI thread in tests. Fyne's headless driver
// runs fyne.Do on the calling goroutine, so a query's result would run on
// the query's goroutine and race the test; instead results wait here until
// the test runs them on its own goroutine, in order.
type resultQueue struct {
	b       *background
	results []func()
}

func (q *resultQueue) Do(result func()) {
	q.b.mu.Lock()
	q.results = append(q.results, result)
	q.b.mu.Unlock()
	q.b.changed.Broadcast()
}

// queueResults makes b's results wait for runResults.
func (b *background) queueResults() { b.ui = &resultQueue{b: b} }

// runResults waits for every query to finish and runs its result on the
// caller's goroutine, then those of the queries the results started, until
// none is left.
func (b *background) runResults() {
	q := b.ui.(*resultQueue)
	for {
		b.mu.Lock()
		for b.pending > len(q.results) {
			b.changed.Wait()
		}
		results := q.results
		q.results = nil
		b.mu.Unlock()
		if len(results) == 0 {
			return
		}
		for _, r := range results {
			r()
		}
	}
}

// waitForSearch runs the results of the searches typed so far.
func (v *mainView) waitForSearch() { v.bg.runResults() }

// wait runs the results of the events and documents asked for so far.
func (d *detailPane) wait() { d.bg.runResults() }

// Rows is the text of each row of the results, headings included.
func (r *resultList) Rows() []string {
	out := make([]string, len(r.rows))
	for i, row := range r.rows {
		for _, p := range row.pieces() {
			out[i] += p.text
		}
	}
	return out
}

// at is the index of the event id, or -1.
func (x *idIndex) at(id string) int {
	if i, ok := x.find(id); ok {
		return i
	}
	return -1
}

// setEvents replaces the events, sorting them and building their lanes.
func (m *timelineModel) setEvents(evs []data.EventSummary) {
	m.setTable(newEventTable(evs))
}
