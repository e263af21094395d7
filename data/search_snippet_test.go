package data

import (
	"strings"
	"testing"
)

func TestLongSnippet(t *testing.T) {
	filler := strings.Repeat("la crisis política, según fuentes. ", 3)
	tests := []struct {
		name, text, match string
		want              string // the snippet, matches in [ ]
	}{
		{"first match, words before it", filler + "Andrés Manuel López Obrador habló en Lima.", `"lopez"`,
			"…según fuentes. Andrés Manuel [López] Obrador habló en Lima"},
		{"at the start", "López Obrador y López " + filler, `"lopez"`,
			"[López] Obrador y [López] la crisis política, según fuentes. la crisis política, según fuentes. la crisis…"},
		{"any word of the query, whole", "lopezismo " + filler + "OBRADOR dijo", `"obrador" "lopez"`,
			"…crisis política, según fuentes. [OBRADOR] dijo"},
		{"a prefix", filler + "los lopezistas", `"lopez"*`, "…política, según fuentes. los [lopezistas]"},
		{"decomposed accents", filler + "Lo\u0301pez", `"lopez"`, "…crisis política, según fuentes. [Lo\u0301pez]"},
		{"no match", filler, `"lopez"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain, matches, start := longSnippet(tt.text, ftsTerms(tt.match))
			if got := bracket(plain, matches); got != tt.want {
				t.Errorf("snippet %q, want %q", got, tt.want)
			}
			if len(matches) == 0 {
				if start != -1 {
					t.Errorf("start %d with no match", start)
				}
				return
			}
			// The first match is where the snippet says it is in the text.
			r := []rune(tt.text)
			n := matches[0][1] - matches[0][0]
			if got, want := string(r[start:start+n]), string([]rune(plain)[matches[0][0]:matches[0][1]]); got != want {
				t.Errorf("text at start %d is %q, want %q", start, got, want)
			}
		})
	}
}

// bracket writes s with its matched rune ranges in [ ].
func bracket(s string, matches [][2]int) string {
	var b strings.Builder
	r := []rune(s)
	at := 0
	for _, m := range matches {
		b.WriteString(string(r[at:m[0]]) + "[" + string(r[m[0]:m[1]]) + "]")
		at = m[1]
	}
	b.WriteString(string(r[at:]))
	return b.String()
}

// BenchmarkLongSnippet cuts the snippet of a 20 MB text whose only match
// is its last word: the most a long document's snippet reads.
func BenchmarkLongSnippet(b *testing.B) {
	text := strings.Repeat("el presidente de la república anunció que los ministros del gobierno ", 20<<20/70) + "oficiales"
	terms := ftsTerms(`"oficiales"`)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, m, _ := longSnippet(text, terms); len(m) != 1 {
			b.Fatal(m)
		}
	}
}
