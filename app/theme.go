package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's theme with the colours of secondary text made legible:
// the default light theme's placeholder grey and warning orange fall under
// 4.5:1 against its backgrounds (3.2:1 and 1.9:1), and the window uses them
// for dates' notes, roles, passages' context and "Sources disagree".
//
// With fixed set, it is in variant whatever the system's light or dark
// setting: the theme chosen from View › Theme, and screenshots, which look
// the same on every machine. Every colour the window draws, the timeline's
// lanes and badges too (timelineStyle), is read through Color, so all of
// it follows.
type appTheme struct {
	fyne.Theme
	fixed   bool
	variant fyne.ThemeVariant
}

// ThemeChoice is the theme chosen from View › Theme or on the command line:
// ThemeSystem (the default) follows the system's light or dark setting.
type ThemeChoice string

const (
	ThemeSystem ThemeChoice = "system"
	ThemeLight  ThemeChoice = "light"
	ThemeDark   ThemeChoice = "dark"
)

// themeChoices are the choices in the order View › Theme lists them.
var themeChoices = []ThemeChoice{ThemeSystem, ThemeLight, ThemeDark}

// themePref is the preference that keeps the theme chosen.
const themePref = "theme"

// ParseThemeChoice reads a theme's name as the command line gives it.
func ParseThemeChoice(s string) (ThemeChoice, error) {
	for _, c := range themeChoices {
		if string(c) == s {
			return c, nil
		}
	}
	return "", fmt.Errorf("theme %q: want system, light or dark", s)
}

// newAppTheme is the theme of a choice.
func newAppTheme(c ThemeChoice) appTheme {
	t := appTheme{Theme: theme.DefaultTheme()}
	switch c {
	case ThemeLight:
		t.fixed, t.variant = true, theme.VariantLight
	case ThemeDark:
		t.fixed, t.variant = true, theme.VariantDark
	}
	return t
}

// savedTheme is the theme chosen last, ThemeSystem if none or one this
// version does not know.
func savedTheme(a fyne.App) ThemeChoice {
	c, err := ParseThemeChoice(a.Preferences().StringWithFallback(themePref, string(ThemeSystem)))
	if err != nil {
		return ThemeSystem
	}
	return c
}

// applyTheme makes c the app's theme.
func applyTheme(a fyne.App, c ThemeChoice) {
	a.Settings().SetTheme(newAppTheme(c))
}

// warningOnLight is an orange dark enough for text on the light theme's
// backgrounds.
var warningOnLight = color.NRGBA{R: 0xa8, G: 0x4b, B: 0x00, A: 0xff}

// Color is the wrapped theme's, in the fixed variant if there is one, but
// for placeholder and warning text.
func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.fixed {
		v = t.variant
	}
	switch n {
	case theme.ColorNamePlaceHolder:
		return t.secondary(v)
	case theme.ColorNameWarning:
		if v == theme.VariantLight {
			return warningOnLight
		}
	}
	return t.Theme.Color(n, v)
}

// minTextContrast is WCAG's least contrast for body text.
const minTextContrast = 4.5

// secondary is the foreground faded toward the background as far as text
// stays at minTextContrast on both the background and the input background.
func (t appTheme) secondary(v fyne.ThemeVariant) color.Color {
	fg := t.Theme.Color(theme.ColorNameForeground, v)
	bg, input := t.Theme.Color(theme.ColorNameBackground, v), t.Theme.Color(theme.ColorNameInputBackground, v)
	for alpha := 0.6; alpha < 1; alpha += 0.02 {
		c := blend(fg, bg, alpha)
		if contrastRatio(c, bg) >= minTextContrast+0.1 && contrastRatio(c, input) >= minTextContrast+0.1 {
			return c
		}
	}
	return fg
}

// blend is a over b at opacity alpha.
func blend(a, b color.Color, alpha float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((float64(x)*alpha + float64(y)*(1-alpha)) / 257) }
	return color.NRGBA{R: mix(ar, br), G: mix(ag, bg), B: mix(ab, bb), A: 0xff}
}
