package app

import (
	"image/color"
	"math"
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
	// wideBandHeight is how high a band across the whole plot is painted
	// (bandBody).
	wideBandHeight = 2
	// openTail is how far a span's open end fades out.
	openTail = 36
	// fadeSteps is how many shades a fade is cut at when the plot's edge
	// cuts it.
	fadeSteps = 32
	// markerRowH is the least height of a lane's row of markers and labels;
	// markMid is where in a row markers are centred.
	markerRowH     = 17
	markMid        = 7
	maxLaneRows    = 8
	markGap        = 3 // between markers in a row
	colWidth       = 2 // histogram and coverage columns
	coverageHeight = 24
	labelGap       = 8
	labelPad       = 3 // clear space around a label that grid lines keep out of
	labelNear      = 5 // between a marker and its label beside it
	insidePad      = 4 // between a band's or bar's end and a label inside it
	// labelClear is the least room between a label and a marker not its
	// own, three times that to its own, so that it reads as its own's.
	labelClear = 3 * labelNear
	// The selected label is clipped, when it must be, to widths in steps
	// of clipStep, and not below minClippedLabel.
	clipStep        = 16
	minClippedLabel = 64
	axisGap         = 10
	// A single event's sources are ticks under its marker, up to maxTicks.
	maxTicks    = 5
	tickStep    = 3
	tickHeight  = 2
	tickGap     = 2
	undatedSlot = dotSize + 8
	// minUndatedTitleWidth is the least room worth giving an undated
	// event's title.
	minUndatedTitleWidth = 60
	maxUndatedWidth      = 240
	tooltipPad           = 6
	ringGap              = 3
)

// timelineStyle holds the theme's colours and sizes as the timeline uses
// them, and the lane colours made legible on the theme's background.
type timelineStyle struct {
	ready   bool
	theme   fyne.Theme
	variant fyne.ThemeVariant
	primary string

	fg, fgDim, bg, sep, grid, gridMajor, stripe, focus, tipBg, coverage color.Color
	// chip is the opaque patch under the selected label, so that what is
	// drawn under it, such as histogram columns, cannot spoil the text;
	// onChip and onChipDim are that label's text, matching the search or
	// not.
	chip, onChip, onChipDim color.Color
	lanes                   [len(lanePalette)]laneStyle
	// legend draws the legend's glyphs, in the dimmed text's grey.
	legend laneStyle

	labelSize, axisSize, countSize, nameSize float32
}

// Contrast ratios, as WCAG 2 computes them from relative luminance, that
// what the timeline draws keeps against the background, plain or striped,
// in any theme. A mark that is legible only in one theme fails the other.
const (
	// contrastText is WCAG's AA level for text: labels, dimmed ones too,
	// lane names (drawn in the lane colour) and counts on markers.
	contrastText = 4.5
	// contrastMark is WCAG 2.1's level for graphics one must see (SC
	// 1.4.11): dots, bars and cluster outlines, dimmed or not, and
	// histogram columns.
	contrastMark = 3.0
	// contrastArea is for translucent areas read by their extent rather
	// than their edge: a band across a fuzzy date, a cluster's fill.
	contrastArea = 2.0
	// contrastDimArea is for the same areas dimmed by a search, and the
	// columns of events a search did not match: visible, and behind.
	contrastDimArea = 1.5
)

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
	*st = newTimelineStyle(th, v)
	st.primary = primary
	l.text.reset()
}

