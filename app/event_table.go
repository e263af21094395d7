package app

import (
	"cmp"
	"math"
	"strconv"
	"strings"
	"time"

	"chronoscope/data"
)

// eventTable holds the events the window shows, compactly: a row is a
// fifth of a data.EventSummary (six time.Time and ten strings, 384 bytes),
// since its days are day numbers, its few-valued strings (category, shape,
// status, precisions…) indexes into names, and its IDs, titles and EDTF
// are ends in one text, rather than strings of their own. At 100,000
// events that is 16 MB rather than 48 MB. At gives an event back whole.
type eventTable struct {
	rows []eventRow
	// text holds each row's ID, title and EDTF, one after the other.
	text strings.Builder
	// names are the distinct few-valued strings, by the index rows hold;
	// nameIndex finds them.
	names     []string
	nameIndex map[string]uint16
	recent    [32]recentName // by length and first byte
	// tagLists are the distinct lists of tags, by the index rows hold;
	// the first is nil, which most events have.
	tagLists [][]string
	tagIndex map[string]int32
	// odd holds, by row, the events a row cannot hold exactly (a time
	// not a whole UTC day, a count beyond int32, too many names): At
	// gives them from here.
	odd map[int32]*data.EventSummary
}

// eventRow is one event of an eventTable.
type eventRow struct {
	// Where the row's ID, title and EDTF end in eventTable.text; the ID
	// begins where the row before ends.
	idEnd, titleEnd, edtfEnd uint32
	// The days of Date.Start and End, From.Earliest and Latest, To.Earliest
	// and Latest, since the Unix epoch; noDay for a zero time.Time.
	start, end, fromEarliest, fromLatest, toEarliest, toLatest int32
	sources, notes, sequence                                   int32
	tags                                                       int32
	// Indexes into eventTable.names.
	category, shape, basis, group, status, origin uint16
	precision, fromPrecision, toPrecision         uint16
}

// noDay is the day number of a zero time.Time.
const noDay = math.MinInt32

// newEventTable makes a table of evs, which may be dropped after.
func newEventTable(evs []data.EventSummary) *eventTable {
	t := &eventTable{
		rows:      make([]eventRow, 0, len(evs)),
		nameIndex: make(map[string]uint16),
		tagLists:  [][]string{nil},
		tagIndex:  make(map[string]int32),
	}
	n := 0
	for i := range evs {
		n += len(evs[i].ID) + len(evs[i].Title) + len(evs[i].EDTF)
	}
	t.text.Grow(n)
	for i := range evs {
		t.add(&evs[i])
	}
	return t
}

// Len is the number of events; zero for a nil table.
func (t *eventTable) Len() int {
	if t == nil {
		return 0
	}
	return len(t.rows)
}

// add appends e.
func (t *eventTable) add(e *data.EventSummary) {
	var r eventRow
	ok := true
	end := func(s string) uint32 {
		t.text.WriteString(s)
		ok = ok && t.text.Len() <= math.MaxUint32
		return uint32(t.text.Len())
	}
	r.idEnd, r.titleEnd, r.edtfEnd = end(e.ID), end(e.Title), end(e.EDTF)
	day := func(tm time.Time) int32 {
		d, fits := dayNumber(tm)
		ok = ok && fits
		return d
	}
	r.start, r.end = day(e.Date.Start), day(e.Date.End)
	r.fromEarliest, r.fromLatest = day(e.From.Earliest), day(e.From.Latest)
	r.toEarliest, r.toLatest = day(e.To.Earliest), day(e.To.Latest)
	count := func(n int) int32 {
		ok = ok && n >= math.MinInt32 && n <= math.MaxInt32
		return int32(n)
	}
	r.sources, r.notes, r.sequence = count(e.Sources), count(e.Notes), count(e.Sequence)
	name := func(s string) uint16 {
		i, fits := t.name(s)
		ok = ok && fits
		return i
	}
	r.category, r.shape, r.basis = name(e.Category), name(string(e.Shape)), name(string(e.Basis))
	r.group, r.status, r.origin = name(e.Group), name(string(e.Status)), name(e.Origin)
	r.precision = name(string(e.Date.Precision))
	r.fromPrecision, r.toPrecision = name(string(e.From.Precision)), name(string(e.To.Precision))
	r.tags = t.tagList(e.Tags)
	if !ok {
		if t.odd == nil {
			t.odd = make(map[int32]*data.EventSummary)
		}
		c := *e
		t.odd[int32(len(t.rows))] = &c
	}
	t.rows = append(t.rows, r)
}

// dayNumber is tm's day since the Unix epoch, noDay for the zero time;
// false if tm is not exactly the start of a UTC day as dayTime gives back.
func dayNumber(tm time.Time) (int32, bool) {
	if tm.IsZero() {
		return noDay, tm == time.Time{}
	}
	s := tm.Unix()
	d := s / secondsPerDay
	if d <= noDay || d > math.MaxInt32 {
		return noDay, false
	}
	return int32(d), dayTime(int32(d)) == tm
}

// dayTime is the time of day number d: the start of that UTC day.
func dayTime(d int32) time.Time {
	if d == noDay {
		return time.Time{}
	}
	return time.Unix(int64(d)*secondsPerDay, 0).UTC()
}

