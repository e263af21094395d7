package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// Corpus is what the window reads; *data.Store provides it, and tests can
// use a fake.
type Corpus interface {
	Name() string
	Events(ctx context.Context) ([]data.EventSummary, error)
	Documents(ctx context.Context) ([]data.DocumentSummary, error)
	Event(ctx context.Context, id string) (*data.Event, error)
	// EventWithDocuments is an event and the documents its passages quote
	// and its date is resolved against, by id, read as one.
	EventWithDocuments(ctx context.Context, id string) (*data.Event, map[string]*data.Document, error)
	Document(ctx context.Context, id string) (*data.Document, error)
	// Find is one ranked search over titles and text.
	Find(ctx context.Context, query string, limit int) (*data.Results, error)
	EventsWith(ctx context.Context, kind data.Kind, id string) ([]string, error)
}

// searchLimit bounds the results listed; the timeline lights every match.
const searchLimit = 50

// keystrokeWait bounds how long the window waits, before it draws a
// letter typed into the search field, for the results of the search it
// starts: a search at 100,000 events takes a few milliseconds to a few
// tens, about as long as a frame takes to paint, so its results are drawn
// with the letter rather than a frame after it. A slower search shows the
// letter at once and its results when they come.
const keystrokeWait = 50 * time.Millisecond

// NewWindow makes the main window on a corpus: search at the top, the
// timeline across the main area, and results beside the detail pane below.
// files, when not nil, opens and makes other corpora from the File menu.
// The window owns c: it closes it, if c can be closed, once the window is
// closed.
func NewWindow(a fyne.App, c Corpus, files *Corpora) fyne.Window {
	v, w := newWindow(a, c, files)
	v.load()
	return w
}

// newWindow makes the main window and its view on c, in the theme chosen
// last, before the view loads.
func newWindow(a fyne.App, c Corpus, files *Corpora) (*mainView, fyne.Window) {
	title := "Chronoscope — " + c.Name()
	if ro, ok := c.(interface{ IsReadOnly() bool }); ok && ro.IsReadOnly() {
		// Reading works; the review features of later versions will not.
		title += " " + lang.L("(read-only)")
	}
	applyTheme(a, savedTheme(a))
	w := &classedWindow{Window: a.NewWindow(appName), title: title}
	v := newMainView(c, w.Window, layoutFile{path: filepath.Join(a.Storage().RootURI().Path(), "window.json")})
	v.files = files
	if p, ok := c.(interface{ Path() string }); ok {
		rememberCorpus(a.Preferences(), p.Path())
	}
	v.addHelpLine(a.Preferences())
	w.SetContent(v.content)
	w.SetMainMenu(v.mainMenu())
	w.Resize(fyne.NewSize(v.layout.Width, v.layout.Height))
	// Closing the window is the one way out that every other (Ctrl+Q, the
	// Quit item, opening another corpus) goes through, so the layout is
	// saved and the corpus closed here.
	w.SetOnClosed(v.closeWindow)
	v.watchChanges()
	v.warmSearch = true
	v.searchWait = keystrokeWait
	return v, w
}

// closeWindow saves the layout and closes the corpus, once the window is
// closed. Queries still running end on the closed corpus with an error
// that no one is shown (v.closed).
func (v *mainView) closeWindow() {
	v.closed = true
	v.stopWatching()
	v.saveLayout()
	closeCorpus(v.corpus)
}

// appName is the app's name, which its windows' X11 class must be.
const appName = "Chronoscope"

// classedWindow is a window made under the app's name and given its own
// title once shown. GLFW names a window's X11 class (WM_CLASS) after the
// title it is created with, and desktops group a window with its launcher
// by that class: the desktop entry `fyne package` writes says
// StartupWMClass=Chronoscope.
type classedWindow struct {
	fyne.Window
	title string
}

// Show shows the window, then gives it its title.
func (w *classedWindow) Show() {
	w.Window.Show()
	w.Window.SetTitle(w.title)
}

// ShowAndRun shows the window and runs the app, as fyne.Window's does.
func (w *classedWindow) ShowAndRun() {
	w.Show()
	fyne.CurrentApp().Run()
}

