package app

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTimeline_HistogramCountsEachEventOnce checks that an event longer
// than a column counts once in all, not once in every column it touches:
// a lane of year-long events is flat, with no spike where a column
// straddles two years, and its columns add up to the events in view.
func TestTimeline_HistogramCountsEachEventOnce(t *testing.T) {
	tl, _ := newTestTimeline(t, yearlyEvents(40)) // 1440 events, more than the plot's pixels
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.Key0})
	f := tl.lastFrame()
	g := f.lanes[0]
	if !g.histogram {
		t.Fatalf("%d events in view drawn one by one", g.inView)
	}
	if total := tl.histogramTotal(0); math.Abs(total-float64(g.inView)) > 1e-6 {
		t.Errorf("the columns add up to %v events, want the %d in view", total, g.inView)
	}
	// Between the first and last years every column counts the same.
	x0, x1 := xOf(tl, unixSeconds(day(1990, 1, 1))), xOf(tl, unixSeconds(day(2026, 1, 1)))
	lowest, highest := float32(math.Inf(1)), float32(0)
	for _, b := range f.bars {
		if b.pos.Y < g.top || b.pos.X < x0+colWidth || b.pos.X+b.size.Width > x1-colWidth {
			continue // the coverage strip, or a column only partly in the corpus
		}
		lowest, highest = min(lowest, b.size.Height), max(highest, b.size.Height)
	}
	if highest-lowest > 1 {
		t.Errorf("columns from %v to %v px high: a year-long event counts in more than one column", lowest, highest)
	}
}

// TestTimeline_HistogramMatchesOnLaneScale checks that search hits in a
// histogram are drawn on the scale of all the lane's events, so a few
// matches among thousands read as few.
func TestTimeline_HistogramMatchesOnLaneScale(t *testing.T) {
	evs := decadesEvents(20_000, 5)
	tl, _ := newTestTimeline(t, evs)
	lit := map[string]bool{}
	for i := 0; len(lit) < 14; i += 97 {
		lit[evs[i].ID] = true
	}
	tl.SetHighlight(lit)
	tl.FitAll()

	f := tl.lastFrame()
	for li, g := range f.lanes {
		if !g.histogram {
			t.Fatalf("lane %s: %d events in view drawn one by one", tl.lanes[li].name, g.inView)
		}
		ls := tl.lastLayoutStyle().lanes[tl.lanes[li].color]
		var all, hits float32
		for _, b := range f.bars {
			if b.pos.Y < g.top || b.pos.Y > g.top+g.h {
				continue
			}
			switch b.fill {
			case ls.solid:
				hits = max(hits, b.size.Height)
			default:
				all = max(all, b.size.Height)
			}
		}
		// A column holds at most a couple of the 14 hits, and dozens of events.
		if hits > all/3 {
			t.Errorf("lane %s: a column of hits is %v px high beside %v px for all its events", tl.lanes[li].name, hits, all)
		}
	}
}

// TestTimeline_HighlightEveryMatch checks that every event the window
// lights is counted, however many: the histograms' captions add up to the
// matches.
func TestTimeline_HighlightEveryMatch(t *testing.T) {
	evs := decadesEvents(100_000, 3)
	tl, _ := newTestTimeline(t, evs)
	lit := map[string]bool{}
	dated := 0
	for i := 0; i < len(evs); i += 10 {
		lit[evs[i].ID] = true
		if tl.events[tl.byID[evs[i].ID]].kind != kindUndated {
			dated++
		}
	}
	tl.SetHighlight(lit)
	tl.FitAll()

	matching := 0
	for li, g := range tl.lastFrame().lanes {
		n := countOverlapping(tl.lanes[li].hitStarts, tl.lanes[li].hitEnds, tl.from, tl.to)
		caption := tl.lastFrame().labels
		found := false
		for _, c := range caption {
			if c.text == fmt.Sprintf("%s events in view, %s matching, counted per column", commas(g.inView), commas(n)) {
				found = true
			}
		}
		if !found {
			t.Errorf("lane %s: no caption saying %d of %d match", tl.lanes[li].name, n, g.inView)
		}
		matching += n
	}
	if matching != dated {
		t.Errorf("%d events lit on the timeline, want all %d dated ones", matching, dated)
	}
}

func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func BenchmarkTimeline_SetHighlight(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		evs := decadesEvents(n, 1)
		for _, lit := range []int{n / 100, n / 10} {
			b.Run(fmt.Sprintf("%dk/%d_lit", n/1000, lit), func(b *testing.B) {
				tl, _ := newTestTimeline(b, evs)
				ids := map[string]bool{}
				for i := 0; len(ids) < lit; i += n / lit {
					ids[evs[i].ID] = true
				}
				b.ReportAllocs()
				for b.Loop() {
					tl.SetHighlight(ids) // sets the highlight and lays the frame out again
				}
				b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N), "ms/search")
			})
		}
	}
}

