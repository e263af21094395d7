package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"chronoscope/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with the file testdata/name, or rewrites the file
// under -update. A mismatch leaves got in testdata/failed/ (ignored by git).
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		failed := filepath.Join("testdata", "failed", name)
		if err := os.MkdirAll(filepath.Dir(failed), 0o755); err == nil {
			os.WriteFile(failed, got, 0o644)
		}
		tb.Errorf("%s differs from %s (what was got is in %s)", name, path, failed)
	}
}

// TestExportJSON_Golden checks that the export of the bundled corpus is byte
// for byte what it was when the export built the whole document in memory
// and encoded it at once.
func TestExportJSON_Golden(t *testing.T) {
	s := MustOpenDB(t)
	var b bytes.Buffer
	if err := s.ExportJSON(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	golden(t, "export.golden.json", b.Bytes())
}

// TestExportJSON_SameAsWhole checks, on a corpus with more of everything
// (disagreements, relative dates, events without places), that the streamed
// export equals the export encoded at once from what Documents, Document,
// Events and Event return.
func TestExportJSON_SameAsWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "synth.db")
	buildSynth(t, path, 400)
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Some of it reviewed, as a researcher leaves it.
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range evs[:40] {
		if err := s.SetStatus(ctx, e.ID, data.Statuses[i%len(data.Statuses)]); err != nil {
			t.Fatal(err)
		}
		if err := s.AddTag(ctx, e.ID, fmt.Sprint("tag-", i%3)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddNote(ctx, data.KindEvent, e.ID, fmt.Sprint("note ", i)); err != nil {
			t.Fatal(err)
		}
	}
	var streamed bytes.Buffer
	if err := s.ExportJSON(ctx, &streamed); err != nil {
		t.Fatal(err)
	}
	var whole bytes.Buffer
	enc := json.NewEncoder(&whole)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(wholeExport(t, s)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
		t.Errorf("streamed export (%d bytes) differs from the whole (%d bytes)", streamed.Len(), whole.Len())
	}
}

