package app

import (
	"cmp"
	"context"
	"fmt"
	"image"
	"image/draw"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// ScreenshotOptions says what the window should show when rendered.
type ScreenshotOptions struct {
	Size   fyne.Size
	Query  string // typed into the search field
	Select string // event id to select
	From   string // visible range, YYYY-MM-DD, both or neither
	To     string
	Lanes  string // "group" or "category"
	// Theme is light when not set, so that screenshots look the same on
	// every machine.
	Theme ThemeChoice
	// HelpLine shows the first run's line of help.
	HelpLine bool
}

// Screenshot sets up the main view on c in a new window of a as o says,
// waits until its queries have delivered, and captures it. Call it off the
// UI thread while a runs. With the desktop driver the window is shown only
// for the frame that is captured, then hidden: closing an app's last window
// would quit it, so the window is left for the app's Quit to close.
func Screenshot(a fyne.App, c Corpus, o ScreenshotOptions) (image.Image, error) {
	if o.Lanes != "" && o.Lanes != "group" && o.Lanes != "category" {
		return nil, fmt.Errorf("--lanes %q: want group or category", o.Lanes)
	}
	if o.Select != "" {
		if _, err := c.Event(context.Background(), o.Select); err != nil {
			return nil, fmt.Errorf("--select: %w", err)
		}
	}
	ui := &lockedUI{}
	var v *mainView
	var w fyne.Window
	var err error
	ui.DoAndWait(func() { w, v = newScreenshotWindow(a, c, o, ui) })
	// The desktop driver makes its GL context and compiles its shaders
	// when the window first shows, a third of a second under a software
	// rasteriser: shown and hidden at once, it does that while the events
	// are read on the other core rather than after.
	ui.DoAndWait(func() { w.Show(); w.Hide() })
	v.bg.wait() // the events
	ui.DoAndWait(func() { err = v.applyOptions(o) })
	if err != nil {
		ui.DoAndWait(w.Close)
		return nil, err
	}
	// A person types one letter at a time, and each letter starts a search.
	for _, r := range o.Query {
		ui.DoAndWait(func() { v.search.TypedRune(r) })
		v.bg.wait()
	}
	if o.Select != "" {
		ui.DoAndWait(func() {
			from, to := v.timeline.View()
			v.timeline.Select(o.Select)
			if o.From != "" {
				v.timeline.SetView(from, to) // selecting scrolls to the event
			}
			v.detail.ShowEvent(o.Select)
		})
		v.bg.wait()
	}
	var img image.Image
	ui.DoAndWait(func() {
		// Shown, the window has the focus, and its focused widget shows
		// it. Said before the frame is drawn: the driver passes on the
		// focus events of the window shown and hidden at the start when
		// it gets to them, which on a busy machine may be after the steps
		// since, leaving the search field drawn as if the window had none.
		if c, ok := w.Canvas().(interface{ FocusGained() }); ok {
			c.FocusGained()
		}
		w.Show() // creates the window, draws it and maps it
		img = capture(w)
		w.Hide()
	})
	return img, nil
}

// lockedUI runs functions on the UI thread one at a time. Fyne's desktop
// driver does that already; its headless one (-tags ci) runs fyne.Do on
// the calling goroutine, where a query's result would race the screenshot's
// next step without the lock.
type lockedUI struct{ mu sync.Mutex }

func (u *lockedUI) Do(f func()) { fyne.Do(u.locked(f)) }

func (u *lockedUI) DoAndWait(f func()) { fyne.DoAndWait(u.locked(f)) }

func (u *lockedUI) locked(f func()) func() {
	return func() {
		u.mu.Lock()
		defer u.mu.Unlock()
		f()
	}
}

// newScreenshotWindow makes a window that is not shown yet, with the main
// view in the theme asked for, its results going through ui, and starts
// reading the events. The view gets no preferences: it starts from the
// defaults, whatever the user's window remembers.
func newScreenshotWindow(a fyne.App, c Corpus, o ScreenshotOptions, ui *lockedUI) (fyne.Window, *mainView) {
	applyTheme(a, cmp.Or(o.Theme, ThemeLight))
	w := a.NewWindow("Chronoscope — " + c.Name())
	v := newMainView(c, w, layoutFile{})
	v.bg.ui = ui
	if o.HelpLine {
		v.addHelpLine(nil)
	}
	w.SetContent(v.content)
	w.SetMainMenu(v.mainMenu())
	w.Resize(o.Size)
	// The desktop driver lays the content out when the window comes into
	// being, at Show; the steps before need it at its size already (the
	// results list scrolls by its height), where the window will put it.
	if w.Padded() {
		pad := theme.Padding()
		v.content.Move(fyne.NewSquareOffsetPos(pad))
		v.content.Resize(o.Size.Subtract(fyne.NewSquareSize(2 * pad)))
	}
	v.load()
	return w, v
}

// applyOptions sets the lanes, range and focus o asks for, once the events
// are loaded.
func (v *mainView) applyOptions(o ScreenshotOptions) error {
	if o.Lanes == "category" {
		v.lanes.SetSelected(lanesByCategory())
	}
	if o.From != "" {
		if err := v.applyView(o.From, o.To); err != nil {
			return err
		}
	}
	if o.Query != "" {
		v.win.Canvas().Focus(v.search)
	}
	return nil
}

// capture is the window as last drawn, opaque as on screen: GL
// framebuffers keep alpha below one where translucent objects were
// blended, and the screen ignores it.
func capture(w fyne.Window) image.Image {
	out, ok := readFrame(w)
	if !ok {
		img := w.Canvas().Capture()
		out = image.NewRGBA(img.Bounds())
		draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	}
	for i := 3; i < len(out.Pix); i += 4 {
		out.Pix[i] = 0xff
	}
	return out
}

// flipRows turns img upside down, as GL's rows, which run bottom up, need.
func flipRows(img *image.RGBA) {
	b := img.Bounds()
	row := make([]byte, 4*b.Dx())
	for top, bottom := b.Min.Y, b.Max.Y-1; top < bottom; top, bottom = top+1, bottom-1 {
		a := img.Pix[img.PixOffset(b.Min.X, top):][:len(row)]
		z := img.Pix[img.PixOffset(b.Min.X, bottom):][:len(row)]
		copy(row, a)
		copy(a, z)
		copy(z, row)
	}
}

// blank says whether an image is wholly transparent, as a capture of a
// front buffer that the driver does not keep is.
func blank(img image.Image) bool {
	b := img.Bounds()
	switch img := img.(type) {
	case *image.NRGBA:
		return transparent(img.Pix, img.PixOffset, b)
	case *image.RGBA:
		return transparent(img.Pix, img.PixOffset, b)
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := img.At(x, y).RGBA(); a != 0 {
				return false
			}
		}
	}
	return true
}

// transparent says whether every pixel of b in pix, four bytes a pixel
// with alpha last at offset(x, y), has zero alpha: a million pixels read
// through At take 20 ms.
func transparent(pix []byte, offset func(x, y int) int, b image.Rectangle) bool {
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := pix[offset(b.Min.X, y) : offset(b.Min.X, y)+4*b.Dx()]
		for i := 3; i < len(row); i += 4 {
			if row[i] != 0 {
				return false
			}
		}
	}
	return true
}