// TestTimeline_UndatedTitles checks that the Undated column lists its
// events' titles when it has a line for each, that a title selects its
// event when tapped, and that a crowded column keeps to markers.
func TestTimeline_UndatedTitles(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	var title *textPrim
	f := tl.lastFrame()
	for i, l := range f.labels {
		if l.pos.X > f.undatedLeft {
			title = &f.labels[i]
		}
	}
	if title == nil || !strings.HasPrefix("Back-channel talks between Lima and Mexico City", strings.TrimSuffix(title.text, "…")) || len(title.text) < 10 {
		t.Fatalf("the Undated column shows no title for its one event (%+v)", title)
	}
	var selected string
	tl.OnSelected = func(id string) { selected = id }
	test.TapAt(tl, title.pos.AddXY(title.size.Width/2, title.size.Height/2))
	if selected != "ev-backchannel" {
		t.Errorf("tapping the title selected %q", selected)
	}

	crowded, _ := newTestTimeline(t, syntheticEvents(3000, 2))
	for _, l := range crowded.lastFrame().labels {
		if l.pos.X > crowded.lastFrame().undatedLeft {
			t.Errorf("a crowded Undated column shows the title %q", l.text)
		}
	}
}

// TestTimeline_BandCoreStaysWithDates checks that a band's darker core
// covers the middle half of its event's own dates, cut to the view, and
// stays on those dates as the view is dragged: it is no part of the view.
func TestTimeline_BandCoreStaysWithDates(t *testing.T) {
	tl, w := newTestTimeline(t, fixtureEvents())
	it := tl.events[tl.byID["ev-inflation"]] // all of 2022
	quarter := (it.end - it.start) / 4
	tl.SetView(day(2022, 6, 1), day(2023, 1, 1))
	for _, dx := range []float32{0, 150, -300, 90} {
		test.Drag(w.Canvas(), fyne.NewPos(450, 250), dx, 0)
		from, to := math.Max(it.start+quarter, tl.from), math.Min(it.end-quarter, tl.to)
		core, ok := bandCoreOf(tl, "ev-inflation")
		if !ok {
			t.Fatalf("view %v–%v: no core drawn", timeAtSeconds(tl.from), timeAtSeconds(tl.to))
		}
		if x0, x1 := xOf(tl, from), xOf(tl, to); math.Abs(float64(core.x-x0)) > 1 || math.Abs(float64(core.x+core.w-x1)) > 1 {
			t.Errorf("view %v–%v: core at x %v–%v, want %v–%v (%v to %v)", timeAtSeconds(tl.from), timeAtSeconds(tl.to),
				core.x, core.x+core.w, x0, x1, timeAtSeconds(from), timeAtSeconds(to))
		}
	}
	tl.SetView(day(2022, 11, 1), day(2023, 1, 1))
	if core, ok := bandCoreOf(tl, "ev-inflation"); ok {
		t.Errorf("November and December: a core is drawn at x %v–%v, though the middle of 2022 is out of view", core.x, core.x+core.w)
	}
	// A band narrower than a band is ever drawn keeps a core in its middle.
	tl.FitAll()
	mark, _, _ := tl.markOf("ev-transport-strike") // a week
	core, ok := bandCoreOf(tl, "ev-transport-strike")
	if !ok || math.Abs(float64(core.w-mark.w/2)) > 1 || math.Abs(float64(core.x+core.w/2-(mark.x+mark.w/2))) > 1 {
		t.Errorf("a week's band at x %v, %v wide, has its core at %v, %v wide (found %v)", mark.x, mark.w, core.x, core.w, ok)
	}
}

// bandCoreOf finds the core drawn inside an event's band.
func bandCoreOf(tl *Timeline, id string) (box, bool) {
	mark, _, ok := tl.markOf(id)
	if !ok {
		return box{}, false
	}
	for _, b := range tl.lastFrame().bands {
		r := box{b.pos.X, b.pos.Y, b.size.Width, b.size.Height}
		if r != mark && r.y == mark.y && r.h == mark.h && r.x >= mark.x && r.x+r.w <= mark.x+mark.w {
			return r, true
		}
	}
	return box{}, false
}

// TestTimeline_HistogramCaptionKeepsClear checks that the selected event
// drawn over a histogram, and its label, keep clear of the lane's caption
// when the event lies under it.
func TestTimeline_HistogramCaptionKeepsClear(t *testing.T) {
	tl, _ := newTestTimeline(t, decadesEvents(100_000, 4))
	f := tl.lastFrame()
	if !f.lanes[0].histogram {
		t.Fatal("the first lane is no histogram")
	}
	var caption *textPrim
	for i, l := range f.labels {
		if strings.HasSuffix(l.text, "counted per column") && l.pos.Y < f.lanes[0].top+f.lanes[0].h {
			caption = &f.labels[i]
		}
	}
	if caption == nil {
		t.Fatal("the first lane has no caption")
	}
	// Events of the first lane under the start, middle and end of its caption.
	var under []string
	for _, at := range []float32{0.1, 0.5, 0.9} {
		x := caption.pos.X + at*caption.size.Width
		for _, ei := range tl.lanes[0].items {
			if it := &tl.events[ei]; it.kind == kindDot && math.Abs(float64(xOf(tl, it.start)-x)) < 3 {
				under = append(under, it.ID)
				break
			}
		}
	}
	if len(under) == 0 {
		t.Fatal("no event under the caption")
	}
	for _, id := range under {
		tl.Select(id)
		step := fmt.Sprintf("%s selected", id)
		assertLabelsApart(t, tl, step)
		assertMarkersApart(t, tl, step)
		assertSelectedLabelled(t, tl)
	}
}
