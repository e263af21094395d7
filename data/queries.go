package data

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
)

// ErrNotFound is returned when an id names nothing in the corpus.
var ErrNotFound = errors.New("not found")

// Events lists every event in time order, undated last, each with its
// review, read from one snapshot of the corpus. It reads the events, their
// first actors' groups and their sources in three plain scans and sorts in
// Go: one query with the groups and counts as subqueries, sorted by SQLite,
// took four times as long at 100,000 events. The groups and sources are
// read beside the events, on the search connections: a third of the time
// on two cores.
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
		// tx has read, so it holds the corpus's shared lock: no write can
		// commit until it ends, and reads begun now see what it sees.
		groups := s.beside(ctx, func(ctx context.Context, tx *sql.Tx) (eventLinks, error) { return readGroups(ctx, tx, n) })
		sources := s.beside(ctx, func(ctx context.Context, tx *sql.Tx) (eventLinks, error) { return readSources(ctx, tx, n) })
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
		// Each fill looks 100,000 ids up in a map: the two fill different
		// fields, side by side.
		var wg sync.WaitGroup
		for _, links := range []func(*sql.Tx) (eventLinks, error){groups, sources} {
			l, err := links(tx)
			if err != nil {
				wg.Wait()
				return err
			}
			wg.Go(func() { l.fill(out) })
		}
		wg.Wait()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return sortEvents(out), nil
}

// eventLinks sets what a link table says of each event on the events.
type eventLinks interface{ fill(evs []EventSummary) }

// beside starts read on a search connection and returns a function that
// waits for what it read. Should that read fail (a writer in another
// process waiting to commit holds off new readers), the function reads
// again in the transaction it is given.
func (s *Store) beside(ctx context.Context, read func(context.Context, *sql.Tx) (eventLinks, error)) func(*sql.Tx) (eventLinks, error) {
	type result struct {
		l   eventLinks
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.err = s.readSearch(ctx, func(tx *sql.Tx) error {
			r.l, r.err = read(ctx, tx)
			return r.err
		})
		done <- r
	}()
	return func(tx *sql.Tx) (eventLinks, error) {
		r := <-done
		if r.err != nil && ctx.Err() == nil {
			return read(ctx, tx)
		}
		return r.l, r.err
	}
}

// eventNumbers numbers the events a link table's rows name, in the order
// they first appear. A table's rows for one event mostly follow each
// other: the last event's number is at hand without a look-up.
type eventNumbers struct {
	byID map[string]int32
	last []byte
	at   int32
}

// newEventNumbers sizes the numbers for n events.
func newEventNumbers(n int) *eventNumbers {
	return &eventNumbers{byID: make(map[string]int32, n), at: -1}
}

// of is event's number, and whether it is new.
func (e *eventNumbers) of(event []byte) (int32, bool) {
	if e.at >= 0 && bytes.Equal(event, e.last) {
		return e.at, false
	}
	e.last = append(e.last[:0], event...)
	i, ok := e.byID[string(event)]
	if !ok {
		i = int32(len(e.byID))
		e.byID[string(event)] = i
	}
	e.at = i
	return i, !ok
}

// firstGroups is the lane group of each event's first actor with one.
type firstGroups struct {
	events *eventNumbers
	at     []groupAt // by event number
}

type groupAt struct {
	group    string
	position int32
}

// readGroups reads each event's first actor's group, n events' or so. It
// scans the link table whole, without joins, sorting or grouping, and
// looks ids up in Go: SQLite would look up a row of another table for
// each.
func readGroups(ctx context.Context, tx *sql.Tx, n int) (eventLinks, error) {
	groups := map[string]string{} // actor id → group
	err := eachRow(ctx, tx, `SELECT id, grp FROM actors`, func(sc scanner) error {
		var id, grp string
		err := sc.Scan(&id, &grp)
		groups[id] = grp
		return err
	})
	if err != nil {
		return nil, err
	}
	var event, actor sql.RawBytes
	var pos int32
	first := firstGroups{events: newEventNumbers(n), at: make([]groupAt, 0, n)}
	err = eachRow(ctx, tx, `SELECT event_id, actor_id, position FROM event_actors`, func(sc scanner) error {
		if err := sc.Scan(&event, &actor, &pos); err != nil {
			return err
		}
		g, ok := groups[string(actor)]
		if !ok {
			return nil
		}
		switch i, isNew := first.events.of(event); {
		case isNew:
			first.at = append(first.at, groupAt{g, pos})
		case pos < first.at[i].position:
			first.at[i] = groupAt{g, pos}
		}
		return nil
	})
	return first, err
}

func (f firstGroups) fill(evs []EventSummary) {
	for i := range evs {
		evs[i].Group = GroupOther
		if k, ok := f.events.byID[evs[i].ID]; ok {
			evs[i].Group = f.at[k].group
		}
	}
}

