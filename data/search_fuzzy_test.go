package data

import (
	"golang.org/x/text/unicode/norm"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
)

// TestFuzzyScore_AsSahilm checks that fuzzyScore matches and scores as
// sahilm/fuzzy does: every title of a synthetic corpus, folded and as
// written, and some odd strings, for every prefix of a set of queries.
func TestFuzzyScore_AsSahilm(t *testing.T) {
	syn := newSynthetic(SynthOptions{Events: 5000, Seed: 3})
	var strs []string
	for _, e := range syn.events {
		folded, _ := fold(e.Title)
		strs = append(strs, folded, e.Title)
	}
	for _, a := range synthActors() {
		folded, _ := fold(a.Name)
		strs = append(strs, folded, a.Name)
	}
	strs = append(strs, "", "a", "aa", "lopez\x00obrador", "LópezObrador", "lopez-obrador_x/y.z\\w",
		"ǅemal Ǆ ǆ", "LOPEZ OBRADOR", "Lopez\u212aobrador ſs", "lopez obrador\u00e9", "kelvin \u212a k K", "x lopez obrador y lopez obrador", "Straße STRASSE", "ΣΑΣ σας", "l o p e z", "\xff\xfelopez", "obrador lopez lopez obrador")
	queries := []string{"lopez obrador", "lopez obrador lima", "la vacancia", "coup", "ramirez de la o",
		"castilo", "amlo", "brador", "el presidente", "2021", "obrador lopez", "aa", "ss", "σας", "ǆ", "l-o", "z.w", "k k", "ss", "lopez obradoré", "x y"}
	for _, q := range queries {
		runes := []rune(q)
		for i := 1; i <= len(runes); i++ {
			p := string(runes[:i])
			want := map[int]int{}
			for _, m := range fuzzy.Find(p, strs) {
				want[m.Index] = m.Score
			}
			pr := newFuzzyPattern([]rune(p))
			for j, s := range strs {
				score, ok := fuzzyScore(pr, s)
				w, wok := want[j]
				if ok != wok || (ok && score != w) {
					t.Fatalf("fuzzyScore(%q, %q) = %d, %v; sahilm/fuzzy: %d, %v", p, s, score, ok, w, wok)
				}
			}
		}
	}
}

// BenchmarkFuzzyScore scores the folded titles of a synthetic corpus for
// each prefix of "lopez obrador", by fuzzyScore and by sahilm/fuzzy.
func BenchmarkFuzzyScore(b *testing.B) {
	syn := newSynthetic(SynthOptions{Events: 10_000, Seed: 3})
	strs := make([]string, len(syn.events))
	for i, e := range syn.events {
		strs[i], _ = fold(e.Title)
	}
	q := "lopez obrador"
	b.Run("fuzzyScore", func(b *testing.B) {
		for b.Loop() {
			for i := 1; i <= len(q); i++ {
				pr := newFuzzyPattern([]rune(q[:i]))
				for _, s := range strs {
					fuzzyScore(pr, s)
				}
			}
		}
	})
	b.Run("sahilm", func(b *testing.B) {
		for b.Loop() {
			for i := 1; i <= len(q); i++ {
				fuzzy.FindNoSort(q[:i], strs)
			}
		}
	})
}

