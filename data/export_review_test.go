package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"chronoscope/data"
)

// exported is the part of the export these tests read.
type exported struct {
	Documents []struct{ ID string } `json:"documents"`
	Events    []struct {
		ID     string            `json:"id"`
		Review data.ExportReview `json:"review"`
	} `json:"events"`
}

func mustExport(tb testing.TB, s *data.Store, f data.Filter) exported {
	tb.Helper()
	var b bytes.Buffer
	if err := s.ExportJSONFiltered(context.Background(), &b, f); err != nil {
		tb.Fatal(err)
	}
	var x exported
	if err := json.Unmarshal(b.Bytes(), &x); err != nil {
		tb.Fatal(err)
	}
	return x
}

// TestExportJSON_Review checks each event's review in the export, and
// that statuses and tags select events, combined, with the documents
// they cite.
func TestExportJSON_Review(t *testing.T) {
	s := MustOpenDB(t)
	s.SetClock(fixedClock())
	reviewSome(t, s)
	ctx := context.Background()
	if err := s.SetStatus(ctx, "boluarte-takes-office", data.Verified); err != nil {
		t.Fatal(err)
	}
	if err := s.AddTag(ctx, "boluarte-takes-office", "succession"); err != nil {
		t.Fatal(err)
	}

	all := mustExport(t, s, data.Filter{})
	var got data.ExportReview
	for _, e := range all.Events {
		if e.ID == "castillo-removed" {
			got = e.Review
		}
	}
	want := data.ExportReview{Status: "needs-source", Tags: []string{"succession"}, Notes: []data.ExportNote{
		{ID: 1, Body: "check the wire", Created: "2026-11-29T18:00:02Z", Updated: "2026-11-29T18:00:02Z"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("review %+v, want %+v", got, want)
	}

	for _, tt := range []struct {
		name   string
		f      data.Filter
		events []string
	}{
		{"tag", data.Filter{Tags: []string{"succession"}}, []string{"castillo-removed", "boluarte-takes-office"}},
		{"status", data.Filter{Statuses: []data.Status{data.Verified}}, []string{"boluarte-takes-office"}},
		{"both", data.Filter{Tags: []string{"succession"}, Statuses: []data.Status{data.NeedsSource}}, []string{"castillo-removed"}},
		{"none", data.Filter{Tags: []string{"nothing"}}, nil},
	} {
		x := mustExport(t, s, tt.f)
		var ids []string
		for _, e := range x.Events {
			ids = append(ids, e.ID)
		}
		if !reflect.DeepEqual(ids, tt.events) {
			t.Errorf("%s: events %v, want %v", tt.name, ids, tt.events)
		}
		cited := map[string]bool{}
		for _, id := range tt.events {
			_, docs, err := s.EventWithDocuments(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for d := range docs {
				cited[d] = true
			}
		}
		gotDocs := map[string]bool{}
		for _, d := range x.Documents {
			gotDocs[d.ID] = true
		}
		if !reflect.DeepEqual(gotDocs, cited) {
			t.Errorf("%s: documents %v, want %v", tt.name, gotDocs, cited)
		}
	}
}
