package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestSortEvents checks that sortEvents puts events in CompareEvents
// order, below and above the size it sorts in halves: many share a day,
// a sequence and a last day, some are undated.
func TestSortEvents(t *testing.T) {
	for _, n := range []int{0, 1, 2, 100, parallelSortMin - 1, parallelSortMin, 3*parallelSortMin + 7} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(n), 11))
			evs := make([]EventSummary, n)
			for i := range evs {
				e := &evs[i]
				e.ID = fmt.Sprintf("e%d", r.IntN(10*n+1)*1000+i) // unique, in no order
				if r.IntN(10) == 0 {
					continue // undated
				}
				start := time.Unix(int64(r.IntN(60))*86400, 0).UTC()
				e.Date = DateRange{Start: start, End: start.AddDate(0, 0, r.IntN(3)), Precision: Day}
				if r.IntN(3) == 0 {
					e.Sequence = 1 + r.IntN(3)
				}
			}
			want := slices.Clone(evs)
			slices.SortFunc(want, func(a, b EventSummary) int { return CompareEvents(&a, &b) })
			got := sortEvents(evs)
			for i := range want {
				if got[i].ID != want[i].ID {
					t.Fatalf("event %d is %s, want %s", i, got[i].ID, want[i].ID)
				}
			}
		})
	}
}
