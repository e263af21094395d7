package data

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"chronoscope/internal/textfmt"
)

// longText is the size in bytes of a document's text above which its
// snippet is cut here (longSnippet) rather than by FTS5's snippet(), whose
// time grows with the square of the matches in the text: a 1 MB document
// took 1.2 s, a 20 MB one never finished. Below it snippet() takes a few
// milliseconds, and it picks the passage that holds most query words.
const longText = 64 << 10

// snippetTokens is how many words a snippet holds, as snippet() is asked
// for, and snippetLead how many of them come before the first match in a
// snippet longSnippet cuts.
const (
	snippetTokens = 16
	snippetLead   = 4
)

// longDocs is those of rowids of text_index whose text is longer than
// longText. text_index_content is text_index's own table of rows (FTS5
// names it): the length of its text is read without the text.
func longDocs(ctx context.Context, tx *sql.Tx, rowids []int64) (map[int64]bool, error) {
	long := map[int64]bool{}
	if len(rowids) == 0 {
		return long, nil
	}
	err := eachRow(ctx, tx, `SELECT id FROM text_index_content WHERE octet_length(c3) > ? AND id IN (`+joinRows(rowids)+`)`,
		func(sc scanner) error {
			var row int64
			if err := sc.Scan(&row); err != nil {
				return err
			}
			long[row] = true
			return nil
		}, longText)
	return long, err
}

func joinRows(rowids []int64) string {
	ids := make([]string, len(rowids))
	for i, r := range rowids {
		ids[i] = strconv.FormatInt(r, 10)
	}
	return strings.Join(ids, ",")
}

// readLongSnippets reads into out the snippets of long documents' text
// (longDocs), each cut by longSnippet from the text up to its first match.
func readLongSnippets(ctx context.Context, tx *sql.Tx, match string, rowids []int64, out map[int64]snippet) error {
	terms := ftsTerms(match)
	for _, row := range rowids {
		var text string
		if err := tx.QueryRowContext(ctx, `SELECT c3 FROM text_index_content WHERE id = ?`, row).Scan(&text); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		plain, matches, start := longSnippet(text, terms)
		sn := snippet{start: -1, end: -1}
		if len(matches) > 0 {
			sn.start = start
			sn.end = start + matches[0][1] - matches[0][0]
		}
		sn.text, sn.matches = textfmt.OneLine(plain, matches)
		out[row] = sn
	}
	return nil
}

// ftsTerm is a word of an FTS5 query as ftsQuery writes it: whole, or a
// prefix.
type ftsTerm struct {
	word   string // folded
	prefix bool
}

// ftsTerms reads back the words of an ftsQuery.
func ftsTerms(match string) []ftsTerm {
	var terms []ftsTerm
	for _, f := range strings.Fields(match) {
		t := ftsTerm{prefix: strings.HasSuffix(f, "*")}
		t.word, _ = fold(strings.Trim(f, `"*`))
		terms = append(terms, t)
	}
	return terms
}

// matches reports whether the folded word w is the term.
func (t ftsTerm) matches(w []byte) bool {
	if t.prefix {
		return len(w) >= len(t.word) && string(w[:len(t.word)]) == t.word
	}
	return string(w) == t.word
}

// longSnippet cuts a snippet of text as snippet() would mark it, from
// snippetLead words before the first word that is one of terms (accents
// and case aside) to snippetTokens words in all, the terms in it marked;
// and it gives where the first match is in text, in runes. It reads text
// only up to the snippet's end: the first match is as far as it looks,
// and a word at a time with no allocation.
func longSnippet(text string, terms []ftsTerm) (string, [][2]int, int) {
	type word struct{ start, end, runeStart int }
	var (
		lead    []word // the words before the first match, at most snippetLead
		window  []word
		hit     []bool
		folded  []byte
		runes   int
		first   = -1
		scanned int
	)
	for i := 0; i < len(text) && len(window) < snippetTokens; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isTokenRune(r) {
			i += size
			runes++
			continue
		}
		w := word{start: i, runeStart: runes}
		folded = folded[:0]
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if !isTokenRune(r) {
				break
			}
			folded = foldRune(folded, r)
			i += size
			runes++
		}
		w.end = i
		scanned = i
		matched := false
		for _, t := range terms {
			if t.matches(folded) {
				matched = true
				break
			}
		}
		if first < 0 && !matched {
			if len(lead) == snippetLead {
				lead = lead[1:]
			}
			lead = append(lead, w)
			continue
		}
		if first < 0 {
			first = w.runeStart
			window = append(window, lead...)
			hit = make([]bool, len(lead))
		}
		window = append(window, w)
		hit = append(hit, matched)
	}
	if first < 0 {
		return "", nil, -1
	}
	var b strings.Builder
	if window[0].start > 0 && strings.IndexFunc(text[:window[0].start], isTokenRune) >= 0 {
		b.WriteString(snippetEllipsis)
	}
	at := window[0].start
	for k, w := range window {
		b.WriteString(text[at:w.start])
		if hit[k] {
			b.WriteByte(2)
			b.WriteString(text[w.start:w.end])
			b.WriteByte(3)
		} else {
			b.WriteString(text[w.start:w.end])
		}
		at = w.end
	}
	if strings.IndexFunc(text[scanned:], isTokenRune) >= 0 {
		b.WriteString(snippetEllipsis)
	}
	plain, matches := unmark(b.String())
	return plain, matches, first
}

// isTokenRune is a rune of a word as the full-text index reads words:
// letters and digits, and the marks that decompose accented letters.
func isTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return isWordRune(r) || unicode.Is(unicode.Mn, r)
}

// foldRune appends r to dst lowered and without its accents, as fold does.
func foldRune(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	case r < foldedLatinEnd:
		return append(dst, foldedLatin()[r]...)
	}
	f, _ := fold(string(r))
	return append(dst, f...)
}

// foldedLatin is fold of each rune below foldedLatinEnd, the Latin letters
// with accents and the marks that make them, which long texts are mostly
// made of.
var foldedLatin = sync.OnceValue(func() []string {
	out := make([]string, foldedLatinEnd)
	for r := range rune(foldedLatinEnd) {
		out[r], _ = fold(string(r))
	}
	return out
})

const foldedLatinEnd = 0x370
