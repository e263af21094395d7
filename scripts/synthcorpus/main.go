// Command synthcorpus builds a corpus of synthetic events, for measuring
// Chronoscope at sizes the bundled corpus never reaches:
//
//	go run ./scripts/synthcorpus -events 10000 -o /tmp/c10k.db
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"chronoscope/data"
)

func main() {
	events := flag.Int("events", 10_000, "how many `N` events")
	out := flag.String("o", "", "write the corpus to `FILE`, which must not exist")
	seed := flag.Uint64("seed", 1, "random `SEED`; the same seed gives the same corpus")
	flag.Parse()
	if *out == "" || *events < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := build(*out, *events, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synthcorpus:", err)
		os.Exit(1)
	}
}

// build writes the synthetic sources to a temporary directory and builds
// the corpus at out from them.
func build(out string, events int, seed uint64) error {
	dir, err := os.MkdirTemp("", "synthcorpus")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := data.WriteSyntheticSource(dir, events, seed); err != nil {
		return err
	}
	return data.Create(context.Background(), out, os.DirFS(dir))
}
