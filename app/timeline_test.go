package app

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"chronoscope/data"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/ instead of comparing with them")

var timelineSize = fyne.NewSize(900, 400)

func TestTimeline_Scroll(t *testing.T) {
	tests := []struct {
		name       string
		x          float32
		dy         float32
		wantNarrow bool
	}{
		{"wheel up zooms in at the middle", 450, 25, true},
		{"wheel up zooms in near the left", 200, 50, true},
		{"wheel down zooms out near the right", 700, -25, false},
		{"big wheel down zooms out", 300, -100, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, w := newTestTimeline(t, fixtureEvents())
			tl.SetView(day(2022, 6, 1), day(2022, 12, 31))
			pos := fyne.NewPos(tc.x, 200)
			test.MoveMouse(w.Canvas(), pos)
			before := timeUnder(tl, tc.x)
			span := viewSpan(tl)

			test.Scroll(w.Canvas(), pos, 0, tc.dy)

			if narrower := viewSpan(tl) < span; narrower != tc.wantNarrow {
				t.Errorf("span went from %v to %v; want narrower %v", span, viewSpan(tl), tc.wantNarrow)
			}
			if moved := math.Abs(timeUnder(tl, tc.x)-before) * tl.lastFrame().pps; moved > 1 {
				t.Errorf("the time under the pointer moved by %.2f px", moved)
			}
		})
	}
}

func TestTimeline_ZoomAt(t *testing.T) {
	tests := []struct {
		name     string
		x        float32
		factor   float64
		wantSpan float64 // in days
	}{
		{"in twofold", 500, 2, 100},
		{"out twofold", 300, 0.5, 400},
		{"in past a day stops at a day", 400, 1e6, 1},
		{"out past 30 years stops there", 400, 1e-6, 30 * 365.25},
		{"nonsense factor is ignored", 400, -1, 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			tl.SetView(day(2022, 6, 1), day(2022, 6, 1).AddDate(0, 0, 200))
			before := timeUnder(tl, tc.x)

			tl.ZoomAt(tc.x, tc.factor)

			if got := viewSpan(tl) / secondsPerDay; math.Abs(got-tc.wantSpan) > 1e-6*tc.wantSpan {
				t.Errorf("span = %v days, want %v", got, tc.wantSpan)
			}
			if moved := math.Abs(timeUnder(tl, tc.x)-before) * tl.lastFrame().pps; moved > 1 {
				t.Errorf("the time under x moved by %.2f px", moved)
			}
		})
	}
}

func TestTimeline_Drag(t *testing.T) {
	tests := []struct {
		name string
		dx   float32
	}{
		{"right shows earlier times", 120},
		{"left shows later times", -80},
		{"a small nudge", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, w := newTestTimeline(t, fixtureEvents())
			from, _ := tl.View()
			span := viewSpan(tl)
			pps := tl.lastFrame().pps

			test.Drag(w.Canvas(), fyne.NewPos(450, 250), tc.dx, 0)

			after, _ := tl.View()
			if got, want := after.Sub(from).Seconds(), -float64(tc.dx)/pps; math.Abs(got-want) > 0.01 {
				t.Errorf("view start moved %.0f s, want %.0f s", got, want)
			}
			if math.Abs(viewSpan(tl)-span) > 0.01 {
				t.Errorf("span changed from %v to %v", span, viewSpan(tl))
			}
		})
	}
}

func TestTimeline_Tapped(t *testing.T) {
	t.Run("a marker selects its event", func(t *testing.T) {
		for _, id := range []string{"ev-celac-summit", "ev-summit-americas", "ev-pacific-alliance", "ev-backchannel"} {
			tl, _ := newTestTimeline(t, fixtureEvents())
			var got []string
			tl.OnSelected = func(id string) { got = append(got, id) }

			test.TapAt(tl, centre(t, tl, id))

			if tl.Selected() != id || len(got) != 1 || got[0] != id {
				t.Errorf("tapping %s: selected %q, OnSelected calls %q", id, tl.Selected(), got)
			}
		}
	})
	t.Run("empty space changes nothing", func(t *testing.T) {
		tl, _ := newTestTimeline(t, fixtureEvents())
		tl.Select("ev-ayacucho")
		called := false
		tl.OnSelected = func(string) { called = true }
		from, to := tl.View()
		p := emptySpot(t, tl)

		test.TapAt(tl, p)

		f2, t2 := tl.View()
		if called || tl.Selected() != "ev-ayacucho" || !f2.Equal(from) || !t2.Equal(to) {
			t.Errorf("tap at %v: called %v, selected %q, view %v–%v", p, called, tl.Selected(), f2, t2)
		}
	})
	t.Run("a cluster zooms into its span", func(t *testing.T) {
		tl, _ := newTestTimeline(t, fixtureEvents())
		h, ok := findHit(tl, hitCluster)
		if !ok {
			t.Fatal("no cluster at the full view")
		}
		span := viewSpan(tl)

		test.TapAt(tl, fyne.NewPos((h.x0+h.x1)/2, (h.y0+h.y1)/2))

		if viewSpan(tl) > span/2 {
			t.Errorf("span went from %v to %v; want at least twofold zoom", span, viewSpan(tl))
		}
		if tl.from > h.from || tl.to < h.to {
			t.Errorf("view %v–%v does not cover the cluster %v–%v", tl.from, tl.to, h.from, h.to)
		}
	})
	t.Run("zooming in splits clusters", func(t *testing.T) {
		tl, _ := newTestTimeline(t, fixtureEvents())
		for range 10 {
			r, kind, _ := tl.markOf("ev-self-coup")
			if kind != hitCluster {
				break
			}
			test.TapAt(tl, fyne.NewPos(r.x+r.w/2, r.y+r.h/2))
		}
		for _, id := range []string{"ev-self-coup", "ev-removal", "ev-boluarte", "ev-arrest"} {
			if _, kind, ok := tl.markOf(id); !ok || kind != hitEvent {
				t.Errorf("%s is not drawn on its own after zooming in", id)
			}
		}
	})
}

