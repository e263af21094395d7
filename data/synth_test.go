package data_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"chronoscope/data"
)

// TestCreateSynthetic_SameAsSources checks that the corpus drawn in memory
// is the one Create builds from WriteSyntheticSource's files, so the two
// ways of making it measure the same thing, and that options the files
// cannot give (a long document) still pass the checks.
func TestCreateSynthetic_SameAsSources(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src := t.TempDir()
	const n = 250
	if err := data.WriteSyntheticSource(src, n, 5); err != nil {
		t.Fatal(err)
	}
	fromFiles, inMemory := filepath.Join(dir, "files.db"), filepath.Join(dir, "memory.db")
	if err := data.Create(ctx, fromFiles, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := data.CreateSynthetic(ctx, inMemory, data.SynthOptions{Events: n, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	if a, b := exportJSON(t, openReadOnly(t, fromFiles)), exportJSON(t, openReadOnly(t, inMemory)); !bytes.Equal(a, b) {
		t.Errorf("the corpus from files and the one from memory differ (%d and %d bytes of JSON)", len(a), len(b))
	}

	long := filepath.Join(dir, "long.db")
	if err := data.CreateSynthetic(ctx, long, data.SynthOptions{Events: 30, Documents: 2, Seed: 1, LongDocumentBytes: 100_000}); err != nil {
		t.Fatal(err)
	}
	s := openReadOnly(t, long)
	probs, err := s.Check(ctx)
	if err != nil || len(probs) > 0 {
		t.Errorf("check: %v %v", err, probs)
	}
	if err := data.CreateSynthetic(ctx, long, data.SynthOptions{Events: 30, Seed: 1}); err == nil {
		t.Error("CreateSynthetic replaced an existing corpus")
	}
}
