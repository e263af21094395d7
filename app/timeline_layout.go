package app

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
)

// timelineLayout works out what one frame of the timeline shows, from the
// widget's state, the theme and the size, into frame. It belongs to the
// renderer and reads the widget, never the reverse; the widget reads the
// result back through Timeline.lastLayout. Its results, caches and scratch
// space are kept between frames so that laying out allocates nothing once
// warm.
type timelineLayout struct {
	t *Timeline

	style timelineStyle
	text  textCache
	// generation is the set of events whose label widths text holds.
	generation int
	tip        tooltipText
	frame      timelineFrame

	// Scratch space for laying out.
	lane   int // the lane being laid out
	vis    []int32
	marks  []laneMark
	owner  []int32 // for each of vis, the mark it is drawn in, or -1
	order  []int32 // marks from left to right
	cands  []labelCand
	placed []placedLabel
	rows   [maxLaneRows][]rowSpan // what each row of the lane holds
	cols   []float64
	ticks  []axisTick
	gaps   []gridGap
	try    []textPrim
}

// timelineFrame is the last layout: every shape the renderer draws, grouped
// by the layer it is drawn in, and the hit boxes for taps and hovering. Its
// slices are truncated and refilled, never reallocated once warm.
type timelineFrame struct {
	size                             fyne.Size
	plotLeft, plotRight, undatedLeft float32
	undatedTitles                    bool // the Undated column lists titles beside its markers
	axisH, covTop, lanesTop          float32
	legendH                          float32 // the legend's strip at the bottom, 0 if none
	from, to, pps                    float64

	bg, grid, bars, bands, ranges, clusters, ticks, chips, outlines, tipBox []rectPrim
	// focus is the keyboard focus ring, over everything but the tooltip.
	focus []rectPrim
	// hist holds the lanes' histogram columns, which the renderer paints
	// as one image: a few thousand rectangles would cost a canvas object
	// and a draw call each.
	hist                                            []rectPrim
	fades                                           []fadePrim
	dots, rings, badges                             []circlePrim
	counts, labels, axis, names, tipText, badgeText []textPrim
	hits                                            []hitBox
	lanes                                           []laneFrame
	// drawn says where each event in view was drawn: the hit box of its
	// own marker or of the cluster it is in.
	drawn []drawnEvent
}

// laneFrame is where one lane was laid out: rows of markers and labels
// from rowTop down.
type laneFrame struct {
	top, h, rowTop, rowH float32
	rows                 int
	inView               int
	histogram            bool
}

// rowY is the top of row r.
func (g *laneFrame) rowY(r int) float32 { return g.rowTop + float32(r)*g.rowH }

// markY is where the markers of row r are centred.
func (g *laneFrame) markY(r int) float32 { return g.rowY(r) + markMid }

type drawnEvent struct {
	event, hit int32
}

type rectPrim struct {
	pos             fyne.Position
	size            fyne.Size
	fill, stroke    color.Color
	strokeW, radius float32
	flat            flatSides // sides whose corners are square
}

// flatSides says which sides of a rounded rectangle have square corners.
type flatSides uint8

const (
	flatLeft flatSides = 1 << iota
	flatRight
)

type circlePrim struct {
	pos          fyne.Position
	size         fyne.Size
	fill, stroke color.Color
	strokeW      float32
}

type textPrim struct {
	pos      fyne.Position
	size     fyne.Size
	text     string
	textSize float32
	bold     bool
	col      color.Color
}

func (f *timelineFrame) reset(size fyne.Size) {
	f.size = size
	f.bg, f.grid, f.bars, f.bands, f.ranges, f.fades = f.bg[:0], f.grid[:0], f.bars[:0], f.bands[:0], f.ranges[:0], f.fades[:0]
	f.hist, f.focus = f.hist[:0], f.focus[:0]
	f.clusters, f.ticks, f.chips, f.outlines, f.tipBox = f.clusters[:0], f.ticks[:0], f.chips[:0], f.outlines[:0], f.tipBox[:0]
	f.dots, f.rings, f.badges, f.badgeText = f.dots[:0], f.rings[:0], f.badges[:0], f.badgeText[:0]
	f.counts, f.labels, f.axis, f.names, f.tipText = f.counts[:0], f.labels[:0], f.axis[:0], f.names[:0], f.tipText[:0]
	f.hits, f.lanes, f.drawn = f.hits[:0], f.lanes[:0], f.drawn[:0]
	f.plotLeft, f.plotRight, f.legendH = 0, 0, 0
}

