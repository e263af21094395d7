package data

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// syntheticCandidates makes n titles in the corpus's style, with accents.
func syntheticCandidates(n int) []candidate {
	rng := rand.New(rand.NewPCG(1, 2))
	who := []string{"López Obrador", "Castillo", "Boluarte", "Ebrard", "Ramírez de la O", "Kenna", "Monroy", "Paredes", "Perú", "México"}
	what := []string{"rejects", "meets", "defends", "expels", "recalls", "visits", "accuses", "supports", "criticises", "grants asylum to"}
	where := []string{"in Lima", "in Mexico City", "at the CELAC summit", "before Congress", "at the Pacific Alliance", "on Twitter"}
	cands := make([]candidate, n)
	for i := range cands {
		t := fmt.Sprintf("%s %s %s %s #%d", who[rng.IntN(len(who))], what[rng.IntN(len(what))],
			who[rng.IntN(len(who))], where[rng.IntN(len(where))], i)
		cands[i] = candidate{kind: "event", id: fmt.Sprint(i), title: t, name: t}
	}
	return cands
}

// BenchmarkSearch_Typing types a query one letter at a time, as a person at
// the search field does, and reports the mean cost of a keystroke.
func BenchmarkSearch_Typing(b *testing.B) {
	const typed = "lopez obrador lima"
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("titles=%d", n), func(b *testing.B) {
			sr := newSearcher(syntheticCandidates(n))
			b.ReportAllocs()
			var keys int
			start := time.Now()
			for b.Loop() {
				sr.find("", 0)
				for i := 1; i <= len(typed); i++ {
					sr.find(typed[:i], 50)
					keys++
				}
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(keys), "ms/keystroke")
		})
	}
}

// BenchmarkSearch_Fresh is one search with nothing to narrow from: the first
// keystroke, or a pasted query.
func BenchmarkSearch_Fresh(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("titles=%d", n), func(b *testing.B) {
			sr := newSearcher(syntheticCandidates(n))
			b.ReportAllocs()
			for b.Loop() {
				sr.find("", 0)
				sr.find("lopez", 50)
			}
		})
	}
}
