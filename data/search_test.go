package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"chronoscope/data"
)

func TestSearch_AccentAndCaseInsensitive(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	tests := []struct {
		query     string
		kind      data.Kind
		id, title string
		matched   string // the highlighted characters, joined; id "" wants no hits
	}{
		{"lopez", "actor", "lopez-obrador", "López Obrador", "López"},
		{"LÓPEZ OBRADOR", "actor", "lopez-obrador", "López Obrador", "López Obrador"},
		{"peru", "actor", "peru", "Peru", "Peru"},
		{"ramirez", "actor", "ramirez-de-la-o", "Ramírez de la O", "Ramírez"},
		{"maria elena", "actor", "carrillo", "María Elena Carrillo", "María Elena"},
		{"amlo", "actor", "lopez-obrador", "AMLO", "AMLO"},
		{"ebrard", "actor", "ebrard", "Ebrard", "Ebrard"},
		{"marcelo e", "actor", "ebrard", "Marcelo Ebrard", "Marcelo E"},
		{"persona non grata", "", "", "", ""},
		{"monroy", "event", "monroy-persona-non-grata", "Peru expels Mexico's ambassador Pablo Monroy", "Monroy"},
		{"lima", "place", "lima", "Lima", "Lima"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 50)
			if err != nil {
				t.Fatal(err)
			}
			if tt.id == "" {
				// No title holds these words; letters strewn across a
				// title are not a match.
				if len(hits) > 0 {
					t.Errorf("%d hits, want none: %v", len(hits), hits)
				}
				return
			}
			for _, h := range hits {
				if h.Kind != tt.kind || h.ID != tt.id {
					continue
				}
				if h.Title != tt.title {
					t.Errorf("title %q, want %q", h.Title, tt.title)
				}
				if got := highlighted(h.Title, h.Matches); got != tt.matched {
					t.Errorf("highlighted %q of %q, want %q (ranges %v)", got, h.Title, tt.matched, h.Matches)
				}
				return
			}
			t.Errorf("no %s %s among %d hits: %v", tt.kind, tt.id, len(hits), hits)
		})
	}
}

