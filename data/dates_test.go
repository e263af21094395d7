package data

import (
	"testing"
	"time"
)

func d(s string) time.Time {
	t, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestResolvePhrase(t *testing.T) {
	day := func(s string) DateRange { return DateRange{d(s), d(s), Day} }
	wed := day("2022-12-21")                                  // ambassador-expelled, a Wednesday
	fri := day("2023-02-17")                                  // pa-presidency-withheld, a Friday
	week := DateRange{d("2021-12-13"), d("2021-12-18"), Week} // mexico-mission-lima, inferred
	tests := []struct {
		phrase     string
		anchor     DateRange
		start, end string
		prec       Precision
		basis      Basis
	}{
		{"on Tuesday", wed, "2022-12-20", "2022-12-20", Day, Relative},
		{"on Wednesday", wed, "2022-12-21", "2022-12-21", Day, Relative},
		{"Wednesday morning", wed, "2022-12-21", "2022-12-21", Day, Relative},
		{"On Friday", fri, "2023-02-17", "2023-02-17", Day, Relative},
		{"last Friday", fri, "2023-02-10", "2023-02-10", Day, Relative},
		{"next Sunday", wed, "2022-12-25", "2022-12-25", Day, Relative},
		{"next Sunday", week, "2021-12-19", "2021-12-19", Day, Relative},
		{"yesterday", wed, "2022-12-20", "2022-12-20", Day, Relative},
		{"last week", wed, "2022-12-12", "2022-12-18", Week, Relative},
		{"last week", week, "2021-12-06", "2021-12-12", Week, Relative},
		{"this week", fri, "2023-02-13", "2023-02-19", Week, Relative},
		{"last month", wed, "2022-11-01", "2022-11-30", Month, Relative},
		{"last month", day("2023-01-15"), "2022-12-01", "2022-12-31", Month, Relative},
		{"last year", fri, "2022-01-01", "2022-12-31", Year, Relative},
		// An anchor known only to a week gives the union of what the
		// phrase could mean, never a guessed day.
		{"on Tuesday", week, "2021-12-07", "2021-12-14", Week, Relative},
		{"in September", week, "2021-09-01", "2021-09-30", Month, Relative},
		{"in December", day("2023-02-17"), "2022-12-01", "2022-12-31", Month, Relative},
		{"December 7", wed, "2022-12-07", "2022-12-07", Day, Relative},
		{"7 December", wed, "2022-12-07", "2022-12-07", Day, Relative},
		{"February 17", day("2023-02-20"), "2023-02-17", "2023-02-17", Day, Relative},
		{"December 7", day("2023-01-03"), "2022-12-07", "2022-12-07", Day, Relative},
		{"February 29", day("2023-03-01"), "2020-02-29", "2020-02-29", Day, Relative},
		{"last week", day("2023-01-04"), "2022-12-26", "2023-01-01", Week, Relative},
		{"Dec. 14, 2022", DateRange{}, "2022-12-14", "2022-12-14", Day, Stated},
		{"Dec.7, 2022", DateRange{}, "2022-12-07", "2022-12-07", Day, Stated},
		{"December 7, 2022", DateRange{}, "2022-12-07", "2022-12-07", Day, Stated},
		{"7 December 2022", DateRange{}, "2022-12-07", "2022-12-07", Day, Stated},
		{"November 2022", DateRange{}, "2022-11-01", "2022-11-30", Month, Stated},
		{"2023", DateRange{}, "2023-01-01", "2023-12-31", Year, Stated},
		{"2023-02-17", DateRange{}, "2023-02-17", "2023-02-17", Day, Stated},
		{"February 2024", DateRange{}, "2024-02-01", "2024-02-29", Month, Stated},
		// Spanish, as an imported article has it.
		{"el martes", wed, "2022-12-20", "2022-12-20", Day, Relative},
		{"el miércoles", wed, "2022-12-21", "2022-12-21", Day, Relative},
		{"el viernes pasado", fri, "2023-02-10", "2023-02-10", Day, Relative},
		{"el pasado viernes", fri, "2023-02-10", "2023-02-10", Day, Relative},
		{"la semana pasada", wed, "2022-12-12", "2022-12-18", Week, Relative},
		{"ayer", wed, "2022-12-20", "2022-12-20", Day, Relative},
		{"el mes pasado", wed, "2022-11-01", "2022-11-30", Month, Relative},
		{"7 de diciembre", wed, "2022-12-07", "2022-12-07", Day, Relative},
		{"el 7 de diciembre", wed, "2022-12-07", "2022-12-07", Day, Relative},
		{"21 de diciembre de 2022", DateRange{}, "2022-12-21", "2022-12-21", Day, Stated},
		{"noviembre de 2022", DateRange{}, "2022-11-01", "2022-11-30", Month, Stated},
	}
	for _, tt := range tests {
		t.Run(tt.phrase+"@"+FormatDay(tt.anchor.Start), func(t *testing.T) {
			got, basis, err := ResolvePhrase(tt.phrase, tt.anchor)
			if err != nil {
				t.Fatal(err)
			}
			want := DateRange{d(tt.start), d(tt.end), tt.prec}
			if !got.Equal(want) || basis != tt.basis {
				t.Errorf("got %s..%s %s %s, want %s..%s %s %s", FormatDay(got.Start), FormatDay(got.End), got.Precision, basis,
					tt.start, tt.end, tt.prec, tt.basis)
			}
		})
	}
}

func TestResolvePhrase_Errors(t *testing.T) {
	wed := DateRange{d("2022-12-21"), d("2022-12-21"), Day}
	tests := []struct {
		phrase string
		anchor DateRange
	}{
		{"February 30, 2023", DateRange{}},
		{"February 29, 2023", DateRange{}},
		{"April 31", wed},
		{"February 30", wed},
		{"2023-13-01", DateRange{}},
		{"on Tuesday", DateRange{}}, // an undated document cannot anchor it
		{"last week", DateRange{Precision: Unknown}},
		{"sometime soon", wed},
		{"", wed},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			if got, _, err := ResolvePhrase(tt.phrase, tt.anchor); err == nil {
				t.Errorf("resolved to %v, want an error", got)
			}
		})
	}
}

