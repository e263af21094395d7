package data_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"

	"chronoscope/data"
)

// Events, read in three scans and sorted in Go, lists every event as Event
// reads it on its own (in one query with the group and sources as
// subqueries), in CompareEvents' order: the bundled corpus, with its
// reviews, a synthetic one with spans, moments and undated events, and one
// whose categories hold the separator Events packs its columns with.
func TestStore_EventsAsEventReadsThem(t *testing.T) {
	synth := mustSynthDB(t, 400)
	odd := filepath.Join(t.TempDir(), "odd.db")
	buildSynth(t, odd, 50)
	db, err := sql.Open("sqlite", odd)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE events SET category = category || char(31) || '|' || char(31) WHERE rowid % 2 = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	stores := map[string]*data.Store{"bundled": MustOpenDB(t), "synthetic": synth, "separator in categories": openReadOnly(t, odd)}
	for name, s := range stores {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			evs, err := s.Events(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) == 0 {
				t.Fatal("no events")
			}
			for i := range evs {
				if i > 0 && data.CompareEvents(&evs[i-1], &evs[i]) >= 0 {
					t.Errorf("%s listed before %s", evs[i-1].ID, evs[i].ID)
				}
				e, err := s.Event(ctx, evs[i].ID)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(evs[i], e.EventSummary) {
					t.Errorf("Events lists\n%+v\nEvent reads\n%+v", evs[i], e.EventSummary)
				}
			}
		})
	}
}
