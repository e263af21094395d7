package data

import (
	"context"
	"reflect"
	"testing"
)

// TestSearcher_NarrowsAsFresh types queries letter by letter into one
// searcher, each keystroke narrowing from the last (narrowed): every
// keystroke's hits, all of them, must be those of a search with nothing
// to narrow from. The queries add words and spaces, hold words found
// whole, inside words and with gaps, and take letters back.
func TestSearcher_NarrowsAsFresh(t *testing.T) {
	syn := newSynthetic(SynthOptions{Events: 3000, Seed: 11})
	var cands []titled
	for _, e := range syn.events {
		cands = append(cands, titled{candidate{kind: kindEvent, id: e.ID, title: e.Title}, e.Title})
	}
	sr := newSearcher(cands)
	fresh := newSearcher(append([]titled(nil), cands...))
	ctx := context.Background()
	typed := []string{"lopez obrador lima", "castilo  vacancia", "brador lo", "ramirez de la o", "peru mexico",
		"lopez obrador", "lopez obrad", "lopez obradorx", "cstllo pres", "2021 la"}
	for _, q := range typed {
		for i := 1; i <= len(q); i++ {
			got, err := sr.find(ctx, q[:i], 0)
			if err != nil {
				t.Fatal(err)
			}
			fresh.mu.Lock()
			fresh.last = narrowed{}
			fresh.mu.Unlock()
			want, err := fresh.find(ctx, q[:i], 0)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q typed after %q: %d hits, a fresh search %d", q[:i], q[:i-1], len(got), len(want))
			}
		}
	}
}
