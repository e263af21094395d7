package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// ErrNotFound is returned when an id names nothing in the corpus.
var ErrNotFound = errors.New("not found")

// Events lists every event in time order, undated last, each with its
// review, read from one snapshot of the corpus. It reads the events, their
// first actors' groups and their sources in three plain scans and sorts in
// Go: one query with the groups and counts as subqueries, sorted by SQLite,
// took four times as long at 100,000 events.
func (s *Store) Events(ctx context.Context) ([]EventSummary, error) {
	var out []EventSummary
	err := s.read(ctx, func(tx *sql.Tx) error {
		reviews, err := readReviewSet(ctx, tx, "")
		if err != nil {
			return err
		}
		// Sized at once, the slice is not copied as it grows.
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events`).Scan(&n); err != nil {
			return err
		}
		out = make([]EventSummary, 0, n)
		r := newSummaryReader()
		err = eachRow(ctx, tx, `SELECT `+summaryColumns+` FROM events e`, func(sc scanner) error {
			out = append(out, EventSummary{})
			e := &out[len(out)-1]
			if err := r.scan(sc, e); err != nil {
				return err
			}
			reviews.fill(e)
			return nil
		})
		if err != nil {
			return err
		}
		return readGroupsAndSources(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return sortEvents(out), nil
}

// readGroupsAndSources sets each event's Group, its first actor's, and
// Sources, the distinct documents giving evidence for it. It scans the two
// link tables whole, without joins, sorting or grouping, and looks ids up
// in Go: SQLite would look up a row of another table for each.
func readGroupsAndSources(ctx context.Context, tx *sql.Tx, evs []EventSummary) error {
	byID := make(map[string]int32, len(evs))
	for i := range evs {
		byID[evs[i].ID] = int32(i)
		evs[i].Group = GroupOther
	}
	groups := map[string]string{} // actor id → group
	err := eachRow(ctx, tx, `SELECT id, grp FROM actors`, func(sc scanner) error {
		var id, grp string
		err := sc.Scan(&id, &grp)
		groups[id] = grp
		return err
	})
	if err != nil {
		return err
	}
	var id, other sql.RawBytes
	var pos int32
	first := make([]int32, len(evs)) // the position of the actor Group is from, plus one
	err = eachRow(ctx, tx, `SELECT event_id, actor_id, position FROM event_actors`, func(sc scanner) error {
		if err := sc.Scan(&id, &other, &pos); err != nil {
			return err
		}
		i, ok := byID[string(id)]
		if !ok || (first[i] != 0 && first[i] <= pos+1) {
			return nil
		}
		if g, ok := groups[string(other)]; ok {
			evs[i].Group, first[i] = g, pos+1
		}
		return nil
	})
	if err != nil {
		return err
	}
	// An event's evidence mostly cites one document: the first is kept by
	// event, any other in a set.
	docs := map[string]int32{}
	firstDoc := make([]int32, len(evs)) // the first document's number, plus one
	more := map[[2]int32]bool{}
	return eachRow(ctx, tx, `SELECT event_id, document_id FROM evidence`, func(sc scanner) error {
		if err := sc.Scan(&id, &other); err != nil {
			return err
		}
		i, ok := byID[string(id)]
		if !ok {
			return nil
		}
		d, ok := docs[string(other)]
		if !ok {
			d = int32(len(docs)) + 1
			docs[string(other)] = d
		}
		switch {
		case firstDoc[i] == 0:
			firstDoc[i] = d
		case firstDoc[i] == d || more[[2]int32{i, d}]:
			return nil
		default:
			more[[2]int32{i, d}] = true
		}
		evs[i].Sources++
		return nil
	})
}

// sortEvents sorts events by CompareEvents in place and returns them,
// moving each once: the sort moves small keys (day numbers, sequence,
// index), not events, and looks at ids only where the keys tie.
func sortEvents(evs []EventSummary) []EventSummary {
	type key struct {
		start, end int64 // Unix seconds; undated last
		seq        int   // CompareEvents' order: given first
		i          int32
	}
	keys := make([]key, len(evs))
	for i := range evs {
		e := &evs[i]
		k := key{start: math.MaxInt64, end: math.MaxInt64, seq: math.MaxInt, i: int32(i)}
		if e.Date.Known() {
			k.start, k.end = e.Date.Start.Unix(), e.Date.End.Unix()
			if e.Sequence != 0 {
				k.seq = e.Sequence
			}
		}
		keys[i] = k
	}
	byKey := func(a, b key) int {
		if c := cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.seq, b.seq), cmp.Compare(a.end, b.end)); c != 0 {
			return c
		}
		return strings.Compare(evs[a.i].ID, evs[b.i].ID)
	}
	if slices.IsSortedFunc(keys, byKey) {
		return evs
	}
	slices.SortFunc(keys, byKey)
	// In place, a cycle of the permutation at a time, rather than into a
	// second slice as large (37 MB at 100,000 events).
	for start := range keys {
		if keys[start].i < 0 {
			continue
		}
		held := evs[start]
		at := start
		for {
			from := int(keys[at].i)
			keys[at].i = -1
			if from == start {
				evs[at] = held
				break
			}
			evs[at] = evs[from]
			at = from
		}
	}
	return evs
}

// Documents lists the documents without their text, in order of
// publication, undated last.
func (s *Store) Documents(ctx context.Context) ([]DocumentSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, publisher, published_start, published_end, published_precision, published_basis
		FROM documents ORDER BY published_start IS NULL, published_start, id`)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", s.damagedOr(err))
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
	return out, s.damagedOr(rows.Err())
}

// documentColumns are a Document's columns, as scanDocument reads them.
const documentColumns = `id, title, publisher, author, url, language, published_start, published_end,
	published_precision, published_basis, published_note, note, text, original`

// Document returns one document with its text.
func (s *Store) Document(ctx context.Context, id string) (*Document, error) {
	d, err := scanDocument(s.db.QueryRowContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, s.damagedOr(err))
	}
	return d, nil
}

