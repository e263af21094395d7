package app

import (
	"image"
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
