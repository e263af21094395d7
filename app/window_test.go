package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
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
	v, w := newTestView(tb, c)
	v.load()
	v.bg.runResults()
	return v, w
}

// newTestView shows the main view on c in a headless window before it
// loads, its background work queued for the test to run (runResults).
func newTestView(tb testing.TB, c Corpus) (*mainView, fyne.Window) {
	tb.Helper()
	test.NewTempApp(tb)
	w := test.NewWindow(nil)
	tb.Cleanup(w.Close)
	v := newMainView(c, w, layoutFile{path: filepath.Join(tb.TempDir(), "window.json")})
	v.bg.queueResults()
	w.SetContent(v.content)
	w.Resize(fyne.NewSize(1280, 820))
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
	// The best hit is the person, so their group comes first and Enter
	// opens them.
	if len(rows) < 2 || !strings.HasPrefix(rows[0], "People") || !strings.HasPrefix(rows[1], "López Obrador") {
		t.Fatalf("rows %q", rows)
	}
	joined := strings.Join(rows, "\n")
	if !strings.Contains(joined, "López Obrador") {
		t.Errorf("no López Obrador in results:\n%s", joined)
	}
	// The matched letters are their own highlighted segment.
	found := false
	for _, row := range v.results.rows {
		for _, p := range row.pieces() {
			if p.style == pieceMatch && p.text == "López" {
				found = true
			}
		}
	}
	if !found {
		t.Error("no row highlights “López”")
	}
	lit := len(v.timeline.hits)
	if v.timeline.lit == nil || lit == 0 || lit == v.events.Len() {
		t.Errorf("timeline lights %d of %d events", lit, v.events.Len())
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
	typeQuery(t, v, w, "summit")

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
	if e, err := v.corpus.Event(context.Background(), id); err != nil || !strings.Contains(richText(v.detail.scroll.Content), e.Title) {
		t.Errorf("detail pane does not show the event %s (%v)", id, err)
	}
	key(w, fyne.KeyEscape)
	v.waitForSearch()
	if v.search.Text != "" || len(v.results.rows) != 0 || v.timeline.lit != nil {
		t.Errorf("Escape left %q, %d rows, highlight %v", v.search.Text, len(v.results.rows), v.timeline.lit)
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
		if t, ok := o.(interface{ String() string }); ok && strings.Contains(t.String(), s) {
			return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		}
	}
	tb.Fatalf("no text %q drawn", s)
	return fyne.Position{}
}

// Each "Read in the document" of an event opens its document with the
// passage highlighted in the middle of the pane (or as near as the
// document's end allows), and "Back to the event" returns to where the
// reader was in the event.
func TestWindow_OpenSourceScrollsToPassage(t *testing.T) {
	v, w := newTestWindow(t)
	w.Resize(fyne.NewSize(1280, 800))
	v.detail.ShowEvent("castillo-removed")
	v.detail.wait()
	n := len(buttons(v.detail.scroll.Content, "Read in the document"))
	if n < 3 {
		t.Fatalf("%d passages to read", n)
	}
	for i := range n {
		// The reader has scrolled down to the i-th passage.
		open := buttons(v.detail.scroll.Content, "Read in the document")[i]
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(open).Y -
			fyne.CurrentApp().Driver().AbsolutePositionForObject(v.detail.scroll.Content).Y
		v.detail.scroll.ScrollToOffset(fyne.NewPos(0, max(0, at-100)))
		was := v.detail.scroll.Offset
		test.Tap(open)
		v.detail.wait()
		if v.detail.passage == nil {
			t.Fatalf("passage %d: no highlighted passage in the document view", i)
		}
		view := v.detail.scroll.Size().Height
		quote := quoteLines(t, v.detail.passage)
		drv := fyne.CurrentApp().Driver()
		py := drv.AbsolutePositionForObject(v.detail.passage).Y - drv.AbsolutePositionForObject(v.detail.scroll).Y
		top := py + quote[0].Position().Y
		last := quote[len(quote)-1]
		bottom := py + last.Position().Y + last.MinSize().Height
		atEnd := v.detail.scroll.Offset.Y >= v.detail.scroll.Content.Size().Height-view-1
		if top < 0 || (bottom > view && bottom-top < view) {
			t.Errorf("passage %d's quote drawn at %v..%v, out of the %v-high view", i, top, bottom, view)
		}
		if mid := (top + bottom) / 2; !atEnd && (mid < view/4 || mid > view*3/4) {
			t.Errorf("passage %d's quote centred at %v of a %v-high view, want near the middle", i, mid, view)
		}
		test.Tap(findButton(t, v.detail.bar, "Back to the event"))
		v.detail.wait()
		if v.detail.eventID != "castillo-removed" || v.detail.scroll.Offset != was {
			t.Errorf("passage %d: back at %q offset %v, want castillo-removed at %v", i, v.detail.eventID, v.detail.scroll.Offset, was)
		}
	}
}

// quoteLines are the lines of the highlighted quote as drawn: the text in
// the match style inside the highlighted paragraph.
func quoteLines(tb testing.TB, passage fyne.CanvasObject) []*canvas.Text {
	tb.Helper()
	var out []*canvas.Text
	for _, o := range test.LaidOutObjects(passage) {
		if txt, ok := o.(*canvas.Text); ok && txt.TextStyle.Bold && strings.TrimSpace(txt.Text) != "" {
			out = append(out, txt)
		}
	}
	if len(out) == 0 {
		tb.Fatal("no highlighted quote drawn")
	}
	return out
}

// buttons are the buttons labelled text in a tree of objects, top first.
func buttons(root fyne.CanvasObject, text string) []*widget.Button {
	var out []*widget.Button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	})
	return out
}

