package data_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"chronoscope/assets"
	"chronoscope/data"

	_ "modernc.org/sqlite"
)

// MustOpenDB builds the bundled corpus in a temporary directory and opens it.
func MustOpenDB(tb testing.TB) *data.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "corpus.db")
	s, err := data.OpenOrCreate(context.Background(), path, assets.Corpus())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestCreate_BundledCorpus(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) < 20 {
		t.Fatalf("%d events, want the corpus's 20 or more", len(evs))
	}
	for i := 1; i < len(evs); i++ {
		a, b := evs[i-1].Date, evs[i].Date
		if b.Known() && (!a.Known() || b.Start.Before(a.Start)) {
			t.Errorf("events out of time order at %s, %s", evs[i-1].ID, evs[i].ID)
		}
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("%d documents, want 5", len(docs))
	}
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Error(p)
	}
	var integrity string
	if err := s.DB().QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check = %q, %v", integrity, err)
	}
}

func TestCreate_RequiredEvents(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	tests := []struct {
		id         string
		start, end string // "" for unknown
		precision  data.Precision
		basis      data.Basis
		shape      data.Shape
		edtf       string
	}{
		{"celac-summit-castillo-visit", "2021-09-01", "2021-09-30", data.Month, data.Relative, data.Moment, "2021-09"},
		{"treasury-mission-lima", "2021-12-06", "2021-12-12", data.Day, data.Relative, data.Span, "2021-12-06/2021-12-12"},
		{"treasury-reports-proposals", "2021-12-07", "2021-12-14", data.Week, data.Relative, data.Moment, "[2021-12-07..2021-12-14]"},
		{"pacific-alliance-summit-rescheduled", "2022-11-01", "2022-12-14", data.Month, data.Stated, data.Span, "2022-11/2022-12-14"},
		{"castillo-removed", "2022-12-07", "2022-12-07", data.Day, data.Stated, data.Moment, "2022-12-07"},
		{"asylum-castillo-family", "2022-12-07", "2022-12-21", data.Month, data.Inferred, data.Moment, "[2022-12-07..2022-12-21]"},
		{"protests-after-ouster", "2022-12-07", "2022-12-21", data.Day, data.Inferred, data.Span, "2022-12-07/2022-12-21"},
		{"monroy-persona-non-grata", "2022-12-20", "2022-12-20", data.Day, data.Relative, data.Moment, "2022-12-20"},
		{"mexico-keeps-relations", "2022-12-21", "2022-12-21", data.Day, data.Relative, data.Moment, "2022-12-21"},
		{"pacific-alliance-presidency-withheld", "2023-02-17", "2023-02-17", data.Day, data.Relative, data.Moment, "2023-02-17"},
		// Known only from an undated document: no invented date.
		{"peru-severs-ties", "", "", data.Unknown, data.NoBasis, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			e, err := s.Event(ctx, tt.id)
			if err != nil {
				t.Fatal(err)
			}
			if got := data.FormatDay(e.Date.Start); got != tt.start {
				t.Errorf("start %q, want %q", got, tt.start)
			}
			if got := data.FormatDay(e.Date.End); got != tt.end {
				t.Errorf("end %q, want %q", got, tt.end)
			}
			if e.Date.Precision != tt.precision || e.Basis != tt.basis {
				t.Errorf("precision %s basis %s, want %s %s", e.Date.Precision, e.Basis, tt.precision, tt.basis)
			}
			if e.Shape != tt.shape || e.EDTF != tt.edtf {
				t.Errorf("%s %q, want %s %q", e.Shape, e.EDTF, tt.shape, tt.edtf)
			}
			if len(e.Sources) == 0 || len(e.Actors) == 0 {
				t.Errorf("%d sources, %d actors", len(e.Sources), len(e.Actors))
			}
		})
	}
	removed, err := s.Event(ctx, "castillo-removed")
	if err != nil {
		t.Fatal(err)
	}
	sides := map[string]bool{}
	for _, v := range removed.Sources {
		sides[v.Side] = true
	}
	if len(removed.Disagreements) == 0 || !sides["coup"] || !sides["lawful removal"] {
		t.Errorf("castillo-removed should carry both readings: disagreements %v, sides %v", removed.Disagreements, sides)
	}
	if _, err := s.Event(ctx, "no-such-event"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("missing event: %v, want ErrNotFound", err)
	}
}

