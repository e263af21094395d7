package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// eventOrder is CompareEvents in SQL: dated events by first day, then
// sequence (given before none), last day and id; undated events last, by
// id (they have no sequence). Every query an eventReader merges sorts by it
// first, so all of them arrive event by event in the same order. ids
// compare as strings.Compare does: SQLite's BINARY collation compares bytes.
const eventOrder = `e.start_date IS NULL, e.start_date, e.sequence IS NULL, e.sequence, e.end_date, e.id`

// eventColumns are an EventSummary's columns, as scanEventSummary reads
// them, from events e.
const eventColumns = `e.id, e.title, e.category, e.start_date, e.end_date, e.precision, e.date_basis,
	e.shape, e.from_earliest, e.from_latest, e.from_precision, e.to_earliest, e.to_latest, e.to_precision,
	COALESCE((SELECT a.grp FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
		WHERE ea.event_id = e.id ORDER BY ea.position LIMIT 1), 'other'),
	(SELECT COUNT(DISTINCT document_id) FROM evidence v WHERE v.event_id = e.id), COALESCE(e.sequence, 0), e.origin`

// The queries an eventReader merges; %s is its filter on events e.
const (
	eventsSQL = `SELECT ` + eventColumns + `, e.summary, e.date_phrase, e.date_anchor, e.date_note
		FROM events e %s ORDER BY ` + eventOrder
	eventActorsSQL = `SELECT e.id, a.id, a.name, a.kind, a.grp, ea.role
		FROM events e JOIN event_actors ea ON ea.event_id = e.id JOIN actors a ON a.id = ea.actor_id
		%s ORDER BY ` + eventOrder + `, ea.position`
	eventPlacesSQL = `SELECT e.id, p.id, p.name, p.country
		FROM events e JOIN event_places ep ON ep.event_id = e.id JOIN places p ON p.id = ep.place_id
		%s ORDER BY ` + eventOrder + `, p.name`
	eventEvidenceSQL = `SELECT e.id, v.document_id, v.quote, v.start_char, v.end_char, v.side,
			d.title, d.publisher, d.published_start, d.published_end, d.published_precision, d.published_basis
		FROM events e JOIN evidence v ON v.event_id = e.id JOIN documents d ON d.id = v.document_id
		%s ORDER BY ` + eventOrder + `, v.position, v.id`
	eventDisagreementsSQL = `SELECT e.id, g.topic, g.summary, g.sides
		FROM events e JOIN disagreements g ON g.event_id = e.id
		%s ORDER BY ` + eventOrder + `, g.id`
)

