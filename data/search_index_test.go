package data_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// storedIndex reports whether the corpus at path holds a search index.
func storedIndex(tb testing.TB, path string) bool {
	tb.Helper()
	s := openReadOnly(tb, path)
	var stored bool
	if err := s.DB().QueryRow(`SELECT data IS NOT NULL FROM search_index`).Scan(&stored); err != nil {
		tb.Fatal(err)
	}
	return stored
}

// TestSearchIndex_NeverStale changes a title behind the store's back, as
// any write to the corpus may: the stored search index is dropped, a
// read-only search finds the new title from the rows, and a writable
// open stores the index again, which then finds it too.
func TestSearchIndex_NeverStale(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	if !storedIndex(t, path) {
		t.Fatal("a new corpus has no search index stored")
	}
	tamper(t, path, []string{`UPDATE events SET title = 'Zanzibar accord signed' WHERE id = 'castillo-removed'`})
	if storedIndex(t, path) {
		t.Fatal("the search index is still stored after a title changed")
	}
	found := func(s *data.Store) bool {
		t.Helper()
		res, err := s.Find(ctx, "zanzibar", 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Hits) == 1 && res.Hits[0].ID == "castillo-removed"
	}
	if !found(openReadOnly(t, path)) {
		t.Error("a read-only search does not find the changed title")
	}
	w, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if !found(w) {
		t.Error("a writable search does not find the changed title")
	}
	w.Close()
	if !storedIndex(t, path) {
		t.Fatal("a writable open that searched did not store the search index")
	}
	if !found(openReadOnly(t, path)) {
		t.Error("the stored search index does not find the changed title")
	}
}

// TestSearchIndex_Import checks that an import stores the search index
// with the imported document in it.
func TestSearchIndex_Import(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	if _, err := s.Import(ctx, "zanzibar.txt", strings.NewReader("Zanzibar accord\n\nThe accord was signed on 3 May 2021 in Lima.\n")); err != nil {
		t.Fatal(err)
	}
	if !storedIndex(t, s.Path()) {
		t.Fatal("no search index stored after an import")
	}
	res, err := openReadOnly(t, s.Path()).Find(ctx, "zanzibar", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Kind != data.KindDocument {
		t.Errorf("the stored index does not find the imported document: %+v", res.Hits)
	}
}

// TestFind_LongDocument finds a word deep in a document longer than FTS5's
// snippet() is asked to cut: the passage shown is the word in its words,
// and Start and End are where it is in the document's text, where "Read
// in the document" opens.
func TestFind_LongDocument(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	body := strings.Repeat("El presidente de la república habló con los ministros del gobierno. ", 2000) +
		"Según fuentes oficiales, la Zanzibarita llegó a Lima. " + strings.Repeat("Sin más noticias. ", 100)
	res, err := s.Import(ctx, "long.txt", strings.NewReader("Informe largo\n\n"+body))
	if err != nil {
		t.Fatal(err)
	}
	found, err := s.Find(ctx, "zanzibarita", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Text) != 1 || found.Text[0].ID != res.DocumentID {
		t.Fatalf("text hits %+v", found.Text)
	}
	h := found.Text[0]
	if want := "…Según fuentes oficiales, la Zanzibarita llegó a Lima. Sin más noticias. Sin más noticias. Sin más…"; h.Snippet != want {
		t.Errorf("snippet %q, want %q", h.Snippet, want)
	}
	d, err := s.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if r := []rune(d.Text); h.Start < 0 || h.End > len(r) || string(r[h.Start:h.End]) != "Zanzibarita" {
		t.Errorf("start %d end %d do not hold the match in the text", h.Start, h.End)
	}
}

// TestFindHits is Find without the events it lights.
func TestFindHits(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	for _, q := range []string{"lopez", "coup", "castilo", "amlo", "la"} {
		all, err := s.Find(ctx, q, 20)
		if err != nil {
			t.Fatal(err)
		}
		hits, err := s.FindHits(ctx, q, 20)
		if err != nil {
			t.Fatal(err)
		}
		if hits.Events != nil || !reflect.DeepEqual(hits.Hits, all.Hits) || !reflect.DeepEqual(hits.Text, all.Text) {
			t.Errorf("%q: FindHits %+v, want Find's hits and text without events", q, hits)
		}
	}
}
