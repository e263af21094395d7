package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrNotFound is returned when an id names nothing in the corpus.
var ErrNotFound = errors.New("not found")

const eventSummarySQL = `
	SELECT e.id, e.title, e.category, e.start_date, e.end_date, e.precision, e.date_basis,
		COALESCE((SELECT a.grp FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
			WHERE ea.event_id = e.id ORDER BY ea.position LIMIT 1), 'other'),
		(SELECT COUNT(DISTINCT document_id) FROM evidence v WHERE v.event_id = e.id)
	FROM events e`

// Events lists every event in time order, undated events last.
func (s *Store) Events(ctx context.Context) ([]EventSummary, error) {
	return s.eventSummaries(ctx, eventSummarySQL+` ORDER BY e.start_date IS NULL, e.start_date, e.end_date, e.id`)
}

func (s *Store) eventSummaries(ctx context.Context, query string, args ...any) ([]EventSummary, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	var out []EventSummary
	for rows.Next() {
		var (
			e          EventSummary
			start, end sql.NullString
			prec, bas  string
		)
		if err := rows.Scan(&e.ID, &e.Title, &e.Category, &start, &end, &prec, &bas, &e.Group, &e.Sources); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		if e.Date, err = scanRange(start, end, prec); err != nil {
			return nil, fmt.Errorf("list events: event %s: %w", e.ID, err)
		}
		e.Basis = Basis(bas)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Event returns one event with its actors, places, evidence and
// disagreements.
func (s *Store) Event(ctx context.Context, id string) (*Event, error) {
	sums, err := s.eventSummaries(ctx, eventSummarySQL+` WHERE e.id = ?`, id)
	if err != nil {
		return nil, err
	}
	if len(sums) == 0 {
		return nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	e := Event{EventSummary: sums[0]}
	var anchor sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT summary, date_phrase, date_anchor, date_note FROM events WHERE id = ?`, id).
		Scan(&e.Summary, &e.DatePhrase, &anchor, &e.DateNote); err != nil {
		return nil, fmt.Errorf("event %q: %w", id, err)
	}
	e.DateAnchor = anchor.String
	if err := s.eventActors(ctx, &e); err != nil {
		return nil, err
	}
	if err := s.eventPlaces(ctx, &e); err != nil {
		return nil, err
	}
	if err := s.eventEvidence(ctx, &e); err != nil {
		return nil, err
	}
	if err := s.eventDisagreements(ctx, &e); err != nil {
		return nil, err
	}
	return &e, nil
}

func (s *Store) eventActors(ctx context.Context, e *Event) error {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.name, a.kind, a.grp, ea.role
		FROM event_actors ea JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY ea.position`, e.ID)
	if err != nil {
		return fmt.Errorf("event %q actors: %w", e.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var a EventActor
		if err := rows.Scan(&a.ActorID, &a.Name, &a.Kind, &a.Group, &a.Role); err != nil {
			return fmt.Errorf("event %q actors: %w", e.ID, err)
		}
		e.Actors = append(e.Actors, a)
	}
	return rows.Err()
}

func (s *Store) eventPlaces(ctx context.Context, e *Event) error {
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.name, p.country
		FROM event_places ep JOIN places p ON p.id = ep.place_id WHERE ep.event_id = ? ORDER BY p.name`, e.ID)
	if err != nil {
		return fmt.Errorf("event %q places: %w", e.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var p Place
		if err := rows.Scan(&p.ID, &p.Name, &p.Country); err != nil {
			return fmt.Errorf("event %q places: %w", e.ID, err)
		}
		e.Places = append(e.Places, p)
	}
	return rows.Err()
}

func (s *Store) eventEvidence(ctx context.Context, e *Event) error {
	rows, err := s.db.QueryContext(ctx, `SELECT v.document_id, v.quote, v.start_char, v.end_char, v.side,
			d.title, d.publisher, d.published_start, d.published_end, d.published_precision, d.published_basis
		FROM evidence v JOIN documents d ON d.id = v.document_id WHERE v.event_id = ? ORDER BY v.position, v.id`, e.ID)
	if err != nil {
		return fmt.Errorf("event %q evidence: %w", e.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			v          Evidence
			start, end sql.NullString
			prec, bas  string
		)
		if err := rows.Scan(&v.DocumentID, &v.Quote, &v.Start, &v.End, &v.Side,
			&v.Document.Title, &v.Document.Publisher, &start, &end, &prec, &bas); err != nil {
			return fmt.Errorf("event %q evidence: %w", e.ID, err)
		}
		v.Document.ID = v.DocumentID
		v.Document.Basis = Basis(bas)
		if v.Document.Published, err = scanRange(start, end, prec); err != nil {
			return fmt.Errorf("event %q evidence: %w", e.ID, err)
		}
		e.Sources = append(e.Sources, v)
	}
	return rows.Err()
}

func (s *Store) eventDisagreements(ctx context.Context, e *Event) error {
	rows, err := s.db.QueryContext(ctx, `SELECT topic, summary, sides FROM disagreements WHERE event_id = ? ORDER BY id`, e.ID)
	if err != nil {
		return fmt.Errorf("event %q disagreements: %w", e.ID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			d     Disagreement
			sides string
		)
		if err := rows.Scan(&d.Topic, &d.Summary, &sides); err != nil {
			return fmt.Errorf("event %q disagreements: %w", e.ID, err)
		}
		d.Sides = strings.Split(sides, "\n")
		e.Disagreements = append(e.Disagreements, d)
	}
	return rows.Err()
}

// Documents lists the documents without their text, in order of
// publication, undated last.
func (s *Store) Documents(ctx context.Context) ([]DocumentSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, publisher, published_start, published_end, published_precision, published_basis
		FROM documents ORDER BY published_start IS NULL, published_start, id`)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var out []DocumentSummary
	for rows.Next() {
		var (
			d          DocumentSummary
			start, end sql.NullString
			prec, bas  string
		)
		if err := rows.Scan(&d.ID, &d.Title, &d.Publisher, &start, &end, &prec, &bas); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		d.Basis = Basis(bas)
		if d.Published, err = scanRange(start, end, prec); err != nil {
			return nil, fmt.Errorf("list documents: %s: %w", d.ID, err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Document returns one document with its text.
func (s *Store) Document(ctx context.Context, id string) (*Document, error) {
	var (
		d          Document
		start, end sql.NullString
		prec, bas  string
	)
	err := s.db.QueryRowContext(ctx, `SELECT id, title, publisher, author, url, language, published_start, published_end,
			published_precision, published_basis, published_note, note, text, original
		FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.Title, &d.Publisher, &d.Author, &d.URL, &d.Language, &start, &end,
			&prec, &bas, &d.PublishedNote, &d.Note, &d.Text, &d.Original)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	d.Basis = Basis(bas)
	if d.Published, err = scanRange(start, end, prec); err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	return &d, nil
}

// EventsWith returns the ids of the events an actor, place or document is
// part of, so a search hit on one of them can light up its events.
func (s *Store) EventsWith(ctx context.Context, kind Kind, id string) ([]string, error) {
	var q string
	switch kind {
	case KindEvent:
		return []string{id}, nil
	case KindActor:
		q = `SELECT event_id FROM event_actors WHERE actor_id = ?`
	case KindPlace:
		q = `SELECT event_id FROM event_places WHERE place_id = ?`
	case KindDocument:
		q = `SELECT DISTINCT event_id FROM evidence WHERE document_id = ?`
	default:
		return nil, fmt.Errorf("events with %s %q: unknown kind", kind, id)
	}
	rows, err := s.db.QueryContext(ctx, q, id)
	if err != nil {
		return nil, fmt.Errorf("events with %s %q: %w", kind, id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func scanRange(start, end sql.NullString, prec string) (DateRange, error) {
	r := DateRange{Precision: Precision(prec)}
	var err error
	if start.Valid {
		if r.Start, err = time.Parse(isoDay, start.String); err != nil {
			return r, err
		}
	}
	if end.Valid {
		if r.End, err = time.Parse(isoDay, end.String); err != nil {
			return r, err
		}
	}
	return r, nil
}
