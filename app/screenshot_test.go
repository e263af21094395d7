package app

import (
	"bytes"
	"image"
	"image/color"
	"testing"
)

func TestBlank(t *testing.T) {
	rect := image.Rect(0, 0, 40, 30)
	clear := image.NewNRGBA(rect)
	dot := image.NewNRGBA(rect)
	dot.Set(39, 29, color.NRGBA{A: 1})
	// Opaque only outside its bounds, a sub-image is blank.
	outside := image.NewRGBA(rect)
	outside.Set(0, 0, color.RGBA{A: 0xff})
	outside.Set(39, 5, color.RGBA{A: 0xff})
	inner := outside.SubImage(image.Rect(1, 1, 39, 29))
	innerDot := outside.SubImage(image.Rect(1, 1, 40, 29))
	for _, tc := range []struct {
		name string
		img  image.Image
		want bool
	}{
		{"transparent", clear, true},
		{"one pixel barely there", dot, false},
		{"opaque only outside the sub-image", inner, true},
		{"opaque at the sub-image's right edge", innerDot, false},
		{"another kind of image, opaque", image.NewGray(rect), false},
		{"another kind of image, transparent", image.NewAlpha(rect), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := blank(tc.img); got != tc.want {
				t.Errorf("blank = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestFlipRows(t *testing.T) {
	for _, rect := range []image.Rectangle{
		image.Rect(0, 0, 3, 4),
		image.Rect(0, 0, 2, 5), // the middle row stays
		image.Rect(0, 0, 5, 1),
	} {
		img := image.NewRGBA(rect)
		for i := range img.Pix {
			img.Pix[i] = byte(i)
		}
		want := image.NewRGBA(rect)
		for y := range rect.Dy() {
			for x := range rect.Dx() {
				want.Set(x, rect.Dy()-1-y, img.At(x, y))
			}
		}
		flipRows(img)
		if !bytes.Equal(img.Pix, want.Pix) {
			t.Errorf("%v: flipRows gives %v, want %v", rect, img.Pix, want.Pix)
		}
	}
}
