package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// exportFormat is one choice of File › Export…. Its name is what the
// corpus's exporter is asked for (data.ExportFormat's values), except
// formatPNG, which the window draws itself.
type exportFormat struct{ name, ext string }

// formatPNG is the timeline view as a picture.
const formatPNG = "png"

// exportFormats are the choices in the order the dialog lists them.
var exportFormats = []exportFormat{
	{"json", "json"},
	{"csv", "csv"},
	{"timelinejs", "json"},
	{"markdown", "md"},
	{formatPNG, "png"},
}

// label names the format in the dialog, in the window's language.
func (f exportFormat) label() string {
	switch f.name {
	case "json":
		return "JSON"
	case "csv":
		return "CSV"
	case "timelinejs":
		return "TimelineJS"
	case "markdown":
		return lang.L("Markdown report")
	}
	return lang.L("PNG of the timeline view")
}

// exporter writes the events a filter keeps in a format named as
// data.ExportFormat names it. *data.Store provides it through
// storeExporter; tests use a fake.
type exporter interface {
	exportAs(ctx context.Context, w io.Writer, format string, f data.Filter) error
}

// errNoExporter is the error of a data export on a corpus that cannot
// export.
var errNoExporter = errors.New("this corpus cannot export its events")

// exporterOf is the corpus's exporter, or nil if it has none.
func exporterOf(c Corpus) exporter {
	if e, ok := c.(exporter); ok {
		return e
	}
	return storeExporter(c)
}

// chooseSaveFile asks where to save, suggesting a file name. It is a
// variable so tests can answer without Fyne's file dialog.
var chooseSaveFile = func(win fyne.Window, name string, done func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(done, win)
	d.SetFileName(name)
	d.Show()
}

// exportDialog is File › Export…: a format, what it will hold, and Save….
type exportDialog struct {
	v       *mainView
	formats *widget.RadioGroup
	summary *widget.Label
	dialog  *dialog.ConfirmDialog
	// view is the timeline as it was when Export… was chosen, before the
	// dialog covered it.
	view image.Image
}

// showExport opens the export dialog on the events the window shows.
func (v *mainView) showExport() *exportDialog {
	d := &exportDialog{v: v, view: v.captureTimeline(), summary: widget.NewLabel("")}
	labels := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		labels[i] = f.label()
	}
	d.formats = widget.NewRadioGroup(labels, func(string) { d.summary.SetText(d.describe()) })
	d.formats.Required = true
	d.formats.SetSelected(exportFormats[0].label())
	content := container.NewVBox(widget.NewLabel(lang.L("Format")), d.formats, d.summary)
	d.dialog = dialog.NewCustomConfirm(lang.L("Export"), lang.L("Save…"), lang.L("Cancel"), content, func(ok bool) {
		if ok {
			d.save()
		}
	}, v.win)
	d.dialog.Show()
	return d
}

// format is the format chosen.
func (d *exportDialog) format() exportFormat {
	for _, f := range exportFormats {
		if f.label() == d.formats.Selected {
			return f
		}
	}
	return exportFormats[0]
}

// describe says what the chosen format will hold.
func (d *exportDialog) describe() string {
	v := d.v
	events := eventCount(v.events.Len())
	if !v.filter.Empty() {
		events = lang.L("{{.Shown}} of {{.Events}} shown (filters on)", map[string]any{"Shown": textfmt.Number(v.shown.Len()), "Events": events})
	}
	if d.format().name == formatPNG {
		return lang.L("The timeline as it is in view") + " · " + events
	}
	return events
}

// save asks where to, then writes off the UI thread.
func (d *exportDialog) save() {
	f := d.format()
	chooseSaveFile(d.v.win, exportFileName(d.v.corpus.Name(), f.ext), func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			d.v.showError(err)
			return
		}
		if w == nil { // cancelled
			return
		}
		d.v.writeExport(w, f, d.view)
	})
}

// writeExport writes the export to w on a goroutine. It is written whole
// to memory first, so a failed export writes nothing; the file Fyne made
// for it is then removed.
func (v *mainView) writeExport(w fyne.URIWriteCloser, f exportFormat, view image.Image) {
	filter, count := v.filter, v.shown.Len()
	ex := exporterOf(v.corpus)
	v.bg.run(func() func() {
		var buf bytes.Buffer
		var err error
		switch {
		case f.name == formatPNG:
			err = png.Encode(&buf, view)
		case ex == nil:
			err = errNoExporter
		default:
			err = ex.exportAs(context.Background(), &buf, f.name, filter)
		}
		if err == nil {
			_, err = w.Write(buf.Bytes())
		}
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			if derr := storage.Delete(w.URI()); derr != nil {
				fyne.LogError("chronoscope: remove failed export", derr)
			}
			err = fmt.Errorf("export %s to %s: %w", f.label(), w.URI().Name(), err)
		}
		return func() {
			if err != nil {
				v.setStatus(lang.L("Nothing was exported"))
				v.showError(err)
				return
			}
			what := eventCount(count)
			if f.name == formatPNG {
				what = lang.L("the timeline view")
			}
			v.setStatus(lang.L("Exported {{.What}} to …/{{.File}}", map[string]any{"What": what, "File": w.URI().Name()}))
		}
	})
}

// captureTimeline is the timeline's part of the window as drawn.
func (v *mainView) captureTimeline() image.Image {
	img := capture(v.win)
	cv := v.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.timeline)
	x0, y0 := cv.PixelCoordinateForPosition(pos)
	x1, y1 := cv.PixelCoordinateForPosition(pos.Add(v.timeline.Size()))
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Bounds())
	if sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok && !r.Empty() {
		return sub.SubImage(r)
	}
	return img
}

// exportFileName is the name suggested for an export of a corpus:
// chronoscope-<corpus>.<ext>, the corpus's name made safe for a file.
func exportFileName(corpus, ext string) string {
	name := strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '-', r == '_', r == '.':
			return unicode.ToLower(r)
		case unicode.IsSpace(r):
			return '-'
		}
		return -1
	}, corpus)
	if name == "" {
		return "chronoscope." + ext
	}
	return "chronoscope-" + name + "." + ext
}
