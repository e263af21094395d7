package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"chronoscope/data"
)

// The limits of issue #13: each input works, or is refused with a message
// that says the limit and the file; memory stays bounded. Times and peak
// memory are measured by scripts/limits.sh, not asserted here.

// heapAfter is the heap in use once the garbage is collected.
func heapAfter() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// checkHeld fails if f leaves more than limit bytes more in the heap than
// there was before it: what an import or a search keeps after it is done.
func checkHeld(tb testing.TB, what string, limit uint64, f func()) {
	tb.Helper()
	before := heapAfter()
	f()
	after := heapAfter()
	tb.Logf("%s: held %d KB", what, (int64(after)-int64(before))>>10)
	if after > before+limit {
		tb.Errorf("%s: the heap holds %d MB more after it (%d MB before)", what, (after-before)>>20, before>>20)
	}
}

// repeatReader reads line over and over, n bytes in all, without holding
// them.
func repeatReader(line string, n int64) io.Reader {
	return io.LimitReader(&loopReader{s: line}, n)
}

type loopReader struct {
	s string
	i int
}

func (r *loopReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.s[r.i:])
		n += c
		r.i = (r.i + c) % len(r.s)
	}
	return n, nil
}

func TestImport_50MBRefused(t *testing.T) {
	s := MustOpenDB(t)
	checkHeld(t, "a 50 MB file", 32<<20, func() {
		_, err := s.Import(context.Background(), "huge-report.txt", repeatReader("The council met on Tuesday.\n", 50<<20))
		if !errors.Is(err, data.ErrRefused) || !strings.Contains(err.Error(), "huge-report.txt") ||
			!strings.Contains(err.Error(), fmt.Sprintf("larger than %d MB", data.MaxImportSize>>20)) {
			t.Errorf("a 50 MB file: %v, want it refused naming the file and the limit", err)
		}
	})
}

// TestImport_MillionLines imports a document of a million lines, most
// holding a date word ("Tuesday", "march"), all under the size limit: it
// is stored whole, its dates listed up to MaxCandidates, and found.
func TestImport_MillionLines(t *testing.T) {
	if testing.Short() {
		t.Skip("a million-line import")
	}
	s := MustOpenDB(t)
	ctx := context.Background()
	var b bytes.Buffer
	b.WriteString("A million lines\n\nLima, December 21, 2022.\n")
	words := []string{"the council", "on Tuesday", "a march", "money", "quorum"}
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "%s %d.\n", words[i%len(words)], i)
	}
	var res *data.ImportResult
	checkHeld(t, "a million-line import", 64<<20, func() {
		var err error
		if res, err = s.Import(ctx, "million.txt", &b); err != nil {
			t.Fatal(err)
		}
	})
	if n := len(res.Candidates); n != data.MaxCandidates {
		t.Errorf("%d dates listed, want the first %d", n, data.MaxCandidates)
	}
	d, err := s.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.Text, "\n") + 1; n != 1_000_003 {
		t.Errorf("%d lines stored", n)
	}
	found, err := s.Find(ctx, "quorum", 10)
	if err != nil || !slicesHas(found.Text, res.DocumentID) {
		t.Errorf("Find(quorum): %+v, %v; want the document", found, err)
	}
}

func slicesHas(hits []data.TextHit, id string) bool {
	for _, h := range hits {
		if h.ID == id {
			return true
		}
	}
	return false
}

// TestImport_TenThousandEvents imports a TimelineJS file of 10,000 slides:
// every one an event.
func TestImport_TenThousandEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("a 10,000-event import")
	}
	s := MustOpenDB(t)
	ctx := context.Background()
	var tl struct {
		Events []map[string]any `json:"events"`
	}
	for i := range 10_000 {
		tl.Events = append(tl.Events, map[string]any{
			"start_date": map[string]int{"year": 2000 + i%24, "month": 1 + i%12, "day": 1 + i%28},
			"text":       map[string]string{"headline": fmt.Sprintf("Slide %d", i), "text": fmt.Sprintf("<p>It happened, number %d.</p>", i)},
			"group":      fmt.Sprintf("Group %d", i%5),
		})
	}
	raw, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	var res *data.ImportResult
	checkHeld(t, "a 10,000-event import", 64<<20, func() {
		if res, err = s.Import(ctx, "ten-thousand.json", bytes.NewReader(raw)); err != nil {
			t.Fatal(err)
		}
	})
	if len(res.Events) != 10_000 {
		t.Fatalf("%d events made", len(res.Events))
	}
	e, err := s.Event(ctx, res.Events[9_999])
	if err != nil || e.Title != "Slide 9999" {
		t.Errorf("the last event: %+v, %v", e, err)
	}
}

// TestFind_LongQuery searches for queries of 10,000 characters, words
// and not: each is searched for (its first 200 characters, maxQueryRunes)
// without error.
func TestFind_LongQuery(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for name, q := range map[string]string{
		"words":   strings.Repeat("castillo lopez obrador ", 10_000/23+1)[:10_000],
		"letters": strings.Repeat("a", 10_000),
		"syntax":  strings.Repeat(`"(* OR -^:`, 1_000),
		"accents": strings.Repeat("López ", 2_000)[:10_000],
	} {
		checkHeld(t, name, 16<<20, func() {
			if _, err := s.Find(ctx, q, 30); err != nil {
				t.Errorf("Find(%s, 10,000 characters): %v", name, err)
			}
			if _, err := s.SearchText(ctx, q, 30); err != nil {
				t.Errorf("SearchText(%s, 10,000 characters): %v", name, err)
			}
		})
	}
}
