package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Secondary text keeps 4.5:1 against every background it is drawn on, in
// both variants; Fyne's own light placeholder and warning colours do not.
func TestAppTheme_Contrast(t *testing.T) {
	th := appTheme{Theme: theme.DefaultTheme()}
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, fg := range []fyne.ThemeColorName{theme.ColorNamePlaceHolder, theme.ColorNameWarning} {
			for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground} {
				if r := contrastRatio(th.Color(fg, v), th.Color(bg, v)); r < minTextContrast {
					t.Errorf("variant %d: %s on %s is %.1f:1, want 4.5:1", v, fg, bg, r)
				}
			}
		}
	}
}

// Whichever theme is chosen, and whatever the system's variant, the
// timeline draws on that theme's background with lane colours and status
// badges legible on it: 4.5:1 for markers, lane names and the badges'
// glyphs, which are text, and 3:1 for dimmed markers and dimmed badges.
func TestAppTheme_LanesAndStatusesReadable(t *testing.T) {
	for _, c := range []ThemeChoice{ThemeLight, ThemeDark} {
		for _, system := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			th := newAppTheme(c)
			st := newTimelineStyle(th, system)
			want := theme.DefaultTheme().Color(theme.ColorNameBackground, th.variant)
			if contrastRatio(st.bg, want) != 1 {
				t.Errorf("%s on a %d system: background %v, want %v", c, system, st.bg, want)
			}
			bg := opaque(st.bg)
			bgs := backgrounds{bg, over(st.stripe, bg)}
			for i, ls := range st.lanes {
				if r := bgs.contrast(ls.solid); r < contrastText {
					t.Errorf("%s: lane %d %.2f:1, want %.1f:1", c, i, r, contrastText)
				}
				if r := bgs.contrast(ls.dim); r < contrastMark {
					t.Errorf("%s: lane %d dimmed %.2f:1, want %.1f:1", c, i, r, contrastMark)
				}
			}
			// A badge is a chip of fg (fgDim when dimmed) outlined and
			// written in bg.
			for _, chip := range []struct {
				name string
				fill color.Color
				want float64
			}{{"badge", st.fg, contrastText}, {"dimmed badge", st.fgDim, contrastMark}} {
				if r := bgs.contrast(chip.fill); r < chip.want {
					t.Errorf("%s: %s on the background %.2f:1, want %.1f:1", c, chip.name, r, chip.want)
				}
				if r := contrastRatio(st.bg, chip.fill); r < chip.want {
					t.Errorf("%s: %s's glyph %.2f:1, want %.1f:1", c, chip.name, r, chip.want)
				}
			}
		}
	}
}