// name is the index of s in t.names, added if new; false when there are
// too many names.
func (t *eventTable) name(s string) (uint16, bool) {
	// Most events' names are the few their neighbours have, often the
	// same strings (data interns them): a look in recent, a comparison,
	// spares a hash and a look in the map. Nine names an event made a
	// third of the time it took to add one.
	c := &t.recent[(len(s)+int(firstByte(s)))%len(t.recent)]
	if c.set && c.name == s {
		return c.index, true
	}
	i, ok := t.nameIndex[s]
	if !ok {
		if len(t.names) > math.MaxUint16 {
			return 0, false
		}
		i = uint16(len(t.names))
		t.names = append(t.names, s)
		t.nameIndex[s] = i
	}
	*c = recentName{s, i, true}
	return i, true
}

// recentName is a name looked up lately and its index in names.
type recentName struct {
	name  string
	index uint16
	set   bool
}

// firstByte is s[0], or 0 for "".
func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

// tagList is the index of tags in t.tagLists, added if new. A nil list
// (index 0) and an empty one are told apart, so that At gives back what
// was added.
func (t *eventTable) tagList(tags []string) int32 {
	if tags == nil {
		return 0
	}
	// Each tag with its length before it, so no two lists share a key,
	// and "" for an empty list that is not nil.
	var b strings.Builder
	for _, tag := range tags {
		b.WriteString(strconv.Itoa(len(tag)))
		b.WriteByte(':')
		b.WriteString(tag)
	}
	key := b.String()
	if i, ok := t.tagIndex[key]; ok {
		return i
	}
	i := int32(len(t.tagLists))
	t.tagLists = append(t.tagLists, tags)
	t.tagIndex[key] = i
	return i
}

// At is event i, as it was added. Its Tags are shared: do not change them.
func (t *eventTable) At(i int) data.EventSummary {
	if e, ok := t.odd[int32(i)]; ok {
		return *e
	}
	r := &t.rows[i]
	return data.EventSummary{
		ID:       t.ID(i),
		Title:    t.Title(i),
		Category: t.names[r.category],
		Date:     data.DateRange{Start: dayTime(r.start), End: dayTime(r.end), Precision: data.Precision(t.names[r.precision])},
		Shape:    data.Shape(t.names[r.shape]),
		From:     data.When{Earliest: dayTime(r.fromEarliest), Latest: dayTime(r.fromLatest), Precision: data.Precision(t.names[r.fromPrecision])},
		To:       data.When{Earliest: dayTime(r.toEarliest), Latest: dayTime(r.toLatest), Precision: data.Precision(t.names[r.toPrecision])},
		EDTF:     t.text.String()[r.titleEnd:r.edtfEnd],
		Basis:    data.Basis(t.names[r.basis]),
		Group:    t.names[r.group],
		Sources:  int(r.sources),
		Status:   data.Status(t.names[r.status]),
		Tags:     t.tagLists[r.tags],
		Notes:    int(r.notes),
		Origin:   t.names[r.origin],
		Sequence: int(r.sequence),
	}
}

// ID is event i's ID.
func (t *eventTable) ID(i int) string {
	if e, ok := t.odd[int32(i)]; ok {
		return e.ID
	}
	start, end := t.idSpan(i)
	return t.text.String()[start:end]
}

// index is the row of the event id, or -1; it looks at every row.
func (t *eventTable) index(id string) int {
	for i := range t.Len() {
		if t.ID(i) == id {
			return i
		}
	}
	return -1
}

// Title is event i's title.
func (t *eventTable) Title(i int) string {
	if e, ok := t.odd[int32(i)]; ok {
		return e.Title
	}
	r := &t.rows[i]
	return t.text.String()[r.idEnd:r.titleEnd]
}

// Category is event i's category.
func (t *eventTable) Category(i int) string {
	if e, ok := t.odd[int32(i)]; ok {
		return e.Category
	}
	return t.names[t.rows[i].category]
}

// Group is event i's group.
func (t *eventTable) Group(i int) string {
	if e, ok := t.odd[int32(i)]; ok {
		return e.Group
	}
	return t.names[t.rows[i].group]
}

// Status is event i's status.
func (t *eventTable) Status(i int) data.Status {
	if e, ok := t.odd[int32(i)]; ok {
		return e.Status
	}
	return data.Status(t.names[t.rows[i].status])
}

// Sources is event i's count of sources.
func (t *eventTable) Sources(i int) int {
	if e, ok := t.odd[int32(i)]; ok {
		return e.Sources
	}
	return int(t.rows[i].sources)
}

// Tags are event i's tags, shared: do not change them.
func (t *eventTable) Tags(i int) []string {
	if e, ok := t.odd[int32(i)]; ok {
		return e.Tags
	}
	return t.tagLists[t.rows[i].tags]
}

// Compare orders events i and j as data.CompareEvents does.
func (t *eventTable) Compare(i, j int) int {
	if t.odd != nil {
		_, oi := t.odd[int32(i)]
		_, oj := t.odd[int32(j)]
		if oi || oj {
			a, b := t.At(i), t.At(j)
			return data.CompareEvents(&a, &b)
		}
	}
	a, b := &t.rows[i], &t.rows[j]
	if ak, bk := a.start != noDay, b.start != noDay; ak != bk {
		if ak {
			return -1
		}
		return 1
	} else if ak {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		if c := data.CompareSequence(int(a.sequence), int(b.sequence)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.end, b.end); c != 0 {
			return c
		}
	}
	return strings.Compare(t.ID(i), t.ID(j))
}
