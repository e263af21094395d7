package data

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
)

// ExportDocument is a document as the JSON export writes it.
type ExportDocument struct {
	ID                 string  `json:"id"`
	Title              string  `json:"title"`
	Publisher          string  `json:"publisher"`
	Author             string  `json:"author"`
	URL                string  `json:"url"`
	Language           string  `json:"language"`
	Published          *string `json:"published"`
	PublishedEnd       *string `json:"published_end,omitempty"`
	PublishedPrecision string  `json:"published_precision"`
	PublishedBasis     string  `json:"published_basis"`
	PublishedNote      string  `json:"published_note"`
	Text               string  `json:"text"`
}

// ExportEvent is an event as the JSON export writes it.
type ExportEvent struct {
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Summary string  `json:"summary"`
	Start   *string `json:"start"`
	End     *string `json:"end"`
	// EDTF is the dating in the Extended Date/Time Format; null when
	// undated. Start and End are its envelope: the earliest day it may have
	// begun and the latest it may have ended (an open end takes the other
	// end's day).
	EDTF       *string         `json:"edtf"`
	Precision  string          `json:"precision"`
	DateBasis  string          `json:"date_basis"`
	DatePhrase string          `json:"date_phrase,omitempty"`
	DateAnchor string          `json:"date_anchor,omitempty"`
	DateNote   string          `json:"date_note"`
	Category   string          `json:"category"`
	Actors     []string        `json:"actors"`
	Places     []string        `json:"places"`
	Sources    []ExportSource  `json:"sources"`
	Disputes   []ExportDispute `json:"disagreements,omitempty"`
	// Origin is "user" for the researcher's own event, else left out.
	Origin string       `json:"origin,omitempty"`
	Review ExportReview `json:"review"`
}

// ExportReview is an event's review in the export: "unreviewed" and empty
// lists for an event nobody has reviewed.
type ExportReview struct {
	Status string       `json:"status"`
	Tags   []string     `json:"tags"`
	Notes  []ExportNote `json:"notes"`
}

// ExportNote is a note in the export; its times are ISO 8601, UTC.
type ExportNote struct {
	ID      int64  `json:"id"`
	Body    string `json:"body"`
	Created string `json:"created"`
	Updated string `json:"updated"`
}

// ExportSource is one evidence passage in the export.
type ExportSource struct {
	Document string `json:"document"`
	Quote    string `json:"quote"`
	Side     string `json:"side,omitempty"`
}

// ExportDispute records a disagreement between sources in the export.
type ExportDispute struct {
	Topic   string   `json:"topic"`
	Summary string   `json:"summary"`
	Sides   []string `json:"sides"`
}

// ExportJSON writes the corpus to w as indented JSON,
// {"documents": [...], "events": [...]}, documents in order of publication
// and events in time order, undated last, each event with its review. It
// reads from one snapshot of the corpus and writes each document and event
// as it reads it, so memory does not grow with the corpus.
func (s *Store) ExportJSON(ctx context.Context, w io.Writer) error {
	return s.ExportJSONFiltered(ctx, w, Filter{})
}

// ExportJSONFiltered is ExportJSON of the events f keeps and the documents
// they quote or are dated against; a zero Filter exports everything.
func (s *Store) ExportJSONFiltered(ctx context.Context, w io.Writer, f Filter) error {
	err := s.read(ctx, func(tx *sql.Tx) error {
		var sel *exportSelection
		if !f.Empty() {
			var err error
			if sel, err = selectForExport(ctx, tx, f); err != nil {
				return err
			}
		}
		notes, err := eventNotes(ctx, tx)
		if err != nil {
			return err
		}
		x := newExportWriter(w)
		if err := x.array("documents", func() error { return exportDocuments(ctx, tx, x, sel) }); err != nil {
			return err
		}
		if err := x.array("events", func() error { return exportEvents(ctx, tx, x, sel, notes) }); err != nil {
			return err
		}
		return x.finish()
	})
	if err != nil {
		return fmt.Errorf("export corpus %s: %w", s.path, err)
	}
	return nil
}

// exportSelection is what a filtered export holds: the events kept and
// the documents they cite. A nil selection holds everything.
type exportSelection struct {
	events, documents map[string]bool
}

