package app

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"chronoscope/data"
)

// slowCorpus is a fake corpus whose reads of the events and of chosen
// queries wait until the test releases them.
type slowCorpus struct {
	*fakeCorpus
	events chan struct{}            // Events waits for it to close
	finds  map[string]chan struct{} // Find(q) waits for finds[q] to close
}

func (c *slowCorpus) Events(ctx context.Context) ([]data.EventSummary, error) {
	select {
	case <-c.events:
	case <-time.After(10 * time.Second):
		return nil, errors.New("the events were read before the window was set up")
	}
	return c.fakeCorpus.Events(ctx)
}

func (c *slowCorpus) Find(ctx context.Context, q string, limit int) (*data.Results, error) {
	if wait, ok := c.finds[q]; ok {
		<-wait
	}
	return c.fakeCorpus.Find(ctx, q, limit)
}

// The window is set up without waiting for the events, which come in the
// background and then all appear, with the range and status they had
// before.
func TestWindow_LoadsEventsInTheBackground(t *testing.T) {
	c := &slowCorpus{fakeCorpus: newFakeCorpus(t), events: make(chan struct{})}
	v, _ := newTestView(t, c)

	v.load() // returns at once: Events waits for the test
	if n := len(v.timeline.events); n != 0 {
		t.Fatalf("%d events on the timeline before they were read", n)
	}
	close(c.events)
	v.bg.runResults()

	if got, want := len(v.timeline.events), len(c.fakeCorpus.events); got != want {
		t.Errorf("%d events on the timeline, want all %d", got, want)
	}
	if got, want := v.status.Text, "4 events · fake"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	if from, to := v.timeline.View(); from.After(parseDay(t, "2022-12-01")) || to.Before(parseDay(t, "2022-12-13")) || to.Year() != 2022 {
		t.Errorf("view %v–%v, want the corpus fitted", from, to)
	}
}

// Results of a search that was overtaken never replace those of the
// query typed after it, however late they come; typing several letters
// quickly shows the last query's results.
func TestWindow_StaleSearchNeverOverwrites(t *testing.T) {
	release := make(chan struct{})
	c := &slowCorpus{fakeCorpus: newFakeCorpus(t), events: make(chan struct{}), finds: map[string]chan struct{}{"pro": release}}
	close(c.events)
	v, w := newTestWindowOn(t, c)
	w.Canvas().Focus(v.search)
	test.Type(v.search, "pro") // waits in Find
	test.Type(v.search, "t")
	test.Type(v.search, "e")
	test.Type(v.search, "s")
	go func() {
		time.Sleep(50 * time.Millisecond) // let the later letters be typed and wait
		close(release)
	}()
	v.waitForSearch()

	rows := strings.Join(v.results.Rows(), "\n")
	if !strings.Contains(rows, "Protests in Lima") || !strings.Contains(v.status.Text, "protes") {
		t.Errorf("after typing %q: rows %q, status %q", v.search.Text, rows, v.status.Text)
	}
	if v.query != v.search.Text {
		t.Errorf("results of %q shown for the query %q", v.query, v.search.Text)
	}
}

// A keystroke waits a little for its search, as the window does, so that
// the frame that draws the letter draws its results and lit events too;
// a search that takes longer is shown when it comes.
func TestWindow_KeystrokeWaitsForResults(t *testing.T) {
	release := make(chan struct{})
	c := &slowCorpus{fakeCorpus: newFakeCorpus(t), events: make(chan struct{}), finds: map[string]chan struct{}{"lim": release}}
	close(c.events)
	v, w := newTestWindowOn(t, c)
	v.searchWait = time.Minute
	w.Canvas().Focus(v.search)

	test.Type(v.search, "li") // no waitForSearch: the results are in
	want, _ := c.fakeCorpus.Find(context.Background(), "li", searchLimit)
	if v.query != "li" || len(v.results.Rows()) == 0 || !slices.Equal(v.timeline.lit, want.Events) || !strings.Contains(v.status.Text, "“li”") {
		t.Fatalf("right after typing %q: results of %q, %d rows, %d lit, status %q", v.search.Text, v.query, len(v.results.Rows()), len(v.timeline.lit), v.status.Text)
	}

	v.searchWait = time.Millisecond
	test.Type(v.search, "m") // waits in Find longer than the keystroke
	if v.query != "li" {
		t.Fatalf("results of %q shown before its search ended", v.query)
	}
	close(release)
	v.waitForSearch()
	if v.query != "lim" || !strings.Contains(v.status.Text, "“lim”") {
		t.Errorf("after a slow search: results of %q, status %q", v.query, v.status.Text)
	}
}

