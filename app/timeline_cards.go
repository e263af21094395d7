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
func cardPad(c *rectPrim) float32 {
	if c.stroke == nil || c.strokeW <= 0 {
		return 0
	}
	return c.strokeW + 2
}

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

// stackShape returns cards relative to the stack's box, in scratch, and
// the box.
func stackShape(cards, scratch []rectPrim) ([]rectPrim, fyne.Position, fyne.Size) {
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
	return scratch, fyne.NewPos(x0, y0), fyne.NewSize(x1-x0, y1-y0)
}

// holds reports whether the stack shows cards of this shape.
func (s *cardStack) holds(cards []rectPrim, size fyne.Size) bool {
	return s.raster.Size() == size && slices.Equal(cards, s.cards)
}

// set shows cards, relative to pos, in the stack, painting them again
// only if the stack held others.
func (s *cardStack) set(cards []rectPrim, pos fyne.Position, size fyne.Size) {
	if !s.holds(cards, size) {
		s.cards, s.painted = append(s.cards[:0], cards...), false
		s.raster.Resize(size)
		s.raster.Refresh()
	}
	if s.raster.Position() != pos {
		s.raster.Move(pos)
	}
	if !s.raster.Visible() {
		s.raster.Show()
	}
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
	for i := range s.cards {
		drawCard(s.img, &s.cards[i], scale)
	}
	return s.img
}

// drawCard rasterises c as Fyne's painter does a canvas.Rectangle with
// the same radius, fill and stroke (internal/painter.DrawRectangle): in an
// image of c's padded size, here the part of img it falls on, from the
// pixel the painter would start it at.
func drawCard(img *image.RGBA, c *rectPrim, scale float32) {
	sc := func(v float32) float32 { return float32(math.Round(float64(v * scale))) }
	pad := cardPad(c)
	w, h := c.size.Width, c.size.Height
	x0, y0 := int(math.Ceil(float64((c.pos.X-pad)*scale))), int(math.Ceil(float64((c.pos.Y-pad)*scale)))
	cw, ch := int(sc(w+2*pad)), int(sc(h+2*pad))
	sub, ok := img.SubImage(image.Rect(x0, y0, x0+cw, y0+ch)).(*image.RGBA)
	if !ok || sub.Rect.Dx() != cw || sub.Rect.Dy() != ch {
		return // outside the image, which the stack's box prevents
	}
	scanner := rasterx.NewScannerGV(cw, ch, sub, sub.Bounds())
	p1x, p1y := float64(sc(pad)), float64(sc(pad))
	p3x, p3y := p1x+float64(sc(w)), p1y+float64(sc(h))
	r := float64(sc(min(c.radius, w/2, h/2)))
	if c.fill != nil {
		filler := rasterx.NewFiller(cw, ch, scanner)
		filler.SetColor(c.fill)
		rasterx.AddRoundRect(p1x, p1y, p3x, p3y, r, r, 0, rasterx.RoundGap, filler)
		filler.Draw()
	}
	if c.stroke == nil || c.strokeW <= 0 {
		return
	}
	dasher := rasterx.NewDasher(cw, ch, scanner)
	dasher.SetColor(c.stroke)
	dasher.SetStroke(fixed.Int26_6(float64(sc(c.strokeW))*64), 0, nil, nil, nil, 0, nil, 0)
	const quarterCircleControl = 1 - 0.55228 // as Fyne's painter draws corners
	k := quarterCircleControl * r
	pt := rasterx.ToFixedP
	if r == 0 {
		dasher.Start(pt(p1x, p1y))
		dasher.Line(pt(p3x, p1y))
		dasher.Line(pt(p3x, p3y))
		dasher.Line(pt(p1x, p3y))
	} else {
		dasher.Start(pt(p1x, p1y+r))
		dasher.CubeBezier(pt(p1x, p1y+k), pt(p1x+k, p1y), pt(p1x+r, p1y))
		dasher.Line(pt(p3x-r, p1y))
		dasher.CubeBezier(pt(p3x-k, p1y), pt(p3x, p1y+k), pt(p3x, p1y+r))
		dasher.Line(pt(p3x, p3y-r))
		dasher.CubeBezier(pt(p3x, p3y-k), pt(p3x-k, p3y), pt(p3x-r, p3y))
		dasher.Line(pt(p1x+r, p3y))
		dasher.CubeBezier(pt(p1x+k, p3y), pt(p1x, p3y-k), pt(p1x, p3y-r))
	}
	dasher.Stop(true)
	dasher.Draw()
}

// stackPool keeps the images of one layer of rounded or stroked
// rectangles; those in use are shown.
type stackPool struct {
	stacks  []*cardStack
	scratch []rectPrim
}

// sync shows the cards in cards, stacks of cards that overlap each other,
// back first, one image per stack. A stack of the same shape as one shown
// before takes its image, so that panning, or a cluster coming into view,
// paints no stack again. It reports whether it had to create stacks.
func (r *stackPool) sync(cards []rectPrim) (grew bool) {
	shown := 0
	for start := 0; start < len(cards); {
		end := start + 1
		for end < len(cards) && overlapping(&cards[end-1], &cards[end]) {
			end++
		}
		var pos fyne.Position
		var size fyne.Size
		r.scratch, pos, size = stackShape(cards[start:end], r.scratch)
		if shown == len(r.stacks) {
			r.stacks = append(r.stacks, newCardStack())
			grew = true
		}
		if !r.stacks[shown].holds(r.scratch, size) {
			for k := shown + 1; k < len(r.stacks); k++ {
				if r.stacks[k].holds(r.scratch, size) {
					r.stacks[shown], r.stacks[k] = r.stacks[k], r.stacks[shown]
					break
				}
			}
		}
		r.stacks[shown].set(r.scratch, pos, size)
		shown++
		start = end
	}
	for _, s := range r.stacks[shown:] {
		if s.raster.Visible() {
			s.raster.Hide()
		}
	}
	return grew
}

func (r *stackPool) appendTo(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, s := range r.stacks {
		objs = append(objs, s.raster)
	}
	return objs
}

func overlapping(a, b *rectPrim) bool {
	return a.pos.X < b.pos.X+b.size.Width && b.pos.X < a.pos.X+a.size.Width &&
		a.pos.Y < b.pos.Y+b.size.Height && b.pos.Y < a.pos.Y+a.size.Height
}
