package app

import (
	"fmt"
	"image/color"
	"strings"
	"testing"
	"time"

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
			for _, c := range []color.Color{st.onChip, st.onChipDim} {
				if r := contrastRatio(c, st.chip); r < contrastText {
					t.Errorf("the selected label on its chip: contrast %.2f:1, want %.1f:1", r, contrastText)
				}
			}
			check("coverage strip", st.coverage, contrastMark)
			for i, ls := range append(st.lanes[:], st.legend) {
				lane := fmt.Sprintf("lane colour %d", i)
				if i == len(st.lanes) {
					lane = "the legend's grey"
				}
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
				// The default themes write labels in bands; a theme where no
				// colour would read writes them beside.
				if th.theme == theme.DefaultTheme() && (ls.onBand == nil || ls.onBandDim == nil) {
					t.Errorf("%s: no labels in bands", lane)
				}
				for _, c := range []struct {
					text, band color.Color
				}{{ls.onBand, ls.band}, {ls.onBandDim, ls.bandDim}} {
					for _, under := range bgs.under(c.band) {
						if r := contrastRatio(c.text, under); c.text != nil && r < contrastText {
							t.Errorf("%s: labels in bands %.2f:1 with %v, want %.1f:1", lane, r, under, contrastText)
						}
					}
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
	test.ApplyTheme(t, newAppTheme(ThemeLight))
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

// TestTimeline_LabelContrast checks every label the timeline draws
// against what is drawn under it, in the light and dark themes and the
// test theme: labels inside bands and bars, in their cores too, dimmed by
// a search or not, and the selected label on its chip, dimmed or not, all
// keep WCAG's 4.5:1 for text.
func TestTimeline_LabelContrast(t *testing.T) {
	themes := []struct {
		name  string
		theme fyne.Theme
	}{
		{"light", newAppTheme(ThemeLight)},
		{"dark", newAppTheme(ThemeDark)},
		{"test", test.NewTheme()},
		{"goldens'", test.Theme()},
	}
	views := []struct {
		name     string
		mode     LaneMode
		from, to time.Time
		selected string
		lit      []string
	}{
		{"December", LanesByGroup, day(2022, 12, 1), day(2023, 1, 1), "ev-self-coup", nil},
		{"December, searched", LanesByGroup, day(2022, 12, 1), day(2023, 1, 1), "ev-self-coup", []string{"ev-ayacucho", "ev-inflation"}},
		{"December, a band selected", LanesByGroup, day(2022, 12, 1), day(2023, 1, 1), "ev-inflation", []string{"ev-emergency"}},
		{"November, by category", LanesByCategory, day(2022, 11, 1), day(2022, 12, 1), "ev-pacific-alliance", []string{"ev-oas-mission"}},
		{"early 2023, searched", LanesByGroup, day(2023, 1, 1), day(2023, 3, 1), "ev-juliaca", []string{"ev-relations"}},
		{"June, a bar selected", LanesByGroup, day(2022, 6, 1), day(2022, 6, 15), "ev-summit-americas", []string{"ev-amlo-boycott"}},
		{"December, spans that fade", LanesByGroup, day(2022, 11, 26), day(2023, 1, 1), "ev-strike", nil},
		{"December, spans that fade, searched", LanesByGroup, day(2022, 11, 26), day(2023, 1, 1), "ev-roadblocks", []string{"ev-strike", "ev-asylum-granted"}},
	}
	for _, th := range themes {
		for _, v := range views {
			t.Run(th.name+"/"+v.name, func(t *testing.T) {
				evs := fixtureEvents()
				if strings.HasPrefix(v.name, "December, spans") {
					evs = datingEvents()
				}
				tl, _ := newTestTimeline(t, evs)
				test.ApplyTheme(t, th.theme)
				tl.SetLaneMode(v.mode)
				tl.SetView(v.from, v.to)
				tl.Select(v.selected)
				if v.lit != nil {
					lit := map[string]bool{}
					for _, id := range v.lit {
						lit[id] = true
					}
					tl.SetHighlight(lit)
				}
				for _, l := range tl.lastFrame().labels {
					y := l.pos.Y + l.size.Height/2
					for x := l.pos.X + 1; x < l.pos.X+l.size.Width; x += 2 {
						under := colourUnder(tl, fyne.NewPos(x, y))
						if c := contrastRatio(l.col, under); c < contrastText {
							t.Errorf("label %q at x %v: contrast %.2f:1 with %v under it, want %.1f:1", l.text, x, c, under, contrastText)
							break
						}
					}
				}
			})
		}
	}
}

// colourUnder composites what the last frame draws under p, bottom layer
// first as the renderer stacks them, up to the labels: the background and
// stripes, histogram columns, bands, bars and their fades, clusters and
// chips.
func colourUnder(tl *Timeline, p fyne.Position) color.NRGBA {
	f := tl.lastFrame()
	c := opaque(tl.lastLayoutStyle().bg)
	in := func(pos fyne.Position, size fyne.Size) bool {
		return p.X >= pos.X && p.X < pos.X+size.Width && p.Y >= pos.Y && p.Y < pos.Y+size.Height
	}
	rects := func(layer []rectPrim) {
		for _, r := range layer {
			if r.fill != nil && in(r.pos, r.size) {
				c = over(r.fill, c)
			}
		}
	}
	rects(f.bg)
	rects(f.bars)
	rects(f.hist)
	rects(f.bands)
	rects(f.ranges)
	for _, g := range f.fades {
		if in(g.pos, g.size) {
			start, end := color.NRGBAModel.Convert(g.start).(color.NRGBA), color.NRGBAModel.Convert(g.end).(color.NRGBA)
			c = over(lerpNRGBA(start, end, float64((p.X-g.pos.X)/g.size.Width)), c)
		}
	}
	rects(f.clusters)
	rects(f.chips)
	return c
}
