package app

import (
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
