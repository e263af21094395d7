package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
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

// Corpora opens and makes the corpus files File › Open corpus…, Open
// recent and New corpus… offer; main.go provides it over package data.
type Corpora struct {
	// Open opens the corpus file at path. A file that is not a corpus
	// (data.ErrNotCorpus: empty, not SQLite, another application's,
	// damaged) it refuses with an error naming the file and what is
	// wrong, and leaves as it was.
	Open func(ctx context.Context, path string) (Corpus, error)
	// Bundled is the bundled corpus's sources, which New corpus… copies.
	Bundled fs.FS
}

// recentPref keeps the corpora opened last, the latest first, at most
// maxRecent of them.
const (
	recentPref = "recentCorpora"
	maxRecent  = 8
)

// rememberCorpus puts path first among the recent corpora.
func rememberCorpus(p fyne.Preferences, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(p.StringList(recentPref), func(s string) bool { return s == path })
	list = append([]string{path}, list...)
	p.SetStringList(recentPref, list[:min(len(list), maxRecent)])
}

// recentCorpora lists the recent corpora that still exist, forgetting the
// others.
func recentCorpora(p fyne.Preferences) []string {
	all := p.StringList(recentPref)
	kept := slices.DeleteFunc(slices.Clone(all), func(path string) bool {
		_, err := os.Stat(path)
		return err != nil
	})
	if len(kept) != len(all) {
		p.SetStringList(recentPref, kept)
	}
	return kept
}

// recentMenu is File › Open recent: the recent corpora but the one open,
// each by its path; nil when there is none.
func (v *mainView) recentMenu() *fyne.MenuItem {
	current, _ := filepath.Abs(corpusKey(v.corpus))
	var items []*fyne.MenuItem
	for _, path := range recentCorpora(fyne.CurrentApp().Preferences()) {
		if path != current {
			items = append(items, fyne.NewMenuItem(path, func() { v.openCorpus(path) }))
		}
	}
	if len(items) == 0 {
		return nil
	}
	it := fyne.NewMenuItem(lang.L("Open recent"), nil)
	it.ChildMenu = fyne.NewMenu("", items...)
	return it
}

// chooseCorpusFile asks for a corpus file to open, starting in dir. It is
// a variable so tests can answer without Fyne's file dialog.
var chooseCorpusFile = func(win fyne.Window, dir string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		done(r.URI().Path())
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(dialogSize(win, 800, 560))
	d.Show()
}

// dialogSize is w×h, or less on a smaller window.
func dialogSize(win fyne.Window, w, h float32) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(min(w, s.Width-20), min(h, s.Height-20))
}

// corpusDir is the folder of the corpus open, where the file dialogs
// start.
func (v *mainView) corpusDir() string {
	if p, ok := v.corpus.(interface{ Path() string }); ok {
		return filepath.Dir(p.Path())
	}
	home, _ := os.UserHomeDir()
	return home
}

// showOpenCorpus is File › Open corpus….
func (v *mainView) showOpenCorpus() {
	chooseCorpusFile(v.win, v.corpusDir(), v.openCorpus)
}

// openCorpus opens the corpus at path in a window that takes this one's
// place, once it has been opened: a file that is not a corpus gets a
// dialog saying what is wrong, and this window and its corpus stay as
// they are.
//
// Another corpus gets a new window rather than this view swapping its
// corpus: every part of the view (timeline, results, detail pane, filters,
// undo stack, event form, imports, searches in flight) holds the corpus or
// what was read from it, and a new view holds none of it, while the old
// view's goroutines can only ever deliver to the old window, closed by
// then (v.closed drops what they bring). The layout is saved first, so the
// new window opens at this one's size, splits and lanes; the new window is
// shown before this one closes, so the app, which quits when its last
// window closes, runs on. (No SetMaster: a master window's closing quits
// the app even with another window open.) This window's corpus is closed
// when this window is (closeWindow).
func (v *mainView) openCorpus(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if cur, _ := filepath.Abs(corpusKey(v.corpus)); cur == path {
		return // open already
	}
	// Open reads a small corpus whole to check it: not on the UI thread.
	v.bg.run(func() func() {
		c, err := v.files.Open(context.Background(), path)
		return func() {
			if err != nil {
				v.showCorpusError(path, err)
				return
			}
			if v.closed {
				closeCorpus(c)
				return
			}
			v.switchTo(c)
		}
	})
}

