package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"chronoscope/internal/textfmt"
)

// Problem is one thing Check found wrong, with where it is.
type Problem struct {
	Where string // "event castillo-removed", "document x", "database"
	What  string
	// Damage says the file itself is damaged (a page lost, a document
	// changed behind the app's back), which only a backup undoes.
	Damage bool
}

// String is the problem as the command line prints it.
func (p Problem) String() string { return p.Where + ": " + p.What }

// Check validates the corpus as stored: every evidence quote is at its
// offsets in its document, every date is a valid range for its precision
// and relative dates still resolve to what is stored, no two events of a
// day share a sequence, nothing links to
// something missing, every event has evidence, and SQLite's own integrity
// check passes. It reads from one snapshot of the corpus and returns the
// problems found; an error means the check itself could not run, or, when
// FileProblem finds one in it, that the corpus is damaged.
//
// Every check reads in one read transaction, SQLite's integrity check
// last, so all see one snapshot; a writer meanwhile commits once it ends.
// The integrity check ran on a second connection beside the others: its
// read lock, asked for after a writer had begun to commit, waited for the
// writer, which waited for the first connection's lock, until one gave
// up with "database is locked" (a writer's change lost, or the check
// failed).
func (s *Store) Check(ctx context.Context) ([]Problem, error) {
	c := &storeCheck{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := freshFullText(ctx, tx); err != nil {
			return err
		}
		if err := c.checkMissed(ctx, s, tx); err != nil {
			return err
		}
		if err := c.run(ctx, tx); err != nil {
			return err
		}
		return c.integrityCheck(ctx, tx)
	})
	if err != nil {
		return nil, fmt.Errorf("check corpus %s: %w", s.path, err)
	}
	return c.probs, nil
}

