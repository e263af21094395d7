package app

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chronoscope/data"
)

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
	t.Run("a cluster at the deepest zoom selects its first event", func(t *testing.T) {
		evs := fixtureEvents()
		for i := range 8 {
			evs = append(evs, data.EventSummary{ID: fmt.Sprintf("ev-year-%d", i), Title: "A year of unrest", Group: data.GroupPeru,
				Date: data.DateRange{Start: day(2022, 1, 1), End: day(2022, 12, 31), Precision: data.Year}, Sources: 1})
		}
		tl, w := newTestTimeline(t, evs)
		tl.SetView(day(2022, 12, 7), day(2022, 12, 8))
		h, ok := findHit(tl, hitCluster)
		if !ok {
			t.Fatal("no cluster at the deepest zoom")
		}
		var got []string
		tl.OnSelected = func(id string) { got = append(got, id) }
		// The tooltip says what a tap does here.
		test.MoveMouse(w.Canvas(), fyne.NewPos((h.x0+h.x1)/2, (h.y0+h.y1)/2))
		if tip := tl.lastFrame().tipText; len(tip) != 2 || !strings.Contains(tip[1].text, "tap to select") {
			t.Errorf("tooltip on a cluster at the deepest zoom: %+v", tip)
		}

		test.TapAt(tl, fyne.NewPos((h.x0+h.x1)/2, (h.y0+h.y1)/2))

		if len(got) != 1 || got[0] != tl.id(h.event) || viewSpan(tl) != minSpan {
			t.Errorf("tapping a cluster of %d selected %q (want %q), span %v", h.n, got, tl.id(h.event), viewSpan(tl))
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
			if h, ok := tl.hitAt(p); ok && h.kind == hitEvent && h.event == int32(tl.byID.at(id)) {
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
