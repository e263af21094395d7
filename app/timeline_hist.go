package app

import (
	"image"
	"image/draw"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// histTileWidth is how wide, in Fyne units, the images are that the lanes'
// histograms are painted in. Fyne's software painter composites every
// pixel of an image, transparent or not, at a cost like painting a
// rectangle of that size: one image over every lane's columns cost as
// much as the stripes of the whole plot, most of it above the short
// columns. Tiles as high as their tallest column cost little more than the
// area under the columns, and each a canvas object rather than one per
// column. Each tile is also a texture that the GL painter uploads again
// whenever its columns change, as every tile's do when a keystroke lights
// other events: 32 units wide, a search at 100,000 events uploaded about
// 185 textures in the frame that showed its results, 128 wide about 50,
// for a little more area above the short columns.
const histTileWidth = 128

// histTile is one image of a lane's histogram: the columns in box, which
// lies on whole units so that neighbouring tiles meet without a seam or an
// overlap of their translucent columns.
type histTile struct {
	raster *canvas.Raster
	box    image.Rectangle
	cols   []rectPrim
	img    *image.RGBA
	// painted says that img holds cols, so that a painter that asks again
	// for the same size, as the software painter does every frame, gets
	// the image without painting it again.
	painted bool
}

func newHistTile() *histTile {
	t := &histTile{}
	t.raster = canvas.NewRaster(t.paint)
	t.raster.ScaleMode = canvas.ImageScalePixels
	t.raster.Hide()
	return t
}

// set places the tile over box showing cols, and has it painted again if
// either changed.
func (t *histTile) set(box image.Rectangle, cols []rectPrim) {
	if t.raster.Visible() && box == t.box && slices.Equal(cols, t.cols) {
		return
	}
	t.box, t.cols, t.painted = box, append(t.cols[:0], cols...), false
	placeObject(t.raster, fyne.NewPos(float32(box.Min.X), float32(box.Min.Y)), fyne.NewSize(float32(box.Dx()), float32(box.Dy())))
	t.raster.Show()
	t.raster.Refresh()
}

// paint paints the tile's columns into an image w×h pixels, as the
// painters draw rectangles: each over the pixels its edges enclose,
// rounded.
func (t *histTile) paint(w, h int) image.Image {
	if t.img != nil && t.painted && t.img.Rect.Dx() == w && t.img.Rect.Dy() == h {
		return t.img
	}
	// A tile is as high as its tallest column, which most keystrokes
	// change: its pixels are kept for the next size that fits in them.
	if t.img == nil || cap(t.img.Pix) < 4*w*h {
		t.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		t.img.Pix, t.img.Stride, t.img.Rect = t.img.Pix[:4*w*h], 4*w, image.Rect(0, 0, w, h)
		clear(t.img.Pix)
	}
	t.painted = true
	if t.box.Empty() {
		return t.img
	}
	sx, sy := float64(w)/float64(t.box.Dx()), float64(h)/float64(t.box.Dy())
	px := func(v float32, origin int, scale float64) int {
		return int(math.Round((float64(v) - float64(origin)) * scale))
	}
	var fill image.Uniform
	for _, c := range t.cols {
		rect := image.Rect(px(c.pos.X, t.box.Min.X, sx), px(c.pos.Y, t.box.Min.Y, sy),
			px(c.pos.X+c.size.Width, t.box.Min.X, sx), px(c.pos.Y+c.size.Height, t.box.Min.Y, sy))
		fill.C = c.fill
		draw.Draw(t.img, rect, &fill, image.Point{}, draw.Over)
	}
	return t.img
}

// histLane is the extent of one lane's columns, which share their base.
type histLane struct {
	base, x0, x1 float32
	first, tiles int // the lane's tiles in histScratch.slots
}

// histScratch is the space syncHistograms works in, kept between frames.
type histScratch struct {
	lanes []histLane
	slots [][]rectPrim // the columns of each tile of each lane
}

// syncHistograms cuts the columns in cols into tiles per lane, histTileWidth
// wide and as high as their tallest column, and shows one image per tile
// that holds any. It reports whether it had to create tiles.
func (r *timelineRenderer) syncHistograms(cols []rectPrim) (grew bool) {
	s := &r.histScratch
	s.lanes = s.lanes[:0]
	for _, c := range cols {
		base := c.pos.Y + c.size.Height
		i := slices.IndexFunc(s.lanes, func(l histLane) bool { return l.base == base })
		if i < 0 {
			s.lanes = append(s.lanes, histLane{base: base, x0: c.pos.X, x1: c.pos.X + c.size.Width})
			continue
		}
		s.lanes[i].x0, s.lanes[i].x1 = min(s.lanes[i].x0, c.pos.X), max(s.lanes[i].x1, c.pos.X+c.size.Width)
	}
	n := 0
	for i := range s.lanes {
		l := &s.lanes[i]
		l.x0 = float32(math.Floor(float64(l.x0)))
		l.first, l.tiles = n, int(math.Ceil(float64(l.x1-l.x0)/histTileWidth))
		n += l.tiles
	}
	for len(s.slots) < n {
		s.slots = append(s.slots, nil)
	}
	for i := range n {
		s.slots[i] = s.slots[i][:0]
	}
	for _, c := range cols {
		l := &s.lanes[slices.IndexFunc(s.lanes, func(l histLane) bool { return l.base == c.pos.Y+c.size.Height })]
		first := int((c.pos.X - l.x0) / histTileWidth)
		last := min(int(math.Ceil(float64(c.pos.X+c.size.Width-l.x0)/histTileWidth))-1, l.tiles-1)
		for k := max(first, 0); k <= last; k++ {
			s.slots[l.first+k] = append(s.slots[l.first+k], c)
		}
	}
	shown := 0
	for _, l := range s.lanes {
		for k := range l.tiles {
			slot := s.slots[l.first+k]
			if len(slot) == 0 {
				continue
			}
			top := float32(math.Inf(1))
			for _, c := range slot {
				top = min(top, c.pos.Y)
			}
			x := int(l.x0) + k*histTileWidth
			box := image.Rect(x, int(math.Floor(float64(top))), min(x+histTileWidth, int(math.Ceil(float64(l.x1)))), int(math.Ceil(float64(l.base))))
			if shown == len(r.hists) {
				r.hists = append(r.hists, newHistTile())
				grew = true
			}
			r.hists[shown].set(box, slot)
			shown++
		}
	}
	for _, t := range r.hists[shown:max(shown, r.histShown)] {
		t.raster.Hide()
	}
	r.histShown = shown
	return grew
}
