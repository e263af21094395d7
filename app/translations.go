package app

import (
	"os"

	"fyne.io/fyne/v2/lang"

	"chronoscope/assets"
)

// LoadTranslations adds the window's Spanish (and English plural forms) to
// Fyne's own translations and picks the language the environment asks for:
// LANGUAGE, LC_ALL, LC_MESSAGES, LANG, as gettext reads them. A language
// with no translations of ours gets English. Call it before building a
// window; after UseLanguage, call it again to pick anew.
func LoadTranslations() error {
	return lang.AddTranslationsFS(assets.Translations, "translations")
}

// UseLanguage makes the next LoadTranslations pick code ("es", "en")
// whatever the system's locale says: LANGUAGE comes first for gettext and
// for Fyne, unless the locale is C, which internal/locale rules out.
func UseLanguage(code string) {
	os.Setenv("LANGUAGE", code)
}
