package app

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTimeline_HistogramTiles checks that the tiles the histograms are
// painted in hold every column whole, in tiles of its own lane, and cost
// far less area than one image over all the columns, which the software
// painter would composite whole every frame.
func TestTimeline_HistogramTiles(t *testing.T) {
	tl, w := newTestTimeline(t, crisisEvents(100_000))
	w.Resize(fyne.NewSize(1280, 800))
	r := test.WidgetRenderer(tl).(*timelineRenderer)
	cols := tl.lastFrame().hist
	if len(cols) == 0 {
		t.Fatal("no histogram at the whole span")
	}
	var tiles []*histTile
	for _, h := range r.hists {
		if h.raster.Visible() {
			tiles = append(tiles, h)
		}
	}
	var all image.Rectangle
	for _, c := range cols {
		box := image.Rect(int(math.Floor(float64(c.pos.X))), int(math.Floor(float64(c.pos.Y))),
			int(math.Ceil(float64(c.pos.X+c.size.Width))), int(math.Ceil(float64(c.pos.Y+c.size.Height))))
		all = all.Union(box)
		covered := 0
		for _, h := range tiles {
			in := h.box.Intersect(box)
			if in.Empty() {
				continue
			}
			if in.Min.Y != box.Min.Y || in.Max.Y != box.Max.Y {
				t.Fatalf("the column %v is cut by the tile %v", box, h.box)
			}
			covered += in.Dx()
		}
		if covered != box.Dx() {
			t.Fatalf("the column %v is %d wide, its tiles hold %d", box, box.Dx(), covered)
		}
	}
	area := 0
	for _, h := range tiles {
		area += h.box.Dx() * h.box.Dy()
	}
	if whole := all.Dx() * all.Dy(); area*3 > whole {
		t.Errorf("the tiles cover %d px², a third or more of the %d px² under all columns", area, whole)
	}
}

// A tile painted again at another size, as a keystroke that lights other
// events makes it, in the pixels of its last image, paints what a new
// tile does.
func TestHistTile_PaintAgainAtOtherSizes(t *testing.T) {
	col := func(x, y, w, h float32, c color.Color) rectPrim {
		return rectPrim{pos: fyne.NewPos(x, y), size: fyne.NewSize(w, h), fill: c}
	}
	green, red := color.NRGBA{G: 200, A: 180}, color.NRGBA{R: 220, A: 255}
	steps := []struct {
		box  image.Rectangle
		cols []rectPrim
		w, h int
	}{
		{image.Rect(0, 10, 40, 50), []rectPrim{col(0, 10, 3, 40, green), col(20, 30, 3, 20, red)}, 40, 40},
		{image.Rect(0, 30, 40, 50), []rectPrim{col(5, 30, 3, 20, red)}, 40, 20},
		{image.Rect(0, 40, 30, 50), []rectPrim{col(1, 40, 2, 10, green)}, 60, 20},
		{image.Rect(0, 0, 40, 50), []rectPrim{col(0, 0, 40, 50, green)}, 40, 50},
	}
	again := newHistTile()
	for i, s := range steps {
		again.set(s.box, s.cols)
		fresh := newHistTile()
		fresh.set(s.box, s.cols)
		got, want := again.paint(s.w, s.h).(*image.RGBA), fresh.paint(s.w, s.h).(*image.RGBA)
		if got.Rect != want.Rect || got.Stride != want.Stride || !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("step %d: painted again %v, stride %d; a new tile %v, stride %d, or other pixels", i, got.Rect, got.Stride, want.Rect, want.Stride)
		}
	}
}
