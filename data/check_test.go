package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestCheck_FindsTampering(t *testing.T) {
	tests := []struct {
		name, sql, want string
	}{
		{"moved offsets", `UPDATE evidence SET start_char = start_char + 1, end_char = end_char + 1 WHERE id = (SELECT MIN(id) FROM evidence)`, "not the quote"},
		{"offsets past the end", `UPDATE evidence SET end_char = 10000000 WHERE id = (SELECT MIN(id) FROM evidence)`, "outside the document"},
		{"edited relative date", `UPDATE events SET start_date = '2022-12-19', end_date = '2022-12-19', from_earliest = '2022-12-19',
			from_latest = '2022-12-19', to_earliest = '2022-12-19', to_latest = '2022-12-19' WHERE id = 'monroy-persona-non-grata'`, "resolves to 20 Dec 2022"},
		{"envelope not the dating's", `UPDATE events SET end_date = '2022-12-31' WHERE id = 'asylum-castillo-family'`,
			"event asylum-castillo-family: date: stored as 2022-12-07..2022-12-31 (month), but its dating [2022-12-07..2022-12-21] covers 2022-12-07..2022-12-21 (month)"},
		// The loose precision: "month" on a 15-day range that is no calendar month.
		{"month precision on 15 days", `UPDATE events SET from_precision = 'month', to_precision = 'month' WHERE id = 'asylum-castillo-family'`,
			"event asylum-castillo-family: date: 2022-12-07 to 2022-12-21 is 15 days, not a calendar month: give no precision"},
		{"no precision on a calendar month", `UPDATE events SET from_precision = '', to_precision = '' WHERE id = 'celac-summit-castillo-visit'`,
			"event celac-summit-castillo-visit: date: its EDTF [2021-09-01..2021-09-30] reads back as moment 2021-09-01..2021-09-30 (month), not the moment 2021-09-01..2021-09-30 (no precision) stored"},
		{"span end with no EDTF form", `UPDATE events SET shape = 'span', to_earliest = '2022-12-20', to_latest = '2022-12-21', to_precision = '' WHERE id = 'castillo-removed'`,
			"event castillo-removed: date: its EDTF does not read back"},
		{"span ends before it starts", `UPDATE events SET shape = 'span', to_earliest = '2022-12-01', to_latest = '2022-12-01' WHERE id = 'castillo-removed'`,
			"event castillo-removed: date: its EDTF does not read back: EDTF date \"2022-12-07/2022-12-01\": ends (2022-12-01) before it starts (2022-12-07)"},
		{"moment with two dates", `UPDATE events SET to_earliest = '2022-12-21', to_latest = '2022-12-21' WHERE id = 'castillo-removed'`,
			"event castillo-removed: date: a moment has one date"},
		{"shared sequence", `UPDATE events SET sequence = 4 WHERE id = 'boluarte-takes-office'`, "event boluarte-takes-office: sequence 4 is also that of event castillo-removed"},
		{"no evidence", `DELETE FROM evidence WHERE event_id = 'kenna-meets-bobbio'`, "has no evidence"},
		// Evidence of a document that is missing, whether its id sorts
		// before or after every document's.
		{"evidence of a missing document", `UPDATE evidence SET document_id = 'zz-gone' WHERE id = (SELECT MIN(id) FROM evidence)`,
			"links to a missing documents row"},
		{"evidence of a missing document sorting first", `UPDATE evidence SET document_id = '0-gone' WHERE id = (SELECT MAX(id) FROM evidence)`,
			"links to a missing documents row"},
		{"invented date for undated", `UPDATE events SET date_basis = 'unknown', start_date = '2023-01-01', end_date = '2023-01-01', precision = 'day',
			shape = 'moment', from_earliest = '2023-01-01', from_latest = '2023-01-01', from_precision = 'day',
			to_earliest = '2023-01-01', to_latest = '2023-01-01', to_precision = 'day' WHERE id = 'peru-severs-ties'`, "basis unknown but a date 2023-01-01"},
		{"stated date gone", `UPDATE events SET start_date = NULL, end_date = NULL, sequence = NULL, precision = 'unknown', shape = NULL,
			from_earliest = NULL, from_latest = NULL, from_precision = '', to_earliest = NULL, to_latest = NULL, to_precision = '' WHERE id = 'castillo-removed'`,
			"event castillo-removed: date basis stated but no date"},
		{"relative date without anchor", `UPDATE events SET date_anchor = NULL WHERE id = 'monroy-persona-non-grata'`, "has no anchor document"},
		{"unresolvable phrase", `UPDATE events SET date_phrase = 'once upon a time' WHERE id = 'monroy-persona-non-grata'`, "event monroy-persona-non-grata: relative date: date phrase"},
		{"publication basis without date", `UPDATE documents SET published_basis = 'unknown' WHERE id = 'pa-presidency-withheld'`, "document pa-presidency-withheld: publication date basis unknown does not fit"},
		{"publication range too wide", `UPDATE documents SET published_end = '2023-12-31' WHERE id = 'pa-presidency-withheld'`, "document pa-presidency-withheld: publication date: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MustOpenDB(t)
			if _, err := s.DB().Exec(`PRAGMA foreign_keys = OFF`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.DB().Exec(tt.sql); err != nil {
				t.Fatal(err)
			}
			probs, err := s.Check(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, p := range probs {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.want) {
				t.Errorf("problems %q, want one containing %q", all, tt.want)
			}
		})
	}
}

func TestCheck_DanglingLink(t *testing.T) {
	s := MustOpenDB(t)
	db := s.DB()
	if _, err := db.Exec(`PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO event_actors (event_id, actor_id, role, position) VALUES ('castillo-removed', 'nobody', '', 9)`); err != nil {
		t.Fatal(err)
	}
	probs, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(probs) == 0 || !strings.Contains(probs[0].String(), "missing actors row") {
		t.Errorf("problems %v, want a missing actors row", probs)
	}
}

// TestCheck_EvidenceProblemsInEventOrder checks that problems with evidence
// are listed by event, as they were when the check read evidence in event
// order, though it now reads it by document.
func TestCheck_EvidenceProblemsInEventOrder(t *testing.T) {
	s := MustOpenDB(t)
	mustExec(t, s.DB(), `UPDATE evidence SET start_char = start_char + 1, end_char = end_char + 1`)
	probs, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT COUNT(*) FROM evidence`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	var where []string
	for _, p := range probs {
		if strings.Contains(p.What, "evidence from") {
			where = append(where, p.Where)
		}
	}
	if len(where) != n {
		t.Fatalf("%d evidence problems, want one for each of the %d passages", len(where), n)
	}
	if !slices.IsSorted(where) {
		t.Errorf("evidence problems not in event order: %q", where)
	}
}

// TestCheck_SharedSequences checks that every pair of events of a day that
// share a sequence is reported once, in order of the pair's ids.
func TestCheck_SharedSequences(t *testing.T) {
	s := MustOpenDB(t)
	mustExec(t, s.DB(), `UPDATE events SET sequence = 4 WHERE id IN ('boluarte-takes-office', 'protests-after-ouster')`)
	probs, err := s.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range probs {
		if strings.Contains(p.What, "sequence") {
			got = append(got, p.String())
		}
	}
	want := []string{
		"event boluarte-takes-office: sequence 4 is also that of event castillo-removed, which begins on the same day, 2022-12-07",
		"event boluarte-takes-office: sequence 4 is also that of event protests-after-ouster, which begins on the same day, 2022-12-07",
		"event castillo-removed: sequence 4 is also that of event protests-after-ouster, which begins on the same day, 2022-12-07",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