// sourceCounts is how many distinct documents give evidence for each
// event.
type sourceCounts struct {
	events *eventNumbers
	count  []int // by event number
}

// readSources reads how many distinct documents give evidence for each
// of n events or so, scanning the evidence whole as readGroups scans the
// actors.
func readSources(ctx context.Context, tx *sql.Tx, n int) (eventLinks, error) {
	c := sourceCounts{events: newEventNumbers(n), count: make([]int, 0, n)}
	// An event's evidence mostly cites one document: the first is kept by
	// event, any other in a set.
	first := make([]int32, 0, n)
	docs := map[string]int32{}
	more := map[[2]int32]bool{}
	var event, doc sql.RawBytes
	err := eachRow(ctx, tx, `SELECT event_id, document_id FROM evidence`, func(sc scanner) error {
		if err := sc.Scan(&event, &doc); err != nil {
			return err
		}
		d, ok := docs[string(doc)]
		if !ok {
			d = int32(len(docs))
			docs[string(doc)] = d
		}
		switch i, isNew := c.events.of(event); {
		case isNew:
			first, c.count = append(first, d), append(c.count, 1)
		case first[i] == d || more[[2]int32{i, d}]:
		default:
			more[[2]int32{i, d}] = true
			c.count[i]++
		}
		return nil
	})
	return c, err
}

func (c sourceCounts) fill(evs []EventSummary) {
	for i := range evs {
		if k, ok := c.events.byID[evs[i].ID]; ok {
			evs[i].Sources = c.count[k]
		}
	}
}

// sortEvents sorts events by CompareEvents in place and returns them,
// moving each once: the sort moves small keys (day numbers, sequence, id,
// index), not events. Large, the keys are sorted in two halves side by
// side, on both cores, and merged: 35 ms on one at 100,000 events.
func sortEvents(evs []EventSummary) []EventSummary {
	keys := make([]eventKey, len(evs))
	for i := range evs {
		keys[i] = newEventKey(&evs[i], i)
	}
	if slices.IsSortedFunc(keys, compareEventKeys) {
		return evs
	}
	order := sortEventKeys(keys)
	// In place, a cycle of the permutation at a time, rather than into a
	// second slice as large (37 MB at 100,000 events).
	for start := range order {
		if order[start] < 0 {
			continue
		}
		held := evs[start]
		at := start
		for {
			from := int(order[at])
			order[at] = -1
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

// eventKey is what CompareEvents compares of event i. The id is held here
// rather than looked up where the rest ties: an event is 384 bytes, and
// reading its id from the slice is a miss of the cache at each look.
type eventKey struct {
	start, end int64 // Unix seconds; undated last
	seq        int   // CompareEvents' order: given first
	id         string
	i          int32
}

func newEventKey(e *EventSummary, i int) eventKey {
	k := eventKey{start: math.MaxInt64, end: math.MaxInt64, seq: math.MaxInt, id: e.ID, i: int32(i)}
	if e.Date.Known() {
		k.start, k.end = e.Date.Start.Unix(), e.Date.End.Unix()
		if e.Sequence != 0 {
			k.seq = e.Sequence
		}
	}
	return k
}

// compareEventKeys compares as CompareEvents does, each part only where
// the ones before tie.
func compareEventKeys(a, b eventKey) int {
	switch {
	case a.start != b.start:
		return cmp.Compare(a.start, b.start)
	case a.seq != b.seq:
		return cmp.Compare(a.seq, b.seq)
	case a.end != b.end:
		return cmp.Compare(a.end, b.end)
	}
	return strings.Compare(a.id, b.id)
}

// parallelSortMin is the fewest keys sortEventKeys sorts in two halves at
// once: below it, a goroutine and a merge cost more than they save.
const parallelSortMin = 1 << 13

// sortEventKeys sorts keys and returns their indexes in order.
func sortEventKeys(keys []eventKey) []int32 {
	order := make([]int32, 0, len(keys))
	if len(keys) < parallelSortMin {
		slices.SortFunc(keys, compareEventKeys)
		for _, k := range keys {
			order = append(order, k.i)
		}
		return order
	}
	a, b := keys[:len(keys)/2], keys[len(keys)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(a, compareEventKeys) })
	slices.SortFunc(b, compareEventKeys)
	wg.Wait()
	for len(a) > 0 && len(b) > 0 {
		// Equal keys are the same event: ids are unique.
		if compareEventKeys(b[0], a[0]) < 0 {
			order, b = append(order, b[0].i), b[1:]
		} else {
			order, a = append(order, a[0].i), a[1:]
		}
	}
	for _, k := range a {
		order = append(order, k.i)
	}
	for _, k := range b {
		order = append(order, k.i)
	}
	return order
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
