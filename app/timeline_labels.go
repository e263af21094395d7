package app

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// labelCand is a label offered for a marker, before it is given a place.
type labelCand struct {
	x0, x1             float32 // the marker's extent in its row
	in0, in1           float32 // the part of it a label may be written in
	row                int
	w, h               float32
	text               string
	event              int32       // or -1 for a cluster's count
	onto               color.Color // its colour inside its marker, or nil if that holds no label
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
type rowSpan struct {
	left, right float32
	mark        bool // a marker, which a label must keep further from
}

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
// label is the longer one, and is shown wherever there is room next to
// its marker.
func (l *timelineLayout) addCandidate(mk *laneMark, s string, event int32, dim bool, kind markKind) {
	t, st := l.t, &l.style
	c := labelCand{x0: mk.x0, x1: min(mk.x1, l.frame.plotRight), in0: mk.geom.in0, in1: min(mk.geom.in1, l.frame.plotRight),
		row: int(mk.row), text: s, event: event, dim: dim}
	c.onto = l.insideColor(kind, dim)
	c.selected = event >= 0 && int(event) == t.selected
	if c.selected {
		c.text = t.fullLabel(event)
	}
	if event >= 0 && !c.selected {
		c.w, c.h = l.text.labelWidth(&l.text.labelW, int(event), len(t.events), s, st.labelSize), l.text.height(st.labelSize)
	} else {
		sz := l.text.size(c.text, st.labelSize, c.selected)
		c.w, c.h = sz.Width, sz.Height
	}
	c.hit = t.lit != nil && !dim
	l.cands = append(l.cands, c)
}

// insideColor is the colour of a label written inside a marker of kind in
// the lane being laid out, dimmed or not; nil where the marker holds no
// label: a dot, or a band no text colour reads on in this theme.
func (l *timelineLayout) insideColor(kind markKind, dim bool) color.Color {
	ls := &l.style.lanes[l.t.lanes[l.lane].color]
	switch kind {
	case kindBar:
		return pickColor(dim, ls.onDim, ls.on)
	case kindBand:
		return pickColor(dim, ls.onBandDim, ls.onBand)
	}
	return nil
}

// placeLabels places the lane's label candidates greedily: the selected
// event first, then search hits, then the rest from left to right. Each
// goes inside its band or bar if it fits there, else beside its marker,
// else in the row below; a label that fits nowhere is not drawn.
func (l *timelineLayout) placeLabels(li int) {
	f, st := &l.frame, &l.style
	g := &f.lanes[li]
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
		case p.place == placeInside:
			col = c.onto
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

// findPlace places candidate i next to its marker, where it first fits:
// inside its band or bar, beside it in its row, or in the row below from
// where the marker starts or ending where it ends. Only there does a label
// read as its marker's, so a label that fits nowhere is not drawn; the
// selected label looks further (placeSelected).
func (l *timelineLayout) findPlace(g *laneFrame, i int) {
	c := &l.cands[i]
	if !l.placeNear(g, i, c.row+1) && c.selected {
		l.placeSelected(g, i)
	}
}

// placeNear places candidate i next to its marker, using row other, if it
// is one, for a place under or over it.
func (l *timelineLayout) placeNear(g *laneFrame, i, other int) bool {
	c := &l.cands[i]
	if c.onto != nil && c.in1-c.in0 >= c.w+2*insidePad {
		l.placed = append(l.placed, placedLabel{cand: i, row: c.row, span: -1, x: c.in0 + insidePad, place: placeInside})
		return true
	}
	if l.tryPlace(i, c.row, c.x1+labelNear, placeAfter) {
		return true
	}
	inLane := other >= 0 && other < g.rows
	if inLane && l.tryPlace(i, other, c.x0, placeUnder) {
		return true
	}
	if l.tryPlace(i, c.row, c.x0-labelNear-c.w, placeBefore) {
		return true
	}
	return inLane && l.tryPlace(i, other, c.x1-c.w, placeUnderEnd)
}

// placeSelected finds the selected label a place when none of the usual
// ones is free: over its marker, then in its short form, and at last
// clipped to the room beside its marker. It is never drawn away from its
// marker, where it would read as another's, nor over anything.
func (l *timelineLayout) placeSelected(g *laneFrame, i int) {
	c := &l.cands[i]
	if l.placeNear(g, i, c.row-1) {
		return
	}
	c.text = l.t.label(c.event)
	c.w = l.text.size(c.text, l.style.labelSize, true).Width
	if l.placeNear(g, i, c.row+1) || l.placeNear(g, i, c.row-1) {
		return
	}
	l.placeClipped(g, i)
}

// placeClipped places the selected label clipped to the widest room next
// to its marker, if that is wide enough to say something: after or before
// it in its row, or from where it starts or to where it ends in the rows
// under and over it.
func (l *timelineLayout) placeClipped(g *laneFrame, i int) {
	c := &l.cands[i]
	bestRow, bestPlace, best := -1, placeAfter, float32(minClippedLabel)
	try := func(r int, place labelPlace, room float32) {
		if room >= best {
			bestRow, bestPlace, best = r, place, room
		}
	}
	if _, to, ok := l.freeAround(c.row, c.x1+labelNear); ok {
		try(c.row, placeAfter, to-(c.x1+labelNear))
	}
	if from, _, ok := l.freeAround(c.row, c.x0-labelNear); ok {
		try(c.row, placeBefore, c.x0-labelNear-from)
	}
	ownFrom, ownTo := l.ownStretch(c)
	for _, r := range [2]int{c.row + 1, c.row - 1} {
		if r < 0 || r >= g.rows {
			continue
		}
		if from, to, ok := l.freeAround(r, c.x0); ok && from <= c.x0 {
			try(r, placeUnder, min(to, ownTo)-c.x0)
		}
		if from, to, ok := l.freeAround(r, c.x1); ok && to >= c.x1 {
			try(r, placeUnderEnd, c.x1-max(from, ownFrom))
		}
	}
	if bestRow < 0 {
		return
	}
	// Widths go by steps, so that panning, which moves what is beside
	// the marker, clips the title again only now and then.
	room := float32(math.Floor(float64(best)/clipStep)) * clipStep
	c.text = l.text.clipped(c.event, l.t.fullLabel(c.event), room, l.style.labelSize, true)
	c.w = l.text.size(c.text, l.style.labelSize, true).Width
	x := c.x0
	switch bestPlace {
	case placeAfter:
		x = c.x1 + labelNear
	case placeBefore:
		x = c.x0 - labelNear - c.w
	case placeUnderEnd:
		x = c.x1 - c.w
	}
	l.tryPlace(i, bestRow, x, bestPlace)
}

// underOwn reports whether a label from x, w wide, in the row under or
// over candidate c's marker, lies under no other marker of c's row, where
// it would read as that one's.
func (l *timelineLayout) underOwn(c *labelCand, x, w float32) bool {
	from, to := l.ownStretch(c)
	return x >= from && x+w <= to
}

// ownStretch is the stretch of candidate c's row between the markers on
// either side of its own.
func (l *timelineLayout) ownStretch(c *labelCand) (from, to float32) {
	from, to = l.frame.plotLeft, l.frame.plotRight
	for _, o := range l.rows[c.row] {
		switch {
		case !o.mark:
		case o.right <= c.x0:
			from = max(from, o.right+labelGap/2)
		case o.left >= c.x1:
			to = min(to, o.left-labelGap/2)
		}
	}
	return from, to
}

// freeAround is the stretch of row r free for a label around x, keeping
// half the gap between labels from labels and labelClear from markers;
// false if something in the row covers x.
func (l *timelineLayout) freeAround(r int, x float32) (from, to float32, ok bool) {
	from, to = l.frame.plotLeft, l.frame.plotRight
	for _, o := range l.rows[r] {
		pad := float32(labelGap / 2)
		if o.mark {
			pad = labelClear
		}
		switch {
		case o.right <= x:
			from = max(from, o.right+pad)
		case o.left >= x:
			to = min(to, o.left-pad)
		default:
			return 0, 0, false
		}
	}
	return from, to, true
}

// tryPlace places candidate i in row r from x if it fits there, keeping
// clear of other markers as its place asks.
func (l *timelineLayout) tryPlace(i, r int, x float32, place labelPlace) bool {
	c := &l.cands[i]
	if !l.fits(r, x, c.w, -1, place) || r != c.row && !l.underOwn(c, x, c.w) {
		return false
	}
	l.rows[r] = append(l.rows[r], labelSpan(x, c.w))
	l.placed = append(l.placed, placedLabel{cand: i, row: r, span: len(l.rows[r]) - 1, x: x, place: place})
	return true
}

// labelSpan is the room a label from x, w wide, takes in its row: half the
// gap between labels on either side.
func labelSpan(x, w float32) rowSpan {
	return rowSpan{left: x - labelGap/2, right: x + w + labelGap/2}
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
		long := t.fullLabel(c.event)
		if long == c.text {
			continue
		}
		w := l.text.labelWidth(&l.text.fullW, int(c.event), len(t.events), long, l.style.labelSize)
		x := p.x
		switch p.place {
		case placeInside:
			if c.in1-c.in0 >= w+2*insidePad {
				c.text, c.w = long, w
			}
			continue
		case placeBefore:
			x = c.x0 - labelNear - w
		case placeUnderEnd:
			x = c.x1 - w
		}
		if l.fits(p.row, x, w, p.span, p.place) && (p.row == c.row || l.underOwn(c, x, w)) {
			l.rows[p.row][p.span] = labelSpan(x, w)
			c.text, c.w, p.x = long, w, x
		}
	}
}

// fits reports whether a label from x, w wide, fits in a row, inside the
// plot and clear of the row's markers and labels, ignoring the span
// numbered skip. On the sides away from its own marker it keeps labelClear
// from other markers, or it would read as theirs.
func (l *timelineLayout) fits(row int, x, w float32, skip int, place labelPlace) bool {
	if x < l.frame.plotLeft || x+w > l.frame.plotRight {
		return false
	}
	s := labelSpan(x, w)
	clear := rowSpan{left: x - labelClear, right: x + w + labelClear}
	switch place {
	case placeAfter:
		clear.left = s.left
	case placeBefore:
		clear.right = s.right
	}
	for i, o := range l.rows[row] {
		if o.mark && clear.left < o.right && o.left < clear.right || !o.mark && i != skip && s.left < o.right && o.left < s.right {
			return false
		}
	}
	return true
}
