package app

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"chronoscope/data"
)

// BenchmarkHitBasis_Hits finds a keystroke's hits off the UI thread, as
// the window does, with the IDs in time order, as Find lists them, or
// shuffled.
func BenchmarkHitBasis_Hits(b *testing.B) {
	m := newTestModel(b, LanesByGroup, inTimeOrder(syntheticEvents(100_000, 7)))
	for _, share := range []int{93, 41, 1} {
		for _, order := range []string{"time", "shuffled"} {
			ids := litIDsOf(m, share, order == "shuffled", 1)
			b.Run(fmt.Sprintf("100k/%d%%_lit/%s", share, order), func(b *testing.B) {
				m.setHits(nil)
				basis := m.hitBasis()
				b.ReportAllocs()
				for b.Loop() {
					basis.hits(ids)
				}
			})
		}
	}
	// The first search names the events by strings not seen before.
	b.Run("100k/93%_lit/time/first", func(b *testing.B) {
		ids := litIDsOf(m, 93, false, 1)
		m.setHits(nil)
		basis := m.hitBasis()
		b.ReportAllocs()
		for b.Loop() {
			basis.named = &searchNames{}
			basis.hits(ids)
		}
	})
	// A letter typed narrows the events lit, or lights the same.
	most := litIDsOf(m, 93, false, 1)
	var many, runs []string
	for i, id := range most {
		if i%2 != 0 {
			many = append(many, id)
		}
		if i%300 >= 100 { // runs of events a letter no longer lights
			runs = append(runs, id)
		}
	}
	for name, ids := range map[string][]string{"narrower": many, "narrower_by_runs": runs, "the_same": most} {
		b.Run("100k/93%_lit_then_"+name, func(b *testing.B) {
			m.setHits(most)
			basis := m.hitBasis()
			b.ReportAllocs()
			for b.Loop() {
				basis.hits(ids)
			}
		})
	}
}

// litIDsOf lists about share percent of m's events' IDs, in time order or
// shuffled.
func litIDsOf(m *timelineModel, share int, shuffle bool, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 9))
	var ids []string
	for i := range m.events {
		if r.IntN(100) < share {
			ids = append(ids, m.id(int32(i)))
		}
	}
	if !shuffle {
		return ids
	}
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids
}

// inTimeOrder sorts evs as the store gives them, so that they and their
// IDs lie in memory in the timeline's order.
func inTimeOrder(evs []data.EventSummary) []data.EventSummary {
	m := timelineModel{}
	m.setEvents(evs)
	out := make([]data.EventSummary, len(m.events))
	for i := range m.events {
		out[i] = m.summary(int32(i))
		out[i].ID = strings.Clone(out[i].ID)
	}
	return out
}

// Hits found on another goroutine, as the window finds a search's, light
// the events and fill the lanes as looking each ID up and sorting would:
// in time order or not, with IDs repeated or unknown, few or most.
func TestHitBasis_HitsAsLookedUp(t *testing.T) {
	m := newTestModel(t, LanesByGroup, inTimeOrder(syntheticEvents(20_000, 5)))
	tests := map[string][]string{
		"none lit":         nil,
		"no match":         {},
		"most, in time":    litIDsOf(m, 93, false, 1),
		"many, in time":    litIDsOf(m, 41, false, 2),
		"many, shuffled":   litIDsOf(m, 41, true, 3),
		"few, shuffled":    litIDsOf(m, 1, true, 4),
		"repeated/unknown": append(litIDsOf(m, 30, true, 5), "no-such-event", m.id(7), m.id(7)),
	}
	for name, ids := range tests {
		t.Run(name, func(t *testing.T) {
			basis := m.hitBasis()
			found := make(chan *timelineHits)
			go func() { found <- basis.hits(ids) }()
			m.applyHits(<-found)
			assertHitsLookedUp(t, m, ids)
		})
	}
}

// Hits found among events since replaced, or lanes since rebuilt, are
// found again among the new ones rather than lighting events by old
// indexes.
func TestTimelineModel_StaleHitsFoundAgain(t *testing.T) {
	evs := inTimeOrder(syntheticEvents(3000, 6))
	m := newTestModel(t, LanesByGroup, evs)
	ids := litIDsOf(m, 20, true, 7)

	stale := m.hitBasis().hits(ids)
	m.setEvents(evs[1000:]) // an edit or a filter left fewer events
	m.applyHits(stale)
	assertHitsLookedUp(t, m, ids)

	stale = m.hitBasis().hits(ids)
	m.setLaneMode(LanesByCategory)
	m.applyHits(stale)
	assertHitsLookedUp(t, m, ids)
}

