package data_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"chronoscope/data"
)

// benchSizes are the corpus sizes the corpus benchmarks grow through.
var benchSizes = []int{1_000, 10_000}

// mustSynthDB builds a synthetic corpus of n events in a temporary directory
// and opens it read-only, as the command line does.
func mustSynthDB(tb testing.TB, n int) *data.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "synth.db")
	buildSynth(tb, path, n)
	return openReadOnly(tb, path)
}

// buildSynth writes a synthetic corpus of n events to path, the one
// "chronoscope generate --events n" writes.
func buildSynth(tb testing.TB, path string, n int) {
	tb.Helper()
	if err := data.CreateSynthetic(context.Background(), path, data.SynthOptions{Events: n, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
}

// openReadOnly opens the corpus at path read-only, closed when tb ends.
func openReadOnly(tb testing.TB, path string) *data.Store {
	tb.Helper()
	s, err := data.Open(context.Background(), path, data.ReadOnly())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkExport writes the whole corpus as JSON.
func BenchmarkExport(b *testing.B) {
	benchWholeCorpus(b, func(ctx context.Context, s *data.Store) error { return s.ExportJSON(ctx, io.Discard) })
}

// benchWholeCorpus times run, a pass over every event, at each size, in
// events a second.
func benchWholeCorpus(b *testing.B, run func(context.Context, *data.Store) error) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			s := synthDB(b, n)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if err := run(ctx, s); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		})
	}
}

// BenchmarkEvent reads one event as the detail pane does.
func BenchmarkEvent(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			s := mustSynthDB(b, n)
			ctx := context.Background()
			ids := []string{"event-0000000", fmt.Sprintf("event-%07d", n/2), fmt.Sprintf("event-%07d", n-1)}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, _, err := s.EventWithDocuments(ctx, ids[i%len(ids)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkCheck validates the whole corpus.
func BenchmarkCheck(b *testing.B) {
	benchWholeCorpus(b, func(ctx context.Context, s *data.Store) error {
		probs, err := s.Check(ctx)
		if err == nil && len(probs) > 0 {
			err = fmt.Errorf("problems: %v", probs)
		}
		return err
	})
}

// BenchmarkEvents lists every event as the timeline loads them, each with
// its review (status, tags, notes counted).
func BenchmarkEvents(b *testing.B) {
	benchWholeCorpus(b, func(ctx context.Context, s *data.Store) error {
		_, err := s.Events(ctx)
		return err
	})
}

// BenchmarkOpen opens a corpus read-only, as every command does first; its
// cost should not grow with the corpus. With CHRONOSCOPE_SYNTH_DIR set it
// opens one of 100,000 events too.
func BenchmarkOpen(b *testing.B) {
	sizes := benchSizes
	if os.Getenv("CHRONOSCOPE_SYNTH_DIR") != "" {
		sizes = append(slices.Clone(sizes), 100_000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			path := synthDB(b, n).Path()
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				s, err := data.Open(ctx, path, data.ReadOnly())
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/open")
		})
	}
}
