//go:build !ci && !mobile && !wasm && !js && !android && !ios

package app

import (
	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// onPointerLeavingWindow calls left on the UI thread whenever the pointer
// leaves w, reporting whether it can. Fyne's desktop driver tells a
// hovered widget MouseOut only when the pointer moves onto something else
// in the window: leaving the window says nothing, and a tooltip would stay
// up. GLFW does say, so this asks it, keeping any callback already set.
// Call it on the UI thread once w is shown.
func onPointerLeavingWindow(w fyne.Window, left func()) bool {
	rc, ok := w.(interface{ RunWithContext(func()) })
	if !ok {
		return false
	}
	var win *glfw.Window
	rc.RunWithContext(func() { win = glfw.GetCurrentContext() })
	if win == nil {
		return false
	}
	var prev glfw.CursorEnterCallback
	prev = win.SetCursorEnterCallback(func(gw *glfw.Window, entered bool) {
		if prev != nil {
			prev(gw, entered)
		}
		if !entered {
			left()
		}
	})
	return true
}
