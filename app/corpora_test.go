package app

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/assets"
	"chronoscope/data"
)

// answerCorpusFile makes File › Open corpus… choose path, as a person
// would in the file dialog.
func answerCorpusFile(tb testing.TB, path string) {
	tb.Helper()
	was := chooseCorpusFile
	chooseCorpusFile = func(_ fyne.Window, _ string, done func(string)) { done(path) }
	tb.Cleanup(func() { chooseCorpusFile = was })
}

// windowOn opens the bundled corpus, copied to dir, in the window.
func windowOn(tb testing.TB, a fyne.App, dir string) (*mainView, fyne.Window, *data.Store) {
	tb.Helper()
	s, err := data.OpenOrCreate(context.Background(), filepath.Join(dir, "bundled.db"), assets.Corpus())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	v, w := newAppWindow(tb, a, s, storeCorpora())
	return v, w, s
}

// Opening a file that is not a corpus from the menu says what is wrong
// with which file, and leaves the corpus open as it was, still usable.
func TestCorpora_OpenNotACorpus(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "other-app.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	damaged := filepath.Join(dir, "damaged.db")
	if err := data.Create(context.Background(), damaged, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(damaged)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096; i < len(b); i++ {
		b[i] = 0xA5
	}
	files := map[string][]byte{"notes.db": []byte("my notes, renamed\n"), "empty.db": nil, "damaged.db": b,
		"zeroed.db": withOriginalZeroed(t)}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type says struct{ title, problem, stays string }
	tests := []struct {
		file   string
		en, es says
	}{
		{"notes.db", says{"Not a Chronoscope corpus", "it is not a SQLite database", "bundled stays open"},
			says{"No es un corpus de Chronoscope", "no es una base de datos SQLite", "bundled sigue abierto"}},
		{"empty.db", says{"Not a Chronoscope corpus", "the file is empty", "bundled stays open"},
			says{"No es un corpus de Chronoscope", "el archivo está vacío", "bundled sigue abierto"}},
		{"other-app.db", says{"Not a Chronoscope corpus", "a SQLite database that Chronoscope did not make", "bundled stays open"},
			says{"No es un corpus de Chronoscope", "una base de datos SQLite que Chronoscope no creó", "bundled sigue abierto"}},
		{"damaged.db", says{"Not a Chronoscope corpus", "is damaged", "bundled stays open"},
			says{"No es un corpus de Chronoscope", "está dañado", "bundled sigue abierto"}},
		{"zeroed.db", says{"Not a Chronoscope corpus", "of the file (table documents) is all zeros, as a lost page reads back; the ", "Restore the file from a backup"},
			says{"No es un corpus de Chronoscope", "del archivo (tabla documents) está llena de ceros, como se lee una página perdida; el ", "Restaure el archivo desde una copia de seguridad"}},
		{"missing.db", says{"Cannot open corpus", "does not exist", "bundled stays open"},
			says{"No se puede abrir el corpus", "no existe", "bundled sigue abierto"}},
	}
	for _, tt := range tests {
		for _, language := range []string{"en", "es"} {
			tt, want := tt, tt.en
			if language == "es" {
				want = tt.es
			}
			t.Run(tt.file+"/"+language, func(t *testing.T) {
				useLanguage(t, language)
				a := newTempApp(t)
				v, w, s := windowOn(t, a, t.TempDir())
				title, shown := w.Title(), v.shown.Len()
				path := filepath.Join(dir, tt.file)
				answerCorpusFile(t, path)
				findMenuItem(t, w.MainMenu(), lang.L("File"), lang.L("Open corpus…")).Action()
				v.bg.runResults()

				text := overlayText(t, w)
				if !strings.Contains(text, path) || !strings.Contains(text, want.problem) || !strings.Contains(text, want.stays) {
					t.Errorf("the dialog says %q; want %s, %q and %q", text, path, want.problem, want.stays)
				}
				var dialogTitle bool
				deepWalk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
					if l, ok := o.(*widget.Label); ok && l.Text == want.title {
						dialogTitle = true
					}
				})
				if !dialogTitle {
					t.Errorf("no dialog titled %q", want.title)
				}
				if v.closed || w.Title() != title || v.shown.Len() != shown || shown == 0 {
					t.Fatalf("after the error: closed %v, title %q, %d events shown", v.closed, w.Title(), v.shown.Len())
				}
				if wins := mainWindows(a); len(wins) != 1 || wins[0] != v.win {
					t.Errorf("main windows open: %v", wins)
				}
				// The corpus open still answers.
				typeQuery(t, v, w, "lopez")
				if len(v.results.Rows()) == 0 {
					t.Error("the corpus open no longer finds anything")
				}
				if _, _, err := s.Counts(context.Background()); err != nil {
					t.Errorf("the corpus open was closed: %v", err)
				}
			})
		}
	}
}

