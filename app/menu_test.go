package app

import (
	"context"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronoscope/assets"
	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// findMenuItem is the item labelled item in the menu labelled menu.
func findMenuItem(tb testing.TB, m *fyne.MainMenu, menu, item string) *fyne.MenuItem {
	tb.Helper()
	for _, mm := range m.Items {
		if mm.Label != menu {
			continue
		}
		for _, it := range mm.Items {
			if it.Label == item {
				return it
			}
		}
	}
	tb.Fatalf("no %s › %s", menu, item)
	return nil
}

// deepWalk visits o and everything under it, as walk does, and widgets'
// insides too.
func deepWalk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	walk(o, func(c fyne.CanvasObject) {
		fn(c)
		if _, ok := c.(*container.Scroll); ok {
			return // walk goes into its content
		}
		if wid, ok := c.(fyne.Widget); ok {
			for _, in := range test.WidgetRenderer(wid).Objects() {
				deepWalk(in, fn)
			}
		}
	})
}

// overlayText is the text of the labels of the top overlay (a dialog).
func overlayText(tb testing.TB, w fyne.Window) string {
	tb.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		tb.Fatal("no dialog")
	}
	var b strings.Builder
	deepWalk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// storeCorpora opens corpora as main.go does.
func storeCorpora() *Corpora {
	return &Corpora{
		Open: func(ctx context.Context, path string) (Corpus, error) {
			s, err := data.Open(ctx, path)
			if err != nil {
				return nil, err
			}
			return s, nil
		},
		Bundled: assets.Corpus(),
	}
}

// newTempApp is a test app whose storage, where the window keeps its
// layout, is a directory of the test's own: the test driver's is the
// system's temporary directory, shared by every test run.
func newTempApp(tb testing.TB) fyne.App {
	tb.Helper()
	tb.Setenv("TMPDIR", tb.TempDir())
	return test.NewTempApp(tb)
}

// newAppWindow makes the window as NewWindow does on c in a test app,
// its background work queued for the test to run.
func newAppWindow(tb testing.TB, a fyne.App, c Corpus, files *Corpora) (*mainView, fyne.Window) {
	tb.Helper()
	v, w := newWindow(a, c, files)
	v.bg.queueResults()
	v.load()
	v.bg.runResults()
	w.Show()
	tb.Cleanup(func() {
		if !v.closed {
			w.Close()
		}
	})
	return v, w
}

// The menu has the items of a desktop app, each with its usual shortcut;
// those of corpora are absent where the window cannot open any.
func TestMenu_Items(t *testing.T) {
	a := newTempApp(t)
	v, _ := newAppWindow(t, a, newFakeCorpus(t), storeCorpora())
	m := v.mainMenu()
	want := map[string][]string{
		"File": {"Open corpus… Ctrl+O", "New corpus… Ctrl+N", "Import… Ctrl+I", "Export… Ctrl+E", "Quit Ctrl+Q"},
		"Edit": {"Undo Ctrl+Z", "Redo Ctrl+Shift+Z", "Find Ctrl+F"},
		"View": {"Zoom in Ctrl+=", "Zoom out Ctrl+−", "Fit all Ctrl+0", "Lanes by country", "Lanes by category", "Filters", "Theme"},
		"Help": {"Keyboard shortcuts Ctrl+/", "About"},
	}
	var menus []string
	for _, mm := range m.Items {
		menus = append(menus, mm.Label)
		var got []string
		for _, it := range mm.Items {
			if it.IsSeparator {
				continue
			}
			s := it.Label
			if it.Shortcut != nil {
				s += " " + shortcutText(it.Shortcut)
			}
			if it.Action == nil && it.ChildMenu == nil {
				t.Errorf("%s › %s does nothing", mm.Label, it.Label)
			}
			got = append(got, s)
		}
		if !slices.Equal(got, want[mm.Label]) {
			t.Errorf("%s: %q, want %q", mm.Label, got, want[mm.Label])
		}
	}
	if !slices.Equal(menus, []string{"File", "Edit", "View", "Help"}) {
		t.Errorf("menus %q", menus)
	}
	if it := findMenuItem(t, m, "File", "Quit"); !it.IsQuit {
		t.Error("Quit is not the platform's quit item")
	}
	themes := findMenuItem(t, m, "View", "Theme").ChildMenu
	if themes == nil || len(themes.Items) != 3 || themes.Items[0].Label != "System" || themes.Items[1].Label != "Light" || themes.Items[2].Label != "Dark" {
		t.Errorf("Theme submenu %+v", themes)
	}

	// Without corpora to open, their items are absent, not disabled.
	plain, _ := newTestWindowOn(t, newFakeCorpus(t))
	for _, it := range plain.mainMenu().Items[0].Items {
		if strings.Contains(it.Label, "corpus") || it.Label == "Open recent" {
			t.Errorf("File › %s without corpora", it.Label)
		}
	}
}

