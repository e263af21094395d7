package app

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// importer is a corpus that files can be imported into; *data.Store is.
type importer interface {
	Import(ctx context.Context, name string, r io.Reader) (*data.ImportResult, error)
}

var _ importer = (*data.Store)(nil)

// importFile is a file to import: its name and how to read it.
type importFile struct {
	name string
	open func() (io.ReadCloser, error)
}

// importState is what the window keeps of its imports: the date
// candidates of the documents last imported, by document id, and the
// progress dialog of the import running.
type importState struct {
	candidates map[string][]data.Candidate
	progress   dialog.Dialog
	bar        *widget.ProgressBar
	cancel     context.CancelFunc
	running    bool
}

// setUpImport lets files dropped on the window be imported, and shows the
// dates found in a document imported this session whenever a result opens
// it.
func (v *mainView) setUpImport() {
	v.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { v.importURIs(uris) })
	openResult := v.results.OnOpen
	v.results.OnOpen = func(kind data.Kind, id string) {
		if kind == data.KindDocument && v.imported != nil && len(v.imported.candidates[id]) > 0 {
			v.showImported(id, -1, -1)
			return
		}
		if openResult != nil {
			openResult(kind, id)
		}
	}
	open := v.results.OnOpenPassage
	v.results.OnOpenPassage = func(id string, start, end int) {
		if v.imported == nil || len(v.imported.candidates[id]) == 0 {
			call3(open, id, start, end)
			return
		}
		v.detail.returnTo = v.detail.scroll.Offset
		v.showImported(id, start, end)
	}
}

func call3(fn func(string, int, int), id string, start, end int) {
	if fn != nil {
		fn(id, start, end)
	}
}

// showImport opens the file dialog of File › Import….
func (v *mainView) showImport() {
	dialog.ShowFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			v.showError(err)
			return
		}
		if rc == nil {
			return // cancelled
		}
		used := false
		v.importFiles([]importFile{{name: rc.URI().Name(), open: func() (io.ReadCloser, error) {
			if used {
				return storage.Reader(rc.URI())
			}
			used = true
			return rc, nil
		}}})
	}, v.win)
}

// importURIs imports the files at uris, as dropped on the window.
func (v *mainView) importURIs(uris []fyne.URI) {
	files := make([]importFile, 0, len(uris))
	for _, u := range uris {
		files = append(files, importFile{name: u.Name(), open: func() (io.ReadCloser, error) { return storage.Reader(u) }})
	}
	v.importFiles(files)
}

// importRefusal says why the corpus takes no imports, or "" when it does.
func (v *mainView) importRefusal() string {
	if _, ok := v.corpus.(importer); !ok {
		return lang.L("This corpus cannot take imported files: they need a corpus file Chronoscope can write.")
	}
	if isReadOnly(v.corpus) {
		return lang.L("The corpus file is read-only, so nothing can be imported into it.")
	}
	return ""
}

// importTally is what an import run has done so far.
type importTally struct {
	imported  []*data.ImportResult
	refused   []string
	cancelled int
}

// importFiles imports files one by one off the UI thread, each its own
// transaction, with a progress dialog whose Cancel rolls back the file in
// progress and imports no more; a summary follows.
func (v *mainView) importFiles(files []importFile) {
	if len(files) == 0 {
		return
	}
	if why := v.importRefusal(); why != "" {
		dialog.ShowInformation(lang.L("Import"), why, v.win)
		return
	}
	st := v.imports()
	if st.running {
		dialog.ShowInformation(lang.L("Import"), lang.L("Files are being imported: wait for them, or cancel, before importing more."), v.win)
		return
	}
	st.running = true
	imp := v.corpus.(importer)
	ctx, cancel := context.WithCancel(context.Background())
	st.cancel = cancel
	st.bar = widget.NewProgressBar()
	st.bar.Max = float64(len(files))
	st.bar.TextFormatter = func() string {
		i := min(int(st.bar.Value), len(files)-1)
		return lang.L("{{.N}} of {{.Count}}: {{.File}}", map[string]any{"N": i + 1, "Count": len(files), "File": files[i].name})
	}
	st.progress = dialog.NewCustom(lang.L("Importing"), lang.L("Cancel"), container.NewGridWrap(fyne.NewSize(420, st.bar.MinSize().Height), st.bar), v.win)
	st.progress.SetOnClosed(cancel)
	st.progress.Show()
	tally := &importTally{}
	var step func(i int)
	step = func(i int) {
		f := files[i]
		v.bg.run(func() func() {
			res, err := importOne(ctx, imp, f)
			return func() {
				switch {
				case err == nil:
					tally.imported = append(tally.imported, res)
				case ctx.Err() != nil:
					tally.cancelled = len(files) - i
				default: // refused (data.ErrRefused), or unreadable
					tally.refused = append(tally.refused, err.Error())
				}
				if tally.cancelled > 0 || i+1 == len(files) {
					v.importDone(tally)
					return
				}
				st.bar.SetValue(float64(i + 1))
				step(i + 1)
			}
		})
	}
	step(0)
}

func importOne(ctx context.Context, imp importer, f importFile) (*data.ImportResult, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r, err := f.open()
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", f.name, err)
	}
	defer r.Close()
	return imp.Import(ctx, f.name, r)
}

func (v *mainView) imports() *importState {
	if v.imported == nil {
		v.imported = &importState{candidates: map[string][]data.Candidate{}}
	}
	return v.imported
}

