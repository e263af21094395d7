package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// menuItems are the main menu's items whose check marks follow the
// window's state: the lanes (also set by the radio above the timeline),
// whether the filter bar shows (also its button), and the theme.
type menuItems struct {
	lanes   map[LaneMode]*fyne.MenuItem
	filters *fyne.MenuItem
	themes  map[ThemeChoice]*fyne.MenuItem
}

// mainMenu is the window's menu, in the desktop convention: File, Edit,
// View and Help, each item with its usual shortcut. On macOS Fyne's driver
// moves Quit (IsQuit) and an item labelled "About" into the application
// menu, as that platform expects. Quit closes the window, which saves the
// layout, rather than stopping the app under it. What the window cannot
// do is absent rather than disabled: without v.files there is no Open
// corpus…, Open recent or New corpus….
func (v *mainView) mainMenu() *fyne.MainMenu {
	return fyne.NewMainMenu(v.fileMenu(), v.editMenu(), v.viewMenu(), v.helpMenu())
}

// menuItem is an item with its shortcut, nil for none.
func menuItem(label string, action func(), sc fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

// ctrl is key with the platform's shortcut modifier: Ctrl, or ⌘ on macOS.
func ctrl(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func (v *mainView) fileMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	if v.files != nil {
		items = append(items, menuItem(lang.L("Open corpus…"), v.showOpenCorpus, ctrl(fyne.KeyO)))
		if recent := v.recentMenu(); recent != nil {
			items = append(items, recent)
		}
		items = append(items, menuItem(lang.L("New corpus…"), v.showNewCorpus, ctrl(fyne.KeyN)), fyne.NewMenuItemSeparator())
	}
	quit := menuItem(lang.L("Quit"), v.win.Close, ctrl(fyne.KeyQ))
	quit.IsQuit = true
	items = append(items,
		menuItem(lang.L("Import…"), v.showImport, ctrl(fyne.KeyI)),
		menuItem(lang.L("Export…"), func() { v.showExport() }, ctrl(fyne.KeyE)))
	if backup := v.backupItem(); backup != nil {
		items = append(items, backup)
	}
	items = append(items, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMenu(lang.L("File"), items...)
}

func (v *mainView) viewMenu() *fyne.Menu {
	v.menu.lanes = map[LaneMode]*fyne.MenuItem{
		LanesByGroup:    fyne.NewMenuItem(lang.L("Lanes by country"), func() { v.setLanes(LanesByGroup) }),
		LanesByCategory: fyne.NewMenuItem(lang.L("Lanes by category"), func() { v.setLanes(LanesByCategory) }),
	}
	v.menu.filters = fyne.NewMenuItem(lang.L("Filters"), func() { call(v.toggleFilters) })
	v.menu.themes = map[ThemeChoice]*fyne.MenuItem{}
	var themes []*fyne.MenuItem
	for _, c := range themeChoices {
		it := fyne.NewMenuItem(themeLabel(c), func() { v.chooseTheme(c) })
		v.menu.themes[c] = it
		themes = append(themes, it)
	}
	themeItem := fyne.NewMenuItem(lang.L("Theme"), nil)
	themeItem.ChildMenu = fyne.NewMenu("", themes...)
	v.syncMenuChecks()
	return fyne.NewMenu(lang.L("View"),
		menuItem(lang.L("Zoom in"), func() { v.zoom(keyZoomFactor) }, ctrl(fyne.KeyEqual)),
		menuItem(lang.L("Zoom out"), func() { v.zoom(1 / keyZoomFactor) }, ctrl(fyne.KeyMinus)),
		menuItem(lang.L("Fit all"), v.timeline.FitAll, ctrl(fyne.Key0)),
		fyne.NewMenuItemSeparator(),
		v.menu.lanes[LanesByGroup], v.menu.lanes[LanesByCategory],
		fyne.NewMenuItemSeparator(),
		v.menu.filters,
		fyne.NewMenuItemSeparator(),
		themeItem,
	)
}

func (v *mainView) helpMenu() *fyne.Menu {
	return fyne.NewMenu(lang.L("Help"),
		menuItem(lang.L("Keyboard shortcuts"), v.showShortcuts, ctrl(fyne.KeySlash)),
		fyne.NewMenuItem(lang.L("About"), v.showAbout))
}

// themeLabel is a theme's name in View › Theme.
func themeLabel(c ThemeChoice) string {
	switch c {
	case ThemeLight:
		return lang.L("Light")
	case ThemeDark:
		return lang.L("Dark")
	}
	return lang.L("System")
}

// zoom zooms the timeline about its middle, as the + and - keys do.
func (v *mainView) zoom(factor float64) {
	left, width := v.timeline.plotExtent()
	v.timeline.ZoomAt(left+width/2, factor)
}

// setLanes chooses the lanes as the radio above the timeline does, through
// it, so that the two agree: its options are in LaneMode's order.
func (v *mainView) setLanes(mode LaneMode) {
	v.lanes.SetSelected(v.lanes.Options[mode])
}

// chooseTheme applies the theme c and remembers it for the next start.
func (v *mainView) chooseTheme(c ThemeChoice) {
	a := fyne.CurrentApp()
	a.Preferences().SetString(themePref, string(c))
	applyTheme(a, c)
	v.syncMenuChecks()
}

// syncMenuChecks checks the menu items of the lanes, filter bar and theme
// shown, and redraws the menu: call it whenever one of them changes.
func (v *mainView) syncMenuChecks() {
	if v.menu.lanes == nil {
		return // no menu yet
	}
	for mode, it := range v.menu.lanes {
		it.Checked = v.timeline.laneMode == mode
	}
	v.menu.filters.Checked = v.filters.content.Visible()
	current := savedTheme(fyne.CurrentApp())
	for c, it := range v.menu.themes {
		it.Checked = c == current
	}
	if m := v.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// shortcutRow is one line of Help › Keyboard shortcuts.
type shortcutRow struct{ keys, what string }

// shortcutRows lists every shortcut of the window: the main menu's, read
// from the menu itself so the two never disagree, then the keys that act
// where the focus is.
func (v *mainView) shortcutRows() []shortcutRow {
	var rows []shortcutRow
	menu := v.win.MainMenu()
	if menu == nil {
		menu = v.mainMenu()
	}
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && !it.IsSeparator {
				rows = append(rows, shortcutRow{shortcutText(it.Shortcut), m.Label + " › " + it.Label})
			}
		}
	}
	mod := modifierText(fyne.KeyModifierShortcutDefault)
	return append(rows,
		shortcutRow{mod + "+Y", lang.L("Redo")},
		shortcutRow{mod + "+Page Down", lang.L("Next event")},
		shortcutRow{mod + "+Page Up", lang.L("Previous event")},
		shortcutRow{lang.L("Up, Down"), lang.L("In the search field: move through the results; on the timeline: previous and next event")},
		shortcutRow{lang.L("Enter"), lang.L("Open the result selected")},
		shortcutRow{lang.L("Escape"), lang.L("Clear the search, then the selection")},
		shortcutRow{"+, −", lang.L("On the timeline: zoom in, zoom out")},
		shortcutRow{lang.L("Left, Right"), lang.L("On the timeline: pan")},
		shortcutRow{"Page Up, Page Down", lang.L("On the timeline: pan a screen")},
		shortcutRow{"Home, End", lang.L("On the timeline: the first and last events")},
		shortcutRow{"0, F", lang.L("On the timeline: fit all")},
	)
}

// shortcutText writes a shortcut as menus show it: "Ctrl+Shift+Z".
func shortcutText(sc fyne.Shortcut) string {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok {
		return sc.ShortcutName()
	}
	key := string(cs.KeyName)
	switch cs.KeyName {
	case fyne.KeyEqual:
		key = "="
	case fyne.KeyMinus:
		key = "−"
	case fyne.KeySlash:
		key = "/"
	}
	return modifierText(cs.Modifier) + "+" + key
}

// modifierText names modifiers as the platform's keyboards do.
func modifierText(m fyne.KeyModifier) string {
	super := "Super"
	if fyne.KeyModifierShortcutDefault == fyne.KeyModifierSuper {
		super = "⌘"
	}
	var names []string
	for _, n := range []struct {
		mod  fyne.KeyModifier
		name string
	}{
		{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, super},
		{fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"},
	} {
		if m&n.mod != 0 {
			names = append(names, n.name)
		}
	}
	return strings.Join(names, "+")
}

// showShortcuts is Help › Keyboard shortcuts: every shortcut in a table.
func (v *mainView) showShortcuts() {
	rows := v.shortcutRows()
	grid := container.New(layout.NewFormLayout())
	for _, r := range rows {
		keys := widget.NewLabelWithStyle(r.keys, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		what := widget.NewLabel(r.what)
		what.Wrapping = fyne.TextWrapWord
		grid.Add(keys)
		grid.Add(what)
	}
	d := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), container.NewVScroll(grid), v.win)
	d.Resize(fyne.NewSize(min(640, v.win.Canvas().Size().Width-40), min(560, v.win.Canvas().Size().Height-40)))
	d.Show()
}
