package data

import (
	"regexp"
	"strings"
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

// findCandidates lists the date expressions of text, each resolved against
// published with the sentence it is in; one the resolver cannot place
// (a relative phrase in an undated text) is left out.
func findCandidates(text string, published DateRange, _ string) []Candidate {
	var out []Candidate
	for _, sent := range sentences(text) {
		for _, m := range candidateRe.FindAllStringIndex(sent.text, -1) {
			phrase := sent.text[m[0]:m[1]]
			d, err := resolveDating(phrase, published)
			if err != nil {
				continue
			}
			out = append(out, Candidate{Phrase: phrase, Start: sent.start, End: sent.end, Dating: d, Sentence: sent.text})
		}
	}
	return out
}

// sentence is a sentence of a text and where it is, in runes.
type sentence struct {
	text       string
	start, end int
}

// sentences splits text at the end of each sentence (".", "!" or "?"
// before a space) and at each line break.
func sentences(text string) []sentence {
	var out []sentence
	start, pos := 0, 0 // byte offset of the sentence, rune offset of it
	flush := func(end int) {
		s := text[start:end]
		lead := len(s) - len(strings.TrimLeft(s, " \t\n"))
		trimmed := strings.TrimSpace(s)
		if trimmed != "" {
			r0 := pos + utf8.RuneCountInString(s[:lead])
			out = append(out, sentence{trimmed, r0, r0 + utf8.RuneCountInString(trimmed)})
		}
		pos += utf8.RuneCountInString(s)
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
			flush(i + 1)
		case (c == '.' || c == '!' || c == '?') && i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n'):
			if !abbreviation(text[start : i+1]) {
				flush(i + 1)
			}
		}
	}
	flush(len(text))
	return out
}

// abbreviation reports whether s ends in a month's abbreviation ("Dec.")
// rather than a sentence.
func abbreviation(s string) bool {
	i := strings.LastIndexAny(s, " \n")
	w := strings.ToLower(s[i+1:])
	_, ok := monthNames[strings.TrimSuffix(w, ".")]
	return ok && len(w) <= 5
}
