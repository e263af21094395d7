package data

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// actorKinds are the kinds of actor the sources may use.
var actorKinds = []string{"person", "state", "organisation"}

// actorGroups are the timeline lanes an actor may belong to.
var actorGroups = []string{GroupMexico, GroupPeru, GroupUnitedStates, GroupRegional, GroupOther}

// sourceCheck gathers what checking the sources has learnt so far (the ids
// each table defines) and the problems found.
type sourceCheck struct {
	docs   map[string]*sourceDocument
	actors map[string]bool
	places map[string]bool
	events map[string]bool
	errs   []string
}

func (c *sourceCheck) fail(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// check validates references, dates and quotes, resolving each event's date
// phrase and each quote's offsets as it goes. Documents, actors and places
// come first, since events refer to them.
func (src *Source) check() []string {
	c := &sourceCheck{
		docs:   map[string]*sourceDocument{},
		actors: map[string]bool{},
		places: map[string]bool{},
		events: map[string]bool{},
	}
	for i := range src.Documents {
		c.checkDocument(&src.Documents[i])
	}
	for _, a := range src.Actors {
		c.checkActor(a)
	}
	for _, p := range src.Places {
		c.checkPlace(p)
	}
	for i := range src.Events {
		c.checkEvent(&src.Events[i])
	}
	c.checkSequences(src.Events)
	return c.errs
}

// checkSequences checks that each sequence is a positive number given to a
// dated event, and that no two events that begin on the same day share one.
func (c *sourceCheck) checkSequences(events []sourceEvent) {
	type key struct {
		day string
		seq int
	}
	first := map[key]string{}
	for _, e := range events {
		if e.Sequence == nil {
			continue
		}
		where := fmt.Sprintf("events.toml: event %q", e.ID)
		switch seq := *e.Sequence; {
		case seq < 1:
			c.fail("%s: sequence %d: want a whole number from 1, the order of the event among those of its first day", where, seq)
		case !e.date.Known():
			c.fail("%s: sequence %d: an undated event has no day to be ordered within; leave sequence out", where, seq)
		default:
			k := key{FormatDay(e.date.Start), seq}
			if other, ok := first[k]; ok {
				c.fail("%s: sequence %d is also that of event %q, which begins on the same day, %s", where, seq, other, k.day)
				continue
			}
			first[k] = e.ID
		}
	}
}

// checkDocument checks a document's id, title and publication date, and
// records the date it resolves to.
func (c *sourceCheck) checkDocument(d *sourceDocument) {
	where := d.file
	if c.docs[d.ID] != nil {
		c.fail("%s: document id %q used twice", where, d.ID)
	}
	c.docs[d.ID] = d
	if d.Title == "" {
		c.fail("%s: no title", where)
	}
	r, err := documentDate(d.Published, d.PublishedPrecision)
	if err != nil {
		c.fail("%s: published: %v", where, err)
	}
	d.published = r
	b, err := ParseBasis(d.PublishedBasis)
	switch {
	case err != nil:
		c.fail("%s: published_basis: %v", where, err)
	case b == Relative:
		c.fail("%s: published_basis cannot be relative", where)
	case (b == NoBasis) != !r.Known():
		c.fail("%s: published_basis %s does not fit published %q", where, b, d.Published)
	}
	if b == Inferred && d.PublishedNote == "" {
		c.fail("%s: an inferred publication date needs a published_note saying from what", where)
	}
}

// checkActor checks an actor's id, name, kind and lane group.
func (c *sourceCheck) checkActor(a sourceActor) {
	where := fmt.Sprintf("actors.toml: actor %q", a.ID)
	c.checkID(where, a.ID, c.actors)
	if a.Name == "" {
		c.fail("%s: no name", where)
	}
	if !slices.Contains(actorKinds, a.Kind) {
		c.fail("%s: kind %q: want person, state or organisation", where, a.Kind)
	}
	if !slices.Contains(actorGroups, a.Group) {
		c.fail("%s: group %q: want mexico, peru, united-states, regional or other", where, a.Group)
	}
}

// checkID checks that id is given and not in seen, then adds it.
func (c *sourceCheck) checkID(where, id string, seen map[string]bool) {
	if id == "" || seen[id] {
		c.fail("%s: missing or repeated id", where)
	}
	seen[id] = true
}

// checkPlace checks a place's id and name.
func (c *sourceCheck) checkPlace(p sourcePlace) {
	if p.ID == "" || c.places[p.ID] || p.Name == "" {
		c.fail("places.toml: place %q: missing or repeated id, or no name", p.ID)
	}
	c.places[p.ID] = true
}

// checkEvent checks everything about one event, after the documents,
// actors and places it may refer to.
func (c *sourceCheck) checkEvent(e *sourceEvent) {
	where := fmt.Sprintf("events.toml: event %q", e.ID)
	c.checkID(where, e.ID, c.events)
	if e.Title == "" {
		c.fail("%s: no title", where)
	}
	if !slices.Contains(Categories, e.Category) {
		c.fail("%s: category %q: want one of %s", where, e.Category, strings.Join(Categories, ", "))
	}
	c.checkEventLinks(where, e)
	for _, p := range e.checkDate(c.docs) {
		c.fail("%s: %s", where, p)
	}
	sides := c.checkEvidence(where, e)
	c.checkDisagreements(where, e, sides)
}

// checkEventLinks checks that an event's places and actors exist and that
// no actor is listed twice.
func (c *sourceCheck) checkEventLinks(where string, e *sourceEvent) {
	for _, p := range e.Places {
		if !c.places[p] {
			c.fail("%s: unknown place %q", where, p)
		}
	}
	if len(e.Actors) == 0 {
		c.fail("%s: no actors", where)
	}
	seen := map[string]bool{}
	for _, a := range e.Actors {
		if !c.actors[a.Actor] {
			c.fail("%s: unknown actor %q", where, a.Actor)
		}
		if seen[a.Actor] {
			c.fail("%s: actor %q listed twice", where, a.Actor)
		}
		seen[a.Actor] = true
	}
}

// checkEvidence finds each quote in its document's cleaned text, records
// its rune offsets, and returns the sides the quotes are labelled with.
func (c *sourceCheck) checkEvidence(where string, e *sourceEvent) map[string]bool {
	if len(e.Sources) == 0 {
		c.fail("%s: no evidence: every event needs a passage quoted from a document", where)
	}
	sides := map[string]bool{}
	e.offsets = make([][2]int, len(e.Sources))
	for j, s := range e.Sources {
		d := c.docs[s.Document]
		if d == nil {
			c.fail("%s: source %d: unknown document %q", where, j+1, s.Document)
			continue
		}
		start, end, ok := runeOffsets(d.text, s.Quote)
		if !ok {
			c.fail("%s: source %d: quote not found in the cleaned text of %s: %q", where, j+1, s.Document, s.Quote)
			continue
		}
		e.offsets[j] = [2]int{start, end}
		if s.Side != "" {
			sides[s.Side] = true
		}
	}
	return sides
}

// checkDisagreements checks that each disagreement has a topic and names
// at least two sides, each of which some quote is labelled with.
func (c *sourceCheck) checkDisagreements(where string, e *sourceEvent, sides map[string]bool) {
	for _, dis := range e.Disagreements {
		if dis.Topic == "" || len(dis.Sides) < 2 {
			c.fail("%s: a disagreement needs a topic and at least two sides", where)
		}
		for _, side := range dis.Sides {
			if !sides[side] {
				c.fail("%s: disagreement %q: no source has side %q", where, dis.Topic, side)
			}
		}
	}
}

// checkDate reads the event's dating and checks it against what the
// author wrote: a phrase that resolves must give the moment's days, or the
// days of the span's start, end or whole.
func (e *sourceEvent) checkDate(docs map[string]*sourceDocument) []string {
	if errs := e.givenDate(); len(errs) > 0 {
		return errs
	}
	var (
		errs   []string
		anchor DateRange
	)
	if e.Document != "" {
		d := docs[e.Document]
		if d == nil {
			return []string{fmt.Sprintf("date document %q is unknown", e.Document)}
		}
		anchor = d.published
		if e.Phrase != "" && !strings.Contains(d.text, e.Phrase) {
			errs = append(errs, fmt.Sprintf("phrase %q does not occur in %s", e.Phrase, e.Document))
		}
	}
	switch e.basis {
	case Relative:
		errs = append(errs, e.checkRelative(anchor)...)
	case Stated:
		errs = append(errs, e.checkStated(anchor)...)
	case Inferred:
		errs = append(errs, e.checkInferred()...)
	case NoBasis:
		if e.shape != "" {
			errs = append(errs, "basis unknown: leave date out")
		}
	}
	return errs
}

// givenDate parses the basis and the EDTF date the author wrote, which
// must be written as FormatEDTF writes it, so that the sources read as the
// export does.
func (e *sourceEvent) givenDate() []string {
	basis, err := ParseBasis(e.Basis)
	if err != nil {
		return []string{err.Error()}
	}
	e.basis = basis
	e.date = DateRange{Precision: Unknown}
	if e.Date == "" {
		return nil
	}
	shape, from, to, err := ParseEDTF(e.Date)
	if err != nil {
		return []string{"date: " + err.Error()}
	}
	if err := ValidateDating(shape, from, to); err != nil {
		return []string{fmt.Sprintf("date %q: %v", e.Date, err)}
	}
	if canon := FormatEDTF(shape, from, to); canon != e.Date {
		return []string{fmt.Sprintf("date %q: write it as %q", e.Date, canon)}
	}
	e.shape, e.from, e.to = shape, from, to
	e.date = Envelope(shape, from, to)
	return nil
}

// datesPhrase reports whether the days a phrase resolves to are those of
// the event's moment, or of its span's start, end or whole.
func (e *sourceEvent) datesPhrase(got DateRange) bool {
	same := func(w When) bool { return got.Start.Equal(w.Earliest) && got.End.Equal(w.Latest) }
	whole := When{e.date.Start, e.date.End, ""}
	return same(e.from) || same(e.to) || same(whole)
}

// checkRelative checks that the phrase, resolved against the anchor
// document's publication date, gives the date the author wrote.
func (e *sourceEvent) checkRelative(anchor DateRange) []string {
	if e.Phrase == "" || e.Document == "" {
		return []string{"a relative date needs a phrase and the document it is relative to"}
	}
	if e.shape == "" {
		return []string{"a relative date needs a date"}
	}
	got, gotBasis, err := ResolvePhrase(e.Phrase, anchor)
	if err != nil {
		return []string{err.Error()}
	}
	var errs []string
	if gotBasis != Relative {
		errs = append(errs, fmt.Sprintf("phrase %q gives its own date: basis should be stated", e.Phrase))
	}
	if !e.datesPhrase(got) {
		errs = append(errs, fmt.Sprintf("phrase %q against %s resolves to %s..%s, which is not the date %s nor either end of it",
			e.Phrase, e.Document, FormatDay(got.Start), FormatDay(got.End), e.Date))
	}
	return errs
}

// checkStated checks that a stated date has days, and that a phrase, if
// given, states that date rather than one relative to publication.
func (e *sourceEvent) checkStated(anchor DateRange) []string {
	var errs []string
	if e.shape == "" {
		errs = append(errs, "a stated date needs a date")
	}
	if e.Phrase == "" || e.shape == "" {
		return errs
	}
	got, gotBasis, err := ResolvePhrase(e.Phrase, anchor)
	switch {
	case err != nil:
	case gotBasis == Relative:
		errs = append(errs, fmt.Sprintf("phrase %q is relative to the publication date: basis should be relative", e.Phrase))
	case !e.datesPhrase(got):
		errs = append(errs, fmt.Sprintf("phrase %q resolves to %s..%s, which is not the date %s nor either end of it",
			e.Phrase, FormatDay(got.Start), FormatDay(got.End), e.Date))
	}
	return errs
}

// checkInferred checks that an inferred date has days and a note saying
// what it was inferred from.
func (e *sourceEvent) checkInferred() []string {
	var errs []string
	if e.Note == "" {
		errs = append(errs, "an inferred date needs a note saying from what")
	}
	if e.shape == "" {
		errs = append(errs, "an inferred date needs a date")
	}
	return errs
}

// documentDate parses a document's publication date: a day, a START/END
// range, or "" when undated.
func documentDate(published, precision string) (DateRange, error) {
	p, err := ParsePrecision(precision)
	if err != nil {
		return DateRange{}, err
	}
	r := DateRange{Precision: p}
	if published != "" {
		first, last, isRange := strings.Cut(published, "/")
		if r.Start, err = ParseDay(first); err != nil {
			return DateRange{}, err
		}
		r.End = r.Start
		if isRange {
			if r.End, err = ParseDay(last); err != nil {
				return DateRange{}, err
			}
		}
	}
	return r, r.Validate()
}

// runeOffsets finds quote in text and returns its offsets in runes.
func runeOffsets(text, quote string) (start, end int, ok bool) {
	if quote == "" {
		return 0, 0, false
	}
	i := strings.Index(text, quote)
	if i < 0 {
		return 0, 0, false
	}
	start = utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(quote), true
}
