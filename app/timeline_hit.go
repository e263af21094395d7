package app

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

type hitKind uint8

const (
	hitNone hitKind = iota
	hitEvent
	hitCluster
	hitHistogram
	hitLegend
)

// Hit priorities follow the drawing order, so a tap picks what is on top.
const (
	prioHistogram uint8 = iota
	prioBand
	prioBar
	prioPoint
	prioLabel
)

func prioOf(k markKind) uint8 {
	if k == kindBand {
		return prioBand
	}
	return prioBar
}

// hitBox is a region of the last frame that answers taps and hovering.
type hitBox struct {
	x0, y0, x1, y1 float32
	kind           hitKind
	prio           uint8
	event          int32   // the event, or the first in a cluster
	n, lane        int32   // events in a cluster, and its lane
	reviewed       int32   // events in a cluster with a status
	from, to       float64 // the span a cluster covers
}

// hitIndex is what input handling needs from the last layout: where the
// plot is, to turn pixels into time, and what was drawn where.
type hitIndex struct {
	plotLeft, plotRight float32
	boxes               []hitBox
	tip                 bool // a tooltip is shown
}

// at finds what is under p, preferring what is drawn on top.
func (h hitIndex) at(p fyne.Position) (hitBox, bool) {
	return topHitAt(h.boxes, p)
}

// topHitAt finds the box under p, preferring what is drawn on top.
func topHitAt(boxes []hitBox, p fyne.Position) (hitBox, bool) {
	best, found := hitBox{}, false
	for _, h := range boxes {
		if p.X >= h.x0-2 && p.X <= h.x1+2 && p.Y >= h.y0-2 && p.Y <= h.y1+2 && (!found || h.prio >= best.prio) {
			best, found = h, true
		}
	}
	return best, found
}

// index reports the last layout to the widget through
// Timeline.lastLayout.
func (l *timelineLayout) index() hitIndex {
	f := &l.frame
	return hitIndex{plotLeft: f.plotLeft, plotRight: f.plotRight, boxes: f.hits, tip: l.tip.key.kind != hitNone}
}

// addHit makes r answer taps and hovering, returning its index in the
// frame's hits.
func (l *timelineLayout) addHit(r rectPrim, kind hitKind, event int32, prio uint8, from, to float64) int32 {
	f := &l.frame
	f.hits = append(f.hits, hitBox{x0: r.pos.X, y0: r.pos.Y, x1: r.pos.X + r.size.Width, y1: r.pos.Y + r.size.Height,
		kind: kind, event: event, prio: prio, from: from, to: to})
	return int32(len(f.hits) - 1)
}

// tooltipText is the text of the tooltip shown, and what it was made for.
type tooltipText struct {
	key           tipKey
	title, detail string
}

// tipKey says what a tooltip describes; the text is formatted again only
// when it changes.
type tipKey struct {
	kind     hitKind
	event, n int32
	reviewed int32
	from, to float64
	deepest  bool // the view is as narrow as it goes, where a tap selects
}

// buildTooltip draws a box describing what is under the pointer, beside
// the pointer and inside the timeline.
func (l *timelineLayout) buildTooltip() {
	t, f, st := l.t, &l.frame, &l.style
	if !t.hovering {
		l.tip.key.kind = hitNone
		return
	}
	h, ok := topHitAt(f.hits, t.hoverPos)
	if !ok {
		l.tip.key.kind = hitNone
		return
	}
	l.updateTipText(h)
	title := l.text.size(l.tip.title, st.labelSize, true)
	detail := l.text.size(l.tip.detail, st.labelSize, false)
	size := fyne.NewSize(max(title.Width, detail.Width)+2*tooltipPad, title.Height+detail.Height+2*tooltipPad)
	pos := t.hoverPos.AddXY(14, 18)
	if pos.X+size.Width > f.size.Width {
		pos.X = max(t.hoverPos.X-size.Width-8, 0)
	}
	if pos.Y+size.Height > f.size.Height {
		pos.Y = max(t.hoverPos.Y-size.Height-8, 0)
	}
	f.tipBox = append(f.tipBox, rectPrim{pos: pos, size: size, fill: st.tipBg, stroke: st.sep, strokeW: 1, radius: 4})
	f.tipText = append(f.tipText,
		textPrim{pos: pos.AddXY(tooltipPad, tooltipPad), size: title, text: l.tip.title, textSize: st.labelSize, bold: true, col: st.fg},
		textPrim{pos: pos.AddXY(tooltipPad, tooltipPad+title.Height), size: detail, text: l.tip.detail, textSize: st.labelSize, col: st.fg})
}

