package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// A quote in its paragraph wraps at words at every width: no line holds
// part of a word, and the quote's words are drawn bold on a mark.
func TestPassageText_WrapsAtWords(t *testing.T) {
	test.NewTempApp(t)
	const text = `AMLO has since supported the former president by granting asylum to his wife and children and denouncing that he was a victim of an oligarchy-led coup. "There was no legal basis for imprisoning Castillo. Behind his case, there is a class-based, racist attitude."`
	const quote = "There was no legal basis for imprisoning Castillo."
	start := utf8.RuneCountInString(text[:strings.Index(text, quote)])
	runs := passageRuns(text, start, start+utf8.RuneCountInString(quote))
	words := map[string]bool{}
	for _, r := range runs {
		for _, w := range strings.Fields(r.text) {
			words[w] = true
		}
	}
	p := newPassageText(runs...)
	w := test.NewWindow(p)
	defer w.Close()
	for width := float32(120); width <= 900; width += 3 {
		w.Resize(fyne.NewSize(width, 600))
		p.Resize(fyne.NewSize(width, p.MinSize().Height))
		bold := ""
		for _, o := range test.WidgetRenderer(p).Objects() {
			txt, ok := o.(*canvas.Text)
			if !ok {
				continue
			}
			for _, f := range strings.Fields(txt.Text) {
				if !words[f] {
					t.Fatalf("at width %v a line holds %q, not a word of the passage (text %q)", width, f, txt.Text)
				}
			}
			if txt.TextStyle.Bold {
				bold += txt.Text
			}
			if txt.Position().X+txt.MinSize().Width > width+1 && len(strings.Fields(txt.Text)) > 1 {
				t.Errorf("at width %v %q runs past the edge", width, txt.Text)
			}
		}
		if got, want := strings.TrimSpace(bold), quote; got != want {
			t.Fatalf("at width %v the bold words are %q, want %q", width, got, want)
		}
	}
}
