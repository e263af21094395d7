package data_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"chronoscope/data"
)

// findSizes are the corpus sizes BenchmarkFind grows through; the last is
// the size the search field must stay usable at.
var findSizes = []int{1_000, 10_000, 100_000}

// BenchmarkFind_Typing types queries into Find one letter at a time, as a
// person at the search field does, with the window's limit, and reports
// the median and 99th percentile keystroke of each query, and the most
// events one of its keystrokes lit. Each time the query is typed afresh,
// with nothing kept from the time before but what the window's warm-up
// (an empty query) reads: the index and the links of people, places and
// documents to their events. "lopez obrador" is the query of the
// issue's target (#11); "la" and "coup" match every synthetic event, so
// their keystrokes light them all.
func BenchmarkFind_Typing(b *testing.B) {
	typed := []string{"lopez obrador", "lopez obrador lima", "la vacancia", "coup", "ramirez de la o"}
	for _, n := range findSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			s := synthDB(b, n)
			ctx := context.Background()
			if _, err := s.Find(ctx, "", 0); err != nil { // the window's warm-up
				b.Fatal(err)
			}
			for _, q := range typed {
				b.Run("q="+strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
					var keys []time.Duration
					lit := 0
					b.ReportAllocs()
					for b.Loop() {
						// Typed afresh: nothing kept from the last time.
						s.ForgetQueries()
						for i := 1; i <= len(q); i++ {
							start := time.Now()
							res, err := s.Find(ctx, q[:i], windowLimit)
							keys = append(keys, time.Since(start))
							if err != nil {
								b.Fatal(err)
							}
							lit = max(lit, len(res.Events))
						}
					}
					slices.Sort(keys)
					b.ReportMetric(ms(keys[len(keys)/2]), "ms/key-p50")
					b.ReportMetric(ms(keys[(len(keys)-1)*99/100]), "ms/key-p99")
					b.ReportMetric(ms(keys[len(keys)-1]), "ms/key-max")
					b.ReportMetric(float64(lit), "events-lit-max")
				})
			}
		})
	}
}

// windowLimit is the window's search limit (app's searchLimit).
const windowLimit = 50

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkFind_First is the window's warm-up, the first search of a
// session, which reads the search index (the titles, the events in time
// order and what each row of the full-text indexes is) and the links of
// people, places and documents to their events. An empty query reads them
// and searches nothing.
func BenchmarkFind_First(b *testing.B) {
	for _, n := range findSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			s := synthDB(b, n)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				s.ForgetSearchIndex()
				if _, err := s.Find(ctx, "", 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFind_Command is what `chronoscope search --limit 50 "lopez
// obrador"` does once the corpus is open: the first search of a process,
// which reads the stored search index, without the events it lights
// (FindHits). Open, whose check of the file is apart, is not timed.
func BenchmarkFind_Command(b *testing.B) {
	for _, n := range findSizes {
		b.Run(fmt.Sprintf("events=%d", n), func(b *testing.B) {
			path := synthPath(b, n)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s, err := data.Open(ctx, path, data.ReadOnly())
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := s.FindHits(ctx, "lopez obrador", windowLimit); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
		})
	}
}

// synthDB is mustSynthDB, or with CHRONOSCOPE_SYNTH_DIR set, a corpus of n
// events kept there between runs (building 100,000 events takes minutes).
func synthDB(tb testing.TB, n int) *data.Store {
	tb.Helper()
	if os.Getenv("CHRONOSCOPE_SYNTH_DIR") == "" {
		return mustSynthDB(tb, n)
	}
	return openReadOnly(tb, synthPath(tb, n))
}

// synthPath is the path of the corpus of n events in CHRONOSCOPE_SYNTH_DIR,
// or in a temporary directory, built when there is none. A corpus kept
// from an older version is brought up to date, its search index stored,
// as opening it for writing and searching does.
func synthPath(tb testing.TB, n int) string {
	tb.Helper()
	dir := os.Getenv("CHRONOSCOPE_SYNTH_DIR")
	if dir == "" {
		dir = tb.TempDir()
	}
	path := fmt.Sprintf("%s/synth-%d.db", dir, n)
	if _, err := os.Stat(path); err != nil {
		buildSynth(tb, path, n)
	}
	s, err := data.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Find(context.Background(), "", 0); err != nil {
		tb.Fatal(err)
	}
	return path
}