// TestEvidence_Offsets checks that the evidence offsets are rune offsets into
// the cleaned text, so a UI can highlight them without knowing about UTF-8.
func TestEvidence_Offsets(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	multibyte := 0
	for _, sum := range evs {
		e, err := s.Event(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range e.Sources {
			doc, err := s.Document(ctx, v.DocumentID)
			if err != nil {
				t.Fatal(err)
			}
			runes := []rune(doc.Text)
			if got := string(runes[v.Start:v.End]); got != v.Quote {
				t.Errorf("%s: text at %d..%d is %q, want %q", e.ID, v.Start, v.End, got, v.Quote)
			}
			prefix := string(runes[:v.Start])
			if len(prefix) != utf8.RuneCountInString(prefix) {
				multibyte++
			}
		}
	}
	if multibyte == 0 {
		t.Error("no quote follows multi-byte text, so rune offsets were not exercised")
	}
}

func TestDocuments_Cleaned(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	tfi, err := s.Document(ctx, "tfiglobal-us-backed-government")
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"View All Result", "Indian Subcontinent", "Also Read", "Share on Facebook", "Login to your account", "cookies", "Donroe Doctrine"} {
		if strings.Contains(tfi.Text, junk) {
			t.Errorf("cleaned text still has boilerplate %q", junk)
		}
		if !strings.Contains(tfi.Original, junk) {
			t.Errorf("original lost %q", junk)
		}
	}
	if !strings.HasPrefix(tfi.Text, "Mexico’s AMLO refuses") || !strings.Contains(tfi.Text, "how to expose US-backed coup governments.") {
		t.Errorf("cleaned text lost the article: %.80q", tfi.Text)
	}
	undated, err := s.Document(ctx, "peru-severs-ties")
	if err != nil {
		t.Fatal(err)
	}
	if undated.Published.Known() || undated.Basis != data.NoBasis {
		t.Errorf("undated document got a date: %v %s", undated.Published, undated.Basis)
	}
}

// TestDocuments_OriginalsMatchSeeds checks that the originals are the seed
// articles byte for byte. The seeds sit beside the repository in
// ../shared/seeds; without them there is nothing to compare.
func TestDocuments_OriginalsMatchSeeds(t *testing.T) {
	seeds := filepath.Join("..", "..", "shared", "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no ../shared/seeds beside the repository")
	}
	s := MustOpenDB(t)
	ctx := context.Background()
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sum := range docs {
		var name, original string
		if err := s.DB().QueryRow(`SELECT source_name, original FROM documents WHERE id = ?`, sum.ID).Scan(&name, &original); err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(seeds, name))
		if err != nil {
			t.Fatal(err)
		}
		if original != string(want) {
			t.Errorf("%s: original differs from seed %s", sum.ID, name)
		}
	}
}

// TestUpdateBundled_KeepsUserData checks that a corpus update replaces the
// bundled rows and leaves user data alone.
func TestUpdateBundled_KeepsUserData(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	db := s.DB()
	mustExec(t, db, `INSERT INTO user_reviews (event_id, status, updated_at) VALUES ('castillo-removed', 'disputed', '2026-11-28')`)
	mustExec(t, db, `INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at) VALUES ('event', 'castillo-removed', 'check the wire', '2026-11-28', '2026-11-28')`)
	mustExec(t, db, `UPDATE meta SET value = 'older' WHERE key = 'source_digest'`)
	mustExec(t, db, `UPDATE events SET title = 'stale title' WHERE id = 'castillo-removed'`)

	if err := s.UpdateBundled(ctx, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, "castillo-removed")
	if err != nil {
		t.Fatal(err)
	}
	if e.Title == "stale title" {
		t.Error("bundled event was not refreshed")
	}
	var status, note string
	if err := db.QueryRow(`SELECT status FROM user_reviews WHERE event_id = 'castillo-removed'`).Scan(&status); err != nil || status != "disputed" {
		t.Errorf("review %q, %v", status, err)
	}
	if err := db.QueryRow(`SELECT body FROM user_notes WHERE target_id = 'castillo-removed'`).Scan(&note); err != nil || note != "check the wire" {
		t.Errorf("note %q, %v", note, err)
	}
	if hits, _ := s.SearchText(ctx, "oligarchy", 5); len(hits) == 0 {
		t.Error("full-text index lost after update")
	}
}

func TestLoadSource_ReportsProblems(t *testing.T) {
	// Break a copy of the bundled sources in the ways an author might.
	dir := t.TempDir()
	if err := os.CopyFS(dir, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	events := filepath.Join(dir, "events.toml")
	b, err := os.ReadFile(events)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), `quote = "Embattled Castillo was impeached`, `quote = "Embattled Castillo was NOT impeached`, 1)
	broken = strings.Replace(broken, `date = "2022-12-20"`, `date = "2022-02-30"`, 1)
	if err := os.WriteFile(events, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = data.LoadSource(os.DirFS(dir))
	var se *data.SourceError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v, want a SourceError", err)
	}
	msg := err.Error()
	for _, want := range []string{"quote not found in the cleaned text of ambassador-expelled", "2022-02-30", "events.toml: event"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error should mention %q:\n%s", want, msg)
		}
	}

	if err := os.WriteFile(events, []byte("[[event]]\nid = \"x\"\ntitle = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := data.LoadSource(os.DirFS(dir)); err == nil || !strings.Contains(err.Error(), "events.toml") || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("malformed TOML: %v, want the file and line", err)
	}
}

func mustExec(tb testing.TB, db *sql.DB, q string) {
	tb.Helper()
	if _, err := db.Exec(q); err != nil {
		tb.Fatal(err)
	}
}

func fileDigest(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		tb.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return sum[:]
}

