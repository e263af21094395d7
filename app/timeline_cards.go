package app

import (
	"image"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/math/fixed"
)

// Fyne's software painter rasterises every rounded or stroked rectangle
// and every circle in an image of its size, every frame, and composites
// all of it: three cluster cards the width of the view cost some 2 ms a
// cluster, a hundred small dots 2 ms. The timeline paints these shapes
// instead into images of its own (canvas.Raster), rasterised as Fyne's
// painter rasterises each shape, and keeps each image while its shapes
// keep their form relative to each other, wherever it moves: the
// software painter then only composites it, and panning only moves it, in
// the GL window too.

// vectorShape is a shape Fyne's painters rasterise: rectPrim with rounded
// corners or a stroke, or circlePrim; P is the type itself.
type vectorShape[P any] interface {
	rectPrim | circlePrim
	// padded is the shape's box with the room the painters leave around
	// it for its stroke and anti-aliasing.
	padded() (fyne.Position, fyne.Size)
	// movedBy returns the shape moved by d.
	movedBy(d fyne.Position) P
	// same reports whether o is the same shape.
	same(o *P) bool
	// rasterise draws the shape into img at scale, from the pixel
	// Fyne's software painter would start its image at.
	rasterise(img *image.RGBA, scale float32)
}

// vectorPad is the room Fyne's painters leave around a stroked shape (its
// stroke width and 2), as internal/painter.VectorPad.
func vectorPad(stroke any, strokeW float32) float32 {
	if stroke == nil || strokeW <= 0 {
		return 0
	}
	return strokeW + 2
}

func (c rectPrim) padded() (fyne.Position, fyne.Size) {
	pad := vectorPad(c.stroke, c.strokeW)
	return c.pos.SubtractXY(pad, pad), c.size.AddWidthHeight(2*pad, 2*pad)
}

func (c rectPrim) movedBy(d fyne.Position) rectPrim { c.pos = c.pos.Add(d); return c }

func (c rectPrim) same(o *rectPrim) bool { return c == *o }

func (c circlePrim) padded() (fyne.Position, fyne.Size) {
	pad := vectorPad(c.stroke, c.strokeW)
	if pad == 0 {
		pad = 1 // anti-aliasing of the fill
	}
	return c.pos.SubtractXY(pad, pad), c.size.AddWidthHeight(2*pad, 2*pad)
}

func (c circlePrim) movedBy(d fyne.Position) circlePrim { c.pos = c.pos.Add(d); return c }

func (c circlePrim) same(o *circlePrim) bool { return c == *o }

// shapeImage returns the part of img that Fyne's software painter's own
// image of a shape padded to pos and size would cover, or false if img
// does not hold all of it.
func shapeImage(img *image.RGBA, pos fyne.Position, size fyne.Size, scale float32) (*image.RGBA, bool) {
	x0, y0 := int(math.Ceil(float64(pos.X*scale))), int(math.Ceil(float64(pos.Y*scale)))
	w, h := int(math.Round(float64(size.Width*scale))), int(math.Round(float64(size.Height*scale)))
	sub, ok := img.SubImage(image.Rect(x0, y0, x0+w, y0+h)).(*image.RGBA)
	return sub, ok && sub.Rect.Dx() == w && sub.Rect.Dy() == h
}