func TestParseDay_Impossible(t *testing.T) {
	for _, s := range []string{"2023-02-30", "2022-00-10", "2022-12-32", "22-12-01", "2022/12/01", ""} {
		if _, err := ParseDay(s); err == nil {
			t.Errorf("ParseDay(%q) accepted an impossible date", s)
		}
	}
}

func TestDateRange_Validate(t *testing.T) {
	tests := []struct {
		name string
		r    DateRange
		ok   bool
	}{
		{"day", DateRange{d("2022-12-07"), d("2022-12-07"), Day}, true},
		{"week", DateRange{d("2021-12-07"), d("2021-12-14"), Week}, true},
		{"unknown without dates", DateRange{Precision: Unknown}, true},
		{"end before start", DateRange{d("2022-12-07"), d("2022-12-06"), Day}, false},
		{"day claimed for a fortnight", DateRange{d("2022-12-07"), d("2022-12-21"), Day}, false},
		{"week claimed for a month", DateRange{d("2022-11-01"), d("2022-11-30"), Week}, false},
		{"precision without a date", DateRange{Precision: Day}, false},
		{"no end", DateRange{Start: d("2022-12-07"), Precision: Day}, false},
		{"bad precision", DateRange{d("2022-12-07"), d("2022-12-07"), "hour"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.r.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate() = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestDateRange_String(t *testing.T) {
	tests := []struct {
		r    DateRange
		want string
	}{
		{DateRange{d("2022-12-20"), d("2022-12-20"), Day}, "20 Dec 2022"},
		{DateRange{d("2021-12-06"), d("2021-12-12"), Week}, "6–12 Dec 2021 (week)"},
		{DateRange{d("2021-09-01"), d("2021-09-30"), Month}, "Sep 2021 (month)"},
		{DateRange{d("2023-02-17"), d("2023-02-20"), Week}, "17–20 Feb 2023 (week)"},
		{DateRange{d("2022-11-28"), d("2022-12-04"), Week}, "28 Nov – 4 Dec 2022 (week)"},
		{DateRange{Precision: Unknown}, "date unknown"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestDateRange_Equal(t *testing.T) {
	utc := DateRange{d("2022-12-07"), d("2022-12-07"), Day}
	lima := time.FixedZone("PET", -5*3600)
	same := DateRange{utc.Start.In(lima), utc.End.In(lima), Day}
	if !utc.Equal(same) {
		t.Errorf("%v and the same days in another zone are not Equal", utc)
	}
	for _, other := range []DateRange{
		{d("2022-12-07"), d("2022-12-08"), Day},
		{d("2022-12-06"), d("2022-12-07"), Day},
		{d("2022-12-07"), d("2022-12-07"), Week},
		{Precision: Unknown},
	} {
		if utc.Equal(other) || other.Equal(utc) {
			t.Errorf("%v Equal %v", utc, other)
		}
	}
}
