package app

import (
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
