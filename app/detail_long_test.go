package app

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// A document of 200,000 lines (an import of a million took minutes to
// show: a widget a paragraph, the pane laid out again for each) shows
// maxParagraphs of them around the passage, and says so.
func TestDetail_LongDocumentShowsPart(t *testing.T) {
	v, _, c := newFakeWindow(t)
	var b strings.Builder
	for i := range 200_000 {
		fmt.Fprintf(&b, "Line %d of a very long document.\n", i)
	}
	text := b.String()
	c.docs["wire"].Text = text
	quote := "Line 150000 of a very long document."
	start := utf8.RuneCountInString(text[:strings.Index(text, quote)])
	v.detail.ShowDocument("wire", start, start+utf8.RuneCountInString(quote))
	v.bg.runResults()

	if v.detail.passage == nil {
		t.Fatal("no highlighted passage")
	}
	var lines []string
	for _, l := range quoteLines(t, v.detail.passage) {
		lines = append(lines, l.Text)
	}
	if got := strings.Join(lines, " "); !strings.Contains(got, quote) {
		t.Errorf("the passage highlighted is %q, want %q", got, quote)
	}
	var paras int
	var said bool
	deepWalk(v.detail.scroll.Content, func(o fyne.CanvasObject) {
		rt, ok := o.(*widget.RichText)
		if !ok {
			return
		}
		text := rt.String()
		if strings.HasPrefix(text, "Line ") {
			paras++
		}
		if strings.Contains(text, "paragraphs 149,001 to 151,000 of 200,000 are shown") {
			said = true
		}
	})
	if paras > maxParagraphs || paras < maxParagraphs-1 {
		t.Errorf("%d paragraphs shown, want %d", paras, maxParagraphs)
	}
	if !said {
		t.Error("the pane does not say which paragraphs it shows")
	}
}
