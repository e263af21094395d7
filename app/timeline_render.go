package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// timelineRenderer turns the layout's frame into pooled canvas objects.
type timelineRenderer struct {
	t      *Timeline
	layout timelineLayout

	bg, grid, bands, ranges, ticks, outlines, focus, tipBox objectPool[*canvas.Rectangle, rectPrim]
	fades                                                   objectPool[*canvas.LinearGradient, fadePrim]
	rings, badges                                           objectPool[*canvas.Circle, circlePrim]
	counts, labels, axis, names, tipText, badgeText         textPool
	// texts keeps the text layers' images (timeline_textimg.go).
	texts textImages

	// hists paint the columns of the coverage strip and the lanes'
	// histograms (timelineFrame.bars and hist) in tiles; the first
	// histShown are in use. The strip's hundreds of columns, drawn as
	// rectangles, were as many draws in every frame.
	hists       []*histTile
	histShown   int
	histScratch histScratch
	columns     []rectPrim
	// clusters paint the clusters' cards, one image per cluster, chips
	// the rounded patches under labels and dots the events' dots, one
	// image each, kept between frames (timeline_cards.go).
	clusters, chips stackPool[rectPrim]
	dots            stackPool[circlePrim]

	objects []fyne.CanvasObject
}

func (r *timelineRenderer) Destroy() {}

// Layout lays the timeline out for size and moves the pooled objects into
// place, creating objects only when a layer needs more than ever before.
func (r *timelineRenderer) Layout(size fyne.Size) {
	r.layout.build(size)
	if size.Width < 1 || size.Height < 1 {
		return
	}
	f := &r.layout.frame
	r.texts.sweep(4*(len(f.counts)+len(f.labels)+len(f.axis)+len(f.names)+len(f.tipText)+len(f.badgeText)) + 64)
	grew := r.bg.sync(f.bg, applyRect)
	grew = r.grid.sync(f.grid, applyRect) || grew
	r.columns = append(append(r.columns[:0], f.bars...), f.hist...)
	grew = r.syncHistograms(r.columns) || grew
	grew = r.bands.sync(f.bands, applyRect) || grew
	grew = r.ranges.sync(f.ranges, applyRect) || grew
	grew = r.fades.sync(f.fades, applyFade) || grew
	grew = r.clusters.sync(f.clusters) || grew
	grew = r.dots.sync(f.dots) || grew
	grew = r.ticks.sync(f.ticks, applyRect) || grew
	grew = r.badges.sync(f.badges, applyCircle) || grew
	grew = r.badgeText.sync(f.badgeText, &r.texts) || grew
	grew = r.counts.sync(f.counts, &r.texts) || grew
	grew = r.chips.sync(f.chips) || grew
	grew = r.labels.sync(f.labels, &r.texts) || grew
	grew = r.axis.sync(f.axis, &r.texts) || grew
	grew = r.names.sync(f.names, &r.texts) || grew
	grew = r.outlines.sync(f.outlines, applyRect) || grew
	grew = r.rings.sync(f.rings, applyCircle) || grew
	grew = r.focus.sync(f.focus, applyRect) || grew
	grew = r.tipBox.sync(f.tipBox, applyRect) || grew
	grew = r.tipText.sync(f.tipText, &r.texts) || grew
	if grew {
		r.collect()
	}
}

// MinSize does not depend on the events: the timeline summarises more
// events rather than growing.
func (r *timelineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(360, 200)
}

func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

func (r *timelineRenderer) Refresh() {
	r.layout.refreshStyle()
	// A new theme may draw text in other fonts: render the texts again.
	if fonts := [2]string{theme.TextFont().Name(), theme.TextBoldFont().Name()}; fonts != r.texts.fonts {
		r.texts.fonts = fonts
		clear(r.texts.imgs)
		for _, p := range []*textPool{&r.counts, &r.labels, &r.axis, &r.names, &r.tipText, &r.badgeText} {
			p.forget()
		}
	}
	r.Layout(r.t.Size())
}

