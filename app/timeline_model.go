package app

// This file holds what the timeline shows, apart from how: events, lanes
// and the documents' coverage, in seconds rather than pixels. It must not
// import Fyne, so that the model is tested on its own.

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
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

	maxLabelRunes    = 34 // a label beside a marker
	maxSelectedRunes = 64 // the selected event's label
	maxNameRunes     = 18 // a lane's name
)

// timelineModel is what the timeline shows: its events sorted for drawing,
// their lanes, the documents' coverage and which events match a search.
type timelineModel struct {
	events   []eventItem // dated ones by start, then undated ones by ID
	tab      *eventTable // what events' rows index
	byID     *idIndex
	lanes    []timelineLane
	laneMode LaneMode
	cov      pubCoverage
	// lit holds the IDs of the events matching a search, or is nil when
	// no search is active; hits holds their indexes in events.
	lit  []string
	hits []int32
	// found is the timelineHits that lit and hits come from, which the
	// next search's start from.
	found *timelineHits
	// named is what finding hits remembers of the IDs searches name the
	// events by (timeline_hits.go).
	named *searchNames
	// extent spans every dated event and document, for FitAll, Home and End.
	extentFrom, extentTo float64
	hasExtent            bool
	// longest is how long the longest dated event lasts, in seconds.
	longest float64
	// reviewed counts the events with a status: with none, as before any
	// review, clusters and histograms do not count them.
	reviewed int
	// generation counts the sets of events given, so that what is cached
	// by event index knows when to be dropped.
	generation int
	// labels and fullLabels hold the clipped titles (label, fullLabel)
	// of the events laid out since the events were given, by index: a
	// view shows few of them, and all held would be 9 MB at 100,000 events.
	labels, fullLabels map[int32]string
}

// setTable replaces the events with those of tab, which must not change
// after, sorting them and building their lanes.
func (m *timelineModel) setTable(tab *eventTable) {
	n := tab.Len()
	unsorted := make([]eventItem, n)
	order := make([]int32, n)
	for i := range n {
		e := tab.At(i)
		unsorted[i], order[i] = newEventItem(&e), int32(i)
		unsorted[i].row = int32(i)
	}
	// Sorting indexes moves 4 bytes per swap rather than a whole event.
	// Events come from the store in order, and a filter keeps the order:
	// checking costs a comparison an event, sorting many.
	byItem := func(a, b int32) int { return compareItems(tab, &unsorted[a], &unsorted[b]) }
	if !slices.IsSortedFunc(order, byItem) {
		slices.SortStableFunc(order, byItem)
	}
	items := make([]eventItem, n)
	for i, k := range order {
		items[i] = unsorted[k]
	}

	// The hits are marked on the events replaced: none is marked here yet.
	m.tab = tab
	m.events, m.hits = items, nil
	m.named = &searchNames{}
	m.generation++
	m.labels, m.fullLabels = nil, nil
	m.byID = newIDIndex(tab.text.String(), len(items), func(i int) (uint32, uint32) { return tab.idSpan(int(items[i].row)) })
	m.reviewed = 0
	for i := range items {
		if items[i].reviewed {
			m.reviewed++
		}
	}
	m.buildLanes()
	m.updateExtent()
}

// id is event i's ID.
func (m *timelineModel) id(i int32) string { return m.tab.ID(int(m.events[i].row)) }

// title is event i's title.
func (m *timelineModel) title(i int32) string { return m.tab.Title(int(m.events[i].row)) }

// status is event i's status.
func (m *timelineModel) status(i int32) data.Status { return m.tab.Status(int(m.events[i].row)) }

// sources is event i's count of sources.
func (m *timelineModel) sources(i int32) int { return m.tab.Sources(int(m.events[i].row)) }

// summary is event i whole.
func (m *timelineModel) summary(i int32) data.EventSummary { return m.tab.At(int(m.events[i].row)) }

// label is the label drawn beside event i's marker: its title, clipped.
func (m *timelineModel) label(i int32) string {
	return m.clippedTitle(&m.labels, i, maxLabelRunes)
}

// fullLabel is the longer label the selected event i has.
func (m *timelineModel) fullLabel(i int32) string {
	return m.clippedTitle(&m.fullLabels, i, maxSelectedRunes)
}

// maxHeldLabels bounds each of the model's maps of labels: beyond it, one
// is started anew.
const maxHeldLabels = 1 << 13

