package app

import (
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// exportingCorpus is the fake corpus with a fake exporter: it records what
// it was asked for and writes out, or writes half of it and fails with err.
type exportingCorpus struct {
	*fakeCorpus
	out []byte
	err error

	calls  int
	format string
	filter data.Filter
}

func (c *exportingCorpus) exportAs(_ context.Context, w io.Writer, format string, f data.Filter) error {
	c.calls++
	c.format, c.filter = format, f
	if c.err != nil {
		w.Write(c.out[:len(c.out)/2])
		return c.err
	}
	_, err := w.Write(c.out)
	return err
}

// memFile is the file the save dialog gives, kept in memory.
type memFile struct {
	bytes.Buffer
	uri    fyne.URI
	closed bool
}

func (f *memFile) Close() error  { f.closed = true; return nil }
func (f *memFile) URI() fyne.URI { return f.uri }

// newExportWindow shows the fake corpus with a fake exporter, "removed"
// verified so a filter can keep it alone. Saving saves to the memFile
// returned, and the name suggested is kept in *suggested.
func newExportWindow(tb testing.TB) (*mainView, fyne.Window, *exportingCorpus, *memFile, *string) {
	tb.Helper()
	c := &exportingCorpus{fakeCorpus: newFakeCorpus(tb), out: []byte("id,title\nremoved,Congress removes the president\n")}
	for _, e := range c.events {
		if e.ID == "removed" {
			e.Status = data.Verified
		}
	}
	v, w := newTestWindowOn(tb, c)
	file := &memFile{uri: storage.NewFileURI(filepath.Join(tb.TempDir(), "out"))}
	var suggested string
	old := chooseSaveFile
	chooseSaveFile = func(_ fyne.Window, name string, done func(fyne.URIWriteCloser, error)) {
		suggested = name
		file.uri = storage.NewFileURI(filepath.Join(filepath.Dir(file.uri.Path()), name))
		// Fyne's writer makes the file before anything is written.
		if err := os.WriteFile(file.uri.Path(), nil, 0o644); err != nil {
			tb.Fatal(err)
		}
		done(file, nil)
	}
	tb.Cleanup(func() { chooseSaveFile = old })
	return v, w, c, file, &suggested
}

// openExport presses Ctrl+E and returns the dialog's content.
func openExport(tb testing.TB, v *mainView, w fyne.Window) fyne.CanvasObject {
	tb.Helper()
	press(v, w, fyne.KeyE, fyne.KeyModifierShortcutDefault)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		tb.Fatal("Ctrl+E opened no dialog")
	}
	return top
}

// exportAs chooses a format in the open dialog, taps Save… and waits for
// the export to be written.
func exportAs(tb testing.TB, v *mainView, dlg fyne.CanvasObject, label string) {
	tb.Helper()
	radio := find(tb, dlg, func(*widget.RadioGroup) bool { return true })
	if !slices.Contains(radio.Options, label) {
		tb.Fatalf("no format %q in %q", label, radio.Options)
	}
	radio.SetSelected(label)
	test.Tap(find(tb, dlg, func(b *widget.Button) bool { return b.Text == "Save…" }))
	v.bg.runResults()
}

func TestExportDialog_ListsFormats(t *testing.T) {
	v, w, _, _, _ := newExportWindow(t)
	dlg := openExport(t, v, w)
	radio := find(t, dlg, func(*widget.RadioGroup) bool { return true })
	want := []string{"JSON", "CSV", "TimelineJS", "Markdown report", "PNG of the timeline view"}
	if !slices.Equal(radio.Options, want) {
		t.Errorf("formats %q, want %q", radio.Options, want)
	}
	if radio.Selected != "JSON" {
		t.Errorf("selected %q, want JSON first", radio.Selected)
	}
	if got := dialogText(dlg); !strings.Contains(got, "4 events") {
		t.Errorf("dialog says %q, want 4 events", got)
	}
}

