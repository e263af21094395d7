package data_test

import (
	"context"
	"slices"
	"testing"

	"chronoscope/data"
)

// dated is an event with the dating edtf, as the store reads it.
func dated(tb testing.TB, id, edtf string, seq int) data.EventSummary {
	tb.Helper()
	e := data.EventSummary{ID: id, Sequence: seq}
	if err := e.SetEDTF(edtf); err != nil {
		tb.Fatal(err)
	}
	return e
}

func TestEventSummary_SetEDTF(t *testing.T) {
	var e data.EventSummary
	if err := e.SetEDTF("[2022-12-01..2022-12-31]"); err != nil {
		t.Fatal(err)
	}
	want := data.When{Earliest: mustDay("2022-12-01"), Latest: mustDay("2022-12-31"), Precision: data.Month}
	if e.Shape != data.Moment || e.From != want || e.To != want || e.EDTF != "2022-12" ||
		!e.Date.Equal(data.DateRange{Start: want.Earliest, End: want.Latest, Precision: data.Month}) {
		t.Errorf("SetEDTF gave %+v", e)
	}
	if err := e.SetEDTF("2022-12-21/2022-12-07"); err == nil || e.EDTF != "2022-12" {
		t.Errorf("a span that ends before it starts: %v, and e is now %q", err, e.EDTF)
	}
	if err := e.SetEDTF("../2023-02-17"); err != nil || e.Shape != data.Span || e.From.Precision != data.OpenEnd ||
		data.FormatDay(e.Date.Start) != "2023-02-17" || data.FormatDay(e.Date.End) != "2023-02-17" {
		t.Errorf("open start: %+v, %v", e, err)
	}
	if err := e.SetEDTF(""); err != nil || e.Shape != "" || e.EDTF != "" || e.Date.Known() || e.Date.Precision != data.Unknown {
		t.Errorf("undated: %+v, %v", e, err)
	}
}

// TestCompareEvents_Model checks the order of the model: a span by its
// start, a moment by its earliest day, then the order within the day.
func TestCompareEvents_Model(t *testing.T) {
	evs := []data.EventSummary{
		{ID: "undated", Date: data.DateRange{Precision: data.Unknown}},
		dated(t, "moment-14-dec", "2022-12-14", 0),
		dated(t, "until-20-nov", "../2022-11-20", 0),
		dated(t, "moment-in-december", "2022-12", 0),
		dated(t, "moment-20-nov", "2022-11-20", 1),
		dated(t, "postponed", "2022-11/2022-12-14", 0),
		dated(t, "moment-in-7-21-dec", "[2022-12-07..2022-12-21]", 2),
		dated(t, "span-7-21-dec", "2022-12-07/2022-12-21", 1),
		dated(t, "from-7-dec", "2022-12-07/..", 0),
	}
	slices.SortFunc(evs, func(a, b data.EventSummary) int { return data.CompareEvents(&a, &b) })
	var got []string
	for _, e := range evs {
		got = append(got, e.ID)
	}
	want := []string{
		"postponed",          // begins 1 Nov, the first day of its start
		"moment-20-nov",      // 20 Nov, sequence 1 ...
		"until-20-nov",       // ... then none: an open start sorts at its end
		"moment-in-december", // its earliest day, 1 Dec
		"span-7-21-dec",      // 7 Dec, sequence 1
		"moment-in-7-21-dec", // 7 Dec, sequence 2
		"from-7-dec",         // 7 Dec, no sequence
		"moment-14-dec",
		"undated",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

// TestEvents_SpanSortsByStart checks the bundled corpus's order: the
// summit postponed from November to 14 December sorts in November, after
// the plan for November that the reports tell first.
func TestEvents_SpanSortsByStart(t *testing.T) {
	evs, err := MustOpenDB(t).Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	i := slices.Index(ids, "pacific-alliance-summit-blocked")
	if i < 0 || i+2 >= len(ids) || ids[i+1] != "pacific-alliance-summit-rescheduled" || ids[i+2] != "kenna-meets-bobbio" {
		t.Errorf("order %v: want the blocked summit, then its postponement, then kenna-meets-bobbio", ids)
	}
}

// TestBundledCorpus_Shapes checks that the bundled corpus has both spans
// and uncertain moments, and that every event's EDTF is what the export
// gives.
func TestBundledCorpus_Shapes(t *testing.T) {
	evs, err := MustOpenDB(t).Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, e := range evs {
		switch {
		case e.Shape == data.Span:
			count["span"]++
		case e.Shape == data.Moment && !e.From.Exact():
			count["uncertain moment"]++
		}
	}
	if count["span"] < 3 || count["uncertain moment"] < 3 {
		t.Errorf("%v; want spans and uncertain moments", count)
	}
}
