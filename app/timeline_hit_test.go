package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestTimeline_TooltipLeavesWithPointer checks that the tooltip goes when
// the pointer leaves the timeline for another widget, and when it leaves
// the window, which the desktop driver reports to the window only.
func TestTimeline_TooltipLeavesWithPointer(t *testing.T) {
	var leaveWindow func()
	watchPointerLeaving = func(_ fyne.Window, left func()) bool {
		leaveWindow = left
		return true
	}
	t.Cleanup(func() { watchPointerLeaving = onPointerLeavingWindow })

	tests := []struct {
		name  string
		leave func(c fyne.Canvas)
	}{
		{"onto something else", func(c fyne.Canvas) { test.MoveMouse(c, fyne.NewPos(-10, -10)) }},
		{"out of the window", func(fyne.Canvas) {
			if leaveWindow == nil {
				t.Fatal("the timeline does not watch for the pointer leaving the window")
			}
			leaveWindow()
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, w := newTestTimeline(t, fixtureEvents())
			test.MoveMouse(w.Canvas(), centre(t, tl, "ev-celac-summit"))
			if len(tl.lastFrame().tipBox) == 0 {
				t.Fatal("no tooltip over a marker")
			}

			tc.leave(w.Canvas())

			if len(tl.lastFrame().tipBox) != 0 {
				t.Error("the tooltip stays after the pointer has left")
			}
		})
	}
}