// TestUpdateBundled_KeepsUserLinks checks that a researcher's own event that
// links to bundled actors and documents keeps its links through a corpus
// update.
func TestUpdateBundled_KeepsUserLinks(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	db := s.DB()
	mustExec(t, db, `INSERT INTO events (id, origin, title, category, precision, date_basis) VALUES ('my-event', 'user', 'My event', 'diplomacy', 'unknown', 'unknown')`)
	mustExec(t, db, `INSERT INTO event_actors (event_id, actor_id, role, position) VALUES ('my-event', 'lopez-obrador', '', 0)`)
	mustExec(t, db, `INSERT INTO evidence (event_id, document_id, quote, start_char, end_char, position) VALUES ('my-event', 'ambassador-expelled', 'Mexico', 0, 6, 0)`)
	mustExec(t, db, `UPDATE meta SET value = 'older' WHERE key = 'source_digest'`)
	if err := s.UpdateBundled(ctx, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, "my-event")
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Actors) != 1 || len(e.Sources) != 1 {
		t.Errorf("user event has %d actors and %d sources after the update, want 1 and 1", len(e.Actors), len(e.Sources))
	}
}

func TestUpdateBundled_RefusesIDClash(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	db := s.DB()
	mustExec(t, db, `UPDATE actors SET origin = 'user', name = 'Mine' WHERE id = 'kenna'`)
	mustExec(t, db, `UPDATE meta SET value = 'older' WHERE key = 'source_digest'`)
	err := s.UpdateBundled(ctx, assets.Corpus())
	if err == nil || !strings.Contains(err.Error(), "actors kenna") {
		t.Fatalf("err = %v, want a clash on actors kenna", err)
	}
	var name, digest string
	db.QueryRow(`SELECT name FROM actors WHERE id = 'kenna'`).Scan(&name)
	db.QueryRow(`SELECT value FROM meta WHERE key = 'source_digest'`).Scan(&digest)
	if name != "Mine" || digest != "older" {
		t.Errorf("a refused update changed things: name %q digest %q", name, digest)
	}
}

// TestOpenOrCreate_LeavesOtherSources opens corpora made from synthetic
// sources as the window does, with the bundled sources: they are not the
// bundled sources' to update, so every event is still there and the file
// is as it was, whether the corpus records its set of sources or, made by
// an older build, does not.
func TestOpenOrCreate_LeavesOtherSources(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	const n = 120
	if err := data.WriteSyntheticSource(src, n, 1); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		tamper []string
	}{
		{"set recorded", nil},
		{"made before sets were recorded", []string{`DELETE FROM meta WHERE key = 'source_set'`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "s.db")
			if err := data.Create(ctx, path, os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
			tamper(t, path, tc.tamper)
			before := fileDigest(t, path)
			s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
			if err != nil {
				t.Fatal(err)
			}
			evs, err := s.Events(ctx)
			s.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != n || evs[0].ID[:6] != "event-" {
				t.Errorf("%d events after opening (first %s), want the %d synthetic ones", len(evs), evs[0].ID, n)
			}
			if !bytes.Equal(fileDigest(t, path), before) {
				t.Error("opening changed the file")
			}
		})
	}
}

// TestOpenOrCreate_UpdatesOlderBundled opens a corpus made from an older
// version of the bundled sources by a build that recorded no set of
// sources: the bundled sources still update it, and it records their set.
func TestOpenOrCreate_UpdatesOlderBundled(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	tamper(t, path, []string{
		`DELETE FROM meta WHERE key = 'source_set'`,
		`UPDATE meta SET value = 'older' WHERE key = 'source_digest'`,
		`UPDATE events SET title = 'stale title' WHERE id = 'castillo-removed'`,
	})
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if e, err := s.Event(ctx, "castillo-removed"); err != nil || e.Title == "stale title" {
		t.Errorf("the older bundled corpus was not updated: %q, %v", e.Title, err)
	}
	var set string
	if err := s.DB().QueryRow(`SELECT value FROM meta WHERE key = 'source_set'`).Scan(&set); err != nil || set != "chronoscope-bundled" {
		t.Errorf("source_set %q, %v", set, err)
	}
}

// tamper runs statements on the corpus file at path, as an older build or
// another program might have left it.
func tamper(tb testing.TB, path string, stmts []string) {
	tb.Helper()
	if len(stmts) == 0 {
		return
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		mustExec(tb, db, q)
	}
}

// An empty corpus opens, holds nothing, takes an import, is left alone by
// the bundled sources, and is never made over an existing file.
func TestCreateEmpty(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "mine.db")
	if err := data.CreateEmpty(ctx, path); err != nil {
		t.Fatal(err)
	}
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	docs, evs, err := s.Counts(ctx)
	if err != nil || docs != 0 || evs != 0 {
		t.Fatalf("counts %d documents, %d events, %v; want none", docs, evs, err)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) != 0 {
		t.Fatalf("check: %v %v", probs, err)
	}
	s.Close()
	if err := os.WriteFile(path, []byte("kept"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := data.CreateEmpty(ctx, path); !errors.Is(err, os.ErrExist) {
		t.Errorf("over an existing file: %v, want ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "kept" {
		t.Errorf("the existing file now holds %q", b)
	}
}
