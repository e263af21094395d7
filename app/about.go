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

// shipped is what the binary carries of others' work and under which
// licence, as `go version -m` lists the modules linked in, and the fonts
// and images Fyne embeds. Modules used only by tests or tools are not in
// it.
var shipped = []struct{ what, licence string }{
	{"Fyne (fyne.io/fyne/v2), its systray and GLFW bindings", "BSD-3-Clause"},
	{"GLFW (github.com/go-gl/glfw)", "zlib"},
	{"go-gl (github.com/go-gl/gl)", "MIT"},
	{"modernc.org/sqlite and modernc.org/libc", "BSD-3-Clause"},
	{"SQLite", "public domain"},
	{"sahilm/fuzzy", "MIT"},
	{"golang.org/x/text, x/image, x/net, x/sys", "BSD-3-Clause"},
	{"BurntSushi/toml", "MIT"},
	{"go-readability (codeberg.org/readeck)", "Apache-2.0"},
	{"go-text/typesetting, go-text/render", "BSD-3-Clause / Unlicense"},
	{"nicksnyder/go-i18n", "MIT"},
	{"Noto Sans fonts", "SIL Open Font License 1.1"},
	{"Inter symbols font", "SIL Open Font License 1.1"},
	{"DejaVu Sans Mono (Powerline)", "Bitstream Vera / public domain"},
	{"EmojiOne Color font", "CC BY 4.0"},
	{"Go standard library", "BSD-3-Clause"},
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
		lic.WriteString(s.what + " — " + s.licence + "\n")
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
