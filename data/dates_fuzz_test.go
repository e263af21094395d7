package data

import (
	"strings"
	"testing"
	"time"
)

// fuzzAnchor is a valid publication date made of two fuzzed numbers: none
// when day is 0, else a range of up to 420 days starting day days into
// the supported years.
func fuzzAnchor(day uint32, span uint16) DateRange {
	if day == 0 {
		return DateRange{}
	}
	first := time.Date(MinYear, 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(MaxYear, 12, 31, 0, 0, 0, 0, time.UTC)
	s := first.AddDate(0, 0, int(day%uint32(days(first, last))))
	e := s.AddDate(0, 0, int(span%420))
	if e.After(last) {
		e = last
	}
	p := spanPrecision(s, e)
	if s.Equal(e) {
		p = Day
	}
	return DateRange{s, e, p}
}

// FuzzResolvePhrase checks the date resolver with any phrase against any
// valid publication date: a phrase it resolves is a known, valid range; a
// phrase with its own year (Stated) resolves alike without an anchor; the
// new-event form's reading of it (resolveDating) is a valid dating whose
// EDTF reads back the same.
func FuzzResolvePhrase(f *testing.F) {
	f.Fuzz(func(t *testing.T, phrase string, day uint32, span uint16) {
		anchor := fuzzAnchor(day, span)
		r, basis, err := ResolvePhrase(phrase, anchor)
		if err == nil {
			if !r.Known() {
				t.Fatalf("ResolvePhrase(%q, %v) = %+v: not a date", phrase, anchor, r)
			}
			if err := r.Validate(); err != nil {
				t.Fatalf("ResolvePhrase(%q, %v) = %+v: %v", phrase, anchor, r, err)
			}
			switch basis {
			case Stated:
				if alone, _, err := ResolvePhrase(phrase, DateRange{}); err != nil || !alone.Equal(r) {
					t.Fatalf("ResolvePhrase(%q) is %v against %v, %v, %v alone", phrase, r, anchor, alone, err)
				}
			case Relative:
				if !anchor.Known() {
					t.Fatalf("ResolvePhrase(%q) relative without an anchor: %v", phrase, r)
				}
			default:
				t.Fatalf("ResolvePhrase(%q): basis %q", phrase, basis)
			}
		}
		if d, err := ParseDay(phrase); err == nil && FormatDay(d) != strings.TrimSpace(phrase) {
			t.Fatalf("ParseDay(%q) = %s", phrase, FormatDay(d))
		}
		d, err := resolveDating(phrase, anchor)
		if err != nil || d.Shape == "" {
			return
		}
		if err := ValidateDating(d.Shape, d.From, d.To); err != nil {
			t.Fatalf("resolveDating(%q, %v) = %+v: %v", phrase, anchor, d, err)
		}
		if d.EDTF != FormatEDTF(d.Shape, d.From, d.To) {
			t.Fatalf("resolveDating(%q): EDTF %q for %+v", phrase, d.EDTF, d)
		}
		checkEDTFRoundTrip(t, d.EDTF)
	})
}

// FuzzParseEDTF checks that what ParseEDTF reads is a valid dating, and
// that FormatEDTF writes it in a form that reads back the same and is
// written again unchanged.
func FuzzParseEDTF(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		shape, from, to, err := ParseEDTF(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseEDTF(%q): an empty error", s)
			}
			return
		}
		if err := ValidateDating(shape, from, to); err != nil {
			t.Fatalf("ParseEDTF(%q) = %s %+v %+v: %v", s, shape, from, to, err)
		}
		checkEDTFRoundTrip(t, FormatEDTF(shape, from, to))
	})
}

// checkEDTFRoundTrip checks that an EDTF FormatEDTF wrote reads back as a
// dating that is written the same.
func checkEDTFRoundTrip(tb testing.TB, s string) {
	tb.Helper()
	shape, from, to, err := ParseEDTF(s)
	if err != nil {
		tb.Fatalf("FormatEDTF wrote %q, which ParseEDTF refuses: %v", s, err)
	}
	if again := FormatEDTF(shape, from, to); again != s {
		tb.Fatalf("EDTF %q reads back as %s %+v %+v, written %q", s, shape, from, to, again)
	}
	var e EventSummary
	if err := e.SetEDTF(s); err != nil || e.EDTF != s {
		tb.Fatalf("SetEDTF(%q): %v, EDTF %q", s, err, e.EDTF)
	}
}
