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
	"sync"
	"unsafe"
)

// hitBasis is what finding hits reads of the model: the events, their
// index by ID and the lanes, as they were when a search began. It reads
// only what is never changed in place: a new set of events or lanes comes
// in new slices and a new index, while the events' fields it reads (dates
// and kind) are set once. So a goroutine may find hits in it while the UI
// thread goes on, and applyHits knows a basis no longer current.
type hitBasis struct {
	events []eventItem
	tab    *eventTable // what events' rows index; never changed
	byID   *idIndex
	lanes  []timelineLane
	named  *searchNames // of events; shared by every basis of them
	// shown is the hits shown when the search began: the next hits are
	// those when they light the same events.
	shown *timelineHits
}

// timelineHits is a search's hits among the events of its basis: which
// events, and each lane's dated hits indexed as timelineLane holds them.
type timelineHits struct {
	basis hitBasis
	lit   []string // the IDs searched for; nil when no search is active
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

// searchNames remembers, by event index, the string a search last named
// each event by. A search names the events it lights with the same
// strings from one keystroke to the next (those of its index), in time
// order, as the events are: most IDs are found a few events after the one
// before by comparing the strings' addresses, where looking each up in
// byID would hash and probe a map of every event (and comparing the
// strings' bytes, which differ in their last few of a dozen, costs as
// much at 100,000). It holds the strings' addresses, which keeps them
// from being freed and their memory given to other strings, and their
// lengths.
type searchNames struct {
	mu  sync.Mutex
	ptr []*byte
	len []uint16
}

// hitBasis returns what finding hits among the events shown reads. Call
// it on the UI thread.
func (m *timelineModel) hitBasis() hitBasis {
	if m.named == nil {
		m.named = &searchNames{}
	}
	return hitBasis{events: m.events, tab: m.tab, byID: m.byID, lanes: m.lanes, named: m.named, shown: m.found}
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
	hit := make([]bool, len(b.events))
	h.items = b.indexes(ids, hit)
	if s := b.shown; s != nil && sameSlice(s.basis.events, b.events) && sameSlice(s.basis.lanes, b.lanes) && slices.Equal(s.items, h.items) {
		same := *s // the same events lit as those shown
		same.lit = ids
		return &same
	}
	if len(h.items) == 0 {
		return h
	}
	for li := range b.lanes {
		b.laneHits(&b.lanes[li], &h.lanes[li], hit)
	}
	return h
}

// lookAhead is how many events on from the one found last indexes looks
// at for the next ID.
const lookAhead = 16

// indexes marks in hit the events whose IDs are in ids and returns their
// indexes in ascending order.
func (b hitBasis) indexes(ids []string, hit []bool) []int32 {
	items := make([]int32, 0, len(ids))
	n := b.named
	n.mu.Lock()
	look := lookAhead
	if len(n.ptr) != len(b.events) {
		n.ptr, n.len = make([]*byte, len(b.events)), make([]uint16, len(b.events))
		look = 0 // none named yet
	}
	sorted := true
	after := 0 // the event after the one found last
	// When a search lights most events, the next it lights is most often
	// one of the next few events, whose IDs are compared before byID is
	// looked in: the first search names them all by strings not seen.
	dense := len(ids) > len(b.events)/4
	for _, id := range ids {
		p := unsafe.StringData(id)
		i, end := after, min(after+look, len(n.ptr))
		for i < end && (n.ptr[i] != p || int(n.len[i]) != len(id)) {
			i++
		}
		if i == end {
			var ok bool
			if i, ok = b.index(id, after, dense); !ok {
				continue
			}
			if len(id) <= math.MaxUint16 {
				n.ptr[i], n.len[i] = p, uint16(len(id))
			}
		}
		if !hit[i] {
			hit[i] = true
			sorted = sorted && (len(items) == 0 || int32(i) > items[len(items)-1])
			items = append(items, int32(i))
		}
		after = i + 1
	}
	n.mu.Unlock()
	if sorted {
		return items
	}
	// In time order, as the events are: when many match, reading the
	// marks is cheaper than sorting.
	if len(items) < len(b.events)/16 {
		slices.Sort(items)
		return items
	}
	items = items[:0]
	for i, on := range hit {
		if on {
			items = append(items, int32(i))
		}
	}
	return items
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
	return b.byID.find(id)
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
	// the ends of byEnd in its order. The moments that end by a moment's
	// start come before it.
	c := &lh.count
	lh.ends = make([]float64, 0, len(lh.items))
	var moments spreadBuilder
	// The hits' moments change the rate at some of the times the lane's
	// do, which are room enough for them and, when many match, not much
	// more: growing the counts as they come cost more than finding them.
	moments.grow(min(2*len(lh.items), len(ln.count.moments.at)))
	byEnd, ends, endRates := ln.byEnd, ln.ends, ln.endRates
	k := 0 // the next of byEnd
	for p := 0; p <= len(ln.items); p++ {
		start, rate := math.Inf(1), 0.0
		if p < len(ln.items) {
			if !hit[ln.items[p]] {
				continue
			}
			start, rate = ln.starts[p], ln.rates[p]
			if rate == 0 {
				c.spanStarts = append(c.spanStarts, start)
				continue
			}
		}
		for ; k < len(byEnd) && ends[k] <= start; k++ {
			if !hit[byEnd[k]] {
				continue
			}
			lh.ends = append(lh.ends, ends[k])
			if r := endRates[k]; r == 0 {
				c.spanEnds = append(c.spanEnds, ends[k])
			} else {
				moments.add(ends[k], -r)
			}
		}
		if p < len(ln.items) {
			moments.add(start, rate)
		}
	}
	c.moments = moments.count()
}

// spreadBuilder is spreadOf fed one rate change at a time, in time order,
// so that a keystroke's hits need not list theirs first.
type spreadBuilder struct {
	c               spreadCount
	at, total, rate float64
	open            bool // whether at has changes not yet in c
}

// grow makes room for n times the rate changes at.
func (s *spreadBuilder) grow(n int) {
	s.c.at, s.c.cum, s.c.rate = make([]float64, 0, n), make([]float64, 0, n), make([]float64, 0, n)
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