// NewErrorWindow says why the corpus could not be opened, for a
// double-clicked app that has no terminal to print to. The message scrolls,
// so a long one leaves the window dialog-sized and its button on screen.
func NewErrorWindow(a fyne.App, err error) fyne.Window {
	applyTheme(a, savedTheme(a))
	w := a.NewWindow(appName)
	msg := widget.NewLabel(lang.L("Chronoscope could not open its corpus:") + "\n\n" + corpusProblem(err) +
		"\n\n" + lang.L("The file has been left as it is. Start Chronoscope with --corpus PATH to use another one."))
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(lang.L("Quit"), w.Close)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), quit), nil, nil, container.NewVScroll(msg)))
	w.Resize(fyne.NewSize(560, 260))
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { w.Close() })
	return w
}

// mainView is the window's content and the state that ties its parts
// together.
type mainView struct {
	corpus Corpus
	win    fyne.Window
	// layout is the layout remembered from the last run, saved to file.
	layout layoutState
	file   layoutFile

	search    *searchEntry
	lanes     *widget.RadioGroup
	timeline  *Timeline
	results   *resultList
	detail    *detailPane
	mainSplit *container.Split
	lower     *container.Split
	status    *widget.Label
	content   fyne.CanvasObject

	// searchSeq numbers queries so results of one no longer current are
	// dropped; findMu lets one search run at a time.
	mu        sync.Mutex
	searchSeq int
	cancel    context.CancelFunc
	findMu    sync.Mutex
	bg        *background
	events    *eventTable
	// warmSearch has load build the search index once the events are
	// shown, as the window does; a screenshot without a query needs none.
	warmSearch bool
	// searchWait is how long a keystroke waits for its search's results,
	// to draw them in the frame that draws the letter typed.
	searchWait time.Duration
	// timing writes when frames are painted, if timingEnv asks.
	timing *frameTiming

	// filters narrows the events shown; shown are the events it keeps,
	// which the timeline, Previous and Next and the results go by. byID
	// indexes events, once a filter needs it (kept).
	filters *filterBar
	filter  data.Filter
	shown   *eventTable
	byID    *idIndex
	// query and found are the search whose results are listed, kept to
	// list them again when the filter changes.
	query string
	found *data.Results

	// undo holds the review edits; undoItem and redoItem are the Edit
	// menu's, enabled when it has something to undo or redo.
	undo               *undoStack
	undoItem, redoItem *fyne.MenuItem
	eventForm          *eventForm
	// knownActors and knownPlaces are what the event form offers.
	knownActors []data.EventActor
	knownPlaces []data.Place
	// toggleFilters shows or hides the filter bar (View › Filters);
	// refilter gives the timeline and results v.events as the filter keeps
	// them, after a review edit read them again.
	toggleFilters, refilter func()
	imported                *importState

	// files opens other corpora (File › Open corpus…), nil where the
	// window cannot; menu holds the menu items whose checks follow the
	// window's state. closed says the window has been closed: results
	// that come after show nothing. onSwitched, set by tests, is called
	// with the view of the window opened in this one's place, before it
	// loads.
	files      *Corpora
	menu       menuItems
	closed     bool
	onSwitched func(*mainView)
	// top holds the search field, the filter bar and, on a first run, the
	// line of help, helpLine, until it is closed.
	top      *fyne.Container
	helpLine *fyne.Container
	// watch asks the corpus whether another window or command wrote to
	// it (refresh.go).
	watch *watcher
}

