package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// newReviewedWindow is the fake window with its events reviewed: the
// removal verified, tagged and noted, the protests disputed, the rest
// unreviewed; the filter bar shown.
func newReviewedWindow(tb testing.TB) (*mainView, fyne.Window) {
	tb.Helper()
	c := newFakeCorpus(tb)
	for _, e := range c.events {
		switch e.ID {
		case "removed":
			e.Status, e.Tags, e.Notes = data.Verified, []string{"coup", "key"}, 1
		case "after":
			e.Status, e.Tags = data.Disputed, []string{"protest"}
		}
	}
	v, w := newTestWindowOn(tb, c)
	v.timeline.SetView(parseDay(tb, "2022-11-28"), parseDay(tb, "2022-12-16").Add(24*time.Hour))
	if v.filters.content.Visible() {
		tb.Fatal("the filter bar is shown before it is asked for")
	}
	test.Tap(find(tb, v.content, func(b *widget.Button) bool { return b.Text == "Filters" }))
	return v, w
}

// tapCheck taps the check labelled text inside o, as a person would.
func tapCheck(tb testing.TB, o fyne.CanvasObject, text string) {
	tb.Helper()
	test.Tap(find(tb, o, func(c *widget.Check) bool { return c.Text == text }))
}

// find returns the first widget of type W inside o that match says is
// the one.
func find[W fyne.Widget](tb testing.TB, o fyne.CanvasObject, match func(W) bool) W {
	tb.Helper()
	var found W
	ok := false
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if ok {
			return
		}
		if x, is := o.(W); is && match(x) {
			found, ok = x, true
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if !ok {
		tb.Fatalf("no such %T", found)
	}
	return found
}

func shownIDs(v *mainView) []string {
	var ids []string
	for i := range v.timeline.events {
		ids = append(ids, v.timeline.id(int32(i)))
	}
	slices.Sort(ids)
	return ids
}

// TestFilterBar_Fields checks that each field of the bar, used as a
// person would, says its part of the filter, and that Clear filters
// empties them all.
func TestFilterBar_Fields(t *testing.T) {
	v, w := newReviewedWindow(t)
	b := v.filters
	if !b.content.Visible() {
		t.Fatal("the Filters button does not show the bar")
	}
	if !b.clear.Disabled() {
		t.Error("Clear filters is enabled with no filter")
	}
	tapCheck(t, b.content, "Verified")
	tapCheck(t, b.content, "Needs source")
	w.Canvas().Focus(b.tag)
	test.Type(b.tag, "co")
	if got := b.offered; !slices.Equal(got, []string{"coup"}) {
		t.Errorf("typing “co” offers %q, want the tag coup", got)
	}
	test.Type(b.tag, "UP") // the tag, typed in other case
	b.group.SetSelected("Peru")
	b.category.SetSelected("diplomacy")
	test.Type(b.from, "2022-12")
	test.Type(b.to, "[2022-12-07..2022-12-21]")
	tapCheck(t, b.content, "Has notes")

	got := b.Filter()
	want := data.Filter{
		Statuses: []data.Status{data.Verified, data.NeedsSource}, Tags: []string{"coup"},
		Groups: []string{data.GroupPeru}, Categories: []string{"diplomacy"},
		From: day(2022, 12, 1), To: day(2022, 12, 21), HasNotes: true,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("filter\n got %+v\nwant %+v", got, want)
	}
	if ids := shownIDs(v); !slices.Equal(ids, []string{"removed"}) {
		t.Errorf("shown %q, want only the removal", ids)
	}

	test.Tap(b.clear)
	if f := b.Filter(); !f.Empty() || b.tag.Text != "" || b.from.Text != "" || b.notes.Checked {
		t.Errorf("Clear filters leaves %+v", f)
	}
	if len(v.timeline.events) != 4 || !b.clear.Disabled() {
		t.Errorf("after Clear filters %d events shown, Clear enabled %v", len(v.timeline.events), !b.clear.Disabled())
	}
	v.toggleFilters()
	if b.content.Visible() {
		t.Error("View › Filters does not hide the bar again")
	}
}

// TestFilterDay checks the dates the range entries take: YYYY-MM-DD and
// EDTF, the first day they may mean for From and the last for To.
func TestFilterDay(t *testing.T) {
	tests := []struct {
		in          string
		first, last time.Time
		bad         bool
	}{
		{"", time.Time{}, time.Time{}, false},
		{"2022-12-07", day(2022, 12, 7), day(2022, 12, 7), false},
		{"2022-12", day(2022, 12, 1), day(2022, 12, 31), false},
		{"2022", day(2022, 1, 1), day(2022, 12, 31), false},
		{"[2022-12-07..2022-12-21]", day(2022, 12, 7), day(2022, 12, 21), false},
		{"2022-11/2022-12-14", day(2022, 11, 1), day(2022, 12, 14), false},
		{"7 Dec", time.Time{}, time.Time{}, true},
	}
	for _, tc := range tests {
		first, err1 := filterDay(tc.in, true)
		last, err2 := filterDay(tc.in, false)
		if (err1 != nil) != tc.bad || (err2 != nil) != tc.bad || !first.Equal(tc.first) || !last.Equal(tc.last) {
			t.Errorf("%q: %v %v (%v, %v), want %v %v bad %v", tc.in, first, last, err1, err2, tc.first, tc.last, tc.bad)
		}
	}
}

// TestMainView_Filter checks that the filter reaches everything that
// lists events: the timeline draws only the events kept, Previous and
// Next go through them only, the results hide hits of the others, and the
// status line says how many are shown.
func TestMainView_Filter(t *testing.T) {
	v, w := newReviewedWindow(t)
	typeQuery(t, v, w, "e") // every title has an e
	if got := len(v.results.Rows()); got != 5 {
		t.Fatalf("the search lists %d rows, want a heading and 4 events: %q", got, v.results.Rows())
	}

	tapCheck(t, v.filters.content, "Verified")
	tapCheck(t, v.filters.content, "Disputed")

	if ids := shownIDs(v); !slices.Equal(ids, []string{"after", "removed"}) {
		t.Errorf("the timeline has %q, want the verified and the disputed", ids)
	}
	rows := strings.Join(v.results.Rows(), "|")
	if strings.Contains(rows, "Cabinet reshuffle") || strings.Contains(rows, "Ties severed") || !strings.Contains(rows, "Protests in Lima") {
		t.Errorf("the results list %q, want only the events kept", rows)
	}
	if want := "2 matching events on the timeline · 2 of 4 events shown"; !strings.Contains(v.status.Text, want) {
		t.Errorf("status %q lacks %q", v.status.Text, want)
	}

	v.timeline.Select("removed")
	v.timeline.SelectPrevious()
	if got := v.timeline.Selected(); got != "removed" {
		t.Errorf("Previous from the first kept event selects %q, want it to stay", got)
	}
	v.timeline.SelectNext()
	if got := v.timeline.Selected(); got != "after" {
		t.Errorf("Next from the removal selects %q, want the protests", got)
	}
	if prev, next := v.neighbours("removed"); prev || !next {
		t.Errorf("neighbours of the first kept event: %v %v, want none before and one after", prev, next)
	}

	v.search.SetText("")
	v.waitForSearch()
	if want := "2 of 4 events shown · fake"; v.status.Text != want {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}
	test.Tap(v.filters.clear)
	if want := "4 events · fake"; v.status.Text != want {
		t.Errorf("status after Clear filters %q, want %q", v.status.Text, want)
	}
}

// TestMainView_KeptResultsKeepOtherKinds checks that the filter drops
// only events from the results: people, places, documents and passages
// of documents stay.
func TestMainView_KeptResultsKeepOtherKinds(t *testing.T) {
	v, _ := newReviewedWindow(t)
	v.filter = data.Filter{Statuses: []data.Status{data.Verified}}
	res := &data.Results{
		Hits: []data.Hit{{Kind: data.KindEvent, ID: "removed"}, {Kind: data.KindEvent, ID: "before"},
			{Kind: data.KindActor, ID: "congress"}, {Kind: data.KindDocument, ID: "wire"}},
		Text: []data.TextHit{{Kind: data.KindDocument, ID: "wire"}, {Kind: data.KindEvent, ID: "after"}},
	}
	got := v.keptResults(res)
	var ids []string
	for _, h := range got.Hits {
		ids = append(ids, h.ID)
	}
	for _, h := range got.Text {
		ids = append(ids, "text:"+h.ID)
	}
	if want := []string{"removed", "congress", "wire", "text:wire"}; !slices.Equal(ids, want) {
		t.Errorf("kept %q, want %q", ids, want)
	}
}

// TestMainView_KeptEventsReadAnew checks that a filter goes by the events
// as last read: the index it looks them up by, made when a filter first
// asks, is made again for events read anew in another order.
func TestMainView_KeptEventsReadAnew(t *testing.T) {
	v, _ := newReviewedWindow(t)
	v.filter = data.Filter{Statuses: []data.Status{data.Verified}}
	keptIDs := func() []string {
		var ids []string
		for _, id := range []string{"before", "removed", "after", "reshuffle"} {
			if v.kept(id) {
				ids = append(ids, id)
			}
		}
		return ids
	}
	want := keptIDs()
	if len(want) == 0 || len(want) == v.events.Len() {
		t.Fatalf("the filter keeps %q: want some events and not others", want)
	}
	evs := tableEvents(v.events)
	slices.Reverse(evs)
	v.events = newEventTable(evs)
	v.eventsChanged()
	if got := keptIDs(); !slices.Equal(got, want) {
		t.Errorf("after the events are read anew in another order, the filter keeps %q, want %q", got, want)
	}
}

// BenchmarkMainView_Filter measures a change of filter at 100k events:
// filtering in memory and giving the timeline the events kept.
func BenchmarkMainView_Filter(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			evs := syntheticEvents(n, 1)
			// As the store lists them.
			slices.SortFunc(evs, func(a, b data.EventSummary) int { return data.CompareEvents(&a, &b) })
			tl, _ := newTestTimeline(b, evs)
			v := &mainView{events: newEventTable(evs), timeline: tl, status: widget.NewLabel(""), corpus: &fakeCorpus{}}
			filters := []data.Filter{{Statuses: []data.Status{data.Verified}}, {Groups: []string{data.GroupPeru}}}
			k := 0
			b.ReportAllocs()
			for b.Loop() {
				v.onFilterChanged(filters[k%2])
				k++
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/change")
		})
	}
}