// Opening a corpus shows it in a window of its own in place of the one
// open, whose corpus is closed and whose layout is kept.
func TestCorpora_OpenSwitches(t *testing.T) {
	a := newTempApp(t)
	v, w, old := windowOn(t, a, t.TempDir())
	v.lanes.SetSelected(v.lanes.Options[1])
	path := filepath.Join(t.TempDir(), "mine.db")
	if err := data.CreateEmpty(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	var next *mainView
	v.onSwitched = func(n *mainView) {
		next = n
		n.bg.queueResults()
	}
	answerCorpusFile(t, path)
	findMenuItem(t, w.MainMenu(), "File", "Open corpus…").Action()
	v.bg.runResults()
	if next == nil {
		t.Fatal("no new window")
	}
	next.bg.runResults()
	t.Cleanup(func() { closeView(next) })
	if !v.closed {
		t.Error("the old window is still open")
	}
	if _, _, err := old.Counts(context.Background()); err == nil {
		t.Error("the old corpus is still open")
	}
	if got := next.win.Title(); got != "Chronoscope — mine" {
		t.Errorf("new window titled %q", got)
	}
	if wins := mainWindows(a); len(wins) != 1 || wins[0] != next.win {
		t.Errorf("main windows open: %v", wins)
	}
	if next.events.Len() != 0 || next.timeline.laneMode != LanesByCategory {
		t.Errorf("new window: %d events, lanes %v", next.events.Len(), next.timeline.laneMode)
	}
	if recent := recentCorpora(a.Preferences()); len(recent) != 2 || recent[0] != path {
		t.Errorf("recent %q, want %s first", recent, path)
	}
	// The old corpus is in the new window's Open recent, and opens.
	recent := findMenuItem(t, next.win.MainMenu(), "File", "Open recent")
	if len(recent.ChildMenu.Items) != 1 || recent.ChildMenu.Items[0].Label != old.Path() {
		t.Fatalf("Open recent lists %v", recent.ChildMenu.Items)
	}
	var third *mainView
	next.onSwitched = func(n *mainView) { third = n; n.bg.queueResults() }
	recent.ChildMenu.Items[0].Action()
	next.bg.runResults()
	if third == nil || third.win.Title() != "Chronoscope — bundled" {
		t.Fatal("Open recent did not open the bundled corpus")
	}
	third.bg.runResults()
	t.Cleanup(func() { closeView(third) })
	if third.events.Len() == 0 {
		t.Error("the bundled corpus shows no events")
	}
}

// mainWindows are the app's windows on a corpus (the test driver has one
// of its own).
func mainWindows(a fyne.App) []fyne.Window {
	var out []fyne.Window
	for _, w := range a.Driver().AllWindows() {
		if strings.HasPrefix(w.Title(), "Chronoscope") {
			out = append(out, w)
		}
	}
	return out
}

// closeView closes v's window unless it is closed already: the test
// driver fails on a second Close.
func closeView(v *mainView) {
	if !v.closed {
		v.win.Close()
	}
}

// The recent corpora are the latest first, each once, at most maxRecent,
// and only those that still exist.
func TestCorpora_Recent(t *testing.T) {
	a := newTempApp(t)
	p := a.Preferences()
	dir := t.TempDir()
	var paths []string
	for i := range maxRecent + 2 {
		path := filepath.Join(dir, string(rune('a'+i))+".db")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		rememberCorpus(p, path)
	}
	rememberCorpus(p, paths[5]) // again: moves to the top
	got := recentCorpora(p)
	want := []string{paths[5], paths[9], paths[8], paths[7], paths[6], paths[4], paths[3], paths[2]}
	if !slices.Equal(got, want) {
		t.Fatalf("recent %q, want %q", got, want)
	}
	os.Remove(paths[8])
	if got := recentCorpora(p); slices.Contains(got, paths[8]) || len(got) != maxRecent-1 {
		t.Errorf("after a file went: %q", got)
	}
	if got := p.StringList(recentPref); slices.Contains(got, paths[8]) {
		t.Errorf("the missing file is still remembered: %q", got)
	}
	// A relative path is remembered whole.
	t.Chdir(dir)
	rememberCorpus(p, "c.db")
	if got := recentCorpora(p); got[0] != paths[2] {
		t.Errorf("c.db remembered as %q", got[0])
	}
}

// newCorpusDialog opens File › New corpus… in dir and returns its fields.
func newCorpusDialog(tb testing.TB, v *mainView, w fyne.Window, dir string) (name *widget.Entry, content *widget.RadioGroup) {
	tb.Helper()
	was := chooseFolder
	chooseFolder = func(_ fyne.Window, _ string, done func(string)) { done(dir) }
	tb.Cleanup(func() { chooseFolder = was })
	findMenuItem(tb, w.MainMenu(), "File", "New corpus…").Action()
	top := w.Canvas().Overlays().Top()
	test.Tap(findDialogButton(tb, w, "Choose…"))
	deepWalk(top, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Entry:
			name = x
		case *widget.RadioGroup:
			content = x
		}
	})
	if name == nil || content == nil {
		tb.Fatal("no name or contents in New corpus")
	}
	return name, content
}

