package app

import (
	"image/color"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Sizes in pixels of what the timeline draws. They are independent of the
// theme's text size because they are read as shapes, not text.
const (
	dotSize    = 10 // a single event known to the day
	pointWidth = 14 // the room a dot and its ticks take; closer points cluster
	markHeight = 11 // bands and bars
	pillHeight = 11 // a cluster's front card
	// stackOffset is how far a cluster's back card shows behind its front.
	stackOffset  = 3
	minBandWidth = 26 // fuzzy dates must never read as a point
	// markerRowH is the least height of a lane's row of markers and labels;
	// markMid is where in a row markers are centred.
	markerRowH     = 17
	markMid        = 7
	maxLaneRows    = 8
	markGap        = 3 // between markers in a row
	colWidth       = 2 // histogram and coverage columns
	coverageHeight = 24
	labelGap       = 8
	labelNear      = 5 // between a marker and its label beside it
	insidePad      = 4 // between a band's or bar's end and a label inside it
	axisGap        = 10
	// A single event's sources are ticks under its marker, up to maxTicks.
	maxTicks    = 5
	tickStep    = 3
	tickHeight  = 2
	tickGap     = 2
	undatedSlot = dotSize + 8
	tooltipPad  = 6
	ringGap     = 3
)

// timelineStyle holds the theme's colours and sizes as the timeline uses
// them.
type timelineStyle struct {
	ready   bool
	theme   fyne.Theme
	variant fyne.ThemeVariant
	primary string

	fg, fgDim, bg, sep, grid, gridMajor, stripe, chip, focus, tipBg, coverage color.Color

	labelSize, axisSize, countSize, nameSize float32
}

// refreshStyle looks the theme's colours and sizes up again, but only when
// the theme has changed, since boxing colours allocates. A new theme also
// drops the measured text.
func (l *timelineLayout) refreshStyle() {
	th := l.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := fyne.CurrentApp().Settings().PrimaryColor()
	st := &l.style
	// A theme whose type cannot be compared is looked up every time.
	comparable := reflect.TypeOf(th).Comparable()
	if st.ready && comparable && st.theme == th && st.variant == v && st.primary == primary {
		return
	}
	fg := th.Color(theme.ColorNameForeground, v)
	*st = timelineStyle{
		ready: true, theme: th, variant: v, primary: primary,
		fg:        fg,
		fgDim:     alphaScaled(fg, 0x70),
		bg:        th.Color(theme.ColorNameBackground, v),
		sep:       th.Color(theme.ColorNameSeparator, v),
		grid:      alphaScaled(fg, 0x14),
		gridMajor: alphaScaled(fg, 0x30),
		stripe:    alphaScaled(fg, 0x0a),
		chip:      th.Color(theme.ColorNameSelection, v),
		focus:     th.Color(theme.ColorNameFocus, v),
		tipBg:     th.Color(theme.ColorNameOverlayBackground, v),
		coverage:  alphaScaled(th.Color(theme.ColorNamePrimary, v), 0xc0),
		labelSize: th.Size(theme.SizeNameCaptionText) + 1,
		countSize: max(th.Size(theme.SizeNameCaptionText)-2, 8),
		nameSize:  th.Size(theme.SizeNameText),
	}
	st.axisSize = st.labelSize
	l.text.reset()
}

func pickColor(cond bool, a, b color.Color) color.Color {
	if cond {
		return a
	}
	return b
}

// alphaScaled returns c with its alpha scaled by a/255.
func alphaScaled(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

// laneStyle holds the pre-boxed colours of one lane colour, so that laying
// out assigns interfaces rather than boxing new ones.
type laneStyle struct {
	solid, dim, band, bandCore, bandDim, hist, histDim, on, onDim color.Color
}

func newLaneStyle(c color.NRGBA) laneStyle {
	on := color.Color(color.White)
	if 0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B) > 150 {
		on = color.Black
	}
	return laneStyle{
		solid: c, dim: alphaScaled(c, 0x48),
		band: alphaScaled(c, 0x50), bandCore: alphaScaled(c, 0x50), bandDim: alphaScaled(c, 0x20),
		hist: alphaScaled(c, 0xb0), histDim: alphaScaled(c, 0x40),
		on: on, onDim: alphaScaled(on, 0x60),
	}
}

// laneColors are mid tones that read on light and dark backgrounds alike.
var laneColors = [...]laneStyle{
	newLaneStyle(color.NRGBA{R: 0x3d, G: 0x85, B: 0xc6, A: 0xff}), // blue
	newLaneStyle(color.NRGBA{R: 0x3b, G: 0xa5, B: 0x5c, A: 0xff}), // green
	newLaneStyle(color.NRGBA{R: 0xd9, G: 0x4f, B: 0x4f, A: 0xff}), // red
	newLaneStyle(color.NRGBA{R: 0x9a, G: 0x6c, B: 0xd0, A: 0xff}), // purple
	newLaneStyle(color.NRGBA{R: 0xe0, G: 0x8a, B: 0x2c, A: 0xff}), // orange
	newLaneStyle(color.NRGBA{R: 0x2a, G: 0xa1, B: 0x98, A: 0xff}), // teal
	newLaneStyle(color.NRGBA{R: 0xd0, G: 0x5c, B: 0x9e, A: 0xff}), // pink
	newLaneStyle(color.NRGBA{R: 0xa0, G: 0x7a, B: 0x5a, A: 0xff}), // brown
}
