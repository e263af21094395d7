// Package app is Chronoscope's window: the timeline, search and detail pane, reading the corpus through package data.
package app

import (
	"image/color"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// LaneMode says what the timeline's horizontal lanes stand for.
type LaneMode int

const (
	// LanesByGroup gives each actor group (Mexico, Peru, United States,
	// Regional, Other) a lane.
	LanesByGroup LaneMode = iota
	// LanesByCategory gives each event category a lane.
	LanesByCategory
)

const (
	secondsPerDay = 86400.0
	// minSpan and maxSpan bound the view: dates are whole days, so a
	// narrower view shows nothing new, and past a generation the corpus is
	// a smear.
	minSpan = secondsPerDay
	maxSpan = 30 * 365.25 * secondsPerDay
	// The view may not wander outside these years, where time arithmetic
	// and float32 pixel maths stay exact enough.
	earliestView = -30610224000.0 // 1000-01-01
	latestView   = 32503680000.0  // 3000-01-01

	// fallbackPlotWidth converts pixels to time before the first layout.
	fallbackPlotWidth = 800
	keyZoomFactor     = 1.5
	keyPanFraction    = 0.125
	// wheelZoomPer100 is the zoom for 100 units of wheel delta, about four
	// notches of a mouse wheel with the desktop driver.
	wheelZoomPer100 = 2.0
	tapZoomFactor   = 4.0
)

// Sizes in pixels of what the timeline draws. They are independent of the
// theme's text size because they are read as shapes, not text.
const (
	dotSize          = 14 // a day marker; markers closer than this cluster
	barHeight        = 12
	bandHeight       = 18
	pillHeight       = 18
	minBandWidth     = 26 // fuzzy dates must never read as a point
	markerRowH       = 26 // the top of a lane, where markers sit
	colWidth         = 2  // histogram and coverage columns
	coverageHeight   = 24
	labelGap         = 8
	axisGap          = 10
	maxLabelRows     = 4
	maxLabelRunes    = 34
	maxSelectedRunes = 64
	maxNameRunes     = 18
	undatedSlot      = dotSize + 4
	tooltipPad       = 6
	ringGap          = 3
)

// Declare conformity with interfaces.
var (
	_ fyne.Widget       = (*Timeline)(nil)
	_ fyne.Scrollable   = (*Timeline)(nil)
	_ fyne.Draggable    = (*Timeline)(nil)
	_ fyne.Tappable     = (*Timeline)(nil)
	_ fyne.Focusable    = (*Timeline)(nil)
	_ desktop.Hoverable = (*Timeline)(nil)
)

// Timeline draws events in lanes along a zoomable time axis, with a strip
// showing when the source documents were published. The mouse wheel zooms
// around the pointer, dragging pans, tapping selects an event or zooms into
// a cluster, and the keyboard does the same once the timeline has focus.
//
// Events whose date is not known are drawn in an "Undated" column at the
// right, never at a made-up date; dates known only to the week, month or
// year are drawn as translucent bands across that period.
type Timeline struct {
	widget.BaseWidget

	// OnSelected is called when the user selects an event by tapping or
	// with the keyboard, with "" when the selection is cleared. Select does
	// not call it, so a caller can mirror a selection made elsewhere.
	OnSelected func(id string) `json:"-"`
	// OnViewChanged is called whenever the visible window changes.
	OnViewChanged func(from, to time.Time) `json:"-"`

	events   []eventItem // dated ones by start, then undated ones by ID
	byID     map[string]int
	lanes    []timelineLane
	laneMode LaneMode
	cov      pubCoverage
	// extent spans every dated event and document, for FitAll, Home and End.
	extentFrom, extentTo float64
	hasExtent            bool

	from, to float64 // the view, in seconds since the Unix epoch
	viewSet  bool

	selected  int // index into events, or -1
	highlight map[string]bool

	hovering bool
	hoverPos fyne.Position
	tip      tooltipText
	focused  bool

	// style and frame are derived from the state above and the theme.
	// They are kept between layouts so that laying out allocates nothing
	// once warm, and frame doubles as the hit-test index for taps.
	style timelineStyle
	frame timelineFrame
	text  textCache
}

// NewTimeline returns an empty timeline; give it events with SetEvents.
func NewTimeline() *Timeline {
	now := float64(time.Now().Unix())
	t := &Timeline{selected: -1, from: now - 365*secondsPerDay, to: now}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is a private method to Fyne which links this widget to its
// renderer.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	r := &timelineRenderer{t: t}
	t.refreshStyle()
	return r
}

// SetEvents replaces the events drawn. It keeps the view, except that the
// first events given are fitted into it, and keeps the selection if the
// selected event is still there.
func (t *Timeline) SetEvents(evs []data.EventSummary) {
	selected := t.Selected()
	unsorted := make([]eventItem, len(evs))
	order := make([]int32, len(evs))
	for i := range evs {
		unsorted[i], order[i] = newEventItem(evs[i]), int32(i)
	}
	// Sorting indexes moves 4 bytes per swap rather than a whole event.
	slices.SortStableFunc(order, func(a, b int32) int { return compareItems(&unsorted[a], &unsorted[b]) })
	items := make([]eventItem, len(evs))
	for i, k := range order {
		items[i] = unsorted[k]
	}

	t.events = items
	t.text.labelW, t.text.fullW = nil, nil
	t.byID = make(map[string]int, len(items))
	for i := range items {
		t.byID[items[i].ID] = i
	}
	t.selected = -1
	if i, ok := t.byID[selected]; ok && selected != "" {
		t.selected = i
	}
	t.markHits()
	t.buildLanes()
	t.updateExtent()
	if !t.viewSet {
		t.fitAll()
	}
	t.Refresh()
}

// SetCoverage sets the source documents whose publication dates the
// coverage strip shows.
func (t *Timeline) SetCoverage(docs []data.DocumentSummary) {
	t.cov = newCoverage(docs)
	t.updateExtent()
	if !t.viewSet {
		t.fitAll()
	}
	t.Refresh()
}

// SetLaneMode chooses whether lanes are actor groups or event categories.
func (t *Timeline) SetLaneMode(m LaneMode) {
	if m == t.laneMode {
		return
	}
	t.laneMode = m
	t.buildLanes()
	t.Refresh()
}

// SetHighlight marks the events whose IDs are in ids as search hits: they
// are drawn normally and every other event is dimmed. A nil map means no
// search is active and nothing is dimmed.
func (t *Timeline) SetHighlight(ids map[string]bool) {
	if ids == nil {
		t.highlight = nil
	} else {
		t.highlight = make(map[string]bool, len(ids))
		for id, on := range ids {
			if on {
				t.highlight[id] = true
			}
		}
	}
	t.markHits()
	for i := range t.lanes {
		t.lanes[i].indexHits(t.events)
	}
	t.Refresh()
}

// Select selects the event with the given ID, scrolling the view to it if
// it is outside; "" or an unknown ID clears the selection.
func (t *Timeline) Select(id string) {
	i, ok := t.byID[id]
	if !ok || id == "" {
		i = -1
	}
	t.selectIndex(i, false)
}

// Selected returns the ID of the selected event, or "".
func (t *Timeline) Selected() string {
	if t.selected < 0 || t.selected >= len(t.events) {
		return ""
	}
	return t.events[t.selected].ID
}

// SetView shows the time from from to to. Spans shorter than a day or
// longer than 30 years are widened or narrowed about their middle.
func (t *Timeline) SetView(from, to time.Time) {
	t.setView(unixSeconds(from), unixSeconds(to))
}

// View returns the visible window.
func (t *Timeline) View() (from, to time.Time) {
	return timeAtSeconds(t.from), timeAtSeconds(t.to)
}

// FitAll shows every dated event and document, with a margin.
func (t *Timeline) FitAll() {
	t.fitAll()
}

// ZoomAt zooms by factor, keeping the time under pixel x where it is:
// factor > 1 zooms in, factor < 1 zooms out.
func (t *Timeline) ZoomAt(x float32, factor float64) {
	if !(factor > 0) || math.IsInf(factor, 0) {
		return
	}
	left, width := t.plotExtent()
	frac := math.Min(math.Max(float64((x-left)/width), 0), 1)
	at := t.from + frac*(t.to-t.from)
	span := clampSpan((t.to - t.from) / factor)
	from := at - frac*span
	t.setView(from, from+span)
}

// Pan moves the view by dx pixels' worth of time; positive dx shows later
// times, as the Right key does.
func (t *Timeline) Pan(dx float32) {
	_, width := t.plotExtent()
	shift := float64(dx) / float64(width) * (t.to - t.from)
	t.setView(t.from+shift, t.to+shift)
}

// SelectNext selects the event after the selected one in time order, or
// the first one in view, and reports it through OnSelected.
func (t *Timeline) SelectNext() {
	if len(t.events) == 0 {
		return
	}
	i := t.selected + 1
	if t.selected < 0 {
		i = sort.Search(t.datedCount(), func(k int) bool { return t.events[k].end > t.from })
	}
	if i < len(t.events) {
		t.selectIndex(i, true)
	}
}

// SelectPrevious selects the event before the selected one in time order,
// or the last one in view, and reports it through OnSelected.
func (t *Timeline) SelectPrevious() {
	if len(t.events) == 0 {
		return
	}
	i := t.selected - 1
	if t.selected < 0 {
		i = sort.Search(t.datedCount(), func(k int) bool { return t.events[k].start >= t.to }) - 1
	}
	if i >= 0 {
		t.selectIndex(i, true)
	}
}

// Scrolled zooms around the pointer for vertical wheel movement and pans
// for horizontal movement, such as a sideways swipe on a touchpad.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	d := ev.Scrolled
	if math.Abs(float64(d.DX)) > math.Abs(float64(d.DY)) {
		t.Pan(-d.DX)
		return
	}
	x := ev.Position.X
	// Drivers always give the pointer position; an event without one was
	// synthesised, and the last hover position is where the pointer is.
	if ev.Position.IsZero() && ev.AbsolutePosition.IsZero() && t.hovering {
		x = t.hoverPos.X
	}
	t.ZoomAt(x, math.Pow(wheelZoomPer100, float64(d.DY)/100))
}