func newMainView(c Corpus, w fyne.Window, file layoutFile) *mainView {
	v := &mainView{corpus: c, win: w, file: file, bg: newBackground()}
	var err error
	if v.layout, err = file.load(); err != nil {
		fyne.LogError("chronoscope", err)
	}
	v.timeline = NewTimeline()
	v.timeline.OnSelected = v.onEventSelected
	v.results = newResultList()
	v.results.OnOpen = v.onResultOpened
	v.results.OnOpenPassage = func(id string, start, end int) {
		v.detail.returnTo = v.detail.scroll.Offset
		v.detail.ShowDocument(id, start, end)
	}
	v.detail = newDetailPane(c, v.bg)
	v.detail.OnActor = v.onActorTapped
	v.detail.OnPrevious = v.timeline.SelectPrevious
	v.detail.OnNext = v.timeline.SelectNext
	v.detail.Neighbours = v.neighbours
	v.detail.OnError = v.showError

	v.search = newSearchEntry()
	v.search.SetPlaceHolder(lang.L("Search events, people, places, documents…  (Ctrl+F)"))
	v.search.OnChanged = v.onQueryChanged
	v.search.onUp = v.results.MovePrevious
	v.search.onDown = v.results.MoveNext
	v.search.onEnter = v.results.OpenSelected
	v.search.onEscape = v.escape

	v.lanes = widget.NewRadioGroup([]string{lanesByCountry(), lanesByCategory()}, v.onLanesChanged)
	v.lanes.Horizontal = true
	v.lanes.Required = true
	fit := widget.NewButton(lang.L("Fit all"), v.timeline.FitAll)
	v.filters = newFilterBar()
	v.filters.OnChanged = v.onFilterChanged
	v.filters.content.Hide()
	// View › Filters does the same as the button.
	filters := widget.NewButton(lang.L("Filters"), func() { v.toggleFilters() })
	v.top = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(v.lanes, filters, fit), v.search), v.filters.content)
	v.refilter = v.eventsChanged
	v.toggleFilters = func() {
		if v.filters.content.Visible() {
			v.filters.content.Hide()
		} else {
			v.filters.content.Show()
		}
		v.top.Refresh()
		v.content.Refresh()
		v.syncMenuChecks()
	}

	v.status = widget.NewLabel("")
	v.lower = container.NewHSplit(v.results, v.detail)
	v.lower.Offset = v.layout.LowerSplit
	v.mainSplit = container.NewVSplit(v.timeline, v.lower)
	v.mainSplit.Offset = v.layout.MainSplit
	v.timing = newFrameTiming()
	v.content = container.NewBorder(v.top, v.timing.wrap(v.status), nil, nil, v.mainSplit)

	if v.layout.Lanes == "category" {
		v.lanes.SetSelected(lanesByCategory())
	} else {
		v.lanes.SetSelected(lanesByCountry())
	}
	v.setUpReview()
	v.addShortcuts()
	v.setUpImport()
	return v
}

// shortcuts are the window's key combinations: on the canvas, and on the
// search field too, since a focused entry takes shortcuts for itself.
func (v *mainView) shortcuts() map[desktop.CustomShortcut]func() {
	mod := fyne.KeyModifierShortcutDefault
	return map[desktop.CustomShortcut]func(){
		{KeyName: fyne.KeyF, Modifier: mod}:        func() { v.win.Canvas().Focus(v.search) },
		{KeyName: fyne.KeyPageDown, Modifier: mod}: v.timeline.SelectNext,
		{KeyName: fyne.KeyPageUp, Modifier: mod}:   v.timeline.SelectPrevious,
		{KeyName: fyne.KeyQ, Modifier: mod}:        v.win.Close,
		{KeyName: fyne.KeyE, Modifier: mod}:        func() { v.showExport() },
		{KeyName: fyne.KeyI, Modifier: mod}:        v.showImport,
		{KeyName: fyne.Key0, Modifier: mod}:        v.timeline.FitAll,
		// Ctrl+= is the menu's Zoom in; Ctrl++ too, typed with Shift or
		// on the keypad.
		{KeyName: fyne.KeyEqual, Modifier: mod}:                         func() { v.zoom(keyZoomFactor) },
		{KeyName: fyne.KeyEqual, Modifier: mod | fyne.KeyModifierShift}: func() { v.zoom(keyZoomFactor) },
		{KeyName: fyne.KeyPlus, Modifier: mod}:                          func() { v.zoom(keyZoomFactor) },
		{KeyName: fyne.KeyMinus, Modifier: mod}:                         func() { v.zoom(1 / keyZoomFactor) },
		{KeyName: fyne.KeySlash, Modifier: mod}:                         v.showShortcuts,
		{KeyName: fyne.KeyO, Modifier: mod}: func() {
			if v.files != nil {
				v.showOpenCorpus()
			}
		},
		{KeyName: fyne.KeyN, Modifier: mod}: func() {
			if v.files != nil {
				v.showNewCorpus()
			}
		},
	}
}

