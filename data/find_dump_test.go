package data_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestFind_Dump writes, when CHRONOSCOPE_FIND_DUMP names a file, the
// results of Find for every prefix of a set of queries, typed as a person
// types them, with the window's limit and with none, at the corpus of
// CHRONOSCOPE_FIND_DUMP_N events (CHRONOSCOPE_SYNTH_DIR): one line per
// search with a hash of its JSON, so that two versions of the search can
// be compared byte for byte. It checks nothing by itself.
func TestFind_Dump(t *testing.T) {
	out := os.Getenv("CHRONOSCOPE_FIND_DUMP")
	if out == "" {
		t.Skip("CHRONOSCOPE_FIND_DUMP not set")
	}
	n := 100_000
	fmt.Sscan(os.Getenv("CHRONOSCOPE_FIND_DUMP_N"), &n)
	s := synthDB(t, n)
	ctx := context.Background()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	queries := []string{"lopez obrador", "lopez obrador lima", "la vacancia", "coup", "ramirez de la o",
		"castillo", "amlo", "peru", "mexico city", "brador", "castilo", "protest", "el presidente",
		"2021", "zq", "boluarte succeeds", "lópez obrador", "obrador lopez", "lopez lopez", "Pérez ÉBRARD",
		"presidente de la republica", "cancilleria mexico"}
	for _, limit := range []int{windowLimit, 0} {
		for _, q := range queries {
			for i := 1; i <= len(q); i++ {
				res, err := s.Find(ctx, q[:i], limit)
				if err != nil {
					t.Fatal(err)
				}
				b, err := json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(f, "%d %q hits=%d text=%d events=%d %x\n", limit, q[:i], len(res.Hits), len(res.Text), len(res.Events), sha256.Sum256(b))
			}
		}
	}
}