// Dragged pans so that the time under the pointer follows it.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	t.Pan(-ev.Dragged.DX)
}

// DragEnd is called when a drag finishes; panning has already happened.
func (t *Timeline) DragEnd() {}

// Tapped selects the event under the pointer, or zooms into the cluster or
// histogram under it.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
	h, ok := t.frame.hitAt(ev.Position)
	if !ok {
		return
	}
	switch h.kind {
	case hitEvent:
		t.selectIndex(int(h.event), true)
	case hitCluster:
		t.zoomTo(h.from, h.to)
	case hitHistogram:
		t.ZoomAt(ev.Position.X, tapZoomFactor)
	}
}

// MouseIn starts showing the tooltip for whatever is under the pointer.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) {
	t.hover(ev.Position)
}

// MouseMoved moves the tooltip with the pointer.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	t.hover(ev.Position)
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	t.hovering = false
	t.Refresh()
}

// FocusGained draws the focus outline.
func (t *Timeline) FocusGained() {
	t.focused = true
	t.Refresh()
}

// FocusLost removes the focus outline.
func (t *Timeline) FocusLost() {
	t.focused = false
	t.Refresh()
}

// TypedRune does nothing: the zoom keys are handled in TypedKey, whose key
// names already follow the keyboard layout, so that each press acts once.
func (t *Timeline) TypedRune(rune) {}

// TypedKey handles + or = (zoom in), - (zoom out), Left and Right (pan),
// Page Up and Page Down (pan a screen), Home and End (corpus start and
// end), 0 or F (fit all), Up and Down (previous and next event) and Escape
// (clear the selection).
func (t *Timeline) TypedKey(ev *fyne.KeyEvent) {
	left, width := t.plotExtent()
	switch ev.Name {
	case fyne.KeyPlus, fyne.KeyEqual:
		t.ZoomAt(left+width/2, keyZoomFactor)
	case fyne.KeyMinus:
		t.ZoomAt(left+width/2, 1/keyZoomFactor)
	case fyne.KeyLeft:
		t.Pan(-width * keyPanFraction)
	case fyne.KeyRight:
		t.Pan(width * keyPanFraction)
	case fyne.KeyPageUp:
		t.Pan(-width * 0.9)
	case fyne.KeyPageDown:
		t.Pan(width * 0.9)
	case fyne.KeyHome:
		t.jump(true)
	case fyne.KeyEnd:
		t.jump(false)
	case fyne.Key0, fyne.KeyF:
		t.FitAll()
	case fyne.KeyUp:
		t.SelectPrevious()
	case fyne.KeyDown:
		t.SelectNext()
	case fyne.KeyEscape:
		if t.selected >= 0 {
			t.selectIndex(-1, true)
		}
	}
}

func (t *Timeline) datedCount() int {
	return sort.Search(len(t.events), func(i int) bool { return t.events[i].kind == kindUndated })
}

func (t *Timeline) setView(from, to float64) {
	if math.IsNaN(from) || math.IsNaN(to) {
		return
	}
	if to < from {
		from, to = to, from
	}
	if span := clampSpan(to - from); span != to-from {
		mid := from/2 + to/2
		from, to = mid-span/2, mid+span/2
	}
	if from < earliestView {
		from, to = earliestView, earliestView+(to-from)
	}
	if to > latestView {
		from, to = latestView-(to-from), latestView
	}
	t.viewSet = true
	if from == t.from && to == t.to {
		return
	}
	t.from, t.to = from, to
	t.Refresh()
	if t.OnViewChanged != nil {
		t.OnViewChanged(t.View())
	}
}

func (t *Timeline) fitAll() {
	if !t.hasExtent {
		return
	}
	span := clampSpan((t.extentTo - t.extentFrom) * 1.06)
	mid := t.extentFrom/2 + t.extentTo/2
	t.setView(mid-span/2, mid+span/2)
}

// jump keeps the span and moves to the start or end of the corpus.
func (t *Timeline) jump(start bool) {
	if !t.hasExtent {
		return
	}
	span := t.to - t.from
	margin := span * 0.03
	if start {
		t.setView(t.extentFrom-margin, t.extentFrom-margin+span)
		return
	}
	t.setView(t.extentTo+margin-span, t.extentTo+margin)
}

// zoomTo shows from..to with a margin, and always zooms in at least
// twofold so that tapping a cluster makes progress.
func (t *Timeline) zoomTo(from, to float64) {
	span := (to - from) * 1.4
	span = math.Min(span, (t.to-t.from)/2)
	span = clampSpan(span)
	mid := from/2 + to/2
	t.setView(mid-span/2, mid+span/2)
}

func (t *Timeline) plotExtent() (left, width float32) {
	if f := &t.frame; f.plotRight-f.plotLeft >= 1 {
		return f.plotLeft, f.plotRight - f.plotLeft
	}
	return 0, fallbackPlotWidth
}

func (t *Timeline) selectIndex(i int, notify bool) {
	if i >= len(t.events) {
		i = -1
	}
	changed := i != t.selected
	t.selected = i
	if i >= 0 && !t.reveal(&t.events[i]) {
		t.Refresh()
	} else if i < 0 && changed {
		t.Refresh()
	}
	if notify && t.OnSelected != nil {
		t.OnSelected(t.Selected())
	}
}

// reveal scrolls an event into view, keeping the span. It reports whether
// the view moved, which refreshes the widget.
func (t *Timeline) reveal(it *eventItem) bool {
	if it.kind == kindUndated || (it.end > t.from && it.start < t.to) {
		return false
	}
	span := t.to - t.from
	mid := it.start/2 + it.end/2
	from, to := t.from, t.to
	t.setView(mid-span/2, mid+span/2)
	return from != t.from || to != t.to
}

func (t *Timeline) hover(p fyne.Position) {
	was := t.hovering && t.tip.key.kind != hitNone
	t.hoverPos, t.hovering = p, true
	if _, ok := t.frame.hitAt(p); ok || was {
		t.Refresh()
	}
}

func (t *Timeline) markHits() {
	for i := range t.events {
		t.events[i].hit = t.highlight != nil && t.highlight[t.events[i].ID]
	}
}

func (t *Timeline) dimmed(i int32) bool {
	return t.highlight != nil && !t.events[i].hit
}

func (t *Timeline) updateExtent() {
	from, to := math.Inf(1), math.Inf(-1)
	for i := range t.events {
		if it := &t.events[i]; it.kind != kindUndated {
			from, to = math.Min(from, it.start), math.Max(to, it.end)
		}
	}
	if t.cov.days() > 0 {
		from = math.Min(from, t.cov.first)
		to = math.Max(to, t.cov.first+float64(t.cov.days())*secondsPerDay)
	}
	t.hasExtent = from < to
	t.extentFrom, t.extentTo = from, to
}

// buildLanes sorts the events into lanes and indexes each lane for the
// binary searches that find what is in view.
func (t *Timeline) buildLanes() {
	keys, names, colors := t.laneKeys()
	lanes := make([]timelineLane, len(keys))
	index := make(map[string]int, len(keys))
	for i, k := range keys {
		index[k] = i
		lanes[i].name, lanes[i].color = names[i], colors[i]
	}
	for i := range t.events {
		ln := &lanes[index[t.laneKey(&t.events[i])]]
		if t.events[i].kind == kindUndated {
			ln.undated = append(ln.undated, int32(i))
		} else {
			ln.items = append(ln.items, int32(i))
		}
	}
	t.lanes = lanes[:0]
	for i := range lanes {
		if len(lanes[i].items)+len(lanes[i].undated) == 0 {
			continue
		}
		lanes[i].index(t.events)
		t.lanes = append(t.lanes, lanes[i])
	}
	for li := range t.lanes {
		for _, ei := range t.lanes[li].items {
			t.events[ei].lane = int32(li)
		}
		for _, ei := range t.lanes[li].undated {
			t.events[ei].lane = int32(li)
		}
	}
}

