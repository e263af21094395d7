package app

import (
	"context"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// backer is a corpus that copies itself to a new file, never over one
// (*data.Store does).
type backer interface {
	Backup(ctx context.Context, path string) error
}

// backupItem is File › Back up corpus…, or nil for a corpus that cannot
// copy itself.
func (v *mainView) backupItem() *fyne.MenuItem {
	if _, ok := v.corpus.(backer); !ok {
		return nil
	}
	return fyne.NewMenuItem(lang.L("Back up corpus…"), v.showBackup)
}

// showBackup asks for a folder and copies the corpus there, to a file
// named with the corpus and the time. Fyne's save dialog is not used: it
// empties a file it is told to overwrite before the app is called, and a
// backup must never replace a file (the corpus refuses to).
func (v *mainView) showBackup() {
	b, ok := v.corpus.(backer)
	if !ok {
		return
	}
	chooseFolder(v.win, v.corpusDir(), func(dir string) {
		path := filepath.Join(dir, backupFileName(v.corpus.Name(), time.Now()))
		v.setStatus(lang.L("Backing up…"))
		v.bg.run(func() func() {
			err := b.Backup(context.Background(), path)
			return func() {
				if err != nil {
					v.setStatus("")
					v.showError(err)
					return
				}
				v.setStatus(lang.L("Backed up the corpus to …/{{.File}}", map[string]any{"File": filepath.Base(path)}))
			}
		})
	})
}

// backupFileName is the name of a backup of the corpus named name made at
// t: "corpus-backup-2026-11-30-012233.db".
func backupFileName(name string, t time.Time) string {
	return name + "-backup-" + t.Format("2006-01-02-150405") + ".db"
}