// With CHRONOSCOPE_TIMING set, the window writes when it first drew the
// events and when it drew each search's results, once the frame is
// painted.
func TestWindow_Timing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "timing.txt")
	t.Setenv(timingEnv, path)
	v, w := newTestWindowOn(t, newFakeCorpus(t))
	w.Canvas().Capture() // paints a frame
	typeQuery(t, v, w, "lima")
	w.Canvas().Capture()

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`^first-frame [0-9]+\.[0-9]\n(results [0-9]+\.[0-9] (l|li|lim|lima)\n)*results [0-9]+\.[0-9] lima\n$`)
	if !want.Match(b) {
		t.Errorf("timing file:\n%s", b)
	}
}

// cancellingCorpus is a fake corpus whose Find, as the store's, cancels
// the one before it, and which counts the Finds that ran side by side.
type cancellingCorpus struct {
	*fakeCorpus
	mu            sync.Mutex
	cancel        context.CancelFunc
	running, most int
	queries       []string
}

func (c *cancellingCorpus) Find(ctx context.Context, q string, limit int) (*data.Results, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	c.mu.Lock()
	if c.cancel != nil {
		c.cancel()
	}
	c.cancel = cancel
	c.running++
	c.most = max(c.most, c.running)
	c.queries = append(c.queries, q)
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.running--
		c.mu.Unlock()
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-time.After(20 * time.Millisecond): // long enough for the next letter to come
	}
	return c.fakeCorpus.Find(ctx, q, limit)
}

// Typing several letters quickly shows the last query's results: the
// searches run one at a time, in the order typed, so the search for an
// earlier query never starts after, and cancels, the last one's; a
// search cancelled so is no error to show.
func TestWindow_TypingQuicklyShowsTheLastQuery(t *testing.T) {
	c := &cancellingCorpus{fakeCorpus: newFakeCorpus(t)}
	v, w := newTestWindowOn(t, c)
	w.Canvas().Focus(v.search)
	for _, r := range "lima" {
		v.search.TypedRune(r)
	}
	v.waitForSearch()

	if c.most > 1 {
		t.Errorf("%d searches ran side by side", c.most)
	}
	if len(c.queries) == 0 || c.queries[len(c.queries)-1] != "lima" {
		t.Errorf("searched for %q, the last not %q", c.queries, "lima")
	}
	if v.query != "lima" || !strings.Contains(strings.Join(v.results.Rows(), "\n"), "Protests in Lima") {
		t.Errorf("results of %q shown: %q", v.query, v.results.Rows())
	}
	if d := w.Canvas().Overlays().Top(); d != nil {
		t.Errorf("a dialog is shown: %v", d)
	}
}

// A window closed before its events came keeps the range remembered from
// the last run, rather than the default range it showed meanwhile.
func TestWindow_ClosedWhileLoadingKeepsTheRange(t *testing.T) {
	file := layoutFile{path: filepath.Join(t.TempDir(), "window.json")}
	from, to := parseDay(t, "2022-12-01"), parseDay(t, "2022-12-20")
	if err := file.save(layoutState{Width: 900, Height: 600, MainSplit: 0.5, LowerSplit: 0.3, Lanes: "group",
		Corpus: "fake", From: from, To: to}); err != nil {
		t.Fatal(err)
	}
	c := &slowCorpus{fakeCorpus: newFakeCorpus(t), events: make(chan struct{})}
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	v := newMainView(c, w, file)
	v.bg.queueResults()
	w.SetContent(v.content)
	w.SetOnClosed(v.saveLayout)
	v.load()
	w.Close() // before the events come
	close(c.events)
	v.bg.runResults()

	got, err := file.load()
	if err != nil {
		t.Fatal(err)
	}
	if got.Corpus != "fake" || !got.From.Equal(from) || !got.To.Equal(to) {
		t.Errorf("saved %s %v–%v, want the range remembered, %v–%v", got.Corpus, got.From, got.To, from, to)
	}
}

