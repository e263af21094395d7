package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// TestBackup_CopiesAndRefusesToOverwrite backs up a read-only corpus
// holding notes: the copy opens as a corpus with the notes; a second
// backup to the same file is refused and leaves it as it was, and the
// corpus is unchanged.
func TestBackup_CopiesAndRefusesToOverwrite(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	reviewSome(t, s)
	path := s.Path()
	s.Close()
	before := fileDigest(t, path)
	ro, err := data.Open(ctx, path, data.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := ro.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	copied, err := data.Open(ctx, out, data.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	if r := mustReview(t, copied, data.KindEvent, "castillo-removed"); r.Status != data.NeedsSource || len(r.Notes) != 1 || r.Notes[0].Body != "check the wire" {
		t.Errorf("the copy's review: %+v", r)
	}
	if probs, err := copied.Check(ctx); err != nil || len(probs) > 0 {
		t.Errorf("check of the copy: %v %v", probs, err)
	}
	copied.Close()
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("the copy's mode: %v %v", fi.Mode(), err)
	}

	copyBytes := fileDigest(t, out)
	err = ro.Backup(ctx, out)
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), out) {
		t.Errorf("backup over an existing file: %v, want ErrExist naming it", err)
	}
	if !bytes.Equal(fileDigest(t, out), copyBytes) {
		t.Error("the existing file was changed")
	}
	if !bytes.Equal(fileDigest(t, path), before) {
		t.Error("the corpus was changed")
	}
	if left := debris(t, filepath.Dir(out)); len(left) != 1 {
		t.Errorf("beside the copy: %v", left)
	}
}

// TestMigrate_BacksUp opens a corpus of an older schema holding a note:
// the migration leaves a backup beside it, of that older version, with the
// note, and a later open with nothing to change makes no other.
func TestMigrate_BacksUp(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range append(schemaV4, `INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at)
		VALUES ('event', 'castillo-removed', 'check the wire', '2026-11-28', '2026-11-28')`) {
		mustExec(t, db, q)
	}
	db.Close()
	for range 2 {
		s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	backups := backupsOf(t, path)
	if len(backups) != 1 || !strings.HasPrefix(filepath.Base(backups[0]), "old-") || !strings.HasSuffix(backups[0], "-before-migration-v4.db") {
		t.Fatalf("backups: %v, want one of version 4 before its migration", backups)
	}
	if version, notes := backedUp(t, backups[0]); version != 4 || len(notes) != 1 || notes[0] != "check the wire" {
		t.Errorf("the backup has version %d and notes %q", version, notes)
	}
}

// TestUpdateBundled_BacksUpKeepingTheLast updates a corpus with notes from
// changed bundled sources five times: each update leaves a backup with the
// notes, and only the newest three are kept.
func TestUpdateBundled_BacksUpKeepingTheLast(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	path := s.Path()
	s.Close()
	// Another corpus's backups in the same folder are not this one's.
	other := filepath.Join(filepath.Dir(path), data.BackupsDir, "corpus-old-20200101T000000.000Z-before-update-v5.db")
	if err := os.MkdirAll(filepath.Dir(other), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	// What a backup killed while it was written left.
	killed := filepath.Join(filepath.Dir(other), ".corpus-20200101T000000.000Z-before-update-v5.db.building-999999999-1")
	if err := os.WriteFile(killed, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	var notes []string
	for i := range 5 {
		s, err := data.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		note := "note " + string(rune('a'+i))
		if _, err := s.AddNote(ctx, data.KindEvent, "castillo-removed", note); err != nil {
			t.Fatal(err)
		}
		notes = append(notes, note)
		mustExec(t, s.DB(), `UPDATE meta SET value = 'an older version' WHERE key = 'source_digest'`)
		if err := s.UpdateBundled(ctx, assets.Corpus()); err != nil {
			t.Fatal(err)
		}
		s.Close()
		backups := backupsOf(t, path)
		if len(backups) != min(i+1, 3) {
			t.Fatalf("after update %d: backups %v", i+1, backups)
		}
		if _, got := backedUp(t, backups[len(backups)-1]); strings.Join(got, ",") != strings.Join(notes, ",") {
			t.Errorf("the newest backup holds %q, want %q", got, notes)
		}
	}
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if backups := backupsOf(t, path); len(backups) != 3 {
		t.Errorf("an open with nothing to update: backups %v", backups)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another corpus's backup: %v", err)
	}
	if _, err := os.Stat(killed); err == nil {
		t.Error("a killed backup's debris is still there")
	}
}

// backupsOf lists the automatic backups of the corpus at path, oldest
// first.
func backupsOf(tb testing.TB, path string) []string {
	tb.Helper()
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	all, err := filepath.Glob(filepath.Join(filepath.Dir(path), data.BackupsDir, name+"-2*.db"))
	if err != nil {
		tb.Fatal(err)
	}
	return all
}

// backedUp is the schema version and the notes, oldest first, of the
// backup at path, which must pass SQLite's integrity check.
func backedUp(tb testing.TB, path string) (int, []string) {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var (
		version int
		ok      string
		notes   []string
	)
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		tb.Errorf("%s: integrity_check %q, %v", path, ok, err)
	}
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		tb.Fatal(err)
	}
	rows, err := db.Query(`SELECT body FROM user_notes ORDER BY id`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b string
		if err := rows.Scan(&b); err != nil {
			tb.Fatal(err)
		}
		notes = append(notes, b)
	}
	return version, notes
}
