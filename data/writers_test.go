package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// outOfDate is a corpus an older Chronoscope made from older bundled
// sources, which the next writable open updates; withSchema, one whose
// schema lacks the last migration too.
func outOfDate(tb testing.TB, withSchema bool) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "old.db")
	if err := data.Create(context.Background(), path, assets.Corpus()); err != nil {
		tb.Fatal(err)
	}
	stmts := []string{`UPDATE meta SET value = 'older' WHERE key = 'source_digest'`}
	if withSchema {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			tb.Fatal(err)
		}
		rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search_index%'`)
		if err != nil {
			tb.Fatal(err)
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				tb.Fatal(err)
			}
			stmts = append(stmts, `DROP TRIGGER `+name)
		}
		rows.Close()
		db.Close()
		stmts = append(stmts, `DROP TABLE search_index`, `DROP TABLE document_checksums`, `PRAGMA user_version = 4`)
	}
	tamper(tb, path, stmts)
	return path
}

// generation is the corpus's search generation, which every write to its
// events, actors, places or documents counts up: how much was written.
func generation(tb testing.TB, path string) int64 {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var gen int64
	if err := db.QueryRow(`SELECT generation FROM search_index`).Scan(&gen); err != nil {
		tb.Fatal(err)
	}
	return gen
}

// copyFile copies the file at from to a new file in a temporary directory.
func copyFile(tb testing.TB, from string) string {
	tb.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		tb.Fatal(err)
	}
	to := filepath.Join(tb.TempDir(), filepath.Base(from))
	if err := os.WriteFile(to, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return to
}

// Failure 1 of issue 13: windows opened together on a corpus whose
// bundled part (and schema) needed an update. Each open waits for the
// one before; the migration and the update are made once, by the first,
// and the others find them made.
func TestWriters_OpenOutOfDateTogether(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name       string
		withSchema bool
	}{{"bundled", false}, {"schema and bundled", true}} {
		t.Run(tc.name, func(t *testing.T) {
			for trial := range 3 {
				path := outOfDate(t, tc.withSchema)
				alone := copyFile(t, path)
				s, err := data.OpenOrCreate(ctx, alone, assets.Corpus())
				if err != nil {
					t.Fatal(err)
				}
				s.Close()
				want := generation(t, alone)

				const windows = 4
				var wg sync.WaitGroup
				start := make(chan struct{})
				errs := make([]error, windows)
				for i := range windows {
					wg.Go(func() {
						<-start
						s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
						if err != nil {
							errs[i] = err
							return
						}
						errs[i] = s.Close()
					})
				}
				close(start)
				wg.Wait()
				for i, err := range errs {
					if err != nil {
						t.Errorf("trial %d, window %d: %v", trial, i, err)
					}
				}
				if got := generation(t, path); got != want {
					t.Errorf("trial %d: generation %d, want %d as after one update: the update was made more than once", trial, got, want)
				}
			}
		})
	}
}

// Writing commands in processes of their own (review --note), all at
// once, on an out-of-date corpus: none fails, every note is kept.
func TestWriters_ReviewProcesses(t *testing.T) {
	if path := os.Getenv("CHRONOSCOPE_WRITER_CORPUS"); path != "" {
		reviewNotes(path, os.Getenv("CHRONOSCOPE_WRITER_NAME"))
		return
	}
	if testing.Short() {
		t.Skip("starts processes")
	}
	path := outOfDate(t, true)
	const procs = 6
	var (
		wg     sync.WaitGroup
		outs   = make([]strings.Builder, procs)
		errs   = make([]error, procs)
		starts []io.Closer
	)
	// Each process waits for its input to end before it opens the corpus,
	// so that all open it at once.
	for i := range procs {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriters_ReviewProcesses$")
		cmd.Env = append(os.Environ(), "CHRONOSCOPE_WRITER_CORPUS="+path, fmt.Sprintf("CHRONOSCOPE_WRITER_NAME=p%d", i))
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		in, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		starts = append(starts, in)
		wg.Go(func() { errs[i] = cmd.Wait() })
	}
	for _, in := range starts {
		in.Close()
	}
	wg.Wait()
	for i := range procs {
		if out := outs[i].String(); errs[i] != nil || strings.Contains(out, "locked") {
			t.Errorf("process %d: %v\n%s", i, errs[i], out)
		}
	}
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := mustReview(t, s, data.KindEvent, "castillo-removed")
	if len(r.Notes) != procs*reviewRounds {
		t.Errorf("%d notes, want %d", len(r.Notes), procs*reviewRounds)
	}
}

// reviewRounds is how many reviews each process of
// TestWriters_ReviewProcesses makes.
const reviewRounds = 10

// reviewNotes is a process of TestWriters_ReviewProcesses: the review
// command, reviewRounds times, each time opening the corpus anew.
func reviewNotes(path, name string) {
	io.Copy(io.Discard, os.Stdin)
	ctx := context.Background()
	for i := range reviewRounds {
		s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		_, err = s.ChangeReview(ctx, "castillo-removed", data.ReviewChange{Notes: []string{fmt.Sprintf("%s note %d", name, i)}, Tags: []string{name}})
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		s.Close()
	}
	os.Exit(0)
}

// Failure 1 of issue 13, its second half: check, run while another
// process writes, finds nothing wrong with a sound corpus, and the writer
// is never refused.
func TestCheck_WhileWriting(t *testing.T) {
	if testing.Short() {
		t.Skip("runs check many times")
	}
	ctx := context.Background()
	s := MustOpenDB(t)
	w, err := data.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var (
		stop    atomic.Bool
		writes  atomic.Int64
		written = make(chan error, 1)
	)
	go func() {
		written <- func() error {
			for i := 0; !stop.Load(); i++ {
				text := fmt.Sprintf("Dispatch %d\n\n%s", i, strings.Repeat(fmt.Sprintf("Word%d of the dispatch, filed on 3 March 2023. ", i), 200))
				if _, err := w.Import(ctx, fmt.Sprintf("dispatch-%d.txt", i), strings.NewReader(text)); err != nil {
					return err
				}
				if _, err := w.AddNote(ctx, data.KindEvent, "castillo-removed", fmt.Sprintf("note %d", i)); err != nil {
					return err
				}
				writes.Add(2)
			}
			return nil
		}()
	}()
	const checks = 40
	for i := range checks {
		probs, err := s.Check(ctx)
		if err != nil || len(probs) > 0 {
			t.Errorf("check %d: %v %v", i, probs, err)
			break
		}
	}
	stop.Store(true)
	if err := <-written; err != nil {
		t.Errorf("the writer: %v", err)
	}
	t.Logf("%d checks beside %d writes", checks, writes.Load())
}
