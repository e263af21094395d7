package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"chronoscope/data"
)

// TestFind_WarmUpReadsLinks warms the search up as the window does, with
// an empty query, then types queries that light people, places and
// documents: no keystroke reads links again, and each lights the events
// of what it finds.
func TestFind_WarmUpReadsLinks(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	if _, err := s.Find(ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	reads := data.LinkReads()
	for _, q := range []string{"lopez obrador", "lima", "castillo", "a", "mexico"} {
		for i := 1; i <= len(q); i++ {
			if _, err := s.Find(ctx, q[:i], 50); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n := data.LinkReads() - reads; n != 0 {
		t.Errorf("keystrokes after the warm-up read links %d times", n)
	}
	if !lights(t, s, "lopez obrador", "lopez-obrador-first-statement") {
		t.Error(`"lopez obrador" does not light López Obrador's inauguration`)
	}
}

// TestFind_CancelKeepsLinks cancels the first Find while it reads links, as
// the next keystroke does: the read goes on, and the next Find uses it
// rather than reading them again.
func TestFind_CancelKeepsLinks(t *testing.T) {
	s := MustOpenDB(t)
	if _, err := s.FindHits(context.Background(), "warm", 1); err != nil { // the index, not the links
		t.Fatal(err)
	}
	reads := data.LinkReads()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Find(ctx, "lopez", 50); err == nil {
		t.Log("the cancelled Find finished first") // allowed: it may win the race
	}
	if !lights(t, s, "lopez obrador", "lopez-obrador-first-statement") {
		t.Error(`"lopez obrador" does not light López Obrador's inauguration`)
	}
	if n := data.LinkReads() - reads; n != 1 {
		t.Errorf("links read %d times, want once", n)
	}
}

// TestFind_LinksNeverStale changes the links of an own event after the
// search warmed up: each search lights what the corpus links now.
func TestFind_LinksNeverStale(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	if _, err := s.Find(ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	ne := newImpeachment(t, s, "2022-12-07")
	id, err := s.CreateEvent(ctx, ne)
	if err != nil {
		t.Fatal(err)
	}
	if !lights(t, s, "lima", id) || !lights(t, s, "lopez obrador", id) {
		t.Fatal("a new own event is not lit by its place and actor")
	}
	ne.Places, ne.Actors = nil, ne.Actors[1:]
	if err := s.UpdateEvent(ctx, id, ne); err != nil {
		t.Fatal(err)
	}
	if lights(t, s, "lima", id) || lights(t, s, "lopez obrador", id) {
		t.Error("an own event is still lit by the place and actor it no longer has")
	}
	if !lights(t, s, "wire reporter", id) {
		t.Error("an own event is not lit by the actor it kept")
	}
	if _, err := s.DeleteEvent(ctx, id); err != nil {
		t.Fatal(err)
	}
	if lights(t, s, "wire reporter", id) {
		t.Error("a deleted own event is still lit")
	}
}

// TestFind_LinksAfterImport quotes an imported document in an own event
// after the search warmed up: the document's title lights the event.
func TestFind_LinksAfterImport(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	if _, err := s.Find(ctx, "", 0); err != nil {
		t.Fatal(err)
	}
	imp, err := s.Import(ctx, "zanzibar.txt", strings.NewReader("Zanzibar accord\n\nThe accord was signed on 3 May 2021 in Lima.\n"))
	if err != nil {
		t.Fatal(err)
	}
	start, end := passage(t, s, imp.DocumentID, "The accord was signed")
	id, err := s.CreateEvent(ctx, data.NewEvent{Title: "Treaty signed", Category: "diplomacy", Date: "2021-05-03",
		DocumentID: imp.DocumentID, Start: start, End: end})
	if err != nil {
		t.Fatal(err)
	}
	if !lights(t, s, "zanzibar accord", id) {
		t.Error("an own event is not lit by the imported document it quotes")
	}
}

// lights reports whether a search for q lights the event id.
func lights(tb testing.TB, s *data.Store, q, id string) bool {
	tb.Helper()
	res, err := s.Find(context.Background(), q, 50)
	if err != nil {
		tb.Fatal(err)
	}
	return slices.Contains(res.Events, id)
}
