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
// summaries (Find searches events' evidence too, and whole words). The query's words are matched as prefixes, all required,
// accents ignored; FTS5 syntax in the query (quotes, NEAR, *, parentheses)
// is taken as plain words, never as syntax.
func (s *Store) SearchText(ctx context.Context, query string, limit int) ([]TextHit, error) {
	match := ftsQuery(query, true)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT kind, ref, title, snippet(text_index, 3, char(2), char(3), '…', 16), bm25(text_index)
			FROM text_index WHERE text_index MATCH ?1
		UNION ALL
		SELECT ?3, ref, title, snippet(event_text, 2, char(2), char(3), '…', 16), bm25(event_text)
			FROM event_text WHERE event_text MATCH ?1
		ORDER BY 5 LIMIT ?2`, match, limit, KindEvent)
	if err != nil {
		return nil, fmt.Errorf("full-text search %q: %w", query, err)
	}
	defer rows.Close()
	var out []TextHit
	for rows.Next() {
		var (
			h       TextHit
			snippet string
		)
		if err := rows.Scan(&h.Kind, &h.ID, &h.Title, &snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("full-text search %q: %w", query, err)
		}
		h.Snippet, h.Matches = unmark(snippet)
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
