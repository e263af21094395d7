package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"chronoscope/assets"
	"chronoscope/data"
)

// fixedClock is a clock that moves a second at each reading.
func fixedClock() func() time.Time {
	t := time.Date(2026, 11, 29, 18, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Second); return t }
}

// mustReview reads a review or fails.
func mustReview(tb testing.TB, s *data.Store, kind data.Kind, id string) *data.Review {
	tb.Helper()
	r, err := s.Review(context.Background(), kind, id)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// reviewSome writes a status, a tag and a note on castillo-removed and a
// note on a document and an actor.
func reviewSome(tb testing.TB, s *data.Store) {
	tb.Helper()
	ctx := context.Background()
	if err := s.SetStatus(ctx, "castillo-removed", data.NeedsSource); err != nil {
		tb.Fatal(err)
	}
	if err := s.AddTag(ctx, "castillo-removed", "succession"); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.AddNote(ctx, data.KindEvent, "castillo-removed", "check the wire"); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.AddNote(ctx, data.KindActor, "lopez-obrador", "speaks daily"); err != nil {
		tb.Fatal(err)
	}
	if _, err := s.AddNote(ctx, data.KindDocument, "ambassador-expelled", "AP copy"); err != nil {
		tb.Fatal(err)
	}
}

// TestReview_PersistsAcrossReopen closes and reopens the corpus, and then
// updates it from changed bundled sources: the review is as it was, and
// Events and Event carry it.
func TestReview_PersistsAcrossReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	s.SetClock(fixedClock())
	reviewSome(t, s)
	want := mustReview(t, s, data.KindEvent, "castillo-removed")
	if want.Status != data.NeedsSource || !reflect.DeepEqual(want.Tags, []string{"succession"}) ||
		len(want.Notes) != 1 || want.Notes[0].Body != "check the wire" ||
		!want.Notes[0].Created.Equal(time.Date(2026, 11, 29, 18, 0, 2, 0, time.UTC)) {
		t.Fatalf("review %+v", want)
	}
	s.Close()

	// Sources changed as a new release might: a title reworded.
	dir := t.TempDir()
	if err := os.CopyFS(dir, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	events := filepath.Join(dir, "events.toml")
	b, err := os.ReadFile(events)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), `title = "Congress removes Castillo, who is arrested"`, `title = "Congress removes Castillo"`, 1)
	if changed == string(b) {
		t.Fatal("the title to change is not in events.toml")
	}
	if err := os.WriteFile(events, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"reopened", "updated"} {
		fsys := assets.Corpus()
		if src == "updated" {
			fsys = os.DirFS(dir)
		}
		s, err := data.OpenOrCreate(ctx, path, fsys)
		if err != nil {
			t.Fatal(err)
		}
		if got := mustReview(t, s, data.KindEvent, "castillo-removed"); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: review %+v, want %+v", src, got, want)
		}
		for kind, id := range map[data.Kind]string{data.KindActor: "lopez-obrador", data.KindDocument: "ambassador-expelled"} {
			if got := mustReview(t, s, kind, id); len(got.Notes) != 1 {
				t.Errorf("%s: %s %s notes %+v", src, kind, id, got.Notes)
			}
		}
		e, err := s.Event(ctx, "castillo-removed")
		if err != nil {
			t.Fatal(err)
		}
		if e.Status != data.NeedsSource || !reflect.DeepEqual(e.Tags, []string{"succession"}) || e.Notes != 1 || e.Origin != "bundled" {
			t.Errorf("%s: event %q status %q tags %v notes %d origin %q", src, e.Title, e.Status, e.Tags, e.Notes, e.Origin)
		}
		if src == "updated" && e.Title != "Congress removes Castillo" {
			t.Errorf("the bundled update was not applied: %q", e.Title)
		}
		s.Close()
	}
}

// TestReview_UnknownIDChangesNothing checks that every write to an id the
// corpus lacks fails with ErrNotFound and leaves the file as it was.
func TestReview_UnknownIDChangesNothing(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	before := fileDigest(t, s.Path())
	writes := map[string]func() error{
		"SetStatus": func() error { return s.SetStatus(ctx, "no-such-event", data.Verified) },
		"AddNote":   func() error { _, err := s.AddNote(ctx, data.KindEvent, "no-such-event", "x"); return err },
		"AddNote actor": func() error {
			_, err := s.AddNote(ctx, data.KindActor, "no-such-actor", "x")
			return err
		},
		"EditNote":    func() error { _, err := s.EditNote(ctx, 999, "x"); return err },
		"DeleteNote":  func() error { _, err := s.DeleteNote(ctx, 999); return err },
		"RestoreNote": func() error { return s.RestoreNote(ctx, data.KindEvent, "no-such-event", data.Note{ID: 5, Body: "x"}) },
		"AddTag":      func() error { return s.AddTag(ctx, "no-such-event", "t") },
		"RemoveTag":   func() error { return s.RemoveTag(ctx, "no-such-event", "t") },
		"ChangeReview": func() error {
			_, err := s.ChangeReview(ctx, "no-such-event", data.ReviewChange{Status: data.Verified, Tags: []string{"t"}})
			return err
		},
		"Review": func() error { _, err := s.Review(ctx, data.KindEvent, "no-such-event"); return err },
	}
	for name, write := range writes {
		if err := write(); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("%s: %v, want ErrNotFound", name, err)
		}
	}
	if err := s.SetStatus(ctx, "castillo-removed", "maybe"); err == nil || !strings.Contains(err.Error(), `"maybe"`) {
		t.Errorf("unknown status: %v", err)
	}
	// A change of several parts is made whole or not at all.
	_, err := s.ChangeReview(ctx, "castillo-removed", data.ReviewChange{Tags: []string{"kept?"}, Status: "maybe"})
	if err == nil {
		t.Error("ChangeReview with an unknown status succeeded")
	}
	if after := fileDigest(t, s.Path()); string(after) != string(before) {
		t.Error("the corpus file changed")
	}
	if r := mustReview(t, s, data.KindEvent, "castillo-removed"); len(r.Tags) != 0 || r.Status != data.Unreviewed {
		t.Errorf("review %+v after failed writes", r)
	}
}

