package data

import (
	"cmp"
	"strings"
	"time"
)

// Precision says how finely a date is known.
type Precision string

// The precisions a date can have, from finest to coarsest.
const (
	Day     Precision = "day"
	Week    Precision = "week"
	Month   Precision = "month"
	Year    Precision = "year"
	Unknown Precision = "unknown"
)

// Basis says how a date was established.
type Basis string

// The ways a date can be established.
const (
	// Stated means the text gives the date itself.
	Stated Basis = "stated"
	// Relative means the date was resolved from a phrase such as "on
	// Tuesday" against a document's publication date.
	Relative Basis = "relative"
	// Inferred means the date was worked out from other facts, which the
	// date note names.
	Inferred Basis = "inferred"
	// NoBasis means nothing fixes the date.
	NoBasis Basis = "unknown"
)

// Shape says whether a dated event happened once or lasted.
type Shape string

// The shapes of a dated event.
const (
	// Moment is an event that happened once, on one day that lies
	// somewhere in its When (an asylum granted "between 7 and 21 December";
	// a visit known only to September 2021).
	Moment Shape = "moment"
	// Span is an event that lasted from its From to its To (protests from 7
	// to 21 December; a mission's days in Lima).
	Span Shape = "span"
)

// OpenEnd is the precision of a span's end that no source gives.
const OpenEnd Precision = "open"

// When is a day, or the days one day lies within: Earliest to Latest,
// inclusive, UTC. Precision is Day, Week, Month or Year when the days are
// exactly that calendar unit, "" for any other range of days, and OpenEnd for
// an open end, which has no days.
type When struct {
	Earliest, Latest time.Time
	Precision        Precision
}

// Exact reports whether w is one known day.
func (w When) Exact() bool { return w.Precision == Day }

// DateRange is a span of whole days, both ends inclusive, in UTC. A zero
// Start means the date is unknown.
type DateRange struct {
	Start     time.Time
	End       time.Time
	Precision Precision
}

// Known reports whether the range has dates at all.
func (r DateRange) Known() bool { return !r.Start.IsZero() }

// Equal reports whether r and o cover the same days at the same precision.
// Ranges are compared with Equal, never ==, because == on a time.Time also
// compares its location and monotonic reading.
func (r DateRange) Equal(o DateRange) bool {
	return r.Start.Equal(o.Start) && r.End.Equal(o.End) && r.Precision == o.Precision
}

// EventSummary is what a timeline needs to draw one event.
type EventSummary struct {
	ID       string
	Title    string
	Category string
	// Date is the envelope of the event's dating: from the earliest day it
	// may have begun to the latest day it may have ended. Shape, From and
	// To say what lies inside it.
	Date DateRange
	// Shape is Moment or Span for a dated event, "" for an undated one.
	Shape Shape
	// From and To are a span's start and end. A moment has one When, in
	// both. An open end (a span "until 17 Feb 2023") is a When with
	// Precision OpenEnd and no days.
	From, To When
	// EDTF is the dating in the Extended Date/Time Format (ISO 8601-2):
	// "2022-12-20", "2021-09", "[2022-12-07..2022-12-21]",
	// "2022-12-07/2022-12-21", "../2023-02-17"; "" when undated.
	EDTF  string
	Basis Basis
	// Group is the lane group of the event's first actor: one of the
	// Group* constants.
	Group string
	// Sources counts the distinct documents that give evidence for it.
	Sources int
	// Review is the researcher's: the event's status, its tags (sorted) and
	// how many notes it has. Origin is "bundled" or "user" (the
	// researcher's own event, which they may edit and delete).
	Status Status
	Tags   []string
	Notes  int
	Origin string
	// Sequence orders events that begin on the same day in the order the
	// sources narrate them, 1 first; zero when no source says.
	Sequence int
}

// CompareEvents is the one order of events everywhere they are listed:
// dated events by the day they begin, then by Sequence (events with one
// before those without), then by the last day they may end, then by ID;
// undated events last, by ID. The day a span begins is its start's
// earliest day (From.Earliest), a moment's its earliest day; an open-start
// span, which has no first day, sorts at its end. Date holds those days
// (Envelope), so an EventSummary with only a Date, as older code and
// tests make them, sorts the same.
func CompareEvents(a, b *EventSummary) int {
	if ak, bk := a.Date.Known(), b.Date.Known(); ak != bk {
		if ak {
			return -1
		}
		return 1
	} else if ak {
		if c := a.Date.Start.Compare(b.Date.Start); c != 0 {
			return c
		}
		if c := CompareSequence(a.Sequence, b.Sequence); c != 0 {
			return c
		}
		if c := a.Date.End.Compare(b.Date.End); c != 0 {
			return c
		}
	}
	return strings.Compare(a.ID, b.ID)
}

