package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// syntheticCandidates makes n titles in the corpus's style, with accents.
func syntheticCandidates(n int) []titled {
	rng := rand.New(rand.NewPCG(1, 2))
	who := []string{"López Obrador", "Castillo", "Boluarte", "Ebrard", "Ramírez de la O", "Kenna", "Monroy", "Paredes", "Perú", "México"}
	what := []string{"rejects", "meets", "defends", "expels", "recalls", "visits", "accuses", "supports", "criticises", "grants asylum to"}
	where := []string{"in Lima", "in Mexico City", "at the CELAC summit", "before Congress", "at the Pacific Alliance", "on Twitter"}
	cands := make([]titled, n)
	for i := range cands {
		t := fmt.Sprintf("%s %s %s %s #%d", who[rng.IntN(len(who))], what[rng.IntN(len(what))],
			who[rng.IntN(len(who))], where[rng.IntN(len(where))], i)
		cands[i] = titled{candidate{kind: kindEvent, id: fmt.Sprint(i), title: t}, t}
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
			ctx := context.Background()
			b.ReportAllocs()
			var keys int
			start := time.Now()
			for b.Loop() {
				sr.find(ctx, "", 0)
				for i := 1; i <= len(typed); i++ {
					sr.find(ctx, typed[:i], 50)
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
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				sr.find(ctx, "", 0)
				sr.find(ctx, "lopez", 50)
			}
		})
	}
}

// TestSearcher_Cancelled checks that a cancelled search gives up and leaves
// the narrowing cache as it was, so the next keystroke's results are still
// complete.
func TestSearcher_Cancelled(t *testing.T) {
	sr := newSearcher(syntheticCandidates(3 * scanChunk))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := sr.find(ctx, "lopez", 10); err == nil {
		t.Fatal("a cancelled search returned no error")
	}
	want, err := newSearcher(syntheticCandidates(3*scanChunk)).find(context.Background(), "lopez o", 0)
	if err != nil {
		t.Fatal(err)
	}
	got, err := sr.find(context.Background(), "lopez o", 0)
	if err != nil || len(got) != len(want) || len(got) == 0 {
		t.Fatalf("after a cancelled search: %d hits (%v), want %d", len(got), err, len(want))
	}
}
