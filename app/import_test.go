package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// fakeImporter is a fakeReviewer that imports a file as a document of its
// text, refusing files whose name has "bad" in it; with hold set, each
// import waits until its context is cancelled.
type fakeImporter struct {
	*fakeReviewer
	hold bool
}

var _ importer = (*fakeImporter)(nil)

func (f *fakeImporter) Import(ctx context.Context, name string, r io.Reader) (*data.ImportResult, error) {
	if f.hold {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if strings.Contains(name, "bad") {
		return nil, fmt.Errorf("import %s: %w: not a text file", name, data.ErrRefused)
	}
	text := string(raw)
	id := "user-doc-" + name
	day := time.Date(2022, 12, 7, 0, 0, 0, 0, time.UTC)
	f.docs[id] = &data.Document{DocumentSummary: data.DocumentSummary{ID: id, Title: name, Published: data.DateRange{Start: day, End: day, Precision: data.Day}}, Text: text, Original: text}
	res := &data.ImportResult{DocumentID: id}
	if i := strings.Index(text, "7 December 2022"); i >= 0 {
		res.Candidates = append(res.Candidates, data.Candidate{Phrase: "7 December 2022", Start: 0, End: len([]rune(text)),
			Dating: data.Dating{Shape: data.Moment, From: data.When{Earliest: day, Latest: day, Precision: data.Day}, Basis: data.Stated}, Sentence: text})
	}
	return res, nil
}

func newImportWindow(tb testing.TB) (*mainView, fyne.Window, *fakeImporter) {
	tb.Helper()
	f := &fakeImporter{fakeReviewer: newFakeReviewer(newFakeCorpus(tb))}
	v, w := newTestWindowOn(tb, f)
	return v, w, f
}

// dropFiles writes files and drops them on the window.
func dropFiles(tb testing.TB, v *mainView, files map[string]string, order ...string) {
	tb.Helper()
	dir := tb.TempDir()
	var uris []fyne.URI
	for _, name := range order {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(files[name]), 0o644); err != nil {
			tb.Fatal(err)
		}
		uris = append(uris, storage.NewFileURI(p))
	}
	v.importURIs(uris)
}

func overlayButton(tb testing.TB, w fyne.Window, text string) *widget.Button {
	tb.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		tb.Fatalf("no dialog open")
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	tb.Fatalf("no %q button in the dialog: %s", text, dialogText(top))
	return nil
}

func TestImport_DroppedFilesSummary(t *testing.T) {
	v, w, f := newImportWindow(t)
	dropFiles(t, v, map[string]string{"notes.txt": "The president was removed on 7 December 2022.", "bad.bin": "\x00"}, "notes.txt", "bad.bin")
	v.bg.runResults()
	said := dialogText(w.Canvas().Overlays().Top())
	for _, want := range []string{"Imported 1, refused 1", "import bad.bin: refused: not a text file"} {
		if !strings.Contains(said, want) {
			t.Errorf("summary says %q, want %q", said, want)
		}
	}
	if f.docs["user-doc-notes.txt"] == nil {
		t.Error("notes.txt not imported")
	}
	if v.detail.scroll.Content == nil || !strings.Contains(richText(v.detail.scroll.Content), "Dates found in this document (1)") {
		t.Errorf("detail pane shows %q, want the candidate list", richText(v.detail.scroll.Content))
	}
}

func TestImport_Cancel(t *testing.T) {
	v, w, f := newImportWindow(t)
	f.hold = true
	dropFiles(t, v, map[string]string{"a.txt": "a", "b.txt": "b", "c.txt": "c"}, "a.txt", "b.txt", "c.txt")
	if got := v.imported.bar.TextFormatter(); got != "1 of 3: a.txt" {
		t.Errorf("progress says %q", got)
	}
	// A drop while files are importing is turned away.
	dropFiles(t, v, map[string]string{"d.txt": "d"}, "d.txt")
	if said := dialogText(w.Canvas().Overlays().Top()); !strings.Contains(said, "Files are being imported") {
		t.Errorf("second drop says %q", said)
	}
	w.Canvas().Overlays().Top().Hide()
	test.Tap(overlayButton(t, w, "Cancel"))
	v.bg.runResults()
	said := dialogText(w.Canvas().Overlays().Top())
	if !strings.Contains(said, "Imported 0, refused 0") || !strings.Contains(said, "Cancelled: 3 files not imported") {
		t.Errorf("summary says %q", said)
	}
	if len(f.docs) != 1 {
		t.Errorf("%d documents, want only the fixture's", len(f.docs))
	}
}

