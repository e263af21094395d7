//go:build !ci && !gles && !arm && !arm64 && !mobile && !wasm

package app

import (
	"image"

	"fyne.io/fyne/v2"
	"github.com/go-gl/gl/v2.1/gl"
)

// readFrame reads the frame the desktop driver has just drawn into an image
// of ours, top row first: from the window's front buffer, as Fyne's Capture
// does, or from its back buffer where the front one is blank, as Mesa's
// software rasteriser (as under Xvfb) leaves it. Fyne's Capture gives an
// image read through At, a colour allocated a pixel: checking a blank one
// and copying the back buffer's took 20 ms at 1400×900. Call it on the UI
// thread, right after the window is drawn.
func readFrame(w fyne.Window) (*image.RGBA, bool) {
	rc, ok := w.(interface{ RunWithContext(func()) })
	if !ok {
		return nil, false
	}
	c := w.Canvas()
	width, height := c.PixelCoordinateForPosition(fyne.NewPos(c.Size().Width, c.Size().Height))
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	rc.RunWithContext(func() {
		gl.ReadBuffer(gl.FRONT)
		gl.ReadPixels(0, 0, int32(width), int32(height), gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(img.Pix))
		if blank(img) {
			gl.ReadBuffer(gl.BACK)
			gl.ReadPixels(0, 0, int32(width), int32(height), gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(img.Pix))
		}
	})
	flipRows(img)
	return img, true
}
