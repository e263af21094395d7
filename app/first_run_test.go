package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The first window shows a line of help; once it is closed no window shows
// it again.
func TestHelpLine_DismissedStaysDismissed(t *testing.T) {
	a := newTempApp(t)
	v, w := newAppWindow(t, a, newFakeCorpus(t), nil)
	if v.helpLine == nil || !slices.Contains(v.top.Objects, fyne.CanvasObject(v.helpLine)) {
		t.Fatal("no line of help on the first run")
	}
	if text := richText(v.helpLine); !strings.Contains(text, "Type to search, scroll to zoom, drag to pan, select a passage to make an event") {
		t.Errorf("the line says %q", text)
	}
	var closeButton *widget.Button
	walk(v.helpLine, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok {
			closeButton = b
		}
	})
	if closeButton == nil {
		t.Fatal("no button closes the line of help")
	}
	test.Tap(closeButton)
	if slices.Contains(v.top.Objects, fyne.CanvasObject(v.helpLine)) {
		t.Error("the line of help is still shown")
	}
	w.Close()

	v2, _ := newAppWindow(t, a, newFakeCorpus(t), nil)
	if v2.helpLine != nil {
		t.Error("the line of help came back in the next window")
	}
}

// Screenshots show the line of help only when asked, whatever the
// user's preferences.
func TestHelpLine_Screenshot(t *testing.T) {
	for _, show := range []bool{false, true} {
		a := newTempApp(t)
		_, v := newScreenshotWindow(a, newFakeCorpus(t), ScreenshotOptions{Size: fyne.NewSize(1000, 600), HelpLine: show}, &lockedUI{})
		if got := v.helpLine != nil; got != show {
			t.Errorf("HelpLine %v: line shown %v", show, got)
		}
		v.win.Close()
	}
}