func TestTimeline_TypedKey(t *testing.T) {
	extentFrom, extentTo := fixtureExtent()
	tests := []struct {
		name  string
		keys  []fyne.KeyName
		check func(tb testing.TB, tl *Timeline, from, to float64)
	}{
		{"plus zooms in about the middle", []fyne.KeyName{fyne.KeyPlus}, zoomedBy(keyZoomFactor)},
		{"equals zooms in too", []fyne.KeyName{fyne.KeyEqual}, zoomedBy(keyZoomFactor)},
		{"minus zooms out", []fyne.KeyName{fyne.KeyMinus}, zoomedBy(1 / keyZoomFactor)},
		{"left pans earlier", []fyne.KeyName{fyne.KeyLeft}, pannedBy(-keyPanFraction)},
		{"right pans later", []fyne.KeyName{fyne.KeyRight}, pannedBy(keyPanFraction)},
		{"home goes to the start", []fyne.KeyName{fyne.KeyPlus, fyne.KeyPlus, fyne.KeyHome}, func(tb testing.TB, tl *Timeline, _, _ float64) {
			tb.Helper()
			if tl.from > extentFrom || tl.to < extentFrom {
				tb.Errorf("view %v does not show the corpus start %v", tl.from, extentFrom)
			}
		}},
		{"end goes to the end", []fyne.KeyName{fyne.KeyPlus, fyne.KeyPlus, fyne.KeyEnd}, func(tb testing.TB, tl *Timeline, _, _ float64) {
			tb.Helper()
			if tl.from > extentTo || tl.to < extentTo {
				tb.Errorf("view %v–%v does not show the corpus end %v", tl.from, tl.to, extentTo)
			}
		}},
		{"0 fits all", []fyne.KeyName{fyne.KeyPlus, fyne.KeyRight, fyne.Key0}, unchanged},
		{"F fits all", []fyne.KeyName{fyne.KeyMinus, fyne.KeyLeft, fyne.KeyF}, unchanged},
		{"down selects the first event in view", []fyne.KeyName{fyne.KeyDown}, selected("ev-celac-summit")},
		{"down and down walk in time order", []fyne.KeyName{fyne.KeyDown, fyne.KeyDown}, selected("ev-first-vacancy")},
		{"up from nothing selects the last event in view", []fyne.KeyName{fyne.KeyUp}, selected("ev-relations")},
		{"escape clears the selection", []fyne.KeyName{fyne.KeyDown, fyne.KeyEscape}, selected("")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			from, to := tl.from, tl.to
			for _, k := range tc.keys {
				tl.TypedKey(&fyne.KeyEvent{Name: k})
			}
			tc.check(t, tl, from, to)
		})
	}
}

func TestTimeline_SelectNext(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	var got []string
	tl.OnSelected = func(id string) { got = append(got, id) }
	for range len(fixtureEvents()) + 2 {
		tl.SelectNext()
	}
	want := len(fixtureEvents())
	if len(got) != want || got[len(got)-1] != "ev-backchannel" {
		t.Fatalf("walked %d events ending at %q; want %d ending with the undated one", len(got), got[len(got)-1], want)
	}
	for i := 1; i < len(got)-1; i++ {
		a, b := tl.events[tl.byID[got[i-1]]], tl.events[tl.byID[got[i]]]
		if b.start < a.start {
			t.Errorf("%s comes after %s but starts earlier", got[i], got[i-1])
		}
	}
	want3 := got[len(got)-4]
	for range 3 {
		tl.SelectPrevious()
	}
	if tl.Selected() != want3 || got[len(got)-1] != want3 {
		t.Errorf("three back selected %q, want %q", tl.Selected(), want3)
	}
}

