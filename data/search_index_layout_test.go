package data

import (
	"context"
	"slices"
	"testing"
)

// TestSearchIndex_EventsAsCandidates stores a searcher and reads it back:
// its events in time order are its event candidates by their place, and
// a stored index whose places are not each event's once is not trusted.
func TestSearchIndex_EventsAsCandidates(t *testing.T) {
	newIndexed := func(places map[string]int32) *searcher {
		sr := newSearcher([]titled{
			{candidate{kind: kindEvent, id: "e1", title: "Castillo asume"}, "Castillo asume"},
			{candidate{kind: kindActor, id: "a1", title: "Pedro Castillo"}, "Pedro Castillo"},
			{candidate{kind: kindEvent, id: "e2", title: "Boluarte asume"}, "Boluarte asume"},
			{candidate{kind: kindEvent, id: "e3", title: "Vacancia"}, "Vacancia"},
		})
		for i := range sr.cands {
			if c := &sr.cands[i]; c.kind == kindEvent {
				c.pos = places[c.id]
			}
		}
		sr.farText = map[int64]int32{}
		sr.docText = map[int64]docRow{}
		return sr
	}
	sr := newIndexed(map[string]int32{"e1": 2, "e2": 0, "e3": 1})
	if !sr.placeEvents(3) {
		t.Fatal("placeEvents: false for each place once")
	}
	got, err := decodeSearcher(sr.encode())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for p := range got.events {
		ids = append(ids, got.event(int32(p)).id)
	}
	if want := []string{"e2", "e3", "e1"}; !slices.Equal(ids, want) {
		t.Errorf("events read back %v, want %v", ids, want)
	}
	if pos := got.eventPos(); pos["e1"] != 2 || pos["e2"] != 0 || len(pos) != 3 {
		t.Errorf("eventPos %v", pos)
	}

	// Two events at one place, none at another: encode writes what it
	// has (the first event twice), which decodeSearcher must refuse.
	bad := newIndexed(map[string]int32{"e1": 0, "e2": 0, "e3": 1})
	if bad.placeEvents(3) {
		t.Fatal("placeEvents: true for two events at one place")
	}
	for i := range bad.events {
		bad.events[i] = max(bad.events[i], 0)
	}
	if _, err := decodeSearcher(bad.encode()); err == nil {
		t.Error("decodeSearcher read an index with two events at one place")
	}
}

// TestKindNo_Order checks that a candidate's kind number is its kind's
// order, which ranking reads it as.
func TestKindNo_Order(t *testing.T) {
	for i, k := range indexKinds {
		if k.order() != i || kindNo(i).Kind() != k {
			t.Errorf("kind %s: number %d, order %d", k, i, k.order())
		}
	}
	if indexKinds[kindEvent] != KindEvent || indexKinds[kindActor] != KindActor {
		t.Error("kindEvent or kindActor is not its kind's number")
	}
}

// TestSearcher_AliasName finds an actor by an alias, from a searcher made
// from titles and from one read back from its stored index: the hit is
// the alias, with the actor's name; found by name, it has none.
func TestSearcher_AliasName(t *testing.T) {
	made := newSearcher([]titled{
		{candidate{kind: kindActor, id: "amlo", title: "Andrés Manuel López Obrador"}, "Andrés Manuel López Obrador"},
		{candidate{kind: kindActor, id: "amlo", title: "AMLO"}, "Andrés Manuel López Obrador"},
		{candidate{kind: kindActor, id: "amlo", title: "Andres Manuel Lopez Obrador"}, "Andrés Manuel López Obrador"},
		{candidate{kind: kindActor, id: "ebrard", title: "Marcelo Ebrard"}, "Marcelo Ebrard"},
	})
	made.farText, made.docText = map[int64]int32{}, map[int64]docRow{}
	if !made.placeEvents(0) {
		t.Fatal("placeEvents: false with no events")
	}
	read, err := decodeSearcher(made.encode())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for name, sr := range map[string]*searcher{"made": made, "read back": read} {
		hits, err := sr.find(ctx, "amlo", 0)
		if err != nil || len(hits) != 1 || hits[0].Title != "AMLO" || hits[0].Name != "Andrés Manuel López Obrador" {
			t.Errorf("%s: amlo finds %+v, %v", name, hits, err)
		}
		hits, err = sr.find(ctx, "lopez obrador", 0)
		if err != nil || len(hits) != 1 || hits[0].Title != "Andrés Manuel López Obrador" || hits[0].Name != "" {
			t.Errorf("%s: lopez obrador finds %+v, %v", name, hits, err)
		}
		hits, err = sr.find(ctx, "ebrard", 0)
		if err != nil || len(hits) != 1 || hits[0].Name != "" {
			t.Errorf("%s: ebrard finds %+v, %v", name, hits, err)
		}
	}
}
