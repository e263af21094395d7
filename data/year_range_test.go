package data

import (
	"strings"
	"testing"
)

// TestResolvePhrase_YearOutOfRange checks that a date outside
// MinYear..MaxYear is refused with a message that says so, rather than
// read as the zero time, which means "no date": "0001" once resolved to a
// range that failed Validate, "0001-01-01" to an unknown date.
func TestResolvePhrase_YearOutOfRange(t *testing.T) {
	tests := []struct {
		phrase string
		anchor DateRange
	}{
		{"0001", DateRange{}},
		{"0001-01-01", DateRange{}},
		{"January 1, 0001", DateRange{}},
		{"1 January 0001", DateRange{}},
		{"January 0001", DateRange{}},
		{"0999-12-31", DateRange{}},
		{"0000", DateRange{}},
		{"yesterday", dayRange(d("1000-01-01"))},
		{"last year", dayRange(d("1000-06-01"))},
		{"December 7", dayRange(d("1000-01-01"))},
		{"next year", dayRange(d("9999-06-01"))},
		{"tomorrow", dayRange(d("9999-12-31"))},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got, _, err := ResolvePhrase(tt.phrase, tt.anchor)
			if err == nil || !strings.Contains(err.Error(), "is out of range") {
				t.Errorf("ResolvePhrase(%q) = %v (%+v), %v; want an out-of-range error", tt.phrase, got, got, err)
			}
		})
	}
}

// TestResolvePhrase_YearBounds checks the first and last supported years
// resolve to known, valid ranges.
func TestResolvePhrase_YearBounds(t *testing.T) {
	for _, p := range []string{"1000", "1000-01-01", "January 1, 1000", "9999", "9999-12-31", "December 9999"} {
		got, _, err := ResolvePhrase(p, DateRange{})
		if err != nil || !got.Known() || got.Validate() != nil {
			t.Errorf("ResolvePhrase(%q) = %+v, %v; valid: %v", p, got, err, got.Validate())
		}
	}
}

// TestParseEDTF_YearOutOfRange checks EDTF, the form the filter bar and
// the new-event form read, refuses the years ResolvePhrase refuses.
func TestParseEDTF_YearOutOfRange(t *testing.T) {
	for _, s := range []string{"0001", "0001-01", "0001-01-01", "[0001-01-01..0001-12-31]", "0001/2022", "2022/0001",
		"0999-12-31/..", "../0500"} {
		if shape, from, to, err := ParseEDTF(s); err == nil || !strings.Contains(err.Error(), "is out of range") {
			t.Errorf("ParseEDTF(%q) = %s %+v %+v, %v; want an out-of-range error", s, shape, from, to, err)
		}
	}
	for _, s := range []string{"1000", "1000-01-01", "9999-12", "1000/9999"} {
		shape, from, to, err := ParseEDTF(s)
		if err == nil {
			err = ValidateDating(shape, from, to)
		}
		if err != nil {
			t.Errorf("ParseEDTF(%q): %v", s, err)
		}
	}
}

// TestImport_YearOutOfRange checks the importers' date finding: a
// dateline or date in year 1 is no date at all, neither a publication
// date nor a candidate, and a TimelineJS slide in year 1 is refused.
func TestImport_YearOutOfRange(t *testing.T) {
	text := "January 1, 0001\n\nOn January 1, 0001 and on 0001-01-01 nothing happened; on Tuesday, neither."
	doc, err := readImport("year1.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if doc.published.Known() || doc.published.Start.Year() == 1 && doc.published.Precision != Unknown {
		t.Errorf("published %+v, want unknown", doc.published)
	}
	for _, c := range findCandidates(doc.text, doc.published, doc.language) {
		t.Errorf("candidate %q: %+v", c.Phrase, c.Dating)
	}
	for name, src := range map[string]string{
		"year1.json": `{"events": [{"start_date": {"year": 1}, "text": {"headline": "Year one"}}]}`,
		"year1.csv":  "Year,Month,Day,Headline\n1,1,1,Year one\n",
		"y999.json":  `{"events": [{"start_date": {"year": 2022}, "end_date": {"year": 999}, "text": {"headline": "Back"}}]}`,
	} {
		if _, err := readImport(name, []byte(src)); err == nil || !strings.Contains(err.Error(), "is out of range") {
			t.Errorf("%s: %v, want an out-of-range error", name, err)
		}
	}
	html := `<html><head><meta property="article:published_time" content="0001-01-01T00:00:00Z"></head>
<body><article><h1>Old</h1><p>` + strings.Repeat("A long enough paragraph of words for readability. ", 20) +
		`</p><time datetime="0001-01-01">then</time></article></body></html>`
	doc, err = readImport("old.html", []byte(html))
	if err != nil {
		t.Fatal(err)
	}
	if doc.published.Known() || doc.published.Precision != Unknown || doc.published.Validate() != nil {
		t.Errorf("published %+v (%v), want unknown", doc.published, doc.published.Validate())
	}
}

// TestResolveDating_YearOutOfRange checks the new-event form's dates.
func TestResolveDating_YearOutOfRange(t *testing.T) {
	for _, s := range []string{"0001-01-01", "January 1, 0001", "0001"} {
		if d, err := resolveDating(s, DateRange{}); err == nil || !strings.Contains(err.Error(), "is out of range") {
			t.Errorf("resolveDating(%q) = %+v, %v; want an out-of-range error", s, d, err)
		}
	}
}
