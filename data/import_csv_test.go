package data_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"chronoscope/data"
)

func TestImport_TimelineCSV(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	res := mustImport(t, s, "timeline.csv")
	if len(res.Events) != 4 {
		t.Fatalf("events %v", res.Events)
	}
	for i, want := range []struct {
		title, edtf, category string
		precision             data.Precision
	}{
		{"Bridge planned", "2018", "domestic-politics", data.Year},
		{"Bridge built", "2019-03-04/2022-12", "works", data.Month},
		{"Bridge opens", "2022-12-20", "timeline", data.Day},
		{"First crossing", "[2022-12-07..2022-12-21]", "timeline", ""},
	} {
		e, err := s.Event(ctx, res.Events[i])
		if err != nil {
			t.Fatal(err)
		}
		if e.Title != want.title || e.EDTF != want.edtf || e.Category != want.category || e.Origin != "user" {
			t.Errorf("event %d: %q %q %q %q, want %+v", i, e.Title, e.EDTF, e.Category, e.Origin, want)
		}
		if want.precision != "" && e.Date.Precision != want.precision {
			t.Errorf("event %d precision %q, want %q", i, e.Date.Precision, want.precision)
		}
		if len(e.Sources) != 1 || e.Sources[0].DocumentID != res.DocumentID || !strings.HasPrefix(e.Sources[0].Quote, want.title) {
			t.Errorf("event %d sources %+v", i, e.Sources)
		}
	}
	e, _ := s.Event(ctx, res.Events[0])
	if e.Summary != "The council, the region\nand the state agree." {
		t.Errorf("summary with a comma and a newline %q", e.Summary)
	}
	e, _ = s.Event(ctx, res.Events[1])
	if !strings.Contains(e.Sources[0].Quote, "Photo: Quarryton Courier") || !strings.Contains(e.Sources[0].Quote, "The span under construction") {
		t.Errorf("media credit and caption not kept: %q", e.Sources[0].Quote)
	}
	if e.Summary != `Four years, "on budget".` {
		t.Errorf("summary %q", e.Summary)
	}
	doc, err := s.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "The Quarryton bridge" {
		t.Errorf("title slide: document title %q", doc.Title)
	}
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]data.EventSummary{}
	for _, e := range evs {
		got[e.Title] = e
	}
	if got["Bridge planned"].Date.Precision != data.Year || got["Bridge opens"].Date.Precision != data.Day ||
		got["Bridge built"].Shape != data.Span || got["First crossing"].Shape != data.Moment {
		t.Errorf("events read back: %+v", got)
	}
	if _, ok := got["The Quarryton bridge"]; ok {
		t.Error("the title slide became an event")
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %v", probs, err)
	}
	if again := mustImport(t, s, "timeline.csv"); !again.Duplicate || len(again.Events) != 0 {
		t.Errorf("second import %+v", again)
	}
}

func TestImport_TimelineCSVSniffed(t *testing.T) {
	s := MustOpenDB(t)
	res, err := s.Import(context.Background(), "sheet", strings.NewReader("year,month,HEADLINE\n2021,9,Sniffed\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != 1 {
		t.Fatalf("events %v", res.Events)
	}
	if e, _ := s.Event(context.Background(), res.Events[0]); e.EDTF != "2021-09" || e.Date.Precision != data.Month {
		t.Errorf("%q %q", e.EDTF, e.Date.Precision)
	}
}

func TestImport_TimelineCSVRefused(t *testing.T) {
	const head = "Year,Month,Day,Headline,Text\n"
	for _, tc := range []struct{ name, want, raw string }{
		{"month13.csv", `line 3, column "Month": month 13 does not exist`, head + "2022,,,A,\n2022,13,,B,\n"},
		{"year.csv", `line 2, column "Year": "MMXX" is not a number`, head + "MMXX,,,A,\n"},
		{"fields.csv", "line 3: the row has a different number of fields", head + "2022,,,A,\n2022,,,B\n"},
		{"headline.csv", `line 5, column "Headline": the row has no headline`, head + "2022,,,A,\n2023,,,B,\"two\nlines\"\n2024,,, ,x\n"},
		{"noyear.csv", `line 2, column "Year": the row has no year`, head + ",,,A,\n"},
		{"nocolumn.csv", `no "Headline" column`, "Year,Title\n2022,A\n"},
		{"quote.csv", "line 2, column 10", head + "2022,,,\"A\"x,\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := MustOpenDB(t)
			before := exportJSON(t, s)
			_, err := s.Import(context.Background(), tc.name, strings.NewReader(tc.raw))
			if err == nil || !errors.Is(err, data.ErrRefused) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("err %v, want refused naming %q and %q", err, tc.name, tc.want)
			}
			if !bytes.Equal(before, exportJSON(t, s)) {
				t.Error("the corpus changed")
			}
		})
	}
}

// TestImport_TimelineCSVRoundTrip writes our own TimelineJS export as the
// spreadsheet a person would paste it into, imports that, and reads the
// same slides back.
func TestImport_TimelineCSVRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := MustOpenDB(t)
	var js bytes.Buffer
	if err := src.Export(ctx, &js, data.FormatTimelineJS, data.Filter{}); err != nil {
		t.Fatal(err)
	}
	type date struct{ Year, Month, Day int }
	var tl struct {
		Events []struct {
			StartDate   *date  `json:"start_date"`
			EndDate     *date  `json:"end_date"`
			DisplayDate string `json:"display_date"`
			Text        struct{ Headline, Text string }
			Group       string
		}
	}
	if err := json.Unmarshal(js.Bytes(), &tl); err != nil {
		t.Fatal(err)
	}
	num := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
		"Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"})
	for _, sl := range tl.Events {
		row := make([]string, 18)
		row[0], row[1], row[2] = num(sl.StartDate.Year), num(sl.StartDate.Month), num(sl.StartDate.Day)
		if sl.EndDate != nil {
			row[4], row[5], row[6] = num(sl.EndDate.Year), num(sl.EndDate.Month), num(sl.EndDate.Day)
		}
		row[8], row[9], row[10], row[16] = sl.DisplayDate, sl.Text.Headline, sl.Text.Text, sl.Group
		w.Write(row)
	}
	w.Flush()
	want := timelineSlides(t, src)
	dst := MustOpenDB(t)
	res, err := dst.Import(ctx, "ours.csv", &b)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != len(want) || len(want) == 0 {
		t.Fatalf("%d events, want %d", len(res.Events), len(want))
	}
	got := map[string]tlSlideDates{}
	for _, sl := range timelineSlides(t, dst) {
		got[sl.UniqueID] = sl
	}
	for i, w := range want {
		g := got[res.Events[i]]
		gj, _ := json.Marshal([]any{g.Text.Headline, g.StartDate, g.EndDate, g.DisplayDate})
		wj, _ := json.Marshal([]any{w.Text.Headline, w.StartDate, w.EndDate, w.DisplayDate})
		if !bytes.Equal(gj, wj) {
			t.Errorf("slide %d: %s, want %s", i, gj, wj)
		}
	}
}
