package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// bundledLinks are deleted and rebuilt whole on every write: they belong to
// bundled rows only, so nothing of the researcher's is lost with them.
var bundledLinks = []string{
	`DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
	`DELETE FROM event_places WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
	`DELETE FROM evidence WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
	`DELETE FROM disagreements WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
	`DELETE FROM actor_aliases WHERE actor_id IN (SELECT id FROM actors WHERE origin = 'bundled')`,
}

// bundledText deletes the full-text entries of bundled events and documents.
var bundledText = []string{
	`DELETE FROM event_text WHERE ref IN (SELECT id FROM events WHERE origin = 'bundled')`,
	`DELETE FROM text_index WHERE kind = 'document' AND ref IN (SELECT id FROM documents WHERE origin = 'bundled')`,
}

// write brings the bundled rows in tx in line with the source: rows are
// updated in place by id, never deleted and re-added, so that nothing of the
// researcher's that links to them is cascaded away. The bundled events'
// own links are rebuilt whole; bundled rows the source no longer has are
// removed unless something of the researcher's still refers to them.
func (src *Source) write(ctx context.Context, tx *sql.Tx) error {
	if err := src.checkClashes(ctx, tx); err != nil {
		return err
	}
	for _, q := range append(bundledLinks, bundledText...) {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	st := &stmts{tx: tx, prepared: map[string]*sql.Stmt{}}
	defer st.close()
	for _, step := range []func(context.Context, *stmts) error{
		src.writeDocuments, src.writeActors, src.writePlaces, src.writeEvents, src.pruneStale,
	} {
		if err := step(ctx, st); err != nil {
			return err
		}
	}
	for key, value := range map[string]string{metaDigest: src.Digest, metaSet: src.Set} {
		if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
			return err
		}
	}
	return nil
}

// stmts runs statements in a transaction, each prepared once: writing
// 100,000 events otherwise spends a third of its time parsing the same SQL.
type stmts struct {
	tx       *sql.Tx
	prepared map[string]*sql.Stmt
}

func (st *stmts) exec(ctx context.Context, query string, args ...any) error {
	p := st.prepared[query]
	if p == nil {
		var err error
		if p, err = st.tx.PrepareContext(ctx, query); err != nil {
			return err
		}
		st.prepared[query] = p
	}
	_, err := p.ExecContext(ctx, args...)
	return err
}

func (st *stmts) close() {
	for _, p := range st.prepared {
		p.Close()
	}
}