// updateTipText formats the tooltip only when what is under the pointer
// changes, keeping hover cheap.
func (l *timelineLayout) updateTipText(h hitBox) {
	t := l.t
	key := tipKey{kind: h.kind, event: h.event, n: h.n, reviewed: h.reviewed, from: h.from, to: h.to, deepest: t.to-t.from <= minSpan}
	if h.kind == hitHistogram {
		key.from, key.to = t.from, t.to
	}
	if key == l.tip.key {
		return
	}
	l.tip.key = key
	switch h.kind {
	case hitEvent:
		it, e := &t.events[h.event], t.summary(h.event)
		l.tip.title = textfmt.Clip(e.Title, 80)
		l.tip.detail = eventDateText(it, &e) + " · " + lang.N("{{.Count}} sources", e.Sources, countData(e.Sources))
		if e.Basis != "" && it.kind != kindUndated {
			l.tip.detail += " · " + basisName(e.Basis)
		}
		if it.reviewed {
			l.tip.title += " · " + statusText(e.Status)
		}
		if len(e.Tags) > 0 {
			l.tip.detail += " · " + lang.L("tags: {{.Tags}}", map[string]any{"Tags": strings.Join(e.Tags, ", ")})
		}
	case hitCluster:
		l.tip.title = eventCount(int(h.n))
		if t.reviewed > 0 {
			l.tip.title += " · " + lang.L("{{.Reviewed}} reviewed", map[string]any{"Reviewed": textfmt.Number(int(h.reviewed))})
		}
		l.tip.detail = spanText(h.from, h.to) + " · " + lang.L("tap to zoom in")
		if key.deepest {
			// As deep as the view goes: a tap selects (see Tapped).
			l.tip.detail = spanText(h.from, h.to) + " · " + lang.L("tap to select the first, Next for the rest")
		}
	case hitHistogram:
		l.tip.title = lang.L("Too many events to draw one by one")
		l.tip.detail = lang.L("Bars count events per column") + " · " + lang.L("tap to zoom in")
	case hitLegend:
		l.tip.title = lang.L("How dates are drawn")
		l.tip.detail = lang.L("A bar fades over the days an end may be, and fades out where no source gives an end")
	}
}

// eventDateText is the dating as the detail pane gives it (datingText),
// so a tooltip and the pane never word the same date differently.
func eventDateText(it *eventItem, e *data.EventSummary) string {
	if it.kind == kindUndated {
		return lang.L("Undated")
	}
	return datingText(*e)
}

// spanText writes a span of whole days given with an exclusive end.
func spanText(from, to float64) string {
	last := math.Max(from, to-secondsPerDay)
	a, b := timeAtSeconds(from), timeAtSeconds(last)
	if a.YearDay() == b.YearDay() && a.Year() == b.Year() {
		return dayText(from, true)
	}
	return dayText(from, a.Year() != b.Year()) + " – " + dayText(last, true)
}

// basisName words how a date is known: stated, relative, inferred.
func basisName(b data.Basis) string {
	switch b {
	case data.Stated:
		return lang.L("stated")
	case data.Relative:
		return lang.L("relative")
	case data.Inferred:
		return lang.L("inferred")
	}
	return string(b)
}
