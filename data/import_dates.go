package data

import (
	"cmp"
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	enMonth   = `(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`
	esMonth   = `(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)`
	enWeekday = `(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`
	esWeekday = `(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)`
)

// candidateRe finds the date expressions of a text, the longest form of
// each first so "December 7, 2022" is one expression, not "December 7".
var candidateRe = regexp.MustCompile(`(?i)\b(?:` + strings.Join([]string{
	`\d{4}-\d{2}-\d{2}`,
	enMonth + ` ?\d{1,2}(?:st|nd|rd|th)?,? \d{4}`,
	`\d{1,2}(?:st|nd|rd|th)? ` + enMonth + `,? \d{4}`,
	`\d{1,2} de ` + esMonth + ` (?:de|del) \d{4}`,
	`\d{1,2} de ` + esMonth,
	`(?:el )?(?:pasado |próximo )?` + esWeekday + `(?: pasado| próximo)?`,
	`(?:la )?semana (?:pasada|próxima|que viene)|esta semana|la próxima semana`,
	`el (?:mes|año) pasado|el próximo (?:mes|año)|este (?:mes|año)`,
	`ayer`,
	`(?:on |last |next |this )?` + enWeekday,
	`(?:last|this|next) (?:week|month|year)`,
	`yesterday|today`,
	enMonth + ` \d{1,2}(?:st|nd|rd|th)?`,
	`\d{1,2}(?:st|nd|rd|th)? ` + enMonth,
	`in ` + enMonth + `(?: \d{4})?`,
}, "|") + `)\b`)

// MaxCandidates is how many date expressions an import lists at most, the
// first in the text: a file of the largest size Import takes may hold
// hundreds of thousands, which would take half a minute to resolve and no
// one could read through.
const MaxCandidates = 1000

// findCandidates lists the date expressions of text, at most
// MaxCandidates, each resolved against published with the sentence it is
// in; one the resolver cannot place (a relative phrase in an undated
// text) is left out.
func findCandidates(text string, published DateRange, _ string) []Candidate {
	var out []Candidate
	for sent := range sentences(text) {
		for _, m := range candidateSpans(sent.text) {
			phrase := sent.text[m[0]:m[1]]
			d, err := resolveDating(phrase, published)
			if err != nil {
				continue
			}
			out = append(out, Candidate{Phrase: phrase, Start: sent.start, End: sent.end, Dating: d, Sentence: sent.text})
			if len(out) == MaxCandidates {
				return out
			}
		}
	}
	return out
}

// dateStems are pieces of words, folded to lower case, at least one of
// which every expression candidateRe finds holds: the months' and
// weekdays' first letters in English and Spanish, "day" (the English
// weekdays, "yesterday", "today"), the other words of a relative phrase,
// and the hyphen of a YYYY-MM-DD.
var dateStems = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
	"ene", "abr", "ago", "set", "dic", "day", "lun", "miér", "mier", "jue", "vie", "sáb", "sab", "dom",
	"week", "mon", "year", "ayer", "sem", "mes", "año", "-"}

// stemReach is how far a window reaches either side of a stem: every
// match of candidateRe holds a stem and is at most 40 bytes long ("el
// próximo miércoles próximo", "12 de septiembre del 2022"), and the
// reach is more than that (see candidateSpans).
const stemReach = 48

// candidateSpans is candidateRe.FindAllStringIndex(s, -1), found by
// running the regular expression only in windows around the stems of a
// date. Go's regexp has no literal here to skip ahead by and takes about
// a microsecond a byte: 20 seconds for a text of the largest size Import
// takes, where finding the stems takes a fraction of one.
//
// The matches are the same: a match lies within the window of a stem it
// holds, windows that overlap are merged, and \b at a window's edge,
// where the window may cut a word, could only start or end a match
// holding a stem within 40 bytes of the edge, which has its own window
// reaching further.
func candidateSpans(s string) [][2]int {
	low := foldLengthKept(s)
	var wins [][2]int
	for _, st := range dateStems {
		for i := 0; ; {
			j := strings.Index(low[i:], st)
			if j < 0 {
				break
			}
			p := i + j
			w := [2]int{max(p-stemReach, 0), min(p+len(st)+stemReach, len(s))}
			if n := len(wins); n > 0 && wins[n-1][1] >= w[0] && wins[n-1][0] <= w[0] {
				wins[n-1][1] = max(wins[n-1][1], w[1]) // overlapping the last: one window
			} else {
				wins = append(wins, w)
			}
			i = p + len(st)
		}
	}
	slices.SortFunc(wins, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var out [][2]int
	for k := 0; k < len(wins); {
		a, b := wins[k][0], wins[k][1]
		for k++; k < len(wins) && wins[k][0] <= b; k++ {
			b = max(b, wins[k][1])
		}
		for _, m := range candidateRe.FindAllStringIndex(s[a:b], -1) {
			out = append(out, [2]int{a + m[0], a + m[1]})
		}
	}
	return out
}

// foldLengthKept is s in lower case with each byte where it was, so that
// a stem found in it is at the same offset in s: a rune whose lower case
// is ASCII, as the Kelvin sign's "k" and the long s's "s" are for
// candidateRe's (?i), is that letter repeated over its bytes; one whose
// lower case is as long is that; any other stays as it is.
func foldLengthKept(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		l := unicode.ToLower(r)
		if r == 'ſ' {
			l = 's'
		}
		switch {
		case l < utf8.RuneSelf:
			for range n {
				b = append(b, byte(l))
			}
		case r != utf8.RuneError && utf8.RuneLen(l) == n:
			b = utf8.AppendRune(b, l)
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// sentence is a sentence of a text and where it is, in runes.
type sentence struct {
	text       string
	start, end int
}

// sentences yields text's sentences, split at the end of each (".", "!"
// or "?" before a space) and at each line break, one at a time: a text of
// a million lines need not hold a million of them at once.
func sentences(text string) iter.Seq[sentence] {
	return func(yield func(sentence) bool) {
		start, pos := 0, 0 // byte offset of the sentence, rune offset of it
		flush := func(end int) bool {
			s := text[start:end]
			lead := len(s) - len(strings.TrimLeft(s, " \t\n"))
			trimmed := strings.TrimSpace(s)
			pos0 := pos
			pos += utf8.RuneCountInString(s)
			start = end
			if trimmed == "" {
				return true
			}
			r0 := pos0 + utf8.RuneCountInString(s[:lead])
			return yield(sentence{trimmed, r0, r0 + utf8.RuneCountInString(trimmed)})
		}
		for i := 0; i < len(text); i++ {
			switch c := text[i]; {
			case c == '\n':
				if !flush(i + 1) {
					return
				}
			case (c == '.' || c == '!' || c == '?') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n'):
				if !abbreviation(text[start:i+1]) && !flush(i+1) {
					return
				}
			}
		}
		flush(len(text))
	}
}

// abbreviation reports whether s ends in a month's abbreviation ("Dec.")
// rather than a sentence.
func abbreviation(s string) bool {
	i := strings.LastIndexAny(s, " \n")
	w := strings.ToLower(s[i+1:])
	_, ok := monthNames[strings.TrimSuffix(w, ".")]
	return ok && len(w) <= 5
}