// newTimelineStyle works out the timeline's colours and sizes for a theme.
func newTimelineStyle(th fyne.Theme, v fyne.ThemeVariant) timelineStyle {
	fg := opaque(th.Color(theme.ColorNameForeground, v))
	bg := opaque(th.Color(theme.ColorNameBackground, v))
	stripe := alphaScaled(fg, 0x0a)
	bgs := backgrounds{bg, over(stripe, bg)}
	chip := over(th.Color(theme.ColorNameSelection, v), bg)
	onChip := backgrounds{chip}.strengthen(fg, contrastText)
	st := timelineStyle{
		ready: true, theme: th, variant: v,
		fg:        fg,
		fgDim:     bgs.fade(fg, contrastText),
		bg:        bg,
		sep:       th.Color(theme.ColorNameSeparator, v),
		grid:      alphaScaled(fg, 0x14),
		gridMajor: alphaScaled(fg, 0x30),
		stripe:    stripe,
		chip:      chip,
		onChip:    onChip,
		onChipDim: backgrounds{chip}.fade(onChip, contrastText),
		focus:     th.Color(theme.ColorNameFocus, v),
		tipBg:     th.Color(theme.ColorNameOverlayBackground, v),
		coverage:  bgs.translucent(opaque(th.Color(theme.ColorNamePrimary, v)), contrastMark),
		labelSize: th.Size(theme.SizeNameCaptionText) + 1,
		countSize: max(th.Size(theme.SizeNameCaptionText)-2, 8),
		nameSize:  th.Size(theme.SizeNameText),
	}
	st.axisSize = st.labelSize
	for i, c := range lanePalette {
		st.lanes[i] = newLaneStyle(c, bgs, fg)
	}
	st.legend = newLaneStyle(opaque(st.fgDim), bgs, fg)
	return st
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
// out assigns interfaces rather than boxing new ones: solid for markers
// and the lane's name, dim for markers a search did not match, band for
// moments not known to the day, hist for histogram columns, on and onDim
// for counts and labels written on solid and dim markers, onBand and
// onBandDim for labels written in bands, nil where none would read, and
// the fades of a span's uncertain and open ends, from solid to band and
// to nothing.
type laneStyle struct {
	solid, dim, band, bandDim, hist, histDim, on, onDim color.Color
	onBand, onBandDim                                   color.Color
	uncertain, uncertainDim, open, openDim              fadeRamp
}

// newLaneStyle makes the lane colour c legible on the backgrounds: as it
// is where it has the contrast, darker or lighter where it has not, with
// dimmed and translucent states as faint as their contrast allows.
func newLaneStyle(c color.NRGBA, bgs backgrounds, fg color.NRGBA) laneStyle {
	solid := bgs.strengthen(c, contrastText)
	dim := bgs.fade(solid, contrastMark)
	band, bandDim := bgs.translucent(solid, contrastArea), bgs.translucent(solid, contrastDimArea)
	ls := laneStyle{
		solid: solid, dim: dim,
		band: band, bandDim: bandDim,
		hist: bgs.translucent(solid, contrastMark), histDim: bgs.translucent(solid, contrastDimArea),
		on: textOn(solid), onDim: textOn(dim),
		uncertain: newFadeRamp(solid, band), uncertainDim: newFadeRamp(dim, bandDim),
		open: newFadeRamp(solid, color.NRGBA{}), openDim: newFadeRamp(dim, color.NRGBA{}),
	}
	// Labels in bands are left nil, and so beside them, where no colour
	// reads on a band, as on a mid-grey background.
	if c, ok := bgs.under(band).textColor(fg); ok {
		ls.onBand = c
	}
	if c, ok := bgs.under(bandDim).textColor(fg); ok {
		ls.onBandDim = bgs.under(bandDim).fade(c, contrastText)
	}
	return ls
}

// textColor returns c, or c mixed towards black or white, whichever
// reads better, just far enough to be legible text on every one of bgs;
// false if even black or white is not.
func (bgs backgrounds) textColor(c color.NRGBA) (color.NRGBA, bool) {
	far := color.NRGBA{A: 0xff}
	if white := (color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}); bgs.contrast(white) > bgs.contrast(far) {
		far = white
	}
	if bgs.contrast(far) < contrastText {
		return c, false
	}
	return mix(c, far, searchMix(func(t float64) bool { return bgs.contrast(mix(c, far, t)) >= contrastText })), true
}

