package app

import (
	"fmt"
	"image"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// timingEnv names the file the window appends its timings to, for
// scripts/bench.sh (docs/PERFORMANCE.md). Each line is one of
//
//	first-frame MS     the first frame that draws the timeline's events,
//	                   MS milliseconds after the process started
//	results MS QUERY   a frame that draws a search's results, MS
//	                   milliseconds after the keystroke that made QUERY
//
// MS has one decimal.
const timingEnv = "CHRONOSCOPE_TIMING"

// processStart is when the process started, as Linux tells it to the
// hundredth of a second; elsewhere, when this package was initialised.
var processStart = startTime()

// frameTiming writes the timings timingEnv asks for. A line is written
// when the frame that shows what it times is painted: a probe, a raster of
// one transparent pixel, is refreshed when something is to be timed, and
// Fyne's painters call its generator only when they draw it anew. A nil
// *frameTiming times nothing.
type frameTiming struct {
	path  string
	probe *canvas.Raster

	mu        sync.Mutex
	pending   []timingMark // waiting for the next painted frame
	firstDone bool
}

// timingMark is something to time: since when, and what the line says.
type timingMark struct {
	name  string
	since time.Time
	query string
}

// newFrameTiming returns the timing timingEnv asks for, or nil.
func newFrameTiming() *frameTiming {
	path := os.Getenv(timingEnv)
	if path == "" {
		return nil
	}
	t := &frameTiming{path: path}
	pixel := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	t.probe = canvas.NewRaster(func(int, int) image.Image {
		t.painted(time.Now())
		return pixel
	})
	return t
}

// wrap puts the probe over o, where it is drawn with it.
func (t *frameTiming) wrap(o fyne.CanvasObject) fyne.CanvasObject {
	if t == nil {
		return o
	}
	return &fyne.Container{Layout: probeLayout{}, Objects: []fyne.CanvasObject{o, t.probe}}
}

// firstFrame times the next painted frame from the start of the process,
// once: call it when the timeline has its first events.
func (t *frameTiming) firstFrame() {
	if t == nil {
		return
	}
	t.mu.Lock()
	done := t.firstDone
	t.firstDone = true
	t.mu.Unlock()
	if !done {
		t.mark(timingMark{name: "first-frame", since: processStart})
	}
}

// results times the next painted frame from the keystroke at since that
// made query: call it when its results are set.
func (t *frameTiming) results(since time.Time, query string) {
	if t == nil {
		return
	}
	t.mark(timingMark{name: "results", since: since, query: query})
}

// mark waits for the next painted frame to time m. Call it on the UI
// thread.
func (t *frameTiming) mark(m timingMark) {
	t.mu.Lock()
	t.pending = append(t.pending, m)
	t.mu.Unlock()
	t.probe.Refresh()
}

// painted writes the lines of the marks waiting for the frame painted at
// now.
func (t *frameTiming) painted(now time.Time) {
	t.mu.Lock()
	marks := t.pending
	t.pending = nil
	t.mu.Unlock()
	if len(marks) == 0 {
		return
	}
	var b strings.Builder
	for _, m := range marks {
		ms := float64(now.Sub(m.since).Microseconds()) / 1000
		if m.query == "" {
			fmt.Fprintf(&b, "%s %.1f\n", m.name, ms)
		} else {
			fmt.Fprintf(&b, "%s %.1f %s\n", m.name, ms, m.query)
		}
	}
	f, err := os.OpenFile(t.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		_, err = f.WriteString(b.String())
		err = closeErr(f, err)
	}
	if err != nil {
		fyne.LogError("chronoscope: "+timingEnv, err)
	}
}

func closeErr(f *os.File, err error) error {
	if cerr := f.Close(); err == nil {
		return cerr
	}
	return err
}

// probeLayout gives the first object all the room and the probe its one
// pixel in the top left corner.
type probeLayout struct{}

func (probeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	objs[1].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSquareSize(1))
}

func (probeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

// startTime is when the process started: Linux gives it in clock ticks
// since boot (/proc/self/stat, field 22), to be set against the seconds
// since boot (/proc/uptime).
func startTime() time.Time {
	now := time.Now()
	stat, err1 := os.ReadFile("/proc/self/stat")
	up, err2 := os.ReadFile("/proc/uptime")
	if err1 != nil || err2 != nil {
		return now
	}
	// The command name, in parentheses, may hold spaces.
	_, after, ok := strings.Cut(string(stat), ") ")
	fields := strings.Fields(after)
	upFields := strings.Fields(string(up))
	if !ok || len(fields) < 20 || len(upFields) < 1 {
		return now
	}
	ticks, err1 := strconv.ParseFloat(fields[19], 64) // field 22, counted from 3
	uptime, err2 := strconv.ParseFloat(upFields[0], 64)
	if err1 != nil || err2 != nil {
		return now
	}
	const clockTicks = 100 // USER_HZ, 100 on every Linux Go runs on
	age := time.Duration((uptime - ticks/clockTicks) * float64(time.Second))
	if age < 0 || age > time.Minute {
		return now
	}
	return now.Add(-age)
}
