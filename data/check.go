package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Problem is one thing Check found wrong, with where it is.
type Problem struct {
	Where string // "event castillo-removed", "document x", "database"
	What  string
}

func (p Problem) String() string { return p.Where + ": " + p.What }

// Check validates the corpus as stored: every evidence quote is at its
// offsets in its document, every date is a valid range for its precision
// and relative dates still resolve to what is stored, nothing links to
// something missing, every event has evidence, and SQLite's own integrity
// check passes. It returns the problems found; an error means the check
// itself could not run.
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	var probs []Problem
	add := func(where, format string, args ...any) {
		probs = append(probs, Problem{where, fmt.Sprintf(format, args...)})
	}
	for _, step := range []func(context.Context, func(string, string, ...any)) error{
		s.checkIntegrity, s.checkLinks, s.checkDocuments, s.checkEvents, s.checkEvidence,
	} {
		if err := step(ctx, add); err != nil {
			return nil, fmt.Errorf("check corpus %s: %w", s.path, err)
		}
	}
	return probs, nil
}

type addFunc = func(where, format string, args ...any)

func (s *Store) checkIntegrity(ctx context.Context, add addFunc) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return err
		}
		if msg != "ok" {
			add("database", "integrity check: %s", msg)
		}
	}
	return rows.Err()
}

func (s *Store) checkLinks(ctx context.Context, add addFunc) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			table, parent string
			rowid         sql.NullInt64
			fkid          int
		)
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		add("table "+table, "row %d links to a missing %s row", rowid.Int64, parent)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return s.eachRow(ctx, `SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id)`,
		func(sc scanner) error {
			var id string
			if err := sc.Scan(&id); err != nil {
				return err
			}
			add("event "+id, "has no evidence passage")
			return nil
		})
}

func (s *Store) checkDocuments(ctx context.Context, add addFunc) error {
	return s.eachRow(ctx, `SELECT id, published_start, published_end, published_precision, published_basis FROM documents`,
		func(sc scanner) error {
			var (
				id, prec, basis string
				start, end      sql.NullString
			)
			if err := sc.Scan(&id, &start, &end, &prec, &basis); err != nil {
				return err
			}
			r, err := scanRange(start, end, prec)
			if err != nil {
				add("document "+id, "publication date: %v", err)
				return nil
			}
			if err := r.Validate(); err != nil {
				add("document "+id, "publication date: %v", err)
			}
			if (basis == string(NoBasis)) != !r.Known() {
				add("document "+id, "publication date basis %s does not fit its date %s", basis, r)
			}
			return nil
		})
}

func (s *Store) checkEvents(ctx context.Context, add addFunc) error {
	return s.eachRow(ctx, `SELECT e.id, e.start_date, e.end_date, e.precision, e.date_basis, e.date_phrase,
			e.date_anchor, d.published_start, d.published_end, d.published_precision
		FROM events e LEFT JOIN documents d ON d.id = e.date_anchor`,
		func(sc scanner) error {
			var (
				id, prec, basis, phrase           string
				start, end, anchor, as, ae, aprec sql.NullString
			)
			if err := sc.Scan(&id, &start, &end, &prec, &basis, &phrase, &anchor, &as, &ae, &aprec); err != nil {
				return err
			}
			where := "event " + id
			r, err := scanRange(start, end, prec)
			if err != nil {
				add(where, "date: %v", err)
				return nil
			}
			if err := r.Validate(); err != nil {
				add(where, "date: %v", err)
			}
			if _, err := ParseBasis(basis); err != nil {
				add(where, "%v", err)
				return nil
			}
			if Basis(basis) == NoBasis && r.Known() {
				add(where, "date basis unknown but a date %s is given", r)
			}
			if Basis(basis) != NoBasis && !r.Known() {
				add(where, "date basis %s but no date", basis)
			}
			if Basis(basis) != Relative {
				return nil
			}
			if !anchor.Valid || !aprec.Valid {
				add(where, "relative date %q has no anchor document", phrase)
				return nil
			}
			ar, err := scanRange(as, ae, aprec.String)
			if err != nil {
				add(where, "anchor %s: %v", anchor.String, err)
				return nil
			}
			got, _, err := ResolvePhrase(phrase, ar)
			switch {
			case err != nil:
				add(where, "relative date: %v", err)
			case got != r:
				add(where, "relative date %q against %s resolves to %s, but %s is stored", phrase, anchor.String, got, r)
			}
			return nil
		})
}

func (s *Store) checkEvidence(ctx context.Context, add addFunc) error {
	texts := map[string][]rune{}
	return s.eachRow(ctx, `SELECT v.event_id, v.document_id, v.quote, v.start_char, v.end_char, d.text
		FROM evidence v JOIN documents d ON d.id = v.document_id ORDER BY v.event_id, v.position`,
		func(sc scanner) error {
			var (
				ev, doc, quote, text string
				start, end           int
			)
			if err := sc.Scan(&ev, &doc, &quote, &start, &end, &text); err != nil {
				return err
			}
			runes, ok := texts[doc]
			if !ok {
				runes = []rune(text)
				texts[doc] = runes
			}
			where := "event " + ev
			switch {
			case start < 0 || end > len(runes) || start >= end:
				add(where, "evidence from %s: offsets %d..%d outside the document's %d characters", doc, start, end, len(runes))
			case string(runes[start:end]) != quote:
				add(where, "evidence from %s: text at %d..%d is %q, not the quote %q", doc, start, end,
					abbreviate(string(runes[start:end]), 60), abbreviate(quote, 60))
			case !utf8.ValidString(quote) || strings.TrimSpace(quote) == "":
				add(where, "evidence from %s: empty or invalid quote", doc)
			}
			return nil
		})
}

type scanner interface{ Scan(dest ...any) error }

func (s *Store) eachRow(ctx context.Context, query string, fn func(scanner) error) error {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func abbreviate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
