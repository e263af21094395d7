package data

import (
	"testing"
	"time"
)

// TestSummaryReader_Day checks that a day read from its digits is the
// time.Time that time.Parse makes of it, == and all, for every day of
// four centuries and the ends of the calendar, and that what is not a
// day is refused as time.Parse refuses it.
func TestSummaryReader_Day(t *testing.T) {
	r := newSummaryReader()
	check := func(s string) {
		t.Helper()
		want, werr := time.Parse(time.DateOnly, s)
		got, err := r.day([]byte(s))
		if got != want || (err == nil) != (werr == nil) {
			t.Fatalf("day(%q) = %#v, %v; time.Parse gives %#v, %v", s, got, err, want, werr)
		}
	}
	for d := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2200; d = d.AddDate(0, 0, 1) {
		check(d.Format(time.DateOnly))
	}
	for _, s := range []string{"0001-01-01", "0001-03-01", "9999-12-31", "0400-02-29", "1900-02-28", "2000-02-29",
		"1900-02-29", "2023-02-29", "2023-04-31", "2023-13-01", "2023-00-10", "2023-01-00", "0000-01-01",
		"2023-1-01", "2023-01-1 ", "abcd-ef-gh", "2023/01/01", "+023-01-01", "2023-01-01T00"} {
		check(s)
	}
	if got, err := r.day(nil); !got.IsZero() || err != nil {
		t.Errorf("day of nothing = %v, %v; want the zero time", got, err)
	}
}