// clippedTitle is event i's title clipped to n runes, from held or made
// and put there.
func (m *timelineModel) clippedTitle(held *map[int32]string, i int32, n int) string {
	title := m.title(i)
	if len(title) <= n { // fewer bytes than n, so fewer runes
		return title
	}
	if s, ok := (*held)[i]; ok {
		return s
	}
	if len(*held) >= maxHeldLabels || *held == nil {
		*held = make(map[int32]string)
	}
	s := textfmt.Clip(title, n)
	(*held)[i] = s
	return s
}

// setCoverage replaces the documents whose publication dates are counted.
func (m *timelineModel) setCoverage(docs []data.DocumentSummary) {
	m.cov = newCoverage(docs)
	m.updateExtent()
}

// setLaneMode rebuilds the lanes for mode, reporting whether it changed.
func (m *timelineModel) setLaneMode(mode LaneMode) bool {
	if mode == m.laneMode {
		return false
	}
	m.laneMode = mode
	m.buildLanes()
	return true
}

// setHits marks the events whose IDs are in ids as search hits; nil means
// no search is active (timeline_hits.go).
func (m *timelineModel) setHits(ids []string) {
	m.applyHits(m.hitBasis().hits(ids))
}

// dimmed reports whether event i is drawn faintly because a search is
// active and it does not match.
func (m *timelineModel) dimmed(i int32) bool {
	return m.lit != nil && !m.events[i].hit
}

// datedCount is the number of events with a date, which come first.
func (m *timelineModel) datedCount() int {
	return sort.Search(len(m.events), func(i int) bool { return m.events[i].kind == kindUndated })
}

func (m *timelineModel) hasUndated() bool {
	return len(m.events) > 0 && m.events[len(m.events)-1].kind == kindUndated
}

// firstEndingAfter returns the index of the first dated event, in the
// events' order, that ends after s, or the number of dated events if none
// does. Events are sorted by start, not end: a long event that starts well
// before s may still end after it, so the search starts as far back as the
// longest event lasts.
func (m *timelineModel) firstEndingAfter(s float64) int {
	n := m.datedCount()
	for k := sort.Search(n, func(k int) bool { return m.events[k].start > s-m.longest }); k < n; k++ {
		if m.events[k].end > s {
			return k
		}
	}
	return n
}

// lastStartingBefore returns the index of the last dated event that starts
// before s, or -1 if none does.
func (m *timelineModel) lastStartingBefore(s float64) int {
	return sort.Search(m.datedCount(), func(k int) bool { return m.events[k].start >= s }) - 1
}

func (m *timelineModel) updateExtent() {
	from, to := math.Inf(1), math.Inf(-1)
	m.longest = 0
	for i := range m.events {
		if it := &m.events[i]; it.kind != kindUndated {
			from, to = math.Min(from, it.start), math.Max(to, it.end)
			m.longest = math.Max(m.longest, it.end-it.start)
		}
	}
	if m.cov.days() > 0 {
		from = math.Min(from, m.cov.first)
		to = math.Max(to, m.cov.first+float64(m.cov.days())*secondsPerDay)
	}
	m.hasExtent = from < to
	m.extentFrom, m.extentTo = from, to
}

// buildLanes sorts the events into lanes and indexes each lane for the
// binary searches that find what is in view. Lanes without events are left
// out.
func (m *timelineModel) buildLanes() {
	keys, names, colors := m.laneKeys()
	lanes := make([]timelineLane, len(keys))
	index := make(map[string]int, len(keys))
	for i, k := range keys {
		index[k] = i
		lanes[i].name, lanes[i].color = names[i], colors[i]
	}
	for i := range m.events {
		ln := &lanes[index[m.laneKey(&m.events[i])]]
		if m.events[i].kind == kindUndated {
			ln.undated = append(ln.undated, int32(i))
		} else {
			ln.items = append(ln.items, int32(i))
		}
	}
	// Each lane indexes its own events, side by side: 30 ms on one core
	// at 100,000 events.
	var wg sync.WaitGroup
	for i := range lanes {
		if len(lanes[i].items)+len(lanes[i].undated) > 0 {
			wg.Go(func() { lanes[i].index(m.events) })
		}
	}
	wg.Wait()
	m.lanes = lanes[:0]
	for i := range lanes {
		if len(lanes[i].items)+len(lanes[i].undated) > 0 {
			m.lanes = append(m.lanes, lanes[i])
		}
	}
	for li := range m.lanes {
		for _, ei := range m.lanes[li].items {
			m.events[ei].lane = int32(li)
		}
		for _, ei := range m.lanes[li].undated {
			m.events[ei].lane = int32(li)
		}
	}
	m.setHits(m.lit)
}

