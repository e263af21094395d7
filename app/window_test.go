package app

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/assets"
	"chronoscope/data"
)

// openTestCorpus builds the bundled corpus in a temporary directory: the
// window tests run against the real articles, accents and all.
func openTestCorpus(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.OpenOrCreate(context.Background(), filepath.Join(tb.TempDir(), "corpus.db"), assets.Corpus())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// newTestWindow shows the main view on the bundled corpus in a headless
// window.
func newTestWindow(tb testing.TB) (*mainView, fyne.Window) {
	tb.Helper()
	return newTestWindowOn(tb, openTestCorpus(tb))
}

// newTestWindowOn shows the main view on c in a headless window.
func newTestWindowOn(tb testing.TB, c Corpus) (*mainView, fyne.Window) {
	tb.Helper()
	a := test.NewTempApp(tb)
	w := test.NewWindow(nil)
	tb.Cleanup(w.Close)
	v := newMainView(c, w, a.Preferences())
	v.bg.queueResults()
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1280, 820))
	v.load()
	return v, w
}

func typeQuery(tb testing.TB, v *mainView, w fyne.Window, q string) {
	tb.Helper()
	w.Canvas().Focus(v.search)
	test.Type(v.search, q)
	v.waitForSearch()
}

func key(w fyne.Window, name fyne.KeyName) {
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
	}
}

func TestWindow_TypeToSearch(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "lopez")

	rows := v.results.Rows()
	if len(rows) < 2 || !strings.HasPrefix(rows[0], "Events") {
		t.Fatalf("rows %q", rows)
	}
	joined := strings.Join(rows, "\n")
	if !strings.Contains(joined, "López Obrador") {
		t.Errorf("no López Obrador in results:\n%s", joined)
	}
	// The matched letters are their own highlighted segment.
	found := false
	for i := range v.results.rows {
		rt := widget.NewRichText()
		v.results.updateRow(i, rt)
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && ts.Style == matchStyle && ts.Text == "López" {
				found = true
			}
		}
	}
	if !found {
		t.Error("no row highlights “López”")
	}
	lit := 0
	for _, on := range v.timeline.highlight {
		if on {
			lit++
		}
	}
	if v.timeline.highlight == nil || lit == 0 || lit == len(v.events) {
		t.Errorf("timeline lights %d of %d events", lit, len(v.events))
	}
	if !strings.Contains(v.status.Text, "lopez") {
		t.Errorf("status %q", v.status.Text)
	}

	// Typing on narrows the hits.
	before := len(v.results.rows)
	test.Type(v.search, " obrador pacific")
	v.waitForSearch()
	if after := len(v.results.rows); after >= before {
		t.Errorf("typing more left %d rows, had %d", after, before)
	}
}

func TestWindow_KeyboardThroughResults(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "monroy")

	kind, id := v.results.Selected()
	if kind != "event" {
		t.Fatalf("first selection %s %s, want an event", kind, id)
	}
	key(w, fyne.KeyDown)
	_, id2 := v.results.Selected()
	if id2 == id {
		t.Error("Down did not move the selection")
	}
	key(w, fyne.KeyUp)
	if _, back := v.results.Selected(); back != id {
		t.Errorf("Up went to %s, want %s", back, id)
	}
	key(w, fyne.KeyReturn)
	v.detail.wait()
	if v.timeline.Selected() != id || v.detail.eventID != id {
		t.Errorf("Enter opened timeline %q detail %q, want %q", v.timeline.Selected(), v.detail.eventID, id)
	}
	if !strings.Contains(richText(v.detail.scroll.Content), "Pablo Monroy") {
		t.Error("detail pane does not show the event")
	}
	key(w, fyne.KeyEscape)
	v.waitForSearch()
	if v.search.Text != "" || len(v.results.rows) != 0 || v.timeline.highlight != nil {
		t.Errorf("Escape left %q, %d rows, highlight %v", v.search.Text, len(v.results.rows), v.timeline.highlight)
	}
}

func TestWindow_CtrlFFocusesSearch(t *testing.T) {
	v, w, _ := newFakeWindow(t)
	w.Canvas().Focus(v.timeline)
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if w.Canvas().Focused() != v.search {
		t.Errorf("focus on %T after Ctrl+F", w.Canvas().Focused())
	}
}

