package data_test

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzFind searches the bundled corpus for any string, as the search
// field and `chronoscope search` do: never an error (SQLite's FTS5 syntax
// among them), never more than the limit, every highlighted range within
// the title or snippet it marks, and every document passage within the
// document's text.
func FuzzFind(f *testing.F) {
	s := MustOpenDB(f)
	ctx := context.Background()
	docs := map[string]int{} // runes in each document's text
	docRunes := func(t *testing.T, id string) int {
		if n, ok := docs[id]; ok {
			return n
		}
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatalf("document %s of a hit: %v", id, err)
		}
		docs[id] = utf8.RuneCountInString(d.Text)
		return docs[id]
	}
	f.Fuzz(func(t *testing.T, query string, limit uint8) {
		res, err := s.Find(ctx, query, int(limit%40))
		if err != nil {
			t.Fatalf("Find(%q): %v", query, err)
		}
		if n := len(res.Hits) + len(res.Text); limit%40 > 0 && n > int(limit%40) {
			t.Fatalf("Find(%q, %d): %d results", query, limit%40, n)
		}
		for _, h := range res.Hits {
			checkRanges(t, query, h.Title, h.Matches)
			checkRanges(t, query, h.Snippet, h.SnippetMatches)
		}
		for _, h := range res.Text {
			checkRanges(t, query, h.Snippet, h.Matches)
			if h.Start != -1 && (h.Start < 0 || h.End < h.Start || h.End > docRunes(t, h.ID)) {
				t.Fatalf("Find(%q): %s passage %d..%d", query, h.ID, h.Start, h.End)
			}
		}
		text, err := s.SearchText(ctx, query, 10)
		if err != nil {
			t.Fatalf("SearchText(%q): %v", query, err)
		}
		for _, h := range text {
			checkRanges(t, query, h.Snippet, h.Matches)
		}
		hits, err := s.Search(ctx, query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", query, err)
		}
		for _, h := range hits {
			checkRanges(t, query, h.Title, h.Matches)
		}
	})
}

// checkRanges checks that each range, in runes, end exclusive, lies
// within s.
func checkRanges(tb testing.TB, query, s string, ranges [][2]int) {
	tb.Helper()
	n := utf8.RuneCountInString(s)
	for _, m := range ranges {
		if m[0] < 0 || m[1] < m[0] || m[1] > n {
			tb.Fatalf("query %q: range %v in %q of %d runes", query, m, s, n)
		}
	}
}
