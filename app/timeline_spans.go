package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
)

// A span is drawn as a bar from its start to its end. Where it surely
// lasted the bar is solid; over the days an end may be, the bar fades from
// solid to the faint tint of a band, ending where the span may have ended
// at the latest; an open end, which no source gives, fades out to nothing
// over openTail, with no end drawn.

// fadePrim is a horizontal gradient: part of a bar that fades.
type fadePrim struct {
	pos        fyne.Position
	size       fyne.Size
	start, end color.Color // at the left and at the right
}

// fadeRamp is a gradient's colours, boxed once: ramp[0] where it starts
// and ramp[fadeSteps] where it ends. A fade cut by the plot's edge begins
// at the step nearest to where it is cut, as a new colour would have to
// be boxed, which allocates, on every frame of a pan.
type fadeRamp [fadeSteps + 1]color.Color

func newFadeRamp(from, to color.NRGBA) (r fadeRamp) {
	for k := range r {
		r[k] = lerpNRGBA(from, to, float64(k)/fadeSteps)
	}
	return r
}

// at is the colour a fraction t of the way along the ramp.
func (r *fadeRamp) at(t float64) color.Color {
	return r[int(math.Round(math.Min(math.Max(t, 0), 1)*fadeSteps))]
}

// lerpNRGBA is the colour t of the way from a to b, alpha included.
func lerpNRGBA(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	// Towards transparent, only the alpha changes.
	if b.A == 0 {
		b.R, b.G, b.B = a.R, a.G, a.B
	}
	return color.NRGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: m(a.A, b.A)}
}

// addSpan draws a span's bar in r, which is its whole extent in view: the
// solid part, and a fade at each end not known to the day.
func (l *timelineLayout) addSpan(it *eventItem, m markGeom, r rectPrim, ls *laneStyle, dim bool) {
	f := &l.frame
	// Unclamped, unlike f.x: a fade seen a few days wide may span far
	// more pixels than f.x keeps.
	x := func(s float64) float32 { return float32(float64(f.plotLeft) + (s-f.from)*f.pps) }
	sure0, sure1 := x(it.sureFrom), x(it.sureTo)
	uncertain, open := &ls.uncertain, &ls.open
	if dim {
		uncertain, open = &ls.uncertainDim, &ls.openDim
	}
	// The fades run from the solid part outwards.
	if it.openStart {
		l.addFade(sure0, sure0-openTail, r, open)
	} else if start := x(it.start); start < sure0 {
		l.addFade(sure0, start, r, uncertain)
	}
	if it.openEnd {
		l.addFade(sure1, sure1+openTail, r, open)
	} else if end := x(it.end); end > sure1 {
		l.addFade(sure1, end, r, uncertain)
	}
	x0, x1 := max(sure0, r.pos.X), min(sure1, r.pos.X+r.size.Width)
	if x1 <= x0 {
		return
	}
	solid := r
	solid.pos.X, solid.size.Width = x0, x1-x0
	solid.fill = pickColor(dim, ls.dim, ls.solid)
	// Only an end known to the day is rounded off, as a finished end.
	if it.uncertain(true) || x0 > sure0 {
		solid.flat |= flatLeft
	}
	if it.uncertain(false) || x1 < sure1 {
		solid.flat |= flatRight
	}
	f.ranges = append(f.ranges, solid)
}

// addFade draws a fade from x = from, where the bar is solid, to x = to,
// where it has faded as far as ramp goes, cut to r's extent.
func (l *timelineLayout) addFade(from, to float32, r rectPrim, ramp *fadeRamp) {
	lo, hi := min(from, to), max(from, to)
	x0, x1 := max(lo, r.pos.X), min(hi, r.pos.X+r.size.Width)
	if x1 <= x0 || hi <= lo {
		return
	}
	// How far along the fade, from its solid end, x is.
	along := func(x float32) float64 { return float64((x - from) / (to - from)) }
	p := fadePrim{pos: fyne.NewPos(x0, r.pos.Y), size: fyne.NewSize(x1-x0, r.size.Height),
		start: ramp.at(along(x0)), end: ramp.at(along(x1))}
	l.frame.fades = append(l.frame.fades, p)
}
