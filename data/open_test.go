package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chronoscope/assets"
	"chronoscope/data"
	"chronoscope/internal/corpustest"
)

func TestOpen_RefusesWhatIsNotACorpus(t *testing.T) {
	dir := notCorpora(t)
	tests := []struct {
		file, want string
	}{
		{"empty.db", " is not a Chronoscope corpus: the file is empty"},
		{"text.db", " is not a Chronoscope corpus: it is not a SQLite database"},
		{"truncated.db", " is not a Chronoscope corpus: it is not a SQLite database"},
		{"other.db", " is not a Chronoscope corpus: it is a SQLite database that Chronoscope did not make"},
		{"damaged.db", " is damaged: "},
		{"missing.db", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			before := fileDigest(t, path)
			_, err := data.Open(context.Background(), path)
			if err == nil {
				t.Fatal("opened, want an error")
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q should name %s and say %q", err, path, tt.want)
			}
			if tt.file != "missing.db" && !errors.Is(err, data.ErrNotCorpus) {
				t.Errorf("error %v is not ErrNotCorpus", err)
			}
			if after := fileDigest(t, path); !bytes.Equal(before, after) {
				t.Error("the file was changed")
			}
			for _, suffix := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + suffix); err == nil {
					t.Errorf("left %s behind", path+suffix)
				}
			}
		})
	}
}

// notCorpora makes a directory of files that are not corpora: empty, text,
// a truncated and a damaged corpus, and another application's database.
func notCorpora(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	good := MustOpenDB(t)
	goodBytes, err := os.ReadFile(good.Path())
	if err != nil {
		t.Fatal(err)
	}
	damaged := append([]byte(nil), goodBytes...)
	for i := 4096; i < len(damaged); i++ {
		damaged[i] = 0xA5
	}

	files := map[string][]byte{
		"empty.db":     {},
		"text.db":      []byte("these are not the droids\n"),
		"truncated.db": goodBytes[:50],
		"damaged.db":   damaged,
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestOpenOrCreate_KeepsExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	if err := os.WriteFile(path, []byte("my notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := data.OpenOrCreate(context.Background(), path, assets.Corpus()); err == nil {
		t.Fatal("opened a text file as a corpus")
	}
	if b, _ := os.ReadFile(path); string(b) != "my notes" {
		t.Errorf("file now holds %q", b)
	}
	if err := data.Create(context.Background(), path, assets.Corpus()); err == nil {
		t.Error("Create overwrote an existing file")
	}
}

func TestOpen_ReadOnly(t *testing.T) {
	s := MustOpenDB(t)
	path := s.Path()
	s.Close()
	ro, err := data.Open(context.Background(), path, data.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.IsReadOnly() {
		t.Error("IsReadOnly() = false")
	}
	if _, err := ro.Events(context.Background()); err != nil {
		t.Errorf("reading a read-only corpus: %v", err)
	}
	if err := ro.UpdateBundled(context.Background(), assets.Corpus()); !errors.Is(err, data.ErrReadOnly) {
		t.Errorf("UpdateBundled on read-only: %v, want ErrReadOnly", err)
	}
	if _, err := ro.DB().Exec(`UPDATE events SET title = 'x'`); err == nil {
		t.Error("wrote to a read-only corpus")
	}
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("reading left %s beside the corpus", suffix)
		}
	}
}

// TestOpen_WritesNothingBeside checks that opening a corpus writes nothing
// beside it to learn whether it may write: the directory is as it was, down
// to its modification time.
func TestOpen_WritesNothingBeside(t *testing.T) {
	s := MustOpenDB(t)
	path := s.Path()
	s.Close()
	dir := filepath.Dir(path)
	time.Sleep(20 * time.Millisecond)
	before, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err = data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.IsReadOnly() {
		t.Error("a corpus in a writable directory opened read-only")
	}
	after, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("the directory changed when the corpus was opened: %v, then %v", before.ModTime(), after.ModTime())
	}
}

