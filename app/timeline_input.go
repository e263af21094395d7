package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

const (
	// fallbackPlotWidth converts pixels to time before the first layout.
	fallbackPlotWidth = 800
	keyZoomFactor     = 1.5
	keyPanFraction    = 0.125
	// wheelZoomPer100 is the zoom for 100 units of wheel delta, about four
	// notches of a mouse wheel with the desktop driver.
	wheelZoomPer100 = 2.0
	tapZoomFactor   = 4.0
)

// Scrolled zooms around the pointer for vertical wheel movement and pans
// for horizontal movement, such as a sideways swipe on a touchpad.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	d := ev.Scrolled
	if math.Abs(float64(d.DX)) > math.Abs(float64(d.DY)) {
		t.Pan(-d.DX)
		return
	}
	x := ev.Position.X
	// Drivers always give the pointer position; an event without one was
	// synthesised, and the last hover position is where the pointer is.
	if ev.Position.IsZero() && ev.AbsolutePosition.IsZero() && t.hovering {
		x = t.hoverPos.X
	}
	t.ZoomAt(x, math.Pow(wheelZoomPer100, float64(d.DY)/100))
}

// Dragged pans so that the time under the pointer follows it.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	t.Pan(-ev.Dragged.DX)
}

// DragEnd is called when a drag finishes; panning has already happened.
func (t *Timeline) DragEnd() {}

// Tapped selects the event under the pointer, or zooms into the cluster or
// histogram under it; a cluster at the deepest zoom selects its first event.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
	h, ok := t.hitAt(ev.Position)
	if !ok {
		return
	}
	switch h.kind {
	case hitEvent:
		t.selectIndex(int(h.event), true)
	case hitCluster:
		// Events that overlap too long to come apart even a day wide stay
		// a cluster: there, the tap selects the first, and Next the rest.
		if t.to-t.from <= minSpan {
			t.selectIndex(int(h.event), true)
			return
		}
		t.zoomTo(h.from, h.to)
	case hitHistogram:
		t.ZoomAt(ev.Position.X, tapZoomFactor)
	}
}

// MouseIn starts showing the tooltip for whatever is under the pointer.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) {
	t.watchLeaving()
	t.hover(ev.Position)
}

// MouseMoved moves the tooltip with the pointer.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	t.hover(ev.Position)
}

// MouseOut hides the tooltip.
func (t *Timeline) MouseOut() {
	t.hovering = false
	t.Refresh()
}

// watchPointerLeaving is onPointerLeavingWindow, which tests replace.
var watchPointerLeaving = onPointerLeavingWindow

// watchLeaving asks, once, to be told when the pointer leaves the window,
// which the driver does not report as MouseOut.
func (t *Timeline) watchLeaving() {
	if t.watchingWindow {
		return
	}
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(t)
	for _, w := range d.AllWindows() {
		if c != nil && w.Canvas() == c {
			t.watchingWindow = watchPointerLeaving(w, t.pointerLeft)
			return
		}
	}
}

// pointerLeft hides the tooltip once the pointer has left the window.
func (t *Timeline) pointerLeft() {
	if t.hovering {
		t.MouseOut()
	}
}

// FocusGained draws the focus outline.
func (t *Timeline) FocusGained() {
	t.focused = true
	t.Refresh()
}

// FocusLost removes the focus outline.
func (t *Timeline) FocusLost() {
	t.focused = false
	t.Refresh()
}

// TypedRune does nothing: the zoom keys are handled in TypedKey, whose key
// names already follow the keyboard layout, so that each press acts once.
func (t *Timeline) TypedRune(rune) {}

// TypedKey handles + or = (zoom in), - (zoom out), Left and Right (pan),
// Page Up and Page Down (pan a screen), Home and End (corpus start and
// end), 0 or F (fit all), Up and Down (previous and next event) and Escape
// (clear the selection).
func (t *Timeline) TypedKey(ev *fyne.KeyEvent) {
	left, width := t.plotExtent()
	switch ev.Name {
	case fyne.KeyPlus, fyne.KeyEqual:
		t.ZoomAt(left+width/2, keyZoomFactor)
	case fyne.KeyMinus:
		t.ZoomAt(left+width/2, 1/keyZoomFactor)
	case fyne.KeyLeft:
		t.Pan(-width * keyPanFraction)
	case fyne.KeyRight:
		t.Pan(width * keyPanFraction)
	case fyne.KeyPageUp:
		t.Pan(-width * 0.9)
	case fyne.KeyPageDown:
		t.Pan(width * 0.9)
	case fyne.KeyHome:
		t.jump(true)
	case fyne.KeyEnd:
		t.jump(false)
	case fyne.Key0, fyne.KeyF:
		t.FitAll()
	case fyne.KeyUp:
		t.SelectPrevious()
	case fyne.KeyDown:
		t.SelectNext()
	case fyne.KeyEscape:
		if t.selected >= 0 {
			t.selectIndex(-1, true)
		}
	}
}

// hover follows the pointer, redrawing when a tooltip must appear, move or
// go away.
func (t *Timeline) hover(p fyne.Position) {
	was := t.hovering && t.laidOut().tip
	t.hoverPos, t.hovering = p, true
	if _, ok := t.hitAt(p); ok || was {
		t.Refresh()
	}
}

// hitAt finds what the last layout drew under p.
func (t *Timeline) hitAt(p fyne.Position) (hitBox, bool) {
	idx := t.laidOut()
	return idx.at(p)
}

// plotExtent is where the last layout put the plot, for converting pixels
// to time.
func (t *Timeline) plotExtent() (left, width float32) {
	if idx := t.laidOut(); idx.plotRight-idx.plotLeft >= 1 {
		return idx.plotLeft, idx.plotRight - idx.plotLeft
	}
	return 0, fallbackPlotWidth
}

// laidOut returns the last layout's hit index, empty before the first.
func (t *Timeline) laidOut() hitIndex {
	if t.lastLayout == nil {
		return hitIndex{}
	}
	return t.lastLayout()
}
