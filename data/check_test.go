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
		{"edited relative date", `UPDATE events SET start_date = '2022-12-19', end_date = '2022-12-19' WHERE id = 'monroy-persona-non-grata'`, "resolves to 20 Dec 2022"},
		{"day precision for a range", `UPDATE events SET precision = 'day' WHERE id = 'treasury-mission-lima'`, "too wide for precision day"},
		{"shared sequence", `UPDATE events SET sequence = 4 WHERE id = 'boluarte-takes-office'`, "event boluarte-takes-office: sequence 4 is also that of event castillo-removed"},
		{"no evidence", `DELETE FROM evidence WHERE event_id = 'kenna-meets-bobbio'`, "has no evidence"},
		{"invented date for undated", `UPDATE events SET date_basis = 'unknown', start_date = '2023-01-01', end_date = '2023-01-01', precision = 'day' WHERE id = 'castillo-removed'`, "basis unknown but a date"},
		{"stated date gone", `UPDATE events SET start_date = NULL, end_date = NULL, sequence = NULL, precision = 'unknown' WHERE id = 'castillo-removed'`, "event castillo-removed: date basis stated but no date"},
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