// laneKeys lists the possible lanes in display order: the groups in a fixed
// order, or the categories alphabetically.
func (t *Timeline) laneKeys() (keys, names []string, colors []int) {
	if t.laneMode == LanesByGroup {
		for _, g := range groupLanes {
			keys, names, colors = append(keys, g.key), append(names, g.name), append(colors, g.color)
		}
		return keys, names, colors
	}
	seen := map[string]bool{}
	for i := range t.events {
		if k := t.laneKey(&t.events[i]); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for i, k := range keys {
		names = append(names, laneCategoryName(k))
		colors = append(colors, i%len(laneColors))
	}
	return keys, names, colors
}

func (t *Timeline) laneKey(it *eventItem) string {
	if t.laneMode == LanesByCategory {
		return strings.ToLower(strings.TrimSpace(it.Category))
	}
	for _, g := range groupLanes {
		if it.Group == g.key {
			return g.key
		}
	}
	return data.GroupOther
}

// build lays out everything the renderer draws into t.frame.
func (t *Timeline) build(size fyne.Size) {
	f := &t.frame
	f.reset(size)
	if size.Width < 1 || size.Height < 1 {
		return
	}
	if !t.style.ready {
		t.refreshStyle()
	}
	t.buildGeometry(size)
	t.buildBackground()
	t.buildAxis()
	t.buildCoverage()
	for i := range t.lanes {
		t.buildLane(i)
	}
	if len(t.lanes) == 0 {
		t.addText(&f.labels, "No dated events", f.plotLeft+labelGap, f.lanesTop+labelGap, t.style.labelSize, false, t.style.fgDim)
	}
	t.buildTooltip()
	if t.focused {
		f.outlines = append(f.outlines, rectPrim{pos: fyne.NewPos(1, 1), size: size.SubtractWidthHeight(2, 2),
			fill: color.Transparent, stroke: t.style.focus, strokeW: 2, radius: 3})
	}
}

func (t *Timeline) buildGeometry(size fyne.Size) {
	f, st := &t.frame, &t.style
	gutter := t.text.size("Sources", st.axisSize, false).Width
	for i := range t.lanes {
		gutter = max(gutter, t.text.size(t.lanes[i].name, st.nameSize, true).Width)
	}
	gutter += 2 * labelGap
	undated := float32(0)
	if t.cov.undated > 0 || t.hasUndated() {
		undated = max(t.text.size("Undated", st.axisSize, true).Width,
			t.text.size(t.undatedDocsText(), st.axisSize, false).Width, 3*undatedSlot) + 2*labelGap
	}
	f.plotLeft = min(gutter, size.Width/3)
	f.plotRight = max(size.Width-undated, f.plotLeft+1)
	f.undatedLeft = f.plotRight
	f.axisH = t.text.height(st.axisSize) + 10
	f.covTop = f.axisH
	f.lanesTop = f.axisH + coverageHeight
	f.from, f.to = t.from, t.to
	f.pps = float64(f.plotRight-f.plotLeft) / (t.to - t.from)

	if len(t.lanes) == 0 {
		return
	}
	rowH := t.text.height(st.labelSize) + 2
	laneH := (size.Height - f.lanesTop) / float32(len(t.lanes))
	for i := range t.lanes {
		top := f.lanesTop + float32(i)*laneH
		rows := int((laneH - markerRowH - 2) / rowH)
		f.lanes = append(f.lanes, laneFrame{
			top: top, h: laneH, markY: top + markerRowH/2 + 1,
			labelTop: top + markerRowH, rowH: rowH, rows: min(max(rows, 0), maxLabelRows),
		})
	}
}

func (t *Timeline) hasUndated() bool {
	return len(t.events) > 0 && t.events[len(t.events)-1].kind == kindUndated
}

func (t *Timeline) buildBackground() {
	f, st := &t.frame, &t.style
	w, h := f.size.Width, f.size.Height
	for i := range f.lanes {
		if i%2 == 1 {
			f.bg = append(f.bg, rectPrim{pos: fyne.NewPos(0, f.lanes[i].top), size: fyne.NewSize(w, f.lanes[i].h), fill: st.stripe})
		}
		f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(0, f.lanes[i].top), size: fyne.NewSize(w, 1), fill: st.sep})
	}
	if f.undatedLeft < w {
		f.bg = append(f.bg, rectPrim{pos: fyne.NewPos(f.undatedLeft, 0), size: fyne.NewSize(w-f.undatedLeft, h), fill: st.stripe})
		f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(f.undatedLeft, 0), size: fyne.NewSize(1, h), fill: st.sep})
		label := "Undated"
		lw := t.text.size(label, st.axisSize, true).Width
		t.addText(&f.axis, label, f.undatedLeft+(w-f.undatedLeft-lw)/2, 4, st.axisSize, true, st.fg)
	}
	f.grid = append(f.grid,
		rectPrim{pos: fyne.NewPos(f.plotLeft, 0), size: fyne.NewSize(1, h), fill: st.sep},
		rectPrim{pos: fyne.NewPos(0, f.axisH), size: fyne.NewSize(w, 1), fill: st.sep})
}

// buildAxis picks the finest calendar unit whose labels fit without
// touching, so the axis reads as finely as the zoom allows.
func (t *Timeline) buildAxis() {
	f, st := &t.frame, &t.style
	u := unitDay
	for ; u < unitDecade && !t.tryAxis(u); u++ {
	}
	if u == unitDecade {
		t.tryAxis(u) // decades always fit within the longest span
	}
	f.axis = append(f.axis, f.try...)
	for _, tk := range f.ticks {
		col := st.grid
		if tk.major {
			col = st.gridMajor
		}
		f.grid = append(f.grid,
			rectPrim{pos: fyne.NewPos(tk.x, f.axisH-6), size: fyne.NewSize(1, 6), fill: st.fgDim},
			rectPrim{pos: fyne.NewPos(tk.x, f.axisH+1), size: fyne.NewSize(1, f.size.Height-f.axisH-1), fill: col})
	}
}

// tryAxis lays out the ticks and labels of one unit into f.try and f.ticks,
// reporting false if two tick labels would come closer than axisGap.
//
// The first label, in bold, names the period the view starts in with its
// year, like a sticky header, so the axis always says where it is even
// when no tick is in view; tick labels it would cover are left out. Later
// labels carry the year only where it changes.
func (t *Timeline) tryAxis(u timeUnit) bool {
	f, st := &t.frame, &t.style
	if u < unitDecade && u.minSeconds()*f.pps < float64(t.text.size(u.sample(), st.axisSize, false).Width+axisGap) {
		return false
	}
	f.try, f.ticks = f.try[:0], f.ticks[:0]
	sticky := u
	if u == unitWeek {
		sticky = unitDay // the week's Monday would name a day before the view
	}
	start := sticky.floor(timeAtSeconds(f.from))
	s := t.text.axisLabel(sticky, start, true)
	sz := t.text.size(s, st.axisSize, true)
	f.try = append(f.try, textPrim{pos: fyne.NewPos(f.plotLeft+3, 4), size: sz, text: s, textSize: st.axisSize, bold: true, col: st.fg})
	prevRight, prevYear := f.plotLeft+3+sz.Width, start.Year()

	tm := u.floor(timeAtSeconds(f.from))
	if unixSeconds(tm) < f.from {
		tm = u.next(tm)
	}
	for ; unixSeconds(tm) < f.to; tm = u.next(tm) {
		x := f.x(unixSeconds(tm))
		f.ticks = append(f.ticks, axisTick{x: x, major: u.major(tm)})
		s := t.text.axisLabel(u, tm, tm.Year() != prevYear)
		sz := t.text.size(s, st.axisSize, false)
		lx := x + 3
		switch {
		case lx+sz.Width > f.plotRight:
			continue
		case len(f.try) == 1 && lx < prevRight+axisGap:
			continue // under the sticky label
		case lx < prevRight+axisGap:
			return false
		}
		f.try = append(f.try, textPrim{pos: fyne.NewPos(lx, 4), size: sz, text: s, textSize: st.axisSize, col: st.fg})
		prevRight, prevYear = lx+sz.Width, tm.Year()
	}
	return true
}

// buildCoverage bins the documents' publication dates per column; ranged
// dates were spread over their days when the coverage was set.
func (t *Timeline) buildCoverage() {
	f, st := &t.frame, &t.style
	top := f.covTop + 3
	h := float32(coverageHeight - 6)
	t.addText(&f.names, "Sources", labelGap, top+(h-t.text.height(st.axisSize))/2, st.axisSize, false, st.fgDim)
	f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(f.plotLeft, top+h), size: fyne.NewSize(f.plotRight-f.plotLeft, 1), fill: st.grid})
	if t.cov.undated > 0 && f.undatedLeft < f.size.Width {
		t.addText(&f.names, t.undatedDocsText(), f.undatedLeft+labelGap, top+(h-t.text.height(st.axisSize))/2, st.axisSize, false, st.fgDim)
	}
	if t.cov.days() == 0 {
		return
	}
	f.cols = f.cols[:0]
	dt := colWidth / f.pps
	prev := t.cov.at(f.from)
	peak := 0.0
	for x := f.plotLeft; x < f.plotRight; x += colWidth {
		end := math.Min(f.from+float64(x-f.plotLeft+colWidth)/float64(colWidth)*dt, f.to)
		v := t.cov.at(end)
		f.cols = append(f.cols, v-prev)
		peak = math.Max(peak, v-prev)
		prev = v
	}
	// A square-root scale keeps a lone document visible next to a busy day.
	for i, v := range f.cols {
		f.cols[i] = math.Sqrt(v)
	}
	t.addColumns(&f.bars, f.cols, math.Sqrt(peak), top+h, h, st.coverage)
}

