//go:build ci || gles || arm || arm64 || mobile || wasm

package app

import (
	"image"

	"fyne.io/fyne/v2"
)

// readFrame: Fyne's Capture is all there is here.
func readFrame(fyne.Window) (*image.RGBA, bool) { return nil, false }
