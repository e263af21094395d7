package app

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
)

// markGeom is where one event's marker lands in the plot.
type markGeom struct {
	event      int32
	kind       markKind
	x0, x1, cx float32
	point      bool // drawn a dot wide, so it clusters with its neighbours
}

// markCluster gathers point-like markers closer than a marker's width.
type markCluster struct {
	n          int
	first      markGeom
	minX, maxX float32
	from, to   float64
	anyHit     bool
	selected   bool
}

func (c *markCluster) start(m markGeom, it *eventItem, selected int) {
	*c = markCluster{first: m, minX: m.cx, maxX: m.cx, from: it.start, to: it.end}
	c.note(m, it, selected)
}

func (c *markCluster) add(m markGeom, it *eventItem, selected int) {
	c.minX, c.maxX = min(c.minX, m.cx), max(c.maxX, m.cx)
	c.from, c.to = math.Min(c.from, it.start), math.Max(c.to, it.end)
	c.note(m, it, selected)
}

func (c *markCluster) note(m markGeom, it *eventItem, selected int) {
	c.n++
	c.anyHit = c.anyHit || it.hit
	c.selected = c.selected || int(m.event) == selected
}

// buildMarks draws each event in view in a lane as a dot, bar or band, and
// collapses point-like markers that would touch into clusters.
func (l *timelineLayout) buildMarks(li int) {
	t, f := l.t, &l.frame
	ln := &t.lanes[li]
	l.vis = ln.visible(t.events, f.from, f.to, l.vis[:0])
	l.cands = l.cands[:0]
	var cl markCluster
	for _, p := range l.vis {
		ei := ln.items[p]
		m, ok := l.geom(ei)
		if !ok {
			continue
		}
		if !m.point {
			l.addWide(li, m)
			continue
		}
		if cl.n > 0 && m.cx-cl.maxX < dotSize {
			cl.add(m, &t.events[ei], t.selected)
			continue
		}
		l.addCluster(li, &cl)
		cl.start(m, &t.events[ei], t.selected)
	}
	l.addCluster(li, &cl)
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
		// spread them across it so zooming in separates them.
		if n := float32(it.dayCount); n > 1 && dayW >= n*dotSize*1.3 {
			m.cx = m.x0 + dayW*(float32(it.dayRank)+0.5)/n
		}
		m.x0, m.x1 = m.cx-dotSize/2, m.cx+dotSize/2
		m.point = true
		return m, m.cx >= f.plotLeft && m.cx <= f.plotRight
	case kindBar:
		m.x0, m.x1 = max(m.x0, f.plotLeft-dotSize), min(m.x1, f.plotRight+dotSize)
		m.cx = (m.x0 + m.x1) / 2
		if m.x1-m.x0 < dotSize {
			m.point = true
			m.x0, m.x1 = m.cx-dotSize/2, m.cx+dotSize/2
		}
	case kindBand:
		if w := m.x1 - m.x0; w < minBandWidth {
			c := (m.x0 + m.x1) / 2
			m.x0, m.x1 = c-minBandWidth/2, c+minBandWidth/2
		}
	}
	m.x0, m.x1 = max(m.x0, f.plotLeft), min(m.x1, f.plotRight)
	m.cx = (m.x0 + m.x1) / 2
	return m, m.x1 > m.x0
}

// addWide draws a band or a bar too wide to cluster.
func (l *timelineLayout) addWide(li int, m markGeom) {
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	it := &t.events[m.event]
	ls := &st.lanes[t.lanes[li].color]
	dim := t.dimmed(m.event)
	var r rectPrim
	countCol := st.fg
	if m.kind == kindBand {
		r = rectPrim{pos: fyne.NewPos(m.x0, g.markY-bandHeight/2), size: fyne.NewSize(m.x1-m.x0, bandHeight),
			fill: pickColor(dim, ls.bandDim, ls.band), radius: 5}
		f.bands = append(f.bands, r)
		// A darker core in the middle half reads as "somewhere in here".
		core := r
		core.pos.X += r.size.Width / 4
		core.size.Width /= 2
		core.fill = pickColor(dim, ls.bandDim, ls.bandCore)
		f.bands = append(f.bands, core)
		if dim {
			countCol = st.fgDim
		}
	} else {
		r = rectPrim{pos: fyne.NewPos(m.x0, g.markY-barHeight/2), size: fyne.NewSize(m.x1-m.x0, barHeight),
			fill: pickColor(dim, ls.dim, ls.solid), radius: barHeight / 2}
		f.ranges = append(f.ranges, r)
		countCol = pickColor(dim, ls.onDim, ls.on)
	}
	if t.selected == int(m.event) {
		l.addOutline(r)
	}
	l.addCount(it.Sources, m.cx, g.markY, countCol, false, true)
	l.addHit(r, hitEvent, m.event, prioOf(m.kind), 0, 0)
	l.addCandidateRight(m.x0, m.x1, it.label, m.event, dim)
}

