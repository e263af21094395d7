package app

import (
	"fmt"
	"strings"
	"testing"
)

// An ID index finds every ID it holds, the last of one given twice, and
// no other: among many, few, none, and IDs whose hashes share a slot.
func TestIDIndex_Find(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000, 20_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			ids := make([]string, n)
			for i := range ids {
				ids[i] = fmt.Sprintf("ev-%d", i)
			}
			if n > 2 {
				ids[n-1] = ids[1] // given twice
			}
			var text strings.Builder
			ends := make([]uint32, n)
			for i, id := range ids {
				text.WriteString(id)
				ends[i] = uint32(text.Len())
			}
			x := newIDIndex(text.String(), n, func(i int) (uint32, uint32) { return ends[i] - uint32(len(ids[i])), ends[i] })
			for i, id := range ids {
				want := i
				if n > 2 && i == 1 {
					want = n - 1
				}
				if got, ok := x.find(id); !ok || got != want {
					t.Fatalf("find(%q) = %d, %v; want %d", id, got, ok, want)
				}
			}
			for _, id := range []string{"", "ev-", fmt.Sprintf("ev-%d", n), "ev-1 ", "EV-1"} {
				if i, ok := x.find(id); ok && ids[i] != id {
					t.Fatalf("find(%q) = %d (%q)", id, i, ids[i])
				}
			}
			if len(x.slots) > 0 && 5*n > 4*len(x.slots) {
				t.Errorf("%d IDs in %d slots", n, len(x.slots))
			}
		})
	}
}