func TestImport_ReadOnlyCorpus(t *testing.T) {
	v, w := newTestWindowOn(t, newFakeCorpus(t))
	dropFiles(t, v, map[string]string{"a.txt": "a"}, "a.txt")
	v.bg.runResults()
	if said := dialogText(w.Canvas().Overlays().Top()); !strings.Contains(said, "cannot take imported files") {
		t.Errorf("says %q", said)
	}
}

func TestImport_MakeEventFromCandidate(t *testing.T) {
	v, w, _ := newImportWindow(t)
	dropFiles(t, v, map[string]string{"notes.txt": "The president was removed on 7 December 2022."}, "notes.txt")
	v.bg.runResults()
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	list := richText(v.detail.scroll.Content)
	for _, want := range []string{"Dates found in this document (1)", "7 Dec 2022 — “7 December 2022”", "The president was removed on 7 December 2022."} {
		if !strings.Contains(list, want) {
			t.Errorf("candidate list %q lacks %q", list, want)
		}
	}
	test.Tap(findButton(t, v.detail.scroll.Content, "Make an event"))
	v.bg.runResults()
	if v.eventForm == nil || v.eventForm.date.Text != "7 December 2022" {
		t.Fatalf("form not opened with the phrase as its date")
	}
}

func TestImport_Dismiss(t *testing.T) {
	v, _, _ := newImportWindow(t)
	dropFiles(t, v, map[string]string{"notes.txt": "The president was removed on 7 December 2022."}, "notes.txt")
	v.bg.runResults()
	test.Tap(findButton(t, v.detail.scroll.Content, "Dismiss"))
	if list := richText(v.detail.scroll.Content); !strings.Contains(list, "Dates found in this document (0)") {
		t.Errorf("after Dismiss: %q", list)
	}
	// Opened again, the document lists it no more.
	v.results.OnOpen(data.KindDocument, "user-doc-notes.txt")
	v.bg.runResults()
	if list := richText(v.detail.scroll.Content); strings.Contains(list, "Dates found") {
		t.Errorf("reopened after Dismiss: %q", list)
	}
}

// The dates found stay with the document: opened again from a result, it
// lists them again.
func TestImport_CandidatesShownAgain(t *testing.T) {
	v, _, _ := newImportWindow(t)
	dropFiles(t, v, map[string]string{"notes.txt": "The president was removed on 7 December 2022."}, "notes.txt")
	v.bg.runResults()
	v.results.OnOpen(data.KindEvent, "removed")
	v.bg.runResults()
	if list := richText(v.detail.scroll.Content); strings.Contains(list, "Dates found") {
		t.Fatalf("an event shows the candidates: %q", list)
	}
	v.results.OnOpen(data.KindDocument, "user-doc-notes.txt")
	v.bg.runResults()
	if list := richText(v.detail.scroll.Content); !strings.Contains(list, "Dates found in this document (1)") {
		t.Errorf("document opened from a result shows %q", list)
	}
	v.results.OnOpenPassage("user-doc-notes.txt", 4, 13)
	v.bg.runResults()
	if list := richText(v.detail.scroll.Content); !strings.Contains(list, "Dates found in this document (1)") {
		t.Errorf("passage opened from a result shows %q", list)
	}
}

// Against the store: a text file imports, its dates are listed, and a
// second drop of it says it was already there.
func TestImport_Store(t *testing.T) {
	v, w := newTestWindow(t)
	files := map[string]string{"peru.txt": "Congress removed the president on 7 December 2022. Protests followed."}
	dropFiles(t, v, files, "peru.txt")
	v.bg.runResults()
	if said := dialogText(w.Canvas().Overlays().Top()); !strings.Contains(said, "Imported 1, refused 0") {
		t.Errorf("summary says %q", said)
	}
	if list := richText(v.detail.scroll.Content); !strings.Contains(list, "Dates found in this document") || !strings.Contains(list, "7 Dec 2022") {
		t.Errorf("detail pane shows %q", list)
	}
	before := v.events.Len()
	test.Tap(findButton(t, v.detail.scroll.Content, "Make an event"))
	v.bg.runResults()
	f := v.eventForm
	if f == nil || f.date.Text != "7 December 2022" {
		t.Fatal("form not opened with the phrase as its date")
	}
	test.Type(f.title, "Congress removes Castillo")
	f.category.SetText("domestic-politics")
	f.dlg.Confirm()
	v.bg.runResults()
	if v.events.Len() != before+1 {
		t.Errorf("%d events after Save, want %d", v.events.Len(), before+1)
	}
	dropFiles(t, v, files, "peru.txt")
	v.bg.runResults()
	if said := dialogText(w.Canvas().Overlays().Top()); !strings.Contains(said, "1 already in the corpus") {
		t.Errorf("second import says %q", said)
	}
}