// switchTo shows c in a new window in this one's place (see openCorpus).
func (v *mainView) switchTo(c Corpus) {
	v.saveLayout()
	a := fyne.CurrentApp()
	next, w := newWindow(a, c, v.files)
	if v.onSwitched != nil {
		v.onSwitched(next)
	}
	next.load()
	w.Show()
	v.win.Close()
}

// showCorpusError says why the file at path could not be opened, and that
// the corpus open stays open.
func (v *mainView) showCorpusError(path string, err error) {
	fyne.LogError("chronoscope", err)
	if v.closed {
		return
	}
	title := lang.L("Cannot open corpus")
	if errors.Is(err, data.ErrNotCorpus) {
		title = lang.L("Not a Chronoscope corpus")
	}
	// data's errors name the file and say what is wrong with it.
	problem := corpusProblem(err)
	if !strings.Contains(problem, path) {
		problem = path + ": " + problem
	}
	msg := widget.NewLabel(problem + "\n\n" +
		lang.L("The file was left as it was, and {{.Name}} stays open.", map[string]any{"Name": v.corpus.Name()}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("OK"), container.NewVScroll(msg), v.win)
	d.Resize(dialogSize(v.win, 560, 300))
	d.Show()
}

// closeCorpus closes c if it can be closed, as *data.Store can.
func closeCorpus(c Corpus) {
	if cl, ok := c.(io.Closer); ok {
		if err := cl.Close(); err != nil {
			fyne.LogError("chronoscope: close corpus", err)
		}
	}
}

// chooseFolder asks for a folder, starting in dir. It is a variable so
// tests can answer without Fyne's folder dialog.
var chooseFolder = func(win fyne.Window, dir string, done func(path string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err == nil && l != nil {
			done(l.Path())
		}
	}, win)
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
	d.Resize(dialogSize(win, 800, 560))
	d.Show()
}

// newCorpusForm is File › New corpus…: a file name, a folder, and whether
// the corpus starts empty or as a copy of the bundled one. Fyne's save
// dialog is not used: it empties an existing file it is told to
// overwrite before the app is called, and a new corpus must never replace
// a file.
type newCorpusForm struct {
	v       *mainView
	name    *widget.Entry
	folder  string
	where   *widget.Label
	content *widget.RadioGroup
	dialog  *dialog.CustomDialog
	problem *widget.Label
}

// The choices of what a new corpus holds.
func newCorpusEmpty() string  { return lang.L("Empty: no documents, no events") }
func newCorpusCopied() string { return lang.L("A copy of the bundled corpus") }

// showNewCorpus is File › New corpus….
func (v *mainView) showNewCorpus() {
	f := &newCorpusForm{v: v, folder: v.corpusDir()}
	f.name = widget.NewEntry()
	f.name.SetText(lang.L("new-corpus") + ".db")
	f.where = widget.NewLabel(f.folder)
	f.where.Wrapping = fyne.TextWrapBreak
	choose := widget.NewButton(lang.L("Choose…"), func() {
		chooseFolder(v.win, f.folder, func(dir string) {
			f.folder = dir
			f.where.SetText(dir)
		})
	})
	f.content = widget.NewRadioGroup([]string{newCorpusEmpty(), newCorpusCopied()}, nil)
	f.content.Required = true
	f.content.SetSelected(newCorpusEmpty())
	f.problem = widget.NewLabel("")
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("File name"), f.name),
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, choose, f.where)),
		widget.NewFormItem(lang.L("Contents"), f.content),
	)
	create := widget.NewButton(lang.L("Create"), f.create)
	create.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { f.dialog.Hide() })
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("New corpus"), container.NewVBox(form, f.problem), v.win)
	f.dialog.SetButtons([]fyne.CanvasObject{cancel, create})
	f.dialog.Resize(dialogSize(v.win, 620, 320))
	f.dialog.Show()
}

