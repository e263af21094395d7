package app

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"chronoscope/data"
)

// These tests drive the timeline's model on its own, without Fyne.

func newTestModel(tb testing.TB, mode LaneMode, evs []data.EventSummary) *timelineModel {
	tb.Helper()
	m := &timelineModel{laneMode: mode}
	m.setEvents(evs)
	return m
}

func laneIDs(m *timelineModel) map[string][]string {
	got := map[string][]string{}
	for _, ln := range m.lanes {
		for _, ei := range ln.items {
			got[ln.name] = append(got[ln.name], m.id(int32(ei)))
		}
		for _, ei := range ln.undated {
			got[ln.name] = append(got[ln.name], m.id(int32(ei))+" (undated)")
		}
	}
	return got
}

func TestTimelineModel_SetEventsSorts(t *testing.T) {
	evs := []data.EventSummary{
		{ID: "c", Date: on(2022, 3, 1)},
		{ID: "undated-b", Date: data.DateRange{Precision: data.Unknown}},
		{ID: "b-long", Date: between(day(2022, 1, 1), day(2022, 1, 5))},
		{ID: "undated-a", Date: data.DateRange{Precision: data.Unknown}},
		{ID: "a-short", Date: on(2022, 1, 1)},
		{ID: "a-short-2", Date: on(2022, 1, 1)},
		{ID: "month", Date: monthOf(2021, 12)},
	}
	m := newTestModel(t, LanesByGroup, evs)

	var got []string
	for i := range m.events {
		got = append(got, m.id(int32(i)))
	}
	want := []string{"month", "a-short", "a-short-2", "b-long", "c", "undated-a", "undated-b"}
	if !slices.Equal(got, want) {
		t.Errorf("events in order %q, want %q", got, want)
	}
	for i := range m.events {
		if id := m.id(int32(i)); m.byID.at(id) != i {
			t.Errorf("byID finds %q at %d, not %d", id, m.byID.at(id), i)
		}
	}
	if m.datedCount() != 5 || !m.hasUndated() {
		t.Errorf("datedCount = %d, hasUndated = %v; want 5, true", m.datedCount(), m.hasUndated())
	}
}

// TestTimelineModel_SameDayOrder checks that events of one day follow the
// order the sources narrate (Sequence), not their IDs, in the events' order
// and in the ranks that spread a day's dots across it.
func TestTimelineModel_SameDayOrder(t *testing.T) {
	evs := []data.EventSummary{
		{ID: "a-boluarte", Date: on(2022, 12, 7), Sequence: 3},
		{ID: "b-removal", Date: on(2022, 12, 7), Sequence: 2},
		{ID: "c-unordered", Date: on(2022, 12, 7)},
		{ID: "d-bar", Date: between(day(2022, 12, 7), day(2022, 12, 9)), Sequence: 4},
		{ID: "z-self-coup", Date: on(2022, 12, 7), Sequence: 1},
		{ID: "y-next-day", Date: on(2022, 12, 8), Sequence: 1},
	}
	m := newTestModel(t, LanesByGroup, evs)

	var got []string
	for i := range m.events {
		got = append(got, m.id(int32(i)))
	}
	want := []string{"z-self-coup", "b-removal", "a-boluarte", "d-bar", "c-unordered", "y-next-day"}
	if !slices.Equal(got, want) {
		t.Errorf("events in order %q, want %q", got, want)
	}
	// The bar among the day's dots has no rank; the dots are ranked round it.
	ranks := map[string][2]int32{"z-self-coup": {4, 0}, "b-removal": {4, 1}, "a-boluarte": {4, 2}, "d-bar": {0, 0}, "c-unordered": {4, 3}, "y-next-day": {1, 0}}
	for id, w := range ranks {
		it := m.events[m.byID.at(id)]
		if got := [2]int32{it.dayCount, it.dayRank}; got != w {
			t.Errorf("%s: day count and rank %v, want %v", id, got, w)
		}
	}
}

