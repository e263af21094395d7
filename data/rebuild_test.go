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

	"chronoscope/assets"
	"chronoscope/data"
)

// TestRebuild_KeepsUserRows damages the bundled part of a corpus holding a
// researcher's reviews, notes, tags, own events (one from an imported
// document) and an import, and breaks a full-text index; Rebuild makes
// the bundled part and the indexes again, every row of the researcher's is
// as it was, Check passes, and the corpus as it was is in a backup.
func TestRebuild_KeepsUserRows(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	reviewSome(t, s)
	imported, err := s.Import(ctx, "wire.txt", strings.NewReader("Lima wire\n\nLIMA, 20 de diciembre de 2022. El gobierno expulsó al embajador de México."))
	if err != nil {
		t.Fatal(err)
	}
	own, err := s.CreateEvent(ctx, newImpeachment(t, s, "2022-12-07"))
	if err != nil {
		t.Fatal(err)
	}
	start, end := passage(t, s, imported.DocumentID, "expulsó al embajador")
	fromImport, err := s.CreateEvent(ctx, data.NewEvent{Title: "Ambassador expelled, by the wire", Category: "diplomacy",
		Date: "2022-12-20", DocumentID: imported.DocumentID, Start: start, End: end})
	if err != nil {
		t.Fatal(err)
	}
	before := userState(t, s, own, fromImport, imported.DocumentID)
	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}

	db := s.DB()
	mustExec(t, db, `UPDATE events SET title = 'garbled', summary = '' WHERE origin = 'bundled'`)
	mustExec(t, db, `DELETE FROM events WHERE id = 'boluarte-takes-office'`)
	mustExec(t, db, `UPDATE documents SET text = 'garbled' WHERE id = 'ambassador-expelled'`)
	mustExec(t, db, `INSERT INTO events (id, title, category, precision, date_basis) VALUES ('stray', 'Not in the sources', 'diplomacy', 'unknown', 'unknown')`)
	// Text changed under the index breaks it.
	mustExec(t, db, `UPDATE event_text_content SET c1 = 'wrong words' WHERE id = (SELECT rowid FROM event_text WHERE ref = '`+fromImport+`')`)
	if probs, err := s.Check(ctx); err == nil && len(probs) == 0 {
		t.Fatal("the damage passes check")
	}

	backup, err := s.Rebuild(ctx, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	if after := userState(t, s, own, fromImport, imported.DocumentID); !reflect.DeepEqual(after, before) {
		t.Errorf("the researcher's rows changed:\n%+v\nwant\n%+v", after, before)
	}
	if got, err := s.Events(ctx); err != nil || !reflect.DeepEqual(got, events) {
		t.Errorf("events after the rebuild differ from before the damage (%v)", err)
	}
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range probs {
		t.Error(p)
	}
	res, err := s.Find(ctx, "embajador", 10)
	if err != nil || !slices.Contains(res.Events, fromImport) {
		t.Errorf("the own event is not found by its passage: %v %v", res.Events, err)
	}
	if _, err := os.Stat(backup); err != nil || filepath.Dir(backup) != filepath.Join(filepath.Dir(s.Path()), data.BackupsDir) {
		t.Errorf("backup %q: %v", backup, err)
	}
}

// userRows is what a researcher made in a corpus, as the tests read it.
type userRows struct {
	Reviews   []*data.Review
	Events    []*data.Event
	Document  *data.Document
	Documents int
}

func userState(tb testing.TB, s *data.Store, own, fromImport, docID string) userRows {
	tb.Helper()
	ctx := context.Background()
	var u userRows
	for _, k := range []struct {
		kind data.Kind
		id   string
	}{{data.KindEvent, "castillo-removed"}, {data.KindActor, "lopez-obrador"}, {data.KindDocument, "ambassador-expelled"}} {
		u.Reviews = append(u.Reviews, mustReview(tb, s, k.kind, k.id))
	}
	for _, id := range []string{own, fromImport} {
		e, err := s.Event(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		u.Events = append(u.Events, e)
	}
	var err error
	if u.Document, err = s.Document(ctx, docID); err != nil {
		tb.Fatal(err)
	}
	if u.Documents, _, err = s.Counts(ctx); err != nil {
		tb.Fatal(err)
	}
	return u
}

// TestRebuild_RefusesOtherSources checks that a corpus made from another
// set of sources is not rebuilt from the bundled ones, nor backed up, and
// that an empty corpus of one's own is rebuilt without gaining any.
func TestRebuild_RefusesOtherSources(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	synth := filepath.Join(dir, "synth.db")
	if err := data.CreateSynthetic(ctx, synth, data.SynthOptions{Events: 20}); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, synth)
	if err != nil {
		t.Fatal(err)
	}
	before := fileDigest(t, synth)
	if _, err := s.Rebuild(ctx, assets.Corpus()); !errors.Is(err, data.ErrOtherSources) {
		t.Errorf("rebuilding a synthetic corpus: %v, want ErrOtherSources", err)
	}
	s.Close()
	if !slices.Equal(fileDigest(t, synth), before) {
		t.Error("the synthetic corpus changed")
	}
	if _, err := os.Stat(filepath.Join(dir, data.BackupsDir)); err == nil {
		t.Error("a refused rebuild backed up")
	}

	empty := filepath.Join(dir, "mine.db")
	if err := data.CreateEmpty(ctx, empty); err != nil {
		t.Fatal(err)
	}
	s, err = data.Open(ctx, empty)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Import(ctx, "a.txt", strings.NewReader("Title\n\nSome text of mine.")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Rebuild(ctx, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	if docs, evs, err := s.Counts(ctx); err != nil || docs != 1 || evs != 0 {
		t.Errorf("the empty corpus after a rebuild: %d documents, %d events, %v", docs, evs, err)
	}
}
