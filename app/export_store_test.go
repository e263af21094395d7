package app

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"chronoscope/data"
)

// The window exports the bundled corpus through *data.Store's Export.
func TestExportDialog_Store(t *testing.T) {
	s := openTestCorpus(t)
	if exporterOf(s) == nil {
		t.Fatal("*data.Store gives no exporter")
	}
	v, w := newTestWindowOn(t, s)
	file := &memFile{}
	old := chooseSaveFile
	chooseSaveFile = func(_ fyne.Window, name string, done func(fyne.URIWriteCloser, error)) {
		file.uri = storage.NewFileURI(filepath.Join(t.TempDir(), name))
		done(file, nil)
	}
	t.Cleanup(func() { chooseSaveFile = old })
	exportAs(t, v, openExport(t, v, w), "JSON")

	var want bytes.Buffer
	if err := s.Export(context.Background(), &want, data.FormatJSON, data.Filter{}); err != nil {
		t.Fatal(err)
	}
	if want.Len() == 0 || !bytes.Equal(file.Bytes(), want.Bytes()) {
		t.Errorf("wrote %d bytes, want the store's %d", file.Len(), want.Len())
	}
}