// TestOpen_UnwritableOpensReadOnly checks that a corpus whose file or
// directory cannot be written opens read-only, as the rollback journal
// needs both.
func TestOpen_UnwritableOpensReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write whatever the permissions say")
	}
	tests := []struct {
		name       string
		file, dirm os.FileMode
	}{
		{"read-only file", 0o444, 0o755},
		{"read-only directory", 0o644, 0o555},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpenDB(t)
			path := s.Path()
			s.Close()
			dir := filepath.Dir(path)
			if err := os.Chmod(path, tt.file); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(dir, tt.dirm); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
			s, err := data.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if !s.IsReadOnly() {
				t.Error("opened for writing")
			}
		})
	}
}

// TestOpen_LargeCorpusCheckedInPart checks a corpus too large for Open to
// read whole (made so by SetQuickCheckMax): what is not a corpus, or a
// corpus cut short, is still refused in the same words; a damaged page
// Open does not read fails the first read that meets it, in the words Open
// uses; and Check, which reads everything, finds it.
func TestOpen_LargeCorpusCheckedInPart(t *testing.T) {
	data.SetQuickCheckMax(t, 0)
	dir := notCorpora(t)
	good := MustOpenDB(t).Path()
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "cut.db")
	if err := os.WriteFile(cut, goodBytes[:len(goodBytes)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ file, want string }{
		{"empty.db", " is not a Chronoscope corpus: the file is empty"},
		{"text.db", " is not a Chronoscope corpus: it is not a SQLite database"},
		{"truncated.db", " is not a Chronoscope corpus: it is not a SQLite database"},
		{"other.db", " is not a Chronoscope corpus: it is a SQLite database that Chronoscope did not make"},
		{"damaged.db", " is damaged: "},
		{"cut.db", " is damaged: "},
	} {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			_, err := data.Open(context.Background(), path, data.ReadOnly())
			if err == nil || !errors.Is(err, data.ErrNotCorpus) || !strings.HasPrefix(err.Error(), path+tt.want) {
				t.Errorf("error %v, want %q", err, path+tt.want)
			}
		})
	}

	t.Run("damaged events", func(t *testing.T) {
		path := corpustest.WithZeroedRoot(t, good, "events")
		s, err := data.Open(context.Background(), path, data.ReadOnly())
		if err != nil {
			t.Fatalf("Open read the damaged page: %v", err)
		}
		defer s.Close()
		want := path + " is damaged: "
		if _, err := s.Events(context.Background()); !errors.Is(err, data.ErrNotCorpus) ||
			data.FileProblem(err) == nil || !strings.HasPrefix(data.FileProblem(err).Error(), want) {
			t.Errorf("Events: %v, want an error saying %q", err, want)
		}
		if _, err := s.Check(context.Background()); data.FileProblem(err) == nil ||
			!strings.HasPrefix(data.FileProblem(err).Error(), want) {
			t.Errorf("Check: %v, want an error saying %q", err, want)
		}
	})

	t.Run("damaged documents", func(t *testing.T) {
		path := corpustest.WithZeroedRoot(t, good, "documents")
		s, err := data.Open(context.Background(), path, data.ReadOnly())
		if err != nil {
			t.Fatalf("Open read the damaged page: %v", err)
		}
		defer s.Close()
		want := path + " is damaged: "
		if _, err := s.Documents(context.Background()); data.FileProblem(err) == nil ||
			!strings.HasPrefix(data.FileProblem(err).Error(), want) {
			t.Errorf("Documents: %v, want an error saying %q", err, want)
		}
		if _, err := s.Document(context.Background(), "peru-severs-ties"); data.FileProblem(err) == nil ||
			!strings.HasPrefix(data.FileProblem(err).Error(), want) {
			t.Errorf("Document: %v, want an error saying %q", err, want)
		}
	})

	t.Run("damaged search index", func(t *testing.T) {
		path := corpustest.WithZeroedRoot(t, good, "event_text_data")
		s, err := data.Open(context.Background(), path, data.ReadOnly())
		if err != nil {
			t.Fatalf("Open read the damaged page: %v", err)
		}
		defer s.Close()
		if _, err := s.Events(context.Background()); err != nil {
			t.Errorf("Events, which does not read the search index: %v", err)
		}
		// SQLite's integrity check lists what it finds wrong, or fails
		// where the full-text index cannot be read at all.
		probs, err := s.Check(context.Background())
		damaged := data.FileProblem(err) != nil && strings.Contains(err.Error(), " is damaged: ")
		found := len(probs) > 0 && probs[0].Where == "database" && strings.Contains(probs[0].What, "integrity check")
		if !damaged && !found {
			t.Errorf("Check: %v, %v; want it damaged or the integrity check's findings", probs, err)
		}
	})
}

