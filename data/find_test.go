package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"chronoscope/data"
)

// hitIDs are the kind:id of each hit, in order.
func hitIDs(hits []data.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = string(h.Kind) + ":" + h.ID
	}
	return out
}

// TestFind_Coup is the query of issue #7: the event the coup dispute is
// about is a hit, by its own text; the title whose letters merely spell
// c-o-u-p across words is not; and "coup" never finds "couple".
func TestFind_Coup(t *testing.T) {
	s := MustOpenDB(t)
	res, err := s.Find(context.Background(), "coup", 30)
	if err != nil {
		t.Fatal(err)
	}
	ids := hitIDs(res.Hits)
	if slices.Contains(ids, "event:lopez-obrador-defends-mission") {
		t.Errorf("letters strewn across a title are a hit: %v", ids)
	}
	i := slices.Index(ids, "event:castillo-removed")
	if i < 0 {
		t.Fatalf("castillo-removed, whose summary says coup, is not a hit: %v", ids)
	}
	h := res.Hits[i]
	if len(h.SnippetMatches) == 0 {
		t.Errorf("snippet %q highlights nothing", h.Snippet)
	}
	for _, m := range h.SnippetMatches {
		if got := string([]rune(h.Snippet)[m[0]:m[1]]); !strings.EqualFold(got, "coup") {
			t.Errorf("snippet %q highlights %q, want coup", h.Snippet, got)
		}
	}
	if !slices.Contains(res.Events, "castillo-removed") {
		t.Errorf("castillo-removed not lit: %v", res.Events)
	}
	for _, th := range res.Text {
		for _, m := range th.Matches {
			if w := string([]rune(th.Snippet)[m[0]:m[1]]); !strings.EqualFold(w, "coup") {
				t.Errorf("%s: %q highlighted for coup in %q", th.ID, w, th.Snippet)
			}
		}
	}
	for _, id := range res.Events {
		if id == "castillo-family-arrives-mexico" {
			t.Errorf("coup lit the event whose text says couple")
		}
	}
}

// TestFind_OneLine checks that snippets are on one line: the documents'
// text keeps its line breaks, which spilled into the next row.
func TestFind_OneLine(t *testing.T) {
	s := MustOpenDB(t)
	for _, q := range []string{"coup", "castillo", "asylum", "peru", "lopez obrador"} {
		res, err := s.Find(context.Background(), q, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Text) == 0 {
			t.Errorf("%q: no text hits", q)
		}
		check := func(id, snippet string, matches [][2]int) {
			if strings.ContainsAny(snippet, "\n\r\t") || strings.Contains(snippet, "  ") {
				t.Errorf("%q: %s: snippet not on one line: %q", q, id, snippet)
			}
			if len(matches) == 0 {
				t.Errorf("%q: %s: nothing highlighted in %q", q, id, snippet)
			}
		}
		for _, h := range res.Text {
			check(h.ID, h.Snippet, h.Matches)
		}
		for _, h := range res.Hits {
			if h.Snippet != "" {
				check(h.ID, h.Snippet, h.SnippetMatches)
			}
		}
	}
}

// TestFind_Limit checks that the limit bounds the whole list and never the
// events lit, which come in time order.
func TestFind_Limit(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	order := map[string]int{}
	for i, e := range evs {
		order[e.ID] = i
	}
	all, err := s.Find(ctx, "castillo", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Hits) < 5 || len(all.Text) < 2 {
		t.Fatalf("castillo: %d hits, %d text hits", len(all.Hits), len(all.Text))
	}
	for _, limit := range []int{1, 2, 3, 4, 8, 30} {
		res, err := s.Find(ctx, "castillo", limit)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(res.Hits) + len(res.Text); n > limit || n < min(limit, len(all.Hits)+len(all.Text)) {
			t.Errorf("limit %d: %d hits + %d text hits", limit, len(res.Hits), len(res.Text))
		}
		if limit > 1 && len(res.Text) == 0 {
			t.Errorf("limit %d: no room kept for the text", limit)
		}
		if !slices.Equal(hitIDs(res.Hits), hitIDs(all.Hits[:len(res.Hits)])) {
			t.Errorf("limit %d: hits %v are not the best of %v", limit, hitIDs(res.Hits), hitIDs(all.Hits))
		}
		if !slices.Equal(res.Events, all.Events) {
			t.Errorf("limit %d: events %v, unlimited %v", limit, res.Events, all.Events)
		}
	}
	if !slices.IsSortedFunc(all.Events, func(a, b string) int { return order[a] - order[b] }) {
		t.Errorf("events not in time order: %v", all.Events)
	}
	for i := 1; i < len(all.Hits); i++ {
		if all.Hits[i].Score > all.Hits[i-1].Score {
			t.Errorf("hit %d (%s) scores %d above %d", i, all.Hits[i].ID, all.Hits[i].Score, all.Hits[i-1].Score)
		}
	}
}

