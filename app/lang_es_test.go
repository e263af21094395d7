package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"chronoscope/data"
)

// TestDatingText_Spanish words the datings of TestDatingText in Spanish.
func TestDatingText_Spanish(t *testing.T) {
	useLanguage(t, "es")
	for _, tc := range datingCases() {
		if tc.es == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			if got := datingText(tc.e); got != tc.es {
				t.Errorf("datingText = %q, want %q", got, tc.es)
			}
		})
	}
	if got, want := rangeText(data.DateRange{Start: day(2021, 12, 13), End: day(2021, 12, 19), Precision: data.Week}), "13–19 de diciembre de 2021 (semana)"; got != want {
		t.Errorf("rangeText = %q, want %q", got, want)
	}
}

// TestWindow_Spanish: under a Spanish locale the detail pane, the search's
// status and headings and the timeline speak Spanish, dates included; the
// corpus's own text stays as it is.
func TestWindow_Spanish(t *testing.T) {
	useLanguage(t, "es")
	v, w := newTestWindow(t)
	w.Resize(fyne.NewSize(1000, 700))
	typeQuery(t, v, w, "Monroy")
	if got := v.status.Text; !strings.Contains(got, "para «Monroy»") || !strings.Contains(got, "en la cronología") {
		t.Errorf("status %q, want Spanish", got)
	}
	if rows := strings.Join(v.results.Rows(), "|"); !strings.Contains(rows, "Eventos (") {
		t.Errorf("results %q lack the Spanish heading", rows)
	}
	v.timeline.SetView(parseDay(t, "2022-12-15"), parseDay(t, "2022-12-26"))
	v.timeline.Select("monroy-persona-non-grata")
	v.showEvent("monroy-persona-non-grata")
	v.detail.wait()
	text := richText(v.detail.scroll.Content)
	for _, want := range []string{
		"20 de diciembre de 2022 · deducido de «on Tuesday» en un artículo del 21 de diciembre de 2022",
		"Participantes", "Fuentes (", "Respaldado por",
		"persona non grata", // the corpus's text, untranslated
	} {
		if !strings.Contains(text, want) {
			t.Errorf("detail pane lacks %q:\n%s", want, text)
		}
	}
	for _, english := range []string{"resolved from", "Involved", "Sources (", "Supported by", "20 Dec 2022 ·"} {
		if strings.Contains(text, english) {
			t.Errorf("detail pane still says %q:\n%s", english, text)
		}
	}
	img := w.Canvas().Capture()
	if *update {
		writePNG(t, filepath.Join("testdata", "window_es.png"), img)
	} else {
		test.AssertImageMatches(t, "window_es.png", img)
	}
}

// TestWindow_SpanishFiltersAndForm: the filter bar and the event form in
// Spanish, as a picture.
func TestWindow_SpanishFiltersAndForm(t *testing.T) {
	useLanguage(t, "es")
	v, w := newTestWindowOn(t, fixtureCorpus())
	w.Resize(fyne.NewSize(1024, 640))
	v.toggleFilters()
	tapCheck(t, v.filters.content, "Verificado")
	if got, want := v.status.Text, "3 de 24 eventos a la vista · fake"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	v.timeline.Select("ev-self-coup")
	v.showEvent("ev-self-coup")
	v.detail.wait()
	img := w.Canvas().Capture()
	if *update {
		writePNG(t, filepath.Join("testdata", "filters_es.png"), img)
	} else {
		test.AssertImageMatches(t, "filters_es.png", img)
	}
}