// path is the file the form would create.
func (f *newCorpusForm) path() (string, error) {
	name := strings.TrimSpace(f.name.Text)
	if name == "" || strings.ContainsAny(name, `/\`) {
		return "", errors.New(lang.L("Give the file a name, without a folder."))
	}
	if filepath.Ext(name) == "" {
		name += ".db"
	}
	return filepath.Join(f.folder, name), nil
}

// create makes the corpus in the background and opens it; a file that
// exists already is refused, never replaced.
func (f *newCorpusForm) create() {
	path, err := f.path()
	if err == nil {
		if _, statErr := os.Stat(path); statErr == nil {
			err = errors.New(lang.L("{{.Path}} exists already: choose another name.", map[string]any{"Path": path}))
		}
	}
	if err != nil {
		f.showProblem(err)
		return
	}
	empty := f.content.Selected == newCorpusEmpty()
	v := f.v
	v.bg.run(func() func() {
		ctx := context.Background()
		var err error
		if empty {
			err = data.CreateEmpty(ctx, path)
		} else {
			err = data.Create(ctx, path, v.files.Bundled)
		}
		return func() {
			if err != nil {
				fyne.LogError("chronoscope: new corpus", err)
				f.showProblem(err)
				return
			}
			f.dialog.Hide()
			v.openCorpus(path)
		}
	})
}

func (f *newCorpusForm) showProblem(err error) {
	f.problem.SetText(err.Error())
	f.problem.Show()
	f.dialog.Refresh()
}

// corpusProblem says what err says, in the window's language when it is
// what is wrong with a corpus file itself (data.FileError) or that there
// is no file.
func corpusProblem(err error) string {
	var fe *data.FileError
	if !errors.As(err, &fe) {
		var pe *fs.PathError
		if errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist) {
			return lang.L("{{.Path}} does not exist.", map[string]any{"Path": pe.Path})
		}
		return err.Error()
	}
	d := map[string]any{"Path": fe.Path, "AppID": fmt.Sprintf("%#x", fe.AppID), "Version": fe.Version, "Supported": fe.Supported}
	switch fe.Problem {
	case data.IsDirectory:
		return lang.L("{{.Path}} is not a Chronoscope corpus: it is a folder.", d)
	case data.IsEmpty:
		return lang.L("{{.Path}} is not a Chronoscope corpus: the file is empty.", d)
	case data.NotSQLite:
		return lang.L("{{.Path}} is not a Chronoscope corpus: it is not a SQLite database.", d)
	case data.NoCorpusMark:
		return lang.L("{{.Path}} is not a Chronoscope corpus: it is a SQLite database that Chronoscope did not make (it has no Chronoscope mark).", d)
	case data.OtherApplication:
		return lang.L("{{.Path}} is not a Chronoscope corpus: it is another application's SQLite database (application_id {{.AppID}}).", d)
	case data.MadeByNewer:
		return lang.L("{{.Path}} was made by a newer version of Chronoscope (corpus version {{.Version}}; this one reads up to {{.Supported}}).", d)
	case data.Damaged:
		if fe.Backup != "" {
			return damageInWords(fe, d) + " " + lang.L("Restore it from its newest automatic backup, {{.Backup}}, or from a copy of your own.", map[string]any{"Backup": fe.Backup})
		}
		return damageInWords(fe, d) + " " + lang.L("Restore the file from a backup (chronoscope backup -o FILE makes one).")
	}
	return err.Error()
}

// damageInWords says what is wrong with a damaged corpus file in the
// window's language: the page of the file that is lost or cannot be read,
// the document whose text or original is no longer what was written, or
// else what SQLite found (in English, as SQLite says it).
func damageInWords(fe *data.FileError, d map[string]any) string {
	d["Page"], d["Table"], d["Document"] = fe.Page, fe.Table, fe.Document
	var what []string
	if fe.Page > 0 {
		switch {
		case fe.Zeroed && fe.Table != "":
			what = append(what, lang.L("page {{.Page}} of the file (table {{.Table}}) is all zeros, as a lost page reads back", d))
		case fe.Zeroed:
			what = append(what, lang.L("page {{.Page}} of the file is all zeros, as a lost page reads back", d))
		case fe.Table != "":
			what = append(what, lang.L("page {{.Page}} of the file (table {{.Table}}) cannot be read", d))
		default:
			what = append(what, lang.L("page {{.Page}} of the file cannot be read", d))
		}
	}
	if fe.Document != "" {
		switch fe.Part {
		case data.ChecksumPart:
			what = append(what, lang.L("the checksums of document {{.Document}} are themselves damaged, so it cannot be verified", d))
		case data.OriginalPart:
			what = append(what, lang.L("the original of document {{.Document}} has changed since it was written (its checksum does not match)", d))
		default:
			what = append(what, lang.L("the text of document {{.Document}} has changed since it was written (its checksum does not match)", d))
		}
	}
	if len(what) == 0 {
		if fe.Detail != "" {
			d["Detail"] = fe.Detail
			return lang.L("{{.Path}} is damaged: parts of it cannot be read (SQLite: {{.Detail}}).", d)
		}
		return lang.L("{{.Path}} is damaged: parts of it cannot be read.", d)
	}
	d["What"] = strings.Join(what, "; ")
	return lang.L("{{.Path}} is damaged: {{.What}}.", d)
}
