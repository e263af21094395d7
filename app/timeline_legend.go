package app

import (
	"fyne.io/fyne/v2"

	"chronoscope/data"
)

// The legend is a line under the lanes that shows, in grey, how an event's
// dating is drawn: a dot for one day, a band for a moment sometime within
// some days, a bar for a span from one day to another, and a fading end
// for an end not known to the day; then the badges of the statuses a
// researcher gives events. It has a strip of its own, so that it
// never covers an event, and only room the lanes' rows leave over, so
// that it never costs a row of events either.

// legendItems are the legend's glyphs and what they say, left to right.
var legendItems = [...]struct {
	kind legendGlyph
	text timelineWord
}{
	{glyphDot, wordOneDay},
	{glyphBand, wordSometimeWithin},
	{glyphBar, wordFromTo},
	{glyphFade, wordEndNotKnown},
	{glyphVerified, wordVerified},
	{glyphDisputed, wordDisputed},
	{glyphNeedsSource, wordNeedsSource},
}

type legendGlyph uint8

const (
	glyphDot legendGlyph = iota
	glyphBand
	glyphBar
	glyphFade
	// A status's badge, on a dot.
	glyphVerified
	glyphDisputed
	glyphNeedsSource
)

// legendStatus is the status a glyph shows, or "" for a dating's glyph.
func (g legendGlyph) status() data.Status {
	switch g {
	case glyphVerified:
		return data.Verified
	case glyphDisputed:
		return data.Disputed
	case glyphNeedsSource:
		return data.NeedsSource
	}
	return ""
}

// legendGlyphW is how wide the legend draws a band or a bar.
const legendGlyphW = 22

// legendHeight is the height of the legend's strip under lanes from
// lanesTop down, or 0 where the lanes have no room to spare for it: where
// it would leave a lane fewer rows, at least one.
func (l *timelineLayout) legendHeight(size fyne.Size, lanesTop, minRowH float32) float32 {
	n := float32(len(l.t.lanes))
	if n == 0 {
		return 0
	}
	h := l.text.height(l.style.labelSize) + 4
	with, without := (size.Height-lanesTop-h)/n, (size.Height-lanesTop)/n
	if with < minRowH+1 || laneRows(with, minRowH) < laneRows(without, minRowH) {
		return 0
	}
	return h
}

// buildLegend draws the legend in its strip, as many items as fit in the
// timeline's width: past the plot, under the Undated column, the strip is
// free too.
func (l *timelineLayout) buildLegend() {
	f, st := &l.frame, &l.style
	if f.legendH == 0 {
		return
	}
	top := f.size.Height - f.legendH
	f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(0, top), size: fyne.NewSize(f.size.Width, 1), fill: st.sep})
	ls := &st.legend
	y := top + f.legendH/2
	x := f.plotLeft + labelGap
	for _, item := range legendItems {
		gw := float32(legendGlyphW)
		if item.kind == glyphDot {
			gw = dotSize
		} else if item.kind.status() != "" {
			gw = dotSize + badgeSize/2
		}
		text := l.text.word(item.text)
		tw := l.text.size(text, st.labelSize, false)
		if x+gw+labelNear+tw.Width > f.size.Width-labelGap {
			break
		}
		r := rectPrim{pos: fyne.NewPos(x, y-markHeight/2), size: fyne.NewSize(gw, markHeight)}
		switch item.kind {
		case glyphVerified, glyphDisputed, glyphNeedsSource:
			f.dots = append(f.dots, circlePrim{pos: fyne.NewPos(x, y-dotSize/2), size: fyne.NewSize(dotSize, dotSize), fill: ls.solid, stroke: st.bg, strokeW: 1})
			l.addBadge(item.kind.status(), x+dotSize, y-dotSize/2, false)
		case glyphDot:
			f.dots = append(f.dots, circlePrim{pos: fyne.NewPos(x, y-dotSize/2), size: fyne.NewSize(dotSize, dotSize), fill: ls.solid, stroke: st.bg, strokeW: 1})
		case glyphBand:
			r.fill, r.radius = ls.band, 4
			f.bands = append(f.bands, r)
		case glyphBar:
			r.fill, r.radius = ls.solid, markHeight/2
			f.ranges = append(f.ranges, r)
		case glyphFade:
			solid := r
			solid.size.Width, solid.fill, solid.radius, solid.flat = gw/2, ls.solid, markHeight/2, flatRight
			f.ranges = append(f.ranges, solid)
			l.addFade(x+gw/2, x+gw, r, &ls.uncertain)
		}
		x += gw + labelNear
		f.names = append(f.names, textPrim{pos: fyne.NewPos(x, y-tw.Height/2), size: tw, text: text, textSize: st.labelSize, col: st.fgDim})
		x += tw.Width + 2*labelGap
	}
	// Hovering the legend explains the fades, which a glyph cannot.
	l.addHit(rectPrim{pos: fyne.NewPos(f.plotLeft, top+1), size: fyne.NewSize(x-f.plotLeft, f.legendH-1)}, hitLegend, -1, prioHistogram, 0, 0)
}