// laneKeys lists the possible lanes in display order: the groups in a fixed
// order, or the categories alphabetically.
func (m *timelineModel) laneKeys() (keys, names []string, colors []int) {
	if m.laneMode == LanesByGroup {
		for _, g := range groupLanes {
			keys, names, colors = append(keys, g.key), append(names, g.name()), append(colors, g.color)
		}
		return keys, names, colors
	}
	seen := map[string]bool{}
	for i := range m.events {
		if k := m.laneKey(&m.events[i]); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for i, k := range keys {
		names = append(names, laneCategoryName(k))
		colors = append(colors, i%len(lanePalette))
	}
	return keys, names, colors
}

// laneKey names the lane an event belongs in: its category, trimmed and in
// lower case, or its group, with unknown groups counted as Other.
func (m *timelineModel) laneKey(it *eventItem) string {
	if m.laneMode == LanesByCategory {
		return strings.ToLower(strings.TrimSpace(m.tab.Category(int(it.row))))
	}
	group := m.tab.Group(int(it.row))
	for _, g := range groupLanes {
		if group == g.key {
			return g.key
		}
	}
	return data.GroupOther
}

type groupLane struct {
	key   string
	color int // index into lanePalette
}

var groupLanes = []groupLane{
	{data.GroupMexico, 1},
	{data.GroupPeru, 2},
	{data.GroupUnitedStates, 0},
	{data.GroupRegional, 3},
	{data.GroupOther, 7},
}

// laneCategoryName turns a category key such as "human-rights" into a lane
// name such as "Human rights".
func laneCategoryName(key string) string {
	if key == "" {
		return uncategorised()
	}
	s := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, key)
	r, n := utf8.DecodeRuneInString(s)
	return textfmt.Clip(string(unicode.ToUpper(r))+s[n:], maxNameRunes)
}

// reviewed reports whether a researcher has given the event a status.
func reviewed(e *data.EventSummary) bool {
	return e.Status != "" && e.Status != data.Unreviewed
}

type markKind uint8

const (
	kindDot     markKind = iota // a moment known to the day
	kindBar                     // a span, from its start to its end
	kindBand                    // a moment on one of a range of days
	kindUndated                 // no date at all
)

// eventItem is an event with its dates converted for drawing. Its other
// fields are in the model's table, at row: at 100,000 events a copy of the
// events is 37 MB.
type eventItem struct {
	// start and end are the envelope of its dating, in seconds since the
	// Unix epoch, end exclusive: every day it may have happened on.
	start, end float64
	// sureFrom and sureTo are the days a span surely lasted, from the
	// last day it may have begun to the earliest it may have ended; the
	// days from start and to end are those its uncertain ends may be.
	sureFrom, sureTo float64
	// openStart and openEnd mark a span's end that no source gives.
	openStart, openEnd bool
	kind               markKind
	// Dots on the same day in a lane: their number and this one's place.
	dayCount, dayRank int32
	lane              int32
	row               int32
	hit               bool
	// reviewed is whether a researcher has given it a status.
	reviewed bool
}

func newEventItem(e *data.EventSummary) eventItem {
	it := eventItem{reviewed: reviewed(e)}
	if !e.Date.Known() || e.Date.Precision == data.Unknown {
		it.kind = kindUndated
		return it
	}
	it.start, it.end = dateSpan(e.Date)
	switch {
	case e.Shape == data.Span:
		it.kind = kindBar
		it.spanEnds(e)
	case it.end-it.start > secondsPerDay:
		// A moment, or a date given before shapes were (Shape ""), which
		// reads as one: it happened on one of its days.
		it.kind = kindBand
	default:
		it.kind = kindDot
	}
	return it
}

// spanEnds works out which of a span's days it surely lasted and which of
// its ends are open. A span without From and To days lasted all of Date.
func (it *eventItem) spanEnds(e *data.EventSummary) {
	it.sureFrom, it.sureTo = it.start, it.end
	it.openStart, it.openEnd = e.From.Precision == data.OpenEnd, e.To.Precision == data.OpenEnd
	if _, last, ok := whenSpan(e.From); ok {
		it.sureFrom = math.Min(math.Max(last-secondsPerDay, it.start), it.end)
	}
	if first, _, ok := whenSpan(e.To); ok {
		it.sureTo = math.Max(math.Min(first+secondsPerDay, it.end), it.start)
	}
	if it.sureFrom > it.sureTo {
		// The ends' days overlap: no day is sure, and the two fades meet.
		mid := (it.sureFrom + it.sureTo) / 2
		it.sureFrom, it.sureTo = mid, mid
	}
}

