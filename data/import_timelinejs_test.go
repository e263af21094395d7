package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"chronoscope/data"
)

func TestImport_TimelineJS(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	res := mustImport(t, s, "timeline.json")
	if len(res.Events) != 3 {
		t.Fatalf("events %v", res.Events)
	}
	for i, want := range []struct{ title, edtf, category string }{
		{"Bridge planned", "2018", "domestic-politics"},
		{"Bridge built", "2019-03-04/2022-12", "works"},
		{"Bridge opens", "2022-12-20", "timeline"},
	} {
		e, err := s.Event(ctx, res.Events[i])
		if err != nil {
			t.Fatal(err)
		}
		if e.Title != want.title || e.EDTF != want.edtf || e.Category != want.category || e.Origin != "user" {
			t.Errorf("event %d: %q %q %q %q, want %+v", i, e.Title, e.EDTF, e.Category, e.Origin, want)
		}
		if len(e.Sources) != 1 || e.Sources[0].DocumentID != res.DocumentID || !strings.HasPrefix(e.Sources[0].Quote, want.title) {
			t.Errorf("event %d sources %+v", i, e.Sources)
		}
	}
	e, _ := s.Event(ctx, res.Events[1])
	if !strings.Contains(e.Sources[0].Quote, "Photo: Quarryton Courier") || !strings.Contains(e.Sources[0].Quote, "The span under construction") {
		t.Errorf("media credit and caption not kept: %q", e.Sources[0].Quote)
	}
	if e, _ := s.Event(ctx, res.Events[0]); e.Summary != "The council & the region agree." || e.Date.Precision != data.Year {
		t.Errorf("summary %q precision %q", e.Summary, e.Date.Precision)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %v", probs, err)
	}
	if again := mustImport(t, s, "timeline.json"); !again.Duplicate || len(again.Events) != 0 {
		t.Errorf("second import %+v", again)
	}
}

type tlSlideDates struct {
	StartDate   any    `json:"start_date"`
	EndDate     any    `json:"end_date"`
	DisplayDate string `json:"display_date"`
	Text        struct {
		Headline string `json:"headline"`
	} `json:"text"`
	UniqueID string `json:"unique_id"`
}

func timelineSlides(tb testing.TB, s *data.Store) []tlSlideDates {
	tb.Helper()
	var b bytes.Buffer
	if err := s.Export(context.Background(), &b, data.FormatTimelineJS, data.Filter{}); err != nil {
		tb.Fatal(err)
	}
	var tl struct{ Events []tlSlideDates }
	if err := json.Unmarshal(b.Bytes(), &tl); err != nil {
		tb.Fatal(err)
	}
	return tl.Events
}

func TestImport_TimelineJSRoundTrip(t *testing.T) {
	src := MustOpenDB(t)
	var b bytes.Buffer
	if err := src.Export(context.Background(), &b, data.FormatTimelineJS, data.Filter{}); err != nil {
		t.Fatal(err)
	}
	want := timelineSlides(t, src)
	dst := MustOpenDB(t)
	res, err := dst.Import(context.Background(), "ours.json", &b)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Events) != len(want) {
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