// The checks of the lanes, the filter bar and the theme follow them,
// whichever way they were changed.
func TestMenu_ChecksFollowState(t *testing.T) {
	a := newTempApp(t)
	v, w := newAppWindow(t, a, newFakeCorpus(t), nil)
	m := w.MainMenu()
	country, category := findMenuItem(t, m, "View", "Lanes by country"), findMenuItem(t, m, "View", "Lanes by category")
	if !country.Checked || category.Checked {
		t.Fatalf("at start: by country %v, by category %v", country.Checked, category.Checked)
	}
	v.lanes.SetSelected(v.lanes.Options[1]) // the radio above the timeline
	if country.Checked || !category.Checked || v.timeline.laneMode != LanesByCategory {
		t.Errorf("after the radio: by country %v, by category %v", country.Checked, category.Checked)
	}
	country.Action()
	if !country.Checked || category.Checked || v.lanes.Selected != v.lanes.Options[0] || v.timeline.laneMode != LanesByGroup {
		t.Errorf("after the menu: by country %v, by category %v, radio %q", country.Checked, category.Checked, v.lanes.Selected)
	}

	filters := findMenuItem(t, m, "View", "Filters")
	test.Tap(findButton(t, v.content, "Filters"))
	if !filters.Checked || !v.filters.content.Visible() {
		t.Errorf("filter bar shown by its button: item checked %v", filters.Checked)
	}
	filters.Action()
	if filters.Checked || v.filters.content.Visible() {
		t.Errorf("filter bar hidden by the menu: item checked %v", filters.Checked)
	}

	themes := findMenuItem(t, m, "View", "Theme").ChildMenu.Items
	if !themes[0].Checked || themes[1].Checked || themes[2].Checked {
		t.Errorf("System not the theme checked at first")
	}
	themes[2].Action()
	if themes[0].Checked || themes[1].Checked || !themes[2].Checked {
		t.Errorf("Dark chosen: checks %v %v %v", themes[0].Checked, themes[1].Checked, themes[2].Checked)
	}
}

// The theme chosen is applied at once, to the timeline's colours too, and
// remembered: the next window opens in it.
func TestMenu_ThemeRemembered(t *testing.T) {
	a := newTempApp(t)
	v, w := newAppWindow(t, a, newFakeCorpus(t), nil)
	for _, tt := range []struct {
		item    string
		choice  ThemeChoice
		variant fyne.ThemeVariant
	}{
		{"Dark", ThemeDark, theme.VariantDark},
		{"Light", ThemeLight, theme.VariantLight},
	} {
		findMenuItem(t, w.MainMenu(), "View", "Theme").ChildMenu.Items[slices.Index(themeChoices, tt.choice)].Action()
		if got := a.Preferences().String(themePref); got != string(tt.choice) {
			t.Errorf("%s: preference %q", tt.item, got)
		}
		want := theme.DefaultTheme().Color(theme.ColorNameBackground, tt.variant)
		if got := a.Settings().Theme().Color(theme.ColorNameBackground, 1-tt.variant); got != want {
			t.Errorf("%s: the app's background is %v, want %v whatever the system's variant", tt.item, got, want)
		}
		r := test.WidgetRenderer(v.timeline)
		r.Refresh()
		r.Layout(v.timeline.Size())
		if got := v.timeline.lastLayoutStyle().bg; !sameColor(got, want) {
			t.Errorf("%s: the timeline's background %v, want %v", tt.item, got, want)
		}
	}

	w.Close()
	a.Settings().SetTheme(theme.DefaultTheme())
	findMenuItem(t, v.mainMenu(), "View", "Theme").ChildMenu.Items[2].Action() // Dark, for the next start
	newAppWindow(t, a, newFakeCorpus(t), nil)
	if th, ok := a.Settings().Theme().(appTheme); !ok || !th.fixed || th.variant != theme.VariantDark {
		t.Errorf("the next window's theme is %#v, want the dark one chosen", a.Settings().Theme())
	}
}