// findButton in a dialog, whose buttons are inside widgets.
func findDialogButton(tb testing.TB, w fyne.Window, text string) *widget.Button {
	tb.Helper()
	var found *widget.Button
	deepWalk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		tb.Fatalf("no %q button in the dialog", text)
	}
	return found
}

// New corpus… makes an empty corpus or a copy of the bundled one and opens
// it, and never replaces a file that is there.
func TestCorpora_New(t *testing.T) {
	for _, tt := range []struct {
		choice string
		empty  bool
	}{{"Empty: no documents, no events", true}, {"A copy of the bundled corpus", false}} {
		t.Run(tt.choice, func(t *testing.T) {
			a := newTempApp(t)
			v, w, _ := windowOn(t, a, t.TempDir())
			dir := t.TempDir()
			name, content := newCorpusDialog(t, v, w, dir)
			name.SetText("project")
			content.SetSelected(tt.choice)
			var next *mainView
			v.onSwitched = func(n *mainView) { next = n; n.bg.queueResults() }
			test.Tap(findDialogButton(t, w, "Create"))
			v.bg.runResults()
			if next == nil {
				t.Fatal("the new corpus was not opened")
			}
			next.bg.runResults()
			t.Cleanup(func() { closeView(next) })
			if got := next.win.Title(); got != "Chronoscope — project" {
				t.Errorf("title %q", got)
			}
			if c, ok := next.corpus.(*data.Store); !ok || c.Path() != filepath.Join(dir, "project.db") {
				t.Errorf("opened %v", next.corpus)
			}
			if empty := next.events.Len() == 0; empty != tt.empty {
				t.Errorf("%d events", next.events.Len())
			}
		})
	}
	t.Run("exists", func(t *testing.T) {
		a := newTempApp(t)
		v, w, _ := windowOn(t, a, t.TempDir())
		dir := t.TempDir()
		path := filepath.Join(dir, "taken.db")
		if err := os.WriteFile(path, []byte("someone's"), 0o644); err != nil {
			t.Fatal(err)
		}
		name, _ := newCorpusDialog(t, v, w, dir)
		name.SetText("taken.db")
		v.onSwitched = func(*mainView) { t.Error("switched to another corpus") }
		test.Tap(findDialogButton(t, w, "Create"))
		v.bg.runResults()
		if text := overlayText(t, w); !strings.Contains(text, path+" exists already") {
			t.Errorf("the dialog says %q", text)
		}
		if b, _ := os.ReadFile(path); string(b) != "someone's" {
			t.Errorf("the file now holds %q", b)
		}
	})
}

// The window is made under the app's name, which GLFW makes its X11 class
// (the desktop entry's StartupWMClass), and titled with its corpus once
// shown.
func TestWindow_ClassIsTheAppsName(t *testing.T) {
	a := newTempApp(t)
	c := newFakeCorpus(t)
	v, w := newWindow(a, c, nil)
	if got := v.win.Title(); got != appName {
		t.Errorf("window made with the title %q, want %q", got, appName)
	}
	w.Show()
	defer w.Close()
	if got, want := v.win.Title(), "Chronoscope — "+c.Name(); got != want {
		t.Errorf("title once shown %q, want %q", got, want)
	}
}

// withOriginalZeroed is the bundled corpus with the page that holds the
// end of its longest original zeroed, which SQLite's own checks pass.
func withOriginalZeroed(tb testing.TB) []byte {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "c.db")
	if err := data.Create(context.Background(), path, assets.Corpus()); err != nil {
		tb.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	var original string
	err = db.QueryRow(`SELECT original FROM documents ORDER BY length(text) DESC LIMIT 1`).Scan(&original)
	db.Close()
	if err != nil {
		tb.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	i := bytes.LastIndex(b, []byte(original[len(original)-32:])) // after the text, which it may repeat
	if i < 0 {
		tb.Fatal("the original's end is not on one page")
	}
	clear(b[i/4096*4096 : i/4096*4096+4096])
	return b
}
