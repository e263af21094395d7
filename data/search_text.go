package data

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"chronoscope/internal/textfmt"
)

// SearchText runs a full-text search over document bodies and event
// summaries (Find searches events' evidence too, and whole words). The
// query's words are matched as prefixes, all required, accents ignored;
// FTS5 syntax in the query (quotes, NEAR, *, parentheses) is taken as plain
// words, never as syntax. A document's hit says where in its text its
// first match is (TextHit.Start, End).
func (s *Store) SearchText(ctx context.Context, query string, limit int) ([]TextHit, error) {
	match := ftsQuery(query, true)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT kind, ref, title, snippet(text_index, 3, char(2), char(3), '…', 16), bm25(text_index), body
			FROM text_index WHERE text_index MATCH ?1
		UNION ALL
		SELECT ?3, ref, title, snippet(event_text, 2, char(2), char(3), '…', 16), bm25(event_text), ''
			FROM event_text WHERE event_text MATCH ?1
		ORDER BY 5 LIMIT ?2`, match, limit, KindEvent)
	if err != nil {
		return nil, fmt.Errorf("full-text search %q: %w", query, err)
	}
	defer rows.Close()
	var out []TextHit
	for rows.Next() {
		var (
			h             TextHit
			snippet, body string
		)
		if err := rows.Scan(&h.Kind, &h.ID, &h.Title, &snippet, &h.Rank, &body); err != nil {
			return nil, fmt.Errorf("full-text search %q: %w", query, err)
		}
		h.Snippet, h.Matches = unmark(snippet)
		h.Start, h.End = -1, -1
		if body != "" {
			h.Start, h.End = passageAt(body, h.Snippet, h.Matches)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// ftsQuery turns what a person typed into an FTS5 query of quoted terms,
// so no input can be read as FTS5 syntax: whole words, or with prefix set,
// words of three letters or more as prefixes.
//
// A word of one letter ("s" of "Mexico's", "a", "O" of "Ramírez de la O")
// is left out, when there are others or when whole words are asked for: as
// a prefix it matches almost every word, and as a word it is rarely what
// is looked for.
func ftsQuery(q string, prefix bool) string {
	words := strings.FieldsFunc(textfmt.Truncate(q, maxQueryRunes), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	terms := make([]string, 0, len(words))
	for _, w := range words {
		switch n := utf8.RuneCountInString(w); {
		case n == 1 && (len(words) > 1 || !prefix):
		case n <= 2 || !prefix:
			terms = append(terms, `"`+w+`"`)
		default:
			terms = append(terms, `"`+w+`"*`)
		}
	}
	return strings.Join(terms, " ")
}

// snippetEllipsis is what snippet() puts where it cuts the text.
const snippetEllipsis = "…"

// passageAt finds where the first match of a snippet is in text, the
// column the snippet was cut from, as rune offsets [start, end); -1, -1
// when it cannot. plain is the snippet without its markers and matches its
// matched ranges in runes (unmark): snippet() copies the text between its
// cuts as it is, so plain, less the ellipses at its ends, is in text.
func passageAt(text, plain string, matches [][2]int) (int, int) {
	if len(matches) == 0 {
		return -1, -1
	}
	first, lead := matches[0], 0
	if strings.HasPrefix(plain, snippetEllipsis) && first[0] > 0 {
		plain, lead = plain[len(snippetEllipsis):], utf8.RuneCountInString(snippetEllipsis)
	}
	plain = strings.TrimSuffix(plain, snippetEllipsis)
	i := strings.Index(text, plain)
	if i < 0 {
		return -1, -1
	}
	start := utf8.RuneCountInString(text[:i]) + first[0] - lead
	return start, start + first[1] - first[0]
}

// unmark removes the \x02…\x03 markers snippet() puts around matches and
// returns their rune ranges.
func unmark(s string) (string, [][2]int) {
	var (
		b      strings.Builder
		ranges [][2]int
		n      int
	)
	for _, r := range s {
		switch r {
		case 2:
			ranges = append(ranges, [2]int{n, n})
		case 3:
			if len(ranges) > 0 {
				ranges[len(ranges)-1][1] = n
			}
		default:
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), ranges
}