// Help › Keyboard shortcuts lists every shortcut of the menu, and the keys
// of the timeline and the search field.
func TestMenu_KeyboardShortcuts(t *testing.T) {
	a := newTempApp(t)
	_, w := newAppWindow(t, a, newFakeCorpus(t), storeCorpora())
	findMenuItem(t, w.MainMenu(), "Help", "Keyboard shortcuts").Action()
	text := overlayText(t, w)
	for _, mm := range w.MainMenu().Items {
		for _, it := range mm.Items {
			if it.Shortcut != nil && (!strings.Contains(text, shortcutText(it.Shortcut)+"\n"+mm.Label+" › "+it.Label)) {
				t.Errorf("no %s for %s › %s in:\n%s", shortcutText(it.Shortcut), mm.Label, it.Label, text)
			}
		}
	}
	for _, keys := range []string{"Escape", "Home, End", "Ctrl+Page Down"} {
		if !strings.Contains(text, keys+"\n") {
			t.Errorf("no %s", keys)
		}
	}
}

// Ctrl+= and Ctrl+- zoom the timeline about its middle, as the menu does.
func TestMenu_Zoom(t *testing.T) {
	a := newTempApp(t)
	v, w := newAppWindow(t, a, newFakeCorpus(t), nil)
	from, to := v.timeline.View()
	findMenuItem(t, w.MainMenu(), "View", "Zoom in").Action()
	f2, t2 := v.timeline.View()
	if !(t2.Sub(f2) < to.Sub(from)) {
		t.Fatalf("Zoom in: %v–%v, was %v–%v", f2, t2, from, to)
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyMinus))
	if f3, t3 := v.timeline.View(); !(t3.Sub(f3) > t2.Sub(f2)) {
		t.Errorf("Ctrl+-: %v–%v, was %v–%v", f3, t3, f2, t2)
	}
}

// About names the version, the corpus and what it holds, and the licences.
func TestMenu_About(t *testing.T) {
	a := newTempApp(t)
	s := openTestCorpus(t)
	v, w := newAppWindow(t, a, s, nil)
	findMenuItem(t, w.MainMenu(), "Help", "About").Action()
	v.bg.runResults()
	text := overlayText(t, w)
	docs, evs, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{s.Path(), "Fyne", "BSD-3-Clause", "MIT: sahilm/fuzzy", "modernc.org/sqlite",
		"Noto Sans", "TFIGlobal", "Development build", "Documents: " + textfmt.Number(docs) + " · events: " + textfmt.Number(evs)} {
		if !strings.Contains(text, want) {
			t.Errorf("About does not say %q:\n%s", want, text)
		}
	}
}

// sameColor says whether a and b are the same colour, whatever their types.
func sameColor(a, b color.Color) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// The window opens on a 1024×640 screen whole, status line and all.
func TestWindow_FitsASmallScreen(t *testing.T) {
	if defaultLayout.Width > 1024 || defaultLayout.Height > 640-60 {
		t.Errorf("default window %v×%v, more than a 1024×640 screen holds under a title bar and a panel", defaultLayout.Width, defaultLayout.Height)
	}
	a := newTempApp(t)
	v, w := newAppWindow(t, a, openTestCorpus(t), nil)
	if min := v.content.MinSize(); min.Width > defaultLayout.Width || min.Height > defaultLayout.Height {
		t.Errorf("the window's content needs %v, more than the default size", min)
	}
	if got := w.Canvas().Size(); got.Height > defaultLayout.Height {
		t.Errorf("the window opened %v high", got.Height)
	}
}