// collect lists the pooled objects bottom layer first.
func (r *timelineRenderer) collect() {
	r.objects = r.objects[:0]
	r.objects = r.bg.appendTo(r.objects)
	r.objects = r.grid.appendTo(r.objects)
	for _, h := range r.hists {
		r.objects = append(r.objects, h.raster)
	}
	r.objects = r.bands.appendTo(r.objects)
	r.objects = r.ranges.appendTo(r.objects)
	r.objects = r.fades.appendTo(r.objects)
	r.objects = r.clusters.appendTo(r.objects)
	r.objects = r.dots.appendTo(r.objects)
	r.objects = r.ticks.appendTo(r.objects)
	r.objects = r.badges.appendTo(r.objects)
	r.objects = r.badgeText.appendTo(r.objects)
	r.objects = r.counts.appendTo(r.objects)
	r.objects = r.chips.appendTo(r.objects)
	r.objects = r.labels.appendTo(r.objects)
	r.objects = r.axis.appendTo(r.objects)
	r.objects = r.names.appendTo(r.objects)
	r.objects = r.outlines.appendTo(r.objects)
	r.objects = r.rings.appendTo(r.objects)
	r.objects = r.focus.appendTo(r.objects)
	r.objects = r.tipBox.appendTo(r.objects)
	r.objects = r.tipText.appendTo(r.objects)
}

// objectPool keeps the canvas objects of one layer; objects past those in
// use are hidden rather than freed.
type objectPool[O fyne.CanvasObject, P any] struct {
	objs  []O
	shown int
}

// sync shows one object per primitive, reporting whether it had to create
// objects, which changes the renderer's object list.
func (p *objectPool[O, P]) sync(prims []P, apply func(*O, *P)) (grew bool) {
	for len(p.objs) < len(prims) {
		var o O
		p.objs = append(p.objs, o)
		grew = true
	}
	for i := range prims {
		apply(&p.objs[i], &prims[i])
	}
	for i := len(prims); i < p.shown; i++ {
		p.objs[i].Hide()
	}
	p.shown = len(prims)
	return grew
}

func (p *objectPool[O, P]) appendTo(objs []fyne.CanvasObject) []fyne.CanvasObject {
	for _, o := range p.objs {
		objs = append(objs, o)
	}
	return objs
}

func applyRect(o **canvas.Rectangle, p *rectPrim) {
	if *o == nil {
		*o = &canvas.Rectangle{}
	}
	r := *o
	placeObject(r, p.pos, p.size)
	// A corner radius of 0 means the rectangle's CornerRadius: a flat side
	// takes 0 from a CornerRadius of 0, the others their own radius.
	radius, left, right := p.radius, float32(0), float32(0)
	if p.flat != 0 {
		radius = 0
		if p.flat&flatLeft == 0 {
			left = p.radius
		}
		if p.flat&flatRight == 0 {
			right = p.radius
		}
	}
	if r.Hidden || r.FillColor != p.fill || r.StrokeColor != p.stroke || r.StrokeWidth != p.strokeW || r.CornerRadius != radius ||
		r.TopLeftCornerRadius != left || r.TopRightCornerRadius != right {
		r.Hidden = false
		r.FillColor, r.StrokeColor, r.StrokeWidth, r.CornerRadius = p.fill, p.stroke, p.strokeW, radius
		r.TopLeftCornerRadius, r.BottomLeftCornerRadius = left, left
		r.TopRightCornerRadius, r.BottomRightCornerRadius = right, right
		r.Refresh()
	}
}

func applyFade(o **canvas.LinearGradient, p *fadePrim) {
	if *o == nil {
		*o = canvas.NewHorizontalGradient(p.start, p.end)
	}
	g := *o
	placeObject(g, p.pos, p.size)
	if g.Hidden || g.StartColor != p.start || g.EndColor != p.end {
		g.Hidden = false
		g.StartColor, g.EndColor = p.start, p.end
		g.Refresh()
	}
}

func applyCircle(o **canvas.Circle, p *circlePrim) {
	if *o == nil {
		*o = &canvas.Circle{}
	}
	c := *o
	placeObject(c, p.pos, p.size)
	if c.Hidden || c.FillColor != p.fill || c.StrokeColor != p.stroke || c.StrokeWidth != p.strokeW {
		c.Hidden = false
		c.FillColor, c.StrokeColor, c.StrokeWidth = p.fill, p.stroke, p.strokeW
		c.Refresh()
	}
}

func placeObject(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) {
	if o.Size() != size {
		o.Resize(size)
	}
	if o.Position() != pos {
		o.Move(pos)
	}
}
