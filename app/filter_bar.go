package app

import (
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// filterBar narrows the events shown by their review and what they are:
// statuses, a tag, a lane, a category, a range of dates and whether they
// have notes. It only says what the filter is (OnChanged); the window
// applies it to the events it holds, so a change never reads the corpus.
type filterBar struct {
	// OnChanged is called with the filter after the person changes it.
	OnChanged func(data.Filter)

	statuses *widget.CheckGroup
	tag      *widget.SelectEntry
	group    *widget.Select
	category *widget.Select
	from, to *widget.Entry
	notes    *widget.Check
	clear    *widget.Button
	content  *fyne.Container

	// tags are every tag of the events, sorted, for completing the tag;
	// offered are those the tag's menu offers for what is typed.
	tags, offered []string
	// quiet holds back OnChanged while the bar sets its own fields.
	quiet bool
}

// anyLane and anyCategory are the choices of the bar's selects that leave
// the field unfiltered.
func anyLane() string     { return lang.L("All lanes") }
func anyCategory() string { return lang.L("All categories") }

func newFilterBar() *filterBar {
	b := &filterBar{}
	names := make([]string, len(data.Statuses))
	for i, s := range data.Statuses {
		names[i] = statusName(s)
	}
	b.statuses = widget.NewCheckGroup(names, func([]string) { b.changed() })
	b.statuses.Horizontal = true
	b.tag = widget.NewSelectEntry(nil)
	b.tag.SetPlaceHolder(lang.L("Tag"))
	b.tag.OnChanged = b.onTagChanged
	lanes := []string{anyLane()}
	for _, g := range groupLanes {
		lanes = append(lanes, g.name())
	}
	b.group = widget.NewSelect(lanes, func(string) { b.changed() })
	b.group.PlaceHolder = anyLane()
	b.category = widget.NewSelect([]string{anyCategory()}, func(string) { b.changed() })
	b.category.PlaceHolder = anyCategory()
	b.from, b.to = newDateEntry(lang.L("From (YYYY-MM-DD)")), newDateEntry(lang.L("To (YYYY-MM-DD)"))
	b.from.OnChanged = func(string) { b.changed() }
	b.to.OnChanged = func(string) { b.changed() }
	b.notes = widget.NewCheck(lang.L("Has notes"), func(bool) { b.changed() })
	b.clear = widget.NewButton(lang.L("Clear filters"), b.Clear)
	b.clear.Disable()

	row2 := container.NewBorder(nil, nil, nil, container.NewHBox(b.notes, b.clear),
		container.NewGridWithColumns(5, b.tag, b.group, b.category, b.from, b.to))
	b.content = container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("Status:")), b.statuses), row2)
	return b
}

// SetEvents offers the tags and categories of evs to choose from.
func (b *filterBar) SetEvents(evs *eventTable) {
	tags, cats := map[string]bool{}, map[string]bool{}
	for i := range evs.Len() {
		for _, t := range evs.Tags(i) {
			tags[t] = true
		}
		if c := strings.TrimSpace(evs.Category(i)); c != "" {
			cats[c] = true
		}
	}
	b.tags = sortedKeys(tags)
	b.offered = b.tags
	b.tag.SetOptions(b.offered)
	b.category.Options = append([]string{anyCategory()}, sortedKeys(cats)...)
	b.category.Refresh()
}

// Filter is the filter the bar's fields say. A date that does not parse
// leaves its end open; its entry says why.
func (b *filterBar) Filter() data.Filter {
	var f data.Filter
	for _, s := range data.Statuses {
		if slices.Contains(b.statuses.Selected, statusName(s)) {
			f.Statuses = append(f.Statuses, s)
		}
	}
	if t := strings.TrimSpace(b.tag.Text); t != "" {
		// A tag typed in other case is the tag.
		if i := slices.IndexFunc(b.tags, func(s string) bool { return strings.EqualFold(s, t) }); i >= 0 {
			t = b.tags[i]
		}
		f.Tags = []string{t}
	}
	if i := slices.IndexFunc(groupLanes, func(g groupLane) bool { return g.name() == b.group.Selected }); i >= 0 {
		f.Groups = []string{groupLanes[i].key}
	}
	if c := b.category.Selected; c != "" && c != anyCategory() {
		f.Categories = []string{c}
	}
	f.From, _ = filterDay(b.from.Text, true)
	f.To, _ = filterDay(b.to.Text, false)
	f.HasNotes = b.notes.Checked
	return f
}

// Clear empties every field, showing every event again.
func (b *filterBar) Clear() {
	b.quiet = true
	b.statuses.SetSelected(nil)
	b.tag.SetText("")
	b.group.ClearSelected()
	b.category.ClearSelected()
	b.from.SetText("")
	b.to.SetText("")
	b.notes.SetChecked(false)
	b.quiet = false
	b.changed()
}

// onTagChanged completes the tag from the events' tags that start with
// what is typed, and filters by it.
func (b *filterBar) onTagChanged(s string) {
	s = strings.ToLower(strings.TrimSpace(s))
	var opts []string
	for _, t := range b.tags {
		if strings.HasPrefix(strings.ToLower(t), s) {
			opts = append(opts, t)
		}
	}
	b.offered = opts
	b.tag.SetOptions(opts)
	b.changed()
}

