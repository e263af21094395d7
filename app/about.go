package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronoscope/internal/textfmt"
)

// shipped is what the binary carries of others' work, by licence: the
// modules `go version -m chronoscope` lists, the C library GLFW that
// go-gl/glfw compiles in, and the fonts Fyne embeds. sahilm/fuzzy is not
// linked in (the tests use it), but data/search_fuzzy.go reproduces its
// scoring, so it is named with it.
var shipped = []struct{ licence, what string }{
	{"BSD-3-Clause", "Fyne (fyne.io/fyne/v2, fyne-io/image, fyne-io/oksvg), the Go standard library, " +
		"golang.org/x/image, x/net, x/sys and x/text, modernc.org/sqlite, libc, mathutil and memory, " +
		"go-gl/glfw, go-text/render and go-text/typesetting (or the Unlicense), srwiley/oksvg and rasterx, " +
		"google/uuid, fsnotify, remyoudompheng/bigfft"},
	{"BSD-2-Clause", "godbus/dbus, andybalholm/cascadia"},
	{"MIT", "sahilm/fuzzy (its scoring, reproduced), BurntSushi/toml, go-readability (codeberg.org/readeck), " +
		"go-shiori/dom, go-gl/gl, nicksnyder/go-i18n, yuin/goldmark, dustin/go-humanize, fredbi/uri, " +
		"gogs/chardet, itlightning/dateparse, jeandeaual/go-locale, jsummers/gobmp"},
	{"Apache-2.0", "fyne.io/systray, rymdport/portal"},
	{"ISC", "nfnt/resize"},
	{"zlib", "GLFW"},
	{"Public domain", "SQLite"},
	{"SIL Open Font License 1.1", "the Noto Sans and Inter Symbols fonts"},
	{"Bitstream Vera licence", "the DejaVu Sans Mono font"},
	{"CC BY 4.0", "the EmojiOne Color font"},
}

// corpusCounter counts a corpus's documents and events, as *data.Store
// does in one query.
type corpusCounter interface {
	Counts(ctx context.Context) (documents, events int, err error)
}

// showAbout is Help › About: the version, the corpus open and what it
// holds, and the licences of what the app ships.
func (v *mainView) showAbout() {
	meta := fyne.CurrentApp().Metadata()
	version := lang.L("Development build")
	if meta.Version != "" {
		version = lang.L("Version {{.Version}} (build {{.Build}})", map[string]any{"Version": meta.Version, "Build": meta.Build})
	}
	name := widget.NewLabelWithStyle("Chronoscope", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(version + "\n" + lang.L("An offline explorer of a timeline of Mexico–Peru relations."))
	corpus := widget.NewLabel(lang.L("Corpus: {{.Path}}", map[string]any{"Path": corpusKey(v.corpus)}))
	corpus.Wrapping = fyne.TextWrapBreak
	counts := widget.NewLabel(lang.L("Counting…"))
	v.bg.run(func() func() {
		docs, evs, err := v.counts(context.Background())
		return func() {
			if err != nil {
				counts.SetText(err.Error())
				return
			}
			counts.SetText(lang.L("Documents: {{.Documents}} · events: {{.Events}}",
				map[string]any{"Documents": textfmt.Number(docs), "Events": textfmt.Number(evs)}))
		}
	})
	var lic strings.Builder
	for _, s := range shipped {
		lic.WriteString(s.licence + ": " + s.what + ".\n")
	}
	licences := widget.NewLabel(strings.TrimSpace(lic.String()))
	licences.Wrapping = fyne.TextWrapWord
	sources := widget.NewLabel(lang.L("The bundled corpus quotes five news articles (wire copy and TFIGlobal) for research; their text remains their authors' and publishers'."))
	sources.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(name, intro, corpus, counts, widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Chronoscope ships"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		licences, sources)
	d := dialog.NewCustom(lang.L("About Chronoscope"), lang.L("Close"), container.NewVScroll(body), v.win)
	d.Resize(dialogSize(v.win, 620, 600))
	d.Show()
}

// counts is how many documents and events the corpus holds.
func (v *mainView) counts(ctx context.Context) (documents, events int, err error) {
	if c, ok := v.corpus.(corpusCounter); ok {
		return c.Counts(ctx)
	}
	docs, err := v.corpus.Documents(ctx)
	if err != nil {
		return 0, 0, err
	}
	evs, err := v.corpus.Events(ctx)
	return len(docs), len(evs), err
}
