package app

// This file finds a search's hits among the timeline's events. At 100,000
// events a keystroke may light tens of thousands: looking each up by ID,
// listing them by lane and counting them for the histograms takes longer
// than drawing a frame, so the window does it on the search's goroutine
// (hitBasis.hits) and hands the UI thread a timelineHits to apply. Like
// the model, it must not import Fyne.

import (
	"math"
	"slices"
	"sort"
)

// hitBasis is what finding hits reads of the model: the events, their
// index by ID and the lanes, as they were when a search began. It reads
// only what is never changed in place: a new set of events or lanes comes
// in new slices and a new map, while the events' fields it reads (dates
// and kind) are set once. So a goroutine may find hits in it while the UI
// thread goes on, and applyHits knows a basis no longer current.
type hitBasis struct {
	events []eventItem
	tab    *eventTable // what events' rows index; never changed
	byID   map[string]int
	lanes  []timelineLane
	// shown is the hits shown when the search began, which the next
	// hits are found from where they repeat its IDs.
	shown *timelineHits
}

// timelineHits is a search's hits among the events of its basis: which
// events, and each lane's dated hits indexed as timelineLane holds them.
type timelineHits struct {
	basis hitBasis
	lit   []string // the IDs searched for; nil when no search is active
	at    []int32  // the index in events of each of lit, or -1
	items []int32  // the hits, indexes into events in ascending order
	lanes []laneHits
}

// laneHits is one lane's part of timelineHits: see the fields of
// timelineLane of the same names.
type laneHits struct {
	starts, ends []float64
	items        []int32
	count        columnCount
}

// hitBasis returns what finding hits among the events shown reads. Call
// it on the UI thread.
func (m *timelineModel) hitBasis() hitBasis {
	return hitBasis{events: m.events, tab: m.tab, byID: m.byID, lanes: m.lanes, shown: m.found}
}

// applyHits marks h's hits on the events and gives the lanes their part.
// Hits found in a basis since replaced are found again. Its cost follows
// the number of hits, a few stores each.
func (m *timelineModel) applyHits(h *timelineHits) {
	if !h.basis.current(m) {
		h = m.hitBasis().hits(h.lit)
	}
	for _, i := range m.hits {
		m.events[i].hit = false
	}
	for _, i := range h.items {
		m.events[i].hit = true
	}
	m.lit, m.hits, m.found = h.lit, h.items, h
	for li := range m.lanes {
		ln, lh := &m.lanes[li], &h.lanes[li]
		ln.hitStarts, ln.hitEnds, ln.hitItems, ln.hitCount = lh.starts, lh.ends, lh.items, lh.count
	}
}

// current reports whether b is what the model holds.
func (b hitBasis) current(m *timelineModel) bool {
	return sameSlice(b.events, m.events) && sameSlice(b.lanes, m.lanes)
}

// sameSlice reports whether a and b are the same slice of one array.
func sameSlice[T any](a, b []T) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// hits finds the events whose IDs are in ids; nil means no search is
// active, and an empty slice a search that matches nothing. Its cost
// follows the number of events and of hits; it may run on any goroutine.
func (b hitBasis) hits(ids []string) *timelineHits {
	h := &timelineHits{basis: b, lit: ids, lanes: make([]laneHits, len(b.lanes))}
	h.basis.shown = nil // which would keep every search's hits before
	if len(ids) == 0 {
		return h
	}
	var same bool
	h.at, same = b.indexes(ids)
	if same {
		return b.shown // the same events lit as those shown
	}
	hit := make([]bool, len(b.events))
	h.items = make([]int32, 0, len(ids))
	for _, i := range h.at {
		if i >= 0 && !hit[i] {
			hit[i] = true
			h.items = append(h.items, i)
		}
	}
	// In time order, as the events are: when many match, reading the
	// marks is cheaper than sorting.
	if len(h.items) < len(b.events)/16 {
		slices.Sort(h.items)
	} else {
		h.items = h.items[:0]
		for i, on := range hit {
			if on {
				h.items = append(h.items, int32(i))
			}
		}
	}
	if len(h.items) == 0 {
		return h
	}
	for li := range b.lanes {
		b.laneHits(&b.lanes[li], &h.lanes[li], hit)
	}
	return h
}

// lookAhead is how far indexes looks in the IDs shown for the next ID.
const lookAhead = 16