// x converts a time to a pixel column, clamped far enough outside the plot
// that nothing drawn there could show.
func (f *timelineFrame) x(s float64) float32 {
	x := float64(f.plotLeft) + (s-f.from)*f.pps
	return float32(math.Min(math.Max(x, float64(f.plotLeft)-1e5), float64(f.plotRight)+1e5))
}

// build lays out everything the renderer draws into l.frame.
func (l *timelineLayout) build(size fyne.Size) {
	t, f := l.t, &l.frame
	f.reset(size)
	if size.Width < 1 || size.Height < 1 {
		return
	}
	if !l.style.ready {
		l.refreshStyle()
	}
	if l.generation != t.generation {
		l.text.labelW, l.text.fullW = nil, nil
		clear(l.text.titles)
		// The same event may come back reviewed: word its tooltip again.
		l.tip.key = tipKey{}
		l.generation = t.generation
	}
	l.buildGeometry(size)
	l.buildBackground()
	l.buildAxis()
	l.buildCoverage()
	for i := range t.lanes {
		l.buildLane(i)
	}
	if len(t.lanes) == 0 {
		l.addText(&f.labels, l.text.word(wordNoDatedEvents), f.plotLeft+labelGap, f.lanesTop+labelGap, l.style.labelSize, false, l.style.fgDim)
	}
	l.buildGridLines()
	l.buildLegend()
	l.buildTooltip()
	if t.focused {
		l.addFocusRing(size)
	}
}

// addFocusRing draws the keyboard focus ring along the timeline's edge as
// four plain bars 2 wide, cut short by a pixel at the corners so that the
// corners read as rounded. A stroked, rounded rectangle the size of the
// timeline would cost Fyne's software painter some 30 ms a frame to
// rasterise and composite.
func (l *timelineLayout) addFocusRing(size fyne.Size) {
	const w, cut = 2, 1
	col := l.style.focus
	l.frame.focus = append(l.frame.focus,
		rectPrim{pos: fyne.NewPos(cut, 0), size: fyne.NewSize(size.Width-2*cut, w), fill: col},
		rectPrim{pos: fyne.NewPos(cut, size.Height-w), size: fyne.NewSize(size.Width-2*cut, w), fill: col},
		rectPrim{pos: fyne.NewPos(0, w), size: fyne.NewSize(w, size.Height-2*w), fill: col},
		rectPrim{pos: fyne.NewPos(size.Width-w, w), size: fyne.NewSize(w, size.Height-2*w), fill: col})
}

// buildGeometry divides the size into the lane names' gutter, the plot and
// the Undated column across, and the axis, coverage strip and lanes down.
func (l *timelineLayout) buildGeometry(size fyne.Size) {
	t, f, st := l.t, &l.frame, &l.style
	gutter := l.text.size(l.text.word(wordSources), st.axisSize, false).Width
	for i := range t.lanes {
		gutter = max(gutter, l.text.size(t.lanes[i].name, st.nameSize, true).Width)
	}
	gutter += 2 * labelGap
	f.axisH = l.text.height(st.axisSize) + 10
	f.covTop = f.axisH
	f.lanesTop = f.axisH + coverageHeight
	minRowH := max(markerRowH, l.text.height(st.labelSize)+1)
	f.legendH = l.legendHeight(size, f.lanesTop, minRowH)
	laneH := (size.Height - f.lanesTop - f.legendH) / float32(max(len(t.lanes), 1))
	undated := float32(0)
	f.undatedTitles = false
	if t.cov.undated > 0 || t.hasUndated() {
		undated = max(l.text.size(l.text.word(wordUndated), st.axisSize, true).Width,
			l.text.size(l.undatedDocsText(), st.axisSize, false).Width, 3*undatedSlot) + 2*labelGap
		if w := l.undatedTitlesWidth(size.Width-gutter, laneH); w > undated {
			undated, f.undatedTitles = w, true
		}
	}
	f.plotLeft = min(gutter, size.Width/3)
	f.plotRight = max(size.Width-undated, f.plotLeft+1)
	f.undatedLeft = f.plotRight
	f.from, f.to = t.from, t.to
	f.pps = float64(f.plotRight-f.plotLeft) / (t.to - t.from)

	if len(t.lanes) == 0 {
		return
	}
	// Lanes share the height equally, so that they stay put as the view
	// moves; each holds as many whole rows as fit, at least one, spread a
	// little when there is room to spare.
	rows := laneRows(laneH, minRowH)
	rowH := min(max((laneH-1)/float32(rows), minRowH), minRowH*1.3)
	for i := range t.lanes {
		top := f.lanesTop + float32(i)*laneH
		f.lanes = append(f.lanes, laneFrame{top: top, h: laneH, rowTop: top + 1, rowH: rowH, rows: rows})
	}
}