// Event returns one event with its actors, places, evidence and
// disagreements, read from one snapshot of the corpus.
func (s *Store) Event(ctx context.Context, id string) (*Event, error) {
	var e *Event
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		e, err = readEvent(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("event %q: %w", id, err)
	}
	if e == nil {
		return nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	return e, nil
}

// readEvent reads the event id in tx, or nil if there is none.
func readEvent(ctx context.Context, tx *sql.Tx, id string) (*Event, error) {
	r, err := readEvents(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	defer r.close()
	return r.next()
}

// eventReader reads whole events, one at a time, from five queries run
// side by side in one transaction: the events, and their actors, places,
// evidence and disagreements, all sorted by eventOrder. Each event takes
// the rows at the head of the other four that carry its id.
type eventReader struct {
	events        *sql.Rows
	actors        *partRows[EventActor]
	places        *partRows[Place]
	evidence      *partRows[Evidence]
	disagreements *partRows[Disagreement]
	reviews       *reviewSet
}

// readEvents starts reading the event id, or every event when id is "".
func readEvents(ctx context.Context, tx *sql.Tx, id string) (*eventReader, error) {
	where, args := "", []any{}
	if id != "" {
		where, args = `WHERE e.id = ?`, []any{id}
	}
	reviews, err := readReviewSet(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	r := &eventReader{reviews: reviews}
	query := func(q string) *sql.Rows {
		if err != nil {
			return nil
		}
		var rows *sql.Rows
		rows, err = tx.QueryContext(ctx, fmt.Sprintf(q, where), args...)
		return rows
	}
	r.events = query(eventsSQL)
	r.actors = &partRows[EventActor]{rows: query(eventActorsSQL), scan: scanEventActor}
	r.places = &partRows[Place]{rows: query(eventPlacesSQL), scan: scanPlace}
	r.evidence = &partRows[Evidence]{rows: query(eventEvidenceSQL), scan: scanEvidence}
	r.disagreements = &partRows[Disagreement]{rows: query(eventDisagreementsSQL), scan: scanDisagreement}
	if err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

// next returns the next event, or nil after the last.
func (r *eventReader) next() (*Event, error) {
	if !r.events.Next() {
		return nil, r.events.Err()
	}
	var (
		e      Event
		anchor sql.NullString
	)
	if err := scanEventSummary(r.events, &e.EventSummary, &e.Summary, &e.DatePhrase, &anchor, &e.DateNote); err != nil {
		return nil, err
	}
	e.DateAnchor = anchor.String
	r.reviews.fill(&e.EventSummary)
	var err error
	if e.Actors, err = r.actors.take(e.ID); err != nil {
		return nil, fmt.Errorf("event %q actors: %w", e.ID, err)
	}
	if e.Places, err = r.places.take(e.ID); err != nil {
		return nil, fmt.Errorf("event %q places: %w", e.ID, err)
	}
	if e.Sources, err = r.evidence.take(e.ID); err != nil {
		return nil, fmt.Errorf("event %q evidence: %w", e.ID, err)
	}
	if e.Disagreements, err = r.disagreements.take(e.ID); err != nil {
		return nil, fmt.Errorf("event %q disagreements: %w", e.ID, err)
	}
	return &e, nil
}

func (r *eventReader) close() {
	for _, rows := range []*sql.Rows{r.events, r.actors.rows, r.places.rows, r.evidence.rows, r.disagreements.rows} {
		if rows != nil {
			rows.Close()
		}
	}
}

// partRows reads the rows of one part of events (their actors, say), each
// row led by its event's id, one row ahead of the events that take them.
type partRows[T any] struct {
	rows *sql.Rows
	scan func(sc scanner, v *T) error

	ahead  bool // head and headID hold a row read but not yet taken
	head   T
	headID string
}

// take returns the rows that belong to the event with id eventID, which
// come next if there are any.
func (p *partRows[T]) take(eventID string) ([]T, error) {
	var out []T
	for {
		if !p.ahead {
			if !p.rows.Next() {
				return out, p.rows.Err()
			}
			var v T
			if err := p.scan(idScanner{p.rows, &p.headID}, &v); err != nil {
				return nil, err
			}
			p.head, p.ahead = v, true
		}
		if p.headID != eventID {
			return out, nil
		}
		out = append(out, p.head)
		p.ahead = false
	}
}

// idScanner scans a row's first column, an event id, into id and the
// rest into what its caller asks for.
type idScanner struct {
	rows scanner
	id   *string
}

func (s idScanner) Scan(dest ...any) error {
	return s.rows.Scan(append([]any{s.id}, dest...)...)
}

// scanEventSummary scans eventColumns into e, and any further columns into
// more; the review fields are left for a reviewSet to fill.
func scanEventSummary(sc scanner, e *EventSummary, more ...any) error {
	var (
		start, end sql.NullString
		prec, bas  string
		d          storedDating
	)
	dest := append([]any{&e.ID, &e.Title, &e.Category, &start, &end, &prec, &bas,
		&d.shape, &d.fromE, &d.fromL, &d.fromP, &d.toE, &d.toL, &d.toP, &e.Group, &e.Sources, &e.Sequence,
		&e.Origin}, more...)
	if err := sc.Scan(dest...); err != nil {
		return err
	}
	shape, from, to, err := d.dating()
	if err != nil {
		return fmt.Errorf("event %s: %w", e.ID, err)
	}
	e.setDating(shape, from, to)
	// The envelope as stored, which Check compares with the one the dating
	// gives.
	if e.Date, err = scanRange(start, end, prec); err != nil {
		return fmt.Errorf("event %s: %w", e.ID, err)
	}
	e.Basis = Basis(bas)
	return nil
}

// storedDating is an event's shape and its From and To as the events
// table stores them.
type storedDating struct {
	shape                  sql.NullString
	fromE, fromL, toE, toL sql.NullString
	fromP, toP             string
}

// dating reads the stored columns into a shape and its Whens.
func (d storedDating) dating() (Shape, When, When, error) {
	from, err := scanWhen(d.fromE, d.fromL, d.fromP)
	if err != nil {
		return "", When{}, When{}, fmt.Errorf("from: %w", err)
	}
	to, err := scanWhen(d.toE, d.toL, d.toP)
	if err != nil {
		return "", When{}, When{}, fmt.Errorf("to: %w", err)
	}
	return Shape(d.shape.String), from, to, nil
}

// scanWhen makes a When of its stored earliest and latest days and
// precision.
func scanWhen(earliest, latest sql.NullString, prec string) (When, error) {
	r, err := scanRange(earliest, latest, prec)
	return When{r.Start, r.End, r.Precision}, err
}

func scanEventActor(sc scanner, a *EventActor) error {
	return sc.Scan(&a.ActorID, &a.Name, &a.Kind, &a.Group, &a.Role)
}

func scanPlace(sc scanner, p *Place) error {
	return sc.Scan(&p.ID, &p.Name, &p.Country)
}

func scanEvidence(sc scanner, v *Evidence) error {
	var (
		start, end sql.NullString
		prec, bas  string
	)
	if err := sc.Scan(&v.DocumentID, &v.Quote, &v.Start, &v.End, &v.Side,
		&v.Document.Title, &v.Document.Publisher, &start, &end, &prec, &bas); err != nil {
		return err
	}
	v.Document.ID = v.DocumentID
	v.Document.Basis = Basis(bas)
	var err error
	v.Document.Published, err = scanRange(start, end, prec)
	return err
}

func scanDisagreement(sc scanner, d *Disagreement) error {
	var sides string
	if err := sc.Scan(&d.Topic, &d.Summary, &sides); err != nil {
		return err
	}
	d.Sides = strings.Split(sides, "\n")
	return nil
}
