package data_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"chronoscope/data"
)

// trickyNote is a note a CSV cell must quote: commas, quotes, a newline.
const trickyNote = "Wire says \"removed, not resigned\";\nask AP, then Reuters"

// reviewedForExport is the bundled corpus reviewed as reviewSome leaves it,
// with a note CSV must quote, stamped by a fixed clock.
func reviewedForExport(tb testing.TB) *data.Store {
	tb.Helper()
	s := MustOpenDB(tb)
	s.SetClock(fixedClock())
	reviewSome(tb, s)
	if _, err := s.AddNote(context.Background(), data.KindEvent, "castillo-removed", trickyNote); err != nil {
		tb.Fatal(err)
	}
	return s
}

// mustExportAs exports what f keeps in format.
func mustExportAs(tb testing.TB, s *data.Store, format data.ExportFormat, f data.Filter) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, format, f); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// summaries are the store's events in CompareEvents order.
func summaries(tb testing.TB, s *data.Store) []data.EventSummary {
	tb.Helper()
	evs, err := s.Events(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	slices.SortFunc(evs, func(a, b data.EventSummary) int { return data.CompareEvents(&a, &b) })
	return evs
}

func TestExport_Golden(t *testing.T) {
	s := reviewedForExport(t)
	for _, format := range data.ExportFormats {
		if format == data.FormatJSON {
			continue // export.golden.json, without the review
		}
		t.Run(string(format), func(t *testing.T) {
			golden(t, "export."+string(format)+".golden"+format.Ext(), mustExportAs(t, s, format, data.Filter{}))
		})
	}
}

func TestExport_JSONIsExportJSONFiltered(t *testing.T) {
	s := reviewedForExport(t)
	f := data.Filter{Statuses: []data.Status{data.NeedsSource}}
	var want bytes.Buffer
	if err := s.ExportJSONFiltered(context.Background(), &want, f); err != nil {
		t.Fatal(err)
	}
	got := mustExportAs(t, s, data.FormatJSON, f)
	if !bytes.Equal(got, want.Bytes()) {
		t.Error("Export as JSON differs from ExportJSONFiltered")
	}
	var x struct{ Events []data.ExportEvent }
	if err := json.Unmarshal(got, &x); err != nil || len(x.Events) != 1 || x.Events[0].ID != "castillo-removed" {
		t.Errorf("JSON of the events needing a source: %+v, %v", x.Events, err)
	}
}

func TestExport_UnknownFormat(t *testing.T) {
	s := MustOpenDB(t)
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, "xml", data.Filter{}); !errors.Is(err, data.ErrUnknownFormat) {
		t.Errorf("Export as xml: %v, want ErrUnknownFormat", err)
	}
	if b.Len() != 0 {
		t.Errorf("Export as xml wrote %q", b.String())
	}
}

func TestExportFormat_Ext(t *testing.T) {
	want := map[data.ExportFormat]string{data.FormatJSON: ".json", data.FormatCSV: ".csv",
		data.FormatTimelineJS: ".json", data.FormatMarkdown: ".md"}
	if len(data.ExportFormats) != len(want) {
		t.Errorf("ExportFormats = %v", data.ExportFormats)
	}
	for _, f := range data.ExportFormats {
		if f.Ext() != want[f] {
			t.Errorf("%s.Ext() = %q, want %q", f, f.Ext(), want[f])
		}
		if p, err := data.ParseExportFormat(string(f)); err != nil || p != f {
			t.Errorf("ParseExportFormat(%q) = %q, %v", f, p, err)
		}
	}
}

// TestExportCSV_ReadBack reads the CSV back with encoding/csv: a header,
// then every event in CompareEvents order, the note with commas, quotes
// and a newline whole, undated events with no days.
func TestExportCSV_ReadBack(t *testing.T) {
	s := reviewedForExport(t)
	rows, err := csv.NewReader(bytes.NewReader(mustExportAs(t, s, data.FormatCSV, data.Filter{}))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"id", "title", "start", "end", "precision", "edtf", "category", "actors",
		"places", "sources", "status", "tags", "notes"} {
		if _, ok := col[name]; !ok {
			t.Errorf("no column %q in %v", name, rows[0])
		}
	}
	evs := summaries(t, s)
	if len(rows) != len(evs)+1 {
		t.Fatalf("%d rows for %d events", len(rows)-1, len(evs))
	}
	for i, e := range evs {
		row := rows[i+1]
		if row[col["id"]] != e.ID || row[col["title"]] != e.Title || row[col["edtf"]] != e.EDTF {
			t.Errorf("row %d: %q %q %q, want %s", i, row[col["id"]], row[col["title"]], row[col["edtf"]], e.ID)
		}
		if !e.Date.Known() && (row[col["start"]] != "" || row[col["end"]] != "" || row[col["edtf"]] != "") {
			t.Errorf("undated %s: start %q end %q", e.ID, row[col["start"]], row[col["end"]])
		}
		if e.Date.Known() && row[col["start"]] != data.FormatDay(e.Date.Start) {
			t.Errorf("%s: start %q", e.ID, row[col["start"]])
		}
		if e.Sources > 0 && !strings.Contains(row[col["sources"]], ": ") {
			t.Errorf("%s: sources %q", e.ID, row[col["sources"]])
		}
	}
	i := slices.IndexFunc(rows, func(r []string) bool { return r[col["id"]] == "castillo-removed" })
	if i < 0 {
		t.Fatal("no row for castillo-removed")
	}
	r := rows[i]
	if r[col["status"]] != "needs-source" || r[col["tags"]] != "succession" || r[col["notes"]] != "check the wire\n"+trickyNote {
		t.Errorf("castillo-removed: status %q tags %q notes %q", r[col["status"]], r[col["tags"]], r[col["notes"]])
	}
}

