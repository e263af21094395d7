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
	ev := func(date data.DateRange) data.EventSummary { return data.EventSummary{Date: date} }
	span := func(from, to data.When) data.EventSummary { return spanning(data.EventSummary{}, from, to) }
	tests := []struct {
		name string
		e    data.EventSummary
		want string
	}{
		{"a day", momentary(ev(on(2022, 12, 20))), "20 de diciembre de 2022"},
		{"a moment in some days", momentary(ev(between(day(2022, 12, 7), day(2022, 12, 21)))), "En algún momento del 7 al 21 de diciembre de 2022"},
		{"a moment across months", momentary(ev(between(day(2022, 11, 28), day(2022, 12, 3)))), "En algún momento del 28 de noviembre al 3 de diciembre de 2022"},
		{"a moment across years", momentary(ev(between(day(2022, 12, 28), day(2023, 1, 3)))), "En algún momento del 28 de diciembre de 2022 al 3 de enero de 2023"},
		{"a week", momentary(ev(weekOf(day(2022, 4, 4)))), "En algún momento de la semana del 4 de abril de 2022"},
		{"a month", momentary(ev(monthOf(2021, 9))), "septiembre de 2021"},
		{"a year", momentary(ev(data.DateRange{Start: day(2022, 1, 1), End: day(2022, 12, 31), Precision: data.Year})), "2022"},
		{"a span in a month", span(exactly(day(2022, 12, 7)), exactly(day(2022, 12, 21))), "Del 7 al 21 de diciembre de 2022"},
		{"a span in a year", span(exactly(day(2022, 11, 20)), exactly(day(2022, 12, 2))), "Del 20 de noviembre al 2 de diciembre de 2022"},
		{"a span across years", span(exactly(day(2022, 12, 14)), exactly(day(2023, 1, 13))), "Desde el 14 de diciembre de 2022 hasta el 13 de enero de 2023"},
		{"an uncertain end", span(exactly(day(2022, 12, 10)), within(day(2022, 12, 20), day(2022, 12, 27))),
			"Desde el 10 de diciembre de 2022 hasta algún momento del 20 al 27 de diciembre de 2022"},
		{"an end known to the month", span(exactly(day(2022, 12, 10)), data.When{Earliest: day(2023, 1, 1), Latest: day(2023, 1, 31), Precision: data.Month}),
			"Desde el 10 de diciembre de 2022 hasta enero de 2023"},
		{"an open start", span(openEnd, exactly(day(2023, 2, 17))), "Hasta el 17 de febrero de 2023"},
		{"an open end", span(exactly(day(2022, 12, 18)), openEnd), "Desde el 18 de diciembre de 2022, sin fecha de fin"},
		{"undated", ev(data.DateRange{Precision: data.Unknown}), "Sin fecha"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := datingText(tc.e); got != tc.want {
				t.Errorf("datingText = %q, want %q", got, tc.want)
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