func (v *mainView) addShortcuts() {
	cv := v.win.Canvas()
	all := v.shortcuts()
	for sc, fn := range all {
		sc, fn := sc, fn
		cv.AddShortcut(&sc, func(fyne.Shortcut) { fn() })
	}
	v.search.onShortcut = func(sc *desktop.CustomShortcut) bool {
		fn, ok := all[desktop.CustomShortcut{KeyName: sc.KeyName, Modifier: sc.Modifier}]
		if ok {
			fn()
		}
		return ok
	}
	// Undo and Redo on the canvas only: a focused entry undoes its own
	// typing.
	for sc, fn := range v.editShortcuts() {
		cv.AddShortcut(&sc, func(fyne.Shortcut) { fn() })
	}
	// The desktop driver hands Ctrl+Z and Ctrl+Y over as Fyne's own undo
	// and redo shortcuts, never as the key combinations above.
	cv.AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { v.undo.Undo() })
	cv.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { v.undo.Redo() })
	cv.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyPageDown:
			v.timeline.SelectNext()
		case fyne.KeyPageUp:
			v.timeline.SelectPrevious()
		case fyne.KeyEscape:
			v.escape()
		}
	})
}

// load reads the events and coverage in the background (or takes those
// Preload began to read), so that the window shows at once, and gives them
// to the timeline when they come; the timeline draws only what is in view.
func (v *mainView) load() {
	// Read already, as a small corpus is by the time the window is made,
	// they are shown at once: the window's first frame has them, rather
	// than the one after.
	if evs, docs, ok := preloaded(v.corpus); ok {
		v.loaded(evs, docs)
		return
	}
	ctx := context.Background()
	v.bg.run(func() func() {
		evs, docs, err := readAll(ctx, v.corpus)
		if err != nil {
			return func() { v.showError(err) }
		}
		return func() { v.loaded(evs, docs) }
	})
}

// loaded shows the events and documents load read.
func (v *mainView) loaded(evs *eventTable, docs []data.DocumentSummary) {
	v.events = evs
	v.eventsChanged()
	v.timeline.SetCoverage(docs)
	// The range seen last is worth coming back to only on the same corpus.
	if v.layout.Corpus == corpusKey(v.corpus) && v.layout.To.After(v.layout.From) {
		v.timeline.SetView(v.layout.From, v.layout.To)
	} else {
		v.timeline.FitAll()
	}
	if v.found == nil {
		v.setStatus("")
	}
	v.timing.firstFrame()
	if !v.warmSearch {
		return
	}
	// The first search builds the search index, a second or so on a large
	// corpus: build it now, before the first keystroke waits for it.
	v.bg.run(func() func() {
		v.findMu.Lock()
		defer v.findMu.Unlock()
		if _, err := v.corpus.Find(context.Background(), "", 0); err != nil {
			return func() { v.showError(err) }
		}
		// Reading the events and building the index leave garbage several
		// times what they keep; give it back rather than wait for the
		// runtime to, minutes later.
		debug.FreeOSMemory()
		capMemory()
		return func() {}
	})
}

// heapHeadroom is the garbage the window lets pile up once it has all it
// keeps: searches as you type make a few megabytes a keystroke.
const heapHeadroom = 48 << 20

// capMemory bounds the Go runtime's memory at what it holds now, once the
// events are shown and the search index built, plus heapHeadroom or a
// quarter, whichever is more. Left to GOGC=100 the collector lets the heap
// grow to twice what is live before it runs: at 100,000 events that is
// 120 MB more of the window's resident memory for garbage. The bound is
// soft, and only ever raised: when the window comes to keep more (the
// events read again after an import or a review), it is called again, so
// the collector never runs without end under a bound below what is live.
// From then on the window gives its garbage back when it goes idle
// (trimWhenIdle).
func capMemory() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	held := int64(m.Sys - m.HeapReleased)
	limit := held + max(heapHeadroom, held/4)
	trimWhenIdle()
	if cur := debug.SetMemoryLimit(-1); cur != math.MaxInt64 && cur >= limit {
		return
	}
	debug.SetMemoryLimit(limit)
}