// TestFind_Lights checks which events a query lights: those of a person it
// names, by title or by their own text.
func TestFind_Lights(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	res, err := s.Find(ctx, "ebrard", 10)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Events, "ebrard-rejects-expulsion") {
		t.Errorf("ebrard: %v", res.Events)
	}
	if len(res.Hits) == 0 || res.Hits[0].ID != "ebrard" && res.Hits[0].ID != "ebrard-rejects-expulsion" {
		t.Errorf("ebrard: hits %v", hitIDs(res.Hits))
	}
	// ebrard-rejects-expulsion never says "SRE"; the ministry is one of its
	// actors.
	if res, err := s.Find(ctx, "sre", 30); err != nil || !slices.Contains(res.Events, "ebrard-rejects-expulsion") {
		t.Errorf("sre does not light the events of the SRE: %v", res.Events)
	}
	if res, err := s.Find(ctx, "US", 30); err != nil || !slices.Contains(res.Events, "us-embassy-rebukes-castillo") {
		t.Errorf("US, a whole word of two letters, does not light the US embassy's event: %v", res.Events)
	}
	res, err = s.Find(ctx, "amlo", 30)
	if err != nil || len(res.Hits) == 0 || res.Hits[0].ID != "lopez-obrador" || len(res.Events) < 5 {
		t.Errorf("amlo: %v, %v, %v", err, hitIDs(res.Hits), res.Events)
	}
}

// TestFind_TitleFirst checks that a title holding the query's words at the
// start of words ranks first, and text-only events follow.
func TestFind_TitleFirst(t *testing.T) {
	s := MustOpenDB(t)
	res, err := s.Find(context.Background(), "monroy", 30)
	if err != nil {
		t.Fatal(err)
	}
	seenText := false
	for _, h := range res.Hits {
		if h.Snippet != "" {
			seenText = true
		} else if seenText && h.Kind == data.KindEvent && strings.Contains(strings.ToLower(h.Title), "monroy") {
			t.Errorf("title hit %s after a text hit: %v", h.ID, hitIDs(res.Hits))
		}
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Title, "Monroy") {
		t.Errorf("monroy: %v", hitIDs(res.Hits))
	}
}

func TestFind_HostileQueries(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, q := range hostileQueries() {
		res, err := s.Find(ctx, q, 20)
		if err != nil {
			t.Errorf("Find(%.20q): %v", q, err)
			continue
		}
		if len(res.Hits)+len(res.Text) > 20 {
			t.Errorf("Find(%.20q): %d hits", q, len(res.Hits)+len(res.Text))
		}
	}
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM events`).Scan(&n); err != nil || n == 0 {
		t.Errorf("events table: %d rows, %v", n, err)
	}
	res, err := s.Find(ctx, `"oligarchy" (coup*`, 10)
	if err != nil || len(res.Text) == 0 {
		t.Errorf("Find with syntax around words: %v, %v", res, err)
	}
	for _, q := range []string{"", "   ", "\x00", "*"} {
		if res, err := s.Find(ctx, q, 10); err != nil || len(res.Hits)+len(res.Text)+len(res.Events) > 0 {
			t.Errorf("Find(%q) = %+v, %v; want nothing", q, res, err)
		}
	}
}

// TestFind_LightsWhatItLists checks that the events lit hold every event
// the list shows and every event of a person, place or document it shows,
// however short the query: "p" listed 16 events and lit none, and at
// 100,000 events "a" listed 50 and lit none.
func TestFind_LightsWhatItLists(t *testing.T) {
	ctx := context.Background()
	check := func(t *testing.T, s *data.Store, queries []string) {
		t.Helper()
		for _, q := range queries {
			for _, limit := range []int{30, 0} {
				res, err := s.Find(ctx, q, limit)
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range res.Hits {
					want, err := s.EventsWith(ctx, h.Kind, h.ID)
					if err != nil {
						t.Fatal(err)
					}
					for _, id := range want {
						if !slices.Contains(res.Events, id) {
							t.Errorf("%q (limit %d): %s %s is listed, but its event %s is not lit (%d lit)",
								q, limit, h.Kind, h.ID, id, len(res.Events))
						}
					}
				}
			}
		}
	}
	t.Run("bundled", func(t *testing.T) {
		check(t, MustOpenDB(t), []string{"p", "e", "a", "pe", "us", "coup", "castillo", "brador", "castilo", "lima"})
	})
	t.Run("synthetic", func(t *testing.T) {
		check(t, mustSynthDB(t, 300), []string{"a", "l", "la", "ca"})
	})
}

// TestFind_TextHitPassage checks that a text hit says where its first match
// is in the document's text, so the document can open there: Text[Start:End]
// is the word the snippet first highlights ("coup" for coup), ignoring case
// and accents.
func TestFind_TextHitPassage(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, q := range []string{"coup", "peru", "lopez obrador", "asylum", "castillo", "ramirez", "Mexico's ambassador"} {
		res, err := s.Find(ctx, q, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Text) == 0 {
			t.Errorf("%q: no text hits", q)
		}
		hits := slices.Clone(res.Text)
		if more, err := s.SearchText(ctx, q, 0); err == nil {
			for _, h := range more {
				if h.Kind == data.KindDocument {
					hits = append(hits, h)
				}
			}
		}
		for i, h := range hits {
			doc, err := s.Document(ctx, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			text := []rune(doc.Text)
			if h.Start < 0 || h.End <= h.Start || h.End > len(text) || len(h.Matches) == 0 {
				t.Errorf("%q: %s: passage [%d, %d) of %d runes", q, h.ID, h.Start, h.End, len(text))
				continue
			}
			got := folded(string(text[h.Start:h.End]))
			m := h.Matches[0]
			if want := folded(string([]rune(h.Snippet)[m[0]:m[1]])); got != want {
				t.Errorf("%q: %s: text[%d:%d] is %q, the snippet %q first highlights %q", q, h.ID, h.Start, h.End, got, h.Snippet, want)
			}
			// SearchText matches prefixes ("couple"); Find, whole words.
			if q == "coup" && i < len(res.Text) && got != "coup" {
				t.Errorf("coup: %s: text[%d:%d] is %q", h.ID, h.Start, h.End, got)
			}
		}
	}
}

// folded is s in lower case without accents.
func folded(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
