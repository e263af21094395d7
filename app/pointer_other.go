//go:build ci || mobile || wasm || js || android || ios

package app

import "fyne.io/fyne/v2"

// onPointerLeavingWindow: only the desktop driver's windows can be left.
func onPointerLeavingWindow(fyne.Window, func()) bool { return false }