func TestWindow_ActorSearches(t *testing.T) {
	v, _ := newTestWindow(t)
	v.detail.ShowEvent("ebrard-rejects-expulsion")
	v.detail.wait()
	var link *widget.Hyperlink
	walk(v.detail.scroll.Content, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == "Marcelo Ebrard" {
			link = h
		}
	})
	if link == nil {
		t.Fatal("no link for Marcelo Ebrard")
	}
	// A link takes a tap only over its text.
	test.TapAt(link, fyne.NewPos(link.Size().Width/2, link.Size().Height/2))
	v.waitForSearch()
	if v.search.Text != "Marcelo Ebrard" || len(v.results.rows) == 0 {
		t.Errorf("search %q with %d rows", v.search.Text, len(v.results.rows))
	}
}

// Each actor's name and every word of its role are drawn whole inside the
// pane, at the narrowest window and the default one: nothing wraps inside
// a word or runs past the right edge. It reads what is drawn, not how the
// pane is built.
func TestWindow_InvolvedWrapsAtWords(t *testing.T) {
	for _, width := range []float32{1024, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			v, w := newTestWindow(t)
			w.Resize(fyne.NewSize(width, 800))
			v.detail.ShowEvent("castillo-removed")
			v.detail.wait()
			e, err := v.corpus.Event(context.Background(), "castillo-removed")
			if err != nil {
				t.Fatal(err)
			}
			drv := fyne.CurrentApp().Driver()
			right := drv.AbsolutePositionForObject(v.detail).X + v.detail.Size().Width
			// drawn holds each text as drawn, split in words, where it ends
			// inside the pane.
			drawn := map[string]bool{}
			for _, o := range test.LaidOutObjects(v.detail) {
				txt, ok := o.(*canvas.Text)
				if !ok || !txt.Visible() || drv.AbsolutePositionForObject(txt).X+txt.MinSize().Width > right+1 {
					continue
				}
				drawn[txt.Text] = true
				for _, w := range strings.FieldsFunc(txt.Text, func(r rune) bool { return r == ' ' || r == '(' || r == ')' || r == ';' }) {
					drawn[w] = true
				}
			}
			for _, a := range e.Actors {
				if !drawn[a.Name] {
					t.Errorf("name %q not drawn whole inside the pane", a.Name)
				}
				for _, w := range strings.Fields(a.Role) {
					if !drawn[w] {
						t.Errorf("role %q: word %q not drawn whole inside the pane", a.Role, w)
					}
				}
			}
		})
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
		test.Tap(findButton(t, v.detail.bar, step.button))
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
		test.Tap(findButton(t, v.detail.bar, "Next"))
		v.detail.wait()
		got = append(got, v.detail.eventID)
	}
	if want := []string{"z-dissolution", "removed", "a-successor", "after"}; !slices.Equal(got, want) {
		t.Errorf("Next walked %q, want %q", got, want)
	}
	got = nil
	for range 3 {
		test.Tap(findButton(t, v.detail.bar, "Previous"))
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

// Every way out of the window (the window manager's close, Ctrl+Q, the
// Quit item) saves the whole layout, and the next window opens with it.
func TestWindow_RemembersLayout(t *testing.T) {
	for _, how := range []string{"close", "ctrl+q", "quit item"} {
		t.Run(how, func(t *testing.T) {
			c := newFakeCorpus(t)
			file := layoutFile{path: filepath.Join(t.TempDir(), "window.json")}
			a := test.NewTempApp(t)
			w := a.NewWindow("")
			v := newMainView(c, w, file)
			w.SetContent(v.content)
			w.SetMainMenu(v.mainMenu())
			w.SetOnClosed(v.saveLayout)
			w.Resize(fyne.NewSize(1100, 700))
			v.bg.queueResults()
			v.load()
			v.bg.runResults()
			v.mainSplit.SetOffset(0.62)
			v.lanes.SetSelected("By category")
			// A range that is not whole days comes back as it was.
			from, to := parseDay(t, "2022-11-01").Add(19*time.Hour), parseDay(t, "2023-01-01").Add(5*time.Hour)
			v.timeline.SetView(from, to)
			switch how {
			case "close":
				w.Close()
			case "ctrl+q":
				w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault})
			case "quit item":
				for _, m := range w.MainMenu().Items {
					for _, it := range m.Items {
						if it.IsQuit {
							it.Action()
						}
					}
				}
			}
			got, err := file.load()
			if err != nil {
				t.Fatal(err)
			}
			want := layoutState{Width: w.Canvas().Size().Width, Height: w.Canvas().Size().Height, MainSplit: v.mainSplit.Offset,
				LowerSplit: v.lower.Offset, Corpus: "fake", From: from, To: to, Lanes: "category"}
			if !sameLayout(got, want) {
				t.Fatalf("saved %+v, want %+v", got, want)
			}
			v2 := newMainView(c, a.NewWindow(""), file)
			v2.bg.queueResults()
			v2.load()
			v2.bg.runResults()
			gotFrom, gotTo := v2.timeline.View()
			if !gotFrom.Equal(from) || !gotTo.Equal(to) || v2.mainSplit.Offset != v.mainSplit.Offset || v2.lanes.Selected != "By category" {
				t.Errorf("reopened at %v–%v, split %v, lanes %q", gotFrom, gotTo, v2.mainSplit.Offset, v2.lanes.Selected)
			}
		})
	}
}