// laneRows is how many rows of markers a lane laneH high holds: as many
// whole rows as fit, at least one, at most maxLaneRows.
func laneRows(laneH, minRowH float32) int {
	return min(max(int((laneH-1)/minRowH), 1), maxLaneRows)
}

// buildBackground stripes every other lane's name in the gutter and the
// Undated column, and draws the lines between the parts, one across the
// plot between each two lanes. Stripes across the whole plot cost Fyne's
// software painter some 7 ms a frame at 1280×800: it composites every
// pixel of a rectangle, and they cover half the plot.
func (l *timelineLayout) buildBackground() {
	f, st := &l.frame, &l.style
	w, h := f.size.Width, f.size.Height
	for i := range f.lanes {
		if i%2 == 1 {
			f.bg = append(f.bg, rectPrim{pos: fyne.NewPos(0, f.lanes[i].top), size: fyne.NewSize(f.plotLeft, f.lanes[i].h), fill: st.stripe})
		}
		f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(0, f.lanes[i].top), size: fyne.NewSize(w, 1), fill: st.sep})
	}
	if f.undatedLeft < w {
		f.bg = append(f.bg, rectPrim{pos: fyne.NewPos(f.undatedLeft, 0), size: fyne.NewSize(w-f.undatedLeft, h), fill: st.stripe})
		f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(f.undatedLeft, 0), size: fyne.NewSize(1, h), fill: st.sep})
		label := l.text.word(wordUndated)
		lw := l.text.size(label, st.axisSize, true).Width
		l.addText(&f.axis, label, f.undatedLeft+(w-f.undatedLeft-lw)/2, 4, st.axisSize, true, st.fg)
	}
	f.grid = append(f.grid,
		rectPrim{pos: fyne.NewPos(f.plotLeft, 0), size: fyne.NewSize(1, h), fill: st.sep},
		rectPrim{pos: fyne.NewPos(0, f.axisH), size: fyne.NewSize(w, 1), fill: st.sep})
}

// buildCoverage bins the documents' publication dates per column; ranged
// dates were spread over their days when the coverage was set.
func (l *timelineLayout) buildCoverage() {
	t, f, st := l.t, &l.frame, &l.style
	top := f.covTop + 3
	h := float32(coverageHeight - 6)
	l.addText(&f.names, l.text.word(wordSources), labelGap, top+(h-l.text.height(st.axisSize))/2, st.axisSize, false, st.fgDim)
	f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(f.plotLeft, top+h), size: fyne.NewSize(f.plotRight-f.plotLeft, 1), fill: st.grid})
	if t.cov.undated > 0 && f.undatedLeft < f.size.Width {
		l.addText(&f.names, l.undatedDocsText(), f.undatedLeft+labelGap, top+(h-l.text.height(st.axisSize))/2, st.axisSize, false, st.fgDim)
	}
	if t.cov.days() == 0 {
		return
	}
	l.cols = l.cols[:0]
	dt := colWidth / f.pps
	prev := t.cov.at(f.from)
	peak := 0.0
	for x := f.plotLeft; x < f.plotRight; x += colWidth {
		end := math.Min(f.from+float64(x-f.plotLeft+colWidth)/float64(colWidth)*dt, f.to)
		v := t.cov.at(end)
		l.cols = append(l.cols, v-prev)
		peak = math.Max(peak, v-prev)
		prev = v
	}
	// A square-root scale keeps a lone document visible next to a busy day.
	for i, v := range l.cols {
		l.cols[i] = math.Sqrt(v)
	}
	l.addColumns(&f.bars, l.cols, math.Sqrt(peak), top+h, h, st.coverage)
}

