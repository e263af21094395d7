package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"chronoscope/data"
)

// A reviewed event carries a badge at its marker's upper right: a round
// chip in the text colour with a glyph in the background colour, a check
// for verified, "!" for disputed and "?" for needs a source. The glyph, not
// a hue, tells the statuses apart, so they read in either theme and to a
// reader who does not see colours; an unreviewed event has none.

// badgeSize is the diameter of a status badge.
const badgeSize = 11

// statusGlyph is the badge of a status, "" for none.
func statusGlyph(s data.Status) string {
	switch s {
	case data.Verified:
		return "✓"
	case data.Disputed:
		return "!"
	case data.NeedsSource:
		return "?"
	}
	return ""
}

// addBadge draws the badge of status centred at (cx, cy), faint when dim.
func (l *timelineLayout) addBadge(status data.Status, cx, cy float32, dim bool) {
	glyph := statusGlyph(status)
	if glyph == "" {
		return
	}
	f, st := &l.frame, &l.style
	pos := fyne.NewPos(cx-badgeSize/2, cy-badgeSize/2)
	f.badges = append(f.badges, circlePrim{pos: pos, size: fyne.NewSize(badgeSize, badgeSize),
		fill: pickColor(dim, st.fgDim, st.fg), stroke: st.bg, strokeW: 1})
	sz := l.text.size(glyph, st.countSize, true)
	f.badgeText = append(f.badgeText, textPrim{pos: fyne.NewPos(cx-sz.Width/2, cy-sz.Height/2), size: sz,
		text: glyph, textSize: st.countSize, bold: true, col: st.bg})
}

// statusText words a status for the tooltip and the legend.
func statusText(s data.Status) string {
	switch s {
	case data.Verified:
		return lang.L("verified")
	case data.Disputed:
		return lang.L("disputed")
	case data.NeedsSource:
		return lang.L("needs a source")
	}
	return lang.L("unreviewed")
}
