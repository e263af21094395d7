package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// schemaV5 turns a corpus into what Chronoscope wrote at schema version 5:
// no checksums of the documents.
var schemaV5 = []string{
	`DROP TABLE document_checksums`,
	`PRAGMA user_version = 5`,
}

// schemaV4 turns a corpus into what Chronoscope wrote at schema version 4:
// no stored search index (nor checksums).
var schemaV4 = []string{
	`DROP TABLE document_checksums`,
	`DROP TRIGGER search_index_events_insert`,
	`DROP TRIGGER search_index_events_update`,
	`DROP TRIGGER search_index_events_delete`,
	`DROP TRIGGER search_index_actors_insert`,
	`DROP TRIGGER search_index_actors_update`,
	`DROP TRIGGER search_index_actors_delete`,
	`DROP TRIGGER search_index_actor_aliases_insert`,
	`DROP TRIGGER search_index_actor_aliases_update`,
	`DROP TRIGGER search_index_actor_aliases_delete`,
	`DROP TRIGGER search_index_places_insert`,
	`DROP TRIGGER search_index_places_update`,
	`DROP TRIGGER search_index_places_delete`,
	`DROP TRIGGER search_index_documents_insert`,
	`DROP TRIGGER search_index_documents_update`,
	`DROP TRIGGER search_index_documents_delete`,
	`DROP TRIGGER search_index_evidence_insert`,
	`DROP TRIGGER search_index_evidence_update`,
	`DROP TRIGGER search_index_evidence_delete`,
	`DROP TABLE search_index`,
	`PRAGMA user_version = 4`,
}

// schemaV2 turns a corpus into what Chronoscope wrote at schema version 2:
// each event's date one range with a precision, no shape, From or To.
var schemaV2 = []string{
	`ALTER TABLE events DROP COLUMN shape`,
	`ALTER TABLE events DROP COLUMN from_earliest`,
	`ALTER TABLE events DROP COLUMN from_latest`,
	`ALTER TABLE events DROP COLUMN from_precision`,
	`ALTER TABLE events DROP COLUMN to_earliest`,
	`ALTER TABLE events DROP COLUMN to_latest`,
	`ALTER TABLE events DROP COLUMN to_precision`,
	`UPDATE meta SET value = 'built by version 2' WHERE key = 'source_digest'`,
	`PRAGMA user_version = 2`,
}

// schemaV1 turns a corpus into what Chronoscope wrote at schema version 1:
// no sequences, no event_text (the events' summaries in text_index
// instead), no index on disagreements.
var schemaV1 = []string{
	`DROP TABLE event_text`,
	`DROP INDEX disagreements_by_event`,
	`ALTER TABLE events DROP COLUMN sequence`,
	`INSERT INTO text_index (kind, ref, title, body) SELECT 'event', id, title, summary FROM events`,
	`UPDATE meta SET value = 'built by version 1' WHERE key = 'source_digest'`,
	`PRAGMA user_version = 1`,
}

