package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"time"

	"chronoscope/data"
)

// generateCommand writes a synthetic corpus, so that anyone can measure
// the app at sizes no real corpus of ours reaches (see docs/PERFORMANCE.md).
func (c *cli) generateCommand() command {
	fl := flag.NewFlagSet("generate", flag.ContinueOnError)
	var events, documents countFlag
	fl.Var(&events, "events", "how many `N` events")
	fl.Var(&documents, "documents", "how many `M` documents (default one for every ten events)")
	seed := fl.Uint64("seed", 1, "random `SEED`")
	longMB := fl.Float64("long-document-mb", 0, "add one document of `X` MB")
	outPath := fl.String("o", "", "write the corpus to `FILE.db`, which must not exist")
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		switch {
		case events == 0:
			return fmt.Errorf("%w: generate needs --events N", errUsage)
		case *outPath == "":
			return fmt.Errorf("%w: generate needs -o FILE.db", errUsage)
		case *longMB < 0 || *longMB > 1024:
			return fmt.Errorf("%w: --long-document-mb %g: want a size from 0 to 1024 MB", errUsage, *longMB)
		}
		// Refuse before spending a minute on a large corpus; Create refuses
		// again should the file appear meanwhile.
		if _, err := os.Lstat(*outPath); err == nil {
			return fmt.Errorf("generate %s: %w; generate never overwrites a file", *outPath, fs.ErrExist)
		}
		start := time.Now()
		o := data.SynthOptions{Events: int(events), Documents: int(documents), Seed: *seed,
			LongDocumentBytes: int(*longMB * (1 << 20))}
		if err := data.CreateSynthetic(ctx, *outPath, o); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("generate %s: %w; generate never overwrites a file", *outPath, fs.ErrExist)
			}
			return fmt.Errorf("generate: %w", err)
		}
		fmt.Fprintf(c.stdout, "%s: %d events, seed %d, in %.1f s\n", *outPath, events, *seed, time.Since(start).Seconds())
		return nil
	}}
}