// addColumns draws per-column values as bars standing on base, merging
// neighbouring columns of equal height into one rectangle.
func (t *Timeline) addColumns(out *[]rectPrim, cols []float64, peak float64, base, h float32, fill color.Color) {
	if peak <= 0 {
		return
	}
	f := &t.frame
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

func (t *Timeline) buildLane(li int) {
	f, st := &t.frame, &t.style
	ln, g := &t.lanes[li], &f.lanes[li]
	t.addText(&f.names, ln.name, labelGap, g.top+4, st.nameSize, true, laneColors[ln.color].solid)
	g.inView = countOverlapping(ln.starts, ln.ends, f.from, f.to)
	g.histogram = float32(g.inView) > f.plotRight-f.plotLeft
	counts := len(f.counts)
	if g.histogram {
		t.buildHistogram(li)
	} else {
		t.buildMarks(li)
	}
	t.flushCounts(counts)
	t.placeLabels(li)
	t.buildUndated(li)
}

// buildMarks draws each event in view in a lane as a dot, bar or band, and
// collapses point-like markers that would touch into clusters.
func (t *Timeline) buildMarks(li int) {
	f := &t.frame
	ln := &t.lanes[li]
	f.vis = ln.visible(t.events, f.from, f.to, f.vis[:0])
	f.cands = f.cands[:0]
	var cl markCluster
	for _, p := range f.vis {
		ei := ln.items[p]
		m, ok := t.geom(ei)
		if !ok {
			continue
		}
		if !m.point {
			t.addWide(li, m)
			continue
		}
		if cl.n > 0 && m.cx-cl.maxX < dotSize {
			cl.add(m, &t.events[ei], t)
			continue
		}
		t.addCluster(li, &cl)
		cl.start(m, &t.events[ei], t)
	}
	t.addCluster(li, &cl)
}

// geom places one event on screen, reporting false if no part of it lands
// inside the plot.
func (t *Timeline) geom(ei int32) (markGeom, bool) {
	f := &t.frame
	it := &t.events[ei]
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
func (t *Timeline) addWide(li int, m markGeom) {
	f, st := &t.frame, &t.style
	g := &f.lanes[li]
	it := &t.events[m.event]
	ls := &laneColors[t.lanes[li].color]
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
		t.addOutline(r)
	}
	t.addCount(it.Sources, m.cx, g.markY, countCol, false, true)
	t.addHit(r, hitEvent, m.event, prioOf(m.kind), 0, 0)
	t.addCandidateRight(m.x0, m.x1, it.label, m.event, dim)
}

// addCluster draws the markers gathered in cl: the marker itself if there
// is one, or a pill with the number of events.
func (t *Timeline) addCluster(li int, cl *markCluster) {
	n := cl.n
	cl.n = 0
	if n == 0 {
		return
	}
	if n == 1 {
		t.addPoint(li, cl.first)
		return
	}
	f, st := &t.frame, &t.style
	g := &f.lanes[li]
	ls := &laneColors[t.lanes[li].color]
	dim := t.highlight != nil && !cl.anyHit
	x0 := max(cl.minX-pillHeight/2, f.plotLeft)
	x1 := min(cl.maxX+pillHeight/2, f.plotRight)
	r := rectPrim{pos: fyne.NewPos(x0, g.markY-pillHeight/2), size: fyne.NewSize(x1-x0, pillHeight),
		fill: pickColor(dim, ls.bandDim, ls.band), stroke: pickColor(dim, ls.dim, ls.solid), strokeW: 1.5, radius: pillHeight / 2}
	f.clusters = append(f.clusters, r)
	if cl.selected {
		t.addOutline(r)
	}
	t.addCount(n, (x0+x1)/2, g.markY, pickColor(dim, st.fgDim, st.fg), true, false)
	h := t.addHit(r, hitCluster, -1, prioPoint, cl.from, cl.to)
	h.n, h.lane = int32(n), int32(li)
	if cl.selected {
		// The selected event keeps its label even inside a cluster.
		t.addCandidateRight(x0, x1, t.events[t.selected].label, int32(t.selected), dim)
	}
	t.addCandidateRight(x0, x1, t.text.eventsLabel(n), -1, dim)
}

func (t *Timeline) addPoint(li int, m markGeom) {
	f, st := &t.frame, &t.style
	g := &f.lanes[li]
	if m.kind != kindDot {
		t.addWide(li, m) // a narrow bar keeps its shape, drawn a dot wide
		return
	}
	it := &t.events[m.event]
	ls := &laneColors[t.lanes[li].color]
	dim := t.dimmed(m.event)
	r := rectPrim{pos: fyne.NewPos(m.cx-dotSize/2, g.markY-dotSize/2), size: fyne.NewSize(dotSize, dotSize)}
	// The rim in the background colour keeps a dot visible on a bar or band
	// of its own colour.
	f.dots = append(f.dots, circlePrim{pos: r.pos, size: r.size, fill: pickColor(dim, ls.dim, ls.solid), stroke: st.bg, strokeW: 1.5})
	if t.selected == int(m.event) {
		t.addRing(r)
	}
	t.addCount(it.Sources, m.cx, g.markY, pickColor(dim, ls.onDim, ls.on), false, false)
	t.addHit(r, hitEvent, m.event, prioPoint, 0, 0)
	t.addCandidate(m.x0, it.label, m.event, dim)
}

// buildHistogram draws per-column counts of the events overlapping each
// column, found by binary search so the cost follows the width, not the
// number of events.
func (t *Timeline) buildHistogram(li int) {
	f, st := &t.frame, &t.style
	ln, g := &t.lanes[li], &f.lanes[li]
	ls := &laneColors[ln.color]
	base, h := g.top+g.h-3, g.h-markerRowH/2-6
	peak := t.columnCounts(ln.starts, ln.ends)
	fill := ls.hist
	if t.highlight != nil {
		fill = ls.histDim
	}
	t.addColumns(&f.bars, f.cols, peak, base, h, fill)
	matching := -1
	if t.highlight != nil {
		matching = countOverlapping(ln.hitStarts, ln.hitEnds, f.from, f.to)
		// Matches get their own scale: on the scale of all events a few
		// dozen matches would be a line of pixels.
		hitPeak := t.columnCounts(ln.hitStarts, ln.hitEnds)
		t.addColumns(&f.bars, f.cols, hitPeak, base, h, ls.solid)
	}
	area := rectPrim{pos: fyne.NewPos(f.plotLeft, g.top), size: fyne.NewSize(f.plotRight-f.plotLeft, g.h)}
	t.addHit(area, hitHistogram, -1, prioHistogram, 0, 0)

	// Without label rows a selected label takes the marker row, where the
	// caption would be.
	if g.rows > 0 {
		s := t.text.histogramLabel(g.inView, matching)
		sz := t.text.size(s, st.labelSize, false)
		pos := fyne.NewPos(f.plotLeft+labelGap, g.top+3)
		f.chips = append(f.chips, rectPrim{pos: pos.SubtractXY(3, 1), size: sz.AddWidthHeight(6, 2), fill: st.tipBg, radius: 3})
		f.labels = append(f.labels, textPrim{pos: pos, size: sz, text: s, textSize: st.labelSize, col: st.fg})
	}

	f.cands = f.cands[:0]
	if sel := t.selected; sel >= 0 && t.events[sel].lane == int32(li) && t.events[sel].kind != kindUndated {
		if m, ok := t.geom(int32(sel)); ok {
			t.addPoint(li, m)
		}
	}
}

// columnCounts fills f.cols with how many of the events with these starts
// and ends overlap each column, returning the largest count.
func (t *Timeline) columnCounts(starts, ends []float64) float64 {
	f := &t.frame
	f.cols = f.cols[:0]
	dt := colWidth / f.pps
	peak, a, b := 0.0, 0, 0
	for c := 0; f.plotLeft+float32(c)*colWidth < f.plotRight; c++ {
		t0 := f.from + float64(c)*dt
		t1 := math.Min(t0+dt, f.to)
		a += sort.SearchFloat64s(starts[a:], t1) // events starting before t1
		b += sort.Search(len(ends)-b, func(i int) bool { return ends[b+i] > t0 })
		n := float64(a - b)
		f.cols = append(f.cols, n)
		peak = math.Max(peak, n)
	}
	return peak
}

// buildUndated draws a lane's undated events as hollow markers in the
// Undated column, with "+N" when they do not all fit.
func (t *Timeline) buildUndated(li int) {
	f, st := &t.frame, &t.style
	ln, g := &t.lanes[li], &f.lanes[li]
	if len(ln.undated) == 0 || f.undatedLeft >= f.size.Width {
		return
	}
	ls := &laneColors[ln.color]
	x0, y0 := f.undatedLeft+labelGap, g.top+(markerRowH-dotSize)/2
	cols := max(int((f.size.Width-x0-4)/undatedSlot), 1)
	rows := max(int((g.h-4)/undatedSlot), 1)
	shown, more := len(ln.undated), 0
	if shown > cols*rows {
		shown = cols*rows - 1
		more = len(ln.undated) - shown
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
		pos := fyne.NewPos(x0+float32(k%cols)*undatedSlot, y0+float32(k/cols)*undatedSlot)
		r := rectPrim{pos: pos, size: fyne.NewSize(dotSize, dotSize)}
		f.dots = append(f.dots, circlePrim{pos: pos, size: r.size, fill: st.bg, stroke: pickColor(dim, ls.dim, ls.solid), strokeW: 2})
		if t.selected == int(ei) {
			t.addRing(r)
		}
		t.addCount(t.events[ei].Sources, pos.X+dotSize/2, pos.Y+dotSize/2, pickColor(dim, st.fgDim, st.fg), false, false)
		t.addHit(r, hitEvent, ei, prioPoint, 0, 0)
	}
	if more > 0 {
		k := shown
		pos := fyne.NewPos(x0+float32(k%cols)*undatedSlot, y0+float32(k/cols)*undatedSlot)
		t.addText(&f.counts, t.text.moreLabel(more), pos.X, pos.Y, st.countSize+1, true, st.fg)
	}
}

// placeLabels places the lane's label candidates greedily in a few rows
// under the markers: the selected event first, then search hits, then the
// rest from left to right. A label that fits nowhere is not drawn.
func (t *Timeline) placeLabels(li int) {
	f, st := &t.frame, &t.style
	g := &f.lanes[li]
	for r := range f.rows {
		f.rows[r] = f.rows[r][:0]
	}
	f.placed = f.placed[:0]
	slices.SortFunc(f.cands, compareCandidates)
	for pass := 0; pass < 3; pass++ {
		for i := range f.cands {
			if f.cands[i].pass() == pass {
				t.findRow(g, i)
			}
		}
	}
	t.lengthenLabels()
	for _, p := range f.placed {
		c := &f.cands[p.cand]
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
			t.addHit(rectPrim{pos: fyne.NewPos(p.x, y), size: fyne.NewSize(c.w, c.h)}, hitEvent, c.event, prioLabel, 0, 0)
		}
	}
}

// findRow places candidate i in the first label row where it fits, beside
// its marker reading on from it or else ending where the marker ends. The
// selected label is shifted to fit and always gets a place.
func (t *Timeline) findRow(g *laneFrame, i int) {
	f := &t.frame
	c := &f.cands[i]
	x := c.x
	if c.selected {
		x = max(min(x, f.plotRight-c.w), f.plotLeft)
		if g.rows == 0 {
			f.placed = append(f.placed, placedLabel{cand: i, row: -1, x: min(c.x+dotSize+ringGap, f.plotRight-c.w)})
			return
		}
	}
	for r := 0; r < g.rows; r++ {
		for k, x := range [2]float32{x, c.right - c.w} {
			if f.fits(r, x, c.w, -1) {
				f.rows[r] = append(f.rows[r], rowSpan{x, x + c.w})
				f.placed = append(f.placed, placedLabel{cand: i, row: r, span: len(f.rows[r]) - 1, x: x, endAligned: k == 1})
				return
			}
		}
	}
	if c.selected {
		f.rows[0] = append(f.rows[0], rowSpan{x, x + c.w})
		f.placed = append(f.placed, placedLabel{cand: i, row: 0, span: len(f.rows[0]) - 1, x: x})
	}
}

