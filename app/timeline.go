package app

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// The timeline widget is spread over these files, each named for what it
// does:
//
//	timeline.go         the widget: its state, constructor and exported methods
//	timeline_model.go   events, lanes and coverage, without Fyne
//	timeline_input.go   wheel, drag, taps, hovering and keys
//	timeline_render.go  the renderer and its pools of canvas objects
//	timeline_hist.go    the lanes' histograms, painted in tiles
//	timeline_cards.go   cluster cards, chips and dots, rasterised once into kept images
//	timeline_layout.go  the layout and the frame it fills: geometry, lanes, coverage strip
//	timeline_axis.go    time units, ticks and axis labels
//	timeline_marks.go   dots, bars, bands, clusters, histograms, the Undated column
//	timeline_spans.go   a span's bar: solid where it surely lasted, fading over uncertain ends
//	timeline_legend.go  the legend of dots, bands and bars under the lanes
//	timeline_status.go  the badges of reviewed events' statuses
//	timeline_labels.go  placing event labels in rows under the markers
//	timeline_hit.go     hit boxes, finding what is under the pointer, the tooltip
//	timeline_text.go    the cache of measured and formatted text
//	timeline_style.go   sizes, theme colours and lane colours
//
// Their tests follow the same names; timeline_model_test.go drives the
// model without Fyne, and the hooks tests need are in
// export_timeline_test.go.
//
// One frame is drawn like this. A change of state calls Refresh, which
// calls timelineRenderer.Refresh; it refreshes the style from the theme
// and calls timelineRenderer.Layout. Layout calls timelineLayout.build,
// which reads the widget and fills the frame in order: geometry
// (gutter, plot, lanes), background, axis, coverage strip, then per lane
// the marks or a histogram, their counts, their labels and the Undated
// column, then the grid lines and the legend, and last the tooltip and
// focus outline. Layout then syncs each
// layer of the frame into its pool of canvas objects, bottom layer first.
// Input handlers read the last frame back through Timeline.lastLayout to
// turn a pointer position into an event or a time.