// EventWithDocuments returns an event and, by id, every document its
// passages quote or its date is resolved against: what the detail pane
// shows, read from one snapshot of the corpus in two queries.
func (s *Store) EventWithDocuments(ctx context.Context, id string) (*Event, map[string]*Document, error) {
	var e *Event
	docs := map[string]*Document{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = readEvent(ctx, tx, id)
		if err != nil || e == nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents
			WHERE id IN (SELECT document_id FROM evidence WHERE event_id = ?1 UNION SELECT date_anchor FROM events WHERE id = ?1)`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			d, err := scanDocument(rows)
			if err != nil {
				return err
			}
			docs[d.ID] = d
		}
		return rows.Err()
	})
	if err != nil {
		return nil, nil, fmt.Errorf("event %q: %w", id, err)
	}
	if e == nil {
		return nil, nil, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	return e, docs, nil
}

// scanDocument reads a document's documentColumns.
func scanDocument(row scanner) (*Document, error) {
	var (
		d          Document
		start, end sql.NullString
		prec, bas  string
	)
	err := row.Scan(&d.ID, &d.Title, &d.Publisher, &d.Author, &d.URL, &d.Language, &start, &end,
		&prec, &bas, &d.PublishedNote, &d.Note, &d.Text, &d.Original)
	if err != nil {
		return nil, err
	}
	d.Basis = Basis(bas)
	if d.Published, err = scanRange(start, end, prec); err != nil {
		return nil, fmt.Errorf("document %q: %w", d.ID, err)
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
		return nil, fmt.Errorf("events with %s %q: %w", kind, id, s.damagedOr(err))
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
	return out, s.damagedOr(rows.Err())
}

// read runs fn in one read transaction, so that all it reads comes from one
// snapshot of the corpus even while another connection writes. fn reads
// through tx only: the store has one connection, and tx holds it. A
// damaged page met on the way fails it with the error Open would give
// (damagedOr).
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.damagedOr(err)
	}
	defer tx.Rollback()
	return s.damagedOr(fn(tx))
}

// scanner is what a row, or a row of rows, is read through.
type scanner interface{ Scan(dest ...any) error }

// scanRange makes a DateRange of a start and end day as stored and a
// precision.
func scanRange(start, end sql.NullString, prec string) (DateRange, error) {
	r := DateRange{Precision: Precision(prec)}
	var err error
	if start.Valid {
		if r.Start, err = time.Parse(time.DateOnly, start.String); err != nil {
			return r, err
		}
	}
	if end.Valid {
		if r.End, err = time.Parse(time.DateOnly, end.String); err != nil {
			return r, err
		}
	}
	return r, nil
}

// Actors lists every person, state and body in the corpus by name, for the
// new-event form to pick from (Role empty).
func (s *Store) Actors(ctx context.Context) ([]EventActor, error) {
	var out []EventActor
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT id, name, kind, grp FROM actors ORDER BY name, id`, func(sc scanner) error {
			var a EventActor
			err := sc.Scan(&a.ActorID, &a.Name, &a.Kind, &a.Group)
			out = append(out, a)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list actors: %w", err)
	}
	return out, nil
}

// Places lists every place in the corpus by name.
func (s *Store) Places(ctx context.Context) ([]Place, error) {
	var out []Place
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT id, name, country FROM places ORDER BY name, id`, func(sc scanner) error {
			var p Place
			err := sc.Scan(&p.ID, &p.Name, &p.Country)
			out = append(out, p)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list places: %w", err)
	}
	return out, nil
}