// whenSpan converts the days of w to seconds, end exclusive; false for an
// open end or a When without days.
func whenSpan(w data.When) (start, end float64, ok bool) {
	if w.Precision == data.OpenEnd || w.Earliest.IsZero() {
		return 0, 0, false
	}
	last := w.Latest
	if last.IsZero() {
		last = w.Earliest
	}
	start, end = dateSpan(data.DateRange{Start: w.Earliest, End: last, Precision: w.Precision})
	return start, end, true
}

// uncertain reports whether a span's end drawn at the left (start) or the
// right is not known to the day, so that the bar fades there.
func (it *eventItem) uncertain(left bool) bool {
	if left {
		return it.openStart || it.sureFrom > it.start
	}
	return it.openEnd || it.sureTo < it.end
}

// compareItems orders events for drawing and for Previous and Next: dated
// ones in data.CompareEvents' order, which is by start and then in the
// order the sources narrate a day, then undated ones by ID.
func compareItems(tab *eventTable, a, b *eventItem) int {
	if (a.kind == kindUndated) != (b.kind == kindUndated) {
		if a.kind == kindUndated {
			return 1
		}
		return -1
	}
	if a.kind == kindUndated {
		return strings.Compare(tab.ID(int(a.row)), tab.ID(int(b.row)))
	}
	return tab.Compare(int(a.row), int(b.row))
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

func unixSeconds(t time.Time) float64 {
	return float64(t.UnixMilli()) / 1000
}

func timeAtSeconds(s float64) time.Time {
	return time.UnixMilli(int64(math.Round(s * 1000))).UTC()
}

// timelineLane is one horizontal band of events, indexed for finding what
// is in view by binary search.
type timelineLane struct {
	name  string
	color int // index into lanePalette
	// items are dated events (indexes into timelineModel.events) in time
	// order; starts holds their starts and ends their ends sorted on their
	// own, so that #(start < to) - #(end <= from) counts the events in view.
	items   []int32
	starts  []float64
	ends    []float64
	classes [len(durationClasses)]durationClass
	// hitStarts and hitEnds do the same for search hits, and hitItems
	// lists them (indexes into timelineModel.events).
	hitStarts, hitEnds []float64
	hitItems           []int32
	// reviewedStarts and reviewedEnds do the same for events with a
	// status, for the histogram's caption.
	reviewedStarts, reviewedEnds []float64
	// byEnd lists items by end, for the hits' ends in order without a
	// sort; rates and endRates are the items' and byEnd's momentRates.
	byEnd           []int32
	rates, endRates []float64
	// count and hitCount count the events and the search hits for
	// histograms.
	count, hitCount columnCount
	undated         []int32
}

// durationClasses bound how long the events of each class last. Finding the
// events in view needs to look back from the view start by the longest
// duration; classes keep a few year-long events from making every search
// look back a year through the short ones.
var durationClasses = [...]float64{secondsPerDay, 8 * secondsPerDay, 32 * secondsPerDay, 367 * secondsPerDay, math.Inf(1)}

// durationClass holds the positions in timelineLane.items of events of one
// class.
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
		if it.reviewed {
			ln.reviewedStarts, ln.reviewedEnds = append(ln.reviewedStarts, it.start), append(ln.reviewedEnds, it.end)
		}
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
	slices.Sort(ln.reviewedEnds)
	ln.byEnd = slices.Clone(ln.items)
	slices.SortStableFunc(ln.byEnd, func(a, b int32) int { return cmp.Compare(events[a].end, events[b].end) })
	ln.rates, ln.endRates = momentRates(events, ln.items), momentRates(events, ln.byEnd)
	ln.count = newColumnCount(events, ln.items)
	ln.rankDays(events)
}