// indexes returns the index in events of each of ids, or -1 for an ID
// none has, and whether they are the IDs shown, in the same order.
//
// A search lists the events it lights in time order, with the same
// strings for the same IDs, and the next letter typed most often lights
// much the same events: most IDs are found a little after the one before
// among those shown, by comparing strings that are mostly one (the same
// pointer, which Go compares at once), where looking each up in byID
// would hash and probe a map of every event. The rest are looked up, and
// the IDs shown are gone on with after the event found.
func (b hitBasis) indexes(ids []string) ([]int32, bool) {
	at := make([]int32, len(ids))
	var shown []string
	if b.shown != nil && sameSlice(b.shown.basis.events, b.events) && sameSlice(b.shown.basis.lanes, b.lanes) {
		shown = b.shown.lit
	}
	same := len(shown) == len(ids)
	next := 0  // in shown, after the ID last found there
	after := 0 // in events, after the event last found
	// When a search lights most events, the next it lights is most often
	// one of the next few events.
	dense := len(ids) > len(b.events)/4
	for k, id := range ids {
		p, end := next, min(next+lookAhead, len(shown))
		for p < end && shown[p] != id {
			p++
		}
		if p < end {
			at[k], next = b.shown.at[p], p+1
			after = int(at[k]) + 1
			same = same && p == k
			continue
		}
		same = false
		at[k] = -1
		if i, ok := b.index(id, after, dense); ok {
			at[k], after = int32(i), i+1
			// Go on in shown after the events before this one, past a
			// run of them that this search no longer lights.
			next = max(next, sort.Search(len(shown), func(p int) bool { return b.shown.at[p] > int32(i) }))
		}
	}
	return at, same
}

// index returns the index of the event id, and whether there is one:
// with dense set, it looks first at the few events from after on.
func (b hitBasis) index(id string, after int, dense bool) (int, bool) {
	if dense {
		for i := after; i < min(after+4, len(b.events)); i++ {
			if b.tab.ID(int(b.events[i].row)) == id {
				return i, true
			}
		}
	}
	i, ok := b.byID[id]
	return i, ok
}

// laneHits fills lh with the hits among ln's dated events: their starts,
// their ends in order and their histogram counts. It reads the lane's
// arrays in order rather than the events, which at 100,000 are too many
// to reach at random within a keystroke.
func (b hitBasis) laneHits(ln *timelineLane, lh *laneHits, hit []bool) {
	n := 0
	for _, ei := range ln.items {
		if hit[ei] {
			n++
		}
	}
	if n == 0 {
		return
	}
	lh.items, lh.starts = make([]int32, 0, n), make([]float64, 0, n)
	for p, ei := range ln.items {
		if hit[ei] {
			lh.items = append(lh.items, ei)
			lh.starts = append(lh.starts, ln.starts[p])
		}
	}
	if len(lh.items) == 0 {
		return
	}
	if len(lh.items) < len(ln.items)/8 {
		for _, ei := range lh.items {
			lh.ends = append(lh.ends, b.events[ei].end)
		}
		slices.Sort(lh.ends)
		lh.count = newColumnCount(b.events, lh.items)
		return
	}
	// When many match, the hits' counts merge the lane's orders by start
	// and by end, kept to the hits, rather than sort: ln.ends, sorted, is
	// the ends of byEnd in its order.
	c := &lh.count
	lh.ends = make([]float64, 0, len(lh.items))
	var moments spreadBuilder
	k := 0 // the next of byEnd
	endsUpTo := func(t float64) {
		for ; k < len(ln.byEnd) && ln.ends[k] <= t; k++ {
			if !hit[ln.byEnd[k]] {
				continue
			}
			lh.ends = append(lh.ends, ln.ends[k])
			if r := ln.endRates[k]; r == 0 {
				c.spanEnds = append(c.spanEnds, ln.ends[k])
			} else {
				moments.add(ln.ends[k], -r)
			}
		}
	}
	for p, ei := range ln.items {
		if !hit[ei] {
			continue
		}
		start := ln.starts[p]
		if ln.rates[p] == 0 {
			c.spanStarts = append(c.spanStarts, start)
			continue
		}
		endsUpTo(start) // the moments that end by this one's start come first
		moments.add(start, ln.rates[p])
	}
	endsUpTo(math.Inf(1))
	c.moments = moments.count()
}

// spreadBuilder is spreadOf fed one rate change at a time, in time order,
// so that a keystroke's hits need not list theirs first.
type spreadBuilder struct {
	c               spreadCount
	at, total, rate float64
	open            bool // whether at has changes not yet in c
}

func (s *spreadBuilder) add(at, by float64) {
	if s.open && at != s.at {
		s.c.at, s.c.cum, s.c.rate = append(s.c.at, s.at), append(s.c.cum, s.total), append(s.c.rate, s.rate)
		s.total += s.rate * (at - s.at)
	}
	s.at, s.open = at, true
	s.rate += by
}

// count returns what spreadOf returns for the changes added.
func (s *spreadBuilder) count() spreadCount {
	if s.open {
		s.c.at, s.c.cum, s.c.rate = append(s.c.at, s.at), append(s.c.cum, s.total), append(s.c.rate, s.rate)
	}
	if n := len(s.c.rate); n > 0 {
		s.c.rate[n-1] = 0 // rounding may leave a trace after the last end
	}
	return s.c
}

// momentRates gives each event at items the rate a histogram counts it
// at: a moment once over all its days (spreadCount), 1 / its length in
// seconds; a span 0, since every column it covers counts it whole.
func momentRates(events []eventItem, items []int32) []float64 {
	rates := make([]float64, len(items))
	for p, ei := range items {
		if it := &events[ei]; it.kind != kindBar {
			rates[p] = 1 / (it.end - it.start)
		}
	}
	return rates
}
