package app

import (
	"strconv"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

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
	// titles holds event titles clipped to a width, by event index and
	// width; they are dropped with the events.
	titles map[titleKey]string
}

type titleKey struct {
	event int32
	width float32
	bold  bool
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
	strWord
	strAxisSample
)

type strKey struct {
	kind    strKind
	unit    timeUnit
	n, m, r int64
	flag    bool
}

const textCacheLimit = 8192

func (c *textCache) reset() {
	c.sizes, c.strs, c.heights, c.labelW, c.fullW, c.titles = nil, nil, nil, nil, nil, nil
}

// clipped returns the title s of an event, clipped at a word where it can
// be to fit width, caching it by event index.
func (c *textCache) clipped(event int32, s string, width, size float32, bold bool) string {
	k := titleKey{event, width, bold}
	if t, ok := c.titles[k]; ok {
		return t
	}
	if c.titles == nil || len(c.titles) > textCacheLimit {
		c.titles = make(map[titleKey]string)
	}
	t := s
	for n := utf8.RuneCountInString(s); n > 1 && fyne.MeasureText(t, size, fyne.TextStyle{Bold: bold}).Width > width; n-- {
		t = textfmt.Clip(s, n)
	}
	c.titles[k] = t
	return t
}

// labelWidth measures the label s of an event, caching the width in
// widths by event index.
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

// height is the height of a line of text of the given size.
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

// str returns the string cached under k, calling format only when there
// is none.
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

// count writes the number on a marker, in thousands from 1000.
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
	return c.str(strKey{kind: strEvents, n: int64(n)}, func() string { return eventCount(n) })
}

// word is one of the timeline's fixed words, translated once, not a frame.
func (c *textCache) word(w timelineWord) string {
	return c.str(strKey{kind: strWord, n: int64(w)}, w.text)
}

// timelineWord names a fixed word of the timeline.
type timelineWord uint8

const (
	wordSources timelineWord = iota
	wordUndated
	wordNoDatedEvents
	wordOneDay
	wordSometimeWithin
	wordFromTo
	wordEndNotKnown
	wordVerified
	wordDisputed
	wordNeedsSource
)

// text is the word in the window's language.
func (w timelineWord) text() string {
	switch w {
	case wordSources:
		return lang.L("Sources")
	case wordUndated:
		return lang.L("Undated")
	case wordNoDatedEvents:
		return lang.L("No dated events")
	case wordOneDay:
		return lang.L("one day")
	case wordSometimeWithin:
		return lang.L("sometime within")
	case wordFromTo:
		return lang.L("from … to")
	case wordEndNotKnown:
		return lang.L("end not known to the day")
	case wordVerified:
		return statusText(data.Verified)
	case wordDisputed:
		return statusText(data.Disputed)
	}
	return statusText(data.NeedsSource)
}

// histogramLabel says how many events a histogram counts, and how many of
// them match the search and how many are reviewed, each when it is not
// negative.
func (c *textCache) histogramLabel(n, matching, reviewed int) string {
	return c.str(strKey{kind: strHistogram, n: int64(n), m: int64(matching), r: int64(reviewed)}, func() string {
		d := map[string]any{"Count": textfmt.Number(n), "Matching": textfmt.Number(matching), "Reviewed": textfmt.Number(reviewed)}
		s := lang.N("{{.Count}} events in view", n, d) + ", "
		if matching >= 0 {
			s += lang.L("{{.Matching}} matching", d) + ", "
		}
		if reviewed >= 0 {
			s += lang.L("{{.Reviewed}} reviewed", d) + ", "
		}
		return s + lang.L("counted per column")
	})
}

func (c *textCache) moreLabel(n int) string {
	return c.str(strKey{kind: strMore, n: int64(n)}, func() string { return "+" + strconv.Itoa(n) })
}

func (c *textCache) undatedDocs(n int) string {
	return c.str(strKey{kind: strUndatedDocs, n: int64(n)}, func() string { return lang.L("undated: {{.Count}}", map[string]any{"Count": n}) })
}

// smallNumbers are the counts most markers show, formatted once.
var smallNumbers = func() (s [100]string) {
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()