// addCluster draws the markers gathered in cl: the marker itself if there
// is one, or a pill with the number of events.
func (l *timelineLayout) addCluster(li int, cl *markCluster) {
	n := cl.n
	cl.n = 0
	if n == 0 {
		return
	}
	if n == 1 {
		l.addPoint(li, cl.first)
		return
	}
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	ls := &st.lanes[t.lanes[li].color]
	dim := t.highlight != nil && !cl.anyHit
	x0 := max(cl.minX-pillHeight/2, f.plotLeft)
	x1 := min(cl.maxX+pillHeight/2, f.plotRight)
	r := rectPrim{pos: fyne.NewPos(x0, g.markY-pillHeight/2), size: fyne.NewSize(x1-x0, pillHeight),
		fill: pickColor(dim, ls.bandDim, ls.band), stroke: pickColor(dim, ls.dim, ls.solid), strokeW: 1.5, radius: pillHeight / 2}
	f.clusters = append(f.clusters, r)
	if cl.selected {
		l.addOutline(r)
	}
	l.addCount(n, (x0+x1)/2, g.markY, pickColor(dim, st.fgDim, st.fg), true, false)
	h := l.addHit(r, hitCluster, -1, prioPoint, cl.from, cl.to)
	h.n, h.lane = int32(n), int32(li)
	if cl.selected {
		// The selected event keeps its label even inside a cluster.
		l.addCandidateRight(x0, x1, t.events[t.selected].label, int32(t.selected), dim)
	}
	l.addCandidateRight(x0, x1, l.text.eventsLabel(n), -1, dim)
}

// addPoint draws a single point-like marker: a dot, or a bar a dot wide.
func (l *timelineLayout) addPoint(li int, m markGeom) {
	t, f, st := l.t, &l.frame, &l.style
	g := &f.lanes[li]
	if m.kind != kindDot {
		l.addWide(li, m) // a narrow bar keeps its shape, drawn a dot wide
		return
	}
	it := &t.events[m.event]
	ls := &st.lanes[t.lanes[li].color]
	dim := t.dimmed(m.event)
	r := rectPrim{pos: fyne.NewPos(m.cx-dotSize/2, g.markY-dotSize/2), size: fyne.NewSize(dotSize, dotSize)}
	// The rim in the background colour keeps a dot visible on a bar or band
	// of its own colour.
	f.dots = append(f.dots, circlePrim{pos: r.pos, size: r.size, fill: pickColor(dim, ls.dim, ls.solid), stroke: st.bg, strokeW: 1.5})
	if t.selected == int(m.event) {
		l.addRing(r)
	}
	l.addCount(it.Sources, m.cx, g.markY, pickColor(dim, ls.onDim, ls.on), false, false)
	l.addHit(r, hitEvent, m.event, prioPoint, 0, 0)
	l.addCandidate(m.x0, it.label, m.event, dim)
}

// buildHistogram draws per-column counts of the events in a lane, each
// event spread over its span so that it counts once in all, found by
// binary search so the cost follows the width, not the number of events.
// Search hits are drawn over them on the same scale, so the two compare.
func (l *timelineLayout) buildHistogram(li int) {
	t, f, st := l.t, &l.frame, &l.style
	ln, g := &t.lanes[li], &f.lanes[li]
	ls := &st.lanes[ln.color]
	base, h := g.top+g.h-3, g.h-markerRowH/2-6
	peak := l.columnCounts(&ln.spread)
	fill := ls.hist
	if t.highlight != nil {
		fill = ls.histDim
	}
	l.addColumns(&f.bars, l.cols, peak, base, h, fill)
	matching := -1
	if t.highlight != nil {
		matching = countOverlapping(ln.hitStarts, ln.hitEnds, f.from, f.to)
		l.columnCounts(&ln.hitSpread)
		l.addColumns(&f.bars, l.cols, peak, base, h, ls.solid)
	}
	area := rectPrim{pos: fyne.NewPos(f.plotLeft, g.top), size: fyne.NewSize(f.plotRight-f.plotLeft, g.h)}
	l.addHit(area, hitHistogram, -1, prioHistogram, 0, 0)

	// Without label rows a selected label takes the marker row, where the
	// caption would be.
	if g.rows > 0 {
		s := l.text.histogramLabel(g.inView, matching)
		sz := l.text.size(s, st.labelSize, false)
		pos := fyne.NewPos(f.plotLeft+labelGap, g.top+3)
		f.chips = append(f.chips, rectPrim{pos: pos.SubtractXY(3, 1), size: sz.AddWidthHeight(6, 2), fill: st.tipBg, radius: 3})
		f.labels = append(f.labels, textPrim{pos: pos, size: sz, text: s, textSize: st.labelSize, col: st.fg})
	}

	l.cands = l.cands[:0]
	if sel := t.selected; sel >= 0 && t.events[sel].lane == int32(li) && t.events[sel].kind != kindUndated {
		if m, ok := l.geom(int32(sel)); ok {
			l.addPoint(li, m)
		}
	}
}

// columnCounts fills l.cols with how many of the events c counts fall in
// each column, returning the largest count.
func (l *timelineLayout) columnCounts(c *spreadCount) float64 {
	f := &l.frame
	l.cols = l.cols[:0]
	dt := colWidth / f.pps
	peak := 0.0
	for col := 0; f.plotLeft+float32(col)*colWidth < f.plotRight; col++ {
		t0 := f.from + float64(col)*dt
		n := c.between(t0, math.Min(t0+dt, f.to))
		l.cols = append(l.cols, n)
		peak = math.Max(peak, n)
	}
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
		l.addCount(t.events[ei].Sources, pos.X+dotSize/2, pos.Y+dotSize/2, pickColor(dim, st.fgDim, st.fg), false, false)
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
	s := l.text.clipped(ei, t.events[ei].label, width, st.labelSize)
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
			widest = max(widest, l.text.labelWidth(&l.text.labelW, int(ei), len(t.events), t.events[ei].label, st.labelSize))
		}
	}
	const fixed = 2*labelGap + dotSize + ringGap + 2
	most := min(width/5, maxUndatedWidth)
	if widest == 0 || most-fixed < minUndatedTitleWidth {
		return 0
	}
	return min(fixed+widest, most)
}