// corpusKey names a corpus for the layout: its file where it has one.
func corpusKey(c Corpus) string {
	if p, ok := c.(interface{ Path() string }); ok {
		return p.Path()
	}
	return c.Name()
}

// eventsChanged drops the index of v.events, read anew, gives the filter
// bar their tags and categories, and shows those the filter keeps.
func (v *mainView) eventsChanged() {
	v.byID = nil
	v.filters.SetEvents(v.events)
	v.applyFilter()
}

// saveLayout remembers the window's layout for the next run.
func (v *mainView) saveLayout() {
	size := v.win.Canvas().Size()
	corpus, from, to := v.layout.Corpus, v.layout.From, v.layout.To
	if v.events != nil {
		// Closed before the events came, the timeline shows no range of
		// this corpus: the one remembered stays.
		corpus = corpusKey(v.corpus)
		from, to = v.timeline.View()
	}
	v.layout = layoutState{
		Width: size.Width, Height: size.Height,
		MainSplit: v.mainSplit.Offset, LowerSplit: v.lower.Offset,
		Corpus: corpus, From: from, To: to,
		Lanes: v.layout.Lanes,
	}
	if err := v.file.save(v.layout); err != nil {
		fyne.LogError("chronoscope", err)
	}
}

// escape clears the search, and with no search clears the selection.
func (v *mainView) escape() {
	if v.search.Text != "" {
		v.search.SetText("")
		return
	}
	v.timeline.Select("")
	v.detail.Clear()
}

// lanesByCountry and lanesByCategory are the choices of the lanes.
func lanesByCountry() string  { return lang.L("By country") }
func lanesByCategory() string { return lang.L("By category") }

func (v *mainView) onLanesChanged(s string) {
	mode, key := LanesByGroup, "group"
	if s == lanesByCategory() {
		mode, key = LanesByCategory, "category"
	}
	v.timeline.SetLaneMode(mode)
	v.layout.Lanes = key
	v.syncMenuChecks()
}

// onQueryChanged searches in the background; each keystroke cancels the
// search before it, and only the latest query's results are shown.
func (v *mainView) onQueryChanged(q string) {
	typed := time.Now()
	v.mu.Lock()
	v.searchSeq++
	seq := v.searchSeq
	if v.cancel != nil {
		v.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	v.mu.Unlock()

	if q == "" {
		v.query, v.found = "", nil
		v.results.SetResults(nil)
		v.timeline.SetHits(nil)
		v.setStatus("")
		return
	}
	basis := v.timeline.hitBasis()
	v.bg.runWaiting(v.searchWait, func() func() {
		res, err := v.find(ctx, seq, q)
		if res == nil && err == nil {
			return func() {}
		}
		// The hits are found here rather than on the UI thread, where a
		// keystroke's tens of thousands would hold up the frame.
		var hits *timelineHits
		if err == nil && v.currentSearch(seq) {
			hits = basis.hits(litEvents(res))
		}
		return func() {
			if !v.currentSearch(seq) || ctx.Err() != nil || errors.Is(err, context.Canceled) {
				return
			}
			if err != nil {
				v.showError(err)
				return
			}
			v.showResults(q, res, hits)
			v.timing.results(typed, q)
		}
	})
}

// find searches for q, one search at a time and only the query typed
// last: goroutines start in no set order, and a search that started after
// a newer one would cancel it (a new Find cancels the one before). It
// returns no results and no error when seq is no longer current.
func (v *mainView) find(ctx context.Context, seq int, q string) (*data.Results, error) {
	v.findMu.Lock()
	defer v.findMu.Unlock()
	if !v.currentSearch(seq) {
		return nil, nil
	}
	return v.corpus.Find(ctx, q, searchLimit)
}

// currentSearch reports whether seq numbers the query typed last.
func (v *mainView) currentSearch(seq int) bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return seq == v.searchSeq
}

