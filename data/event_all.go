package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// eachEvent calls fn with every event, whole, in CompareEvents order, until
// fn returns an error, as readEvents would give them one by one.
func eachEvent(ctx context.Context, tx *sql.Tx, fn func(*Event) error) error {
	all, err := readAllEvents(ctx, tx)
	if err != nil {
		return err
	}
	return all.each(ctx, tx, true, fn)
}

// allEvents reads every event, whole, in passes over one snapshot.
//
// It reads each part of the events (their actors, places, evidence and
// disagreements) by one scan of its table, in the table's own order, and
// holds the parts by event; each pass then reads the events alone sorted
// by eventOrder and assembles each. Sorting each part by the events' order
// in SQL, as readEvents does for one event, joins every part row to its
// event and sorts rows as wide as the quotes: three times the time at
// 100,000 events. The parts held are the size of what an export writes of
// the events, less their own columns; the documents' text is never held.
type allEvents struct {
	reviews *reviewSet
	parts   *eventParts
}

// readAllEvents reads every event's parts and review in tx.
func readAllEvents(ctx context.Context, tx *sql.Tx) (*allEvents, error) {
	reviews, err := readReviewSet(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	parts, err := readEventParts(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &allEvents{reviews, parts}, nil
}

// each calls fn with every event, until fn returns an error: whole, in
// CompareEvents order, when whole is set; otherwise with its EventSummary
// and its own fields but none of its parts, in no order, for a pass that
// only counts.
func (a *allEvents) each(ctx context.Context, tx *sql.Tx, whole bool, fn func(*Event) error) error {
	// eventColumns with the actor group and source count left to parts.
	const columns = `e.id, e.title, e.category, e.start_date, e.end_date, e.precision, e.date_basis,
		e.shape, e.from_earliest, e.from_latest, e.from_precision, e.to_earliest, e.to_latest, e.to_precision,
		'', 0, COALESCE(e.sequence, 0), e.origin, e.summary, e.date_phrase, e.date_anchor, e.date_note`
	query := `SELECT ` + columns + ` FROM events e`
	if whole {
		query += ` ORDER BY ` + eventOrder
	}
	return eachRow(ctx, tx, query, func(sc scanner) error {
		var (
			e      Event
			anchor sql.NullString
		)
		if err := scanEventSummary(sc, &e.EventSummary, &e.Summary, &e.DatePhrase, &anchor, &e.DateNote); err != nil {
			return err
		}
		e.DateAnchor = anchor.String
		a.reviews.fill(&e.EventSummary)
		a.parts.fill(&e, whole)
		return fn(&e)
	})
}

// eventParts are the parts of every event, by event id, each in the order
// readEvents gives them. They hold indexes into the actors, places and
// documents, which are few, and make an event's Actors, Places and Sources
// only when it is filled, so that what is held for 100,000 events stays
// near the size of their quotes.
type eventParts struct {
	byEvent map[string]*partsOf
	actors  []EventActor // without their role
	places  []Place
	docs    []DocumentSummary
}

// partsOf are one event's parts.
type partsOf struct {
	actors        []actorPart
	places        []int32
	evidence      []evidencePart
	disagreements []Disagreement
	sources       int // distinct documents quoted, found or not
}

type actorPart struct {
	actor    int32
	position int32
	role     string
}

type evidencePart struct {
	doc        int32
	start, end int32
	position   int32
	id         int64
	quote      string
	side       string
}

// of is the parts of event, made on first use.
func (p *eventParts) of(event string) *partsOf {
	o := p.byEvent[event]
	if o == nil {
		o = &partsOf{}
		p.byEvent[event] = o
	}
	return o
}

// fill gives e the actor group and source count eventColumns would, and
// its parts when whole is set.
func (p *eventParts) fill(e *Event, whole bool) {
	e.Group = GroupOther
	o := p.byEvent[e.ID]
	if o == nil {
		return
	}
	if len(o.actors) > 0 {
		e.Group = p.actors[o.actors[0].actor].Group
	}
	e.EventSummary.Sources = o.sources
	if !whole {
		return
	}
	if len(o.actors) > 0 {
		e.Actors = make([]EventActor, len(o.actors))
		for i, a := range o.actors {
			e.Actors[i] = p.actors[a.actor]
			e.Actors[i].Role = a.role
		}
	}
	if len(o.places) > 0 {
		e.Places = make([]Place, len(o.places))
		for i, pl := range o.places {
			e.Places[i] = p.places[pl]
		}
	}
	if len(o.evidence) > 0 {
		e.Sources = make([]Evidence, len(o.evidence))
		for i, v := range o.evidence {
			d := p.docs[v.doc]
			e.Sources[i] = Evidence{DocumentID: d.ID, Document: d, Quote: v.quote, Start: int(v.start), End: int(v.end), Side: v.side}
		}
	}
	e.Disagreements = o.disagreements
}

// readEventParts reads every event's parts, as readEvents's queries join
// them: a part whose actor, place or document is missing is left out.
func readEventParts(ctx context.Context, tx *sql.Tx) (*eventParts, error) {
	p := &eventParts{byEvent: map[string]*partsOf{}}
	if err := p.readActors(ctx, tx); err != nil {
		return nil, fmt.Errorf("event actors: %w", err)
	}
	if err := p.readPlaces(ctx, tx); err != nil {
		return nil, fmt.Errorf("event places: %w", err)
	}
	if err := p.readEvidence(ctx, tx); err != nil {
		return nil, fmt.Errorf("event evidence: %w", err)
	}
	if err := p.readDisagreements(ctx, tx); err != nil {
		return nil, fmt.Errorf("event disagreements: %w", err)
	}
	return p, nil
}

// readActors reads each event's actors by position.
func (p *eventParts) readActors(ctx context.Context, tx *sql.Tx) error {
	index := map[string]int32{}
	err := eachRow(ctx, tx, `SELECT id, name, kind, grp FROM actors`, func(sc scanner) error {
		var a EventActor
		err := sc.Scan(&a.ActorID, &a.Name, &a.Kind, &a.Group)
		index[a.ActorID] = int32(len(p.actors))
		p.actors = append(p.actors, a)
		return err
	})
	if err != nil {
		return err
	}
	roles := map[string]string{} // one copy of each role's words
	err = eachRow(ctx, tx, `SELECT event_id, actor_id, role, position FROM event_actors`, func(sc scanner) error {
		var (
			event, actor, role string
			position           int32
		)
		if err := sc.Scan(&event, &actor, &role, &position); err != nil {
			return err
		}
		i, ok := index[actor]
		if !ok {
			return nil
		}
		if r, ok := roles[role]; ok {
			role = r
		} else {
			roles[role] = role
		}
		o := p.of(event)
		o.actors = append(o.actors, actorPart{i, position, role})
		return nil
	})
	for _, o := range p.byEvent {
		slices.SortStableFunc(o.actors, func(a, b actorPart) int { return cmp.Compare(a.position, b.position) })
	}
	return err
}

// readPlaces reads each event's places by name.
func (p *eventParts) readPlaces(ctx context.Context, tx *sql.Tx) error {
	index := map[string]int32{}
	err := eachRow(ctx, tx, `SELECT id, name, country FROM places`, func(sc scanner) error {
		var pl Place
		err := sc.Scan(&pl.ID, &pl.Name, &pl.Country)
		index[pl.ID] = int32(len(p.places))
		p.places = append(p.places, pl)
		return err
	})
	if err != nil {
		return err
	}
	err = eachRow(ctx, tx, `SELECT event_id, place_id FROM event_places`, func(sc scanner) error {
		var event, place string
		if err := sc.Scan(&event, &place); err != nil {
			return err
		}
		if i, ok := index[place]; ok {
			o := p.of(event)
			o.places = append(o.places, i)
		}
		return nil
	})
	for _, o := range p.byEvent {
		slices.SortStableFunc(o.places, func(a, b int32) int { return strings.Compare(p.places[a].Name, p.places[b].Name) })
	}
	return err
}

// readEvidence reads each event's evidence by position, and how many
// documents each event quotes.
func (p *eventParts) readEvidence(ctx context.Context, tx *sql.Tx) error {
	index := map[string]int32{}
	err := eachRow(ctx, tx, `SELECT id, title, publisher, published_start, published_end, published_precision, published_basis
		FROM documents`, func(sc scanner) error {
		var (
			d          DocumentSummary
			start, end sql.NullString
			prec       string
		)
		if err := sc.Scan(&d.ID, &d.Title, &d.Publisher, &start, &end, &prec, &d.Basis); err != nil {
			return err
		}
		var err error
		d.Published, err = scanRange(start, end, prec)
		index[d.ID] = int32(len(p.docs))
		p.docs = append(p.docs, d)
		return err
	})
	if err != nil {
		return err
	}
	// The documents an event quotes, found or not, as
	// COUNT(DISTINCT document_id) counts them.
	type quote struct{ event, doc string }
	quoted := map[quote]bool{}
	err = eachRow(ctx, tx, `SELECT id, event_id, document_id, quote, start_char, end_char, side, position FROM evidence`,
		func(sc scanner) error {
			var (
				v          evidencePart
				event, doc string
			)
			if err := sc.Scan(&v.id, &event, &doc, &v.quote, &v.start, &v.end, &v.side, &v.position); err != nil {
				return err
			}
			o := p.of(event)
			if k := (quote{event, doc}); !quoted[k] {
				quoted[k] = true
				o.sources++
			}
			if i, ok := index[doc]; ok {
				v.doc = i
				o.evidence = append(o.evidence, v)
			}
			return nil
		})
	for _, o := range p.byEvent {
		slices.SortFunc(o.evidence, func(a, b evidencePart) int {
			return cmp.Or(cmp.Compare(a.position, b.position), cmp.Compare(a.id, b.id))
		})
	}
	return err
}

// readDisagreements reads each event's disagreements in the order they
// were recorded.
func (p *eventParts) readDisagreements(ctx context.Context, tx *sql.Tx) error {
	return eachRow(ctx, tx, `SELECT event_id, topic, summary, sides FROM disagreements ORDER BY id`, func(sc scanner) error {
		var (
			event string
			d     Disagreement
		)
		if err := scanDisagreement(idScanner{sc, &event}, &d); err != nil {
			return err
		}
		o := p.of(event)
		o.disagreements = append(o.disagreements, d)
		return nil
	})
}