// CompareSequence orders given sequence numbers before missing ones
// (zero), as CompareEvents does.
func CompareSequence(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

// Lane groups of actors.
const (
	GroupMexico       = "mexico"
	GroupPeru         = "peru"
	GroupUnitedStates = "united-states"
	GroupRegional     = "regional"
	GroupOther        = "other"
)

// Event is one event with everything the detail pane shows.
type Event struct {
	EventSummary
	Summary string
	// DatePhrase is the wording the date was taken from, DateAnchor the
	// document whose publication date resolved it (for Relative dates).
	DatePhrase    string
	DateAnchor    string
	DateNote      string
	Actors        []EventActor
	Places        []Place
	Sources       []Evidence
	Disagreements []Disagreement
}

// EventActor is an actor's part in an event.
type EventActor struct {
	ActorID string
	Name    string
	Kind    string
	Group   string
	Role    string
}

// Place is where something happened.
type Place struct {
	ID      string
	Name    string
	Country string
}

// Evidence is a passage of a document quoted exactly, with its offsets in
// the document's cleaned text counted in characters (runes), end exclusive.
type Evidence struct {
	DocumentID string
	Document   DocumentSummary
	Quote      string
	Start, End int
	// Side labels the passage when sources disagree, such as "coup".
	Side string
}

// Disagreement records that sources disagree about an event.
type Disagreement struct {
	Topic   string
	Summary string
	Sides   []string
}

// DocumentSummary is a document without its text.
type DocumentSummary struct {
	ID        string
	Title     string
	Publisher string
	Published DateRange
	Basis     Basis
}

// Document is a source article.
type Document struct {
	DocumentSummary
	Author   string
	URL      string
	Language string
	// PublishedNote says how the publication date was established.
	PublishedNote string
	Note          string
	// Text is the cleaned text evidence offsets refer to; Original is the
	// text as it was collected.
	Text     string
	Original string
}

// Results is what one query finds (Store.Find).
type Results struct {
	// Hits are events, people, places and documents, best first: found by
	// their title, or, for events, by a whole word of their own summary or
	// evidence, in which case the hit's Snippet shows it.
	Hits []Hit
	// Text are passages of documents' text that match, best first.
	// len(Hits)+len(Text) is at most the limit asked for.
	Text []TextHit
	// Events are the IDs of every event the query matches, in the order of
	// CompareEvents and not limited: by title, by its own text or
	// evidence, or through a person, place or document that matched, by
	// the rules Hits are found by. It holds every event in Hits, however
	// few or many that lights. The timeline lights them all. It may be
	// the list of an earlier Find too, so it is read, never changed.
	Events []string
}

// Hit is one search result. Matches are the matched ranges of Title in
// characters (runes), end exclusive.
type Hit struct {
	Kind    Kind // KindEvent, KindActor, KindPlace or KindDocument
	ID      string
	Title   string
	Score   int
	Matches [][2]int
	// Name is the canonical name when Title is an alias.
	Name string
	// Snippet, for an event found by its text rather than its title, is
	// the words around the match on one line; SnippetMatches are the
	// matched ranges in it, in runes.
	Snippet        string
	SnippetMatches [][2]int
}

// TextHit is a full-text match in a document's body or an event's summary.
// Snippet is on one line, its whitespace collapsed; Matches are the matched
// words' ranges in it, in runes.
type TextHit struct {
	Kind    Kind   // KindDocument or KindEvent
	ID      string // the document's or event's id
	Title   string
	Snippet string
	Matches [][2]int
	Rank    float64
	// Start and End are where the first match the snippet shows is in the
	// document's text, Document.Text (the cleaned text evidence offsets
	// refer to), in runes, end exclusive: the passage to open the
	// document at and highlight. They are -1 when that is not known, as
	// for an event.
	Start, End int
}