func TestTimelineModel_Lanes(t *testing.T) {
	evs := []data.EventSummary{
		{ID: "p1", Category: "politics", Group: data.GroupPeru, Date: on(2022, 12, 7)},
		{ID: "p2", Category: " Politics ", Group: data.GroupPeru, Date: on(2022, 12, 8)},
		{ID: "m1", Category: "human-rights", Group: data.GroupMexico, Date: on(2022, 12, 9)},
		{ID: "x1", Category: "", Group: "no such group", Date: on(2022, 12, 10)},
		{ID: "u1", Category: "politics", Group: data.GroupMexico, Date: data.DateRange{Precision: data.Unknown}},
	}
	tests := []struct {
		mode  LaneMode
		names []string
		want  map[string][]string
	}{
		{LanesByGroup, []string{"Mexico", "Peru", "Other"}, map[string][]string{
			"Mexico": {"m1", "u1 (undated)"},
			"Peru":   {"p1", "p2"},
			"Other":  {"x1"},
		}},
		{LanesByCategory, []string{"Uncategorised", "Human rights", "Politics"}, map[string][]string{
			"Uncategorised": {"x1"},
			"Human rights":  {"m1"},
			"Politics":      {"p1", "p2", "u1 (undated)"},
		}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.mode), func(t *testing.T) {
			m := newTestModel(t, tc.mode, evs)

			var names []string
			for _, ln := range m.lanes {
				names = append(names, ln.name)
			}
			if !slices.Equal(names, tc.names) {
				t.Errorf("lanes %q, want %q (no empty lanes)", names, tc.names)
			}
			if got := laneIDs(m); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("events in lanes %v, want %v", got, tc.want)
			}
			for li, ln := range m.lanes {
				for _, ei := range slices.Concat(ln.items, ln.undated) {
					if m.events[ei].lane != int32(li) {
						t.Errorf("%s is in lane %d but says %d", m.id(int32(ei)), li, m.events[ei].lane)
					}
				}
			}
		})
	}
}

