package app

import (
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// runStyle is how a run of a passage is drawn.
type runStyle uint8

const (
	runPlain runStyle = iota
	runDim            // the words around a quote
	runQuote          // the quoted words: bold, on a highlighter mark
)

// textRun is a run of a passage in one style.
type textRun struct {
	text  string
	style runStyle
}

// passageText is a paragraph of styled runs wrapped at words, the quote
// drawn bold on a highlighter mark. It stands in for a rich text with
// several segments, which Fyne 2.7 wraps one letter per line where a
// segment begins at the very end of a line (fixed upstream in fyne-io/fyne
// #6200, not in a release served here).
type passageText struct {
	widget.BaseWidget
	runs []textRun

	// quoteY is where the first line holding the quote begins, from the
	// top, as last laid out; hasQuote says whether it holds one.
	quoteY   float32
	hasQuote bool
}

func newPassageText(runs ...textRun) *passageText {
	p := &passageText{runs: runs}
	p.ExtendBaseWidget(p)
	return p
}

// String is the passage's text.
func (p *passageText) String() string {
	var b strings.Builder
	for _, r := range p.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// CreateRenderer lays the words out.
func (p *passageText) CreateRenderer() fyne.WidgetRenderer {
	return &passageRenderer{p: p, width: -1}
}

// word is a word and the spaces after it, in one style; w is its width
// and ink its width without the spaces, which may hang past a line's end.
type word struct {
	text   string
	style  runStyle
	w, ink float32
}

type passageRenderer struct {
	p      *passageText
	words  []word
	runs   []textRun // the runs words were made from
	texts  []*canvas.Text
	marks  []*canvas.Rectangle
	objs   []fyne.CanvasObject
	height float32 // as laid out at width; -1 width: measure again
	width  float32
}

func (r *passageRenderer) Destroy() {}

func (r *passageRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *passageRenderer) Refresh() {
	r.width = -1 // the theme or the runs may have changed
	r.Layout(r.p.Size())
	canvas.Refresh(r.p)
}

// MinSize is a word wide, so the passage can narrow with its pane, and as
// high as the lines it took at the width it was last given.
func (r *passageRenderer) MinSize() fyne.Size {
	pad := theme.InnerPadding()
	if r.height == 0 {
		return fyne.NewSize(2*pad, 2*pad+r.lineHeight())
	}
	return fyne.NewSize(2*pad, r.height)
}

func (r *passageRenderer) lineHeight() float32 {
	return fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
}

// Layout puts the words in lines no wider than size, merging the words of
// one style on a line into one text, with a highlighter mark behind quoted
// words.
func (r *passageRenderer) Layout(size fyne.Size) {
	r.measure()
	pad := theme.InnerPadding()
	width := size.Width - 2*pad
	lineH := r.lineHeight()
	r.objs = r.objs[:0]
	nt, nm := 0, 0
	x, y := float32(0), pad
	var cur *canvas.Text
	var curStyle runStyle
	var curMark *canvas.Rectangle
	r.p.hasQuote = false
	for _, w := range r.words {
		if x > 0 && x+w.ink > width {
			x, y = 0, y+lineH
			cur, curMark = nil, nil
		}
		if cur == nil || curStyle != w.style {
			if nt == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", nil))
			}
			cur, curStyle = r.texts[nt], w.style
			nt++
			cur.Text, cur.TextSize, cur.TextStyle, cur.Color = "", theme.TextSize(), w.style.textStyle(), w.style.color()
			cur.Move(fyne.NewPos(pad+x, y))
			curMark = nil
			if w.style == runQuote {
				if nm == len(r.marks) {
					r.marks = append(r.marks, canvas.NewRectangle(nil))
				}
				curMark = r.marks[nm]
				nm++
				curMark.FillColor = theme.Color(theme.ColorNameSelection)
				curMark.CornerRadius = 2
				curMark.Move(fyne.NewPos(pad+x-1, y))
				r.objs = append(r.objs, curMark)
				if !r.p.hasQuote {
					r.p.quoteY, r.p.hasQuote = y, true
				}
			}
			r.objs = append(r.objs, cur)
		}
		cur.Text += w.text
		cur.Resize(cur.MinSize())
		if curMark != nil {
			// The mark covers the words, not the spaces after the last.
			curMark.Resize(fyne.NewSize(x+w.ink-(curMark.Position().X-pad)+1, lineH-theme.LineSpacing()))
		}
		x += w.w
	}
	r.height = y + lineH + pad
	if len(r.words) == 0 {
		r.height = 2*pad + lineH
	}
	r.width = size.Width
}

// measure splits the runs into words and measures them, when they changed.
// Whitespace is collapsed to single spaces, each kept with the word before
// it, so that a line never starts with one.
func (r *passageRenderer) measure() {
	if r.width >= 0 && sameRuns(r.runs, r.p.runs) {
		return
	}
	r.runs = append(r.runs[:0], r.p.runs...)
	r.words = r.words[:0]
	for _, run := range r.p.runs {
		fields := strings.Fields(run.text)
		if len(fields) == 0 || startsWithSpace(run.text) {
			r.spaceAfterLast(run.text)
		}
		for i, f := range fields {
			if i < len(fields)-1 || endsWithSpace(run.text) {
				f += " "
			}
			r.words = append(r.words, word{text: f, style: run.style})
		}
	}
	size := theme.TextSize()
	for i := range r.words {
		w := &r.words[i]
		w.w = fyne.MeasureText(w.text, size, w.style.textStyle()).Width
		w.ink = fyne.MeasureText(strings.TrimRight(w.text, " "), size, w.style.textStyle()).Width
	}
}

// spaceAfterLast gives the last word a space after it, if s holds any and
// the word has none.
func (r *passageRenderer) spaceAfterLast(s string) {
	if n := len(r.words); n > 0 && strings.TrimSpace(s) != s && !strings.HasSuffix(r.words[n-1].text, " ") {
		r.words[n-1].text += " "
	}
}

func startsWithSpace(s string) bool { return strings.TrimLeftFunc(s, unicode.IsSpace) != s }

func endsWithSpace(s string) bool { return strings.TrimRightFunc(s, unicode.IsSpace) != s }

func sameRuns(a, b []textRun) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (s runStyle) textStyle() fyne.TextStyle {
	return fyne.TextStyle{Bold: s == runQuote}
}

// color is the run's colour.
func (s runStyle) color() color.Color {
	if s == runDim {
		return theme.Color(theme.ColorNamePlaceHolder)
	}
	return theme.Color(theme.ColorNameForeground)
}