// lengthenLabels gives placed labels their event's full title where the
// row has room for it, as it often has once zoomed in.
func (t *Timeline) lengthenLabels() {
	f := &t.frame
	for i := range f.placed {
		p := &f.placed[i]
		c := &f.cands[p.cand]
		if c.event < 0 || c.selected || p.row < 0 {
			continue
		}
		long := t.events[c.event].fullLabel
		if long == c.text {
			continue
		}
		w := t.text.labelWidth(&t.text.fullW, int(c.event), len(t.events), long, t.style.labelSize)
		x := p.x
		if p.endAligned {
			x = c.right - w
		}
		if f.fits(p.row, x, w, p.span) {
			f.rows[p.row][p.span] = rowSpan{x, x + w}
			c.text, c.w, p.x = long, w, x
		}
	}
}

func (t *Timeline) buildTooltip() {
	f, st := &t.frame, &t.style
	if !t.hovering {
		t.tip.key.kind = hitNone
		return
	}
	h, ok := f.hitAt(t.hoverPos)
	if !ok {
		t.tip.key.kind = hitNone
		return
	}
	t.updateTipText(h)
	title := t.text.size(t.tip.title, st.labelSize, true)
	detail := t.text.size(t.tip.detail, st.labelSize, false)
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
		textPrim{pos: pos.AddXY(tooltipPad, tooltipPad), size: title, text: t.tip.title, textSize: st.labelSize, bold: true, col: st.fg},
		textPrim{pos: pos.AddXY(tooltipPad, tooltipPad+title.Height), size: detail, text: t.tip.detail, textSize: st.labelSize, col: st.fg})
}

// updateTipText formats the tooltip only when what is under the pointer
// changes, keeping hover cheap.
func (t *Timeline) updateTipText(h hitBox) {
	key := tipKey{kind: h.kind, event: h.event, n: h.n, from: h.from, to: h.to}
	if h.kind == hitHistogram {
		key.from, key.to = t.from, t.to
	}
	if key == t.tip.key {
		return
	}
	t.tip.key = key
	switch h.kind {
	case hitEvent:
		it := &t.events[h.event]
		t.tip.title = clipRunes(it.Title, 80)
		t.tip.detail = eventDateText(it) + " · " + quantity(it.Sources, "source")
		if it.Basis != "" && it.kind != kindUndated {
			t.tip.detail += " · " + string(it.Basis)
		}
	case hitCluster:
		t.tip.title = quantity(int(h.n), "event")
		t.tip.detail = spanText(h.from, h.to) + " · tap to zoom in"
	case hitHistogram:
		t.tip.title = "Too many events to draw one by one"
		t.tip.detail = "Bars count events per column · tap to zoom in"
	}
}

func (t *Timeline) addText(out *[]textPrim, s string, x, y, size float32, bold bool, col color.Color) {
	sz := t.text.size(s, size, bold)
	*out = append(*out, textPrim{pos: fyne.NewPos(x, y), size: sz, text: s, textSize: size, bold: bold, col: col})
}

// addCount writes a small number centred on a marker. Dots and clusters
// never touch, so neither do their numbers; the numbers of bars and bands,
// which may overlap anything, wait for flushCounts.
func (t *Timeline) addCount(n int, cx, cy float32, col color.Color, bold, wide bool) {
	f, st := &t.frame, &t.style
	s := t.text.count(n)
	sz := t.text.size(s, st.countSize, bold)
	p := textPrim{pos: fyne.NewPos(cx-sz.Width/2, cy-sz.Height/2), size: sz, text: s, textSize: st.countSize, bold: bold, col: col}
	if wide {
		f.pending = append(f.pending, p)
		return
	}
	f.counts = append(f.counts, p)
}

// flushCounts adds the numbers of the lane's bars and bands that do not run
// into a number already drawn, sweeping both from left to right.
func (t *Timeline) flushCounts(laneStart int) {
	f := &t.frame
	points := f.counts[laneStart:len(f.counts):len(f.counts)]
	slices.SortFunc(points, compareTextX)
	slices.SortFunc(f.pending, compareTextX)
	j, lastRight := 0, float32(math.Inf(-1))
	for _, p := range f.pending {
		left, right := p.pos.X-2, p.pos.X+p.size.Width+2
		if left < lastRight {
			continue
		}
		for j < len(points) && points[j].pos.X+points[j].size.Width < left {
			j++
		}
		if j < len(points) && points[j].pos.X < right {
			continue
		}
		f.counts = append(f.counts, p)
		lastRight = right
	}
	f.pending = f.pending[:0]
}

func (t *Timeline) addOutline(r rectPrim) {
	f := &t.frame
	f.outlines = append(f.outlines, rectPrim{pos: r.pos.SubtractXY(ringGap, ringGap), size: r.size.AddWidthHeight(2*ringGap, 2*ringGap),
		fill: color.Transparent, stroke: t.style.fg, strokeW: 2, radius: r.radius + ringGap})
}

func (t *Timeline) addRing(r rectPrim) {
	f := &t.frame
	f.rings = append(f.rings, circlePrim{pos: r.pos.SubtractXY(ringGap, ringGap), size: r.size.AddWidthHeight(2*ringGap, 2*ringGap),
		fill: color.Transparent, stroke: t.style.fg, strokeW: 2})
}

func (t *Timeline) addHit(r rectPrim, kind hitKind, event int32, prio uint8, from, to float64) *hitBox {
	f := &t.frame
	f.hits = append(f.hits, hitBox{x0: r.pos.X, y0: r.pos.Y, x1: r.pos.X + r.size.Width, y1: r.pos.Y + r.size.Height,
		kind: kind, event: event, prio: prio, from: from, to: to})
	return &f.hits[len(f.hits)-1]
}

func (t *Timeline) addCandidate(x float32, s string, event int32, dim bool) {
	t.addCandidateRight(x, x+dotSize, s, event, dim)
}

// addCandidateRight offers a label for a marker from x to right. The
// selected event's label is the longer one: it is always shown.
func (t *Timeline) addCandidateRight(x, right float32, s string, event int32, dim bool) {
	f := &t.frame
	if event >= 0 && int(event) == t.selected {
		s = t.events[event].fullLabel
	}
	c := labelCand{x: x, text: s, event: event, dim: dim}
	c.selected = event >= 0 && int(event) == t.selected
	if event >= 0 && !c.selected {
		c.w, c.h = t.text.labelWidth(&t.text.labelW, int(event), len(t.events), s, t.style.labelSize), t.text.height(t.style.labelSize)
	} else {
		sz := t.text.size(s, t.style.labelSize, c.selected)
		c.w, c.h = sz.Width, sz.Height
	}
	c.hit = t.highlight != nil && !dim
	c.right = min(right, t.frame.plotRight)
	f.cands = append(f.cands, c)
}

// refreshStyle looks the theme's colours and sizes up again, but only when
// the theme has changed, since boxing colours allocates.
func (t *Timeline) refreshStyle() {
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := fyne.CurrentApp().Settings().PrimaryColor()
	st := &t.style
	// A theme whose type cannot be compared is looked up every time.
	comparable := reflect.TypeOf(th).Comparable()
	if st.ready && comparable && st.theme == th && st.variant == v && st.primary == primary {
		return
	}
	fg := th.Color(theme.ColorNameForeground, v)
	*st = timelineStyle{
		ready: true, theme: th, variant: v, primary: primary,
		fg:        fg,
		fgDim:     alphaScaled(fg, 0x70),
		bg:        th.Color(theme.ColorNameBackground, v),
		sep:       th.Color(theme.ColorNameSeparator, v),
		grid:      alphaScaled(fg, 0x14),
		gridMajor: alphaScaled(fg, 0x30),
		stripe:    alphaScaled(fg, 0x0a),
		chip:      th.Color(theme.ColorNameSelection, v),
		focus:     th.Color(theme.ColorNameFocus, v),
		tipBg:     th.Color(theme.ColorNameOverlayBackground, v),
		coverage:  alphaScaled(th.Color(theme.ColorNamePrimary, v), 0xc0),
		labelSize: th.Size(theme.SizeNameCaptionText) + 1,
		countSize: max(th.Size(theme.SizeNameCaptionText)-2, 8),
		nameSize:  th.Size(theme.SizeNameText),
	}
	st.axisSize = st.labelSize
	t.text.reset()
}

func (t *Timeline) undatedDocsText() string {
	return t.text.undatedDocs(t.cov.undated)
}

// labelRects returns the boxes of the event labels and axis labels of the
// last layout. Tests use it to check that no two labels overlap.
func (t *Timeline) labelRects() (labels, axis []box) {
	for _, p := range t.frame.labels {
		labels = append(labels, box{p.pos.X, p.pos.Y, p.size.Width, p.size.Height})
	}
	for _, p := range t.frame.axis {
		axis = append(axis, box{p.pos.X, p.pos.Y, p.size.Width, p.size.Height})
	}
	return labels, axis
}

// markOf returns where the last layout drew an event's marker, or the
// cluster it was drawn in, for tests.
func (t *Timeline) markOf(id string) (box, hitKind, bool) {
	i, ok := t.byID[id]
	if !ok {
		return box{}, hitNone, false
	}
	it := &t.events[i]
	for _, h := range t.frame.hits {
		mine := int(h.event) == i && h.prio != prioLabel ||
			h.kind == hitCluster && h.lane == it.lane && h.from <= it.start && it.end <= h.to
		if mine {
			return box{h.x0, h.y0, h.x1 - h.x0, h.y1 - h.y0}, h.kind, true
		}
	}
	return box{}, hitNone, false
}

type markKind uint8