func TestWindow_TapEventShowsDetail(t *testing.T) {
	v, w := newTestWindow(t)
	v.timeline.SetView(parseDay(t, "2022-12-15"), parseDay(t, "2022-12-26"))
	w.Canvas().Refresh(v.timeline)
	v.timeline.Refresh()
	b, _, ok := v.timeline.markOf("monroy-persona-non-grata")
	if !ok {
		t.Fatal("the event has no marker in view")
	}
	test.TapAt(v.timeline, fyne.NewPos(b.x+b.w/2, b.y+b.h/2))
	v.detail.wait()
	if v.detail.eventID != "monroy-persona-non-grata" {
		t.Fatalf("detail shows %q", v.detail.eventID)
	}
	text := richText(v.detail.scroll.Content)
	for _, want := range []string{
		"20 Dec 2022 · resolved from “on Tuesday” in an article of 21 Dec 2022",
		"persona non grata",
		"Sources (",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("detail pane lacks %q:\n%s", want, text)
		}
	}
}

func TestWindow_DisagreementSideBySide(t *testing.T) {
	v, _, _ := newFakeWindow(t)
	v.detail.ShowEvent("removed")
	v.detail.wait()
	text := richText(v.detail.scroll.Content)
	for _, want := range []string{"Sources disagree: Coup or lawful removal?", "“coup”", "“lawful removal”"} {
		if !strings.Contains(text, want) {
			t.Errorf("detail pane lacks %q", want)
		}
	}
	// Each side is a column: the labels on one line, left to right in the
	// order of the sides, and each side's passage under its own label.
	coup, lawful := textPos(t, v.detail, "“coup”"), textPos(t, v.detail, "“lawful removal”")
	if coup.Y != lawful.Y || lawful.X <= coup.X {
		t.Errorf("side labels at %v and %v, want one line, coup first", coup, lawful)
	}
	coupQuote, lawfulQuote := textPos(t, v.detail, "called it a coup"), textPos(t, v.detail, "a lawful impeachment")
	if coupQuote.Y <= coup.Y || lawfulQuote.Y <= lawful.Y {
		t.Errorf("passages at %v and %v are not under their labels %v and %v", coupQuote, lawfulQuote, coup, lawful)
	}
	if coupQuote.X >= lawful.X || lawfulQuote.X < lawful.X {
		t.Errorf("passages at x %v and %v are not in their columns (lawful column starts at %v)", coupQuote.X, lawfulQuote.X, lawful.X)
	}
}

// textPos is where the first rich text holding s is drawn in the window.
func textPos(tb testing.TB, root fyne.Widget, s string) fyne.Position {
	tb.Helper()
	for _, o := range test.LaidOutObjects(root) {
		if rt, ok := o.(*widget.RichText); ok && strings.Contains(rt.String(), s) {
			return fyne.CurrentApp().Driver().AbsolutePositionForObject(rt)
		}
	}
	tb.Fatalf("no text %q drawn", s)
	return fyne.Position{}
}

func TestWindow_OpenSourceScrollsToPassage(t *testing.T) {
	v, _, _ := newFakeWindow(t)
	v.detail.ShowEvent("removed")
	v.detail.wait()
	test.Tap(findButton(t, v.detail.scroll.Content, "Read in the document"))
	v.detail.wait()
	if v.detail.passage == nil {
		t.Fatal("no highlighted passage in the document view")
	}
	if v.detail.scroll.Offset.Y <= 0 {
		t.Errorf("document not scrolled to the passage (offset %v)", v.detail.scroll.Offset)
	}
	text := richText(v.detail.passage)
	if !strings.Contains(text, "called it a coup") {
		t.Errorf("highlighted paragraph is %q", text)
	}
}

func TestWindow_ActorSearches(t *testing.T) {
	v, _ := newTestWindow(t)
	v.detail.ShowEvent("ebrard-rejects-expulsion")
	v.detail.wait()
	var link *widget.HyperlinkSegment
	walk(v.detail.scroll.Content, func(o fyne.CanvasObject) {
		if rt, ok := o.(*widget.RichText); ok {
			for _, seg := range rt.Segments {
				if h, ok := seg.(*widget.HyperlinkSegment); ok && h.Text == "Marcelo Ebrard" {
					link = h
				}
			}
		}
	})
	if link == nil {
		t.Fatal("no link for Marcelo Ebrard")
	}
	link.OnTapped()
	v.waitForSearch()
	if v.search.Text != "Marcelo Ebrard" || len(v.results.rows) == 0 {
		t.Errorf("search %q with %d rows", v.search.Text, len(v.results.rows))
	}
}

