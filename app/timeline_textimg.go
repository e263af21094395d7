package app

import (
	"bytes"
	"image"
	"image/color"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/render"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Fyne's software painter shapes and rasterises every canvas.Text anew on
// every frame: the 50–70 labels, ticks and names of a view cost it some
// 6–9 ms a frame at 1280×800. The timeline paints its text instead as
// images (canvas.Raster), each shaped and rasterised once per text, style,
// colour and pixel size as Fyne's painter does (renderText), and kept
// while shown: the painter then only composites them, and the GL window
// only uploads a texture when a text changes. A text the theme's font
// lacks a character of stays a canvas.Text, for Fyne to find a font with
// it. (Fyne's driver/software would render a canvas.Text exactly, but
// links Fyne's test package into the binary.)

// textImgKey is what a text's image depends on.
type textImgKey struct {
	text     string
	textSize float32
	bold     bool
	col      color.NRGBA
	w, h     int
}

// textImages keeps the rendered texts of a timeline, shared by its text
// layers. An image not used for two layouts in a row is dropped once the
// cache holds more than it needs.
type textImages struct {
	imgs  map[textImgKey]*textImg
	frame int
	// fonts are the theme's regular and bold fonts the images were
	// rendered in.
	fonts [2]string
	// renders counts the texts rendered, for tests.
	renders int
}

type textImg struct {
	img  *image.RGBA
	used int
}

// get returns the image of p rendered w×h pixels at scale.
func (c *textImages) get(p *textPrim, w, h int, scale float32) *image.RGBA {
	k := textImgKey{p.text, p.textSize, p.bold, color.NRGBAModel.Convert(p.col).(color.NRGBA), w, h}
	if e, ok := c.imgs[k]; ok {
		e.used = c.frame
		return e.img
	}
	if c.imgs == nil {
		c.imgs = make(map[textImgKey]*textImg)
	}
	img := renderText(p, w, h, scale)
	c.renders++
	c.imgs[k] = &textImg{img: img, used: c.frame}
	return img
}

// sweep starts a new layout, dropping images unused since the one before
// last once there are more than keep.
func (c *textImages) sweep(keep int) {
	c.frame++
	if len(c.imgs) <= keep {
		return
	}
	for k, e := range c.imgs {
		if e.used < c.frame-2 {
			delete(c.imgs, k)
		}
	}
}

// textFaces holds the theme's regular and bold fonts, parsed, by name; a
// picture may be exported off the main goroutine.
var textFaces = struct {
	sync.Mutex
	m map[string]*font.Face
}{m: map[string]*font.Face{}}

// textFace returns the theme's font for bold or not, or nil.
func textFace(bold bool) *font.Face {
	res := theme.TextFont()
	if bold {
		res = theme.TextBoldFont()
	}
	textFaces.Lock()
	defer textFaces.Unlock()
	if f, ok := textFaces.m[res.Name()]; ok {
		return f
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		f = nil
	}
	textFaces.m[res.Name()] = f
	return f
}

// asImage reports whether renderText draws p as Fyne's painter would: the
// theme's font holds every one of its characters, so that Fyne would not
// fall back on another, and it has no tab or carriage return.
func asImage(p *textPrim) bool {
	f := textFace(p.bold)
	if f == nil {
		return false
	}
	for _, r := range p.text {
		if r == '\t' || r == '\r' {
			return false
		}
		if _, ok := f.NominalGlyph(r); !ok {
			return false
		}
	}
	return true
}

// oneFace is a shaping.Fontmap of a single font.
type oneFace struct{ f *font.Face }

func (o oneFace) ResolveFace(rune) *font.Face { return o.f }

// renderText draws p as Fyne's software painter draws a canvas.Text of
// p's size at its top left (internal/painter.DrawString) at scale, into
// an image w×h pixels, for a text asImage accepts.
func renderText(p *textPrim, w, h int, scale float32) *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	face := textFace(p.bold)
	if w <= 0 || h <= 0 || face == nil || p.text == "" {
		return out
	}
	r := render.Renderer{FontSize: p.textSize, PixScale: scale, Color: p.col}
	runes := []rune(p.text)
	in := shaping.Input{Text: runes, RunStart: 0, RunEnd: len(runes), Direction: di.DirectionLTR, Face: face,
		Size: fixed.Int26_6(float64(p.textSize) * (1 << 6))}
	var shaper shaping.HarfbuzzShaper
	var segmenter shaping.Segmenter
	x, y := float32(0), math.MinInt
	for _, in := range segmenter.Split(in, oneFace{face}) {
		run := shaper.Shape(in)
		if y == math.MinInt {
			y = int(math.Ceil(float64(float32(float64(run.LineBounds.Ascent)/(1<<6)) * scale)))
		}
		r.DrawShapedRunAt(run, out, int(x), y)
		x += float32(float64(run.Advance)/(1<<6)) * scale
	}
	return out
}

