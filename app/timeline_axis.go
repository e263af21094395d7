package app

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// timeUnit is a step of the axis.
type timeUnit int

const (
	unitDay timeUnit = iota
	unitWeek
	unitMonth
	unitQuarter
	unitYear
	unit2Years
	unit5Years
	unitDecade
	unit20Years
	unit50Years
	unitCentury
	unit2Centuries
	unit5Centuries
	// unitMillennium is the coarsest: its labels fit the longest view.
	unitMillennium
)

func (u timeUnit) years() int {
	return [...]int{unitYear: 1, unit2Years: 2, unit5Years: 5, unitDecade: 10, unit20Years: 20, unit50Years: 50,
		unitCentury: 100, unit2Centuries: 200, unit5Centuries: 500, unitMillennium: 1000}[u]
}

// minSeconds is the shortest a step can be, for ruling a unit out quickly.
func (u timeUnit) minSeconds() float64 {
	switch u {
	case unitDay:
		return secondsPerDay
	case unitWeek:
		return 7 * secondsPerDay
	case unitMonth:
		return 28 * secondsPerDay
	case unitQuarter:
		return 89 * secondsPerDay
	}
	return float64(u.years()) * 365 * secondsPerDay
}

// sample is a label no longer than any of the unit's labels.
func (u timeUnit) sample() string {
	switch u {
	case unitDay, unitWeek:
		return "1 " + monthAbbr(time.January)
	case unitMonth:
		return monthAbbr(time.January)
	case unitQuarter:
		return quarterName(1)
	}
	return "2000"
}

// floor returns the start of the step that t falls in.
func (u timeUnit) floor(t time.Time) time.Time {
	y, m, d := t.Date()
	switch u {
	case unitDay:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	case unitWeek:
		day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		return day.AddDate(0, 0, -(int(day.Weekday())+6)%7) // weeks start on Monday
	case unitMonth:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case unitQuarter:
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	}
	n := u.years()
	y = int(math.Floor(float64(y)/float64(n))) * n
	return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
}

// next returns the start of the step after the one starting at t.
func (u timeUnit) next(t time.Time) time.Time {
	switch u {
	case unitDay:
		return t.AddDate(0, 0, 1)
	case unitWeek:
		return t.AddDate(0, 0, 7)
	case unitMonth:
		return t.AddDate(0, 1, 0)
	case unitQuarter:
		return t.AddDate(0, 3, 0)
	}
	return t.AddDate(u.years(), 0, 0)
}

// major reports whether a tick starts the next coarser period, whose
// gridline is drawn a little stronger.
func (u timeUnit) major(t time.Time) bool {
	switch u {
	case unitDay:
		return t.Day() == 1
	case unitWeek:
		return t.Day() <= 7
	case unitMonth, unitQuarter:
		return t.Month() == time.January
	}
	return true
}

// format writes an axis label; withYear adds the year for context.
func (u timeUnit) format(t time.Time, withYear bool) string {
	var s string
	switch u {
	case unitDay, unitWeek:
		s = strconv.Itoa(t.Day()) + " " + monthAbbr(t.Month())
	case unitMonth:
		s = monthAbbr(t.Month())
	case unitQuarter:
		s = quarterName(int(t.Month()-1)/3 + 1)
	default:
		return strconv.Itoa(t.Year())
	}
	if withYear {
		s += " " + strconv.Itoa(t.Year())
	}
	return s
}

// dayText writes the day s falls on, as the axis does.
func dayText(s float64, withYear bool) string {
	return unitDay.format(timeAtSeconds(s), withYear)
}

type axisTick struct {
	x     float32
	major bool
}

// buildAxis picks the finest calendar unit whose labels fit without
// touching, so the axis reads as finely as the zoom allows.
func (l *timelineLayout) buildAxis() {
	f, st := &l.frame, &l.style
	u := unitDay
	for ; u < unitMillennium && !l.tryAxis(u); u++ {
	}
	if u == unitMillennium {
		l.tryAxis(u) // millennia always fit within the longest span
	}
	f.axis = append(f.axis, l.try...)
	for _, tk := range l.ticks {
		f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(tk.x, f.axisH-6), size: fyne.NewSize(1, 6), fill: st.fgDim})
	}
}

// gridGap is where a grid line breaks to keep clear of a label.
type gridGap struct{ top, bottom float32 }