const (
	kindDot markKind = iota
	kindBar
	kindBand
	kindUndated
)

// eventItem is an event with its dates converted for drawing.
type eventItem struct {
	data.EventSummary
	start, end float64 // seconds since the Unix epoch, end exclusive
	kind       markKind
	// label is drawn beside the marker; fullLabel when it is selected.
	label, fullLabel string
	// Dots on the same day in a lane: their number and this one's place.
	dayCount, dayRank int32
	lane              int32
	hit               bool
}

func newEventItem(e data.EventSummary) eventItem {
	it := eventItem{EventSummary: e, label: clipRunes(e.Title, maxLabelRunes), fullLabel: clipRunes(e.Title, maxSelectedRunes)}
	if !e.Date.Known() || e.Date.Precision == data.Unknown {
		it.kind = kindUndated
		return it
	}
	it.start, it.end = dateSpan(e.Date)
	switch {
	case e.Date.Precision == data.Week || e.Date.Precision == data.Month || e.Date.Precision == data.Year:
		it.kind = kindBand
	case it.end-it.start > secondsPerDay:
		it.kind = kindBar
	default:
		it.kind = kindDot
	}
	return it
}

func compareItems(a, b *eventItem) int {
	if (a.kind == kindUndated) != (b.kind == kindUndated) {
		if a.kind == kindUndated {
			return 1
		}
		return -1
	}
	if a.start != b.start {
		return cmpFloat(a.start, b.start)
	}
	if a.end != b.end {
		return cmpFloat(a.end, b.end)
	}
	return strings.Compare(a.ID, b.ID)
}

func cmpFloat(a, b float64) int {
	if a < b {
		return -1
	}
	return 1
}

// dateSpan converts a known date range to seconds, end exclusive. A coarse
// date given as a single day stands for its whole week, month or year.
func dateSpan(r data.DateRange) (start, end float64) {
	s := r.Start.UTC()
	s = time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, time.UTC)
	e := r.End.UTC()
	e = time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)
	if !e.After(s) {
		switch r.Precision {
		case data.Week:
			e = s.AddDate(0, 0, 6)
		case data.Month:
			e = time.Date(s.Year(), s.Month()+1, 0, 0, 0, 0, 0, time.UTC)
		case data.Year:
			e = time.Date(s.Year(), 12, 31, 0, 0, 0, 0, time.UTC)
		default:
			e = s
		}
	}
	return unixSeconds(s), unixSeconds(e) + secondsPerDay
}

// lane is one horizontal band of events, indexed for finding what is in
// view by binary search.
type timelineLane struct {
	name  string
	color int
	// items are dated events (indexes into Timeline.events) in time order;
	// starts holds their starts and ends their ends sorted on their own,
	// so that #(start < to) - #(end <= from) counts the events in view.
	items   []int32
	starts  []float64
	ends    []float64
	classes [len(durationClasses)]durationClass
	// hitStarts and hitEnds do the same for search hits.
	hitStarts, hitEnds []float64
	undated            []int32
}

// durationClasses bound how long the events of each class last. Finding the
// events in view needs to look back from the view start by the longest
// duration; classes keep a few year-long events from making every search
// look back a year through the short ones.
var durationClasses = [...]float64{secondsPerDay, 8 * secondsPerDay, 32 * secondsPerDay, 367 * secondsPerDay, math.Inf(1)}

// durationClass holds the positions in lane.items of events of one class.
type durationClass struct {
	longest float64
	pos     []int32
	starts  []float64
}

func (ln *timelineLane) index(events []eventItem) {
	ln.starts = make([]float64, len(ln.items))
	ln.ends = make([]float64, len(ln.items))
	for p, ei := range ln.items {
		it := &events[ei]
		ln.starts[p], ln.ends[p] = it.start, it.end
		d := it.end - it.start
		k := 0
		for d > durationClasses[k] {
			k++
		}
		c := &ln.classes[k]
		c.pos = append(c.pos, int32(p))
		c.starts = append(c.starts, it.start)
		c.longest = math.Max(c.longest, d)
	}
	slices.Sort(ln.ends)
	ln.rankDays(events)
	ln.indexHits(events)
}

// rankDays numbers the dots that share a day, which sit next to each other
// because events are sorted by start and then end.
func (ln *timelineLane) rankDays(events []eventItem) {
	for p := 0; p < len(ln.items); {
		q := p
		for q < len(ln.items) && events[ln.items[q]].kind == kindDot && events[ln.items[q]].start == events[ln.items[p]].start {
			q++
		}
		if q == p {
			p++
			continue
		}
		for k := p; k < q; k++ {
			events[ln.items[k]].dayCount, events[ln.items[k]].dayRank = int32(q-p), int32(k-p)
		}
		p = q
	}
}

func (ln *timelineLane) indexHits(events []eventItem) {
	ln.hitStarts, ln.hitEnds = ln.hitStarts[:0], ln.hitEnds[:0]
	for _, ei := range ln.items {
		if it := &events[ei]; it.hit {
			ln.hitStarts = append(ln.hitStarts, it.start)
			ln.hitEnds = append(ln.hitEnds, it.end)
		}
	}
	slices.Sort(ln.hitEnds)
}

// visible appends the positions in ln.items of the events overlapping
// from..to, in time order.
func (ln *timelineLane) visible(events []eventItem, from, to float64, out []int32) []int32 {
	for k := range ln.classes {
		c := &ln.classes[k]
		lo := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > from-c.longest })
		hi := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] >= to })
		for i := lo; i < hi; i++ {
			if events[ln.items[c.pos[i]]].end > from {
				out = append(out, c.pos[i])
			}
		}
	}
	slices.Sort(out)
	return out
}

// countOverlapping counts the events that overlap from..to, given their
// starts and their ends, each sorted.
func countOverlapping(starts, ends []float64, from, to float64) int {
	before := sort.Search(len(ends), func(i int) bool { return ends[i] > from })
	return sort.SearchFloat64s(starts, to) - before
}

type groupLane struct {
	key, name string
	color     int
}

var groupLanes = []groupLane{
	{data.GroupMexico, "Mexico", 1},
	{data.GroupPeru, "Peru", 2},
	{data.GroupUnitedStates, "United States", 0},
	{data.GroupRegional, "Regional", 3},
	{data.GroupOther, "Other", 7},
}

func laneCategoryName(key string) string {
	if key == "" {
		return "Uncategorised"
	}
	s := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, key)
	r, n := utf8.DecodeRuneInString(s)
	return clipRunes(string(unicode.ToUpper(r))+s[n:], maxNameRunes)
}

// coverage holds the cumulative number of documents published up to each
// day, a document with a ranged date counting a share on each of its days.
type pubCoverage struct {
	first   float64 // start of day 0
	cum     []float64
	undated int
}

func newCoverage(docs []data.DocumentSummary) pubCoverage {
	var c pubCoverage
	type pubSpan struct{ from, to float64 }
	spans := make([]pubSpan, 0, len(docs))
	first, last := math.Inf(1), math.Inf(-1)
	for _, d := range docs {
		if !d.Published.Known() || d.Published.Precision == data.Unknown {
			c.undated++
			continue
		}
		s, e := dateSpan(d.Published)
		spans = append(spans, pubSpan{s, e})
		first, last = math.Min(first, s), math.Max(last, e)
	}
	if len(spans) == 0 {
		return c
	}
	days := int(math.Round((last - first) / secondsPerDay))
	perDay := make([]float64, days)
	for _, s := range spans {
		a := int(math.Round((s.from - first) / secondsPerDay))
		b := int(math.Round((s.to - first) / secondsPerDay))
		for d := a; d < b; d++ {
			perDay[d] += 1 / float64(b-a)
		}
	}
	c.first = first
	c.cum = make([]float64, days+1)
	for d, w := range perDay {
		c.cum[d+1] = c.cum[d] + w
	}
	return c
}

func (c *pubCoverage) days() int {
	return max(len(c.cum)-1, 0)
}

// at returns the documents published before t, interpolating within a day.
func (c *pubCoverage) at(t float64) float64 {
	n := c.days()
	if n == 0 {
		return 0
	}
	d := (t - c.first) / secondsPerDay
	switch {
	case d <= 0:
		return 0
	case d >= float64(n):
		return c.cum[n]
	}
	i := int(d)
	return c.cum[i] + (d-float64(i))*(c.cum[i+1]-c.cum[i])
}

// timeUnit is a step of the axis.
type timeUnit int

const (
	unitDay timeUnit = iota
	unitWeek
	unitMonth
	unitQuarter
	unitYear
	unit2Years
	unit5Years
	unitDecade
	numUnits
)

func (u timeUnit) years() int {
	return [...]int{unitYear: 1, unit2Years: 2, unit5Years: 5, unitDecade: 10}[u]
}

// minSeconds is the shortest a step can be, for ruling a unit out quickly.
func (u timeUnit) minSeconds() float64 {
	switch u {
	case unitDay:
		return secondsPerDay
	case unitWeek:
		return 7 * secondsPerDay
	case unitMonth:
		return 28 * secondsPerDay
	case unitQuarter:
		return 89 * secondsPerDay
	}
	return float64(u.years()) * 365 * secondsPerDay
}

// sample is a label no longer than any of the unit's labels.
func (u timeUnit) sample() string {
	switch u {
	case unitDay, unitWeek:
		return "1 Jan"
	case unitMonth:
		return "Jan"
	case unitQuarter:
		return "Q1"
	}
	return "2000"
}

func (u timeUnit) floor(t time.Time) time.Time {
	y, m, d := t.Date()
	switch u {
	case unitDay:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	case unitWeek:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return day.AddDate(0, 0, -(int(day.Weekday())+6)%7) // weeks start on Monday
	case unitMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case unitQuarter:
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	}
	n := u.years()
	y = int(math.Floor(float64(y)/float64(n))) * n
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
}

