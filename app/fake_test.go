package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"chronoscope/data"
)

// fakeCorpus is an in-memory Corpus for window tests where SQLite is not the
// point: a few events and documents built in code, a plain substring search,
// and a way to make every read fail.
type fakeCorpus struct {
	events []*data.Event // in time order
	docs   map[string]*data.Document
	// err, when set, is what every read returns.
	err error
}

var _ Corpus = (*fakeCorpus)(nil)

func (f *fakeCorpus) Name() string { return "fake" }

func (f *fakeCorpus) Events(context.Context) ([]data.EventSummary, error) {
	if f.err != nil {
		return nil, f.err
	}
	out := make([]data.EventSummary, len(f.events))
	for i, e := range f.events {
		out[i] = e.EventSummary
	}
	// As the store lists them.
	slices.SortFunc(out, func(a, b data.EventSummary) int { return data.CompareEvents(&a, &b) })
	return out, nil
}

func (f *fakeCorpus) Documents(context.Context) ([]data.DocumentSummary, error) {
	if f.err != nil {
		return nil, f.err
	}
	var out []data.DocumentSummary
	for _, d := range f.docs {
		out = append(out, d.DocumentSummary)
	}
	return out, nil
}

func (f *fakeCorpus) Event(_ context.Context, id string) (*data.Event, error) {
	if f.err != nil {
		return nil, f.err
	}
	for _, e := range f.events {
		if e.ID == id {
			return e, nil
		}
	}
	return nil, fmt.Errorf("event %q: %w", id, data.ErrNotFound)
}

func (f *fakeCorpus) EventWithDocuments(ctx context.Context, id string) (*data.Event, map[string]*data.Document, error) {
	e, err := f.Event(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	docs := map[string]*data.Document{}
	for _, v := range e.Sources {
		if docs[v.DocumentID], err = f.Document(ctx, v.DocumentID); err != nil {
			return nil, nil, err
		}
	}
	return e, docs, nil
}

func (f *fakeCorpus) Document(_ context.Context, id string) (*data.Document, error) {
	if f.err != nil {
		return nil, f.err
	}
	if d, ok := f.docs[id]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("document %q: %w", id, data.ErrNotFound)
}

// Find finds titles that contain the query, ignoring case only.
func (f *fakeCorpus) Find(_ context.Context, q string, limit int) (*data.Results, error) {
	if f.err != nil {
		return nil, f.err
	}
	res := &data.Results{}
	for _, e := range f.events {
		i := strings.Index(strings.ToLower(e.Title), strings.ToLower(q))
		if i < 0 {
			continue
		}
		res.Events = append(res.Events, e.ID)
		if len(res.Hits) == limit {
			continue
		}
		start := utf8.RuneCountInString(e.Title[:i])
		res.Hits = append(res.Hits, data.Hit{Kind: data.KindEvent, ID: e.ID, Title: e.Title, Matches: [][2]int{{start, start + utf8.RuneCountInString(q)}}})
	}
	return res, nil
}

func (f *fakeCorpus) EventsWith(_ context.Context, kind data.Kind, id string) ([]string, error) {
	if f.err != nil {
		return nil, f.err
	}
	var ids []string
	for _, e := range f.events {
		for _, a := range e.Actors {
			if kind == data.KindActor && a.ActorID == id {
				ids = append(ids, e.ID)
			}
		}
	}
	return ids, nil
}

// newFakeCorpus holds three dated events a few days apart, the middle one
// disputed by two passages of one long article, and an undated one.
func newFakeCorpus(tb testing.TB) *fakeCorpus {
	tb.Helper()
	day := func(s string) data.DateRange {
		d := parseDay(tb, s)
		return data.DateRange{Start: d, End: d, Precision: data.Day}
	}
	var paras []string
	for i := range 40 {
		paras = append(paras, fmt.Sprintf("Paragraph %d of background that a reader scrolls past.", i+1))
	}
	paras[30] = "Congress voted to remove the president, a lawful impeachment."
	paras[33] = "Supporters called it a coup against the elected president."
	text := strings.Join(paras, "\n")
	quote := func(q, side string) data.Evidence {
		i := strings.Index(text, q)
		if i < 0 {
			tb.Fatalf("fixture quote %q not in the text", q)
		}
		start := utf8.RuneCountInString(text[:i])
		return data.Evidence{DocumentID: "wire", Document: data.DocumentSummary{ID: "wire", Title: "Wire report", Publisher: "Wire", Published: day("2022-12-08")},
			Quote: q, Start: start, End: start + utf8.RuneCountInString(q), Side: side}
	}
	wire := &data.Document{DocumentSummary: data.DocumentSummary{ID: "wire", Title: "Wire report", Publisher: "Wire", Published: day("2022-12-08"), Basis: data.Stated}, Language: "en", Text: text, Original: text}
	event := func(id, title, date string, sources ...data.Evidence) *data.Event {
		e := &data.Event{EventSummary: data.EventSummary{ID: id, Title: title, Category: "diplomacy", Basis: data.Stated, Group: data.GroupPeru, Sources: 1},
			Summary: "What happened at " + title + ".", Sources: sources,
			Actors: []data.EventActor{{ActorID: "congress", Name: "Congress of Peru", Kind: "organisation", Group: data.GroupPeru, Role: "voted"}}}
		if date == "" {
			e.Date = data.DateRange{Precision: data.Unknown}
			e.Basis = data.NoBasis
		} else {
			e.Date = day(date)
		}
		return e
	}
	removed := event("removed", "Congress removes the president", "2022-12-07",
		quote("a lawful impeachment", "lawful removal"), quote("called it a coup", "coup"))
	removed.Disagreements = []data.Disagreement{{Topic: "Coup or lawful removal?", Summary: "The sources disagree.", Sides: []string{"coup", "lawful removal"}}}
	return &fakeCorpus{
		events: []*data.Event{
			event("before", "Cabinet reshuffle", "2022-12-01", quote("Paragraph 2 of", "")),
			removed,
			event("after", "Protests in Lima", "2022-12-12", quote("Paragraph 3 of", "")),
			event("undated", "Ties severed", "", quote("Paragraph 4 of", "")),
		},
		docs: map[string]*data.Document{"wire": wire},
	}
}

// newFakeWindow shows the main view on newFakeCorpus, looking at December 2022.
func newFakeWindow(tb testing.TB) (*mainView, fyne.Window, *fakeCorpus) {
	tb.Helper()
	c := newFakeCorpus(tb)
	v, w := newTestWindowOn(tb, c)
	v.timeline.SetView(parseDay(tb, "2022-11-28"), parseDay(tb, "2022-12-16").Add(24*time.Hour))
	return v, w, c
}