// buildGridLines draws each tick's line down the plot, broken where it
// would cross a label, so that no line strikes through text. It runs once
// the labels are placed.
func (l *timelineLayout) buildGridLines() {
	f, st := &l.frame, &l.style
	for _, tk := range l.ticks {
		col := st.grid
		if tk.major {
			col = st.gridMajor
		}
		l.gaps = l.gaps[:0]
		for i := range f.labels {
			p := &f.labels[i]
			if p.pos.X-labelPad < tk.x+1 && tk.x < p.pos.X+p.size.Width+labelPad {
				l.gaps = append(l.gaps, gridGap{p.pos.Y - 1, p.pos.Y + p.size.Height + 1})
			}
		}
		slices.SortFunc(l.gaps, func(a, b gridGap) int { return cmp.Compare(a.top, b.top) })
		y := f.axisH + 1
		for _, g := range l.gaps {
			if g.top > y {
				f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(tk.x, y), size: fyne.NewSize(1, g.top-y), fill: col})
			}
			y = max(y, g.bottom)
		}
		if bottom := f.size.Height - f.legendH; y < bottom {
			f.grid = append(f.grid, rectPrim{pos: fyne.NewPos(tk.x, y), size: fyne.NewSize(1, bottom-y), fill: col})
		}
	}
}

// tryAxis lays out the ticks and labels of one unit into l.try and
// l.ticks, reporting false if two tick labels would come closer than
// axisGap.
//
// The first label, in bold, names the period the view starts in with its
// year, like a sticky header, so the axis always says where it is even
// when no tick is in view. When the first tick is so near the left edge
// that its label would fall under that header, the tick's label, with its
// year and in bold, takes the header's place: no tick goes unlabelled.
// Later labels carry the year only where it changes.
func (l *timelineLayout) tryAxis(u timeUnit) bool {
	f, st := &l.frame, &l.style
	if u < unitMillennium && u.minSeconds()*f.pps < float64(l.text.size(l.text.str(strKey{kind: strAxisSample, unit: u}, u.sample), st.axisSize, false).Width+axisGap) {
		return false
	}
	l.try, l.ticks = l.try[:0], l.ticks[:0]
	sticky := u
	switch {
	case u == unitWeek:
		sticky = unitDay // the week's Monday would name a day before the view
	case u > unitYear:
		sticky = unitYear // "1990" for a view starting in 1993 would name a year before it
	}
	start := sticky.floor(timeAtSeconds(f.from))
	s := l.text.axisLabel(sticky, start, true)
	sz := l.text.size(s, st.axisSize, true)
	l.try = append(l.try, textPrim{pos: fyne.NewPos(f.plotLeft+3, 4), size: sz, text: s, textSize: st.axisSize, bold: true, col: st.fg})
	prevRight, prevYear := f.plotLeft+3+sz.Width, start.Year()

	tm := u.floor(timeAtSeconds(f.from))
	if unixSeconds(tm) < f.from {
		tm = u.next(tm)
	}
	for ; unixSeconds(tm) < f.to; tm = u.next(tm) {
		x := f.x(unixSeconds(tm))
		l.ticks = append(l.ticks, axisTick{x: x, major: u.major(tm)})
		s := l.text.axisLabel(u, tm, tm.Year() != prevYear)
		sz := l.text.size(s, st.axisSize, false)
		lx := x + 3
		switch {
		case lx+sz.Width > f.plotRight:
			continue
		case len(l.ticks) == 1 && lx < prevRight+axisGap:
			s = l.text.axisLabel(u, tm, true)
			sz = l.text.size(s, st.axisSize, true)
			if lx+sz.Width > f.plotRight {
				continue
			}
			l.try[0] = textPrim{pos: fyne.NewPos(lx, 4), size: sz, text: s, textSize: st.axisSize, bold: true, col: st.fg}
			prevRight, prevYear = lx+sz.Width, tm.Year()
			continue
		case lx < prevRight+axisGap:
			return false
		}
		l.try = append(l.try, textPrim{pos: fyne.NewPos(lx, 4), size: sz, text: s, textSize: st.axisSize, col: st.fg})
		prevRight, prevYear = lx+sz.Width, tm.Year()
	}
	return true
}

// quarterName names a quarter of the year on the axis: "Q1", "T1".
func quarterName(n int) string { return lang.L("Q{{.N}}", map[string]any{"N": n}) }
