package app

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"golang.org/x/text/language"

	"chronoscope/assets"
)

// languages are those the window speaks, English first: it is the one a
// system in another language gets.
var languages = []language.Tag{language.English, language.Spanish}

// LoadTranslations adds the window's Spanish (and English plural forms) to
// Fyne's own translations and picks the language the environment asks for
// (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them): Spanish for
// any Spanish locale, English for any other. Fyne, left alone, would pick
// its own German, say, for a German system, and then log a failure for
// every string of ours. Call it before building a window; after
// UseLanguage, call it again to pick anew.
func LoadTranslations() error {
	UseLanguage(systemLanguage())
	return lang.AddTranslationsFS(assets.Translations, "translations")
}

// UseLanguage makes the next LoadTranslations pick code ("es", "en")
// whatever the system's locale says: LANGUAGE comes first for gettext and
// for Fyne, unless the locale is C, which internal/locale rules out.
func UseLanguage(code string) {
	if err := os.Setenv("LANGUAGE", code); err != nil {
		fyne.LogError("set the language", err)
	}
}

// systemLanguage is the one of languages closest to the environment's
// locales, "en" or "es".
func systemLanguage() string {
	locs, err := locale.GetLocales()
	if err != nil {
		fyne.LogError("read the locale", err)
	}
	var tags []language.Tag
	for _, l := range locs {
		if t, err := language.Parse(l); err == nil {
			tags = append(tags, t)
		}
	}
	_, i, conf := language.NewMatcher(languages).Match(tags...)
	if conf == language.No {
		i = 0
	}
	base, _ := languages[i].Base()
	return base.String()
}
