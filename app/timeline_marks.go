package app

import (
	"cmp"
	"image/color"
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// A lane is drawn in rows, as a Gantt chart is: every marker gets a row
// where it overlaps no other, so each stays visible and tappable, and
// labels take the room markers leave. Point-like markers that would touch
// gather into a cluster first, and a marker that finds no free row joins
// the marker in its way, which becomes a cluster: a cluster is the only
// marker with a number, and the number counts events. A single event's
// sources are ticks under its marker, never a number.

// markGeom is where one event's marker lands in the plot.
type markGeom struct {
	event      int32
	kind       markKind
	x0, x1, cx float32
	// in0 and in1 are the part of a band or bar a label may be written
	// in: all of a band, a bar's solid part.
	in0, in1 float32
	point    bool // drawn a dot wide, so it clusters with its neighbours
}

// laneMark is one marker of the lane being laid out: a single event or a
// cluster of events, and the row it was given.
type laneMark struct {
	geom     markGeom // of the single event, or of a cluster's first
	x0, x1   float32  // the room it takes in its row
	n        int32    // events in it
	reviewed int32    // of them, those with a status
	row      int32
	merged   int32 // the mark it joined for want of a row, or -1
	hit      int32 // its hit box in the frame
	from, to float64
	anyHit   bool
	selected bool
}

func newLaneMark(m markGeom, it *eventItem, selected int) laneMark {
	mk := laneMark{geom: m, x0: m.x0, x1: m.x1, n: 1, merged: -1, hit: -1, from: it.start, to: it.end}
	mk.anyHit, mk.selected = it.hit, int(m.event) == selected
	if it.reviewed {
		mk.reviewed = 1
	}
	return mk
}

// gather adds a point-like marker closer to this one than a point is wide.
func (mk *laneMark) gather(m markGeom, it *eventItem, selected int) {
	mk.n++
	if it.reviewed {
		mk.reviewed++
	}
	mk.x0, mk.x1 = min(mk.x0, m.x0), max(mk.x1, m.x1)
	mk.from, mk.to = math.Min(mk.from, it.start), math.Max(mk.to, it.end)
	mk.anyHit = mk.anyHit || it.hit
	mk.selected = mk.selected || int(m.event) == selected
}

// absorb makes o part of mk, which becomes (or stays) a cluster.
func (mk *laneMark) absorb(o *laneMark) {
	mk.n += o.n
	mk.reviewed += o.reviewed
	mk.x0, mk.x1 = min(mk.x0, o.x0), max(mk.x1, o.x1)
	mk.from, mk.to = math.Min(mk.from, o.from), math.Max(mk.to, o.to)
	mk.anyHit = mk.anyHit || o.anyHit
	mk.selected = mk.selected || o.selected
}

// buildMarks draws the events in view in a lane: point-like markers that
// would touch are gathered into clusters, then every marker is given the
// first row where it overlaps nothing.
func (l *timelineLayout) buildMarks(li int) {
	t, f := l.t, &l.frame
	ln := &t.lanes[li]
	l.vis = ln.visible(t.events, f.from, f.to, l.vis[:0])
	l.marks, l.owner = l.marks[:0], l.owner[:0]
	open := -1 // the mark that point-like markers are being gathered into
	for _, p := range l.vis {
		ei := ln.items[p]
		m, ok := l.geom(ei)
		if !ok {
			l.owner = append(l.owner, -1)
			continue
		}
		// Gathered points' markers are a point wide, so the last one's
		// centre is half a point in from the mark's right end.
		if m.point && open >= 0 && m.cx-(l.marks[open].x1-pointWidth/2) < pointWidth {
			l.marks[open].gather(m, &t.events[ei], t.selected)
			l.owner = append(l.owner, int32(open))
			continue
		}
		l.marks = append(l.marks, newLaneMark(m, &t.events[ei], t.selected))
		if m.point {
			open = len(l.marks) - 1
		}
		l.owner = append(l.owner, int32(len(l.marks)-1))
	}
	for i := range l.marks {
		l.widenCluster(&l.marks[i])
	}
	l.packRows(f.lanes[li].rows)
	for i := range l.marks {
		if l.marks[i].merged < 0 {
			l.drawMark(li, &l.marks[i])
		}
	}
	for k, p := range l.vis {
		if o := l.owner[k]; o >= 0 {
			if m := l.marks[o].merged; m >= 0 {
				o = m
			}
			f.drawn = append(f.drawn, drawnEvent{event: ln.items[p], hit: l.marks[o].hit})
		}
	}
}

// packRows gives each mark a row. Where the lane has rows enough, each
// mark takes room for its label beside it too, as in a Gantt chart, so
// that every label can be read next to its marker. Where it has not, marks
// take only their own room, and a mark that finds no row joins the last
// mark of the row that frees up first, which becomes a cluster.
func (l *timelineLayout) packRows(rows int) {
	l.order = l.order[:0]
	for i := range l.marks {
		l.order = append(l.order, int32(i))
	}
	slices.SortStableFunc(l.order, func(a, b int32) int { return cmp.Compare(l.marks[a].x0, l.marks[b].x0) })
	if l.fillRows(rows, true) {
		return
	}
	l.fillRows(rows, false)
}

// fillRows gives each mark the first row where it keeps a gap from the
// mark before it, taking marks from left to right. With labels, a mark's
// room runs on to the end of its label, and fillRows gives up, reporting
// false, when a mark finds no row; without, the mark joins another.
func (l *timelineLayout) fillRows(rows int, labels bool) bool {
	var right [maxLaneRows]float32
	var last [maxLaneRows]int32
	for r := range rows {
		right[r], last[r] = float32(math.Inf(-1)), -1
	}
	for _, i := range l.order {
		mk := &l.marks[i]
		start, end := mk.x0, mk.x1
		if labels {
			start, end = l.labelRoom(mk)
		}
		r := 0
		for r < rows && right[r]+markGap > start {
			r++
		}
		if r < rows {
			mk.row, right[r], last[r] = int32(r), end, i
			continue
		}
		if labels {
			return false
		}
		r = 0
		for k := 1; k < rows; k++ {
			if right[k] < right[r] {
				r = k
			}
		}
		l.marks[last[r]].absorb(mk)
		mk.merged = last[r]
		l.widenCluster(&l.marks[last[r]])
		right[r] = l.marks[last[r]].x1
	}
	return true
}

// widenCluster makes a cluster room for its stack of cards and its number,
// widening it to the right.
func (l *timelineLayout) widenCluster(mk *laneMark) {
	if mk.n < 2 {
		return
	}
	w := l.text.size(l.text.count(int(mk.n)), l.style.countSize, true).Width + pillHeight + 2*stackOffset
	mk.x1 = max(mk.x1, mk.x0+w)
}

// labelRoom is the room a mark and its label beside it take: after the
// mark, or before it near the plot's end, or only the mark's own room if
// the label fits inside it.
func (l *timelineLayout) labelRoom(mk *laneMark) (start, end float32) {
	t, st := l.t, &l.style
	var w float32
	switch ei := mk.geom.event; {
	case mk.n > 1:
		w = l.text.size(l.text.eventsLabel(int(mk.n)), st.labelSize, false).Width
	case int(ei) == t.selected:
		w = l.text.size(t.fullLabel(ei), st.labelSize, true).Width
	default:
		w = l.text.labelWidth(&l.text.labelW, int(ei), len(t.events), t.label(ei), st.labelSize)
	}
	holds := mk.n == 1 && l.insideColor(mk.geom.kind, t.dimmed(mk.geom.event)) != nil
	switch room := labelNear + w + labelGap; {
	case holds && mk.geom.in1-mk.geom.in0 >= w+2*insidePad:
		return mk.x0, mk.x1
	case mk.x1+room <= l.frame.plotRight+labelGap:
		return mk.x0, mk.x1 + room
	default:
		return mk.x0 - room, mk.x1
	}
}

// geom places one event on screen, reporting false if no part of it lands
// inside the plot.
func (l *timelineLayout) geom(ei int32) (markGeom, bool) {
	f := &l.frame
	it := &l.t.events[ei]
	m := markGeom{event: ei, kind: it.kind, x0: f.x(it.start), x1: f.x(it.end)}
	switch it.kind {
	case kindDot:
		dayW := m.x1 - m.x0
		m.cx = m.x0 + dayW/2
		// Events on the same day share an x; once the day is wide enough,
		// spread them across it in the order the sources tell them, so
		// that zooming in separates them.
		if n := float32(it.dayCount); n > 1 && dayW >= n*pointWidth*1.3 {
			m.cx = m.x0 + dayW*(float32(it.dayRank)+0.5)/n
		}
		m.x0, m.x1 = m.cx-pointWidth/2, m.cx+pointWidth/2
		m.point = true
		return m, m.cx >= f.plotLeft && m.cx <= f.plotRight
	case kindBar:
		// An open end fades out over openTail beyond the known one.
		if it.openStart {
			m.x0 -= openTail
		}
		if it.openEnd {
			m.x1 += openTail
		}
		m.in0, m.in1 = f.x(it.sureFrom), f.x(it.sureTo)
		m.x0, m.x1 = max(m.x0, f.plotLeft-pointWidth), min(m.x1, f.plotRight+pointWidth)
		m.cx = (m.x0 + m.x1) / 2
		if m.x1-m.x0 < pointWidth {
			m.point = true
			m.x0, m.x1 = m.cx-pointWidth/2, m.cx+pointWidth/2
			m.in0, m.in1 = m.x0, m.x1
		}
	case kindBand:
		if w := m.x1 - m.x0; w < minBandWidth {
			c := (m.x0 + m.x1) / 2
			m.x0, m.x1 = c-minBandWidth/2, c+minBandWidth/2
		}
		m.in0, m.in1 = m.x0, m.x1
	}
	m.x0, m.x1 = max(m.x0, f.plotLeft), min(m.x1, f.plotRight)
	m.in0, m.in1 = max(m.in0, m.x0), min(m.in1, m.x1)
	m.cx = (m.x0 + m.x1) / 2
	return m, m.x1 > m.x0
}

// drawMark draws a mark in its row: the event's own marker, or a cluster.
func (l *timelineLayout) drawMark(li int, mk *laneMark) {
	l.rows[mk.row] = append(l.rows[mk.row], rowSpan{mk.x0 - 1, mk.x1 + 1, true})
	switch {
	case mk.n > 1:
		l.addCluster(li, mk)
	case mk.geom.kind == kindDot:
		l.addDot(li, mk)
	default:
		l.addWide(li, mk)
	}
}

// addPoint draws a single point-like marker in row: the histogram uses it
// to show the selected event over its bars.
func (l *timelineLayout) addPoint(li int, m markGeom, row int) {
	mk := newLaneMark(m, &l.t.events[m.event], l.t.selected)
	mk.row = int32(row)
	l.drawMark(li, &mk)
}

// addWide draws a band, or a bar, which keeps its shape even when drawn a
// dot wide.
func (l *timelineLayout) addWide(li int, mk *laneMark) {
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	m := mk.geom
	it := &t.events[m.event]
	ls := &st.lanes[t.lanes[li].color]
	dim := t.dimmed(m.event)
	y := g.markY(int(mk.row))
	r := rectPrim{pos: fyne.NewPos(m.x0, y-markHeight/2), size: fyne.NewSize(m.x1-m.x0, markHeight)}
	thin := false
	switch {
	case m.kind == kindBand:
		// One even tint: every one of its days is as likely as the next.
		r.fill, r.radius = pickColor(dim, ls.bandDim, ls.band), 4
		// Cut at the view's edge, it is square there, as a span's bar is:
		// it goes on. (Square on both sides, it is also a plain rectangle,
		// which painters draw without rasterising its corners.)
		if f.x(it.start) < m.x0 {
			r.flat |= flatLeft
		}
		if f.x(it.end) > m.x1 {
			r.flat |= flatRight
		}
		body := bandBody(r, f.plotLeft, f.plotRight, l.text.height(st.labelSize))
		thin = body.size.Height < r.size.Height
		f.bands = append(f.bands, body)
	case m.point:
		r.fill, r.radius = pickColor(dim, ls.dim, ls.solid), markHeight/2
		f.ranges = append(f.ranges, r)
	default:
		r.radius = markHeight / 2
		l.addSpan(it, m, r, ls, dim)
	}
	if t.selected == int(m.event) {
		l.addOutline(r)
	}
	l.addBadge(t.status(m.event), m.x1-2, y-markHeight/2, dim)
	src := t.sources(m.event)
	tx := m.in0 + 3
	if m.in1-m.in0 < tickWidth(src)+6 {
		tx = m.cx - tickWidth(src)/2
	}
	l.addTicks(src, tx, y+markHeight/2+tickGap, pickColor(dim, ls.dim, ls.solid))
	mk.hit = l.addHit(r, hitEvent, m.event, prioOf(m.kind), 0, 0)
	l.addCandidate(mk, t.label(m.event), m.event, dim, m.kind)
	if thin {
		// Its label stands on the background, over the thin body.
		l.cands[len(l.cands)-1].onto = pickColor(dim, st.fgDim, st.fg)
	}
}

// bandBody is what is painted of a band in r: all of r, or, for a band
// across the whole plot, from left to right, only a square bar
// wideBandHeight high just under its label, which is labelH high and
// centred on r, so that the bar never crosses the label's letters; r
// still holds the label. Such bands (a year's event in a month's view)
// would tint whole rows: Fyne's software painter composites every pixel
// of a rectangle, and rasterises rounded ones too, some 7–11 ms a frame
// for the rows of a month. Hit-testing and the selection outline keep r.
func bandBody(r rectPrim, left, right, labelH float32) rectPrim {
	if r.pos.X <= left && r.pos.X+r.size.Width >= right && r.size.Height > wideBandHeight {
		r.pos.Y += r.size.Height/2 + labelH/2
		r.size.Height = wideBandHeight
		r.flat = flatLeft | flatRight
	}
	return r
}

// addDot draws a single event known to the day.
func (l *timelineLayout) addDot(li int, mk *laneMark) {
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	m := mk.geom
	ls := &st.lanes[t.lanes[li].color]
	dim := t.dimmed(m.event)
	y := g.markY(int(mk.row))
	r := rectPrim{pos: fyne.NewPos(m.cx-dotSize/2, y-dotSize/2), size: fyne.NewSize(dotSize, dotSize)}
	// The rim in the background colour keeps a dot crisp against anything
	// drawn under it, such as the selection ring of another theme.
	f.dots = append(f.dots, circlePrim{pos: r.pos, size: r.size, fill: pickColor(dim, ls.dim, ls.solid), stroke: st.bg, strokeW: 1})
	if t.selected == int(m.event) {
		l.addRing(r)
	}
	l.addBadge(t.status(m.event), m.cx+dotSize/2, y-dotSize/2, dim)
	src := t.sources(m.event)
	l.addTicks(src, m.cx-tickWidth(src)/2, y+dotSize/2+tickGap, pickColor(dim, ls.dim, ls.solid))
	mk.hit = l.addHit(r, hitEvent, m.event, prioPoint, 0, 0)
	l.addCandidate(mk, t.label(m.event), m.event, dim, kindDot)
}

// addCluster draws several events as a stack of cards with their number,
// which reads as "so many events" and never as a single event's sources.
func (l *timelineLayout) addCluster(li int, mk *laneMark) {
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	ls := &st.lanes[t.lanes[li].color]
	dim := t.lit != nil && !mk.anyHit
	// The front card; the cards behind it show at the lower right.
	x0, x1 := mk.x0, mk.x1-2*stackOffset
	if over := x1 - f.plotRight; over > 0 {
		x0, x1 = x0-over, x1-over
	}
	y := g.markY(int(mk.row))
	// Solid cards with edges in the background colour read as a stack;
	// dimmed ones are hollow, since a translucent card would show the
	// edges of the cards behind it.
	r := rectPrim{pos: fyne.NewPos(x0, y-pillHeight/2-1), size: fyne.NewSize(x1-x0, pillHeight),
		fill: ls.solid, stroke: st.bg, strokeW: 1, radius: 3}
	if dim {
		r.fill, r.stroke = st.bg, ls.dim
	}
	for k := float32(2); k >= 0; k-- {
		card := r
		card.pos = r.pos.AddXY(k*stackOffset, k*stackOffset)
		f.clusters = append(f.clusters, card)
	}
	if mk.selected {
		l.addOutline(r)
	}
	l.addCount(int(mk.n), (x0+x1)/2, r.pos.Y+pillHeight/2, pickColor(dim, st.fgDim, ls.on), true)
	box := r
	box.size = box.size.AddWidthHeight(2*stackOffset, 2*stackOffset)
	mk.hit = l.addHit(box, hitCluster, mk.geom.event, prioPoint, mk.from, mk.to)
	h := &f.hits[mk.hit]
	h.n, h.lane, h.reviewed = mk.n, int32(li), mk.reviewed
	if mk.selected {
		// The selected event keeps its label even inside a cluster.
		l.addCandidate(mk, t.label(int32(t.selected)), int32(t.selected), dim, kindDot)
	}
	l.addCandidate(mk, l.text.eventsLabel(int(mk.n)), -1, dim, kindDot)
}

// addTicks draws one short tick per source document, up to maxTicks, from
// x on: a single event's corroboration, which no one reads as a count of
// events.
func (l *timelineLayout) addTicks(sources int, x, y float32, fill color.Color) {
	f := &l.frame
	for k := range min(sources, maxTicks) {
		f.ticks = append(f.ticks, rectPrim{pos: fyne.NewPos(x+float32(k)*tickStep, y), size: fyne.NewSize(tickStep-1, tickHeight), fill: fill})
	}
}

// tickWidth is how wide the ticks of an event with so many sources are.
func tickWidth(sources int) float32 {
	n := min(sources, maxTicks)
	if n <= 0 {
		return 0
	}
	return float32(n)*tickStep - 1
}

// buildHistogram draws per-column counts of the events in a lane, a
// moment spread over its days so that it counts once in all and a span
// once in every column it lasts through (columnCount), counted column by
// column from a binary search at the view's start, so the cost follows the
// width and the spans in view, not the number of events.
// Search hits are drawn over them on the same scale, so the two compare.
func (l *timelineLayout) buildHistogram(li int) {
	t, f, st := l.t, &l.frame, &l.style
	ln, g := &t.lanes[li], &f.lanes[li]
	ls := &st.lanes[ln.color]
	base, h := g.top+g.h-3, g.h-markerRowH/2-6
	peak := l.columnCounts(&ln.count)
	fill := ls.hist
	if t.lit != nil {
		fill = ls.histDim
	}
	l.addColumns(&f.hist, l.cols, peak, base, h, fill)
	matching := -1
	if t.lit != nil {
		matching = countOverlapping(ln.hitStarts, ln.hitEnds, f.from, f.to)
		l.columnCounts(&ln.hitCount)
		l.addColumns(&f.hist, l.cols, peak, base, h, ls.solid)
	}
	area := rectPrim{pos: fyne.NewPos(f.plotLeft, g.top), size: fyne.NewSize(f.plotRight-f.plotLeft, g.h)}
	l.addHit(area, hitHistogram, -1, prioHistogram, 0, 0)

	// The caption takes the room of the rows it crosses, so that the
	// selected event, drawn over the columns, and its label keep clear of
	// it: the event goes in the first row the caption leaves free where it
	// lies, and where the caption leaves none the caption goes.
	reviewedN := -1
	if t.reviewed > 0 {
		reviewedN = countOverlapping(ln.reviewedStarts, ln.reviewedEnds, f.from, f.to)
	}
	s := l.text.histogramLabel(g.inView, matching, reviewedN)
	sz := l.text.size(s, st.labelSize, false)
	pos := fyne.NewPos(f.plotLeft+labelGap, g.top+3)
	chip := rectPrim{pos: pos.SubtractXY(3, 1), size: sz.AddWidthHeight(6, 2), fill: st.tipBg, radius: 3}
	span := rowSpan{left: chip.pos.X, right: chip.pos.X + chip.size.Width}
	crossed := 0 // the rows the caption crosses, from the first
	for crossed < g.rows && l.rowLabelTop(g, crossed) < chip.pos.Y+chip.size.Height {
		crossed++
	}
	m, selected := l.selectedPoint(li)
	row, caption := 0, true
	if selected && m.x0 < span.right && span.left < m.x1 {
		row = crossed
	}
	if row >= g.rows {
		row, caption = 0, false
	}
	if caption {
		f.chips = append(f.chips, chip)
		f.labels = append(f.labels, textPrim{pos: pos, size: sz, text: s, textSize: st.labelSize, col: st.fg})
		for r := range crossed {
			l.rows[r] = append(l.rows[r], span)
		}
	}
	l.cands = l.cands[:0]
	if selected {
		l.addPoint(li, m, row)
	}
}

// selectedPoint is where the selected event is drawn over lane li's
// histogram, if it is in the lane and in view.
func (l *timelineLayout) selectedPoint(li int) (markGeom, bool) {
	t := l.t
	if sel := t.selected; sel < 0 || t.events[sel].lane != int32(li) || t.events[sel].kind == kindUndated {
		return markGeom{}, false
	}
	return l.geom(int32(t.selected))
}

// rowLabelTop is the top of the labels of row r, as placeLabels puts
// them.
func (l *timelineLayout) rowLabelTop(g *laneFrame, r int) float32 {
	return g.markY(r) - l.text.height(l.style.labelSize)/2 + 1
}

// columnCounts fills l.cols with how many of the events c counts fall in
// each column, returning the largest count.
func (l *timelineLayout) columnCounts(c *columnCount) float64 {
	f := &l.frame
	n := 0
	for f.plotLeft+float32(n)*colWidth < f.plotRight {
		n++
	}
	var peak float64
	l.cols, peak = c.columns(l.cols[:0], f.from, colWidth/f.pps, f.to, n)
	return peak
}

// buildUndated draws a lane's undated events as hollow markers in the
// Undated column: with their titles beside them when the column has room
// for a line each, or else packed in rows, with "+N" when they do not all
// fit.
func (l *timelineLayout) buildUndated(li int) {
	t, f, st := l.t, &l.frame, &l.style
	ln, g := &t.lanes[li], &f.lanes[li]
	if len(ln.undated) == 0 || f.undatedLeft >= f.size.Width {
		return
	}
	ls := &st.lanes[ln.color]
	x0, y0 := f.undatedLeft+labelGap, g.top+(markerRowH-dotSize)/2
	cols := max(int((f.size.Width-x0-4)/undatedSlot), 1)
	if f.undatedTitles {
		cols = 1
	}
	rows := max(int((g.h-4)/undatedSlot), 1)
	shown, more := len(ln.undated), 0
	if shown > cols*rows {
		shown = cols*rows - 1
		more = len(ln.undated) - shown
	}
	slot := func(k int) fyne.Position {
		return fyne.NewPos(x0+float32(k%cols)*undatedSlot, y0+float32(k/cols)*undatedSlot)
	}
	for k := 0; k < shown; k++ {
		ei := ln.undated[k]
		// The selected event must be visible even when the column is full.
		if k == shown-1 && more > 0 && t.selected >= 0 && t.events[t.selected].kind == kindUndated {
			if idx := slices.Index(ln.undated, int32(t.selected)); idx >= shown {
				ei = int32(t.selected)
			}
		}
		dim := t.dimmed(ei)
		pos := slot(k)
		r := rectPrim{pos: pos, size: fyne.NewSize(dotSize, dotSize)}
		f.dots = append(f.dots, circlePrim{pos: pos, size: r.size, fill: st.bg, stroke: pickColor(dim, ls.dim, ls.solid), strokeW: 2})
		if t.selected == int(ei) {
			l.addRing(r)
		}
		l.addBadge(t.status(ei), pos.X+dotSize, pos.Y, dim)
		l.addTicks(t.sources(ei), pos.X+(dotSize-tickWidth(t.sources(ei)))/2, pos.Y+dotSize+tickGap, pickColor(dim, ls.dim, ls.solid))
		l.addHit(r, hitEvent, ei, prioPoint, 0, 0)
		if f.undatedTitles {
			l.addUndatedTitle(ei, pos, dim)
		}
	}
	if more > 0 {
		pos := slot(shown)
		l.addText(&f.counts, l.text.moreLabel(more), pos.X, pos.Y, st.countSize+1, true, st.fg)
	}
}

// addUndatedTitle writes an undated event's title beside its marker at
// pos, clipped to the column.
func (l *timelineLayout) addUndatedTitle(ei int32, pos fyne.Position, dim bool) {
	t, f, st := l.t, &l.frame, &l.style
	x := pos.X + dotSize + ringGap + 2
	width := f.size.Width - x - labelGap
	s := l.text.clipped(ei, t.label(ei), width, st.labelSize, int(ei) == t.selected)
	sz := l.text.size(s, st.labelSize, int(ei) == t.selected)
	p := textPrim{pos: fyne.NewPos(x, pos.Y+(dotSize-sz.Height)/2), size: sz, text: s, textSize: st.labelSize,
		bold: int(ei) == t.selected, col: pickColor(dim, st.fgDim, st.fg)}
	f.labels = append(f.labels, p)
	l.addHit(rectPrim{pos: p.pos, size: p.size}, hitEvent, ei, prioLabel, 0, 0)
}

// undatedTitlesWidth is how wide the Undated column must be to list every
// undated event's title beside its marker, at most a fifth of width and
// maxUndatedWidth; 0
// when some lane has more undated events than lines, or the titles would
// be too clipped to read. A title is worth some of the plot: an event
// known but undated is often one the dates could not place for a reason.
func (l *timelineLayout) undatedTitlesWidth(width, laneH float32) float32 {
	t, st := l.t, &l.style
	lines := max(int((laneH-4)/undatedSlot), 1)
	widest := float32(0)
	for i := range t.lanes {
		ln := &t.lanes[i]
		if len(ln.undated) > lines {
			return 0
		}
		for _, ei := range ln.undated {
			widest = max(widest, l.text.labelWidth(&l.text.labelW, int(ei), len(t.events), t.label(ei), st.labelSize))
		}
	}
	const fixed = 2*labelGap + dotSize + ringGap + 2
	most := min(width/5, maxUndatedWidth)
	if widest == 0 || most-fixed < minUndatedTitleWidth {
		return 0
	}
	return min(fixed+widest, most)
}
