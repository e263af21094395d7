package app

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// TestTimelineStyle_Contrast checks every lane colour in every state, and
// the dimmed text, against the background, plain and striped, in the
// light and dark themes and the test theme, at the thresholds
// timeline_style.go documents.
func TestTimelineStyle_Contrast(t *testing.T) {
	themes := []struct {
		name    string
		theme   fyne.Theme
		variant fyne.ThemeVariant
	}{
		{"light", theme.DefaultTheme(), theme.VariantLight},
		{"dark", theme.DefaultTheme(), theme.VariantDark},
		{"test", test.NewTheme(), theme.VariantDark},
	}
	for _, th := range themes {
		t.Run(th.name, func(t *testing.T) {
			st := newTimelineStyle(th.theme, th.variant)
			bg := opaque(st.bg)
			bgs := backgrounds{bg, over(st.stripe, bg)}
			check := func(what string, c color.Color, want float64) {
				t.Helper()
				if got := bgs.contrast(c); got < want {
					t.Errorf("%s: contrast %.2f:1 with the background, want at least %.1f:1", what, got, want)
				}
			}
			check("dimmed text", st.fgDim, contrastText)
			check("coverage strip", st.coverage, contrastMark)
			for i, ls := range st.lanes {
				lane := fmt.Sprintf("lane colour %d", i)
				check(lane+" (markers and name)", ls.solid, contrastText)
				check(lane+" dimmed", ls.dim, contrastMark)
				check(lane+" band", ls.band, contrastArea)
				check(lane+" dimmed band", ls.bandDim, contrastDimArea)
				check(lane+" histogram", ls.hist, contrastMark)
				check(lane+" histogram under a search", ls.histDim, contrastDimArea)
				if r := contrastRatio(ls.on, ls.solid); r < contrastText {
					t.Errorf("%s: counts on markers %.2f:1, want %.1f:1", lane, r, contrastText)
				}
				if r := contrastRatio(ls.onDim, ls.dim); r < contrastText {
					t.Errorf("%s: counts on dimmed markers %.2f:1, want %.1f:1", lane, r, contrastText)
				}
				// A match must stand out from what a search dims.
				if r := contrastRatio(ls.solid, ls.dim); r < 1.4 {
					t.Errorf("%s: markers and dimmed markers differ by %.2f:1 only", lane, r)
				}
				if r := contrastRatio(ls.solid, over(ls.histDim, bg)); r < contrastMark {
					t.Errorf("%s: matches on a histogram stand out by %.2f:1 only", lane, r)
				}
			}
		})
	}
}

// TestTimeline_LightTheme checks that the widget draws with the light
// theme's colours once the app is in the light theme: a dimmed marker
// is as legible there as in the dark one.
func TestTimeline_LightTheme(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	test.ApplyTheme(t, fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	tl.SetView(day(2022, 12, 1), day(2023, 1, 1))
	tl.SetHighlight(map[string]bool{"ev-ayacucho": true})

	r, _, _ := tl.markOf("ev-amlo-asylum")
	var fill color.Color
	for _, d := range tl.lastFrame().dots {
		if d.pos.X == r.x && d.pos.Y == r.y {
			fill = d.fill
		}
	}
	white := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	if fill == nil {
		t.Fatal("the dimmed marker is not drawn")
	}
	if c := contrastRatio(over(fill, white), white); c < contrastMark {
		t.Errorf("a dimmed marker on the light background: contrast %.2f:1, want %.1f:1", c, contrastMark)
	}
}

func TestContrastRatio(t *testing.T) {
	tests := []struct {
		a, b color.Color
		want float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}, color.White, 4.54}, // the grey WCAG examples give for AA
	}
	for _, tc := range tests {
		if got := contrastRatio(tc.a, tc.b); got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("contrastRatio(%v, %v) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}