// The range last seen on one corpus is not where another opens.
func TestWindow_LayoutRangeIsPerCorpus(t *testing.T) {
	file := layoutFile{path: filepath.Join(t.TempDir(), "window.json")}
	if err := file.save(layoutState{Width: 900, Height: 600, MainSplit: 0.5, LowerSplit: 0.3, Lanes: "group",
		Corpus: "/elsewhere/other.db", From: parseDay(t, "1990-04-14"), To: parseDay(t, "1990-04-17")}); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	v := newMainView(newFakeCorpus(t), test.NewWindow(nil), file)
	v.bg.queueResults()
	v.load()
	v.bg.runResults()
	if from, _ := v.timeline.View(); from.Year() == 1990 {
		t.Errorf("the fake corpus opened at %v, the other corpus's range", from)
	}
	if v.layout.Width != 900 {
		t.Errorf("window size not kept: %v", v.layout.Width)
	}
}

func sameLayout(a, b layoutState) bool {
	return a.Width == b.Width && a.Height == b.Height && a.MainSplit == b.MainSplit && a.LowerSplit == b.LowerSplit &&
		a.Corpus == b.Corpus && a.From.Equal(b.From) && a.To.Equal(b.To) && a.Lanes == b.Lanes
}

// A damaged layout file gives the default layout, never a failed start.
func TestLayoutFile_Damaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "window.json")
	if err := os.WriteFile(path, []byte(`{"Width": 12`), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := layoutFile{path: path}.load()
	if err == nil || !strings.Contains(err.Error(), path) || !sameLayout(got, defaultLayout) {
		t.Errorf("load = %+v, %v", got, err)
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

// The error window is dialog-sized whatever the message, with its Quit
// button on screen: a desktop window grows to its content's minimum size.
func TestErrorWindow(t *testing.T) {
	a := test.NewTempApp(t)
	long := "open corpus /x/corpus.db: not a SQLite database" + strings.Repeat(" and more detail", 200)
	w := NewErrorWindow(a, errors.New(long))
	defer w.Close()
	if text := richText(w.Content()); !strings.Contains(text, "/x/corpus.db: not a SQLite database") {
		t.Errorf("error window says %q", text)
	}
	if min := w.Content().MinSize(); min.Width > 560 || min.Height > 300 {
		t.Errorf("content needs %v, more than a dialog", min)
	}
	quit := findButton(t, w.Content(), "Quit")
	drv := fyne.CurrentApp().Driver()
	if p := drv.AbsolutePositionForObject(quit); p.Y+quit.Size().Height > w.Canvas().Size().Height || quit.Size().Height == 0 {
		t.Errorf("Quit at %v, below the %v-high window", p, w.Canvas().Size().Height)
	}
}

// Escape clears the search, and a second Escape the selected event.
func TestWindow_SecondEscapeClearsDetail(t *testing.T) {
	v, w, _ := newFakeWindow(t)
	v.timeline.Select("removed")
	v.detail.ShowEvent("removed")
	v.detail.wait()
	typeQuery(t, v, w, "coup")
	key(w, fyne.KeyEscape)
	v.waitForSearch()
	if v.search.Text != "" || v.detail.eventID != "removed" {
		t.Fatalf("first Escape: search %q, detail %q", v.search.Text, v.detail.eventID)
	}
	key(w, fyne.KeyEscape)
	if v.detail.eventID != "" || v.timeline.Selected() != "" {
		t.Errorf("second Escape left detail %q, timeline %q", v.detail.eventID, v.timeline.Selected())
	}
}

// The first hit is selected for the keyboard as results arrive; a tap on it
// must still open it.
func TestWindow_TapFirstResult(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "expels")
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

// Each result is one line: whitespace collapsed, the runs side by side,
// and an ellipsis after a whole word where the row is too narrow.
func TestResults_OneLinePerRow(t *testing.T) {
	test.NewTempApp(t)
	r := newResultList()
	w := test.NewWindow(r)
	defer w.Close()
	w.Resize(fyne.NewSize(360, 400))
	r.SetResults(&data.Results{Hits: []data.Hit{
		{Kind: data.KindEvent, ID: "e", Title: "Congress removes Castillo, who is arrested", Matches: [][2]int{{17, 25}},
			Snippet: "Peru's Congress\nremoved Castillo\n\nfrom office", SnippetMatches: [][2]int{{31, 39}}},
		{Kind: data.KindEvent, ID: "short", Title: "Short"},
	}, Text: []data.TextHit{{Kind: data.KindDocument, ID: "d", Title: "Wire report",
		Snippet: "After Pedro\nCastillo was removed,\n  Peru's Congress met again", Matches: [][2]int{{6, 11}, {12, 20}}}}})
	var items []*resultItem
	for _, o := range test.LaidOutObjects(r) {
		if it, ok := o.(*resultItem); ok && it.Visible() && it.row < len(r.rows) {
			items = append(items, it)
		}
	}
	if len(items) != len(r.rows) {
		t.Fatalf("%d rows drawn, %d rows", len(items), len(r.rows))
	}
	for _, it := range items {
		var drawn string
		var right float32
		for _, o := range test.WidgetRenderer(it).Objects() {
			txt := o.(*canvas.Text)
			if strings.ContainsAny(txt.Text, "\n\t") || strings.Contains(txt.Text, "  ") {
				t.Errorf("row %d draws %q", it.row, txt.Text)
			}
			if txt.Position().Y < 0 || txt.Position().Y+txt.Size().Height > it.Size().Height {
				t.Errorf("row %d: %q spills out of its %v-high row", it.row, txt.Text, it.Size().Height)
			}
			drawn += txt.Text
			right = txt.Position().X + txt.Size().Width
		}
		if right > it.Size().Width {
			t.Errorf("row %d drawn to x %v of %v: %q", it.row, right, it.Size().Width, drawn)
		}
		// Each run is drawn whole, or cut after a word with an ellipsis.
		pieces := r.rows[it.row].pieces()
		objs := test.WidgetRenderer(it).Objects()
		for k, o := range objs {
			got := o.(*canvas.Text).Text
			last := k == len(objs)-1
			if k >= len(pieces) || got == pieces[k].text || got == trimEnd(pieces[k].text) || last && got == "…" {
				continue
			}
			full := pieces[k].text
			kept, ok := strings.CutSuffix(got, "…")
			if !ok || !strings.HasPrefix(full, kept) || len(kept) < len(full) && full[len(kept)] != ' ' && full[len(kept)] != ',' {
				t.Errorf("row %d: run %q drawn as %q, want it whole or a whole-word start and an ellipsis", it.row, full, got)
			}
		}
	}
	if rows := r.Rows(); !slices.Contains(rows, "Wire report — After Pedro Castillo was removed, Peru's Congress met again") {
		t.Errorf("rows %q", rows)
	}
}

// The timeline lights every event the query matches, however many results
// the list holds, and the status line says how many.
func TestWindow_LightsEveryMatch(t *testing.T) {
	c := newFakeCorpus(t)
	for i := range 3 * searchLimit {
		c.events = append(c.events, &data.Event{EventSummary: data.EventSummary{
			ID: fmt.Sprintf("talks-%03d", i), Title: fmt.Sprintf("Round %d of talks", i), Category: "talks",
			Date: data.DateRange{Start: parseDay(t, "2020-01-01").AddDate(0, 0, i), End: parseDay(t, "2020-01-01").AddDate(0, 0, i), Precision: data.Day},
		}})
	}
	v, w := newTestWindowOn(t, c)
	typeQuery(t, v, w, "talks")
	lit := len(v.timeline.hits)
	if lit != 3*searchLimit {
		t.Errorf("%d events lit, want all %d", lit, 3*searchLimit)
	}
	if n := len(v.results.rows); n > searchLimit+4 {
		t.Errorf("%d rows listed", n)
	}
	if want := "150 matching events on the timeline"; !strings.Contains(v.status.Text, want) {
		t.Errorf("status %q lacks %q", v.status.Text, want)
	}
}

// A snippet whose match lies far in is shown from a few words before it.
func TestNearMatch(t *testing.T) {
	s := "The wire report calls it an impeachment after he tried to rule by decree; others call it a coup"
	i := strings.Index(s, "coup")
	got, ranges := nearMatch(s, [][2]int{{i, i + 4}})
	if len(ranges) != 1 || string([]rune(got)[ranges[0][0]:ranges[0][1]]) != "coup" || !strings.HasPrefix(got, "…") || len([]rune(got)) > leadRunes+6 {
		t.Errorf("nearMatch = %q, %v", got, ranges)
	}
	if got, _ := nearMatch("a coup", [][2]int{{2, 6}}); got != "a coup" {
		t.Errorf("short snippet changed to %q", got)
	}
}

// "coup" finds the event the coup dispute is about among the events, by
// its own text, with the word in view; strewn letters find nothing.
func TestWindow_CoupFindsTheDisputedEvent(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "coup")
	kind, id := v.results.Selected()
	if kind != data.KindEvent || id != "castillo-removed" {
		t.Errorf("first result %s %q, want the event castillo-removed; rows %q", kind, id, v.results.Rows())
	}
	for _, row := range v.results.Rows() {
		if strings.Contains(row, "defends Mexico") {
			t.Errorf("strewn-letter match listed: %q", row)
		}
	}
}

// Previous is off on the first event and Next on the last, where they
// would do nothing.
func TestWindow_PreviousNextAtTheEnds(t *testing.T) {
	v, _, _ := newFakeWindow(t)
	for _, tc := range []struct {
		id         string
		prev, next bool
	}{{"before", false, true}, {"removed", true, true}, {"undated", true, false}} {
		v.timeline.Select(tc.id)
		v.detail.ShowEvent(tc.id)
		v.detail.wait()
		prev, next := findButton(t, v.detail.bar, "Previous"), findButton(t, v.detail.bar, "Next")
		if prev.Disabled() == tc.prev || next.Disabled() == tc.next {
			t.Errorf("%s: Previous enabled %v, Next enabled %v; want %v, %v", tc.id, !prev.Disabled(), !next.Disabled(), tc.prev, tc.next)
		}
	}
}

// A search that finds nothing says so in the list.
func TestWindow_NoResults(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "zzyzx")
	if rows := v.results.Rows(); len(rows) != 1 || rows[0] != "No results" {
		t.Errorf("rows %q", rows)
	}
	if kind, _ := v.results.Selected(); kind != "" {
		t.Errorf("%q selected among no results", kind)
	}
}

