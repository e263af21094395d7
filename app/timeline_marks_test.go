package app

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chronoscope/data"
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
	for _, b := range f.hist {
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
		for _, b := range f.hist {
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
		if tl.events[tl.byID.at(evs[i].ID)].kind != kindUndated {
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
			if strings.HasPrefix(c.text, fmt.Sprintf("%s events in view, %s matching, ", commas(g.inView), commas(n))) {
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
		for _, lit := range []int{n / 100, n / 10, n} {
			b.Run(fmt.Sprintf("%dk/%d_lit", n/1000, lit), func(b *testing.B) {
				tl, _ := newTestTimeline(b, evs)
				ids := make([]string, 0, lit)
				for i := 0; len(ids) < lit; i += n / lit {
					ids = append(ids, evs[i].ID)
				}
				b.ReportAllocs()
				for b.Loop() {
					tl.SetHits(ids) // sets the highlight and lays the frame out again
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

// TestTimeline_MomentIsAnEvenBand checks that a moment not known to the
// day is one even tint over all its days, with no darker core, as dragging
// the view moves it: every one of its days is as likely as the next.
func TestTimeline_MomentIsAnEvenBand(t *testing.T) {
	evs := datingEvents()
	for _, e := range fixtureEvents() {
		if e.ID == "ev-inflation" { // all of 2022
			evs = append(evs, e)
		}
	}
	tl, w := newTestTimeline(t, evs)
	tl.SetView(day(2022, 6, 1), day(2023, 1, 1))
	for _, dx := range []float32{0, -120, 60} {
		test.Drag(w.Canvas(), fyne.NewPos(450, 250), dx, 0)
		for _, id := range []string{"ev-inflation", "ev-asylum-granted"} {
			mark, _, ok := tl.markOf(id)
			if !ok {
				t.Fatalf("%s is not drawn", id)
			}
			if n := len(shapesIn(tl, mark)); n != 1 {
				t.Errorf("%s: %d shapes drawn in its band, want one even tint", id, n)
			}
		}
	}
}

// TestTimeline_SpanFades checks that a span is a solid bar where it surely
// lasted, fading over the days an uncertain end may be, and fading out
// past an open end, with no end drawn; that a moment over the same days
// is a band; and that each is told apart in the tooltip.
func TestTimeline_SpanFades(t *testing.T) {
	tl, w := newTestTimeline(t, datingEvents())
	tl.SetView(day(2022, 11, 26), day(2023, 1, 1))
	f := tl.lastFrame()
	tests := []struct {
		id                 string
		solidFrom, solidTo time.Time
		fadeLeft           [2]float32 // where the fade on the left starts and ends, 0 if none
		fadeRight          [2]float32
		detail             string
	}{
		{"ev-protests", day(2022, 12, 7), day(2022, 12, 22), [2]float32{}, [2]float32{}, "From 7 to 21 Dec 2022"},
		{"ev-roadblocks", day(2022, 12, 10), day(2022, 12, 21),
			[2]float32{}, [2]float32{xOf(tl, unixSeconds(day(2022, 12, 21))), xOf(tl, unixSeconds(day(2022, 12, 28)))},
			"From 10 Dec 2022 to sometime in 20–27 Dec 2022"},
		{"ev-strike", day(2022, 11, 30), day(2022, 12, 5),
			[2]float32{xOf(tl, unixSeconds(day(2022, 11, 26))), xOf(tl, unixSeconds(day(2022, 11, 30)))}, [2]float32{},
			"From Nov 2022 to 4 Dec 2022"},
		{"ev-airport", day(2022, 12, 17), day(2022, 12, 18),
			[2]float32{xOf(tl, unixSeconds(day(2022, 12, 17))) - openTail, xOf(tl, unixSeconds(day(2022, 12, 17)))}, [2]float32{},
			"Until 17 Dec 2022"},
		{"ev-curfew", day(2022, 12, 18), day(2022, 12, 19),
			[2]float32{}, [2]float32{xOf(tl, unixSeconds(day(2022, 12, 19))), xOf(tl, unixSeconds(day(2022, 12, 19))) + openTail},
			"From 18 Dec 2022, end unknown"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			if kind := tl.events[tl.byID.at(tc.id)].kind; kind != kindBar {
				t.Fatalf("kind %v, want a bar", kind)
			}
			mark, _, _ := tl.markOf(tc.id)
			var solid *rectPrim
			for i, r := range f.ranges {
				if r.pos.Y == mark.y && r.pos.X >= mark.x && r.pos.X+r.size.Width <= mark.x+mark.w {
					solid = &f.ranges[i]
				}
			}
			if solid == nil {
				t.Fatal("no solid part drawn")
			}
			if x0, x1 := xOf(tl, unixSeconds(tc.solidFrom)), xOf(tl, unixSeconds(tc.solidTo)); !near(solid.pos.X, x0) || !near(solid.pos.X+solid.size.Width, x1) {
				t.Errorf("solid from x %v to %v, want %v to %v", solid.pos.X, solid.pos.X+solid.size.Width, x0, x1)
			}
			var left, right [2]float32
			for _, g := range f.fades {
				if g.pos.Y != mark.y || g.pos.X < mark.x-1 || g.pos.X+g.size.Width > mark.x+mark.w+1 {
					continue
				}
				span := [2]float32{g.pos.X, g.pos.X + g.size.Width}
				if g.pos.X < solid.pos.X {
					left = span
					if alpha(g.end) != 0xff || alpha(g.start) == 0xff {
						t.Errorf("the left fade does not fade outwards: %v to %v", g.start, g.end)
					}
				} else {
					right = span
					if alpha(g.start) != 0xff || alpha(g.end) == 0xff {
						t.Errorf("the right fade does not fade outwards: %v to %v", g.start, g.end)
					}
				}
			}
			for _, side := range []struct {
				name      string
				got, want [2]float32
			}{{"left", left, tc.fadeLeft}, {"right", right, tc.fadeRight}} {
				if !near(side.got[0], side.want[0]) || !near(side.got[1], side.want[1]) {
					t.Errorf("the %s fade runs from x %v to %v, want %v to %v", side.name, side.got[0], side.got[1], side.want[0], side.want[1])
				}
			}
			test.MoveMouse(w.Canvas(), fyne.NewPos(solid.pos.X+solid.size.Width/2, solid.pos.Y+solid.size.Height/2))
			if got := tooltipDetail(tl); !strings.HasPrefix(got, tc.detail+" · ") {
				t.Errorf("tooltip says %q, want it to begin %q", got, tc.detail)
			}
		})
	}

	mark, _, _ := tl.markOf("ev-asylum-granted")
	if kind := tl.events[tl.byID.at("ev-asylum-granted")].kind; kind != kindBand || len(shapesIn(tl, mark)) != 1 {
		t.Errorf("the moment sometime in 7–21 Dec is a %v of %d shapes, want a band of one", kind, len(shapesIn(tl, mark)))
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(mark.x+mark.w/2, mark.y+mark.h/2))
	if got := tooltipDetail(tl); !strings.HasPrefix(got, "Sometime in 7–21 Dec 2022 · ") {
		t.Errorf("the moment's tooltip says %q", got)
	}
}

// shapesIn lists the bands, bars and fades drawn in mark's box.
func shapesIn(tl *Timeline, mark box) []box {
	f := tl.lastFrame()
	var out []box
	in := func(pos fyne.Position, size fyne.Size) {
		// A band across the whole plot is a thin bar just under its box,
		// under its label.
		const under = 6
		if pos.Y >= mark.y && pos.Y+size.Height <= mark.y+mark.h+under && pos.X >= mark.x-0.5 && pos.X+size.Width <= mark.x+mark.w+0.5 {
			out = append(out, box{pos.X, pos.Y, size.Width, size.Height})
		}
	}
	for _, r := range f.bands {
		in(r.pos, r.size)
	}
	for _, r := range f.ranges {
		in(r.pos, r.size)
	}
	for _, g := range f.fades {
		in(g.pos, g.size)
	}
	return out
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) <= 1 }

func alpha(c color.Color) uint8 { return color.NRGBAModel.Convert(c).(color.NRGBA).A }

// tooltipDetail is the second line of the tooltip shown, or "".
func tooltipDetail(tl *Timeline) string {
	if f := tl.lastFrame(); len(f.tipText) == 2 {
		return f.tipText[1].text
	}
	return ""
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
				under = append(under, tl.id(ei))
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

// TestTimeline_HistogramCountsSpansPerColumn checks that a histogram counts
// a span once in every column it lasts through, and a moment once in all,
// spread over the days it may be: with a lane crowded enough to be drawn
// as a histogram, a span of ten days adds one to each column of its days
// and a moment over ten days adds one in total.
func TestTimeline_HistogramCountsSpansPerColumn(t *testing.T) {
	var crowd []data.EventSummary
	for i := range 2000 {
		crowd = append(crowd, momentary(data.EventSummary{ID: fmt.Sprintf("dot-%04d", i), Title: "A day",
			Group: data.GroupPeru, Date: on(2022, 1, 1+i%365), Sources: 1}))
	}
	total := func(extra ...data.EventSummary) (n float64, f *timelineFrame) {
		tl, _ := newTestTimeline(t, append(append([]data.EventSummary{}, crowd...), extra...))
		tl.SetView(day(2022, 1, 1), day(2023, 1, 1))
		f = tl.lastFrame()
		if !f.lanes[0].histogram {
			t.Fatalf("%d events in view drawn one by one", f.lanes[0].inView)
		}
		return tl.histogramTotal(0), f
	}
	base, f := total()
	from, to := day(2022, 6, 1), day(2022, 6, 10)
	span := spanning(data.EventSummary{ID: "span", Title: "Ten days", Group: data.GroupPeru, Sources: 1}, exactly(from), exactly(to))
	moment := momentary(data.EventSummary{ID: "moment", Title: "One of ten days", Group: data.GroupPeru, Sources: 1, Date: between(from, to)})

	// The columns the span's days overlap.
	s, e := unixSeconds(from), unixSeconds(to)+secondsPerDay
	dt := colWidth / f.pps
	columns := 0
	for t0 := f.from; t0 < f.to; t0 += dt {
		if t0 < e && t0+dt > s {
			columns++
		}
	}
	if got, _ := total(span); math.Abs(got-base-float64(columns)) > 1e-6 {
		t.Errorf("a span of ten days adds %v to the columns, want 1 in each of the %d it covers", got-base, columns)
	}
	if got, _ := total(moment); math.Abs(got-base-1) > 1e-6 {
		t.Errorf("a moment over ten days adds %v to the columns, want 1 in all", got-base)
	}
}

// TestTimeline_Legend checks that the legend shows the glyphs of a day, a
// moment sometime within days and a span from one day to another under
// the lanes, never over an event, and only where it costs no lane a row;
// hovering it says what the fades mean.
func TestTimeline_Legend(t *testing.T) {
	tl, w := newTestTimeline(t, fixtureEvents())
	legend := func() (texts []string, top float32) {
		f := tl.lastFrame()
		top = f.size.Height - f.legendH
		for _, n := range f.names {
			if n.pos.Y >= top {
				texts = append(texts, n.text)
			}
		}
		return texts, top
	}
	texts, top := legend()
	if want := []string{"one day", "sometime within", "from … to"}; len(texts) < 3 || !slices.Equal(texts[:3], want) {
		t.Errorf("the legend says %q, want it to begin %q", texts, want)
	}
	f := tl.lastFrame()
	if last := f.lanes[len(f.lanes)-1]; last.top+last.h > top {
		t.Errorf("the last lane ends at y %v, under the legend from %v", last.top+last.h, top)
	}
	for _, m := range markerBoxes(f) {
		if m.y+m.h > top {
			t.Errorf("a marker at %v reaches into the legend from y %v", m, top)
		}
	}

	test.MoveMouse(w.Canvas(), fyne.NewPos(f.plotLeft+20, top+f.legendH/2))
	if len(f.tipText) != 2 || f.tipText[0].text != "How dates are drawn" {
		t.Errorf("hovering the legend shows %v, want what its fades mean", f.tipText)
	}

	shown := 0
	for h := float32(200); h <= 420; h += 5 {
		w.Resize(fyne.NewSize(timelineSize.Width, h))
		f := tl.lastFrame()
		l := &test.WidgetRenderer(tl).(*timelineRenderer).layout
		rowsWithout := laneRows((h-f.lanesTop)/float32(len(f.lanes)), max(markerRowH, l.text.height(l.style.labelSize)+1))
		if f.lanes[0].rows < rowsWithout {
			t.Errorf("%v px high: the legend leaves %d rows a lane, %d without it", h, f.lanes[0].rows, rowsWithout)
		}
		if texts, _ := legend(); len(texts) > 0 {
			shown++
		}
	}
	if shown == 0 {
		t.Error("the legend is shown at no height from 200 to 420 px")
	}
}
