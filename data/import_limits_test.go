package data

import (
	"strings"
	"testing"
)

// TestCandidateSpans checks the stems' windows against the regular
// expression on the cases near their edges: case folded to ASCII (the
// Kelvin sign, the long s), accents, dates at the ends of long words and
// long texts.
func TestCandidateSpans(t *testing.T) {
	pad := strings.Repeat("x", 100)
	for _, s := range []string{
		"On Tuesday, December 7, 2022, and last week.",
		"the weeK before last weeK; ſeptember 7, 2022; next ſunday",
		"EL PRÓXIMO MIÉRCOLES PRÓXIMO, 12 DE SEPTIEMBRE DEL 2022",
		pad + "december 7, 2022" + pad,
		pad + " december 7, 2022 " + pad,
		"2022-12-07" + strings.Repeat("-", 200) + "2023-02-17",
		strings.Repeat("in dec.", 50) + "x",
		strings.Repeat("a", 63) + " on monday " + strings.Repeat("b", 64) + " yesterday",
		"\xffdecember 7, 2022\xfe",
	} {
		got, want := candidateSpans(s), candidateRe.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Errorf("candidateSpans(%.60q) = %v, want %v", s, got, want)
			continue
		}
		for i := range got {
			if got[i] != [2]int(want[i]) {
				t.Errorf("candidateSpans(%.60q) = %v, want %v", s, got, want)
				break
			}
		}
	}
}