// A passage found in a document's text opens the document at it,
// highlighted.
func TestWindow_TextHitOpensAtPassage(t *testing.T) {
	v, w := newTestWindow(t)
	typeQuery(t, v, w, "coup")
	for v.results.selected >= 0 && v.results.rows[v.results.selected].text == nil {
		before := v.results.selected
		key(w, fyne.KeyDown)
		if v.results.selected == before {
			t.Fatalf("no passage among %q", v.results.Rows())
		}
	}
	key(w, fyne.KeyReturn)
	v.detail.wait()
	if v.detail.passage == nil {
		t.Fatal("the document opened with nothing highlighted")
	}
	var quote string
	for _, r := range v.detail.passage.runs {
		if r.style == runQuote {
			quote += r.text
		}
	}
	if !strings.EqualFold(quote, "coup") {
		t.Errorf("highlighted %q, want the word found", quote)
	}
	if v.detail.scroll.Offset.Y == 0 {
		t.Error("the document is not scrolled to the passage")
	}
}

// The detail pane gives the date in EDTF and copies it.
func TestWindow_CopyEDTF(t *testing.T) {
	c := newFakeCorpus(t)
	c.events[1].EDTF = "2022-12-07"
	v, _ := newTestWindowOn(t, c)
	v.detail.ShowEvent("removed")
	v.detail.wait()
	if !strings.Contains(richText(v.detail.scroll.Content), "2022-12-07") {
		t.Fatal("no EDTF in the detail pane")
	}
	// The label and the date are each drawn on one line.
	for _, o := range test.LaidOutObjects(v.detail) {
		if txt, ok := o.(*canvas.Text); ok && (txt.Text == "E" || txt.Text == "D") {
			t.Errorf("the EDTF line is wrapped a letter a line")
		}
	}
	test.Tap(findButton(t, v.detail.scroll.Content, "Copy"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != "2022-12-07" {
		t.Errorf("clipboard holds %q", got)
	}
}

// The detail pane words a span and an uncertain moment apart.
func TestWindow_DetailWordsDatingsApart(t *testing.T) {
	v, _ := newTestWindow(t)
	for id, want := range map[string]string{
		"protests-after-ouster":       "From 7 to 21 Dec 2022",
		"asylum-castillo-family":      "Sometime in 7–21 Dec 2022",
		"celac-summit-castillo-visit": "Sep 2021",
	} {
		v.detail.ShowEvent(id)
		v.detail.wait()
		if text := richText(v.detail.scroll.Content); !strings.Contains(text, want) {
			t.Errorf("%s: detail pane lacks %q:\n%s", id, want, text)
		}
	}
}
