package data

import (
	"context"
	"database/sql"
	"fmt"
)

// exportDoc is what the exports other than JSON cite a document by.
type exportDoc struct {
	Title, Publisher, URL string
	Published             DateRange
	Basis                 Basis
}

// exportRead is one snapshot's events f keeps, in CompareEvents order,
// with their notes and the documents they cite, handed to each.
type exportRead struct {
	notes map[string][]ExportNote
	docs  map[string]exportDoc
}

// eachExported calls each with every event f keeps, in CompareEvents
// order, read from one snapshot of the corpus.
func (s *Store) eachExported(ctx context.Context, f Filter, each func(e *Event, x *exportRead) error) error {
	return s.readExported(ctx, f, func(x *exportRead, pass func(whole bool, fn func(*Event) error) error) error {
		return pass(true, func(e *Event) error { return each(e, x) })
	})
}

// readExported calls fn in one read of the corpus with its notes and
// documents, and pass, which calls fn with every event f keeps: whole and
// in CompareEvents order, or for counting (allEvents.each); fn may make
// more than one pass.
func (s *Store) readExported(ctx context.Context, f Filter,
	fn func(x *exportRead, pass func(whole bool, fn func(*Event) error) error) error,
) error {
	err := s.read(ctx, func(tx *sql.Tx) error {
		notes, err := eventNotes(ctx, tx)
		if err != nil {
			return err
		}
		docs, err := exportDocs(ctx, tx)
		if err != nil {
			return err
		}
		all, err := readAllEvents(ctx, tx)
		if err != nil {
			return err
		}
		return fn(&exportRead{notes: notes, docs: docs}, func(whole bool, each func(*Event) error) error {
			return all.each(ctx, tx, whole, func(e *Event) error {
				if !f.Keep(&e.EventSummary) {
					return nil
				}
				return each(e)
			})
		})
	})
	if err != nil {
		return fmt.Errorf("export corpus %s: %w", s.path, err)
	}
	return nil
}

// exportDocs reads every document's citation, without its text, by id.
func exportDocs(ctx context.Context, tx *sql.Tx) (map[string]exportDoc, error) {
	docs := map[string]exportDoc{}
	err := eachRow(ctx, tx, `SELECT id, title, publisher, url, published_start, published_end,
		published_precision, published_basis FROM documents`, func(sc scanner) error {
		var (
			id, prec   string
			d          exportDoc
			start, end sql.NullString
		)
		if err := sc.Scan(&id, &d.Title, &d.Publisher, &d.URL, &start, &end, &prec, &d.Basis); err != nil {
			return err
		}
		r, err := scanRange(start, end, prec)
		if err != nil {
			return fmt.Errorf("document %s: %w", id, err)
		}
		d.Published = r
		docs[id] = d
		return nil
	})
	return docs, err
}

// reviewed reports whether anyone has reviewed e: a status, a tag or a note.
func reviewed(e *Event, notes []ExportNote) bool {
	return (e.Status != "" && e.Status != Unreviewed) || len(e.Tags) > 0 || len(notes) > 0
}

// status is e's review status, Unreviewed when it has none.
func status(e *Event) Status {
	if e.Status == "" {
		return Unreviewed
	}
	return e.Status
}

// laneNames are the names the timeline gives the lanes of actor groups.
var laneNames = map[string]string{
	GroupMexico: "Mexico", GroupPeru: "Peru", GroupUnitedStates: "United States",
	GroupRegional: "Regional", GroupOther: "Other",
}

// laneName is the name of the lane of group.
func laneName(group string) string {
	if n, ok := laneNames[group]; ok {
		return n
	}
	return group
}

// dateLine is DateLine with the event's anchor document from x.
func (x *exportRead) dateLine(e *Event) string {
	var anchor *DocumentSummary
	if d, ok := x.docs[e.DateAnchor]; ok && e.DateAnchor != "" {
		anchor = &DocumentSummary{Published: d.Published, Basis: d.Basis}
	}
	return DateLine(e, anchor)
}

// DateLine says when, how precisely and how we know, as the Markdown report
// does: "20 Dec 2022 · resolved from “on Tuesday” in an article of 21 Dec
// 2022". anchor is the document a relative date was resolved against, nil
// when unknown. The window says it in its own language (WordDateLine).
func DateLine(e *Event, anchor *DocumentSummary) string { return WordDateLine(e, anchor, English) }

// WordDateLine is DateLine in the words of w.
func WordDateLine(e *Event, anchor *DocumentSummary, w DateWords) string {
	date := WordDating(e.EventSummary, w)
	switch e.Basis {
	case Stated:
		if e.DatePhrase != "" {
			return w.Phrase(PhraseStatedAs, date, e.DatePhrase)
		}
		return w.Phrase(PhraseStated, date)
	case Relative:
		of := w.Phrase(PhraseItsSource)
		if anchor != nil {
			if p := anchor.Published; p.Known() && p.Start.Equal(p.End) {
				of = w.Phrase(PhraseArticleOfDay, WordRange(p, w))
			} else {
				of = w.Phrase(PhraseArticleOf, WordRange(p, w))
			}
			if anchor.Basis == Inferred {
				of = w.Phrase(PhraseAnchorInferred, of)
			}
		}
		return w.Phrase(PhraseResolved, date, e.DatePhrase, of)
	case Inferred:
		return w.Phrase(PhraseInferred, date)
	}
	return w.Phrase(PhraseNoSource)
}