func TestTimeline_Select(t *testing.T) {
	tests := []struct {
		name     string
		id       string
		wantView bool // the event must be in view afterwards
	}{
		{"an event in view", "ev-self-coup", true},
		{"an event outside scrolls to it", "ev-celac-summit", true},
		{"an undated event", "ev-backchannel", false},
		{"an unknown ID clears", "no-such-event", false},
		{"empty clears", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			tl.SetView(day(2022, 12, 1), day(2023, 1, 1))
			called := false
			tl.OnSelected = func(string) { called = true }

			tl.Select(tc.id)

			if _, ok := tl.byID[tc.id]; ok && tl.Selected() != tc.id || !ok && tl.Selected() != "" {
				t.Errorf("Selected() = %q", tl.Selected())
			}
			if called {
				t.Error("Select called OnSelected")
			}
			if tc.wantView {
				it := tl.events[tl.byID[tc.id]]
				if it.end <= tl.from || it.start >= tl.to {
					t.Errorf("%s is not in view", tc.id)
				}
				if math.Abs(viewSpan(tl)-31*secondsPerDay) > 1 {
					t.Errorf("selecting changed the span to %v", viewSpan(tl))
				}
				if _, _, ok := tl.markOf(tc.id); !ok {
					t.Errorf("%s is not drawn", tc.id)
				}
			}
		})
	}
}

func TestTimeline_SetView(t *testing.T) {
	tests := []struct {
		name     string
		from, to time.Time
		wantDays float64
	}{
		{"as given", day(2022, 1, 1), day(2022, 3, 1), 59},
		{"reversed", day(2022, 3, 1), day(2022, 1, 1), 59},
		{"too short widens to a day", day(2022, 1, 1), day(2022, 1, 1).Add(time.Hour), 1},
		{"too long narrows to 30 years", day(1900, 1, 1), day(2100, 1, 1), 30 * 365.25},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			var calls int
			tl.OnViewChanged = func(from, to time.Time) { calls++ }

			tl.SetView(tc.from, tc.to)

			from, to := tl.View()
			if got := to.Sub(from).Hours() / 24; math.Abs(got-tc.wantDays) > 0.001 {
				t.Errorf("span = %v days, want %v", got, tc.wantDays)
			}
			if calls != 1 {
				t.Errorf("OnViewChanged called %d times", calls)
			}
			assertLabelsApart(t, tl, tc.name)
		})
	}
}

func TestTimeline_ZoomSeries(t *testing.T) {
	tests := []struct {
		name     string
		mode     LaneMode
		selected string
		at       time.Time
		events   func() []data.EventSummary
	}{
		{"groups around the self-coup", LanesByGroup, "", day(2022, 12, 7).Add(12 * time.Hour), fixtureEvents},
		{"groups with a selection", LanesByGroup, "ev-arrest", day(2022, 12, 7).Add(12 * time.Hour), fixtureEvents},
		{"categories around the protests", LanesByCategory, "ev-juliaca", day(2023, 1, 9), fixtureEvents},
		{"dense synthetic corpus", LanesByGroup, "syn-000010", day(2022, 5, 3), func() []data.EventSummary { return syntheticEvents(3000, 7) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, tc.events())
			tl.SetLaneMode(tc.mode)
			tl.Select(tc.selected)
			tl.FitAll()
			x := xOf(tl, unixSeconds(tc.at))
			for i := range 40 {
				tl.ZoomAt(x, 1.3)
				assertLabelsApart(t, tl, fmt.Sprintf("zoom in step %d", i))
				assertSelectedLabelled(t, tl)
			}
			if viewSpan(tl) != minSpan {
				t.Errorf("40 steps in end at a span of %v s, want a day", viewSpan(tl))
			}
			for i := range 40 {
				tl.ZoomAt(x, 1/1.3)
				assertLabelsApart(t, tl, fmt.Sprintf("zoom out step %d", i))
				assertSelectedLabelled(t, tl)
			}
		})
	}
}

func TestTimeline_AxisNeverEmpty(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	start := day(2022, 12, 7)
	for _, span := range []time.Duration{24 * time.Hour, 36 * time.Hour, 10 * 24 * time.Hour, 400 * 24 * time.Hour, 30 * 365 * 24 * time.Hour} {
		for _, offset := range []time.Duration{0, 7 * time.Hour, 13*time.Hour + 59*time.Minute, 23 * time.Hour} {
			tl.SetView(start.Add(offset), start.Add(offset+span))
			assertLabelsApart(t, tl, fmt.Sprintf("span %v offset %v", span, offset))
		}
	}
}