// importDone closes the progress dialog, says what was imported and
// refused, reads the events and coverage again and opens the last document
// imported.
func (v *mainView) importDone(t *importTally) {
	st := v.imports()
	st.running = false
	st.progress.SetOnClosed(func() {})
	st.progress.Hide()
	st.cancel()
	lines := []string{lang.L("Imported {{.Imported}}, refused {{.Refused}}", map[string]any{"Imported": len(t.imported), "Refused": len(t.refused)})}
	dups, events := 0, 0
	for _, res := range t.imported {
		if res.Duplicate {
			dups++
		}
		events += len(res.Events)
	}
	if dups > 0 {
		lines = append(lines, lang.L("{{.Count}} already in the corpus: nothing added for them", countData(dups)))
	}
	if events > 0 {
		lines = append(lines, lang.N("{{.Count}} events from timelines", events, countData(events)))
	}
	if t.cancelled > 0 {
		lines = append(lines, lang.N("Cancelled: {{.Count}} files not imported", t.cancelled, countData(t.cancelled)))
	}
	box := container.NewVBox()
	for _, l := range lines {
		box.Add(widget.NewLabel(l))
	}
	for _, msg := range t.refused {
		l := widget.NewLabel(msg)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	sum := dialog.NewCustom(lang.L("Import"), lang.L("OK"), container.NewGridWrap(fyne.NewSize(480, box.MinSize().Height), box), v.win)
	sum.Show()
	if len(t.imported) == 0 {
		return
	}
	for _, res := range t.imported {
		st.candidates[res.DocumentID] = res.Candidates
	}
	// As onReviewChanged reads them, but without clearing the pane: the
	// document imported last opens once the events and coverage are read.
	last := t.imported[len(t.imported)-1].DocumentID
	v.bg.run(func() func() {
		evs, docs, err := v.readEventsAndDocuments(context.Background())
		return func() {
			if err != nil {
				v.showError(err)
				return
			}
			v.events = newEventTable(evs)
			v.refilter()
			v.setStatus("")
			v.timeline.SetCoverage(docs)
			v.showImported(last, -1, -1)
		}
	})
}

// showImported shows an imported document in the detail pane, its passage
// start..end highlighted (start < 0 for none), with the dates found in it
// above its text.
func (v *mainView) showImported(id string, start, end int) {
	d := v.detail
	d.load(fyne.Position{}, func(ctx context.Context) (func() fyne.CanvasObject, error) {
		doc, err := d.corpus.Document(ctx, id)
		if err != nil {
			return nil, err
		}
		return func() fyne.CanvasObject {
			view := d.documentView(doc, start, end)
			cands := v.imports().candidates[id]
			if len(cands) == 0 {
				return view
			}
			return container.NewVBox(container.NewPadded(v.candidateList(doc, cands)), view)
		}, nil
	})
}

// candidateList lists the dates found in a document, each with its
// resolved date, phrase and sentence, to make an event of or dismiss.
func (v *mainView) candidateList(doc *data.Document, cands []data.Candidate) *fyne.Container {
	box := container.NewVBox()
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	box.Add(title)
	left := len(cands)
	setTitle := func() { title.SetText(lang.L("Dates found in this document ({{.Count}})", countData(left))) }
	setTitle()
	if len(cands) >= data.MaxCandidates {
		box.Add(widget.NewLabel(lang.L("Only the first {{.Count}} dates found in the text are listed.", countData(data.MaxCandidates))))
	}
	for _, c := range cands {
		when := widget.NewLabelWithStyle(datingText(datingSummary(c.Dating))+" — "+quoted(c.Phrase), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		sentence := widget.NewLabel(strings.TrimSpace(c.Sentence))
		sentence.Wrapping = fyne.TextWrapWord
		var row *fyne.Container
		mk := widget.NewButton(lang.L("Make an event"), func() { v.makeEventFrom(doc, c) })
		if !v.detail.writable() {
			mk.Disable()
		}
		dismiss := widget.NewButton(lang.L("Dismiss"), func() {
			row.Hide()
			v.dismissCandidate(doc.ID, c)
			left--
			setTitle()
			box.Refresh()
			v.detail.layOut()
		})
		row = container.NewVBox(when, sentence, container.NewHBox(mk, dismiss), widget.NewSeparator())
		box.Add(row)
	}
	return box
}

// makeEventFrom opens the new-event form on a candidate's sentence, its
// phrase as the date.
func (v *mainView) makeEventFrom(doc *data.Document, c data.Candidate) {
	e := data.NewEvent{DocumentID: doc.ID, Start: c.Start, End: c.End, Date: c.Phrase}
	quote := c.Sentence
	if runes := []rune(doc.Text); c.Start >= 0 && c.End <= len(runes) && c.Start < c.End {
		quote = string(runes[c.Start:c.End])
	}
	v.withKnown(func() {
		v.showEventForm(lang.L("New event from this passage"), quote, e, func(ne data.NewEvent) {
			v.undo.Do(createEventCommand(ne))
		})
	})
}

// dismissCandidate forgets a candidate, so the document shows it no more.
func (v *mainView) dismissCandidate(docID string, c data.Candidate) {
	st := v.imports()
	st.candidates[docID] = slices.DeleteFunc(slices.Clone(st.candidates[docID]), func(o data.Candidate) bool {
		return o.Phrase == c.Phrase && o.Start == c.Start && o.End == c.End
	})
}
