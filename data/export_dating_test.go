package data_test

import (
	"testing"
	"time"

	"chronoscope/data"
)

// TestDatingText words every dating app/dating_test.go's TestDatingText
// and TestDatingText_EDTF do, as the detail pane words them.
func TestDatingText(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	dated := func(r data.DateRange) data.EventSummary { return data.EventSummary{Date: r} }
	tests := []struct {
		name string
		e    data.EventSummary
		want string
	}{
		{"dated before shapes, a day", dated(data.DateRange{day(2022, 12, 20), day(2022, 12, 20), data.Day}), "20 Dec 2022"},
		{"dated before shapes, some days", dated(data.DateRange{day(2022, 6, 6), day(2022, 6, 10), data.Day}), "Sometime in 6–10 Jun 2022"},
		{"dated before shapes, a month", dated(data.DateRange{day(2021, 9, 1), day(2021, 9, 30), data.Month}), "Sep 2021"},
		{"dated before shapes, a month as its first day", dated(data.DateRange{day(2021, 9, 1), day(2021, 9, 1), data.Month}), "Sep 2021"},
		{"dated before shapes, days called a month", dated(data.DateRange{day(2022, 12, 7), day(2022, 12, 21), data.Month}),
			"Sometime in 7–21 Dec 2022"},
		{"dated before shapes, days called a week", dated(data.DateRange{day(2022, 12, 20), day(2022, 12, 21), data.Week}),
			"Sometime in 20–21 Dec 2022"},
		{"a week", dated(data.DateRange{day(2022, 4, 4), day(2022, 4, 10), data.Week}), "Sometime in the week of 4 Apr 2022"},
		{"a span without its ends", data.EventSummary{Date: data.DateRange{day(2022, 6, 6), day(2022, 6, 10), data.Day}, Shape: data.Span},
			"From 6 to 10 Jun 2022"},
		{"undated", dated(data.DateRange{Precision: data.Unknown}), "Undated"},
	}
	for _, tc := range []struct{ edtf, want string }{
		{"2022-12-20", "20 Dec 2022"},
		{"2021-09", "Sep 2021"},
		{"2022", "2022"},
		{"[2022-12-07..2022-12-21]", "Sometime in 7–21 Dec 2022"},
		{"[2022-11-28..2022-12-03]", "Sometime in 28 Nov – 3 Dec 2022"},
		{"[2022-12-28..2023-01-03]", "Sometime in 28 Dec 2022 – 3 Jan 2023"},
		{"2022-12-07/2022-12-21", "From 7 to 21 Dec 2022"},
		{"2022-11-20/2022-12-02", "From 20 Nov to 2 Dec 2022"},
		{"2022-12-14/2023-01-13", "From 14 Dec 2022 to 13 Jan 2023"},
		{"2022-12-10/2023-01", "From 10 Dec 2022 to Jan 2023"},
		{"2022-11/2022-12-14", "From Nov 2022 to 14 Dec 2022"},
		{"2021-12-06/2021-12-12", "From 6 to 12 Dec 2021"},
		{"../2023-02-17", "Until 17 Feb 2023"},
		{"2022-12-18/..", "From 18 Dec 2022, end unknown"},
		{"", "Undated"},
	} {
		e := data.EventSummary{Date: data.DateRange{Precision: data.Unknown}}
		if err := e.SetEDTF(tc.edtf); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name string
			e    data.EventSummary
			want string
		}{"EDTF " + tc.edtf, e, tc.want})
	}
	// A span's end known to lie in some days, which EDTF cannot write.
	tests = append(tests, struct {
		name string
		e    data.EventSummary
		want string
	}{"an uncertain end", data.EventSummary{Date: data.DateRange{day(2022, 12, 10), day(2022, 12, 27), data.Day}, Shape: data.Span,
		From: data.When{day(2022, 12, 10), day(2022, 12, 10), data.Day}, To: data.When{Earliest: day(2022, 12, 20), Latest: day(2022, 12, 27)}},
		"From 10 Dec 2022 to sometime in 20–27 Dec 2022"})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := data.DatingText(tc.e); got != tc.want {
				t.Errorf("DatingText = %q, want %q", got, tc.want)
			}
		})
	}
}
