package app

import (
	"image"
	"image/color"
	"image/draw"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/software"
)

// Fyne's software painter shapes and rasterises every canvas.Text anew on
// every frame: the 50–70 labels, ticks and names of a view cost it some
// 6–9 ms a frame at 1280×800. The timeline paints its text instead as
// images (canvas.Raster), each rendered once by Fyne's own software
// painter per text, style, colour and pixel size, and kept while shown:
// the painter then only composites them, and the GL window only uploads a
// texture when a text changes.

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
	img  *image.NRGBA
	used int
}

// get returns the image of p rendered w×h pixels at scale.
func (c *textImages) get(p *textPrim, w, h int, scale float32) *image.NRGBA {
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

// renderText renders p as Fyne's software painter draws a canvas.Text of
// p's size at its top left at scale, into an image w×h pixels.
func renderText(p *textPrim, w, h int, scale float32) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	if w <= 0 || h <= 0 || p.size.Width <= 0 {
		return out
	}
	t := canvas.NewText(p.text, p.col)
	t.TextSize, t.TextStyle = p.textSize, fyne.TextStyle{Bold: p.bold}
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(scale)
	c.SetContent(t)
	c.Resize(p.size)
	img := c.Capture()
	draw.Draw(out, out.Rect, img, img.Bounds().Min, draw.Src)
	return out
}

// textPool is a layer of texts painted as kept images.
type textPool struct {
	objs  []*textRaster
	shown int
}

// textRaster is one text of a layer: its raster and the text it shows.
type textRaster struct {
	raster *canvas.Raster
	prim   textPrim
	img    *image.NRGBA
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
		o := &textRaster{cache: cache}
		o.raster = canvas.NewRaster(o.generate)
		o.raster.Hide()
		p.objs = append(p.objs, o)
		grew = true
	}
	for i := range prims {
		o, n := p.objs[i], &prims[i]
		placeObject(o.raster, n.pos, n.size)
		if o.raster.Hidden || o.prim.text != n.text || o.prim.textSize != n.textSize || o.prim.bold != n.bold ||
			o.prim.col != n.col || o.prim.size != n.size {
			o.prim, o.img = *n, nil
			o.raster.Hidden = false
			o.raster.Refresh()
		}
		o.prim.pos = n.pos
	}
	for i := len(prims); i < p.shown; i++ {
		p.objs[i].raster.Hide()
	}
	p.shown = len(prims)
	return grew
}

// forget drops the layer's images, as a new theme may draw text in
// another font.
func (p *textPool) forget() {
	for _, o := range p.objs {
		o.img = nil
		o.raster.Refresh()
	}
}

func (p *textPool) appendTo(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.objs {
		objs = append(objs, o.raster)
	}
	return objs
}
