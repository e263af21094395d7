package app

import (
	"image/color"
	"sort"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pieceStyle is how a run of a result row is drawn.
type pieceStyle uint8

const (
	piecePlain   pieceStyle = iota
	pieceMatch              // the characters the query matched
	pieceDim                // context: snippets, canonical names
	pieceHeading            // a group's heading
)

// rowPiece is a run of a result row's text in one style.
type rowPiece struct {
	text  string
	style pieceStyle
	// capped runs take at most titleShare of the row, so that what
	// follows them (a passage after its document's title) shows too.
	capped bool
}

// A capped run takes at most titleShare of the row, or minTitleWidth
// where that is more, so that a narrow row still tells its hits apart.
const (
	titleShare    = 0.45
	minTitleWidth = 170
)

// resultItem is one row of the results list: styled runs on one line, cut
// with an ellipsis where the row ends. It opens its hit when tapped.
type resultItem struct {
	widget.BaseWidget
	pieces []rowPiece
	row    int
	onTap  func(row int)
}

var _ fyne.Tappable = (*resultItem)(nil)

func newResultItem(onTap func(int)) *resultItem {
	it := &resultItem{onTap: onTap}
	it.ExtendBaseWidget(it)
	return it
}

// Tapped opens the row's hit.
func (it *resultItem) Tapped(*fyne.PointEvent) { it.onTap(it.row) }

func (it *resultItem) setPieces(p []rowPiece) {
	it.pieces = p
	it.Refresh()
}

// CreateRenderer draws the runs as texts.
func (it *resultItem) CreateRenderer() fyne.WidgetRenderer {
	return &resultItemRenderer{item: it}
}

type resultItemRenderer struct {
	item  *resultItem
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *resultItemRenderer) Destroy() {}

func (r *resultItemRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *resultItemRenderer) MinSize() fyne.Size {
	size := theme.TextSize()
	h := fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height
	pad := theme.InnerPadding()
	return fyne.NewSize(pad*2, h+pad*2)
}

func (r *resultItemRenderer) Refresh() {
	r.Layout(r.item.Size())
	canvas.Refresh(r.item)
}

// Layout sets the runs side by side and cuts the row at the last word that
// fits, with an ellipsis; runs after the cut are not drawn.
func (r *resultItemRenderer) Layout(size fyne.Size) {
	pieces := r.item.pieces
	for len(r.texts) < len(pieces)+1 {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	pad := theme.InnerPadding()
	// The list's scroll bar is drawn over the right of its rows.
	x, right := pad, size.Width-pad-theme.ScrollBarSize()
	r.objs = r.objs[:0]
	for i, p := range pieces {
		t := r.texts[i]
		t.Text, t.TextSize, t.TextStyle, t.Color = p.text, theme.TextSize(), p.style.textStyle(), p.style.color()
		if p.style == pieceHeading {
			t.TextSize = theme.CaptionTextSize()
		}
		limit := right
		if p.capped {
			limit = min(right, x+max((right-pad)*titleShare, minTitleWidth))
		}
		over := x+t.MinSize().Width > limit
		cut := over && !p.capped
		if over {
			fitted, ok := fitText(p.text, limit-x, t.TextSize, t.TextStyle, i == 0)
			if !ok {
				// No word of this run fits: end the row after the run before.
				t = r.texts[len(pieces)]
				r.place(r.objs[len(r.objs)-1].(*canvas.Text), trimEnd)
				t.Text, t.TextSize, t.TextStyle, t.Color = "…", theme.TextSize(), fyne.TextStyle{}, pieceDim.color()
				x = r.objs[len(r.objs)-1].Position().X + r.objs[len(r.objs)-1].Size().Width
			} else {
				t.Text = fitted
			}
		}
		t.Move(fyne.NewPos(x, (size.Height-t.MinSize().Height)/2))
		r.place(t, nil)
		r.objs = append(r.objs, t)
		x += t.Size().Width
		if cut {
			break
		}
	}
}

// place sizes t to its text, after trimming it with trim.
func (r *resultItemRenderer) place(t *canvas.Text, trim func(string) string) {
	if trim != nil {
		t.Text = trim(t.Text)
	}
	t.Resize(t.MinSize())
}

// trimEnd drops the separators a cut row should not end with.
func trimEnd(s string) string { return strings.TrimRight(s, " —,;:→…") }

// fitText is the longest start of s that ends at a word, with an ellipsis,
// at most width wide. When no word fits, ok is false, unless s is the
// row's first run (first), which is then cut inside its first word.
//
// It measures only starts that end before a space, halving those: a
// measure shapes the text anew, and a row of a broad search's list cuts
// a title a dozen words long, where halving every rune count took twice
// the measures (typing "l" into 100,000 events).
func fitText(s string, width, size float32, style fyne.TextStyle, first bool) (fitted string, ok bool) {
	runes := []rune(s)
	fits := func(n int) bool {
		return fyne.MeasureText(string(runes[:n])+"…", size, style).Width <= width
	}
	var ends []int // the starts that end at a word: before a space, or all
	for i := 1; i < len(runes); i++ {
		if unicode.IsSpace(runes[i]) {
			ends = append(ends, i)
		}
	}
	ends = append(ends, len(runes))
	// The most ends that fit, as sort.Search's first that does not.
	k := sort.Search(len(ends), func(i int) bool { return !fits(ends[i]) })
	switch {
	case k > 0:
		return trimEnd(string(runes[:ends[k-1]])) + "…", true
	case !first:
		return "", false
	}
	lo, hi := 0, ends[0]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fits(mid) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return trimEnd(string(runes[:lo])) + "…", true
}

func (s pieceStyle) textStyle() fyne.TextStyle {
	return fyne.TextStyle{Bold: s == pieceMatch || s == pieceHeading}
}

func (s pieceStyle) color() color.Color {
	switch s {
	case pieceMatch:
		return theme.Color(theme.ColorNamePrimary)
	case pieceDim, pieceHeading:
		return theme.Color(theme.ColorNamePlaceHolder)
	}
	return theme.Color(theme.ColorNameForeground)
}
