package app

import (
	"testing"

	"chronoscope/data"
)

// datingCase is a dating and its wording in English and, where it is
// checked, in Spanish.
type datingCase struct {
	name   string
	e      data.EventSummary
	en, es string
}

func datingCases() []datingCase {
	ev := func(date data.DateRange) data.EventSummary { return data.EventSummary{Date: date} }
	span := func(from, to data.When) data.EventSummary { return spanning(data.EventSummary{}, from, to) }
	return []datingCase{
		{"a day", momentary(ev(on(2022, 12, 20))), "20 Dec 2022", "20 de diciembre de 2022"},
		{"a moment in some days", momentary(ev(between(day(2022, 12, 7), day(2022, 12, 21)))), "Sometime in 7–21 Dec 2022", "En algún momento del 7 al 21 de diciembre de 2022"},
		{"a moment across months", momentary(ev(between(day(2022, 11, 28), day(2022, 12, 3)))), "Sometime in 28 Nov – 3 Dec 2022", "En algún momento del 28 de noviembre al 3 de diciembre de 2022"},
		{"a moment across years", momentary(ev(between(day(2022, 12, 28), day(2023, 1, 3)))), "Sometime in 28 Dec 2022 – 3 Jan 2023", "En algún momento del 28 de diciembre de 2022 al 3 de enero de 2023"},
		{"a week", momentary(ev(weekOf(day(2022, 4, 4)))), "Sometime in the week of 4 Apr 2022", "En algún momento de la semana del 4 de abril de 2022"},
		{"a month", momentary(ev(monthOf(2021, 9))), "Sep 2021", "septiembre de 2021"},
		{"a year", momentary(ev(data.DateRange{Start: day(2022, 1, 1), End: day(2022, 12, 31), Precision: data.Year})), "2022", "2022"},
		{"a span in a month", span(exactly(day(2022, 12, 7)), exactly(day(2022, 12, 21))), "From 7 to 21 Dec 2022", "Del 7 al 21 de diciembre de 2022"},
		{"a span in a year", span(exactly(day(2022, 11, 20)), exactly(day(2022, 12, 2))), "From 20 Nov to 2 Dec 2022", "Del 20 de noviembre al 2 de diciembre de 2022"},
		{"a span across years", span(exactly(day(2022, 12, 14)), exactly(day(2023, 1, 13))), "From 14 Dec 2022 to 13 Jan 2023", "Desde el 14 de diciembre de 2022 hasta el 13 de enero de 2023"},
		{"an uncertain end", span(exactly(day(2022, 12, 10)), within(day(2022, 12, 20), day(2022, 12, 27))),
			"From 10 Dec 2022 to sometime in 20–27 Dec 2022", "Desde el 10 de diciembre de 2022 hasta algún momento del 20 al 27 de diciembre de 2022"},
		{"an end known to the month", span(exactly(day(2022, 12, 10)), data.When{Earliest: day(2023, 1, 1), Latest: day(2023, 1, 31), Precision: data.Month}),
			"From 10 Dec 2022 to Jan 2023", "Desde el 10 de diciembre de 2022 hasta enero de 2023"},
		{"an open start", span(openEnd, exactly(day(2023, 2, 17))), "Until 17 Feb 2023", "Hasta el 17 de febrero de 2023"},
		{"an open end", span(exactly(day(2022, 12, 18)), openEnd), "From 18 Dec 2022, end unknown", "Desde el 18 de diciembre de 2022, sin fecha de fin"},
		{"dated before shapes, a day", ev(on(2022, 12, 20)), "20 Dec 2022", ""},
		{"dated before shapes, some days", ev(between(day(2022, 6, 6), day(2022, 6, 10))), "Sometime in 6–10 Jun 2022", ""},
		{"dated before shapes, a month", ev(monthOf(2021, 9)), "Sep 2021", ""},
		{"dated before shapes, a month as its first day", ev(data.DateRange{Start: day(2021, 9, 1), End: day(2021, 9, 1), Precision: data.Month}), "Sep 2021", ""},
		{"dated before shapes, days called a month", ev(data.DateRange{Start: day(2022, 12, 7), End: day(2022, 12, 21), Precision: data.Month}),
			"Sometime in 7–21 Dec 2022", ""},
		{"dated before shapes, days called a week", ev(data.DateRange{Start: day(2022, 12, 20), End: day(2022, 12, 21), Precision: data.Week}),
			"Sometime in 20–21 Dec 2022", ""},
		{"a span without its ends", data.EventSummary{Date: between(day(2022, 6, 6), day(2022, 6, 10)), Shape: data.Span}, "From 6 to 10 Jun 2022", ""},
		{"undated", ev(data.DateRange{Precision: data.Unknown}), "Undated", "Sin fecha"},
	}
}

func TestDatingText(t *testing.T) {
	for _, tc := range datingCases() {
		t.Run(tc.name, func(t *testing.T) {
			if got := datingText(tc.e); got != tc.en {
				t.Errorf("datingText = %q, want %q", got, tc.en)
			}
		})
	}
}

// TestDatingText_EDTF checks the wording of datings as the corpus gives
// them, in EDTF.
func TestDatingText_EDTF(t *testing.T) {
	tests := []struct{ edtf, want string }{
		{"2022-12-20", "20 Dec 2022"},
		{"2021-09", "Sep 2021"},
		{"2022", "2022"},
		{"[2022-12-07..2022-12-21]", "Sometime in 7–21 Dec 2022"},
		{"2022-12-07/2022-12-21", "From 7 to 21 Dec 2022"},
		{"2022-11/2022-12-14", "From Nov 2022 to 14 Dec 2022"},
		{"2021-12-06/2021-12-12", "From 6 to 12 Dec 2021"},
		{"../2023-02-17", "Until 17 Feb 2023"},
		{"2022-12-18/..", "From 18 Dec 2022, end unknown"},
		{"", "Undated"},
	}
	for _, tc := range tests {
		t.Run(tc.edtf, func(t *testing.T) {
			e := data.EventSummary{Date: data.DateRange{Precision: data.Unknown}}
			if err := e.SetEDTF(tc.edtf); err != nil {
				t.Fatal(err)
			}
			if got := datingText(e); got != tc.want {
				t.Errorf("datingText = %q, want %q", got, tc.want)
			}
			// The timeline draws it as what it is.
			want := map[data.Shape]markKind{data.Span: kindBar, "": kindUndated}[e.Shape]
			if e.Shape == data.Moment {
				want = kindBand
				if e.From.Precision == data.Day {
					want = kindDot
				}
			}
			if got := newEventItem(&e).kind; got != want {
				t.Errorf("drawn as %v, want %v", got, want)
			}
		})
	}
}