func TestTimelineModel_LaneOrder(t *testing.T) {
	tests := []struct {
		mode LaneMode
		want []string
	}{
		{LanesByGroup, []string{"Mexico", "Peru", "United States", "Regional", "Other"}},
		{LanesByCategory, []string{"Diplomacy", "Economy", "Politics", "Protest", "Security"}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.mode), func(t *testing.T) {
			m := newTestModel(t, LanesByGroup, fixtureEvents())
			m.setLaneMode(tc.mode)
			var got []string
			for _, ln := range m.lanes {
				got = append(got, ln.name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("lanes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTimelineModel_SetLaneMode(t *testing.T) {
	m := newTestModel(t, LanesByGroup, fixtureEvents())
	if m.setLaneMode(LanesByGroup) {
		t.Error("setting the same mode reported a change")
	}
	if !m.setLaneMode(LanesByCategory) || m.laneMode != LanesByCategory {
		t.Error("changing the mode was not reported")
	}
}

func TestTimelineModel_LaneKey(t *testing.T) {
	tests := []struct {
		mode            LaneMode
		group, category string
		want            string
	}{
		{LanesByGroup, data.GroupPeru, "politics", data.GroupPeru},
		{LanesByGroup, data.GroupUnitedStates, "", data.GroupUnitedStates},
		{LanesByGroup, "", "politics", data.GroupOther},
		{LanesByGroup, "Atlantis", "politics", data.GroupOther},
		{LanesByCategory, data.GroupPeru, "politics", "politics"},
		{LanesByCategory, data.GroupPeru, "  Human-Rights ", "human-rights"},
		{LanesByCategory, data.GroupPeru, "", ""},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%v/%s/%s", tc.mode, tc.group, tc.category), func(t *testing.T) {
			m := &timelineModel{laneMode: tc.mode, tab: newEventTable([]data.EventSummary{{Group: tc.group, Category: tc.category}})}
			it := eventItem{}
			if got := m.laneKey(&it); got != tc.want {
				t.Errorf("laneKey = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestLaneCategoryName(t *testing.T) {
	tests := []struct{ key, want string }{
		{"", "Uncategorised"},
		{"politics", "Politics"},
		{"human-rights", "Human rights"},
		{"state_of_emergency", "State of emergency"},
		{"élections", "Élections"},
		{"international-relations-and-trade", "International…"},
	}
	for _, tc := range tests {
		if got := laneCategoryName(tc.key); got != tc.want {
			t.Errorf("laneCategoryName(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestNewEventItem(t *testing.T) {
	tests := []struct {
		name     string
		date     data.DateRange
		kind     markKind
		from, to time.Time
	}{
		{"a day is a dot", on(2022, 12, 7), kindDot, day(2022, 12, 7), day(2022, 12, 8)},
		{"days dated before shapes are a band", between(day(2022, 6, 6), day(2022, 6, 10)), kindBand, day(2022, 6, 6), day(2022, 6, 11)},
		{"a week is a band", weekOf(day(2022, 4, 4)), kindBand, day(2022, 4, 4), day(2022, 4, 11)},
		{"a week given as its Monday", data.DateRange{Start: day(2022, 4, 4), End: day(2022, 4, 4), Precision: data.Week}, kindBand, day(2022, 4, 4), day(2022, 4, 11)},
		{"a month given as its first day", data.DateRange{Start: day(2023, 2, 1), End: day(2023, 2, 1), Precision: data.Month}, kindBand, day(2023, 2, 1), day(2023, 3, 1)},
		{"a year given as its first day", data.DateRange{Start: day(2022, 1, 1), End: day(2022, 1, 1), Precision: data.Year}, kindBand, day(2022, 1, 1), day(2023, 1, 1)},
		{"times of day are dropped", data.DateRange{Start: day(2022, 12, 7).Add(15 * time.Hour), End: day(2022, 12, 7).Add(16 * time.Hour), Precision: data.Day}, kindDot, day(2022, 12, 7), day(2022, 12, 8)},
		{"unknown is undated", data.DateRange{Precision: data.Unknown}, kindUndated, time.Time{}, time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := newEventItem(&data.EventSummary{ID: "e", Title: "A title", Date: tc.date})
			if it.kind != tc.kind {
				t.Errorf("kind = %v, want %v", it.kind, tc.kind)
			}
			if tc.kind == kindUndated {
				return
			}
			if it.start != unixSeconds(tc.from) || it.end != unixSeconds(tc.to) {
				t.Errorf("span %v–%v, want %v–%v", timeAtSeconds(it.start), timeAtSeconds(it.end), tc.from, tc.to)
			}
		})
	}
}

func TestTimelineModel_Labels(t *testing.T) {
	long := "Peru withdraws its ambassador from Mexico for good after months of dispute over asylum"
	var m timelineModel
	m.setEvents([]data.EventSummary{{ID: "long", Title: long, Date: on(2023, 2, 24)}, {ID: "short", Title: "Short", Date: on(2023, 2, 25)}})
	label, full := m.label(0), m.fullLabel(0)
	if n := len([]rune(label)); n > maxLabelRunes || label[len(label)-len("…"):] != "…" {
		t.Errorf("label %q is %d runes or not clipped", label, n)
	}
	if n := len([]rune(full)); n > maxSelectedRunes || len(full) <= len(label) {
		t.Errorf("full label %q is %d runes, label %q", full, n, label)
	}
	if m.label(0) != label || m.fullLabel(0) != full {
		t.Errorf("labels asked again are %q, %q; want %q, %q", m.label(0), m.fullLabel(0), label, full)
	}
	if m.label(1) != "Short" || m.fullLabel(1) != "Short" {
		t.Errorf("a short title became %q, %q", m.label(1), m.fullLabel(1))
	}
	// Given anew, the events are labelled by their own titles.
	other := "Mexico grants asylum to the family of the former president after talks in Lima"
	m.setEvents([]data.EventSummary{{ID: "other", Title: other, Date: on(2023, 2, 24)}})
	for _, l := range []string{m.label(0), m.fullLabel(0)} {
		if !strings.HasPrefix(other, strings.TrimSuffix(l, "…")) {
			t.Errorf("label %q of an event given anew is not of its title %q", l, other)
		}
	}
}

func TestTimelineModel_RankDays(t *testing.T) {
	evs := []data.EventSummary{
		{ID: "a", Date: on(2022, 12, 7)},
		{ID: "b", Date: on(2022, 12, 7)},
		{ID: "c", Date: on(2022, 12, 7)},
		{ID: "d", Date: on(2022, 12, 8)},
		{ID: "bar", Date: between(day(2022, 12, 8), day(2022, 12, 9))},
	}
	m := newTestModel(t, LanesByGroup, evs)
	want := map[string][2]int32{"a": {3, 0}, "b": {3, 1}, "c": {3, 2}, "d": {1, 0}, "bar": {0, 0}}
	for id, w := range want {
		it := m.events[m.byID.at(id)]
		if got := [2]int32{it.dayCount, it.dayRank}; got != w {
			t.Errorf("%s: day count and rank %v, want %v", id, got, w)
		}
	}
}

func TestTimelineLane_Visible(t *testing.T) {
	m := newTestModel(t, LanesByGroup, syntheticEvents(5000, 9))
	windows := []struct {
		name     string
		from, to time.Time
	}{
		{"a day", day(2022, 12, 7), day(2022, 12, 8)},
		{"half a day", day(2022, 12, 7).Add(6 * time.Hour), day(2022, 12, 7).Add(18 * time.Hour)},
		{"a month", day(2022, 12, 1), day(2023, 1, 1)},
		{"a year", day(2022, 1, 1), day(2023, 1, 1)},
		{"everything", day(2000, 1, 1), day(2040, 1, 1)},
		{"before anything", day(1990, 1, 1), day(1991, 1, 1)},
		{"after everything", day(2030, 1, 1), day(2031, 1, 1)},
	}
	for _, w := range windows {
		t.Run(w.name, func(t *testing.T) {
			from, to := unixSeconds(w.from), unixSeconds(w.to)
			for li, ln := range m.lanes {
				var want []int32
				for p, ei := range ln.items {
					if it := m.events[ei]; it.end > from && it.start < to {
						want = append(want, int32(p))
					}
				}
				got := ln.visible(m.events, from, to, nil)
				if !slices.Equal(got, want) {
					t.Errorf("lane %d: %d visible, want %d", li, len(got), len(want))
				}
				if n := countOverlapping(ln.starts, ln.ends, from, to); n != len(want) {
					t.Errorf("lane %d: countOverlapping = %d, want %d", li, n, len(want))
				}
			}
		})
	}
}

func TestCountOverlapping(t *testing.T) {
	// Three events: [0,10), [5,20), [30,40).
	starts, ends := []float64{0, 5, 30}, []float64{10, 20, 40}
	tests := []struct {
		from, to float64
		want     int
	}{
		{0, 50, 3},
		{10, 30, 1}, // the first ends as the view starts, the third starts as it ends
		{9, 31, 3},
		{20, 30, 0},
		{-10, 0, 0},
		{6, 7, 2},
	}
	for _, tc := range tests {
		if got := countOverlapping(starts, ends, tc.from, tc.to); got != tc.want {
			t.Errorf("countOverlapping(%v, %v) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestTimelineModel_Highlight(t *testing.T) {
	m := newTestModel(t, LanesByGroup, fixtureEvents())
	lit := map[string]bool{"ev-ayacucho": true, "ev-juliaca": true, "ev-arrest": false, "no-such-event": true}

	m.setHits(litIDs(lit))

	for i, it := range m.events {
		id := m.id(int32(i))
		wantHit := id == "ev-ayacucho" || id == "ev-juliaca"
		if it.hit != wantHit || m.dimmed(int32(i)) == wantHit {
			t.Errorf("%s: hit %v, dimmed %v", id, it.hit, m.dimmed(int32(i)))
		}
	}
	peru := m.lanes[1]
	if peru.name != "Peru" || len(peru.hitStarts) != 2 || len(peru.hitEnds) != 2 {
		t.Errorf("lane %s indexes %d hit starts, %d hit ends; want 2", peru.name, len(peru.hitStarts), len(peru.hitEnds))
	}
	if m.events[m.byID.at("ev-arrest")].hit {
		t.Error("an ID mapped to false is highlighted")
	}

	m.setHits(nil)

	for i, it := range m.events {
		if it.hit || m.dimmed(int32(i)) {
			t.Errorf("%s: still hit %v or dimmed after clearing", m.id(int32(i)), it.hit)
		}
	}
	if len(m.lanes[1].hitStarts) != 0 {
		t.Error("clearing left hit indexes")
	}
}

func TestTimelineModel_FindInView(t *testing.T) {
	// Events that end in the order they start, so that the binary searches
	// have one right answer.
	evs := []data.EventSummary{
		{ID: "a", Date: on(2022, 1, 1)},
		{ID: "b", Date: between(day(2022, 1, 2), day(2022, 1, 9))},
		{ID: "c", Date: monthOf(2022, 2)},
		{ID: "d", Date: on(2022, 3, 1)},
		{ID: "u", Date: data.DateRange{Precision: data.Unknown}},
	}
	m := newTestModel(t, LanesByGroup, evs)
	tests := []struct {
		at         time.Time
		firstAfter string // first event ending after at
		lastBefore string // last event starting before at
	}{
		{day(2000, 1, 1), "a", ""},
		{day(2022, 1, 1), "a", ""},
		{day(2022, 1, 2), "b", "a"},
		{day(2022, 1, 5), "b", "b"},
		{day(2022, 2, 1), "c", "b"},
		{day(2022, 3, 2), "", "d"},
	}
	id := func(i int) string {
		if i < 0 || i >= m.datedCount() {
			return ""
		}
		return m.id(int32(i))
	}
	for _, tc := range tests {
		t.Run(tc.at.Format(time.DateOnly), func(t *testing.T) {
			s := unixSeconds(tc.at)
			if got := id(m.firstEndingAfter(s)); got != tc.firstAfter {
				t.Errorf("firstEndingAfter = %q, want %q", got, tc.firstAfter)
			}
			if got := id(m.lastStartingBefore(s)); got != tc.lastBefore {
				t.Errorf("lastStartingBefore = %q, want %q", got, tc.lastBefore)
			}
		})
	}
}

// TestTimelineModel_FindInViewLongEvents checks the searches when a long
// event makes the ends unsorted: the first event ending after the time is
// the first in the events' order, however long before it starts.
func TestTimelineModel_FindInViewLongEvents(t *testing.T) {
	m := newTestModel(t, LanesByGroup, fixtureEvents())
	for _, at := range []time.Time{day(2021, 1, 1), day(2022, 6, 6), day(2022, 12, 7), day(2022, 12, 8), day(2023, 1, 20)} {
		s := unixSeconds(at)
		i := m.firstEndingAfter(s)
		if i >= m.datedCount() || m.events[i].end <= s {
			t.Errorf("firstEndingAfter(%v) = %d", at.Format(time.DateOnly), i)
		}
		for k := range i {
			if m.events[k].end > s {
				t.Errorf("firstEndingAfter(%v) = %d (%s), but %s comes first and ends after it", at.Format(time.DateOnly), i, m.id(int32(i)), m.id(int32(k)))
			}
		}
		j := m.lastStartingBefore(s)
		if j >= 0 && m.events[j].start >= s || j+1 < m.datedCount() && m.events[j+1].start < s {
			t.Errorf("lastStartingBefore(%v) = %d", at.Format(time.DateOnly), j)
		}
	}
}

func TestTimelineModel_Extent(t *testing.T) {
	tests := []struct {
		name     string
		events   []data.EventSummary
		docs     []data.DocumentSummary
		want     bool
		from, to time.Time
	}{
		{"nothing", nil, nil, false, time.Time{}, time.Time{}},
		{"only undated", []data.EventSummary{{ID: "u", Date: data.DateRange{Precision: data.Unknown}}}, nil, false, time.Time{}, time.Time{}},
		{"events", []data.EventSummary{{ID: "a", Date: on(2022, 1, 1)}, {ID: "b", Date: monthOf(2022, 3)}}, nil, true, day(2022, 1, 1), day(2022, 4, 1)},
		{"documents widen it", []data.EventSummary{{ID: "a", Date: on(2022, 1, 1)}},
			[]data.DocumentSummary{{ID: "d", Published: on(2022, 2, 1)}}, true, day(2022, 1, 1), day(2022, 2, 2)},
		{"fixture", fixtureEvents(), fixtureDocs(), true, day(2021, 9, 18), day(2023, 3, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestModel(t, LanesByGroup, tc.events)
			m.setCoverage(tc.docs)
			if m.hasExtent != tc.want {
				t.Fatalf("hasExtent = %v, want %v", m.hasExtent, tc.want)
			}
			if tc.want && (m.extentFrom != unixSeconds(tc.from) || m.extentTo != unixSeconds(tc.to)) {
				t.Errorf("extent %v–%v, want %v–%v", timeAtSeconds(m.extentFrom), timeAtSeconds(m.extentTo), tc.from, tc.to)
			}
		})
	}
}

func TestPubCoverage_At(t *testing.T) {
	c := newCoverage([]data.DocumentSummary{
		{ID: "a", Published: on(2022, 1, 1)},
		{ID: "b", Published: on(2022, 1, 1)},
		{ID: "week", Published: weekOf(day(2022, 1, 3))}, // a seventh on each day to 9 Jan
		{ID: "u", Published: data.DateRange{Precision: data.Unknown}},
	})
	if c.undated != 1 || c.days() != 9 {
		t.Fatalf("undated %d, days %d; want 1, 9", c.undated, c.days())
	}
	tests := []struct {
		at   time.Time
		want float64
	}{
		{day(2021, 12, 31), 0},
		{day(2022, 1, 1), 0},
		{day(2022, 1, 1).Add(12 * time.Hour), 1},
		{day(2022, 1, 2), 2},
		{day(2022, 1, 3), 2},
		{day(2022, 1, 4), 2 + 1.0/7},
		{day(2022, 1, 10), 3},
		{day(2023, 1, 1), 3},
	}
	for _, tc := range tests {
		if got := c.at(unixSeconds(tc.at)); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("at(%v) = %v, want %v", tc.at.Format(time.DateTime), got, tc.want)
		}
	}
	if empty := newCoverage(nil); empty.days() != 0 || empty.at(0) != 0 {
		t.Errorf("no documents: %d days, at(0) = %v", empty.days(), empty.at(0))
	}
}

// TestColumnCount checks a histogram's counts: moments spread over their
// days, so that each counts once in all, and a span counted once in every
// column it lasts through.
func TestColumnCount(t *testing.T) {
	// A 10-second moment, a 20-second one overlapping it, one starting as
	// the first ends, and one a second long.
	moments := []eventItem{{start: 0, end: 10, kind: kindBand}, {start: 5, end: 25, kind: kindBand}, {start: 10, end: 20, kind: kindBand}, {start: 40, end: 41, kind: kindBand}}
	span := eventItem{start: 12, end: 31, kind: kindBar}
	tests := []struct {
		name   string
		events []eventItem
		want   []float64 // columns 5 seconds wide from 0
	}{
		{"moments", moments, []float64{0.5, 0.75, 0.75, 0.75, 0.25, 0, 0, 0, 1}},
		{"moments and a span", append(slices.Clone(moments), span), []float64{0.5, 0.75, 1.75, 1.75, 1.25, 1, 1, 0, 1}},
		{"nothing", nil, []float64{0, 0, 0, 0, 0, 0, 0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			items := make([]int32, len(tc.events))
			for i := range items {
				items[i] = int32(i)
			}
			c := newColumnCount(tc.events, items)
			got, peak := c.columns(nil, 0, 5, 45, 9)
			for i := range tc.want {
				if math.Abs(got[i]-tc.want[i]) > 1e-9 {
					t.Errorf("columns %v, want %v", got, tc.want)
					break
				}
			}
			if want := slices.Max(tc.want); math.Abs(peak-want) > 1e-9 {
				t.Errorf("peak %v, want %v", peak, want)
			}
		})
	}
}

// TestTimeline_DatingOrder checks that Next walks spans by their start and
// moments by their earliest day, then in the order the sources narrate a
// day, as data.CompareEvents orders them: a span until 4 Dec, with no
// known start, comes at its end.
func TestTimeline_DatingOrder(t *testing.T) {
	ev := func(id string) data.EventSummary {
		return data.EventSummary{ID: id, Title: id, Group: data.GroupPeru, Sources: 1}
	}
	dot, narrated, within := ev("a-dot-on-2"), ev("b-narrated-first-on-2"), ev("c-sometime-in-3-5")
	dot.Date, narrated.Date, within.Date = on(2022, 12, 2), between(day(2022, 12, 2), day(2022, 12, 10)), between(day(2022, 12, 3), day(2022, 12, 5))
	narrated.Sequence = 1
	evs := []data.EventSummary{
		spanning(ev("z-until-4"), openEnd, exactly(day(2022, 12, 4))),
		momentary(within), momentary(dot), momentary(narrated),
		spanning(ev("y-from-1-to-20"), exactly(day(2022, 12, 1)), exactly(day(2022, 12, 20))),
	}
	tl, _ := newTestTimeline(t, evs)
	var got []string
	tl.OnSelected = func(id string) { got = append(got, id) }
	for range evs {
		tl.SelectNext()
	}
	want := []string{"y-from-1-to-20", "b-narrated-first-on-2", "a-dot-on-2", "c-sometime-in-3-5", "z-until-4"}
	if !slices.Equal(got, want) {
		t.Errorf("Next walked %q, want %q", got, want)
	}
}

// The hits' counts, merged from the lane's orders by start and by end,
// are those a sort gives.
func TestTimelineModel_HitCountsMerged(t *testing.T) {
	m := newTestModel(t, LanesByGroup, syntheticEvents(5000, 4))
	var lit []string
	for i := range m.events {
		if i%3 != 0 {
			lit = append(lit, m.id(int32(i)))
		}
	}
	m.setHits(lit)
	for _, ln := range m.lanes {
		want := newColumnCount(m.events, ln.hitItems)
		got := ln.hitCount
		if !slices.Equal(got.spanStarts, want.spanStarts) || !slices.Equal(got.spanEnds, want.spanEnds) || !slices.Equal(got.moments.at, want.moments.at) {
			t.Fatalf("lane %s: merged counts differ from sorted ones", ln.name)
		}
		for i := range want.moments.cum {
			if math.Abs(got.moments.cum[i]-want.moments.cum[i]) > 1e-6 || math.Abs(got.moments.rate[i]-want.moments.rate[i]) > 1e-12 {
				t.Fatalf("lane %s: at %v counted %v, %v; want %v, %v", ln.name, want.moments.at[i], got.moments.cum[i], got.moments.rate[i], want.moments.cum[i], want.moments.rate[i])
			}
		}
		ends := slices.Clone(ln.hitEnds)
		slices.Sort(ends)
		if !slices.Equal(ends, ln.hitEnds) || len(ln.hitEnds) != len(ln.hitStarts) {
			t.Fatalf("lane %s: hit ends not in order", ln.name)
		}
	}
}
