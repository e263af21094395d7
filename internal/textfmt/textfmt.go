// Package textfmt holds the text helpers that the command line, the corpus
// and the window share, so each job is done one way: cutting text to a
// length, splitting it at matched ranges, and counting nouns.
package textfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Truncate returns s cut to at most n runes, with nothing added.
func Truncate(s string, n int) string {
	cut := 0
	for i := 0; i < n; i++ {
		if cut >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[cut:])
		cut += size
	}
	return s[:cut]
}

// Clip cuts s to at most n runes for display. When it cuts, it prefers to
// end on a whole word near the cut, drops trailing punctuation and ends with
// an ellipsis, which counts as one of the n runes.
func Clip(s string, n int) string {
	if n < 1 || utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := len(Truncate(s, n-1))
	if sp := strings.LastIndexByte(s[:cut], ' '); sp >= cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:'…") + "…"
}

// Piece is a run of text that is or is not part of a match.
type Piece struct {
	Text  string
	Match bool
}

// Split cuts s into pieces at ranges, which are rune offsets, end exclusive,
// in increasing order. A range that is empty, overlaps the one before it or
// runs past the end of s is ignored.
func Split(s string, ranges [][2]int) []Piece {
	runes := []rune(s)
	var out []Piece
	next := 0
	for _, r := range ranges {
		if r[0] < next || r[1] > len(runes) || r[0] >= r[1] {
			continue
		}
		if r[0] > next {
			out = append(out, Piece{Text: string(runes[next:r[0]])})
		}
		out = append(out, Piece{Text: string(runes[r[0]:r[1]]), Match: true})
		next = r[1]
	}
	if next < len(runes) {
		out = append(out, Piece{Text: string(runes[next:])})
	}
	return out
}

var english = message.NewPrinter(language.English)

// Number writes n with its thousands grouped: 12,345.
func Number(n int) string { return english.Sprint(n) }

// Count writes n and an English noun, in the plural unless n is 1:
// "1 event", "12,345 events".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return Number(n) + " " + noun + "s"
}

// OneLine collapses every run of whitespace in s (line breaks included) to
// one space and trims the ends, so s fits on one line. ranges, rune offsets
// into s as Split takes them, are moved to the same runes of the result.
func OneLine(s string, ranges [][2]int) (string, [][2]int) {
	var (
		b      strings.Builder
		at     = make([]int, 0, len(s)+1) // at[i]: rune offset in the result of rune i of s
		n      int
		pend   bool
		runeNo int
	)
	for _, r := range s {
		if unicode.IsSpace(r) {
			pend = n > 0
			at = append(at, n)
			runeNo++
			continue
		}
		if pend {
			b.WriteByte(' ')
			n++
			pend = false
		}
		at = append(at, n)
		b.WriteRune(r)
		n++
		runeNo++
	}
	at = append(at, n)
	out := make([][2]int, 0, len(ranges))
	for _, r := range ranges {
		if r[0] < 0 || r[1] > runeNo || r[0] >= r[1] {
			continue
		}
		out = append(out, [2]int{at[r[0]], at[r[1]]})
	}
	return b.String(), out
}

// FromMatch cuts the start of s, a passage on one line, to begin at a word
// at most lead runes before its first matched range, and marks the cut with
// an ellipsis (one already there is not doubled). ranges are moved with the
// text. s is returned as it is when its first match is within lead runes of
// its start.
func FromMatch(s string, ranges [][2]int, lead int) (string, [][2]int) {
	if len(ranges) == 0 || ranges[0][0] <= lead {
		return s, ranges
	}
	runes := []rune(s)
	first := min(ranges[0][0], len(runes))
	from := first - lead
	for from < first && runes[from] != ' ' { // start at a word
		from++
	}
	if from == first { // no word starts within lead: cut inside one
		from = first - lead
	}
	for from < first && (runes[from] == ' ' || runes[from] == '…') {
		from++
	}
	out := make([][2]int, len(ranges))
	for i, r := range ranges {
		out[i] = [2]int{r[0] - from + 1, r[1] - from + 1} // +1: the ellipsis
	}
	return "…" + string(runes[from:]), out
}