// highlighted joins the characters a hit's ranges cover; ranges are rune
// offsets, so a "ó" counts as one.
func highlighted(title string, ranges [][2]int) string {
	r := []rune(title)
	var b strings.Builder
	for i, m := range ranges {
		if i > 0 && ranges[i-1][1] != m[0] {
			b.WriteString(" ")
		}
		b.WriteString(string(r[m[0]:m[1]]))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// hostileQueries are queries that must be taken as plain text: FTS5 and
// SQL syntax, control characters, invalid UTF-8, very long input.
func hostileQueries() []string {
	return []string{
		`"`, `""`, `"unterminated`, `*`, `**`, `(`, `)`, `(peru`, `peru)`, `NEAR`, `NEAR(peru mexico)`,
		`peru NEAR/2 mexico`, `peru AND`, `OR OR`, `NOT`, `-peru`, `^peru`, `title:peru`, `{peru}`,
		`'; DROP TABLE events; --`, `%`, `_`, `\`, "\x00", "\u200b", "🇲🇽🇵🇪", "💥 coup", "\xff\xfe",
		"peru\x00coup", "\x1b[31mperu", "a\nb\tc\r", strings.Repeat("a", 100000), strings.Repeat("(", 500),
		strings.Repeat("peru ", 2000), strings.Repeat("é", 10000), "   ", "",
	}
}

func TestSearch_HostileQueries(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, q := range hostileQueries() {
		if _, err := s.Search(ctx, q, 20); err != nil {
			t.Errorf("Search(%.20q): %v", q, err)
		}
		if _, err := s.SearchText(ctx, q, 20); err != nil {
			t.Errorf("SearchText(%.20q): %v", q, err)
		}
	}
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil || n == 0 {
		t.Errorf("events table: %d rows, %v", n, err)
	}
	// Syntax characters around words are ignored, not obeyed.
	hits, err := s.SearchText(ctx, `"oligarchy" (coup*`, 10)
	if err != nil || len(hits) == 0 {
		t.Errorf("SearchText with syntax around a word: %d hits, %v", len(hits), err)
	}
}

func TestSearchText_AccentsAndSnippets(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	hits, err := s.SearchText(ctx, "ramirez", 10)
	if err != nil {
		t.Fatal(err)
	}
	var doc *data.TextHit
	for i := range hits {
		if hits[i].Kind == data.KindDocument && hits[i].ID == "mexico-mission-lima" {
			doc = &hits[i]
		}
	}
	if doc == nil {
		t.Fatalf("no mexico-mission-lima among %v", hits)
	}
	if len(doc.Matches) == 0 || !strings.EqualFold(highlighted(doc.Snippet, doc.Matches[:1]), "Ramírez") {
		t.Errorf("snippet %q matches %v, want Ramírez highlighted", doc.Snippet, doc.Matches)
	}
}

// TestSearch_Incremental types a query letter by letter, each letter
// narrowing the previous results; the hits must be the same as a fresh
// search's.
func TestSearch_Incremental(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	typed := "castillo"
	for i := 1; i <= len(typed); i++ {
		if _, err := s.Search(ctx, typed[:i], 0); err != nil {
			t.Fatal(err)
		}
	}
	incremental, _ := s.Search(ctx, typed+" f", 0)
	s.Search(ctx, "zzz", 0) // forget the previous query
	fresh, _ := s.Search(ctx, typed+" f", 0)
	if len(incremental) != len(fresh) || len(fresh) == 0 {
		t.Fatalf("incremental %d hits, fresh %d", len(incremental), len(fresh))
	}
	for i := range fresh {
		if fresh[i].ID != incremental[i].ID || fresh[i].Score != incremental[i].Score {
			t.Errorf("hit %d: incremental %v, fresh %v", i, incremental[i], fresh[i])
		}
	}
}

func TestSearch_DropsScatteredMatches(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	hits, err := s.Search(ctx, "expels", 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if h.ID == "treasury-reports-proposals" {
			t.Errorf("kept a match strewn across %q: %v", h.Title, h.Matches)
		}
	}
	if len(hits) == 0 || hits[0].ID != "monroy-persona-non-grata" {
		t.Errorf("hits %v", hits)
	}
	hits, _ = s.Search(ctx, "amlo", 5)
	if len(hits) == 0 || hits[0].ID != "lopez-obrador" {
		t.Errorf("amlo: %v", hits)
	}
}

// TestSearchText_ShortWords checks that short words in a query do not light
// up every word they begin.
func TestSearchText_ShortWords(t *testing.T) {
	s := MustOpenDB(t)
	hits, err := s.SearchText(context.Background(), "Mexico's ambassador", 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range hits {
		for _, m := range h.Matches {
			w := strings.ToLower(string([]rune(h.Snippet)[m[0]:m[1]]))
			if !strings.HasPrefix(w, "mexic") && !strings.HasPrefix(w, "ambassador") {
				t.Errorf("%s: highlighted %q", h.ID, w)
			}
		}
	}
}

// TestFind_WordWithinOneWord checks that each word of a query is found
// within one word of a title, never spread over several: "cap" is not
// [C]astillo [a]s [p]resident, "lob" not [L]ópez [Ob]rador, "cop" not
// [C]ongress [o]f [P]eru, "usa" not [US] [a]mbassador. A word of four
// letters or more may have gaps within one word ("castilo"), ranked below
// every whole match; a shorter one may not ("usa" in "Gustavo").
func TestFind_WordWithinOneWord(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, tc := range []struct {
		query  string
		banned []string
	}{
		{"cap", []string{"boluarte-takes-office", "peru-foreign-ministry"}},
		{"lob", []string{"lopez-obrador", "lopez-obrador-defends-mission", "pa-presidency-withheld"}},
		{"cop", []string{"congress-of-peru"}},
		{"usa", []string{"kenna-meets-bobbio", "bobbio", "us-embassy-peru"}},
		{"coup", []string{"lopez-obrador-defends-mission"}},
		{"castilo", nil},
		{"brador", nil},
		{"lopez brador", nil},
	} {
		res, err := s.Find(ctx, tc.query, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if slices.Contains(tc.banned, h.ID) {
				t.Errorf("%q: %s %q is a hit (%v)", tc.query, h.ID, h.Title, h.Matches)
			}
			if h.Snippet != "" || len(h.Matches) == 0 {
				continue
			}
			// Between the matches of one query word there is no space.
			title := []rune(h.Title)
			words := strings.Fields(tc.query)
			spans := 0
			for i, m := range h.Matches {
				if i == 0 || strings.ContainsFunc(string(title[h.Matches[i-1][1]:m[0]]), unicode.IsSpace) {
					spans++
				}
			}
			if spans > len(words) {
				t.Errorf("%q: %s %q matched in %d words: %v", tc.query, h.ID, h.Title, spans, h.Matches)
			}
		}
	}
	res, err := s.Find(ctx, "castilo", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "castillo" {
		t.Errorf("castilo: %v", hitIDs(res.Hits))
	}
	res, err = s.Find(ctx, "brador", 0)
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != "lopez-obrador" {
		t.Errorf("brador: %v, %v", hitIDs(res.Hits), err)
	}
}