func TestWindow_PreviousNext(t *testing.T) {
	v, _, _ := newFakeWindow(t)
	v.timeline.Select("removed")
	v.detail.ShowEvent("removed")
	v.detail.wait()
	for _, step := range []struct{ button, want string }{
		{"Next", "after"},
		{"Previous", "removed"},
		{"Previous", "before"},
	} {
		test.Tap(findButton(t, v.detail.scroll.Content, step.button))
		v.detail.wait()
		if v.detail.eventID != step.want || v.timeline.Selected() != step.want {
			t.Fatalf("%s went to %q (timeline %q), want %q", step.button, v.detail.eventID, v.timeline.Selected(), step.want)
		}
	}
}

// TestWindow_PreviousNextSameDay walks a day whose sources narrate its
// events in an order unlike their IDs': the buttons follow the narration.
func TestWindow_PreviousNextSameDay(t *testing.T) {
	c := newFakeCorpus(t)
	sameDay := func(id, title string, seq int) *data.Event {
		e := *c.events[1] // "removed", on 7 December
		e.ID, e.Title, e.Sequence, e.Disagreements = id, title, seq, nil
		return &e
	}
	c.events[1].Sequence = 2
	c.events = append(c.events, sameDay("a-successor", "Successor sworn in", 3), sameDay("z-dissolution", "President dissolves Congress", 1))
	v, _ := newTestWindowOn(t, c)
	v.timeline.Select("before")
	v.detail.ShowEvent("before")
	v.detail.wait()
	var got []string
	for range 4 {
		test.Tap(findButton(t, v.detail.scroll.Content, "Next"))
		v.detail.wait()
		got = append(got, v.detail.eventID)
	}
	if want := []string{"z-dissolution", "removed", "a-successor", "after"}; !slices.Equal(got, want) {
		t.Errorf("Next walked %q, want %q", got, want)
	}
	got = nil
	for range 3 {
		test.Tap(findButton(t, v.detail.scroll.Content, "Previous"))
		v.detail.wait()
		got = append(got, v.detail.eventID)
	}
	if want := []string{"a-successor", "removed", "z-dissolution"}; !slices.Equal(got, want) {
		t.Errorf("Previous walked %q, want %q", got, want)
	}
}

// TestWindow_CategoryLanesLabelled checks that at the window's usual size
// every lane by category with events in view labels some of them, as the
// lanes by country do.
func TestWindow_CategoryLanesLabelled(t *testing.T) {
	v, _ := newTestWindow(t)
	v.lanes.SetSelected("By category")
	v.timeline.FitAll()
	f := v.timeline.lastFrame()
	if len(f.lanes) < 6 {
		t.Fatalf("%d lanes by category", len(f.lanes))
	}
	for i, g := range f.lanes {
		if g.inView == 0 {
			continue
		}
		labels := 0
		for _, p := range f.labels {
			if p.pos.Y >= g.top && p.pos.Y+p.size.Height <= g.top+g.h+1 {
				labels++
			}
		}
		if labels == 0 {
			t.Errorf("lane %s (%.0f px high) has %d events in view and no label", v.timeline.lanes[i].name, g.h, g.inView)
		}
	}
}

func TestWindow_RemembersLayout(t *testing.T) {
	v, w, _ := newFakeWindow(t)
	v.mainSplit.SetOffset(0.62)
	v.timeline.SetView(parseDay(t, "2022-11-01"), parseDay(t, "2023-01-01"))
	v.savePreferences()
	prefs := fyne.CurrentApp().Preferences()
	if got := prefs.Float(prefMainSplit); got < 0.61 || got > 0.63 {
		t.Errorf("split saved as %v", got)
	}
	v2 := newMainView(v.corpus, w, prefs)
	v2.load()
	from, _ := v2.timeline.View()
	if data.FormatDay(from) != "2022-11-01" || v2.mainSplit.Offset < 0.61 {
		t.Errorf("reopened at %s with split %v", data.FormatDay(from), v2.mainSplit.Offset)
	}
}