// wholeExport collects the export the way it used to be: every document and
// every event read one by one, held in memory.
func wholeExport(tb testing.TB, s *data.Store) any {
	tb.Helper()
	ctx := context.Background()
	x := struct {
		Documents []data.ExportDocument `json:"documents"`
		Events    []data.ExportEvent    `json:"events"`
	}{[]data.ExportDocument{}, []data.ExportEvent{}}
	docs, err := s.Documents(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, sum := range docs {
		d, err := s.Document(ctx, sum.ID)
		if err != nil {
			tb.Fatal(err)
		}
		ed := data.ExportDocument{ID: d.ID, Title: d.Title, Publisher: d.Publisher, Author: d.Author, URL: d.URL,
			Language: d.Language, Published: day(d.Published.Start), PublishedPrecision: string(d.Published.Precision),
			PublishedBasis: string(d.Basis), PublishedNote: d.PublishedNote, Text: d.Text}
		if !d.Published.End.Equal(d.Published.Start) {
			ed.PublishedEnd = day(d.Published.End)
		}
		x.Documents = append(x.Documents, ed)
	}
	evs, err := s.Events(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, sum := range evs {
		e, err := s.Event(ctx, sum.ID)
		if err != nil {
			tb.Fatal(err)
		}
		r, err := s.Review(ctx, data.KindEvent, sum.ID)
		if err != nil {
			tb.Fatal(err)
		}
		x.Events = append(x.Events, wholeEvent(e, r))
	}
	return x
}

func wholeEvent(e *data.Event, r *data.Review) data.ExportEvent {
	ee := data.ExportEvent{ID: e.ID, Title: e.Title, Summary: e.Summary, Start: day(e.Date.Start), End: day(e.Date.End),
		EDTF: edtf(e.EDTF), Precision: string(e.Date.Precision), DateBasis: string(e.Basis), DatePhrase: e.DatePhrase,
		DateAnchor: e.DateAnchor, DateNote: e.DateNote, Category: e.Category,
		Actors: []string{}, Places: []string{}, Sources: []data.ExportSource{}}
	for _, a := range e.Actors {
		ee.Actors = append(ee.Actors, a.Name)
	}
	for _, p := range e.Places {
		ee.Places = append(ee.Places, p.Name)
	}
	for _, v := range e.Sources {
		ee.Sources = append(ee.Sources, data.ExportSource{Document: v.DocumentID, Quote: v.Quote, Side: v.Side})
	}
	for _, d := range e.Disagreements {
		ee.Disputes = append(ee.Disputes, data.ExportDispute(d))
	}
	if e.Origin == "user" {
		ee.Origin = "user"
	}
	ee.Review = data.ExportReview{Status: string(r.Status), Tags: r.Tags, Notes: []data.ExportNote{}}
	for _, n := range r.Notes {
		ee.Review.Notes = append(ee.Review.Notes, data.ExportNote{ID: n.ID, Body: n.Body,
			Created: n.Created.Format(time.RFC3339), Updated: n.Updated.Format(time.RFC3339)})
	}
	return ee
}

func edtf(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// TestEvent_SameContent checks that every bundled event reads as it did
// before events were read by sets: actors with their roles in order,
// places, sources with their documents and offsets, disagreements.
func TestEvent_SameContent(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var all []*data.Event
	for _, sum := range evs {
		e, err := s.Event(ctx, sum.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.EventSummary; !got.Date.Equal(sum.Date) || got.ID != sum.ID || got.Title != sum.Title ||
			got.Category != sum.Category || got.Basis != sum.Basis || got.Group != sum.Group || got.Sources != sum.Sources {
			t.Errorf("%s: summary %+v, Events gave %+v", sum.ID, e.EventSummary, sum)
		}
		all = append(all, e)
	}
	b, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "events.golden.json", append(b, '\n'))
}

// TestEventWithDocuments checks that the detail pane's one read gives the
// event as Event does and exactly the documents its passages quote and its
// date is resolved against, each as Document gives it.
func TestEventWithDocuments(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	for _, id := range []string{"castillo-removed", "monroy-persona-non-grata", "peru-severs-ties"} {
		t.Run(id, func(t *testing.T) {
			e, docs, err := s.EventWithDocuments(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want, err := s.Event(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(e, want) {
				t.Errorf("event differs from Event's:\n%+v\n%+v", e, want)
			}
			ids := map[string]bool{}
			for _, v := range e.Sources {
				ids[v.DocumentID] = true
			}
			if e.DateAnchor != "" {
				ids[e.DateAnchor] = true
			}
			if len(docs) != len(ids) {
				t.Errorf("%d documents, want %d (%v)", len(docs), len(ids), ids)
			}
			for docID := range ids {
				d, err := s.Document(ctx, docID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(docs[docID], d) {
					t.Errorf("document %s differs from Document's", docID)
				}
			}
		})
	}
	if _, _, err := s.EventWithDocuments(ctx, "nope"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown id: %v, want ErrNotFound", err)
	}
}

// TestExportJSON_WriteFails checks that an export whose writing fails, at
// its end or while events are still being read, stops and says why.
func TestExportJSON_WriteFails(t *testing.T) {
	s := mustSynthDB(t, 1000)
	full := errors.New("no space left on device")
	for _, after := range []int{0, 200 << 10} {
		err := s.ExportJSON(context.Background(), &failingWriter{after: after, err: full})
		if !errors.Is(err, full) {
			t.Errorf("failing after %d bytes: %v, want %v", after, err, full)
		}
	}
}

// failingWriter takes after bytes, then fails with err.
type failingWriter struct {
	after int
	err   error
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.after {
		n := w.after
		w.after = 0
		return n, w.err
	}
	w.after -= len(p)
	return len(p), nil
}