// fixtureCorpus is the timeline's fixture events and documents as a
// corpus, for the window.
func fixtureCorpus() *fakeCorpus {
	c := &fakeCorpus{docs: map[string]*data.Document{}}
	for _, e := range fixtureEvents() {
		c.events = append(c.events, &data.Event{EventSummary: e, Summary: "What happened: " + e.Title + "."})
	}
	for _, d := range fixtureDocs() {
		c.docs[d.ID] = &data.Document{DocumentSummary: d}
	}
	return c
}

// TestMainView_FilterPicture is the window with reviewed events and a
// filter on: every status but unreviewed, from November 2022. With
// -update it saves the picture for docs/; it is not compared, as the
// panes around the timeline change under other work.
func TestMainView_FilterPicture(t *testing.T) {
	v, w := newTestWindowOn(t, fixtureCorpus())
	v.toggleFilters()
	tapCheck(t, v.filters.content, "Verified")
	tapCheck(t, v.filters.content, "Disputed")
	tapCheck(t, v.filters.content, "Needs source")
	test.Type(v.filters.from, "2022-11")
	v.timeline.SetView(day(2022, 11, 25), day(2023, 1, 20))
	v.timeline.Select("ev-self-coup")
	v.showEvent("ev-self-coup")
	v.detail.wait()
	if ids := shownIDs(v); !slices.Equal(ids, []string{"ev-arrest", "ev-emergency", "ev-removal", "ev-self-coup"}) {
		t.Errorf("shown %q, want the reviewed events from November 2022", ids)
	}
	if want := "4 of 24 events shown · fake"; v.status.Text != want {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}
	if *update {
		writePNG(t, filepath.Join("..", "docs", "issue9-filter-headless.png"), w.Canvas().Capture())
	}
}