func (sel *exportSelection) event(id string) bool    { return sel == nil || sel.events[id] }
func (sel *exportSelection) document(id string) bool { return sel == nil || sel.documents[id] }

// selectForExport finds the events f keeps and the documents they quote or
// are dated against.
func selectForExport(ctx context.Context, tx *sql.Tx, f Filter) (*exportSelection, error) {
	sel := &exportSelection{events: map[string]bool{}, documents: map[string]bool{}}
	reviews, err := readReviewSet(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT `+eventColumns+` FROM events e`, func(sc scanner) error {
		var e EventSummary
		if err := scanEventSummary(sc, &e); err != nil {
			return err
		}
		reviews.fill(&e)
		if f.Keep(&e) {
			sel.events[e.ID] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT event_id, document_id FROM evidence
		UNION ALL SELECT id, date_anchor FROM events WHERE date_anchor IS NOT NULL`, func(sc scanner) error {
		var event, doc string
		if err := sc.Scan(&event, &doc); err != nil {
			return err
		}
		if sel.events[event] {
			sel.documents[doc] = true
		}
		return nil
	})
	return sel, err
}

// eventNotes reads every event's notes, oldest first, by event id: notes
// are few beside the events, and reading them at once spares a query an
// event.
func eventNotes(ctx context.Context, tx *sql.Tx) (map[string][]ExportNote, error) {
	notes := map[string][]ExportNote{}
	err := eachRow(ctx, tx, `SELECT target_id, id, body, created_at, updated_at FROM user_notes
		WHERE target_kind = 'event' ORDER BY created_at, id`, func(sc scanner) error {
		var event string
		n, err := scanNote(idScanner{sc, &event})
		if err != nil {
			return err
		}
		notes[event] = append(notes[event], ExportNote{ID: n.ID, Body: n.Body,
			Created: n.Created.UTC().Format(time.RFC3339), Updated: n.Updated.UTC().Format(time.RFC3339)})
		return nil
	})
	return notes, err
}

func exportDocuments(ctx context.Context, tx *sql.Tx, x *exportWriter, sel *exportSelection) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, title, publisher, author, url, language,
			published_start, published_end, published_precision, published_basis, published_note, text
		FROM documents ORDER BY published_start IS NULL, published_start, id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			d          ExportDocument
			start, end sql.NullString
		)
		if err := rows.Scan(&d.ID, &d.Title, &d.Publisher, &d.Author, &d.URL, &d.Language,
			&start, &end, &d.PublishedPrecision, &d.PublishedBasis, &d.PublishedNote, &d.Text); err != nil {
			return err
		}
		if !sel.document(d.ID) {
			continue
		}
		r, err := scanRange(start, end, d.PublishedPrecision)
		if err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		d.Published = day(r.Start)
		if !r.End.Equal(r.Start) {
			d.PublishedEnd = day(r.End)
		}
		if err := x.item(&d); err != nil {
			return err
		}
	}
	return rows.Err()
}

func exportEvents(ctx context.Context, tx *sql.Tx, x *exportWriter, sel *exportSelection, notes map[string][]ExportNote) error {
	return eachEvent(ctx, tx, func(e *Event) error {
		if !sel.event(e.ID) {
			return nil
		}
		ee := exportEvent(e)
		if n := notes[e.ID]; n != nil {
			ee.Review.Notes = n
		}
		return x.item(&ee)
	})
}

// exportEvent is e as the export writes it, its review without its notes.
func exportEvent(e *Event) ExportEvent {
	ee := ExportEvent{
		ID: e.ID, Title: e.Title, Summary: e.Summary,
		Start: day(e.Date.Start), End: day(e.Date.End), EDTF: nullString(e.EDTF),
		Precision: string(e.Date.Precision), DateBasis: string(e.Basis),
		DatePhrase: e.DatePhrase, DateAnchor: e.DateAnchor, DateNote: e.DateNote,
		Category: e.Category, Actors: []string{}, Places: []string{}, Sources: []ExportSource{},
		Review: ExportReview{Status: string(e.Status), Tags: []string{}, Notes: []ExportNote{}},
	}
	if e.Origin == "user" {
		ee.Origin = e.Origin
	}
	if ee.Review.Status == "" {
		ee.Review.Status = string(Unreviewed)
	}
	ee.Review.Tags = append(ee.Review.Tags, e.Tags...)
	for _, a := range e.Actors {
		ee.Actors = append(ee.Actors, a.Name)
	}
	for _, p := range e.Places {
		ee.Places = append(ee.Places, p.Name)
	}
	for _, v := range e.Sources {
		ee.Sources = append(ee.Sources, ExportSource{Document: v.DocumentID, Quote: v.Quote, Side: v.Side})
	}
	for _, d := range e.Disagreements {
		ee.Disputes = append(ee.Disputes, ExportDispute(d))
	}
	return ee
}

