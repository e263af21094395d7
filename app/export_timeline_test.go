package app

import "fyne.io/fyne/v2/test"

// box is a rectangle the tests compare: a label, a marker or a cluster.
type box struct{ x, y, w, h float32 }

func (r box) overlaps(o box) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// lastFrame returns what the renderer's last layout drew.
func (t *Timeline) lastFrame() *timelineFrame {
	return &test.WidgetRenderer(t).(*timelineRenderer).layout.frame
}

// labelRects returns the boxes of the event labels and axis labels of the
// last layout. Tests use it to check that no two labels overlap.
func (t *Timeline) labelRects() (labels, axis []box) {
	f := t.lastFrame()
	for _, p := range f.labels {
		labels = append(labels, box{p.pos.X, p.pos.Y, p.size.Width, p.size.Height})
	}
	for _, p := range f.axis {
		axis = append(axis, box{p.pos.X, p.pos.Y, p.size.Width, p.size.Height})
	}
	return labels, axis
}

// markOf returns where the last layout drew an event's marker, or the
// cluster it was drawn in.
func (t *Timeline) markOf(id string) (box, hitKind, bool) {
	i, ok := t.byID.find(id)
	if !ok {
		return box{}, hitNone, false
	}
	f := t.lastFrame()
	for _, d := range f.drawn {
		if int(d.event) == i {
			h := f.hits[d.hit]
			return box{h.x0, h.y0, h.x1 - h.x0, h.y1 - h.y0}, h.kind, true
		}
	}
	// The histogram and the Undated column draw events outside f.drawn.
	for _, h := range f.hits {
		if int(h.event) == i && h.prio != prioLabel {
			return box{h.x0, h.y0, h.x1 - h.x0, h.y1 - h.y0}, h.kind, true
		}
	}
	return box{}, hitNone, false
}

// histogramTotal adds up the counts of the columns of lane li's histogram
// in the last frame's view.
func (t *Timeline) histogramTotal(li int) float64 {
	l := &test.WidgetRenderer(t).(*timelineRenderer).layout
	l.columnCounts(&t.lanes[li].count)
	total := 0.0
	for _, n := range l.cols {
		total += n
	}
	return total
}

// axisTicks returns where the last layout put the axis's ticks.
func (t *Timeline) axisTicks() []axisTick {
	return test.WidgetRenderer(t).(*timelineRenderer).layout.ticks
}

// lastLayoutStyle returns the colours and sizes the last layout drew with.
func (t *Timeline) lastLayoutStyle() *timelineStyle {
	return &test.WidgetRenderer(t).(*timelineRenderer).layout.style
}