// rankDays numbers the dots that share a day in the events' order, which
// is the order the sources narrate the day. Events that start on the same
// day sit next to each other, since events are sorted by start; bars and
// bands among them are skipped.
func (ln *timelineLane) rankDays(events []eventItem) {
	for p := 0; p < len(ln.items); {
		start := events[ln.items[p]].start
		q, dots := p, int32(0)
		for ; q < len(ln.items) && events[ln.items[q]].start == start; q++ {
			if it := &events[ln.items[q]]; it.kind == kindDot {
				it.dayRank = dots
				dots++
			}
		}
		for k := p; k < q; k++ {
			if it := &events[ln.items[k]]; it.kind == kindDot {
				it.dayCount = dots
			}
		}
		p = q
	}
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

// columnCount counts events for a histogram's columns: a moment once in
// all, spread over the days it may be (spreadCount), and a span once in
// every column it covers, since it happened in each.
type columnCount struct {
	moments spreadCount
	// spanStarts and spanEnds are the spans' starts and ends, each sorted.
	spanStarts, spanEnds []float64
}

// newColumnCount counts the dated events at items.
func newColumnCount(events []eventItem, items []int32) columnCount {
	var c columnCount
	moments := make([]int32, 0, len(items))
	for _, ei := range items {
		if it := &events[ei]; it.kind == kindBar {
			c.spanStarts, c.spanEnds = append(c.spanStarts, it.start), append(c.spanEnds, it.end)
		} else {
			moments = append(moments, ei)
		}
	}
	slices.Sort(c.spanStarts)
	slices.Sort(c.spanEnds)
	c.moments = newSpreadCount(events, moments)
	return c
}

// columns appends the counts of n columns dt wide from from, the last cut
// at to, returning them and the largest. Columns go left to right, so the
// spans that start before a column's end and end by its start are counted
// on from the last column's, rather than searched for again.
func (c *columnCount) columns(out []float64, from, dt, to float64, n int) ([]float64, float64) {
	peak := 0.0
	t0, below := from, c.moments.upTo(from)
	started := sort.SearchFloat64s(c.spanStarts, from)
	ended := sort.Search(len(c.spanEnds), func(i int) bool { return c.spanEnds[i] > from })
	for col := range n {
		t1 := math.Min(from+float64(col+1)*dt, to)
		upTo := c.moments.upTo(t1)
		for started < len(c.spanStarts) && c.spanStarts[started] < t1 {
			started++
		}
		for ended < len(c.spanEnds) && c.spanEnds[ended] <= t0 {
			ended++
		}
		v := float64(started - ended)
		if m := upTo - below; m > 1e-6 { // what rounding leaves of none is none
			v += m
		}
		out = append(out, v)
		peak = math.Max(peak, v)
		t0, below = t1, upTo
	}
	return out, peak
}

// spreadCount counts events spread evenly over their spans, as a
// histogram must to count each moment once however its columns cut time:
// a moment known to the year adds a 365th to each of its days rather than
// one to every column it touches. It is the running total of the counts, which
// rises linearly between the times where an event starts or ends, so the
// count between two times is two binary searches whatever the number of
// events.
type spreadCount struct {
	at   []float64 // the times where the rate changes, ascending
	cum  []float64 // events counted before at[i]
	rate []float64 // events per second from at[i] to at[i+1]
}

// newSpreadCount counts the dated events at items.
func newSpreadCount(events []eventItem, items []int32) spreadCount {
	changes := make([]rateChange, 0, 2*len(items))
	for _, ei := range items {
		it := &events[ei]
		r := 1 / (it.end - it.start)
		changes = append(changes, rateChange{it.start, r}, rateChange{it.end, -r})
	}
	slices.SortFunc(changes, func(a, b rateChange) int { return cmp.Compare(a.at, b.at) })
	return spreadOf(changes)
}

// rateChange is where the rate of a spreadCount changes, and by how much.
type rateChange struct{ at, by float64 }

// spreadOf counts events from their rate changes, sorted by time.
func spreadOf(changes []rateChange) spreadCount {
	var c spreadCount
	total, rate := 0.0, 0.0
	for i, ch := range changes {
		if i > 0 {
			total += rate * (ch.at - changes[i-1].at)
		}
		rate += ch.by
		if i+1 < len(changes) && changes[i+1].at == ch.at {
			continue // one point for all the changes at a time
		}
		c.at, c.cum, c.rate = append(c.at, ch.at), append(c.cum, total), append(c.rate, rate)
	}
	if n := len(c.rate); n > 0 {
		c.rate[n-1] = 0 // rounding may leave a trace after the last end
	}
	return c
}

// upTo returns how many events are counted before t.
func (c *spreadCount) upTo(t float64) float64 {
	i := sort.SearchFloat64s(c.at, t) - 1 // the last change before t
	if i < 0 {
		return 0
	}
	return c.cum[i] + c.rate[i]*(t-c.at[i])
}

// pubCoverage holds the cumulative number of documents published up to
// each day, a document with a ranged date counting a share on each of its
// days.
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
