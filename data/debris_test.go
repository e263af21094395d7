package data_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"chronoscope/assets"
	"chronoscope/data"
)

// TestCreate_KilledLeavesNoDebris kills a process building a corpus at
// moments spread over the build, many times; the next open removes what
// the killed builds left beside the corpus, and the corpus it builds is
// sound.
func TestCreate_KilledLeavesNoDebris(t *testing.T) {
	if testing.Short() {
		t.Skip("kills 30 builds")
	}
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "corpus.db")
	// How long one build takes here, to spread the kills over it.
	start := time.Now()
	if err := data.Create(ctx, filepath.Join(t.TempDir(), "timed.db"), assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)

	const kills = 30
	leftDebris := 0
	for i := range kills {
		os.Remove(path)
		before := len(debris(t, dir))
		killDuring(t, path, took*time.Duration(3*i)/(2*kills))
		if len(debris(t, dir)) > before {
			leftDebris++
		}
	}
	t.Logf("%d kills over a build of %v; %d left debris (%d files)", kills, took, leftDebris, len(debris(t, dir)))

	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if left := debris(t, dir); len(left) > 0 {
		t.Errorf("left beside the corpus: %v", left)
	}
	probs, err := s.Check(ctx)
	if err != nil || len(probs) > 0 {
		t.Errorf("check: %v %v", probs, err)
	}
}

// killDuring starts a process building a corpus at path and kills it
// after wait.
func killDuring(tb testing.TB, path string, wait time.Duration) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "CHRONOSCOPE_HELPER=create", "CHRONOSCOPE_HELPER_CORPUS="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	if !sc.Scan() || sc.Text() != "building" {
		tb.Fatalf("the helper said %q", sc.Text())
	}
	time.Sleep(wait)
	if err := cmd.Process.Kill(); err != nil {
		tb.Fatal(err)
	}
	cmd.Wait()
}

// debris lists the files in dir other than a corpus: those builds left.
func debris(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != "corpus.db" {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestOpenOrCreate_RemovesOnlyDebris checks what is taken for a killed
// build's debris: a temporary file of this corpus whose builder has ended,
// or, from a Chronoscope that did not record its builder, an hour old; and
// its journal. A live build's files, another corpus's and anything else
// are left alone.
func TestOpenOrCreate_RemovesOnlyDebris(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "corpus.db")
	ended := exec.Command("true")
	if err := ended.Run(); err != nil {
		t.Fatal(err)
	}
	dead, live := ended.Process.Pid, os.Getppid()
	old := time.Now().Add(-2 * time.Hour)
	files := []struct {
		name   string
		old    bool
		remove bool
	}{
		{fmt.Sprintf(".corpus.db.building-%d-123456", dead), false, true},
		{fmt.Sprintf(".corpus.db.building-%d-123456-journal", dead), false, true},
		{".corpus.db.building-987654", true, true},
		{".corpus.db.building-987654-journal", true, true},
		{".corpus.db.building-555555", false, false},
		{fmt.Sprintf(".corpus.db.building-%d-42", live), false, false},
		{fmt.Sprintf(".other.db.building-%d-42", dead), false, false},
		{fmt.Sprintf(".corpus.db.building-%d-notes", dead), true, false},
		{"corpus.db.building-1", true, false},
		{"notes.txt", true, false},
	}
	for _, f := range files {
		p := filepath.Join(dir, f.name)
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if f.old {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	left := debris(t, dir)
	for _, f := range files {
		if kept := slices.Contains(left, f.name); kept == f.remove {
			t.Errorf("%s: kept %v, want %v", f.name, kept, !f.remove)
		}
	}
	if t.Failed() {
		t.Logf("left: %s", strings.Join(left, " "))
	}
}
