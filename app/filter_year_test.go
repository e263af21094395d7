package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestFilterBar_YearOutOfRange checks that a date in year 1 typed in the
// filter bar is said to be out of range, as the corpus's dates are, and
// filters nothing: it once read as the zero time, which is no bound,
// without a word.
func TestFilterBar_YearOutOfRange(t *testing.T) {
	v, _ := newReviewedWindow(t)
	b := v.filters
	for _, s := range []string{"0001-01-01", "0001", "[0001-01-01..0001-12-31]"} {
		b.from.SetText("")
		test.Type(b.from, s)
		if err := b.from.Validate(); err == nil || !strings.Contains(err.Error(), "is out of range") {
			t.Errorf("the From entry takes %q: %v, want an out-of-range error", s, err)
		}
		if f := b.Filter(); !f.From.IsZero() {
			t.Errorf("%q filters from %v", s, f.From)
		}
	}
}
