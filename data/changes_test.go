package data_test

import (
	"context"
	"testing"

	"chronoscope/data"
)

// Changed reports another Store's writes, once each, and never the
// store's own.
func TestStore_Changed(t *testing.T) {
	ctx := context.Background()
	s := MustOpenDB(t)
	other, err := data.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	changed := func(want bool, when string) {
		t.Helper()
		if got, err := s.Changed(ctx); err != nil || got != want {
			t.Errorf("%s: Changed %v, %v; want %v", when, got, err, want)
		}
	}
	changed(false, "after Open")
	if _, err := other.AddNote(ctx, data.KindEvent, "castillo-removed", "from another window"); err != nil {
		t.Fatal(err)
	}
	changed(true, "after another store's note")
	changed(false, "asked again")
	if _, err := s.AddNote(ctx, data.KindEvent, "castillo-removed", "from this window"); err != nil {
		t.Fatal(err)
	}
	changed(false, "after its own note")
	if err := other.SetStatus(ctx, "castillo-removed", data.Disputed); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Events(ctx); err != nil { // a read between does not hide it
		t.Fatal(err)
	}
	changed(true, "after another store's status, read since")
}