// assertHitsLookedUp checks m's hits against the events whose IDs are in
// ids, looked up one by one, and each lane's against its items kept to
// them.
func assertHitsLookedUp(tb testing.TB, m *timelineModel, ids []string) {
	tb.Helper()
	lit := map[string]bool{}
	for _, id := range ids {
		lit[id] = true
	}
	var want []int32
	for i := range m.events {
		on := lit[m.id(int32(i))]
		if on {
			want = append(want, int32(i))
		}
		if m.events[i].hit != on || m.dimmed(int32(i)) != (ids != nil && !on) {
			tb.Fatalf("event %s: hit %v, dimmed %v; searched for it: %v", m.id(int32(i)), m.events[i].hit, m.dimmed(int32(i)), on)
		}
	}
	if !slices.Equal(m.hits, want) || (m.lit == nil) != (ids == nil) {
		tb.Fatalf("%d hits listed (lit nil: %v), want %d", len(m.hits), m.lit == nil, len(want))
	}
	for _, ln := range m.lanes {
		var items []int32
		var starts, ends []float64
		for _, ei := range ln.items {
			if lit[m.id(ei)] {
				items = append(items, ei)
				starts, ends = append(starts, m.events[ei].start), append(ends, m.events[ei].end)
			}
		}
		slices.Sort(ends)
		if !slices.Equal(ln.hitItems, items) || !slices.Equal(ln.hitStarts, starts) || !slices.Equal(ln.hitEnds, ends) {
			tb.Fatalf("lane %s: %d hits, %d starts, %d ends; want %d", ln.name, len(ln.hitItems), len(ln.hitStarts), len(ln.hitEnds), len(items))
		}
		got, want := ln.hitCount, newColumnCount(m.events, items)
		if !slices.Equal(got.spanStarts, want.spanStarts) || !slices.Equal(got.spanEnds, want.spanEnds) || !slices.Equal(got.moments.at, want.moments.at) {
			tb.Fatalf("lane %s: hits counted at other times than sorted ones", ln.name)
		}
		for i := range want.moments.cum {
			if math.Abs(got.moments.cum[i]-want.moments.cum[i]) > 1e-6 || math.Abs(got.moments.rate[i]-want.moments.rate[i]) > 1e-12 {
				tb.Fatalf("lane %s: at %v counted %v, %v; want %v, %v", ln.name, want.moments.at[i], got.moments.cum[i], got.moments.rate[i], want.moments.cum[i], want.moments.rate[i])
			}
		}
	}
}

// Typing on lights sets of events that narrow, widen and repeat: hits
// found from those shown are those looked up, a search that lights the
// same IDs as the one shown reuses its hits, and hits never keep those
// they were found from.
func TestHitBasis_HitsFromThoseShown(t *testing.T) {
	m := newTestModel(t, LanesByGroup, inTimeOrder(syntheticEvents(20_000, 8)))
	most := litIDsOf(m, 93, false, 1)
	var many, cloned []string
	for i, id := range most {
		if i%5 != 0 {
			many = append(many, id)
			cloned = append(cloned, strings.Clone(id))
		}
	}
	wider := append(slices.Clone(many), litIDsOf(m, 2, false, 9)...)
	slices.SortFunc(wider, func(a, b string) int { return m.byID.at(a) - m.byID.at(b) })
	steps := []struct {
		name string
		ids  []string
	}{
		{"most", most},
		{"narrower", many},
		{"the same", many},
		{"the same, other strings", cloned},
		{"wider", wider},
		{"shuffled", litIDsOf(m, 41, true, 3)},
		{"none lit", nil},
		{"few", litIDsOf(m, 1, false, 4)},
	}
	for _, s := range steps {
		shown := m.found
		h := m.hitBasis().hits(s.ids)
		if reused := shown != nil && sameSlice(h.items, shown.items) && sameSlice(h.lanes, shown.lanes); reused != (s.name == "the same" || s.name == "the same, other strings") {
			t.Errorf("%s: hits shown reused: %v", s.name, reused)
		}
		m.applyHits(h)
		assertHitsLookedUp(t, m, s.ids)
		if m.found.basis.shown != nil {
			t.Errorf("%s: the hits shown keep those before them", s.name)
		}
	}
}

// IDs that share their memory, as slices of one string do, or that a
// search named other events by before the events changed, light the
// events they name: an event is known by the address and the length of
// the string that named it last, and only among the events it was found
// in.
func TestHitBasis_HitsByIDsSharingMemory(t *testing.T) {
	evs := inTimeOrder(syntheticEvents(200, 3))
	const all = "ab-123"
	for i, id := range []string{all[:4], all[:5], all} { // "ab-1", "ab-12", "ab-123"
		evs[10*i+5].ID = id
	}
	m := newTestModel(t, LanesByGroup, evs)
	steps := [][]string{{all}, {all[:5]}, {all[:4], all}, {all[:5], all[:4]}}
	for _, ids := range steps {
		m.setHits(ids)
		assertHitsLookedUp(t, m, ids)
	}
	// The same strings name other events once the events are others.
	evs2 := inTimeOrder(syntheticEvents(200, 4))
	evs2[7].ID, evs2[150].ID, evs2[3].ID = all[:5], all, all[:4]
	m.setEvents(evs2)
	for _, ids := range steps {
		m.setHits(ids)
		assertHitsLookedUp(t, m, ids)
	}
}

// A spread built one change at a time is the one spreadOf counts.
func TestSpreadBuilder_AsSpreadOf(t *testing.T) {
	changes := []rateChange{{0, 0.5}, {0, 0.25}, {2, -0.5}, {3, 1}, {3, -0.25}, {4, -1}, {7, 0.1}, {17, -0.1}}
	for n := range len(changes) + 1 {
		var b spreadBuilder
		for _, ch := range changes[:n] {
			b.add(ch.at, ch.by)
		}
		got, want := b.count(), spreadOf(changes[:n])
		if !slices.Equal(got.at, want.at) || !slices.Equal(got.cum, want.cum) || !slices.Equal(got.rate, want.rate) {
			t.Errorf("%d changes: built %+v, want %+v", n, got, want)
		}
	}
}