// TestReview_Undo makes each edit and its inverse, as the window's undo
// does, and finds the review as it was before.
func TestReview_Undo(t *testing.T) {
	s := MustOpenDB(t)
	s.SetClock(fixedClock())
	ctx := context.Background()
	reviewSome(t, s)
	start := mustReview(t, s, data.KindEvent, "castillo-removed")
	note := start.Notes[0]
	steps := []struct {
		name     string
		do, undo func() error
	}{
		{"status", func() error { return s.SetStatus(ctx, "castillo-removed", data.Disputed) },
			func() error { return s.SetStatus(ctx, "castillo-removed", start.Status) }},
		{"edit note", func() error { _, err := s.EditNote(ctx, note.ID, "checked"); return err },
			func() error { _, err := s.EditNote(ctx, note.ID, note.Body); return err }},
		{"tag", func() error { return s.AddTag(ctx, "castillo-removed", "arrest") },
			func() error { return s.RemoveTag(ctx, "castillo-removed", "arrest") }},
		{"untag", func() error { return s.RemoveTag(ctx, "castillo-removed", "succession") },
			func() error { return s.AddTag(ctx, "castillo-removed", "succession") }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if reflect.DeepEqual(mustReview(t, s, data.KindEvent, "castillo-removed"), start) {
			t.Errorf("%s changed nothing", st.name)
		}
		if err := st.undo(); err != nil {
			t.Fatalf("undo %s: %v", st.name, err)
		}
		got := mustReview(t, s, data.KindEvent, "castillo-removed")
		if st.name == "edit note" {
			// The words are back; the note says when they last changed.
			if !got.Notes[0].Updated.After(note.Updated) {
				t.Errorf("edited note's time %v, was %v", got.Notes[0].Updated, note.Updated)
			}
			got.Notes[0].Updated = note.Updated
		}
		if !reflect.DeepEqual(got, start) {
			t.Errorf("after undoing %s: %+v, want %+v", st.name, got, start)
		}
		start = mustReview(t, s, data.KindEvent, "castillo-removed")
		note = start.Notes[0]
	}

	deleted, err := s.DeleteNote(ctx, note.ID)
	if err != nil || !reflect.DeepEqual(deleted, note) {
		t.Fatalf("DeleteNote = %+v, %v; want %+v", deleted, err, note)
	}
	if r := mustReview(t, s, data.KindEvent, "castillo-removed"); len(r.Notes) != 0 {
		t.Errorf("notes after delete %+v", r.Notes)
	}
	if err := s.RestoreNote(ctx, data.KindEvent, "castillo-removed", deleted); err != nil {
		t.Fatal(err)
	}
	if got := mustReview(t, s, data.KindEvent, "castillo-removed"); !reflect.DeepEqual(got, start) {
		t.Errorf("after restoring the note: %+v, want %+v", got, start)
	}
	if err := s.RestoreNote(ctx, data.KindEvent, "castillo-removed", deleted); err == nil {
		t.Error("a note restored twice")
	}
}

// TestTags lists the tags in use, each once, sorted.
func TestTags(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, tt := range [][2]string{{"castillo-removed", "succession"}, {"boluarte-takes-office", "succession"}, {"castillo-removed", " arrest "}} {
		if err := s.AddTag(ctx, tt[0], tt[1]); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := s.Tags(ctx); err != nil || !reflect.DeepEqual(got, []string{"arrest", "succession"}) {
		t.Errorf("Tags = %q, %v", got, err)
	}
	if err := s.AddTag(ctx, "castillo-removed", "  "); err == nil {
		t.Error("an empty tag was added")
	}
}

// TestMigrate_FromVersion3 opens a corpus whose statuses could not say
// needs-source: its reviews are kept, and needs-source can then be set.
func TestMigrate_FromVersion3(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	tamper(t, path, append(slices.Clone(schemaV4), []string{
		`DROP TABLE user_reviews`,
		`DROP INDEX user_tags_by_tag`,
		`CREATE TABLE user_reviews (
			event_id   TEXT PRIMARY KEY,
			status     TEXT NOT NULL CHECK (status IN ('unreviewed', 'verified', 'disputed')),
			updated_at TEXT NOT NULL
		) STRICT`,
		`INSERT INTO user_reviews VALUES ('castillo-removed', 'disputed', '2026-11-28')`,
		`PRAGMA user_version = 3`,
	}...))
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := mustReview(t, s, data.KindEvent, "castillo-removed"); r.Status != data.Disputed {
		t.Errorf("status %q after migration, want disputed", r.Status)
	}
	if err := s.SetStatus(ctx, "boluarte-takes-office", data.NeedsSource); err != nil {
		t.Error(err)
	}
}