// TestMigrate_FromVersion1 opens a corpus of schema version 1 holding a
// researcher's notes: it is brought to the current schema, keeps the notes,
// and reads, searches and exports as a new corpus does.
func TestMigrate_FromVersion1(t *testing.T) {
	ctx := context.Background()
	fresh := MustOpenDB(t)
	path := filepath.Join(t.TempDir(), "old.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range slices.Concat(schemaV4, schemaV2, schemaV1, []string{
		`INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at) VALUES ('event', 'castillo-removed', 'check the wire', '2026-11-28', '2026-11-28')`,
		`INSERT INTO user_tags (target_kind, target_id, tag) VALUES ('event', 'boluarte-takes-office', 'succession')`}) {
		mustExec(t, db, q)
	}
	db.Close()

	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var version int
	if err := s.DB().QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != 6 {
		t.Errorf("user_version %d, %v; want 6", version, err)
	}
	var note, tag string
	if err := s.DB().QueryRow(`SELECT body FROM user_notes`).Scan(&note); err != nil || note != "check the wire" {
		t.Errorf("note %q, %v", note, err)
	}
	if err := s.DB().QueryRow(`SELECT tag FROM user_tags`).Scan(&tag); err != nil || tag != "succession" {
		t.Errorf("tag %q, %v", tag, err)
	}
	var stale int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM text_index WHERE kind = 'event'`).Scan(&stale); err != nil || stale != 0 {
		t.Errorf("%d event rows left in text_index, %v", stale, err)
	}

	// The new corpus is given the same review, which both then export and
	// list alike.
	mustExec(t, fresh.DB(), `INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at) VALUES ('event', 'castillo-removed', 'check the wire', '2026-11-28', '2026-11-28')`)
	mustExec(t, fresh.DB(), `INSERT INTO user_tags (target_kind, target_id, tag) VALUES ('event', 'boluarte-takes-office', 'succession')`)
	var got, want bytes.Buffer
	if err := s.ExportJSON(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if err := fresh.ExportJSON(ctx, &want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Error("the migrated corpus exports differently from a new one")
	}
	gotEvs, _ := s.Events(ctx)
	wantEvs, _ := fresh.Events(ctx)
	if !reflect.DeepEqual(gotEvs, wantEvs) {
		t.Errorf("events differ after migration:\n%v\n%v", gotEvs, wantEvs)
	}
	for _, q := range []string{"coup", "persona non grata", "ebrard"} {
		a, err1 := s.Find(ctx, q, 10)
		b, err2 := fresh.Find(ctx, q, 10)
		if err1 != nil || err2 != nil || !slices.Equal(hitIDs(a.Hits), hitIDs(b.Hits)) || !slices.Equal(a.Events, b.Events) {
			t.Errorf("Find(%q) after migration: %v %v, new corpus %v %v (%v, %v)", q, hitIDs(a.Hits), a.Events, hitIDs(b.Hits), b.Events, err1, err2)
		}
	}
}

// TestFind_Evidence checks that an event is found by a whole word of its
// evidence passages that its title and summary lack.
func TestFind_Evidence(t *testing.T) {
	s := MustOpenDB(t)
	// "slighted" is in monroy-persona-non-grata's evidence ("felt slighted
	// by Mexican President…"), not in its title or summary.
	res, err := s.Find(context.Background(), "slighted", 10)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(hitIDs(res.Hits), "event:monroy-persona-non-grata")
	if i < 0 {
		t.Fatalf("monroy-persona-non-grata not found by its evidence: %v", hitIDs(res.Hits))
	}
	if h := res.Hits[i]; len(h.SnippetMatches) != 1 || highlighted(h.Snippet, h.SnippetMatches) != "slighted" {
		t.Errorf("snippet %q highlights %v", h.Snippet, h.SnippetMatches)
	}
	if !slices.Contains(res.Events, "monroy-persona-non-grata") {
		t.Errorf("events %v", res.Events)
	}
}

// TestMigrate_FromVersion2 opens a corpus of schema version 2 that holds
// the researcher's own events, dated as ranges with a precision: each
// becomes an uncertain moment in its range, keeping its precision only
// where the range is that calendar unit, and the corpus checks clean.
func TestMigrate_FromVersion2(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	mine := []struct {
		id, start, end, precision string
		edtf                      string
		from                      data.Precision
		date                      data.Precision
	}{
		{"my-day", "2022-12-20", "2022-12-20", "day", "2022-12-20", data.Day, data.Day},
		{"my-week", "2021-12-06", "2021-12-12", "week", "[2021-12-06..2021-12-12]", data.Week, data.Week},
		{"my-month", "2021-09-01", "2021-09-30", "month", "2021-09", data.Month, data.Month},
		{"my-year", "2022-01-01", "2022-12-31", "year", "2022", data.Year, data.Year},
		// The loose precisions of version 2: a "month" on 15 days, a "week" on 8.
		{"my-15-days", "2022-12-07", "2022-12-21", "month", "[2022-12-07..2022-12-21]", "", data.Month},
		{"my-8-days", "2021-12-07", "2021-12-14", "week", "[2021-12-07..2021-12-14]", "", data.Week},
		{"my-2-days", "2022-12-20", "2022-12-21", "month", "[2022-12-20..2022-12-21]", "", data.Week},
	}
	for _, q := range slices.Concat(schemaV4, schemaV2) {
		mustExec(t, db, q)
	}
	for _, m := range mine {
		mustExec(t, db, `INSERT INTO events (id, origin, title, category, start_date, end_date, precision, date_basis, date_note)
			VALUES ('`+m.id+`', 'user', 'Mine', 'diplomacy', '`+m.start+`', '`+m.end+`', '`+m.precision+`', 'inferred', 'mine')`)
		mustExec(t, db, `INSERT INTO evidence (event_id, document_id, quote, start_char, end_char, position)
			SELECT '`+m.id+`', document_id, quote, start_char, end_char, 0 FROM evidence WHERE event_id = 'castillo-removed' LIMIT 1`)
	}
	mustExec(t, db, `INSERT INTO events (id, origin, title, category, precision, date_basis) VALUES ('my-undated', 'user', 'Mine', 'diplomacy', 'unknown', 'unknown')`)
	mustExec(t, db, `INSERT INTO evidence (event_id, document_id, quote, start_char, end_char, position)
		SELECT 'my-undated', document_id, quote, start_char, end_char, 0 FROM evidence WHERE event_id = 'castillo-removed' LIMIT 1`)
	db.Close()

	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, m := range mine {
		e, err := s.Event(ctx, m.id)
		if err != nil {
			t.Fatal(err)
		}
		if e.Shape != data.Moment || e.EDTF != m.edtf || e.From != e.To || e.From.Precision != m.from ||
			data.FormatDay(e.From.Earliest) != m.start || data.FormatDay(e.From.Latest) != m.end {
			t.Errorf("%s: %s %q from %+v to %+v; want a moment %s, precision %q", m.id, e.Shape, e.EDTF, e.From, e.To, m.edtf, m.from)
		}
		if data.FormatDay(e.Date.Start) != m.start || data.FormatDay(e.Date.End) != m.end || e.Date.Precision != m.date {
			t.Errorf("%s: envelope %+v, want %s..%s %s", m.id, e.Date, m.start, m.end, m.date)
		}
	}
	if e, err := s.Event(ctx, "my-undated"); err != nil || e.Shape != "" || e.EDTF != "" || e.Date.Known() {
		t.Errorf("my-undated: %+v, %v", e, err)
	}
	// The bundled rows are written again with the shapes their sources give.
	if e, err := s.Event(ctx, "protests-after-ouster"); err != nil || e.Shape != data.Span || e.EDTF != "2022-12-07/2022-12-21" {
		t.Errorf("protests-after-ouster after migration: %v %q, %v", e.Shape, e.EDTF, err)
	}
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Error(p)
	}
}