func (u timeUnit) next(t time.Time) time.Time {
	switch u {
	case unitDay:
		return t.AddDate(0, 0, 1)
	case unitWeek:
		return t.AddDate(0, 0, 7)
	case unitMonth:
		return t.AddDate(0, 1, 0)
	case unitQuarter:
		return t.AddDate(0, 3, 0)
	}
	return t.AddDate(u.years(), 0, 0)
}

// major reports whether a tick starts the next coarser period, whose
// gridline is drawn a little stronger.
func (u timeUnit) major(t time.Time) bool {
	switch u {
	case unitDay:
		return t.Day() == 1
	case unitWeek:
		return t.Day() <= 7
	case unitMonth, unitQuarter:
		return t.Month() == time.January
	}
	return true
}

var axisMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// format writes an axis label; withYear adds the year for context.
func (u timeUnit) format(t time.Time, withYear bool) string {
	var s string
	switch u {
	case unitDay, unitWeek:
		s = strconv.Itoa(t.Day()) + " " + axisMonths[t.Month()-1]
	case unitMonth:
		s = axisMonths[t.Month()-1]
	case unitQuarter:
		s = "Q" + strconv.Itoa(int(t.Month()-1)/3+1)
	default:
		return strconv.Itoa(t.Year())
	}
	if withYear {
		s += " " + strconv.Itoa(t.Year())
	}
	return s
}

type axisTick struct {
	x     float32
	major bool
}

// textCache keeps text measurements and formatted strings between layouts,
// because measuring and formatting allocate. It is dropped when the theme
// changes and when it grows past a bound.
type textCache struct {
	sizes   map[textKey]fyne.Size
	strs    map[strKey]string
	heights map[float32]float32
	// labelW and fullW hold the widths of each event's label and full
	// label by event index, sparing the hashing of thousands of titles per
	// frame; 0 means not measured yet.
	labelW, fullW []float32
}

type textKey struct {
	s    string
	size float32
	bold bool
}

type strKind uint8

const (
	strAxis strKind = iota
	strCount
	strEvents
	strHistogram
	strMore
	strUndatedDocs
)

type strKey struct {
	kind strKind
	unit timeUnit
	n, m int64
	flag bool
}

const textCacheLimit = 8192

func (c *textCache) reset() {
	c.sizes, c.strs, c.heights, c.labelW, c.fullW = nil, nil, nil, nil, nil
}

func (c *textCache) labelWidth(widths *[]float32, event, events int, s string, size float32) float32 {
	if len(*widths) != events {
		*widths = make([]float32, events)
	}
	w := *widths
	if w[event] == 0 {
		w[event] = fyne.MeasureText(s, size, fyne.TextStyle{}).Width
	}
	return w[event]
}

func (c *textCache) size(s string, size float32, bold bool) fyne.Size {
	k := textKey{s, size, bold}
	if sz, ok := c.sizes[k]; ok {
		return sz
	}
	if c.sizes == nil || len(c.sizes) > textCacheLimit {
		c.sizes = make(map[textKey]fyne.Size)
	}
	sz := fyne.MeasureText(s, size, fyne.TextStyle{Bold: bold})
	c.sizes[k] = sz
	return sz
}

func (c *textCache) height(size float32) float32 {
	if h, ok := c.heights[size]; ok {
		return h
	}
	if c.heights == nil {
		c.heights = make(map[float32]float32)
	}
	h := fyne.MeasureText("Ay", size, fyne.TextStyle{}).Height
	c.heights[size] = h
	return h
}

func (c *textCache) str(k strKey, format func() string) string {
	if s, ok := c.strs[k]; ok {
		return s
	}
	if c.strs == nil || len(c.strs) > textCacheLimit {
		c.strs = make(map[strKey]string)
	}
	s := format()
	c.strs[k] = s
	return s
}

func (c *textCache) axisLabel(u timeUnit, t time.Time, withYear bool) string {
	if u >= unitYear {
		withYear = false
	}
	return c.str(strKey{kind: strAxis, unit: u, n: t.Unix(), flag: withYear}, func() string { return u.format(t, withYear) })
}

func (c *textCache) count(n int) string {
	if n >= 0 && n < 100 {
		return smallNumbers[n]
	}
	return c.str(strKey{kind: strCount, n: int64(n)}, func() string {
		if n >= 1000 {
			return strconv.Itoa(n/1000) + "k"
		}
		return strconv.Itoa(n)
	})
}

func (c *textCache) eventsLabel(n int) string {
	return c.str(strKey{kind: strEvents, n: int64(n)}, func() string { return quantity(n, "event") })
}

// histogramLabel says how many events a histogram counts, and how many of
// them match the search when matching is not negative.
func (c *textCache) histogramLabel(n, matching int) string {
	return c.str(strKey{kind: strHistogram, n: int64(n), m: int64(matching)}, func() string {
		if matching >= 0 {
			return groupThousands(n) + " events in view, " + groupThousands(matching) + " matching, counted per column"
		}
		return groupThousands(n) + " events in view, counted per column"
	})
}

func (c *textCache) moreLabel(n int) string {
	return c.str(strKey{kind: strMore, n: int64(n)}, func() string { return "+" + strconv.Itoa(n) })
}

func (c *textCache) undatedDocs(n int) string {
	return c.str(strKey{kind: strUndatedDocs, n: int64(n)}, func() string { return "undated: " + strconv.Itoa(n) })
}