func (l *timelineLayout) undatedDocsText() string {
	return l.text.undatedDocs(l.t.cov.undated)
}

// addColumns draws per-column values as bars standing on base, merging
// neighbouring columns of equal height into one rectangle.
func (l *timelineLayout) addColumns(out *[]rectPrim, cols []float64, peak float64, base, h float32, fill color.Color) {
	if peak <= 0 {
		return
	}
	f := &l.frame
	runStart, runH := 0, float32(0)
	flush := func(end int) {
		if runH > 0 {
			x := f.plotLeft + float32(runStart)*colWidth
			w := min(float32(end-runStart)*colWidth, f.plotRight-x)
			*out = append(*out, rectPrim{pos: fyne.NewPos(x, base-runH), size: fyne.NewSize(w, runH), fill: fill})
		}
	}
	for i, v := range cols {
		ch := float32(0)
		if v > 0 {
			ch = max(1, float32(math.Round(v/peak*float64(h))))
		}
		if ch != runH {
			flush(i)
			runStart, runH = i, ch
		}
	}
	flush(len(cols))
}

// buildLane draws one lane: its name, its marks or a histogram, their
// counts and labels, and its undated events.
func (l *timelineLayout) buildLane(li int) {
	t, f, st := l.t, &l.frame, &l.style
	ln, g := &t.lanes[li], &f.lanes[li]
	l.lane = li
	nameY := max(g.markY(0)-l.text.height(st.nameSize)/2, g.top)
	l.addText(&f.names, ln.name, labelGap, nameY, st.nameSize, true, st.lanes[ln.color].solid)
	g.inView = countOverlapping(ln.starts, ln.ends, f.from, f.to)
	g.histogram = float32(g.inView) > f.plotRight-f.plotLeft
	for r := range l.rows {
		l.rows[r] = l.rows[r][:0]
	}
	l.cands = l.cands[:0]
	if g.histogram {
		l.buildHistogram(li)
	} else {
		l.buildMarks(li)
	}
	l.placeLabels(li)
	l.buildUndated(li)
}

func (l *timelineLayout) addText(out *[]textPrim, s string, x, y, size float32, bold bool, col color.Color) {
	sz := l.text.size(s, size, bold)
	*out = append(*out, textPrim{pos: fyne.NewPos(x, y), size: sz, text: s, textSize: size, bold: bold, col: col})
}

// addCount writes a cluster's number of events centred on it; clusters
// never overlap, so neither do their numbers.
func (l *timelineLayout) addCount(n int, cx, cy float32, col color.Color, bold bool) {
	f, st := &l.frame, &l.style
	s := l.text.count(n)
	sz := l.text.size(s, st.countSize, bold)
	f.counts = append(f.counts, textPrim{pos: fyne.NewPos(cx-sz.Width/2, cy-sz.Height/2), size: sz, text: s, textSize: st.countSize, bold: bold, col: col})
}

// addOutline draws the selection outline around a bar, band or cluster.
func (l *timelineLayout) addOutline(r rectPrim) {
	f := &l.frame
	f.outlines = append(f.outlines, rectPrim{pos: r.pos.SubtractXY(ringGap, ringGap), size: r.size.AddWidthHeight(2*ringGap, 2*ringGap),
		fill: color.Transparent, stroke: l.style.fg, strokeW: 2, radius: r.radius + ringGap})
}

// addRing draws the selection ring around a dot.
func (l *timelineLayout) addRing(r rectPrim) {
	f := &l.frame
	f.rings = append(f.rings, circlePrim{pos: r.pos.SubtractXY(ringGap, ringGap), size: r.size.AddWidthHeight(2*ringGap, 2*ringGap),
		fill: color.Transparent, stroke: l.style.fg, strokeW: 2})
}