// The export writes what the exporter wrote, for the filter the window
// has, and says so on the status line.
func TestExportDialog_WritesFilteredEvents(t *testing.T) {
	v, w, c, file, suggested := newExportWindow(t)
	test.Tap(find(t, v.content, func(b *widget.Button) bool { return b.Text == "Filters" }))
	tapCheck(t, v.filters.content, "Verified")

	dlg := openExport(t, v, w)
	if got := dialogText(dlg); !strings.Contains(got, "1 of 4 events shown (filters on)") {
		t.Errorf("dialog says %q, want 1 of 4 events shown (filters on)", got)
	}
	exportAs(t, v, dlg, "CSV")

	if c.calls != 1 || c.format != "csv" {
		t.Fatalf("exporter called %d times, for %q; want once, csv", c.calls, c.format)
	}
	if !slices.Equal(c.filter.Statuses, []data.Status{data.Verified}) || !slices.Equal(c.filter.Statuses, v.filter.Statuses) {
		t.Errorf("filter %+v, want the window's %+v", c.filter, v.filter)
	}
	if *suggested != "chronoscope-fake.csv" {
		t.Errorf("suggested %q, want chronoscope-fake.csv", *suggested)
	}
	if !bytes.Equal(file.Bytes(), c.out) || !file.closed {
		t.Errorf("wrote %q (closed %v), want %q, closed", file.Bytes(), file.closed, c.out)
	}
	if got := v.status.Text; got != "Exported 1 event to …/chronoscope-fake.csv" {
		t.Errorf("status %q", got)
	}
}

func TestExportDialog_PNG(t *testing.T) {
	v, w, c, file, suggested := newExportWindow(t)
	exportAs(t, v, openExport(t, v, w), "PNG of the timeline view")
	if c.calls != 0 {
		t.Errorf("the exporter was called for a PNG")
	}
	if *suggested != "chronoscope-fake.png" {
		t.Errorf("suggested %q", *suggested)
	}
	img, err := png.Decode(bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatalf("the file is no PNG: %v", err)
	}
	// The timeline's part of the window, not the whole window.
	tl := v.timeline.Size()
	scale := w.Canvas().Scale()
	if b := img.Bounds(); b.Dx() != int(tl.Width*scale+0.5) || b.Dy() != int(tl.Height*scale+0.5) {
		t.Errorf("image %v, want the timeline's %v", b, tl)
	}
	if got := v.status.Text; got != "Exported the timeline view to …/chronoscope-fake.png" {
		t.Errorf("status %q", got)
	}
}

// A failed export shows the error, writes nothing, and says nothing was
// exported.
func TestExportDialog_Error(t *testing.T) {
	v, w, c, file, _ := newExportWindow(t)
	c.err = errors.New("disk on fire")
	exportAs(t, v, openExport(t, v, w), "Markdown report")

	if c.format != "markdown" {
		t.Errorf("format %q, want markdown", c.format)
	}
	if file.Len() != 0 || !file.closed {
		t.Errorf("wrote %q (closed %v), want nothing, closed", file.Bytes(), file.closed)
	}
	if _, err := os.Stat(file.uri.Path()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the failed export's file is left behind: %v", err)
	}
	if got := v.status.Text; got != "Nothing was exported" {
		t.Errorf("status %q", got)
	}
	top := w.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(dialogText(top), "disk on fire") {
		t.Errorf("no error dialog with the exporter's error")
	}
}

func TestExportFileName(t *testing.T) {
	for corpus, want := range map[string]string{
		"corpus":         "chronoscope-corpus.md",
		"Peru 2022":      "chronoscope-peru-2022.md",
		"a/b:c":          "chronoscope-abc.md",
		"":               "chronoscope.md",
		"Perú crisis v2": "chronoscope-perú-crisis-v2.md",
	} {
		if got := exportFileName(corpus, "md"); got != want {
			t.Errorf("exportFileName(%q) = %q, want %q", corpus, got, want)
		}
	}
}

// The export dialog over the bundled corpus, as a golden picture.
func TestExportDialog_Picture(t *testing.T) {
	v, w := newTestWindow(t)
	openExport(t, v, w)
	img := w.Canvas().Capture()
	if *update {
		writePNG(t, filepath.Join("testdata", "export_dialog.png"), img)
		return
	}
	test.AssertImageMatches(t, "export_dialog.png", img)
}

// dialogText is the text of the labels in an overlay, one a line.
func dialogText(o fyne.CanvasObject) string {
	var said []string
	for _, o := range test.LaidOutObjects(o) {
		if l, ok := o.(*widget.Label); ok {
			said = append(said, l.Text)
		}
	}
	return strings.Join(said, "\n")
}

// File › Export… has Ctrl+E beside it.
func TestExportDialog_Menu(t *testing.T) {
	v, w, _, _, _ := newExportWindow(t)
	item := findMenuItem(t, v.mainMenu(), "File", "Export…")
	if item.Shortcut == nil || item.Shortcut.ShortcutName() != (&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}).ShortcutName() {
		t.Fatalf("File › %q, shortcut %v", item.Label, item.Shortcut)
	}
	item.Action()
	if w.Canvas().Overlays().Top() == nil {
		t.Error("Export… opened no dialog")
	}
}