var smallNumbers = func() (s [100]string) {
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func quantity(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return groupThousands(n) + " " + noun + "s"
}

// shorten cuts s to at most n runes, ending it with an ellipsis if cut.
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for range n - 1 {
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	// Prefer ending on a whole word when one ends near the cut.
	if sp := strings.LastIndexByte(s[:cut], ' '); sp >= cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:'") + "…"
}

// eventDateText is the date as the detail pane gives it, so a tooltip and
// the pane never word the same date differently.
func eventDateText(it *eventItem) string {
	if it.kind == kindUndated {
		return "Undated"
	}
	return it.Date.String()
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

func dayText(s float64, withYear bool) string {
	return unitDay.format(timeAtSeconds(s), withYear)
}

func unixSeconds(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1000
}

func timeAtSeconds(s float64) time.Time {
	return time.UnixMilli(int64(math.Round(s * 1000))).UTC()
}

func clampSpan(s float64) float64 {
	return math.Min(math.Max(s, minSpan), maxSpan)
}

func pickColor(cond bool, a, b color.Color) color.Color {
	if cond {
		return a
	}
	return b
}

func alphaScaled(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

// laneStyle holds the pre-boxed colours of one lane colour, so that laying
// out assigns interfaces rather than boxing new ones.
type laneStyle struct {
	solid, dim, band, bandCore, bandDim, hist, histDim, on, onDim color.Color
}

func newLaneStyle(c color.NRGBA) laneStyle {
	on := color.Color(color.White)
	if 0.299*float64(c.R)+0.587*float64(c.G)+0.114*float64(c.B) > 150 {
		on = color.Black
	}
	return laneStyle{
		solid: c, dim: alphaScaled(c, 0x48),
		band: alphaScaled(c, 0x50), bandCore: alphaScaled(c, 0x50), bandDim: alphaScaled(c, 0x20),
		hist: alphaScaled(c, 0xb0), histDim: alphaScaled(c, 0x40),
		on: on, onDim: alphaScaled(on, 0x60),
	}
}

// laneColors are mid tones that read on light and dark backgrounds alike.
var laneColors = [...]laneStyle{
	newLaneStyle(color.NRGBA{R: 0x3d, G: 0x85, B: 0xc6, A: 0xff}), // blue
	newLaneStyle(color.NRGBA{R: 0x3b, G: 0xa5, B: 0x5c, A: 0xff}), // green
	newLaneStyle(color.NRGBA{R: 0xd9, G: 0x4f, B: 0x4f, A: 0xff}), // red
	newLaneStyle(color.NRGBA{R: 0x9a, G: 0x6c, B: 0xd0, A: 0xff}), // purple
	newLaneStyle(color.NRGBA{R: 0xe0, G: 0x8a, B: 0x2c, A: 0xff}), // orange
	newLaneStyle(color.NRGBA{R: 0x2a, G: 0xa1, B: 0x98, A: 0xff}), // teal
	newLaneStyle(color.NRGBA{R: 0xd0, G: 0x5c, B: 0x9e, A: 0xff}), // pink
	newLaneStyle(color.NRGBA{R: 0xa0, G: 0x7a, B: 0x5a, A: 0xff}), // brown
}

// style holds the theme's colours and sizes as the timeline uses them.
type timelineStyle struct {
	ready   bool
	theme   fyne.Theme
	variant fyne.ThemeVariant
	primary string

	fg, fgDim, bg, sep, grid, gridMajor, stripe, chip, focus, tipBg, coverage color.Color

	labelSize, axisSize, countSize, nameSize float32
}

type tooltipText struct {
	key           tipKey
	title, detail string
}

type tipKey struct {
	kind     hitKind
	event, n int32
	from, to float64
}

// frame is the last layout: every shape the renderer draws, grouped by the
// layer it is drawn in, and the hit boxes for taps and hovering. Its
// slices are truncated and refilled, never reallocated once warm.
type timelineFrame struct {
	size                             fyne.Size
	plotLeft, plotRight, undatedLeft float32
	axisH, covTop, lanesTop          float32
	from, to, pps                    float64

	bg, grid, bars, bands, ranges, clusters, chips, outlines, tipBox []rectPrim
	dots, rings                                                      []circlePrim
	counts, labels, axis, names, tipText                             []textPrim
	hits                                                             []hitBox
	lanes                                                            []laneFrame

	// Scratch space for laying out.
	vis     []int32
	cands   []labelCand
	placed  []placedLabel
	rows    [maxLabelRows][]rowSpan
	cols    []float64
	ticks   []axisTick
	try     []textPrim
	pending []textPrim
}

func (f *timelineFrame) reset(size fyne.Size) {
	f.size = size
	f.bg, f.grid, f.bars, f.bands, f.ranges = f.bg[:0], f.grid[:0], f.bars[:0], f.bands[:0], f.ranges[:0]
	f.clusters, f.chips, f.outlines, f.tipBox = f.clusters[:0], f.chips[:0], f.outlines[:0], f.tipBox[:0]
	f.dots, f.rings = f.dots[:0], f.rings[:0]
	f.counts, f.labels, f.axis, f.names, f.tipText = f.counts[:0], f.labels[:0], f.axis[:0], f.names[:0], f.tipText[:0]
	f.hits, f.lanes = f.hits[:0], f.lanes[:0]
	f.plotLeft, f.plotRight = 0, 0
}

// x converts a time to a pixel column, clamped far enough outside the plot
// that nothing drawn there could show.
func (f *timelineFrame) x(s float64) float32 {
	x := float64(f.plotLeft) + (s-f.from)*f.pps
	return float32(math.Min(math.Max(x, float64(f.plotLeft)-1e5), float64(f.plotRight)+1e5))
}

// fits reports whether a label from x, w wide, fits in a row without
// coming within labelGap of another, ignoring the span numbered skip.
func (f *timelineFrame) fits(row int, x, w float32, skip int) bool {
	if x < f.plotLeft || x+w > f.plotRight {
		return false
	}
	for i, s := range f.rows[row] {
		if i != skip && x < s.right+labelGap && s.left < x+w+labelGap {
			return false
		}
	}
	return true
}

// hitAt finds what is under p, preferring what is drawn on top.
func (f *timelineFrame) hitAt(p fyne.Position) (hitBox, bool) {
	best, found := hitBox{}, false
	for _, h := range f.hits {
		if p.X >= h.x0-2 && p.X <= h.x1+2 && p.Y >= h.y0-2 && p.Y <= h.y1+2 && (!found || h.prio >= best.prio) {
			best, found = h, true
		}
	}
	return best, found
}

type laneFrame struct {
	top, h, markY, labelTop, rowH float32
	rows                          int
	inView                        int
	histogram                     bool
}

type markGeom struct {
	event      int32
	kind       markKind
	x0, x1, cx float32
	point      bool
}

// cluster gathers point-like markers closer than a marker's width.
type markCluster struct {
	n          int
	first      markGeom
	minX, maxX float32
	from, to   float64
	anyHit     bool
	selected   bool
}

func (c *markCluster) start(m markGeom, it *eventItem, t *Timeline) {
	*c = markCluster{first: m, minX: m.cx, maxX: m.cx, from: it.start, to: it.end}
	c.note(m, it, t)
}

func (c *markCluster) add(m markGeom, it *eventItem, t *Timeline) {
	c.minX, c.maxX = min(c.minX, m.cx), max(c.maxX, m.cx)
	c.from, c.to = math.Min(c.from, it.start), math.Max(c.to, it.end)
	c.note(m, it, t)
}

func (c *markCluster) note(m markGeom, it *eventItem, t *Timeline) {
	c.n++
	c.anyHit = c.anyHit || it.hit
	c.selected = c.selected || int(m.event) == t.selected
}

type labelCand struct {
	x, right, w, h     float32
	text               string
	event              int32
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

func compareTextX(a, b textPrim) int {
	switch {
	case a.pos.X < b.pos.X:
		return -1
	case a.pos.X > b.pos.X:
		return 1
	}
	return 0
}

func compareCandidates(a, b labelCand) int {
	switch {
	case a.x < b.x:
		return -1
	case a.x > b.x:
		return 1
	}
	return 0
}

type rowSpan struct{ left, right float32 }

// placedLabel is a candidate given a place: its row, its span in the row
// and whether it ends where its marker ends rather than starting there.
type placedLabel struct {
	cand, row, span int
	x               float32
	endAligned      bool
}

type box struct{ x, y, w, h float32 }

func (r box) overlaps(o box) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

type hitKind uint8

const (
	hitNone hitKind = iota
	hitEvent
	hitCluster
	hitHistogram
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

type hitBox struct {
	x0, y0, x1, y1 float32
	kind           hitKind
	prio           uint8
	event          int32
	n, lane        int32   // events in a cluster, and its lane
	from, to       float64 // the span a cluster covers
}

type rectPrim struct {
	pos             fyne.Position
	size            fyne.Size
	fill, stroke    color.Color
	strokeW, radius float32
}

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

// timelineRenderer turns the widget's frame into pooled canvas objects.
type timelineRenderer struct {
	t *Timeline

	bg, grid, bars, bands, ranges, clusters, chips, outlines, tipBox objectPool[*canvas.Rectangle, rectPrim]
	dots, rings                                                      objectPool[*canvas.Circle, circlePrim]
	counts, labels, axis, names, tipText                             objectPool[*canvas.Text, textPrim]

	objects []fyne.CanvasObject
}

func (r *timelineRenderer) Destroy() {}

// Layout lays the timeline out for size and moves the pooled objects into
// place, creating objects only when a layer needs more than ever before.
func (r *timelineRenderer) Layout(size fyne.Size) {
	r.t.build(size)
	if size.Width < 1 || size.Height < 1 {
		return
	}
	f := &r.t.frame
	grew := r.bg.sync(f.bg, applyRect)
	grew = r.grid.sync(f.grid, applyRect) || grew
	grew = r.bars.sync(f.bars, applyRect) || grew
	grew = r.bands.sync(f.bands, applyRect) || grew
	grew = r.ranges.sync(f.ranges, applyRect) || grew
	grew = r.clusters.sync(f.clusters, applyRect) || grew
	grew = r.dots.sync(f.dots, applyCircle) || grew
	grew = r.counts.sync(f.counts, applyText) || grew
	grew = r.chips.sync(f.chips, applyRect) || grew
	grew = r.labels.sync(f.labels, applyText) || grew
	grew = r.axis.sync(f.axis, applyText) || grew
	grew = r.names.sync(f.names, applyText) || grew
	grew = r.outlines.sync(f.outlines, applyRect) || grew
	grew = r.rings.sync(f.rings, applyCircle) || grew
	grew = r.tipBox.sync(f.tipBox, applyRect) || grew
	grew = r.tipText.sync(f.tipText, applyText) || grew
	if grew {
		r.collect()
	}
}

// MinSize does not depend on the events: the timeline summarises more
// events rather than growing.
func (r *timelineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(360, 200)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

func (r *timelineRenderer) Refresh() {
	r.t.refreshStyle()
	r.Layout(r.t.Size())
}

// collect lists the pooled objects bottom layer first.
func (r *timelineRenderer) collect() {
	r.objects = r.objects[:0]
	r.objects = r.bg.appendTo(r.objects)
	r.objects = r.grid.appendTo(r.objects)
	r.objects = r.bars.appendTo(r.objects)
	r.objects = r.bands.appendTo(r.objects)
	r.objects = r.ranges.appendTo(r.objects)
	r.objects = r.clusters.appendTo(r.objects)
	r.objects = r.dots.appendTo(r.objects)
	r.objects = r.counts.appendTo(r.objects)
	r.objects = r.chips.appendTo(r.objects)
	r.objects = r.labels.appendTo(r.objects)
	r.objects = r.axis.appendTo(r.objects)
	r.objects = r.names.appendTo(r.objects)
	r.objects = r.outlines.appendTo(r.objects)
	r.objects = r.rings.appendTo(r.objects)
	r.objects = r.tipBox.appendTo(r.objects)
	r.objects = r.tipText.appendTo(r.objects)
}

// pool keeps the canvas objects of one layer; objects past those in use are
// hidden rather than freed.
type objectPool[O fyne.CanvasObject, P any] struct {
	objs  []O
	shown int
}

func (p *objectPool[O, P]) sync(prims []P, apply func(*O, *P)) (grew bool) {
	for len(p.objs) < len(prims) {
		var o O
		p.objs = append(p.objs, o)
		grew = true
	}
	for i := range prims {
		apply(&p.objs[i], &prims[i])
	}
	for i := len(prims); i < p.shown; i++ {
		p.objs[i].Hide()
	}
	p.shown = len(prims)
	return grew
}

func (p *objectPool[O, P]) appendTo(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.objs {
		objs = append(objs, o)
	}
	return objs
}

func applyRect(o **canvas.Rectangle, p *rectPrim) {
	if *o == nil {
		*o = &canvas.Rectangle{}
	}
	r := *o
	placeObject(r, p.pos, p.size)
	if r.Hidden || r.FillColor != p.fill || r.StrokeColor != p.stroke || r.StrokeWidth != p.strokeW || r.CornerRadius != p.radius {
		r.Hidden = false
		r.FillColor, r.StrokeColor, r.StrokeWidth, r.CornerRadius = p.fill, p.stroke, p.strokeW, p.radius
		r.Refresh()
	}
}

func applyCircle(o **canvas.Circle, p *circlePrim) {
	if *o == nil {
		*o = &canvas.Circle{}
	}
	c := *o
	placeObject(c, p.pos, p.size)
	if c.Hidden || c.FillColor != p.fill || c.StrokeColor != p.stroke || c.StrokeWidth != p.strokeW {
		c.Hidden = false
		c.FillColor, c.StrokeColor, c.StrokeWidth = p.fill, p.stroke, p.strokeW
		c.Refresh()
	}
}

func applyText(o **canvas.Text, p *textPrim) {
	if *o == nil {
		*o = &canvas.Text{}
	}
	t := *o
	placeObject(t, p.pos, p.size)
	style := fyne.TextStyle{Bold: p.bold}
	if t.Hidden || t.Text != p.text || t.Color != p.col || t.TextSize != p.textSize || t.TextStyle != style {
		t.Hidden = false
		t.Text, t.Color, t.TextSize, t.TextStyle = p.text, p.col, p.textSize, style
		t.Refresh()
	}
}

func placeObject(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	if o.Size() != size {
		o.Resize(size)
	}
	if o.Position() != pos {
		o.Move(pos)
	}
}
