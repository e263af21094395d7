//go:build !ci && !gles && !arm && !arm64 && !mobile && !wasm

package app

import (
	"image"

	"fyne.io/fyne/v2"
	"github.com/go-gl/gl/v2.1/gl"
)

// readBackBuffer reads the frame the desktop driver has just drawn from
// the window's back buffer, where Fyne's Capture reads the front one: Mesa's
// software rasteriser (as under Xvfb) leaves the front buffer empty. Call it
// on the UI thread, right after the window is drawn.
func readBackBuffer(w fyne.Window) (image.Image, bool) {
	rc, ok := w.(interface{ RunWithContext(func()) })
	if !ok {
		return nil, false
	}
	c := w.Canvas()
	width, height := c.PixelCoordinateForPosition(fyne.NewPos(c.Size().Width, c.Size().Height))
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	rc.RunWithContext(func() {
		gl.ReadBuffer(gl.BACK)
		gl.ReadPixels(0, 0, int32(width), int32(height), gl.RGBA, gl.UNSIGNED_BYTE, gl.Ptr(img.Pix))
	})
	// GL's rows run bottom up.
	for top, bottom := 0, height-1; top < bottom; top, bottom = top+1, bottom-1 {
		a, b := img.Pix[top*img.Stride:(top+1)*img.Stride], img.Pix[bottom*img.Stride:(bottom+1)*img.Stride]
		for i := range a {
			a[i], b[i] = b[i], a[i]
		}
	}
	return img, true
}