func TestTimeline_Undated(t *testing.T) {
	views := []struct {
		name     string
		from, to time.Time
	}{
		{"full", time.Time{}, time.Time{}},
		{"month", day(2022, 12, 1), day(2023, 1, 1)},
		{"day", day(2022, 12, 7), day(2022, 12, 8)},
		{"far away", day(1995, 1, 1), day(1996, 1, 1)},
	}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			if !v.from.IsZero() {
				tl.SetView(v.from, v.to)
			}
			r, _, ok := tl.markOf("ev-backchannel")
			if !ok {
				t.Fatal("the undated event is not drawn")
			}
			if r.x < tl.lastFrame().undatedLeft || r.x+r.w > timelineSize.Width {
				t.Errorf("the undated event is drawn at x %v–%v, outside the Undated column from %v", r.x, r.x+r.w, tl.lastFrame().undatedLeft)
			}
		})
	}
}

func TestTimeline_FuzzyDatesAreBands(t *testing.T) {
	tests := []struct {
		id       string
		from, to time.Time
	}{
		{"ev-transport-strike", time.Time{}, time.Time{}},
		{"ev-pacific-alliance", time.Time{}, time.Time{}},
		{"ev-inflation", time.Time{}, time.Time{}},
		{"ev-toma-de-lima", day(2023, 1, 1), day(2023, 2, 1)},
		{"ev-relations", day(2023, 2, 10), day(2023, 2, 11)},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			if !tc.from.IsZero() {
				tl.SetView(tc.from, tc.to)
			}
			r, _, ok := tl.markOf(tc.id)
			if !ok {
				t.Fatal("not drawn")
			}
			if kind := tl.events[tl.byID[tc.id]].kind; kind != kindBand {
				t.Errorf("kind = %v, want a band", kind)
			}
			if r.w <= dotSize {
				t.Errorf("band is %v px wide, no wider than a dot", r.w)
			}
		})
	}
}

func TestTimeline_Hover(t *testing.T) {
	tl, w := newTestTimeline(t, fixtureEvents())
	p := centre(t, tl, "ev-celac-summit")

	test.MoveMouse(w.Canvas(), p)

	if len(tl.lastFrame().tipText) != 2 || tl.lastFrame().tipText[0].text != "CELAC summit in Mexico City" {
		t.Fatalf("tooltip shows %+v", tl.lastFrame().tipText)
	}
	if got, want := tl.lastFrame().tipText[1].text, "18 Sep 2021 · 3 sources · stated"; got != want {
		t.Errorf("tooltip detail = %q, want %q", got, want)
	}
	test.MoveMouse(w.Canvas(), emptySpot(t, tl))
	if len(tl.lastFrame().tipBox) != 0 {
		t.Error("tooltip still shown over empty space")
	}
}

func TestTimeline_Highlight(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	tl.SetView(day(2022, 12, 1), day(2023, 1, 1))
	fill := func(id string) any {
		r, _, _ := tl.markOf(id)
		for _, d := range tl.lastFrame().dots {
			if d.pos.X == r.x && d.pos.Y == r.y {
				return d.fill
			}
		}
		return nil
	}
	plain := fill("ev-ayacucho")

	tl.SetHighlight(map[string]bool{"ev-ayacucho": true})
	if fill("ev-ayacucho") != plain {
		t.Error("a hit is not drawn normally")
	}
	if fill("ev-amlo-asylum") == plain || fill("ev-amlo-asylum") == nil {
		t.Error("an event that is not a hit is not dimmed")
	}
	tl.SetHighlight(nil)
	if fill("ev-amlo-asylum") != fill("ev-family-mexico") || fill("ev-ayacucho") != plain {
		t.Error("clearing the highlight left events dimmed")
	}
}

func TestTimeline_Theme(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	undatedFill := func() color.Color {
		r, _, _ := tl.markOf("ev-backchannel")
		for _, d := range tl.lastFrame().dots {
			if d.pos.X == r.x && d.pos.Y == r.y {
				return d.fill
			}
		}
		return nil
	}
	before := undatedFill()

	test.ApplyTheme(t, test.NewTheme())
	tl.Refresh()

	want := test.NewTheme().Color(theme.ColorNameBackground, theme.VariantDark)
	if after := undatedFill(); after == nil || color.NRGBAModel.Convert(after) != color.NRGBAModel.Convert(want) {
		t.Errorf("undated marker filled with %v after the theme changed to one with background %v; was %v", after, want, before)
	}
}

