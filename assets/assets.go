// Package assets holds what ships inside the binary: the bundled corpus
// sources, the app icon and the translations of the window.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var corpus embed.FS

// Translations holds the window's strings in other languages, go-i18n JSON
// files named [prefix.]LANG.json under translations/, for Fyne's
// lang.AddTranslationsFS. The English text is each string's key; en.json
// gives only the English plural forms.
//
//go:embed translations
var Translations embed.FS

// Icon is the app icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// Corpus is the bundled corpus sources: documents/*.txt, actors.toml,
// places.toml, events.toml and set.toml (the name of their set).
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the embed pattern above guarantees the directory
	}
	return sub
}