// showResults lists the results of the search for q and lights its events
// on the timeline: hits, when not nil, are those events found already.
func (v *mainView) showResults(q string, res *data.Results, hits *timelineHits) {
	v.query, v.found = q, res
	v.results.SetResults(v.keptResults(res))
	if hits == nil {
		hits = v.timeline.hitBasis().hits(litEvents(res))
	}
	v.timeline.showHits(hits)
	v.setStatus(v.searchStatus())
}

// litEvents lists the events a search lights: one that matches no event
// dims them all, which an empty slice rather than nil says.
func litEvents(res *data.Results) []string {
	if res.Events == nil {
		return []string{}
	}
	return res.Events
}

func (v *mainView) onResultOpened(kind data.Kind, id string) {
	switch kind {
	case data.KindEvent:
		v.timeline.Select(id)
		v.showEvent(id)
	case data.KindDocument:
		v.detail.ShowDocument(id, -1, -1)
	case data.KindActor, data.KindPlace:
		v.bg.run(func() func() {
			ids, err := v.corpus.EventsWith(context.Background(), kind, id)
			return func() {
				if err != nil {
					v.showError(err)
					return
				}
				lit := map[string]bool{}
				for _, e := range ids {
					lit[e] = true
				}
				v.timeline.SetHighlight(lit)
				if first := v.firstInTime(lit); first != "" {
					v.timeline.Select(first)
					v.showEvent(first)
				}
			}
		})
	}
}

// neighbours says whether an event has one before it and one after in the
// order of the timeline's Previous and Next (data.CompareEvents).
func (v *mainView) neighbours(id string) (previous, next bool) {
	i := v.shown.index(id)
	return i > 0, i >= 0 && i < v.shown.Len()-1
}

// firstInTime is the earliest of a set of events.
func (v *mainView) firstInTime(ids map[string]bool) string {
	for i := range v.shown.Len() {
		if id := v.shown.ID(i); ids[id] {
			return id
		}
	}
	return ""
}

func (v *mainView) onEventSelected(id string) {
	if id == "" {
		v.detail.Clear()
		return
	}
	v.showEvent(id)
}

func (v *mainView) showEvent(id string) {
	v.detail.ShowEvent(id)
}

func (v *mainView) onActorTapped(name string) {
	v.search.SetText(name)
	v.win.Canvas().Focus(v.search)
}

func (v *mainView) setStatus(s string) {
	if s == "" {
		s = eventCount(v.events.Len()) + " · " + v.corpus.Name()
		if !v.filter.Empty() {
			s = shownOf(v.shown.Len(), v.events.Len()) + " · " + v.corpus.Name()
		}
	}
	v.status.SetText(s)
}

func (v *mainView) showError(err error) {
	fyne.LogError("chronoscope", err)
	if v.closed {
		return
	}
	dialog.ShowError(err, v.win)
}

// applyView sets the visible range from YYYY-MM-DD strings, both days
// shown whole, for the screenshot command.
func (v *mainView) applyView(from, to string) error {
	f, err := data.ParseDay(from)
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	t, err := data.ParseDay(to)
	if err != nil {
		return fmt.Errorf("--to: %w", err)
	}
	if t.Before(f) {
		return fmt.Errorf("--to %s is before --from %s", to, from)
	}
	v.timeline.SetView(f, t.Add(24*time.Hour))
	return nil
}

// searchEntry is the search field; it hands the keys that move through
// results to the window instead of moving its cursor.
type searchEntry struct {
	widget.Entry
	onUp, onDown, onEnter, onEscape func()
	onShortcut                      func(*desktop.CustomShortcut) bool
}

// TypedShortcut gives the window's own shortcuts precedence over the
// entry's, which would otherwise swallow them while it has focus.
func (e *searchEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && e.onShortcut != nil && e.onShortcut(cs) {
		return
	}
	e.Entry.TypedShortcut(s)
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey routes Up, Down, Enter and Escape to the results.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	var fn func()
	switch ev.Name {
	case fyne.KeyUp:
		fn = e.onUp
	case fyne.KeyDown:
		fn = e.onDown
	case fyne.KeyReturn, fyne.KeyEnter:
		fn = e.onEnter
	case fyne.KeyEscape:
		fn = e.onEscape
	}
	if fn != nil {
		fn()
		return
	}
	e.Entry.TypedKey(ev)
}
