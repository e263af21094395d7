package app

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2"
)

// labelCand is a label offered for a marker, before it is given a place.
type labelCand struct {
	x, right, w, h     float32 // from x reading on, or ending at right
	text               string
	event              int32 // or -1 for a cluster's count
	dim, hit, selected bool
}

// pass orders label placement: the selected label, then search hits, then
// the rest.
func (c *labelCand) pass() int {
	switch {
	case c.selected:
		return 0
	case c.hit:
		return 1
	}
	return 2
}

func compareCandidates(a, b labelCand) int {
	return cmp.Compare(a.x, b.x)
}

// rowSpan is the room a placed label takes in its row.
type rowSpan struct{ left, right float32 }

// placedLabel is a candidate given a place: its row, its span in the row
// and whether it ends where its marker ends rather than starting there.
type placedLabel struct {
	cand, row, span int
	x               float32
	endAligned      bool
}

// addCandidate offers a label for a dot at x.
func (l *timelineLayout) addCandidate(x float32, s string, event int32, dim bool) {
	l.addCandidateRight(x, x+dotSize, s, event, dim)
}

// addCandidateRight offers a label for a marker from x to right. The
// selected event's label is the longer one: it is always shown.
func (l *timelineLayout) addCandidateRight(x, right float32, s string, event int32, dim bool) {
	t, st := l.t, &l.style
	if event >= 0 && int(event) == t.selected {
		s = t.events[event].fullLabel
	}
	c := labelCand{x: x, text: s, event: event, dim: dim}
	c.selected = event >= 0 && int(event) == t.selected
	if event >= 0 && !c.selected {
		c.w, c.h = l.text.labelWidth(&l.text.labelW, int(event), len(t.events), s, st.labelSize), l.text.height(st.labelSize)
	} else {
		sz := l.text.size(s, st.labelSize, c.selected)
		c.w, c.h = sz.Width, sz.Height
	}
	c.hit = t.highlight != nil && !dim
	c.right = min(right, l.frame.plotRight)
	l.cands = append(l.cands, c)
}

// placeLabels places the lane's label candidates greedily in a few rows
// under the markers: the selected event first, then search hits, then the
// rest from left to right. A label that fits nowhere is not drawn.
func (l *timelineLayout) placeLabels(li int) {
	f, st := &l.frame, &l.style
	g := &f.lanes[li]
	for r := range l.rows {
		l.rows[r] = l.rows[r][:0]
	}
	l.placed = l.placed[:0]
	slices.SortFunc(l.cands, compareCandidates)
	for pass := 0; pass < 3; pass++ {
		for i := range l.cands {
			if l.cands[i].pass() == pass {
				l.findRow(g, i)
			}
		}
	}
	l.lengthenLabels()
	for _, p := range l.placed {
		c := &l.cands[p.cand]
		y := g.labelTop + float32(p.row)*g.rowH
		if p.row < 0 { // no label rows: beside the marker
			y = g.markY - c.h/2
		}
		f.labels = append(f.labels, textPrim{pos: fyne.NewPos(p.x, y), size: fyne.NewSize(c.w, c.h),
			text: c.text, textSize: st.labelSize, bold: c.selected, col: pickColor(c.dim, st.fgDim, st.fg)})
		if c.selected {
			f.chips = append(f.chips, rectPrim{pos: fyne.NewPos(p.x-3, y-1), size: fyne.NewSize(c.w+6, c.h+2), fill: st.chip, radius: 3})
		}
		if c.event >= 0 {
			l.addHit(rectPrim{pos: fyne.NewPos(p.x, y), size: fyne.NewSize(c.w, c.h)}, hitEvent, c.event, prioLabel, 0, 0)
		}
	}
}

// findRow places candidate i in the first label row where it fits, beside
// its marker reading on from it or else ending where the marker ends. The
// selected label is shifted to fit and always gets a place.
func (l *timelineLayout) findRow(g *laneFrame, i int) {
	f := &l.frame
	c := &l.cands[i]
	x := c.x
	if c.selected {
		x = max(min(x, f.plotRight-c.w), f.plotLeft)
		if g.rows == 0 {
			l.placed = append(l.placed, placedLabel{cand: i, row: -1, x: min(c.x+dotSize+ringGap, f.plotRight-c.w)})
			return
		}
	}
	for r := 0; r < g.rows; r++ {
		for k, x := range [2]float32{x, c.right - c.w} {
			if l.fits(r, x, c.w, -1) {
				l.rows[r] = append(l.rows[r], rowSpan{x, x + c.w})
				l.placed = append(l.placed, placedLabel{cand: i, row: r, span: len(l.rows[r]) - 1, x: x, endAligned: k == 1})
				return
			}
		}
	}
	if c.selected {
		l.rows[0] = append(l.rows[0], rowSpan{x, x + c.w})
		l.placed = append(l.placed, placedLabel{cand: i, row: 0, span: len(l.rows[0]) - 1, x: x})
	}
}

// lengthenLabels gives placed labels their event's full title where the
// row has room for it, as it often has once zoomed in.
func (l *timelineLayout) lengthenLabels() {
	t := l.t
	for i := range l.placed {
		p := &l.placed[i]
		c := &l.cands[p.cand]
		if c.event < 0 || c.selected || p.row < 0 {
			continue
		}
		long := t.events[c.event].fullLabel
		if long == c.text {
			continue
		}
		w := l.text.labelWidth(&l.text.fullW, int(c.event), len(t.events), long, l.style.labelSize)
		x := p.x
		if p.endAligned {
			x = c.right - w
		}
		if l.fits(p.row, x, w, p.span) {
			l.rows[p.row][p.span] = rowSpan{x, x + w}
			c.text, c.w, p.x = long, w, x
		}
	}
}

// fits reports whether a label from x, w wide, fits in a row without
// coming within labelGap of another, ignoring the span numbered skip.
func (l *timelineLayout) fits(row int, x, w float32, skip int) bool {
	if x < l.frame.plotLeft || x+w > l.frame.plotRight {
		return false
	}
	for i, s := range l.rows[row] {
		if i != skip && x < s.right+labelGap && s.left < x+w+labelGap {
			return false
		}
	}
	return true
}
