package app

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"chronoscope/data"
)

// tableEvents is every event of tab, in order.
func tableEvents(tab *eventTable) []data.EventSummary {
	evs := make([]data.EventSummary, tab.Len())
	for i := range evs {
		evs[i] = tab.At(i)
	}
	return evs
}

// TestEventTable_RoundTrip checks that every event of a synthetic corpus,
// reviewed in part, and of the timeline fixtures comes back from the table
// exactly as it went in, and that the events give every field a value, so
// that a field the table dropped would show.
func TestEventTable_RoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "synth.db")
	if err := data.CreateSynthetic(ctx, path, data.SynthOptions{Events: 1500, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Give some events a status, tags and notes, as a researcher would.
	for i, st := range []data.Status{data.Verified, data.Disputed, data.Verified} {
		id := evs[i*7].ID
		if err := s.SetStatus(ctx, id, st); err != nil {
			t.Fatal(err)
		}
		for _, tag := range []string{"follow-up", "press"}[:i%2+1] {
			if err := s.AddTag(ctx, id, tag); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := s.AddNote(ctx, data.KindEvent, id, "A note."); err != nil {
			t.Fatal(err)
		}
	}
	if evs, err = s.Events(ctx); err != nil {
		t.Fatal(err)
	}
	evs = append(evs, fixtureEvents()...)
	evs = append(evs, datingEvents()...)

	assertEveryFieldSet(t, evs)
	assertRoundTrip(t, evs)
}

// TestEventTable_Odd checks the events a row cannot hold as they are:
// times not at the start of a UTC day, or in another location, zero times
// with a location, an empty list of tags rather than none.
func TestEventTable_Odd(t *testing.T) {
	lima := time.FixedZone("Lima", -5*3600)
	day := time.Date(2022, 12, 7, 0, 0, 0, 0, time.UTC)
	evs := []data.EventSummary{
		{ID: "whole", Date: data.DateRange{Start: day, End: day, Precision: data.Day}, Sources: 2},
		{ID: "noon", Date: data.DateRange{Start: day.Add(12 * time.Hour), End: day, Precision: data.Day}},
		{ID: "lima", Date: data.DateRange{Start: time.Date(2022, 12, 7, 0, 0, 0, 0, lima), End: day}},
		{ID: "local-zero", From: data.When{Earliest: time.Time{}.In(lima)}},
		{ID: "before-epoch", Date: data.DateRange{Start: time.Date(1601, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{ID: "empty-tags", Tags: []string{}},
		{ID: "tags", Tags: []string{"a", "b"}, Status: data.Verified},
		{ID: "same-tags", Tags: []string{"a", "b"}},
		{ID: "tag-joined", Tags: []string{"a\x00b"}},
		{ID: "many-sources", Sources: 1 << 40, Notes: -1},
	}
	assertRoundTrip(t, evs)
	tab := newEventTable(evs)
	for i, e := range evs {
		if tab.ID(i) != e.ID || tab.Title(i) != e.Title || tab.Category(i) != e.Category || tab.Group(i) != e.Group ||
			tab.Status(i) != e.Status || tab.Sources(i) != e.Sources || !reflect.DeepEqual(tab.Tags(i), e.Tags) {
			t.Errorf("%s: a field read alone differs", e.ID)
		}
	}
}

// TestEventTable_Compare checks that the table orders its events as
// data.CompareEvents does.
func TestEventTable_Compare(t *testing.T) {
	evs := append(syntheticEvents(300, 5), datingEvents()...)
	evs = append(evs, data.EventSummary{ID: "noon", Date: data.DateRange{Start: time.Date(2022, 12, 7, 12, 0, 0, 0, time.UTC)}})
	tab := newEventTable(evs)
	for i := range evs {
		for j := range evs {
			if got, want := tab.Compare(i, j), data.CompareEvents(&evs[i], &evs[j]); got != want {
				t.Fatalf("Compare(%s, %s) = %d, want %d", evs[i].ID, evs[j].ID, got, want)
			}
		}
	}
}

func assertRoundTrip(tb testing.TB, evs []data.EventSummary) {
	tb.Helper()
	tab := newEventTable(evs)
	if tab.Len() != len(evs) {
		tb.Fatalf("%d events in the table, want %d", tab.Len(), len(evs))
	}
	for i := range evs {
		if got := tab.At(i); !reflect.DeepEqual(got, evs[i]) {
			tb.Errorf("event %d came back as\n%+v\nwant\n%+v", i, got, evs[i])
		}
	}
}

// assertEveryFieldSet fails if some field of data.EventSummary, or of its
// dates, is zero in every one of evs.
func assertEveryFieldSet(tb testing.TB, evs []data.EventSummary) {
	tb.Helper()
	var walk func(name string, field func(e reflect.Value) reflect.Value, typ reflect.Type)
	walk = func(name string, field func(e reflect.Value) reflect.Value, typ reflect.Type) {
		if typ.Kind() == reflect.Struct && typ != reflect.TypeFor[time.Time]() {
			for k := range typ.NumField() {
				walk(name+"."+typ.Field(k).Name, func(e reflect.Value) reflect.Value { return field(e).Field(k) }, typ.Field(k).Type)
			}
			return
		}
		for i := range evs {
			if !field(reflect.ValueOf(evs[i])).IsZero() {
				return
			}
		}
		tb.Errorf("no event has a %s", name)
	}
	walk("EventSummary", func(e reflect.Value) reflect.Value { return e }, reflect.TypeFor[data.EventSummary]())
}

// TestEventTable_RecentNames checks that names looked up lately are told
// apart where they share a length and a first letter, as riot, rain and
// road do, and are the same name where equal but not the same string.
func TestEventTable_RecentNames(t *testing.T) {
	cats := []string{"riot", "rain", "road", "", "riot", strings.Clone("rain"), "r", "s", "rain"}
	var evs []data.EventSummary
	for i, c := range cats {
		for _, g := range []string{"gov", "grp", strings.Clone("gov")} {
			evs = append(evs, data.EventSummary{ID: fmt.Sprintf("e%d-%s", i, g), Title: "T", Category: c, Group: g, Origin: c})
		}
	}
	assertRoundTrip(t, evs)
	if tab := newEventTable(evs); len(tab.names) != 8 { // riot rain road "" r s gov grp
		t.Errorf("names %q, want each once", tab.names)
	}
}