// countingCorpus counts the reads of the events.
type countingCorpus struct {
	*fakeCorpus
	mu    sync.Mutex
	reads int
}

func (c *countingCorpus) Events(ctx context.Context) ([]data.EventSummary, error) {
	c.mu.Lock()
	c.reads++
	c.mu.Unlock()
	return c.fakeCorpus.Events(ctx)
}

func (c *countingCorpus) readCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.reads
}

// Preload reads the events before there is a window; the first window on
// the corpus shows them without reading them again, and a later one reads
// them anew.
func TestPreload_FirstWindowTakesTheEvents(t *testing.T) {
	c := &countingCorpus{fakeCorpus: newFakeCorpus(t)}
	Preload(c)
	test.NewTempApp(t)
	open := func() *mainView {
		w := test.NewWindow(nil)
		t.Cleanup(w.Close)
		v := newMainView(c, w, layoutFile{path: filepath.Join(t.TempDir(), "window.json")})
		v.bg.queueResults()
		w.SetContent(v.content)
		v.load()
		v.bg.runResults()
		return v
	}
	v := open()
	if got, want := len(v.timeline.events), len(c.fakeCorpus.events); got != want {
		t.Errorf("%d events on the timeline, want all %d", got, want)
	}
	if n := c.readCount(); n != 1 {
		t.Errorf("events read %d times for the first window, want once, by Preload", n)
	}
	open()
	if n := c.readCount(); n != 2 {
		t.Errorf("events read %d times after a second window, want 2", n)
	}
}

// Once the events are shown and the search index built, the window bounds
// the Go runtime's memory near what it keeps, rather than let garbage grow
// to as much again.
func TestWindow_CapsMemoryOnceWarm(t *testing.T) {
	prev := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetMemoryLimit(prev) })
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	v := newMainView(newFakeCorpus(t), w, layoutFile{path: filepath.Join(t.TempDir(), "window.json")})
	v.bg.queueResults()
	w.SetContent(v.content)
	v.warmSearch = true
	v.load()
	v.bg.runResults()
	if got := debug.SetMemoryLimit(-1); got == math.MaxInt64 {
		t.Error("no memory limit once the search index is built")
	}
}

// Events Preload has read already are on the timeline as soon as the
// window is made, for its first frame.
func TestPreload_ReadEventsShownAtOnce(t *testing.T) {
	c := newFakeCorpus(t)
	Preload(c)
	p, _ := preloads.Load(c)
	<-p.(*preload).done
	v, _ := newTestView(t, c)
	v.load()
	if got, want := len(v.timeline.events), len(c.events); got != want {
		t.Errorf("%d events on the timeline once the window is made, want all %d", got, want)
	}
	v.bg.runResults()
}

// TestCapMemory_OnlyRaises checks that the window's bound on memory is only
// ever raised: under a bound below what it holds (the corpus grew since the
// bound was set) the collector would run without end, and a bound above it
// is kept.
func TestCapMemory_OnlyRaises(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })

	debug.SetMemoryLimit(1 << 20) // far below what the test process holds
	capMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if got := debug.SetMemoryLimit(-1); got < int64(m.Sys-m.HeapReleased) {
		t.Errorf("bound %d MB after capMemory, below the %d MB held", got>>20, (m.Sys-m.HeapReleased)>>20)
	}

	high := int64(64 << 30)
	debug.SetMemoryLimit(high)
	capMemory()
	if got := debug.SetMemoryLimit(-1); got != high {
		t.Errorf("capMemory lowered the bound from %d MB to %d MB", high>>20, got>>20)
	}
}
