package app

import (
	"fmt"
	"testing"
	"time"
)

// TestTimeline_AxisFirstTickLabelled checks that a tick near the left edge
// keeps its label rather than hiding under the date that names where the
// view starts, at every zoom and offset.
func TestTimeline_AxisFirstTickLabelled(t *testing.T) {
	tl, _ := newTestTimeline(t, decadesEvents(500, 4))
	spans := []time.Duration{36 * time.Hour, 10 * 24 * time.Hour, 100 * 24 * time.Hour, 3 * 365 * 24 * time.Hour, 38 * 365 * 24 * time.Hour}
	for _, span := range spans {
		for step := range 24 {
			from := day(1990, 1, 1).Add(time.Duration(step) * span / 24)
			tl.SetView(from, from.Add(span))
			name := fmt.Sprintf("span %v from %v", span, from.Format(time.DateTime))
			assertLabelsApart(t, tl, name)
			assertTicksLabelled(t, tl, name)
		}
	}
}

// TestTimeline_GridLinesAvoidLabels checks that no grid line crosses an
// event label, in the views the goldens draw and while zooming.
func TestTimeline_GridLinesAvoidLabels(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	tl.Select("ev-self-coup")
	x := xOf(tl, unixSeconds(day(2022, 12, 7)))
	for i := range 30 {
		tl.ZoomAt(x, 1.3)
		labels, _ := tl.labelRects()
		f := tl.lastFrame()
		for _, g := range f.grid {
			if g.size.Width > 1 || g.pos.X <= f.plotLeft || g.pos.X >= f.plotRight {
				continue // not a tick's line
			}
			line := box{g.pos.X, g.pos.Y, g.size.Width, g.size.Height}
			for _, l := range labels {
				if line.overlaps(l) {
					t.Errorf("zoom step %d: a grid line at x %v crosses the label at %v", i, g.pos.X, l)
				}
			}
		}
	}
}

// assertTicksLabelled checks that every tick whose label fits before the
// plot's right edge has its label beside it.
func assertTicksLabelled(tb testing.TB, tl *Timeline, step string) {
	tb.Helper()
	f := tl.lastFrame()
	_, axis := tl.labelRects()
	ticks := tl.axisTicks()
	for i, tk := range ticks {
		labelled := false
		for _, a := range axis {
			labelled = labelled || a.x == tk.x+3
		}
		// A label near the right edge may not fit.
		if !labelled && tk.x+80 < f.plotRight {
			tb.Errorf("%s: the tick at x %v (%d of %d) has no label", step, tk.x, i+1, len(ticks))
		}
	}
}
