package data

import (
	"testing"
	"time"
)

func TestFilter_Keep(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	e := EventSummary{ID: "e", Category: "asylum", Group: GroupMexico, Status: Verified, Tags: []string{"asylum", "key"}, Notes: 2,
		Date: DateRange{Start: day("2022-12-07"), End: day("2022-12-21"), Precision: Day}}
	undated := EventSummary{ID: "u", Category: "diplomacy", Group: GroupPeru}
	for _, tc := range []struct {
		name          string
		f             Filter
		keep, keepUnd bool
	}{
		{"empty", Filter{}, true, true},
		{"status", Filter{Statuses: []Status{Disputed, Verified}}, true, false},
		{"unreviewed keeps the untouched", Filter{Statuses: []Status{Unreviewed}}, false, true},
		{"tag", Filter{Tags: []string{"key"}}, true, false},
		{"group and category", Filter{Groups: []string{GroupMexico}, Categories: []string{"asylum"}}, true, false},
		{"wrong category", Filter{Categories: []string{"summit"}}, false, false},
		{"notes", Filter{HasNotes: true}, true, false},
		{"range overlapping", Filter{From: day("2022-12-20"), To: day("2023-01-31")}, true, false},
		{"range before", Filter{To: day("2022-12-06")}, false, false},
	} {
		if got := tc.f.Keep(&e); got != tc.keep {
			t.Errorf("%s: Keep(dated) = %v", tc.name, got)
		}
		if got := tc.f.Keep(&undated); got != tc.keepUnd {
			t.Errorf("%s: Keep(undated) = %v", tc.name, got)
		}
		if tc.f.Empty() != (tc.name == "empty") {
			t.Errorf("%s: Empty() = %v", tc.name, tc.f.Empty())
		}
	}
}