// lanePalette holds the lanes' hues, mid tones that newLaneStyle darkens
// or lightens as a theme needs.
var lanePalette = [...]color.NRGBA{
	{R: 0x3d, G: 0x85, B: 0xc6, A: 0xff}, // blue
	{R: 0x3b, G: 0xa5, B: 0x5c, A: 0xff}, // green
	{R: 0xd9, G: 0x4f, B: 0x4f, A: 0xff}, // red
	{R: 0x9a, G: 0x6c, B: 0xd0, A: 0xff}, // purple
	{R: 0xe0, G: 0x8a, B: 0x2c, A: 0xff}, // orange
	{R: 0x2a, G: 0xa1, B: 0x98, A: 0xff}, // teal
	{R: 0xd0, G: 0x5c, B: 0x9e, A: 0xff}, // pink
	{R: 0xa0, G: 0x7a, B: 0x5a, A: 0xff}, // brown
}

// backgrounds are the opaque colours a mark may be drawn on: the
// timeline's background, and a lane's stripe over it; or those a label may
// be drawn on, the first being the one the label's colour is mixed from.
type backgrounds []color.NRGBA

// contrast is c's contrast with the background it contrasts least with.
func (bgs backgrounds) contrast(c color.Color) float64 {
	least := math.Inf(1)
	for _, bg := range bgs {
		least = min(least, contrastRatio(over(c, bg), bg))
	}
	return least
}

// under lists what a label inside a band sees under it: the band over
// each background.
func (bgs backgrounds) under(band color.Color) backgrounds {
	var out backgrounds
	for _, bg := range bgs {
		out = append(out, over(band, bg))
	}
	return out
}

// strengthen returns c, or c mixed towards black on a light background or
// white on a dark one just far enough to reach the contrast ratio target.
func (bgs backgrounds) strengthen(c color.NRGBA, target float64) color.NRGBA {
	far := color.NRGBA{A: 0xff}
	if contrastRatio(far, bgs[0]) < contrastRatio(color.White, bgs[0]) {
		far = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	}
	t := searchMix(func(t float64) bool { return bgs.contrast(mix(c, far, t)) >= target })
	return mix(c, far, t)
}

// fade mixes c towards the background as far as it can keep the contrast
// ratio target.
func (bgs backgrounds) fade(c color.NRGBA, target float64) color.NRGBA {
	t := searchMix(func(t float64) bool { return bgs.contrast(mix(bgs[0], c, t)) >= target })
	return mix(bgs[0], c, t)
}

// translucent returns c with the least alpha that keeps the contrast ratio
// target over the background.
func (bgs backgrounds) translucent(c color.NRGBA, target float64) color.NRGBA {
	t := searchMix(func(t float64) bool {
		a := c
		a.A = uint8(math.Round(t * 0xff))
		return bgs.contrast(a) >= target
	})
	c.A = uint8(math.Round(t * 0xff))
	return c
}

// searchMix finds the least t from 0 to 1 for which ok holds, given that
// it holds for every t above that; 1 if it never does.
func searchMix(ok func(t float64) bool) float64 {
	lo, hi := 0.0, 1.0
	if ok(lo) {
		return lo
	}
	for range 12 {
		if mid := (lo + hi) / 2; ok(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// textOn returns black or white, whichever reads better on c.
func textOn(c color.NRGBA) color.NRGBA {
	white := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	if contrastRatio(c, white) >= contrastRatio(c, color.Black) {
		return white
	}
	return color.NRGBA{A: 0xff}
}

// contrastRatio is WCAG 2's contrast ratio of two opaque colours, from 1
// (the same) to 21 (black on white).
func contrastRatio(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := opaque(c)
	lin := func(v uint8) float64 {
		s := float64(v) / 0xff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// over is c drawn over the opaque bg, blended as the renderer blends.
func over(c color.Color, bg color.NRGBA) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return mix(bg, color.NRGBA{R: n.R, G: n.G, B: n.B, A: 0xff}, float64(n.A)/0xff)
}

// mix is the opaque colour t of the way from a to b.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return color.NRGBA{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B), A: 0xff}
}

// opaque drops c's alpha, as a theme's text and background colours have
// none.
func opaque(c color.Color) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = 0xff
	return n
}