// rasterise draws c as Fyne's painter does a canvas.Rectangle with the
// same radius, fill and stroke (internal/painter.DrawRectangle).
func (c rectPrim) rasterise(img *image.RGBA, scale float32) {
	pos, size := c.padded()
	sub, ok := shapeImage(img, pos, size, scale)
	if !ok {
		return
	}
	sc := func(v float32) float64 { return math.Round(float64(v * scale)) }
	cw, ch := sub.Rect.Dx(), sub.Rect.Dy()
	scanner := rasterx.NewScannerGV(cw, ch, sub, sub.Bounds())
	pad := c.pos.X - pos.X
	w, h := c.size.Width, c.size.Height
	p1x, p1y := sc(pad), sc(pad)
	p3x, p3y := p1x+sc(w), p1y+sc(h)
	r := sc(min(c.radius, w/2, h/2))
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
	dasher.SetStroke(fixed.Int26_6(sc(c.strokeW)*64), 0, nil, nil, nil, 0, nil, 0)
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

// rasterise draws c as Fyne's painter does a canvas.Circle with the same
// fill and stroke (internal/painter.DrawCircle).
func (c circlePrim) rasterise(img *image.RGBA, scale float32) {
	pos, size := c.padded()
	sub, ok := shapeImage(img, pos, size, scale)
	if !ok {
		return
	}
	cw, ch := sub.Rect.Dx(), sub.Rect.Dy()
	scanner := rasterx.NewScannerGV(int(c.size.Width), int(c.size.Height), sub, sub.Bounds())
	cx, cy := float64(cw/2), float64(ch/2)
	r := math.Round(float64(min(c.size.Width, c.size.Height) / 2 * scale))
	if c.fill != nil {
		filler := rasterx.NewFiller(cw, ch, scanner)
		filler.SetColor(c.fill)
		rasterx.AddCircle(cx, cy, r, filler)
		filler.Draw()
	}
	if c.stroke == nil || c.strokeW <= 0 {
		return
	}
	dasher := rasterx.NewDasher(cw, ch, scanner)
	dasher.SetColor(c.stroke)
	dasher.SetStroke(fixed.Int26_6(math.Round(float64(c.strokeW*scale))*64), 0, nil, nil, nil, 0, nil, 0)
	rasterx.AddCircle(cx, cy, r, dasher)
	dasher.Draw()
}

// shapeStack paints shapes that overlap each other, such as a cluster's
// stacked cards, back first, as one image.
type shapeStack[P vectorShape[P]] struct {
	raster *canvas.Raster
	// shapes are relative to the stack's origin.
	shapes  []P
	img     *image.RGBA
	painted bool
}

func newShapeStack[P vectorShape[P]]() *shapeStack[P] {
	s := &shapeStack[P]{}
	s.raster = canvas.NewRaster(s.paint)
	s.raster.ScaleMode = canvas.ImageScalePixels
	s.raster.Hide()
	return s
}

// stackShape returns shapes relative to the box they and their padding
// fill, in scratch, and the box.
func stackShape[P vectorShape[P]](shapes, scratch []P) ([]P, fyne.Position, fyne.Size) {
	x0, y0 := float32(math.Inf(1)), float32(math.Inf(1))
	x1, y1 := float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, c := range shapes {
		pos, size := c.padded()
		x0, y0 = min(x0, pos.X), min(y0, pos.Y)
		x1, y1 = max(x1, pos.X+size.Width), max(y1, pos.Y+size.Height)
	}
	scratch = scratch[:0]
	for _, c := range shapes {
		scratch = append(scratch, c.movedBy(fyne.NewPos(-x0, -y0)))
	}
	return scratch, fyne.NewPos(x0, y0), fyne.NewSize(x1-x0, y1-y0)
}

// holds reports whether the stack shows shapes of this form.
func (s *shapeStack[P]) holds(shapes []P, size fyne.Size) bool {
	if s.raster.Size() != size || len(shapes) != len(s.shapes) {
		return false
	}
	for i := range shapes {
		if !shapes[i].same(&s.shapes[i]) {
			return false
		}
	}
	return true
}

// set shows shapes, relative to pos, in the stack, painting them again
// only if the stack held others.
func (s *shapeStack[P]) set(shapes []P, pos fyne.Position, size fyne.Size) {
	if !s.holds(shapes, size) {
		s.shapes, s.painted = append(s.shapes[:0], shapes...), false
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

// paint paints the shapes into an image w×h pixels, unless it holds them
// at that size already.
func (s *shapeStack[P]) paint(w, h int) image.Image {
	if s.img != nil && s.painted && s.img.Rect.Dx() == w && s.img.Rect.Dy() == h {
		return s.img
	}
	if s.img == nil || s.img.Rect.Dx() != w || s.img.Rect.Dy() != h {
		s.img = image.NewRGBA(image.Rect(0, 0, w, h))
	} else {
		clear(s.img.Pix)
	}
	s.painted = true
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(s.raster); c != nil {
		scale = c.Scale()
	}
	for _, c := range s.shapes {
		c.rasterise(s.img, scale)
	}
	return s.img
}

// stackPool keeps the images of one layer of vector shapes; those in use
// are shown.
type stackPool[P vectorShape[P]] struct {
	stacks  []*shapeStack[P]
	scratch []P
	// overlap says whether two shapes, one drawn after the other, overlap
	// and so go in one image.
	overlap func(a, b *P) bool
}

// sync shows shapes, one image per run of shapes that overlap each
// other. A stack of the same form as one shown before takes its image, so
// that panning, or a cluster coming into view, paints no stack again. It
// reports whether it had to create stacks.
func (r *stackPool[P]) sync(shapes []P) (grew bool) {
	shown := 0
	for start := 0; start < len(shapes); {
		end := start + 1
		for end < len(shapes) && r.overlap != nil && r.overlap(&shapes[end-1], &shapes[end]) {
			end++
		}
		var pos fyne.Position
		var size fyne.Size
		r.scratch, pos, size = stackShape(shapes[start:end], r.scratch)
		if shown == len(r.stacks) {
			r.stacks = append(r.stacks, newShapeStack[P]())
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

func (r *stackPool[P]) appendTo(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, s := range r.stacks {
		objs = append(objs, s.raster)
	}
	return objs
}

func rectsOverlap(a, b *rectPrim) bool {
	return a.pos.X < b.pos.X+b.size.Width && b.pos.X < a.pos.X+a.size.Width &&
		a.pos.Y < b.pos.Y+b.size.Height && b.pos.Y < a.pos.Y+a.size.Height
}
