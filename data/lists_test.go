package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"chronoscope/data"
)

// Every actor and place is listed for the new-event form, by name.
func TestStore_ActorsAndPlaces(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	actors, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(actors, func(a data.EventActor) bool {
		return a.ActorID == "lopez-obrador" && a.Name != "" && a.Group == data.GroupMexico
	}) {
		t.Errorf("no López Obrador among %d actors", len(actors))
	}
	if !slices.IsSortedFunc(actors, func(a, b data.EventActor) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("actors not sorted by name")
	}
	places, err := s.Places(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(places, func(p data.Place) bool { return p.ID == "lima" }) {
		t.Errorf("no Lima among %v", places)
	}
}