func TestTimeline_LaneMode(t *testing.T) {
	tests := []struct {
		mode LaneMode
		want []string
	}{
		{LanesByGroup, []string{"Mexico", "Peru", "United States", "Regional", "Other"}},
		{LanesByCategory, []string{"Diplomacy", "Economy", "Politics", "Protest", "Security"}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.mode), func(t *testing.T) {
			tl, _ := newTestTimeline(t, fixtureEvents())
			tl.SetLaneMode(tc.mode)
			var got []string
			for _, ln := range tl.lanes {
				got = append(got, ln.name)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("lanes = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTimeline_LargeCorpus(t *testing.T) {
	tl, _ := newTestTimeline(t, syntheticEvents(100_000, 1))
	tl.Select("syn-000042")
	tests := []struct {
		name          string
		from, to      time.Time
		wantHistogram bool
	}{
		{"full span", time.Time{}, time.Time{}, true},
		{"a month", day(2022, 12, 1), day(2023, 1, 1), true},
		{"a day", day(2022, 12, 7), day(2022, 12, 8), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.from.IsZero() {
				tl.FitAll()
			} else {
				tl.SetView(tc.from, tc.to)
			}
			for i, g := range tl.lastFrame().lanes {
				if g.histogram != tc.wantHistogram {
					t.Errorf("lane %s: histogram %v with %d events in view", tl.lanes[i].name, g.histogram, g.inView)
				}
			}
			if tc.wantHistogram && len(tl.lastFrame().bars) < len(tl.lanes) {
				t.Errorf("only %d histogram bars", len(tl.lastFrame().bars))
			}
			if n := len(test.WidgetRenderer(tl).Objects()); n > 12_000 {
				t.Errorf("%d canvas objects for one view", n)
			}
			assertLabelsApart(t, tl, tc.name)
		})
	}
}

func TestTimeline_LayoutAllocs(t *testing.T) {
	tests := []struct {
		name     string
		events   []data.EventSummary
		from, to time.Time
	}{
		{"fixture, full span", fixtureEvents(), time.Time{}, time.Time{}},
		{"fixture, a day", fixtureEvents(), day(2022, 12, 7), day(2022, 12, 8)},
		{"100k, full span", syntheticEvents(100_000, 1), time.Time{}, time.Time{}},
		{"100k, a month", syntheticEvents(100_000, 1), day(2022, 12, 1), day(2023, 1, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, _ := newTestTimeline(t, tc.events)
			tl.Select(tc.events[3].ID)
			tl.SetHighlight(map[string]bool{tc.events[5].ID: true})
			if !tc.from.IsZero() {
				tl.SetView(tc.from, tc.to)
			}
			r := test.WidgetRenderer(tl)
			r.Layout(timelineSize)
			r.Layout(timelineSize)

			if allocs := testing.AllocsPerRun(20, func() { r.Layout(timelineSize) }); allocs > 2 {
				t.Errorf("a warm layout allocates %v times", allocs)
			}
		})
	}
}

func TestTimeline_MinSize(t *testing.T) {
	test.NewTempApp(t)
	small, large := NewTimeline(), NewTimeline()
	test.NewWindow(small)
	large.SetEvents(syntheticEvents(10_000, 3))
	if small.MinSize() != large.MinSize() {
		t.Errorf("MinSize grows with the events: %v, %v", small.MinSize(), large.MinSize())
	}
}

func TestTimeline_Golden(t *testing.T) {
	tests := []struct {
		file  string
		setup func(tl *Timeline, c fyne.Canvas)
	}{
		{"timeline_full.png", func(tl *Timeline, _ fyne.Canvas) { tl.FitAll() }},
		{"timeline_month.png", func(tl *Timeline, _ fyne.Canvas) {
			tl.SetView(day(2022, 12, 1), day(2023, 1, 1))
			tl.Select("ev-self-coup")
		}},
		{"timeline_day.png", func(tl *Timeline, c fyne.Canvas) {
			tl.SetView(day(2022, 12, 7), day(2022, 12, 8))
			test.MoveMouse(c, centre(t, tl, "ev-us-statement"))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			tl, w := newTestTimeline(t, fixtureEvents())
			tc.setup(tl, w.Canvas())
			img := w.Canvas().Capture()
			if *update {
				writePNG(t, filepath.Join("testdata", tc.file), img)
				return
			}
			test.AssertImageMatches(t, tc.file, img)
		})
	}
}

func BenchmarkTimeline_Layout(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		evs := syntheticEvents(n, 1)
		for _, view := range []struct {
			name     string
			from, to time.Time
		}{
			{"full", time.Time{}, time.Time{}},
			{"quarter", day(2022, 10, 1), day(2023, 1, 1)},
			{"day", day(2022, 12, 7), day(2022, 12, 8)},
		} {
			b.Run(fmt.Sprintf("%s/%dk", view.name, n/1000), func(b *testing.B) {
				tl, _ := newTestTimeline(b, evs)
				if !view.from.IsZero() {
					tl.SetView(view.from, view.to)
				}
				dx := float32(40)
				tl.Pan(dx) // warm up: measure the labels of both views once
				tl.Pan(-dx)
				b.ReportAllocs()
				for b.Loop() {
					tl.Pan(dx) // a real frame: the view moves and everything is laid out again
					dx = -dx
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/frame")
			})
		}
	}
}

func newTestTimeline(tb testing.TB, evs []data.EventSummary) (*Timeline, fyne.Window) {
	tb.Helper()
	test.NewTempApp(tb)
	tl := NewTimeline()
	w := test.NewWindow(tl)
	w.SetPadded(false)
	w.Resize(timelineSize)
	tb.Cleanup(w.Close)
	tl.SetEvents(evs)
	tl.SetCoverage(fixtureDocs())
	tl.FitAll()
	return tl, w
}

func assertLabelsApart(tb testing.TB, tl *Timeline, step string) {
	tb.Helper()
	labels, axis := tl.labelRects()
	if len(axis) == 0 || len(axis) == 1 && tl.lastFrame().undatedLeft < timelineSize.Width {
		tb.Errorf("%s: the axis has no label (view %v)", step, timeAtSeconds(tl.from))
	}
	all := append(append([]box{}, labels...), axis...)
	for i, a := range all {
		if a.x < 0 || a.y < 0 || a.x+a.w > timelineSize.Width || a.y+a.h > timelineSize.Height {
			tb.Errorf("%s: label %v sticks out of the timeline", step, a)
		}
		for _, b := range all[i+1:] {
			if a.overlaps(b) {
				tb.Errorf("%s: labels %v and %v overlap", step, a, b)
			}
		}
	}
}

// assertSelectedLabelled checks that the selected event, when it is drawn,
// has its label shown.
func assertSelectedLabelled(tb testing.TB, tl *Timeline) {
	tb.Helper()
	if tl.selected < 0 || tl.events[tl.selected].kind == kindUndated {
		return
	}
	if it := tl.events[tl.selected]; it.end <= tl.from || it.start >= tl.to {
		return
	}
	for _, l := range tl.lastFrame().labels {
		if l.text == tl.events[tl.selected].fullLabel && l.bold {
			return
		}
	}
	if _, _, drawn := tl.markOf(tl.Selected()); drawn {
		tb.Errorf("the selected event %s is drawn without its label", tl.Selected())
	}
}

// centre finds the point nearest the middle of an event's marker where a
// tap reaches that event, and not another drawn over it.
func centre(tb testing.TB, tl *Timeline, id string) fyne.Position {
	tb.Helper()
	r, _, ok := tl.markOf(id)
	if !ok {
		tb.Fatalf("%s is not drawn", id)
	}
	mid := fyne.NewPos(r.x+r.w/2, r.y+r.h/2)
	for d := float32(0); d < r.w/2; d++ {
		for _, p := range []fyne.Position{mid.AddXY(-d, 0), mid.AddXY(d, 0)} {
			if h, ok := tl.hitAt(p); ok && h.kind == hitEvent && h.event == int32(tl.byID[id]) {
				return p
			}
		}
	}
	tb.Fatalf("%s is covered by other markers", id)
	return mid
}

// emptySpot finds a point in the plot where nothing can be tapped.
func emptySpot(tb testing.TB, tl *Timeline) fyne.Position {
	tb.Helper()
	f := tl.lastFrame()
	for y := f.lanesTop + 2; y < timelineSize.Height; y += 5 {
		for x := f.plotLeft + 2; x < f.plotRight; x += 7 {
			if _, ok := tl.hitAt(fyne.NewPos(x, y)); !ok {
				return fyne.NewPos(x, y)
			}
		}
	}
	tb.Fatal("no empty spot")
	return fyne.Position{}
}

func findHit(tl *Timeline, kind hitKind) (hitBox, bool) {
	for _, h := range tl.lastFrame().hits {
		if h.kind == kind {
			return h, true
		}
	}
	return hitBox{}, false
}

func timeUnder(tl *Timeline, x float32) float64 {
	f := tl.lastFrame()
	return tl.from + float64(x-f.plotLeft)/float64(f.plotRight-f.plotLeft)*(tl.to-tl.from)
}

func xOf(tl *Timeline, s float64) float32 {
	return tl.lastFrame().x(s)
}

func viewSpan(tl *Timeline) float64 {
	return tl.to - tl.from
}

func zoomedBy(factor float64) func(testing.TB, *Timeline, float64, float64) {
	return func(tb testing.TB, tl *Timeline, from, to float64) {
		tb.Helper()
		if got, want := viewSpan(tl), (to-from)/factor; math.Abs(got-want) > 1 {
			tb.Errorf("span = %v, want %v", got, want)
		}
		if mid := (tl.from + tl.to) / 2; math.Abs(mid-(from+to)/2) > (to-from)/1000 {
			tb.Errorf("the middle moved by %v s", mid-(from+to)/2)
		}
	}
}

func pannedBy(fraction float64) func(testing.TB, *Timeline, float64, float64) {
	return func(tb testing.TB, tl *Timeline, from, to float64) {
		tb.Helper()
		if got, want := tl.from-from, fraction*(to-from); math.Abs(got-want) > 1 {
			tb.Errorf("moved %v s, want %v s", got, want)
		}
		if math.Abs(viewSpan(tl)-(to-from)) > 1e-3 {
			tb.Errorf("panning changed the span")
		}
	}
}

func unchanged(tb testing.TB, tl *Timeline, from, to float64) {
	tb.Helper()
	if math.Abs(tl.from-from) > 1 || math.Abs(tl.to-to) > 1 {
		tb.Errorf("view %v–%v, want %v–%v", tl.from, tl.to, from, to)
	}
}

func selected(id string) func(testing.TB, *Timeline, float64, float64) {
	return func(tb testing.TB, tl *Timeline, _, _ float64) {
		tb.Helper()
		if tl.Selected() != id {
			tb.Errorf("selected %q, want %q", tl.Selected(), id)
		}
	}
}

func writePNG(tb testing.TB, path string, img image.Image) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		tb.Fatal(err)
	}
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func on(y int, m time.Month, d int) data.DateRange {
	return data.DateRange{Start: day(y, m, d), End: day(y, m, d), Precision: data.Day}
}

func between(from, to time.Time) data.DateRange {
	return data.DateRange{Start: from, End: to, Precision: data.Day}
}

func weekOf(monday time.Time) data.DateRange {
	return data.DateRange{Start: monday, End: monday.AddDate(0, 0, 6), Precision: data.Week}
}

func monthOf(y int, m time.Month) data.DateRange {
	return data.DateRange{Start: day(y, m, 1), End: day(y, m+1, 0), Precision: data.Month}
}

// fixtureEvents is a small corpus like the real one: Peru's crisis of
// December 2022 and what led up to it and followed, with ranges, fuzzy
// dates and one event nobody could date.
func fixtureEvents() []data.EventSummary {
	ev := func(id, title, category, group string, date data.DateRange, basis data.Basis, sources int) data.EventSummary {
		return data.EventSummary{ID: id, Title: title, Category: category, Date: date, Basis: basis, Group: group, Sources: sources}
	}
	return []data.EventSummary{
		ev("ev-celac-summit", "CELAC summit in Mexico City", "diplomacy", data.GroupRegional, on(2021, 9, 18), data.Stated, 3),
		ev("ev-first-vacancy", "Congress rejects first motion to remove Castillo", "politics", data.GroupPeru, on(2021, 12, 7), data.Stated, 2),
		ev("ev-third-cabinet", "Castillo's third cabinet sworn in", "politics", data.GroupPeru, on(2022, 2, 8), data.Stated, 2),
		ev("ev-second-vacancy", "Second vacancy motion fails", "politics", data.GroupPeru, on(2022, 3, 28), data.Stated, 3),
		ev("ev-transport-strike", "Transport strikes and a curfew in Lima", "protest", data.GroupPeru, weekOf(day(2022, 4, 4)), data.Inferred, 2),
		ev("ev-summit-americas", "Summit of the Americas in Los Angeles", "diplomacy", data.GroupUnitedStates, between(day(2022, 6, 6), day(2022, 6, 10)), data.Stated, 4),
		ev("ev-amlo-boycott", "López Obrador stays away from the summit", "diplomacy", data.GroupMexico, on(2022, 6, 6), data.Relative, 3),
		ev("ev-oas-mission", "OAS high-level group visits Lima", "diplomacy", data.GroupRegional, between(day(2022, 11, 20), day(2022, 11, 22)), data.Stated, 2),
		ev("ev-pacific-alliance", "Pacific Alliance summit postponed", "diplomacy", data.GroupRegional, monthOf(2022, 11), data.Inferred, 2),
		ev("ev-self-coup", "Castillo announces the dissolution of Congress", "politics", data.GroupPeru, on(2022, 12, 7), data.Stated, 6),
		ev("ev-removal", "Congress removes Castillo from office", "politics", data.GroupPeru, on(2022, 12, 7), data.Stated, 5),
		ev("ev-boluarte", "Dina Boluarte sworn in as president", "politics", data.GroupPeru, on(2022, 12, 7), data.Stated, 4),
		ev("ev-arrest", "Castillo arrested on the way to the Mexican embassy", "security", data.GroupPeru, on(2022, 12, 7), data.Relative, 4),
		ev("ev-us-statement", "US rejects the attempt to dissolve Congress", "diplomacy", data.GroupUnitedStates, on(2022, 12, 7), data.Stated, 2),
		ev("ev-amlo-asylum", "Mexico offers Castillo asylum", "diplomacy", data.GroupMexico, on(2022, 12, 13), data.Relative, 3),
		ev("ev-emergency", "Nationwide state of emergency", "security", data.GroupPeru, between(day(2022, 12, 14), day(2023, 1, 13)), data.Stated, 3),
		ev("ev-ayacucho", "Deaths in the Ayacucho protests", "protest", data.GroupPeru, on(2022, 12, 15), data.Stated, 4),
		ev("ev-ambassador", "Mexico's ambassador declared persona non grata", "diplomacy", data.GroupMexico, on(2022, 12, 20), data.Stated, 3),
		ev("ev-family-mexico", "Castillo's family arrives in Mexico", "diplomacy", data.GroupMexico, on(2022, 12, 21), data.Stated, 2),
		ev("ev-juliaca", "Deaths in the Juliaca clashes", "protest", data.GroupPeru, on(2023, 1, 9), data.Stated, 5),
		ev("ev-toma-de-lima", "'Toma de Lima' march on the capital", "protest", data.GroupPeru, weekOf(day(2023, 1, 16)), data.Inferred, 3),
		ev("ev-relations", "Peru withdraws its ambassador from Mexico for good", "diplomacy", data.GroupMexico, monthOf(2023, 2), data.Inferred, 2),
		ev("ev-inflation", "Peru's inflation highest in 25 years", "economy", data.GroupOther, data.DateRange{Start: day(2022, 1, 1), End: day(2022, 12, 31), Precision: data.Year}, data.Stated, 2),
		ev("ev-backchannel", "Back-channel talks between Lima and Mexico City", "diplomacy", data.GroupOther, data.DateRange{Precision: data.Unknown}, data.NoBasis, 1),
	}
}

// fixtureExtent is the span of fixtureEvents and fixtureDocs.
func fixtureExtent() (from, to float64) {
	return unixSeconds(day(2021, 9, 18)), unixSeconds(day(2023, 3, 1))
}

func fixtureDocs() []data.DocumentSummary {
	doc := func(id string, date data.DateRange) data.DocumentSummary {
		return data.DocumentSummary{ID: id, Title: id, Published: date}
	}
	docs := []data.DocumentSummary{
		doc("d-celac", on(2021, 9, 19)),
		doc("d-vacancy-1", on(2021, 12, 8)),
		doc("d-cabinet", on(2022, 2, 9)),
		doc("d-vacancy-2", on(2022, 3, 29)),
		doc("d-strike-weekly", weekOf(day(2022, 4, 4))),
		doc("d-summit", on(2022, 6, 10)),
		doc("d-oas", on(2022, 11, 23)),
		doc("d-alliance", on(2022, 11, 24)),
		doc("d-inflation", on(2023, 1, 2)),
		doc("d-feb-review", monthOf(2023, 2)),
		doc("d-undated-1", data.DateRange{Precision: data.Unknown}),
		doc("d-undated-2", data.DateRange{Precision: data.Unknown}),
	}
	for i, d := range []int{7, 7, 7, 7, 7, 8, 8, 8, 9, 10, 12, 13, 15, 15, 16, 20, 21, 21, 28} {
		docs = append(docs, doc(fmt.Sprintf("d-dec-%02d", i), on(2022, 12, d)))
	}
	for i, d := range []int{9, 10, 10, 16, 20} {
		docs = append(docs, doc(fmt.Sprintf("d-jan-%02d", i), on(2023, 1, d)))
	}
	return docs
}

// syntheticEvents makes n events spread over the fixture's 18 months, with
// the same mix of precisions as the real corpus but far denser.
func syntheticEvents(n int, seed uint64) []data.EventSummary {
	r := rand.New(rand.NewPCG(seed, 42))
	groups := []string{data.GroupMexico, data.GroupPeru, data.GroupUnitedStates, data.GroupRegional, data.GroupOther}
	categories := []string{"politics", "protest", "diplomacy", "economy", "security", "courts"}
	first := day(2021, 9, 1)
	evs := make([]data.EventSummary, n)
	for i := range evs {
		start := first.AddDate(0, 0, r.IntN(546))
		var date data.DateRange
		switch p := r.Float64(); {
		case p < 0.80:
			date = data.DateRange{Start: start, End: start, Precision: data.Day}
		case p < 0.88:
			date = between(start, start.AddDate(0, 0, 1+r.IntN(10)))
		case p < 0.93:
			date = weekOf(start)
		case p < 0.97:
			date = monthOf(start.Year(), start.Month())
		case p < 0.99:
			date = data.DateRange{Start: day(start.Year(), 1, 1), End: day(start.Year(), 12, 31), Precision: data.Year}
		default:
			date = data.DateRange{Precision: data.Unknown}
		}
		evs[i] = data.EventSummary{
			ID:       fmt.Sprintf("syn-%06d", i),
			Title:    fmt.Sprintf("Synthetic event number %d", i),
			Category: categories[r.IntN(len(categories))],
			Date:     date,
			Basis:    data.Stated,
			Group:    groups[r.IntN(len(groups))],
			Sources:  1 + r.IntN(9),
		}
	}
	return evs
}