// textPool is a layer of texts painted as kept images.
type textPool struct {
	objs  []*textRaster
	shown int
}

// textRaster is one text of a layer: its raster and the text it shows,
// or, for a text asImage turns down, a canvas.Text.
type textRaster struct {
	raster *canvas.Raster
	text   *canvas.Text
	shown  bool // as an image, or as text
	image  bool
	prim   textPrim
	img    *image.RGBA
	cache  *textImages
}

func (o *textRaster) generate(w, h int) image.Image {
	if o.img == nil || o.img.Rect.Dx() != w || o.img.Rect.Dy() != h {
		scale := float32(1)
		if c := fyne.CurrentApp().Driver().CanvasForObject(o.raster); c != nil {
			scale = c.Scale()
		}
		o.img = o.cache.get(&o.prim, w, h, scale)
	} else {
		// Keep it cached while shown, for the next text to show it.
		o.cache.touch(&o.prim, w, h)
	}
	return o.img
}

// touch marks p's image w×h as used in this layout.
func (c *textImages) touch(p *textPrim, w, h int) {
	k := textImgKey{p.text, p.textSize, p.bold, color.NRGBAModel.Convert(p.col).(color.NRGBA), w, h}
	if e, ok := c.imgs[k]; ok {
		e.used = c.frame
	}
}

// sync shows one text per primitive, reporting whether it had to create
// objects, which changes the renderer's object list.
func (p *textPool) sync(prims []textPrim, cache *textImages) (grew bool) {
	for len(p.objs) < len(prims) {
		o := &textRaster{cache: cache, text: &canvas.Text{}}
		o.raster = canvas.NewRaster(o.generate)
		o.raster.Hide()
		o.text.Hide()
		p.objs = append(p.objs, o)
		grew = true
	}
	for i := range prims {
		o, n := p.objs[i], &prims[i]
		if !o.shown || o.prim.text != n.text || o.prim.textSize != n.textSize || o.prim.bold != n.bold ||
			o.prim.col != n.col || o.prim.size != n.size {
			o.prim, o.img, o.shown = *n, nil, true
			o.image = asImage(n)
			if o.image {
				o.text.Hide()
				o.raster.Hidden = false
				o.raster.Refresh()
			} else {
				o.raster.Hide()
				o.text.Text, o.text.Color, o.text.TextSize, o.text.TextStyle = n.text, n.col, n.textSize, fyne.TextStyle{Bold: n.bold}
				o.text.Hidden = false
				o.text.Refresh()
			}
		}
		if o.image {
			placeObject(o.raster, n.pos, n.size)
		} else {
			placeObject(o.text, n.pos, n.size)
		}
		o.prim.pos = n.pos
	}
	for _, o := range p.objs[len(prims):max(p.shown, len(prims))] {
		o.raster.Hide()
		o.text.Hide()
		o.shown = false
	}
	p.shown = len(prims)
	return grew
}

// forget drops the layer's images, as a new theme may draw text in
// another font, which may not hold all its characters.
func (p *textPool) forget() {
	for _, o := range p.objs {
		o.img, o.shown = nil, false
	}
}

func (p *textPool) appendTo(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.objs {
		objs = append(objs, o.raster, o.text)
	}
	return objs
}