// TestQuery_ClassifyAsClassify checks that a scan's classify of a title
// (query.classify) matches and scores every title of a synthetic corpus,
// and some odd ones, as classify does, for every prefix of a set of
// queries.
func TestQuery_ClassifyAsClassify(t *testing.T) {
	syn := newSynthetic(SynthOptions{Events: 5000, Seed: 3})
	var titles []string
	for _, e := range syn.events {
		titles = append(titles, e.Title)
	}
	for _, a := range synthActors() {
		titles = append(titles, a.Name)
	}
	titles = append(titles, "", "a", "López-Obrador", "castillo castillo", "cas-ti-llo", "Ramírez de la O",
		"ǅemal", "Straße", "ΣΑΣ σας", "l o p e z", "obradorlopez", "x lopez obrador y lopez obrador", "\xff\xfelopez")
	queries := []string{"lopez obrador", "lopez obrador lima", "la vacancia", "coup", "ramirez de la o",
		"castilo", "amlo", "brador", "el presidente", "2021", "obrador lopez", "cstllo", "l-o", "x y", "σας", "strase"}
	for _, q := range queries {
		runes := []rune(q)
		for i := 1; i <= len(runes); i++ {
			qu := newQuery(normQuery(string(runes[:i])))
			for _, title := range titles {
				c := candidate{title: title}
				c.folded, _ = fold(title)
				want, _, wok := classify(&c, qu.q, nil)
				got, ok := qu.classify(c.folded)
				if ok != wok || got != want {
					t.Fatalf("query %q, title %q: %+v, %v; classify: %+v, %v", qu.q, title, got, ok, want, wok)
				}
			}
		}
	}
}

// TestGappedWord_AsInOrder checks gappedWord against inOrder tried on each
// word of a title in turn, for every title of a synthetic corpus, and some
// odd ones, and words of four letters or more.
func TestGappedWord_AsInOrder(t *testing.T) {
	each := func(s, w string) (int, int) {
		for start := 0; start < len(s); {
			end := start + strings.IndexFunc(s[start:], func(r rune) bool { return !isWordRune(r) })
			if end < start {
				end = len(s)
			}
			if m := inOrder(nil, s[start:end], w, start); len(m) > 0 {
				return start, m[len(m)-1] + 1
			}
			_, size := utf8.DecodeRuneInString(s[end:])
			start = end + max(size, 1)
		}
		return -1, -1
	}
	syn := newSynthetic(SynthOptions{Events: 1500, Seed: 5})
	var titles []string
	for _, e := range syn.events {
		folded, _ := fold(e.Title)
		titles = append(titles, folded)
	}
	titles = append(titles, "", "castillo", "cas-ti-llo castillo", "ca stillo", "çàstíllö cäst", "ob rad or obrador",
		"lllooopppeee", "l o p e", "lope\u00adz", "x\u0301lope", "🙂lope🙂", "ǆemal ǆ")
	words := []string{"lope", "lopez", "obrador", "castilo", "cstllo", "brdr", "ǆeml", "ll o", "àstí", "🙂lop"}
	for _, e := range syn.events[:200] {
		for w := range strings.FieldsSeq(normQuery(e.Title)) {
			if utf8.RuneCountInString(w) >= minGapped {
				words = append(words, w, w[1:])
			}
		}
	}
	for _, s := range titles {
		for _, w := range words {
			gi, ge := gappedWord(s, w)
			wi, we := each(s, w)
			if gi != wi || ge != we {
				t.Fatalf("gappedWord(%q, %q) = %d, %d; inOrder on each word: %d, %d", s, w, gi, ge, wi, we)
			}
		}
	}
}

// TestFold_AsNFD checks fold, which leaves NFD out for ASCII, against
// folding every rune by NFD, for every rune up to Latin Extended-B and
// a title of a few scripts.
func TestFold_AsNFD(t *testing.T) {
	nfd := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			for _, d := range norm.NFD.String(string(r)) {
				if !unicode.Is(unicode.Mn, d) {
					b.WriteRune(unicode.ToLower(d))
				}
			}
		}
		return b.String()
	}
	var all strings.Builder
	for r := rune(1); r < 0x250; r++ {
		all.WriteRune(r)
	}
	for _, s := range []string{all.String(), "López Obrador ΣΑΣ Ǆemal x\u0301 \xff Straße"} {
		got, runeOf := fold(s)
		if want := nfd(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
		if len(runeOf) != len(got) {
			t.Errorf("fold(%q): %d runes of bytes for %d bytes", s, len(runeOf), len(got))
		}
	}
}