// tlEvent is a TimelineJS slide as the test reads it back.
type tlEvent struct {
	Start *map[string]int `json:"start_date"`
	End   *map[string]int `json:"end_date"`
	Text  struct{ Headline, Text string }
	Group string
	ID    string `json:"unique_id"`
}

// TestExportTimelineJS_ReadBack parses the TimelineJS export: every dated
// event in order and no undated one, dates with only the parts known,
// spans with an end, uncertain days as a first and last day.
func TestExportTimelineJS_ReadBack(t *testing.T) {
	s := reviewedForExport(t)
	var b bytes.Buffer
	undated, err := s.ExportTimelineJS(context.Background(), &b, data.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var tl struct {
		Title  struct{ Text struct{ Headline string } }
		Events []tlEvent
	}
	if err := json.Unmarshal(b.Bytes(), &tl); err != nil {
		t.Fatal(err)
	}
	all := summaries(t, s)
	var dated []data.EventSummary
	for _, e := range all {
		if e.Date.Known() {
			dated = append(dated, e)
		}
	}
	if undated == 0 || undated != len(all)-len(dated) || len(tl.Events) != len(dated) {
		t.Fatalf("%d slides and %d left out for %d events, %d dated", len(tl.Events), undated, len(all), len(dated))
	}
	if tl.Title.Text.Headline == "" {
		t.Error("no title")
	}
	seen := map[string]bool{}
	for i, e := range dated {
		sl := tl.Events[i]
		if sl.ID != e.ID || sl.Text.Headline == "" || sl.Group == "" || sl.Start == nil {
			t.Errorf("slide %d: %+v, want %s", i, sl, e.ID)
			continue
		}
		start := *sl.Start
		switch {
		case e.Shape == data.Moment && e.From.Precision == data.Month:
			seen["month"] = true
			if _, ok := start["day"]; ok || start["month"] != int(e.From.Earliest.Month()) {
				t.Errorf("%s, a month: start_date %v", e.ID, start)
			}
			if sl.End != nil {
				t.Errorf("%s, a month: end_date %v", e.ID, *sl.End)
			}
		case e.Shape == data.Span && e.From.Precision != data.OpenEnd && e.To.Precision != data.OpenEnd:
			seen["span"] = true
			if sl.End == nil || (*sl.End)["year"] != e.To.Earliest.Year() {
				t.Errorf("%s, a span: end_date %v", e.ID, sl.End)
			}
		case e.Shape == data.Moment && e.From.Precision == data.Day:
			seen["day"] = true
			if start["day"] != e.From.Earliest.Day() || sl.End != nil {
				t.Errorf("%s, a day: %v to %v", e.ID, start, sl.End)
			}
		case e.Shape == data.Moment && e.From.Precision == "":
			seen["days"] = true
			if sl.End == nil || start["day"] != e.From.Earliest.Day() || (*sl.End)["day"] != e.From.Latest.Day() {
				t.Errorf("%s, some days: %v to %v", e.ID, start, sl.End)
			}
		}
	}
	for _, k := range []string{"month", "span", "day", "days"} {
		if !seen[k] {
			t.Errorf("the corpus has no event dated to a %s to check", k)
		}
	}
	i := slices.IndexFunc(tl.Events, func(e tlEvent) bool { return e.ID == "castillo-removed" })
	if i < 0 || !strings.Contains(tl.Events[i].Text.Text, "<blockquote>") ||
		!strings.Contains(tl.Events[i].Text.Text, "Status: needs-source · tags: succession") {
		t.Errorf("castillo-removed's text lacks its evidence or review")
	}
}

// TestExportTimelineJS_Escapes checks that text from the corpus reaches
// TimelineJS as text, not markup.
func TestExportTimelineJS_Escapes(t *testing.T) {
	s := MustOpenDB(t)
	if err := s.AddTag(context.Background(), "castillo-removed", "<b>x</b>"); err != nil {
		t.Fatal(err)
	}
	got := string(mustExportAs(t, s, data.FormatTimelineJS, data.Filter{}))
	if strings.Contains(got, "<b>x</b>") || !strings.Contains(got, "&lt;b&gt;x&lt;/b&gt;") {
		t.Error("a tag's markup is not escaped")
	}
}

// TestExportMarkdown_Sections checks the report has a section for each
// event, its dating worded, and each passage quoted.
func TestExportMarkdown_Sections(t *testing.T) {
	s := reviewedForExport(t)
	got := string(mustExportAs(t, s, data.FormatMarkdown, data.Filter{}))
	if !strings.HasPrefix(got, "# ") {
		t.Errorf("no title: %.40q", got)
	}
	evs := summaries(t, s)
	if n := strings.Count(got, "\n## "); n != len(evs) {
		t.Errorf("%d sections for %d events", n, len(evs))
	}
	at := 0
	for _, sum := range evs {
		e, err := s.Event(context.Background(), sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		i := strings.Index(got[at:], "\n## ")
		if i < 0 {
			t.Fatalf("no section for %s", e.ID)
		}
		at += i + 1
		end := strings.Index(got[at+1:], "\n## ")
		if end < 0 {
			end = len(got) - at - 1
		}
		section := got[at : at+1+end]
		if !strings.HasPrefix(section, "## "+e.Title+"\n") {
			t.Errorf("%s: section %.60q, want the heading %q", e.ID, section, e.Title)
		}
		when := data.DatingText(e.EventSummary)
		if e.Basis == data.NoBasis {
			when = "Date unknown · no source gives one" // as the detail pane says it
		}
		if !strings.Contains(section, "**When:** "+when) {
			t.Errorf("%s: no dating %q in\n%s", e.ID, when, section)
		}
		for _, v := range e.Sources {
			first := strings.Fields(v.Quote)[0]
			if !strings.Contains(section, "\n> "+first) {
				t.Errorf("%s: no blockquote of %q", e.ID, v.Quote)
			}
		}
		if strings.Count(section, "\n>\n> — ") != len(e.Sources) {
			t.Errorf("%s: %d citations for %d passages", e.ID, strings.Count(section, "\n>\n> — "), len(e.Sources))
		}
	}
	for _, want := range []string{"**Review:** needs-source · **Tags:** succession", "check the wire"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q", want)
		}
	}
}

// TestExport_Filtered checks that every format exports only the events
// the filter keeps.
func TestExport_Filtered(t *testing.T) {
	s := reviewedForExport(t)
	f := data.Filter{Tags: []string{"succession"}}
	rows, err := csv.NewReader(bytes.NewReader(mustExportAs(t, s, data.FormatCSV, f))).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "castillo-removed" {
		t.Errorf("csv: %v, %v", rows, err)
	}
	if md := string(mustExportAs(t, s, data.FormatMarkdown, f)); strings.Count(md, "\n## ") != 1 {
		t.Errorf("markdown has %d sections", strings.Count(md, "\n## "))
	}
	var tl struct{ Events []tlEvent }
	if err := json.Unmarshal(mustExportAs(t, s, data.FormatTimelineJS, f), &tl); err != nil || len(tl.Events) != 1 {
		t.Errorf("timelinejs: %d events, %v", len(tl.Events), err)
	}
}

// TestExport_LinksDocuments checks that a passage's citation links its
// document's URL, escaped, in Markdown and in TimelineJS's HTML.
func TestExport_LinksDocuments(t *testing.T) {
	s := MustOpenDB(t)
	const url = `https://example.org/a_(b)?q="1"&r=2`
	if _, err := s.DB().Exec(`UPDATE documents SET url = ? WHERE id = 'tfiglobal-us-backed-government'`, url); err != nil {
		t.Fatal(err)
	}
	md := string(mustExportAs(t, s, data.FormatMarkdown, data.Filter{}))
	if want := "> — [Mexico’s AMLO refuses to recognize ‘US backed’ government in Peru](https://example.org/a_%28b%29?q=\"1\"&r=2), TFIGlobal, 20 Feb 2023"; !strings.Contains(md, want) {
		t.Errorf("markdown lacks %q", want)
	}
	var tl struct{ Events []tlEvent }
	if err := json.Unmarshal(mustExportAs(t, s, data.FormatTimelineJS, data.Filter{}), &tl); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(tl.Events, func(e tlEvent) bool { return e.ID == "castillo-removed" })
	if want := `<a href="https://example.org/a_(b)?q=&#34;1&#34;&amp;r=2">`; i < 0 || !strings.Contains(tl.Events[i].Text.Text, want) {
		t.Errorf("timelinejs text lacks %q", want)
	}
}
