package app

import (
	"image"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
)

// cardPad is the room Fyne's painters leave around a stroked rectangle for
// its stroke and anti-aliasing (the stroke width and 2).
func cardPad(c *rectPrim) float32 { return c.strokeW + 2 }

// cardStack paints a cluster's cards, rounded and stroked rectangles
// stacked over each other, as one image. Fyne's software painter
// rasterises a rounded or stroked rectangle in an image of its size every
// frame and composites all of it: three cards the width of the view cost
// some 2 ms a cluster. The stack's image is painted once and kept while
// the cards keep their shape relative to each other, wherever the stack
// moves, so that panning only moves it, in the GL window too.
type cardStack struct {
	raster *canvas.Raster
	// cards are the cards, back first, relative to the stack's origin.
	cards   []rectPrim
	img     *image.RGBA
	painted bool
}

func newCardStack() *cardStack {
	s := &cardStack{}
	s.raster = canvas.NewRaster(s.paint)
	s.raster.ScaleMode = canvas.ImageScalePixels
	s.raster.Hide()
	return s
}

// set shows cards, given where the timeline draws them, in the stack.
func (s *cardStack) set(cards []rectPrim, scratch []rectPrim) []rectPrim {
	x0, y0 := float32(math.Inf(1)), float32(math.Inf(1))
	x1, y1 := float32(math.Inf(-1)), float32(math.Inf(-1))
	for i := range cards {
		pad := cardPad(&cards[i])
		x0, y0 = min(x0, cards[i].pos.X-pad), min(y0, cards[i].pos.Y-pad)
		x1, y1 = max(x1, cards[i].pos.X+cards[i].size.Width+pad), max(y1, cards[i].pos.Y+cards[i].size.Height+pad)
	}
	scratch = scratch[:0]
	for _, c := range cards {
		c.pos = c.pos.SubtractXY(x0, y0)
		scratch = append(scratch, c)
	}
	size := fyne.NewSize(x1-x0, y1-y0)
	if !s.raster.Visible() || s.raster.Size() != size || !slices.Equal(scratch, s.cards) {
		s.cards, s.painted = append(s.cards[:0], scratch...), false
		placeObject(s.raster, fyne.NewPos(x0, y0), size)
		s.raster.Show()
		s.raster.Refresh()
	} else if pos := fyne.NewPos(x0, y0); s.raster.Position() != pos {
		s.raster.Move(pos)
	}
	return scratch
}

// paint paints the cards into an image w×h pixels as Fyne's software
// painter does each: rasterised from the pixel its padded box starts at.
func (s *cardStack) paint(w, h int) image.Image {
	if s.img != nil && s.painted && s.img.Rect.Dx() == w && s.img.Rect.Dy() == h {
		return s.img
	}
	if s.img == nil || s.img.Rect.Dx() != w || s.img.Rect.Dy() != h {
		s.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(s.img.Pix)
	}
	s.painted = true
	size := s.raster.Size()
	if size.Width <= 0 || size.Height <= 0 {
		return s.img
	}
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.raster); c != nil {
		scale = c.Scale()
	}
	scanner := rasterx.NewScannerGV(w, h, s.img, s.img.Bounds())
	for i := range s.cards {
		drawCard(scanner, &s.cards[i], scale)
	}
	return s.img
}

// drawCard rasterises c as Fyne's painter does a canvas.Rectangle with
// the same radius, fill and stroke (internal/painter.DrawRectangle), at
// c's place in the scanner's image.
func drawCard(scanner *rasterx.ScannerGV, c *rectPrim, scale float32) {
	sc := func(v float32) float32 { return float32(math.Round(float64(v * scale))) }
	pad := cardPad(c)
	ox := float32(math.Ceil(float64((c.pos.X - pad) * scale)))
	oy := float32(math.Ceil(float64((c.pos.Y - pad) * scale)))
	w, h := c.size.Width, c.size.Height
	radius := min(c.radius, w/2, h/2)
	p1x, p1y := ox+sc(pad), oy+sc(pad)
	p3x, p3y := p1x+sc(w), p1y+sc(h)
	r := float64(sc(radius))
	if c.fill != nil {
		scanner.Clear()
		filler := rasterx.NewFiller(scanner.Dest.Bounds().Dx(), scanner.Dest.Bounds().Dy(), scanner)
		filler.SetColor(c.fill)
		rasterx.AddRoundRect(float64(p1x), float64(p1y), float64(p3x), float64(p3y), r, r, 0, rasterx.RoundGap, filler)
		filler.Draw()
	}
	if c.stroke == nil || c.strokeW <= 0 {
		return
	}
	scanner.Clear()
	dasher := rasterx.NewDasher(scanner.Dest.Bounds().Dx(), scanner.Dest.Bounds().Dy(), scanner)
	dasher.SetColor(c.stroke)
	dasher.SetStroke(fixed.Int26_6(float64(sc(c.strokeW))*64), 0, nil, nil, nil, 0, nil, 0)
	const quarterCircleControl = 1 - 0.55228 // as Fyne's painter draws corners
	k := quarterCircleControl * r
	pt := func(x, y float64) fixed.Point26_6 { return rasterx.ToFixedP(x, y) }
	x1, y1, x3, y3 := float64(p1x), float64(p1y), float64(p3x), float64(p3y)
	if r == 0 {
		dasher.Start(pt(x1, y1))
		dasher.Line(pt(x3, y1))
		dasher.Line(pt(x3, y3))
		dasher.Line(pt(x1, y3))
	} else {
		dasher.Start(pt(x1, y1+r))
		dasher.CubeBezier(pt(x1, y1+k), pt(x1+k, y1), pt(x1+r, y1))
		dasher.Line(pt(x3-r, y1))
		dasher.CubeBezier(pt(x3-k, y1), pt(x3, y1+k), pt(x3, y1+r))
		dasher.Line(pt(x3, y3-r))
		dasher.CubeBezier(pt(x3, y3-k), pt(x3-k, y3), pt(x3-r, y3))
		dasher.Line(pt(x1+r, y3))
		dasher.CubeBezier(pt(x1+k, y3), pt(x1, y3-k), pt(x1, y3-r))
	}
	dasher.Stop(true)
	dasher.Draw()
}

// syncCardStacks shows the cards in cards, stacks of cards that overlap
// each other, back first, one image per stack. It reports whether it had
// to create stacks.
func (r *timelineRenderer) syncCardStacks(cards []rectPrim) (grew bool) {
	shown := 0
	for start := 0; start < len(cards); {
		end := start + 1
		for end < len(cards) && overlapping(&cards[end-1], &cards[end]) {
			end++
		}
		if shown == len(r.stacks) {
			r.stacks = append(r.stacks, newCardStack())
			grew = true
		}
		r.stackScratch = r.stacks[shown].set(cards[start:end], r.stackScratch)
		shown++
		start = end
	}
	for _, s := range r.stacks[shown:max(shown, r.stacksShown)] {
		s.raster.Hide()
	}
	r.stacksShown = shown
	return grew
}

func overlapping(a, b *rectPrim) bool {
	return a.pos.X < b.pos.X+b.size.Width && b.pos.X < a.pos.X+a.size.Width &&
		a.pos.Y < b.pos.Y+b.size.Height && b.pos.Y < a.pos.Y+a.size.Height
}