// TestWrite_RefusedOnDamagedLargeCorpus checks that nothing is written to a
// corpus Open read only in part (one larger than it reads whole) when a
// page of it is damaged, even a page the write never touches: the first
// write reads the file whole and refuses, and the file is left as it was.
// A sound one is written to as before.
func TestWrite_RefusedOnDamagedLargeCorpus(t *testing.T) {
	data.SetQuickCheckMax(t, 0)
	ctx := context.Background()
	good := MustOpenDB(t).Path()
	events, err := openReadOnly(t, good).Events(ctx)
	if err != nil || len(events) == 0 {
		t.Fatalf("events: %v, %v", events, err)
	}
	id := events[0].ID

	path := corpustest.WithZeroedRoot(t, good, "documents")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open read the damaged page: %v", err)
	}
	want := path + " is damaged: "
	for name, write := range map[string]func() error{
		"note":   func() error { _, err := s.AddNote(ctx, data.KindEvent, id, "written after the damage"); return err },
		"status": func() error { return s.SetStatus(ctx, id, data.Verified) },
		"import": func() error {
			_, err := s.Import(ctx, "later.txt", strings.NewReader("Lima, 3 May 2023. Talks resumed."))
			return err
		},
	} {
		err := write()
		if p := data.FileProblem(err); p == nil || !strings.HasPrefix(p.Error(), want) {
			t.Errorf("%s on a damaged corpus: %v, want an error saying %q", name, err, want)
		}
	}
	s.Close()
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the damaged corpus was written to (%v)", err)
	}

	copyPath := filepath.Join(t.TempDir(), "sound.db")
	if err := os.WriteFile(copyPath, mustRead(t, good), 0o644); err != nil {
		t.Fatal(err)
	}
	sound, err := data.Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer sound.Close()
	if _, err := sound.AddNote(ctx, data.KindEvent, id, "kept"); err != nil {
		t.Errorf("a note on a sound corpus read only in part: %v", err)
	}
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestUpdateBundled_LeavesOthersUnread checks that opening a large corpus
// not made from the bundled sources (a synthetic one here) does not read
// it whole to update its bundled part: it has none, and reading 250 MB
// whole took the window's first frame from under a second to three. Made
// so that reading it whole would find a damaged page, which an update
// that read it would report.
func TestUpdateBundled_LeavesOthersUnread(t *testing.T) {
	data.SetQuickCheckMax(t, 0)
	ctx := context.Background()
	good := filepath.Join(t.TempDir(), "synthetic.db")
	if err := data.CreateSynthetic(ctx, good, data.SynthOptions{Events: 300, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	path := corpustest.WithZeroedRoot(t, good, "evidence")
	before := mustRead(t, path)
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open read the damaged page: %v", err)
	}
	if err := s.UpdateBundled(ctx, assets.Corpus()); err != nil {
		t.Errorf("UpdateBundled on a corpus not made from the bundled sources: %v, want nothing done", err)
	}
	s.Close()
	if !bytes.Equal(before, mustRead(t, path)) {
		t.Error("UpdateBundled wrote to a corpus not made from the bundled sources")
	}
}