func TestScreenshot(t *testing.T) {
	s := openTestCorpus(t)
	a := test.NewTempApp(t)
	img, err := Screenshot(a, s, ScreenshotOptions{Size: fyne.NewSize(1000, 700), Query: "castillo", Select: "castillo-removed"})
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1000 || b.Dy() != 700 {
		t.Errorf("image %v", b)
	}
	// The picture itself: the query typed, its results, the event selected
	// on the timeline and open in the detail pane.
	if *update {
		writePNG(t, filepath.Join("testdata", "screenshot_castillo.png"), img)
	} else {
		test.AssertImageMatches(t, "screenshot_castillo.png", img)
	}
	if _, err := Screenshot(a, s, ScreenshotOptions{Size: fyne.NewSize(800, 600), Select: "nope"}); err == nil {
		t.Error("an unknown event id was accepted")
	}
	if _, err := Screenshot(a, s, ScreenshotOptions{Size: fyne.NewSize(800, 600), From: "2022-02-30", To: "2022-03-01"}); err == nil {
		t.Error("an impossible date was accepted")
	}
}

func parseDay(tb testing.TB, s string) time.Time {
	tb.Helper()
	d, err := data.ParseDay(s)
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// findButton is the first button in a tree with the text given.
func findButton(tb testing.TB, root fyne.CanvasObject, text string) *widget.Button {
	tb.Helper()
	var found *widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		tb.Fatalf("no %q button", text)
	}
	return found
}

// richText is all the text in a tree of objects.
func richText(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.RichText:
			b.WriteString(x.String() + "\n")
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.Hyperlink:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case *container.Scroll:
		walk(x.Content, fn)
	}
}

func TestErrorWindow(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewErrorWindow(a, errors.New("open corpus /x/corpus.db: not a SQLite database"))
	defer w.Close()
	if text := richText(w.Content()); !strings.Contains(text, "/x/corpus.db: not a SQLite database") {
		t.Errorf("error window says %q", text)
	}
}

// The first hit is selected for the keyboard as results arrive; a tap on it
// must still open it.
func TestWindow_TapFirstResult(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "monroy")
	kind, id := v.results.Selected()
	if kind != "event" {
		t.Fatalf("first hit %s %s", kind, id)
	}
	var first *resultItem
	for _, o := range test.LaidOutObjects(v.results) {
		if it, ok := o.(*resultItem); ok && it.row == 1 {
			first = it
		}
	}
	if first == nil {
		t.Fatal("no row 1 drawn")
	}
	test.Tap(first)
	v.detail.wait()
	if v.detail.eventID != id || v.timeline.Selected() != id {
		t.Errorf("tapping the selected first hit opened %q (timeline %q), want %q", v.detail.eventID, v.timeline.Selected(), id)
	}
}

func TestWindow_ShortcutsWhileTyping(t *testing.T) {
	v, w, _ := newFakeWindow(t)
	v.timeline.Select("removed")
	w.Canvas().Focus(v.search)
	v.search.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault})
	v.detail.wait()
	if got := v.timeline.Selected(); got != "after" {
		t.Errorf("Ctrl+PageDown in the search field left the selection at %q", got)
	}
	if v.detail.eventID != v.timeline.Selected() {
		t.Errorf("detail shows %q, timeline %q", v.detail.eventID, v.timeline.Selected())
	}
}

func TestWindow_EscapeOnTimelineClearsDetail(t *testing.T) {
	v, w, _ := newFakeWindow(t)
	v.timeline.Select("removed")
	v.detail.ShowEvent("removed")
	v.detail.wait()
	w.Canvas().Focus(v.timeline)
	key(w, fyne.KeyEscape)
	v.detail.wait()
	if v.detail.eventID != "" || strings.Contains(richText(v.detail.scroll.Content), "Congress removes") {
		t.Errorf("detail still shows %q after Escape", v.detail.eventID)
	}
}

// A corpus that fails to read says so in a dialog, and the window goes on.
func TestWindow_CorpusErrorShowsDialog(t *testing.T) {
	c := newFakeCorpus(t)
	c.err = errors.New("corpus.db: disk I/O error")
	_, w := newTestWindowOn(t, c)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var said []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			said = append(said, l.Text)
		}
	}
	if !strings.Contains(strings.Join(said, " "), "disk I/O error") {
		t.Errorf("the dialog says %q, not the error", said)
	}
}