// exportWriter writes the export's JSON a value at a time, byte for byte
// as encoding/json indents the whole document with two spaces.
type exportWriter struct {
	w     *bufio.Writer
	buf   bytes.Buffer
	enc   *json.Encoder // into buf, indented as an element of a top-level array
	items int           // written to the array now open
	keys  int           // keys written to the top-level object

	// The items of the array now open, and closed when writing one failed.
	queue  chan any
	failed chan struct{}
}

// errExportStopped stops the reading of an export whose writing failed.
var errExportStopped = errors.New("export stopped")

func newExportWriter(w io.Writer) *exportWriter {
	x := &exportWriter{w: bufio.NewWriterSize(w, 64<<10)}
	x.enc = json.NewEncoder(&x.buf)
	x.enc.SetIndent("    ", "  ")
	x.enc.SetEscapeHTML(false)
	return x
}

// key opens the top-level object's next key.
func (x *exportWriter) key(key string) {
	if x.keys == 0 {
		x.w.WriteString("{\n")
	} else {
		x.w.WriteString(",\n")
	}
	x.keys++
	x.w.WriteString(`  "` + key + `": `)
}

// field writes "key": v in the top-level object.
func (x *exportWriter) field(key string, v any) error {
	x.key(key)
	x.buf.Reset()
	x.enc.SetIndent("  ", "  ")
	err := x.enc.Encode(v)
	x.enc.SetIndent("    ", "  ")
	if err != nil {
		return err
	}
	_, err = x.w.Write(bytes.TrimSuffix(x.buf.Bytes(), []byte("\n")))
	return err
}

// array writes "key": [ ... ] with the items fill gives item. They are
// encoded and written on a goroutine of their own while fill reads the
// next: encoding is a fifth of the work, and the machine has more than one
// core.
func (x *exportWriter) array(key string, fill func() error) error {
	x.key(key)
	x.w.WriteString(`[`)
	x.items = 0
	x.queue, x.failed = make(chan any, 64), make(chan struct{})
	written := make(chan error, 1)
	go func() {
		var err error
		for v := range x.queue {
			if err == nil {
				if err = x.write(v); err != nil {
					close(x.failed)
				}
			}
		}
		written <- err
	}()
	err := fill()
	close(x.queue)
	if werr := <-written; werr != nil {
		return werr
	}
	if err != nil {
		return err
	}
	if x.items > 0 {
		x.w.WriteString("\n  ")
	}
	x.w.WriteString("]")
	return nil
}

// item writes v as the next element of the array now open. v must not
// change after: it is written later.
func (x *exportWriter) item(v any) error {
	select {
	case x.queue <- v:
		return nil
	case <-x.failed:
		return errExportStopped
	}
}

// write writes one element of the array now open.
func (x *exportWriter) write(v any) error {
	x.buf.Reset()
	if err := x.enc.Encode(v); err != nil {
		return err
	}
	if x.items > 0 {
		x.w.WriteString(",")
	}
	x.items++
	x.w.WriteString("\n    ")
	_, err := x.w.Write(bytes.TrimSuffix(x.buf.Bytes(), []byte("\n")))
	return err
}

// finish closes the top-level object and flushes what is buffered.
func (x *exportWriter) finish() error {
	x.w.WriteString("\n}\n")
	return x.w.Flush()
}

// day is t as YYYY-MM-DD, or nil for the zero time.
func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := FormatDay(t)
	return &s
}

// nullString is s, or nil for "".
func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
