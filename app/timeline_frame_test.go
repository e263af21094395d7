package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTimeline_StripesInGutter checks that every other lane is striped in
// the lane names' gutter only, each lane still set off by a line across
// the plot: stripes over the whole plot cost the software painter as
// much as a third of a frame.
func TestTimeline_StripesInGutter(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	f := tl.lastFrame()
	for _, r := range f.bg {
		if r.pos.X < f.plotLeft && r.pos.X+r.size.Width > f.plotLeft {
			t.Errorf("stripe at %v, %v reaches into the plot, which starts at %v", r.pos, r.size, f.plotLeft)
		}
	}
	for i, ln := range f.lanes {
		across := false
		for _, g := range f.grid {
			if g.pos.Y == ln.top && g.size.Height == 1 && g.pos.X <= f.plotLeft && g.pos.X+g.size.Width >= f.plotRight {
				across = true
			}
		}
		if !across {
			t.Errorf("lane %d has no line across the plot at its top", i)
		}
	}
}

// TestTimeline_WholePlotBandIsThin checks that a band across the whole
// plot is painted as a thin bar, while it is hit, outlined and labelled in
// its whole box as before, and that a band with an end in view keeps its
// full height.
func TestTimeline_WholePlotBandIsThin(t *testing.T) {
	tl, w := newTestTimeline(t, fixtureEvents())
	tl.SetView(day(2022, 12, 1), day(2023, 1, 1)) // ev-inflation is all of 2022
	tl.Select("ev-inflation")
	mark, kind, ok := tl.markOf("ev-inflation")
	if !ok || kind != hitEvent {
		t.Fatalf("ev-inflation is not drawn as an event (%v, %v)", kind, ok)
	}
	if mark.h != markHeight {
		t.Errorf("ev-inflation's hit box is %v high, want %v", mark.h, markHeight)
	}
	shapes := shapesIn(tl, mark)
	if len(shapes) != 1 || shapes[0].h != wideBandHeight || shapes[0].y < mark.y+mark.h {
		t.Errorf("ev-inflation painted as %v in its box %v, want one bar %v high under it", shapes, mark, wideBandHeight)
	}
	f := tl.lastFrame()
	if len(f.outlines) != 1 || f.outlines[0].size.Height != markHeight+2*ringGap {
		t.Errorf("selection outline %v, want one around the whole box", f.outlines)
	}
	test.TapCanvas(w.Canvas(), fyne.NewPos(mark.x+mark.w/2, mark.y+1))
	if got := tl.Selected(); got != "ev-inflation" {
		t.Errorf("tapping the top of ev-inflation's box selects %q", got)
	}

	tl.SetView(day(2022, 6, 1), day(2023, 3, 1)) // it ends in view
	mark, _, _ = tl.markOf("ev-inflation")
	if shapes := shapesIn(tl, mark); len(shapes) != 1 || shapes[0].h != markHeight {
		t.Errorf("ev-inflation with its end in view painted as %v, want one band %v high", shapes, markHeight)
	}
}

// TestTimeline_TextImagesKept checks that the timeline renders its texts
// once and paints the same images on the next frames, as a pan back and
// forth shows the same texts, and renders a text that changes.
func TestTimeline_TextImagesKept(t *testing.T) {
	tl, w := newTestTimeline(t, fixtureEvents())
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	w.Canvas().Capture()
	tl.Pan(40)
	w.Canvas().Capture()
	tl.Pan(-40)
	w.Canvas().Capture()
	before := r.texts.renders
	if before == 0 {
		t.Fatal("no text rendered as an image")
	}
	for range 3 {
		tl.Pan(40)
		w.Canvas().Capture()
		tl.Pan(-40)
		w.Canvas().Capture()
	}
	if got := r.texts.renders; got != before {
		t.Errorf("panning back and forth over the same texts rendered %d more", got-before)
	}
	tl.Select("ev-self-coup") // its label becomes the full one, in bold
	w.Canvas().Capture()
	if r.texts.renders == before {
		t.Error("the selected event's new label was not rendered")
	}
}