func (b *filterBar) changed() {
	if b.quiet {
		return
	}
	f := b.Filter()
	if f.Empty() {
		b.clear.Disable()
	} else {
		b.clear.Enable()
	}
	if b.OnChanged != nil {
		b.OnChanged(f)
	}
}

// newDateEntry is an entry for one end of the date range, saying when
// what is typed is not a date.
func newDateEntry(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		_, err := filterDay(s, true)
		return err
	}
	return e
}

// filterDay reads a date typed as YYYY-MM-DD or in EDTF ("2022-12",
// "2022", "[2022-12-07..2022-12-21]", "2022-11/2022-12"): the first day it
// may mean for a start, the last for an end. "" is the zero time.
func filterDay(s string, first bool) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	shape, from, to, err := data.ParseEDTF(s)
	if err != nil {
		return time.Time{}, err
	}
	env := data.Envelope(shape, from, to)
	if first {
		return env.Start, nil
	}
	return env.End, nil
}

// statusName words a status for the filter's checks.
func statusName(s data.Status) string {
	switch s {
	case data.Verified:
		return lang.L("Verified")
	case data.Disputed:
		return lang.L("Disputed")
	case data.NeedsSource:
		return lang.L("Needs source")
	}
	return lang.L("Unreviewed")
}

// The window's side of the filter. It is here rather than in window.go,
// beside the bar it goes with.

// onFilterChanged shows the events f keeps.
func (v *mainView) onFilterChanged(f data.Filter) {
	v.filter = f
	v.applyFilter()
}

// applyFilter gives the timeline the events the filter keeps, filtered in
// memory, and lists the search's results again without the events it
// drops. The timeline keeps its view and, if it is still shown, its
// selection.
func (v *mainView) applyFilter() {
	if v.filter.Empty() {
		v.shown = v.events
	} else {
		v.shown = newEventTable(nil)
		for i := range v.events.Len() {
			if e := v.events.At(i); v.filter.Keep(&e) {
				v.shown.add(&e)
			}
		}
	}
	v.timeline.setTable(v.shown)
	if v.found == nil {
		v.setStatus("")
		return
	}
	v.results.SetResults(v.keptResults(v.found))
	v.setStatus(v.searchStatus())
}

// kept reports whether the filter keeps the event id; ids of no event, as
// in a corpus changed since, are kept.
func (v *mainView) kept(id string) bool {
	if v.byID == nil {
		// Made the first time a filter asks: without one, 2 MB at
		// 100,000 events to hold, and time before the first frame.
		v.byID = newIDIndex(v.events.text.String(), v.events.Len(), v.events.idSpan)
	}
	i, ok := v.byID.find(id)
	if !ok {
		return true
	}
	e := v.events.At(i)
	return v.filter.Keep(&e)
}

// keptResults is res without the hits and passages of events the filter
// drops; people, places and documents stay.
func (v *mainView) keptResults(res *data.Results) *data.Results {
	if v.filter.Empty() || res == nil {
		return res
	}
	out := &data.Results{Events: res.Events}
	for _, h := range res.Hits {
		if h.Kind != data.KindEvent || v.kept(h.ID) {
			out.Hits = append(out.Hits, h)
		}
	}
	for _, t := range res.Text {
		if t.Kind != data.KindEvent || v.kept(t.ID) {
			out.Text = append(out.Text, t)
		}
	}
	return out
}

// searchStatus is the status line for the search listed: its results and
// how many events it lights among those shown.
func (v *mainView) searchStatus() string {
	res := v.keptResults(v.found)
	n := len(res.Hits) + len(res.Text)
	listed := lang.N("{{.Count}} results", n, countData(n))
	if len(v.found.Hits)+len(v.found.Text) == searchLimit {
		best := map[string]any{"Count": textfmt.Number(n), "Limit": textfmt.Number(searchLimit)}
		listed = lang.L("{{.Count}} of the {{.Limit}} best results", best)
		if n == searchLimit {
			listed = lang.L("{{.Limit}} best results", best)
		}
	}
	// The filter keeps every event when it is empty: no need to look up
	// each of tens of thousands lit, as a keystroke's results would.
	matching := len(v.found.Events)
	if !v.filter.Empty() {
		matching = 0
		for _, id := range v.found.Events {
			if v.kept(id) {
				matching++
			}
		}
	}
	s := lang.L("{{.Results}} for “{{.Query}}”", map[string]any{"Results": listed, "Query": v.query}) +
		" · " + lang.N("{{.Count}} matching events on the timeline", matching, countData(matching))
	if !v.filter.Empty() {
		s += " · " + shownOf(v.shown.Len(), v.events.Len())
	}
	return s
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// shownOf says how many of the events the filter shows: "4 of 24 events
// shown".
func shownOf(shown, all int) string {
	return lang.N("{{.Shown}} of {{.Count}} events shown", all, map[string]any{"Shown": textfmt.Number(shown), "Count": textfmt.Number(all)})
}