const (
	// minSpan bounds the view: dates are whole days, so a narrower view
	// shows nothing new.
	minSpan = secondsPerDay
	// zoomOutSpan is how far the view zooms out when the corpus is
	// shorter: a generation around it, for context. A longer corpus may be
	// zoomed out as far as Fit all shows it (Timeline.maxSpan).
	zoomOutSpan = 30 * 365.25 * secondsPerDay
	// fitMargin widens the corpus's extent when it is fitted in view.
	fitMargin = 1.06
	// earliestView and latestView keep the view within years where time
	// arithmetic and float32 pixel maths stay exact enough.
	earliestView = -30610224000.0 // 1000-01-01
	latestView   = 32503680000.0  // 3000-01-01
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
// An event is drawn as what its dating says it is (issue 8): a moment
// known to the day is a dot; a moment on one of several days, such as a
// week, a month or "between 7 and 21 December", is an even translucent
// band across them; a span that lasted is a bar from its start to its end,
// fading over the days an uncertain end may be and past an open end.
// Events whose date is not known are drawn in an "Undated" column at the
// right, never at a made-up date.
type Timeline struct {
	widget.BaseWidget

	// OnSelected is called when the user selects an event by tapping or
	// with the keyboard, with "" when the selection is cleared. Select does
	// not call it, so a caller can mirror a selection made elsewhere.
	OnSelected func(id string) `json:"-"`
	// OnViewChanged is called whenever the visible window changes.
	OnViewChanged func(from, to time.Time) `json:"-"`

	timelineModel // events, lanes, coverage, lane mode and highlight

	from, to float64 // the view, in seconds since the Unix epoch
	viewSet  bool

	selected int // index into events, or -1

	hovering bool
	hoverPos fyne.Position
	focused  bool
	// watchingWindow is set once the window says when the pointer leaves.
	watchingWindow bool

	// lastLayout reports where the last layout put the plot and what it
	// made tappable. The renderer sets it, as Fyne's listLayout sets
	// List.offsetUpdated: it is the one way the widget reads what the
	// renderer computed, and nil until there is a renderer.
	lastLayout func() hitIndex
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
	r := &timelineRenderer{t: t, layout: timelineLayout{t: t}}
	r.clusters.overlap = rectsOverlap
	r.collect()
	r.layout.refreshStyle()
	t.lastLayout = r.layout.index
	return r
}

// SetEvents replaces the events drawn. It keeps the view, except that the
// first events given are fitted into it, and keeps the selection if the
// selected event is still there.
func (t *Timeline) SetEvents(evs []data.EventSummary) {
	t.setTable(newEventTable(evs))
}

// setTable is SetEvents with the events in a table, which the timeline
// keeps and which must not change after.
func (t *Timeline) setTable(tab *eventTable) {
	selected := t.Selected()
	t.timelineModel.setTable(tab)
	t.selected = -1
	if i, ok := t.byID.find(selected); ok && selected != "" {
		t.selected = i
	}
	if !t.viewSet {
		t.fitAll()
	}
	t.Refresh()
}

// SetCoverage sets the source documents whose publication dates the
// coverage strip shows.
func (t *Timeline) SetCoverage(docs []data.DocumentSummary) {
	t.setCoverage(docs)
	if !t.viewSet {
		t.fitAll()
	}
	t.Refresh()
}

// SetLaneMode chooses whether lanes are actor groups or event categories.
func (t *Timeline) SetLaneMode(m LaneMode) {
	if t.setLaneMode(m) {
		t.Refresh()
	}
}

// SetHighlight marks the events whose IDs are in ids as search hits: they
// are drawn normally and every other event is dimmed. A nil map means no
// search is active and nothing is dimmed.
func (t *Timeline) SetHighlight(ids map[string]bool) {
	t.SetHits(litIDs(ids))
}

// SetHits is SetHighlight with the IDs listed, as a search gives them: a
// nil slice means no search is active, an empty one a search that matches
// nothing. The timeline keeps ids, which must not change after.
func (t *Timeline) SetHits(ids []string) {
	t.setHits(ids)
	t.Refresh()
}

// showHits is SetHits with the hits found already, as a search's goroutine
// finds them (timeline_hits.go). Call it on the UI thread.
func (t *Timeline) showHits(h *timelineHits) {
	t.applyHits(h)
	t.Refresh()
}

// Select selects the event with the given ID, scrolling the view to it if
// it is outside; "" or an unknown ID clears the selection.
func (t *Timeline) Select(id string) {
	i, ok := t.byID.find(id)
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
	return t.id(int32(t.selected))
}

// SetView shows the time from from to to. Spans shorter than a day or
// longer than the zoom-out limit (30 years, or all the corpus when it
// spans more) are widened or narrowed about their middle.
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
	span := t.clampSpan((t.to - t.from) / factor)
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
		i = t.firstEndingAfter(t.from)
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
		i = t.lastStartingBefore(t.to)
	}
	if i >= 0 {
		t.selectIndex(i, true)
	}
}

// litIDs lists the IDs ids maps to true; nil for nil.
func litIDs(ids map[string]bool) []string {
	if ids == nil {
		return nil
	}
	lit := make([]string, 0, len(ids))
	for id, on := range ids {
		if on {
			lit = append(lit, id)
		}
	}
	return lit
}

func (t *Timeline) setView(from, to float64) {
	if math.IsNaN(from) || math.IsNaN(to) {
		return
	}
	if to < from {
		from, to = to, from
	}
	if span := t.clampSpan(to - from); span != to-from {
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
	span := t.clampSpan((t.extentTo - t.extentFrom) * fitMargin)
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
	span = t.clampSpan(span)
	mid := from/2 + to/2
	t.setView(mid-span/2, mid+span/2)
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

func (t *Timeline) clampSpan(s float64) float64 {
	return math.Min(math.Max(s, minSpan), t.maxSpan())
}

// maxSpan is the zoom-out limit: a generation, or the corpus with its
// margin when that is longer, so that Fit all always shows every dated
// event; never more than the years the view may show.
func (t *Timeline) maxSpan() float64 {
	span := zoomOutSpan
	if t.hasExtent {
		span = math.Max(span, (t.extentTo-t.extentFrom)*fitMargin)
	}
	return math.Min(span, latestView-earliestView)
}