func (src *Source) writeDocuments(ctx context.Context, st *stmts) error {
	for _, d := range src.Documents {
		if err := upsert(ctx, st, "documents", []string{"id", "title", "publisher", "author", "url", "language",
			"published_start", "published_end", "published_precision", "published_basis", "published_note", "note",
			"source_name", "text", "original"},
			d.ID, d.Title, d.Publisher, d.Author, d.URL, d.Language,
			nullable(FormatDay(d.published.Start)), nullable(FormatDay(d.published.End)),
			string(d.published.Precision), d.PublishedBasis, d.PublishedNote, d.Note, d.Seed,
			d.text, d.original); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		if err := st.exec(ctx, `INSERT INTO text_index (kind, ref, title, body) VALUES (?, ?, ?, ?)`,
			KindDocument, d.ID, d.Title, d.text); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		if err := writeChecksums(ctx, st.exec, d.ID, d.text, d.original); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	return nil
}

func (src *Source) writeActors(ctx context.Context, st *stmts) error {
	for _, a := range src.Actors {
		if err := upsert(ctx, st, "actors", []string{"id", "name", "kind", "grp", "description"},
			a.ID, a.Name, a.Kind, a.Group, a.Description); err != nil {
			return fmt.Errorf("actor %s: %w", a.ID, err)
		}
		for _, al := range a.Aliases {
			if err := st.exec(ctx, `INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`, a.ID, al); err != nil {
				return fmt.Errorf("actor %s: %w", a.ID, err)
			}
		}
	}
	return nil
}

func (src *Source) writePlaces(ctx context.Context, st *stmts) error {
	for _, p := range src.Places {
		if err := upsert(ctx, st, "places", []string{"id", "name", "country"}, p.ID, p.Name, p.Country); err != nil {
			return fmt.Errorf("place %s: %w", p.ID, err)
		}
	}
	return nil
}

func (src *Source) writeEvents(ctx context.Context, st *stmts) error {
	for _, e := range src.Events {
		if err := e.write(ctx, st); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
	}
	return nil
}

// write inserts the event and its actors, places, evidence, disagreements
// and full-text entry (its title, summary and passages); its old links are
// already gone.
func (e *sourceEvent) write(ctx context.Context, st *stmts) error {
	var sequence any
	if e.Sequence != nil {
		sequence = *e.Sequence
	}
	if err := upsert(ctx, st, "events", []string{"id", "title", "summary", "category", "start_date", "end_date",
		"precision", "date_basis", "date_phrase", "date_anchor", "date_note", "sequence", "shape",
		"from_earliest", "from_latest", "from_precision", "to_earliest", "to_latest", "to_precision"},
		e.ID, e.Title, e.Summary, e.Category, nullable(FormatDay(e.date.Start)), nullable(FormatDay(e.date.End)),
		string(e.date.Precision), string(e.basis), e.Phrase, nullable(e.Document), e.Note, sequence, nullable(string(e.shape)),
		nullable(FormatDay(e.from.Earliest)), nullable(FormatDay(e.from.Latest)), string(e.from.Precision),
		nullable(FormatDay(e.to.Earliest)), nullable(FormatDay(e.to.Latest)), string(e.to.Precision)); err != nil {
		return err
	}
	for i, a := range e.Actors {
		if err := st.exec(ctx, `INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, ?, ?)`,
			e.ID, a.Actor, a.Role, i); err != nil {
			return err
		}
	}
	for _, p := range e.Places {
		if err := st.exec(ctx, `INSERT INTO event_places (event_id, place_id) VALUES (?, ?)`, e.ID, p); err != nil {
			return err
		}
	}
	for i, s := range e.Sources {
		if err := st.exec(ctx, `INSERT INTO evidence (event_id, document_id, quote, start_char, end_char, side, position)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ID, s.Document, s.Quote, e.offsets[i][0], e.offsets[i][1], s.Side, i); err != nil {
			return err
		}
	}
	for _, d := range e.Disagreements {
		if err := st.exec(ctx, `INSERT INTO disagreements (event_id, topic, summary, sides) VALUES (?, ?, ?, ?)`,
			e.ID, d.Topic, d.Summary, strings.Join(d.Sides, "\n")); err != nil {
			return err
		}
	}
	quotes := make([]string, len(e.Sources))
	for i, s := range e.Sources {
		quotes[i] = s.Quote
	}
	return st.exec(ctx, `INSERT INTO event_text (ref, title, summary, evidence) VALUES (?, ?, ?, ?)`,
		e.ID, e.Title, e.Summary, strings.Join(quotes, " … "))
}

// upsert inserts a row or updates the one with its id (the first column).
func upsert(ctx context.Context, st *stmts, table string, cols []string, args ...any) error {
	set := make([]string, 0, len(cols)-1)
	for _, c := range cols[1:] {
		set = append(set, c+" = excluded."+c)
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (?%s) ON CONFLICT (id) DO UPDATE SET %s",
		table, strings.Join(cols, ", "), strings.Repeat(", ?", len(cols)-1), strings.Join(set, ", "))
	return st.exec(ctx, q, args...)
}

// nullable stores an empty string as NULL.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// ids are the source's ids by table.
func (src *Source) ids() map[string][]string {
	ids := map[string][]string{}
	for _, d := range src.Documents {
		ids["documents"] = append(ids["documents"], d.ID)
	}
	for _, a := range src.Actors {
		ids["actors"] = append(ids["actors"], a.ID)
	}
	for _, p := range src.Places {
		ids["places"] = append(ids["places"], p.ID)
	}
	for _, e := range src.Events {
		ids["events"] = append(ids["events"], e.ID)
	}
	return ids
}

// checkClashes refuses a source whose ids name rows the researcher added.
func (src *Source) checkClashes(ctx context.Context, tx *sql.Tx) error {
	ids := src.ids()
	var clashes []string
	for _, table := range []string{"documents", "actors", "places", "events"} {
		users, err := idsWhere(ctx, tx, table, "user")
		if err != nil {
			return err
		}
		for _, id := range ids[table] {
			if users[id] {
				clashes = append(clashes, table+" "+id)
			}
		}
	}
	if len(clashes) > 0 {
		return fmt.Errorf("the bundled corpus uses ids the researcher's own rows have (%s); nothing was changed",
			strings.Join(clashes, ", "))
	}
	return nil
}

// idsWhere is the set of ids in table whose rows have the given origin.
func idsWhere(ctx context.Context, tx *sql.Tx, table, origin string) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" WHERE origin = ?", origin)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// unreferenced is the condition under which a stale bundled row of each
// table may go: events always (with their own links); an actor, place or
// document only while nothing, which after the rebuild can only be the
// researcher's rows, refers to it.
var unreferenced = map[string]string{
	"events":    "",
	"actors":    " AND NOT EXISTS (SELECT 1 FROM event_actors WHERE actor_id = actors.id)",
	"places":    " AND NOT EXISTS (SELECT 1 FROM event_places WHERE place_id = places.id)",
	"documents": " AND NOT EXISTS (SELECT 1 FROM evidence WHERE document_id = documents.id) AND NOT EXISTS (SELECT 1 FROM events WHERE date_anchor = documents.id)",
}

// pruneStale removes the bundled rows the source no longer has, where
// unreferenced allows.
func (src *Source) pruneStale(ctx context.Context, st *stmts) error {
	tx := st.tx
	ids := src.ids()
	for _, table := range []string{"events", "actors", "places", "documents"} {
		bundled, err := idsWhere(ctx, tx, table, "bundled")
		if err != nil {
			return err
		}
		for _, id := range ids[table] {
			delete(bundled, id)
		}
		for id := range bundled {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?"+unreferenced[table], id); err != nil {
				return fmt.Errorf("remove %s %s: %w", table, id, err)
			}
		}
	}
	return nil
}