// run runs the checks other than SQLite's integrity check in tx.
func (c *storeCheck) run(ctx context.Context, tx *sql.Tx) error {
	for _, step := range []func(context.Context, *sql.Tx) error{
		c.checkForeignKeys, c.checkHasEvidence, c.checkDocuments, c.checkEvents, c.checkSequences, c.checkEvidence,
	} {
		if err := step(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

// integrityCheck runs SQLite's integrity check in tx, its findings said
// in words with the page's table, and puts them first.
func (c *storeCheck) integrityCheck(ctx context.Context, tx *sql.Tx) error {
	roots := map[int]string{}
	_ = eachRow(ctx, tx, `SELECT rootpage, name FROM sqlite_schema WHERE rootpage > 0`, func(sc scanner) error {
		var (
			root int
			name string
		)
		err := sc.Scan(&root, &name)
		roots[root] = name
		return err
	}) // names for the findings, where the schema can still be read
	found := &storeCheck{}
	err := eachRow(ctx, tx, `PRAGMA integrity_check`, func(sc scanner) error {
		var msg string
		if err := sc.Scan(&msg); err != nil {
			return err
		}
		for line := range strings.Lines(msg) {
			if line = strings.TrimSpace(line); line != "ok" && line != "" && !strings.HasPrefix(line, "***") {
				f := readFinding(line)
				found.damage("database", "SQLite's integrity check: %s", f.String(cmp.Or(roots[f.page], roots[f.tree])))
			}
		}
		return nil
	})
	c.probs = append(found.probs, c.probs...)
	return err
}

// checkMissed lists what SQLite's integrity check misses (findMissed):
// each page of the file in use that is all zeros, and each document whose
// text or original has changed since it was written, with the pages of
// the documents found all zeros, which are why it changed.
func (c *storeCheck) checkMissed(ctx context.Context, s *Store, tx *sql.Tx) error {
	zeros, changed, err := s.findMissed(ctx, tx)
	if err != nil {
		return err
	}
	var docPages []string
	for _, z := range zeros {
		c.damage("database", "%s", z)
		if z.table == "documents" {
			docPages = append(docPages, strconv.Itoa(z.page))
		}
	}
	for _, d := range changed {
		what := d.what()
		if len(docPages) > 0 && !d.noSum {
			what += fmt.Sprintf("; the documents' page %s of the file is all zeros", strings.Join(docPages, ", "))
		}
		if d.noSum {
			c.add("document "+d.id, "%s", what) // not damage, but not Chronoscope's either
			continue
		}
		c.damage("document "+d.id, "%s", what)
	}
	return nil
}

// Counts is how many documents and events the corpus holds.
func (s *Store) Counts(ctx context.Context) (documents, events int, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)`).
			Scan(&documents, &events)
	})
	if err != nil {
		return 0, 0, fmt.Errorf("count corpus %s: %w", s.path, err)
	}
	return documents, events, nil
}

// storeCheck gathers the problems Check finds.
type storeCheck struct{ probs []Problem }

func (c *storeCheck) add(where, format string, args ...any) {
	c.probs = append(c.probs, Problem{Where: where, What: fmt.Sprintf(format, args...)})
}

// damage adds a problem of the file itself.
func (c *storeCheck) damage(where, format string, args ...any) {
	c.probs = append(c.probs, Problem{Where: where, What: fmt.Sprintf(format, args...), Damage: true})
}

func (c *storeCheck) checkForeignKeys(ctx context.Context, tx *sql.Tx) error {
	return eachRow(ctx, tx, `PRAGMA foreign_key_check`, func(sc scanner) error {
		var (
			table, parent string
			rowid         sql.NullInt64
			fkid          int
		)
		if err := sc.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		c.add("table "+table, "row %d links to a missing %s row", rowid.Int64, parent)
		return nil
	})
}

func (c *storeCheck) checkHasEvidence(ctx context.Context, tx *sql.Tx) error {
	return eachRow(ctx, tx, `SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id)`,
		func(sc scanner) error {
			var id string
			if err := sc.Scan(&id); err != nil {
				return err
			}
			c.add("event "+id, "has no evidence passage")
			return nil
		})
}

// checkSequences finds events that begin on the same day with the same
// sequence, whose order would then fall back to their ids, and reports
// each pair in order of their ids. It reads the table once, in its own
// order, and groups in memory: sorting or joining in SQL looks every row
// up again through the index on start_date.
func (c *storeCheck) checkSequences(ctx context.Context, tx *sql.Tx) error {
	type daySeq struct {
		day string
		seq int
	}
	groups := map[daySeq][]string{}
	err := eachRow(ctx, tx, `SELECT id, start_date, sequence FROM events WHERE start_date IS NOT NULL AND sequence IS NOT NULL`,
		func(sc scanner) error {
			var (
				id string
				k  daySeq
			)
			if err := sc.Scan(&id, &k.day, &k.seq); err != nil {
				return err
			}
			groups[k] = append(groups[k], id)
			return nil
		})
	if err != nil {
		return err
	}
	type pair struct {
		a, b string
		daySeq
	}
	var pairs []pair
	for k, ids := range groups {
		slices.Sort(ids)
		for i, a := range ids {
			for _, b := range ids[i+1:] {
				pairs = append(pairs, pair{a, b, k})
			}
		}
	}
	slices.SortFunc(pairs, func(x, y pair) int { return cmp.Or(strings.Compare(x.a, y.a), strings.Compare(x.b, y.b)) })
	for _, p := range pairs {
		c.add("event "+p.a, "sequence %d is also that of event %s, which begins on the same day, %s", p.seq, p.b, p.day)
	}
	return nil
}

func (c *storeCheck) checkDocuments(ctx context.Context, tx *sql.Tx) error {
	return eachRow(ctx, tx, `SELECT id, published_start, published_end, published_precision, published_basis FROM documents`,
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
				c.add("document "+id, "publication date: %v", err)
				return nil
			}
			if err := r.Validate(); err != nil {
				c.add("document "+id, "publication date: %v", err)
			}
			if (basis == string(NoBasis)) != !r.Known() {
				c.add("document "+id, "publication date basis %s does not fit its date %s", basis, r)
			}
			return nil
		})
}

// storedDate is an event's date as stored, with its anchor document's
// publication date.
type storedDate struct {
	id, prec, basis, phrase           string
	start, end, anchor, as, ae, aprec sql.NullString
	dating                            storedDating
}

func (c *storeCheck) checkEvents(ctx context.Context, tx *sql.Tx) error {
	return eachRow(ctx, tx, `SELECT e.id, e.start_date, e.end_date, e.precision, e.date_basis, e.date_phrase,
			e.shape, e.from_earliest, e.from_latest, e.from_precision, e.to_earliest, e.to_latest, e.to_precision,
			e.date_anchor, d.published_start, d.published_end, d.published_precision
		FROM events e LEFT JOIN documents d ON d.id = e.date_anchor`,
		func(sc scanner) error {
			var d storedDate
			g := &d.dating
			if err := sc.Scan(&d.id, &d.start, &d.end, &d.prec, &d.basis, &d.phrase,
				&g.shape, &g.fromE, &g.fromL, &g.fromP, &g.toE, &g.toL, &g.toP,
				&d.anchor, &d.as, &d.ae, &d.aprec); err != nil {
				return err
			}
			c.checkEventDate(d)
			return nil
		})
}

// checkEventDate checks that an event's dating is valid, that its EDTF
// reads back as the same dating, that the envelope stored with it is the
// one it gives, that it fits its basis, and that a relative date still
// resolves to what is stored.
func (c *storeCheck) checkEventDate(d storedDate) {
	where := "event " + d.id
	shape, from, to, err := d.dating.dating()
	if err != nil {
		c.add(where, "date: %v", err)
		return
	}
	// An invalid dating is reported for what is wrong with it, then for
	// what its EDTF, as export writes it, says instead.
	valid := ValidateDating(shape, from, to)
	if valid != nil {
		c.add(where, "date: %v", valid)
	}
	if !c.checkRoundTrip(where, shape, from, to) || valid != nil {
		return
	}
	r, err := scanRange(d.start, d.end, d.prec)
	if err != nil {
		c.add(where, "date: %v", err)
		return
	}
	if env := Envelope(shape, from, to); !env.Equal(r) {
		c.add(where, "date: stored as %s..%s (%s), but its dating %s covers %s..%s (%s)", FormatDay(r.Start),
			FormatDay(r.End), r.Precision, FormatEDTF(shape, from, to), FormatDay(env.Start), FormatDay(env.End), env.Precision)
	}
	basis, err := ParseBasis(d.basis)
	switch {
	case err != nil:
		c.add(where, "%v", err)
	case basis == NoBasis && shape != "":
		c.add(where, "date basis unknown but a date %s is given", FormatEDTF(shape, from, to))
	case basis != NoBasis && shape == "":
		c.add(where, "date basis %s but no date", basis)
	}
	if basis == Relative && shape != "" {
		c.checkRelativeDate(where, d, shape, from, to)
	}
}

// checkRoundTrip checks that the dating's EDTF reads back as the same
// shape, From and To, and reports whether it does.
func (c *storeCheck) checkRoundTrip(where string, shape Shape, from, to When) bool {
	if shape == "" {
		return true
	}
	s := FormatEDTF(shape, from, to)
	gotShape, gotFrom, gotTo, err := ParseEDTF(s)
	switch {
	case err != nil:
		c.add(where, "date: its EDTF does not read back: %v", err)
	case gotShape != shape || !sameWhen(gotFrom, from) || !sameWhen(gotTo, to):
		c.add(where, "date: its EDTF %s reads back as %s, not the %s stored", s,
			describeDating(gotShape, gotFrom, gotTo), describeDating(shape, from, to))
	default:
		return true
	}
	return false
}

// describeDating spells out a dating, precisions and all, for a problem
// report: "moment 2021-09-01..2021-09-30 (month)", "span from 2022-12-07
// (day) to .. (open)".
func describeDating(shape Shape, from, to When) string {
	when := func(w When) string {
		p := string(w.Precision)
		if p == "" {
			p = "no precision"
		}
		if w.Precision == OpenEnd {
			return ".. (" + p + ")"
		}
		return FormatDay(w.Earliest) + ".." + FormatDay(w.Latest) + " (" + p + ")"
	}
	if shape == Span {
		return "span from " + when(from) + " to " + when(to)
	}
	return string(shape) + " " + when(from)
}

func (c *storeCheck) checkRelativeDate(where string, d storedDate, shape Shape, from, to When) {
	if !d.anchor.Valid || !d.aprec.Valid {
		c.add(where, "relative date %q has no anchor document", d.phrase)
		return
	}
	ar, err := scanRange(d.as, d.ae, d.aprec.String)
	if err != nil {
		c.add(where, "anchor %s: %v", d.anchor.String, err)
		return
	}
	got, _, err := ResolvePhrase(d.phrase, ar)
	if err != nil {
		c.add(where, "relative date: %v", err)
		return
	}
	e := sourceEvent{shape: shape, from: from, to: to, date: Envelope(shape, from, to)}
	if !e.datesPhrase(got) {
		c.add(where, "relative date %q against %s resolves to %s, but %s is stored", d.phrase, d.anchor.String,
			DateRange{got.Start, got.End, Day}.String(), FormatEDTF(shape, from, to))
	}
}

// evidenceProblem is a problem with one evidence row, kept with the row's
// place so that problems are listed by event whatever order they were
// found in.
type evidenceProblem struct {
	event    string
	position int
	document string
	what     string
}

// checkEvidence checks every quote against the text at its offsets. It
// reads documents and evidence both sorted by document, so only one
// document's text is held at a time. The evidence is read in the table's
// order and sorted (+document_id): reading it through its index by
// document looks every row up again. Evidence of a missing document is
// left to checkForeignKeys.
func (c *storeCheck) checkEvidence(ctx context.Context, tx *sql.Tx) error {
	docs, err := tx.QueryContext(ctx, `SELECT id, text FROM documents ORDER BY id`)
	if err != nil {
		return err
	}
	defer docs.Close()
	var (
		probs    []evidenceProblem
		doc      string
		runes    []rune
		loaded   bool // doc and runes hold a document
		lastDocs bool // no document follows doc
	)
	err = eachRow(ctx, tx, `SELECT event_id, position, document_id, quote, start_char, end_char
		FROM evidence ORDER BY +document_id`,
		func(sc scanner) error {
			var (
				p          evidenceProblem
				quote      string
				start, end int
			)
			if err := sc.Scan(&p.event, &p.position, &p.document, &quote, &start, &end); err != nil {
				return err
			}
			for !lastDocs && (!loaded || doc < p.document) {
				if !docs.Next() {
					lastDocs = true
					break
				}
				var text string
				if err := docs.Scan(&doc, &text); err != nil {
					return err
				}
				runes, loaded = []rune(text), true
			}
			if !loaded || doc != p.document {
				return nil
			}
			if p.what = quoteProblem(runes, quote, start, end); p.what != "" {
				p.what = fmt.Sprintf("evidence from %s: %s", p.document, p.what)
				probs = append(probs, p)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if err := docs.Err(); err != nil {
		return err
	}
	slices.SortStableFunc(probs, func(a, b evidenceProblem) int {
		return cmp.Or(strings.Compare(a.event, b.event), cmp.Compare(a.position, b.position), strings.Compare(a.document, b.document))
	})
	for _, p := range probs {
		c.add("event "+p.event, "%s", p.what)
	}
	return nil
}

// quoteProblem says what is wrong with a quote said to be at start..end of
// a document's text, or "" when nothing is.
func quoteProblem(text []rune, quote string, start, end int) string {
	switch {
	case start < 0 || end > len(text) || start >= end:
		return fmt.Sprintf("offsets %d..%d outside the document's %d characters", start, end, len(text))
	case string(text[start:end]) != quote && strings.ContainsRune(string(text[start:end]), 0):
		return fmt.Sprintf("text at %d..%d reads as zero bytes, as a lost page of the file does, not the quote %q", start, end,
			textfmt.Clip(quote, 60))
	case string(text[start:end]) != quote:
		return fmt.Sprintf("text at %d..%d is %q, not the quote %q", start, end,
			textfmt.Clip(string(text[start:end]), 60), textfmt.Clip(quote, 60))
	case !utf8.ValidString(quote) || strings.TrimSpace(quote) == "":
		return "empty or invalid quote"
	}
	return ""
}

// querier is what eachRow queries: a transaction or a database.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// eachRow runs query with args in q and calls fn with each row.
func eachRow(ctx context.Context, q querier, query string, fn func(scanner) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
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
