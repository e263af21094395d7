package app

import (
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFitText_AsEveryRuneCount checks that fitText, which measures only
// the starts that end at a word, cuts every title where measuring every
// rune count and going back to a word did: titles of one word and of many,
// accents, a leading space, at widths from nothing to all of it.
func TestFitText_AsEveryRuneCount(t *testing.T) {
	test.NewTempApp(t)
	titles := []string{
		"Andrés Manuel López Obrador meets Perú in Lima",
		"Mexico grants asylum to Lilia Paredes and her children at the embassy in Lima",
		"Transport strikes and a curfew in Lima",
		"Constitucionalidad",
		" Castillo",
		"Peru withdraws its ambassador from Mexico for good",
		"a b c d e f g h i j k l m n o p",
	}
	for _, title := range titles {
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			full := fyne.MeasureText(title, 14, style).Width
			for w := float32(0); w <= full+20; w += 3 {
				for _, first := range []bool{true, false} {
					got, gotOK := fitText(title, w, 14, style, first)
					want, wantOK := fitTextEveryRune(title, w, 14, style, first)
					if got != want || gotOK != wantOK {
						t.Errorf("fitText(%q, %v, bold %v, first %v) = %q, %v; measuring every rune count: %q, %v",
							title, w, style.Bold, first, got, gotOK, want, wantOK)
					}
				}
			}
		}
	}
}

// fitTextEveryRune is fitText as it was: the most runes that fit, by
// halving every rune count, then back to the word before.
func fitTextEveryRune(s string, width, size float32, style fyne.TextStyle, first bool) (string, bool) {
	runes := []rune(s)
	fits := func(n int) bool {
		return fyne.MeasureText(string(runes[:n])+"…", size, style).Width <= width
	}
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	n := lo
	for n > 0 && n < len(runes) && !unicode.IsSpace(runes[n]) {
		n--
	}
	switch {
	case n > 0:
	case first:
		n = lo
	default:
		return "", false
	}
	return trimEnd(string(runes[:n])) + "…", true
}
