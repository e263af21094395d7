package app

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// backingCorpus is the fake corpus with a Backup that writes a file, as
// *data.Store's does, never over one.
type backingCorpus struct {
	*fakeCorpus
	backups []string
	fail    error
}

func (c *backingCorpus) Backup(_ context.Context, path string) error {
	if c.fail != nil {
		return c.fail
	}
	if _, err := os.Stat(path); err == nil {
		return &fs.PathError{Op: "back up corpus to", Path: path, Err: fs.ErrExist}
	}
	c.backups = append(c.backups, path)
	return os.WriteFile(path, []byte("copy"), 0o644)
}

// TestBackup_Menu backs the corpus up from File › Back up corpus… into the
// folder chosen: the file is named with the corpus and the time and the
// status line says where; a corpus that cannot copy itself has no item.
func TestBackup_Menu(t *testing.T) {
	dir := t.TempDir()
	was := chooseFolder
	chooseFolder = func(_ fyne.Window, _ string, done func(string)) { done(dir) }
	t.Cleanup(func() { chooseFolder = was })
	c := &backingCorpus{fakeCorpus: newFakeCorpus(t)}
	v, w := newTestWindowOn(t, c)
	findMenuItem(t, v.mainMenu(), "File", "Back up corpus…").Action()
	v.bg.runResults()
	if len(c.backups) != 1 || filepath.Dir(c.backups[0]) != dir || !strings.HasPrefix(filepath.Base(c.backups[0]), "fake-backup-") {
		t.Fatalf("backed up to %q", c.backups)
	}
	if want := "Backed up the corpus to …/" + filepath.Base(c.backups[0]); v.status.Text != want {
		t.Errorf("status %q, want %q", v.status.Text, want)
	}

	// A backup that fails says why, and the status line is as it was.
	c.fail = errors.New("back up corpus to " + dir + ": no space left on device")
	findMenuItem(t, v.mainMenu(), "File", "Back up corpus…").Action()
	v.bg.runResults()
	if strings.HasPrefix(v.status.Text, "Back") {
		t.Errorf("status %q after a failed backup", v.status.Text)
	}
	if top := w.Canvas().Overlays().Top(); top == nil {
		t.Error("a failed backup showed no error")
	}
	plain, _ := newTestWindowOn(t, newFakeCorpus(t))
	for _, it := range plain.mainMenu().Items[0].Items {
		if it.Label == "Back up corpus…" {
			t.Error("File › Back up corpus… on a corpus that cannot copy itself")
		}
	}
}

func TestBackupFileName(t *testing.T) {
	at := parseDay(t, "2026-11-30").Add(1*60*60e9 + 22*60e9 + 33e9)
	if got := backupFileName("corpus", at); got != "corpus-backup-2026-11-30-012233.db" {
		t.Errorf("backupFileName: %q", got)
	}
}
