package app

import (
	"cmp"
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// labelCand is a label offered for a marker, before it is given a place.
type labelCand struct {
	x0, x1             float32 // the marker's extent in its row
	row                int
	w, h               float32
	text               string
	event              int32    // or -1 for a cluster's count
	kind               markKind // the marker's: a band or bar can hold its label
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
	return cmp.Compare(a.x0, b.x0)
}

// rowSpan is the room a marker or a placed label takes in its row.
type rowSpan struct{ left, right float32 }

// labelPlace says where a label sits next to its marker.
type labelPlace uint8

const (
	placeInside   labelPlace = iota // in a band or bar wide enough
	placeAfter                      // beside the marker, reading on from it
	placeBefore                     // beside the marker, ending where it starts
	placeUnder                      // in a row below, from where the marker starts
	placeUnderEnd                   // in a row below, ending where the marker ends
)

// placedLabel is a candidate given a place: its row, its span in the row
// (-1 inside its marker, which holds no other) and how it sits.
type placedLabel struct {
	cand, row, span int
	x               float32
	place           labelPlace
}

// addCandidate offers a label for the marker mk. The selected event's
// label is the longer one: it is always shown.
func (l *timelineLayout) addCandidate(mk *laneMark, s string, event int32, dim bool, kind markKind) {
	t, st := l.t, &l.style
	c := labelCand{x0: mk.x0, x1: min(mk.x1, l.frame.plotRight), row: int(mk.row), text: s, event: event, kind: kind, dim: dim}
	c.selected = event >= 0 && int(event) == t.selected
	if c.selected {
		c.text = t.events[event].fullLabel
	}
	if event >= 0 && !c.selected {
		c.w, c.h = l.text.labelWidth(&l.text.labelW, int(event), len(t.events), s, st.labelSize), l.text.height(st.labelSize)
	} else {
		sz := l.text.size(c.text, st.labelSize, c.selected)
		c.w, c.h = sz.Width, sz.Height
	}
	c.hit = t.highlight != nil && !dim
	l.cands = append(l.cands, c)
}

// placeLabels places the lane's label candidates greedily: the selected
// event first, then search hits, then the rest from left to right. Each
// goes inside its band or bar if it fits there, else beside its marker,
// else in a row below; a label that fits nowhere is not drawn.
func (l *timelineLayout) placeLabels(li int) {
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	ls := &st.lanes[t.lanes[li].color]
	l.placed = l.placed[:0]
	slices.SortFunc(l.cands, compareCandidates)
	for pass := 0; pass < 3; pass++ {
		for i := range l.cands {
			if l.cands[i].pass() == pass {
				l.findPlace(g, i)
			}
		}
	}
	l.lengthenLabels()
	for _, p := range l.placed {
		c := &l.cands[p.cand]
		// Text sits a little low in its box, so the box is lowered to
		// centre the letters on the markers.
		y := g.markY(p.row) - c.h/2 + 1
		col := pickColor(c.dim, st.fgDim, st.fg)
		switch {
		case p.place == placeInside && c.kind == kindBar:
			col = pickColor(c.dim, ls.onDim, ls.on)
		case p.place == placeInside:
			col = pickColor(c.dim, ls.onBandDim, ls.onBand)
		case c.selected:
			col = pickColor(c.dim, st.onChipDim, st.onChip)
		}
		f.labels = append(f.labels, textPrim{pos: fyne.NewPos(p.x, y), size: fyne.NewSize(c.w, c.h),
			text: c.text, textSize: st.labelSize, bold: c.selected, col: col})
		if c.selected && p.place != placeInside {
			f.chips = append(f.chips, rectPrim{pos: fyne.NewPos(p.x-3, y), size: fyne.NewSize(c.w+6, c.h), fill: st.chip, radius: 3})
		}
		if c.event >= 0 {
			l.addHit(rectPrim{pos: fyne.NewPos(p.x, y), size: fyne.NewSize(c.w, c.h)}, hitEvent, c.event, prioLabel, 0, 0)
		}
	}
}

// findPlace places candidate i inside its marker, beside it in its row or
// under it in a row below, wherever it first fits. The selected label
// always gets a place: beside its marker, shifted into the plot.
func (l *timelineLayout) findPlace(g *laneFrame, i int) {
	c := &l.cands[i]
	if (c.kind == kindBand || c.kind == kindBar) && c.x1-c.x0 >= c.w+2*insidePad {
		l.placed = append(l.placed, placedLabel{cand: i, row: c.row, span: -1, x: c.x0 + insidePad, place: placeInside})
		return
	}
	// A label before its marker, or ending under it, must keep clear of
	// what is on its left, or it would read as that marker's label.
	if l.tryPlace(i, c.row, c.x1+labelNear, placeAfter, 0) {
		return
	}
	for r := c.row + 1; r < g.rows; r++ {
		if l.tryPlace(i, r, c.x0, placeUnder, 0) {
			return
		}
	}
	if l.tryPlace(i, c.row, c.x0-labelNear-c.w, placeBefore, labelGap) {
		return
	}
	for r := c.row + 1; r < g.rows; r++ {
		if l.tryPlace(i, r, c.x1-c.w, placeUnderEnd, labelGap) {
			return
		}
	}
	if c.selected {
		l.placeSelected(g, i)
	}
}

// placeSelected finds the selected label a place when none of the usual
// ones is free: the free stretch of any row nearest its marker, in its
// short form if need be, and at worst beside its marker over whatever is
// there.
func (l *timelineLayout) placeSelected(g *laneFrame, i int) {
	f := &l.frame
	c := &l.cands[i]
	for _, short := range [2]bool{false, true} {
		if short {
			c.text = l.t.events[c.event].label
			c.w = l.text.size(c.text, l.style.labelSize, true).Width
		}
		bestRow, bestX, best := -1, float32(0), float32(math.Inf(1))
		for r := range g.rows {
			try := func(x float32) {
				d := abs32(x-c.x0) + abs32(float32(r-c.row))*g.rowH
				if d < best && l.fits(r, x, c.w, -1) {
					bestRow, bestX, best = r, x, d
				}
			}
			try(max(min(c.x0, f.plotRight-c.w), f.plotLeft))
			for _, o := range l.rows[r] {
				try(o.right + labelGap/2)
				try(o.left - labelGap/2 - c.w)
			}
		}
		if bestRow >= 0 && l.tryPlace(i, bestRow, bestX, placeUnder, 0) {
			return
		}
	}
	x := max(min(c.x1+labelNear, f.plotRight-c.w), f.plotLeft)
	l.rows[c.row] = append(l.rows[c.row], labelSpan(x, c.w))
	l.placed = append(l.placed, placedLabel{cand: i, row: c.row, span: len(l.rows[c.row]) - 1, x: x, place: placeAfter})
}

func abs32(x float32) float32 { return float32(math.Abs(float64(x))) }

// tryPlace places candidate i in row r from x if it fits there with
// clear pixels free on its left.
func (l *timelineLayout) tryPlace(i, r int, x float32, place labelPlace, clear float32) bool {
	c := &l.cands[i]
	if !l.fits(r, x-clear, c.w+clear, -1) {
		return false
	}
	l.rows[r] = append(l.rows[r], labelSpan(x, c.w))
	l.placed = append(l.placed, placedLabel{cand: i, row: r, span: len(l.rows[r]) - 1, x: x, place: place})
	return true
}

// labelSpan is the room a label from x, w wide, takes in its row: half the
// gap between labels on either side.
func labelSpan(x, w float32) rowSpan {
	return rowSpan{x - labelGap/2, x + w + labelGap/2}
}

// lengthenLabels gives placed labels their event's full title where there
// is room for it, as there often is once zoomed in.
func (l *timelineLayout) lengthenLabels() {
	t := l.t
	for i := range l.placed {
		p := &l.placed[i]
		c := &l.cands[p.cand]
		if c.event < 0 || c.selected {
			continue
		}
		long := t.events[c.event].fullLabel
		if long == c.text {
			continue
		}
		w := l.text.labelWidth(&l.text.fullW, int(c.event), len(t.events), long, l.style.labelSize)
		x := p.x
		switch p.place {
		case placeInside:
			if c.x1-c.x0 >= w+2*insidePad {
				c.text, c.w = long, w
			}
			continue
		case placeBefore:
			x = c.x0 - labelNear - w
		case placeUnderEnd:
			x = c.x1 - w
		}
		if l.fits(p.row, x, w, p.span) {
			l.rows[p.row][p.span] = labelSpan(x, w)
			c.text, c.w, p.x = long, w, x
		}
	}
}

// fits reports whether a label from x, w wide, fits in a row, inside the
// plot and clear of the row's markers and labels, ignoring the span
// numbered skip.
func (l *timelineLayout) fits(row int, x, w float32, skip int) bool {
	if x < l.frame.plotLeft || x+w > l.frame.plotRight {
		return false
	}
	s := labelSpan(x, w)
	for i, o := range l.rows[row] {
		if i != skip && s.left < o.right && o.left < s.right {
			return false
		}
	}
	return true
}
