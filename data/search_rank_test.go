package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"chronoscope/assets"
)

// synthStore is a synthetic corpus of n events in a temporary directory,
// open for writing.
func synthStore(tb testing.TB, n int) *Store {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "synth.db")
	if err := CreateSynthetic(ctx, path, SynthOptions{Events: n, Seed: 7}); err != nil {
		tb.Fatal(err)
	}
	s, err := Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// sqliteRanks is what SQLite's bm25 gives each document of text_index that
// the whole-word ftsQuery match finds, by rowid.
func sqliteRanks(tb testing.TB, s *Store, sr *searcher, match string) map[int64]float64 {
	tb.Helper()
	out := map[int64]float64{}
	err := s.readSearch(context.Background(), func(tx *sql.Tx) error {
		return eachRow(context.Background(), tx, `SELECT rowid, bm25(text_index) FROM text_index WHERE text_index MATCH ?`, func(sc scanner) error {
			var (
				row  int64
				rank float64
			)
			if err := sc.Scan(&row, &rank); err != nil {
				return err
			}
			if _, ok := sr.docText[row]; ok {
				out[row] = rank
			}
			return nil
		}, match)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// checkRanks checks that rankDocs finds for match the documents SQLite
// finds, each with SQLite's bm25 to the last bit.
func checkRanks(tb testing.TB, s *Store, sr *searcher, match string) {
	tb.Helper()
	words, ok := wordsOf(match)
	if !ok {
		tb.Fatalf("%s: no words", match)
	}
	got, ok, err := s.rankDocs(context.Background(), sr, words, 0)
	if err != nil || !ok {
		tb.Fatalf("%s: rankDocs: %v, %v", match, ok, err)
	}
	want := sqliteRanks(tb, s, sr, match)
	if len(got) != len(want) {
		tb.Fatalf("%s: %d documents, SQLite finds %d", match, len(got), len(want))
	}
	for _, m := range got {
		if r, ok := want[m.row]; !ok || r != m.rank {
			tb.Fatalf("%s: row %d rank %v, SQLite's %v (found %v)", match, m.row, m.rank, r, ok)
		}
	}
}

// TestRankDocs_AsSQLite checks that the documents rankDocs finds, and
// their ranks, are SQLite's bm25(text_index) to the last bit, for words
// common and rare, alone, together and twice over, and once they are
// kept.
func TestRankDocs_AsSQLite(t *testing.T) {
	ctx := context.Background()
	s := synthStore(t, 2000)
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, st, err := s.wordRows(ctx, sr, nil); err != nil || st == nil || !st.ok || st.rows == 0 || len(st.size) != len(sr.docText) {
		t.Fatalf("text_index's totals not read: %+v, %v", st, err)
	}
	// Every 23rd word of the documents, from the most common down.
	var terms []string
	err = s.readSearch(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT term FROM `+textVocab+` GROUP BY term ORDER BY count(DISTINCT doc) DESC, term`, func(sc scanner) error {
			var term string
			err := sc.Scan(&term)
			terms = append(terms, term)
			return err
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) < 100 {
		t.Fatalf("%d words in the documents", len(terms))
	}
	var matches []string
	for i := 0; i < len(terms); i += 23 {
		matches = append(matches, `"`+terms[i]+`"`)
	}
	matches = append(matches, `"lopez" "obrador"`, `"obrador" "lopez"`, `"lopez" "lopez"`,
		`"`+terms[0]+`" "`+terms[len(terms)/2]+`"`, `"`+terms[1]+`" "`+terms[2]+`" "`+terms[3]+`"`, `"zzzz"`)
	for _, m := range matches {
		checkRanks(t, s, sr, m)
	}
	// Again, from the words kept.
	for _, m := range matches {
		checkRanks(t, s, sr, m)
	}
}

// TestRankDocs_RareWords ranks words that few documents of a few hold,
// one document more for each, several times over or once: their idfs are
// where Go's logarithm and SQLite's part (ln 3 among them).
func TestRankDocs_RareWords(t *testing.T) {
	ctx := context.Background()
	s := bundledStore(t)
	const docs = 12
	var words []string
	for j := range docs {
		words = append(words, "zq"+string(rune('a'+j)))
	}
	for j := range docs {
		var body strings.Builder
		for r, w := range words[:j+1] {
			body.WriteString(strings.Repeat(w+" ", 1+(j+r)%3) + "and more words. ")
		}
		if _, err := s.Import(ctx, fmt.Sprintf("rare%d.txt", j), strings.NewReader(fmt.Sprintf("Rare %d\n\n%s\n", j, body.String()))); err != nil {
			t.Fatal(err)
		}
	}
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range words {
		checkRanks(t, s, sr, `"`+w+`"`)
		checkRanks(t, s, sr, `"`+w+`" "`+words[(i+5)%docs]+`"`)
	}
}

// TestRankDocs_StaleSearcher changes the corpus behind a searcher's back,
// as another process may: the rows of the words it reads then are not
// the searcher's, so it keeps none of them and lets SQLite rank, and the
// next Find, with a new searcher, ranks the new document.
func TestRankDocs_StaleSearcher(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	s, err := OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := other.Import(ctx, "zanzibar.txt", strings.NewReader("Zanzibar accord\n\nLópez Obrador signed the Zanzibar accord in Lima.\n"))
	other.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.rankDocs(ctx, sr, []string{"zanzibar"}, 10); ok || err != nil {
		t.Fatalf("a searcher of an older corpus ranked its documents: %v, %v", ok, err)
	}
	if len(sr.words) != 0 || sr.textStats != nil {
		t.Fatalf("a searcher of an older corpus kept the rows of %d words, or text_index's totals (%v)", len(sr.words), sr.textStats)
	}
	found, err := s.Find(ctx, "zanzibar", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(found.Text) != 1 || found.Text[0].ID != res.DocumentID {
		t.Fatalf("text hits %+v, want the imported document", found.Text)
	}
	sr, err = s.loadSearcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkRanks(t, s, sr, `"zanzibar"`)
	checkRanks(t, s, sr, `"lopez" "obrador"`)
}

// TestFind_WordsKeptNotStale searches a word, changes how often documents
// hold it, and searches it again: the rows of the word kept from the
// first search are not used for the second, whose ranks are SQLite's.
func TestFind_WordsKeptNotStale(t *testing.T) {
	ctx := context.Background()
	s := bundledStore(t)
	if _, err := s.Import(ctx, "one.txt", strings.NewReader("Zanzibar accord\n\nThe Zanzibar accord was signed in Lima.\n")); err != nil {
		t.Fatal(err)
	}
	first, err := s.Find(ctx, "zanzibar", 10)
	if err != nil || len(first.Text) != 1 {
		t.Fatalf("first search: %+v, %v", first, err)
	}
	more, err := s.Import(ctx, "two.txt", strings.NewReader("Zanzibar, Zanzibar\n\n"+strings.Repeat("Zanzibar again. ", 20)+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Find(ctx, "zanzibar", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Text) != 2 || second.Text[0].ID != more.DocumentID {
		t.Fatalf("second search's text hits %+v, want the new document first", second.Text)
	}
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := sqliteRanks(t, s, sr, `"zanzibar"`)
	for _, h := range second.Text {
		found := false
		for row, d := range sr.docText {
			if d.id == h.ID {
				found = true
				if want[row] != h.Rank {
					t.Errorf("%s: rank %v, SQLite's %v", h.ID, h.Rank, want[row])
				}
			}
		}
		if !found {
			t.Errorf("%s: not in the search index", h.ID)
		}
	}
}

// TestVocabTerm_AsFTS5 checks vocabTerm against text_index's tokenizer for
// every letter it says it is sure of: ASCII letters and digits, and each
// letter of Latin-1 and Latin Extended-A, written alone and in a word.
func TestVocabTerm_AsFTS5(t *testing.T) {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{
		`CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')`,
		`CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var words []string
	for r := rune(0); r <= 0x24f; r++ {
		for _, w := range []string{string(r), "x" + string(r) + "Y1"} {
			if _, ok := vocabTerm(w); ok {
				words = append(words, w)
			}
		}
	}
	sure := 0
	for _, w := range words {
		if _, err := db.Exec(`DELETE FROM t`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`INSERT INTO t (body) VALUES (?)`, w); err != nil {
			t.Fatal(err)
		}
		var terms []string
		rows, err := db.Query(`SELECT term FROM v`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var term string
			if err := rows.Scan(&term); err != nil {
				t.Fatal(err)
			}
			terms = append(terms, term)
		}
		rows.Close()
		got, _ := vocabTerm(w)
		if len(terms) != 1 || terms[0] != got {
			t.Errorf("vocabTerm(%q) = %q; the tokenizer stores %q", w, got, terms)
		}
		if r, _ := utf8.DecodeRuneInString(w); r >= 0xc0 {
			sure++
		}
	}
	if sure < 100 {
		t.Errorf("vocabTerm is sure of %d accented letters, want the more than 100 of Latin-1 and Latin Extended-A", sure)
	}
	for _, w := range []string{"", "ß", "æ", "ø", "ł", "ı", "Ǆ", "δ", "a b", "a-b", "\u0301"} {
		if got, ok := vocabTerm(w); ok {
			t.Errorf("vocabTerm(%q) = %q, sure; want not sure", w, got)
		}
	}
}

// TestRowids reads rowids as group_concat joins them, short and long,
// negative ones and any that are no number, as strconv reads them.
func TestRowids(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []int64
	}{
		{"", nil},
		{"7", []int64{7}},
		{"1,20,300", []int64{1, 20, 300}},
		{"123456789012345678,1234567890123456789,-5", []int64{123456789012345678, 1234567890123456789, -5}},
		{"3,,x,99999999999999999999,+4,0", []int64{3, 4, 0}},
	} {
		if got := rowids(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("rowids(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
