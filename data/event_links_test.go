package data

import (
	"context"
	"database/sql"
	"errors"
	"testing"
)

// What Events reads beside its own transaction, on a search connection,
// is read again in that transaction when the search connection fails
// (another process about to commit holds new readers off): the groups
// and sources are those read alone.
func TestStore_BesideReadsAgainOnFailure(t *testing.T) {
	ctx := context.Background()
	s := bundledStore(t)
	want, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var reads int
	failFirst := func(read func(context.Context, *sql.Tx) (eventLinks, error)) func(context.Context, *sql.Tx) (eventLinks, error) {
		return func(ctx context.Context, tx *sql.Tx) (eventLinks, error) {
			if reads++; reads%2 == 1 {
				return nil, errors.New("database is locked")
			}
			return read(ctx, tx)
		}
	}
	got := make([]EventSummary, len(want))
	for i := range want {
		got[i].ID = want[i].ID
	}
	links := []func(context.Context, *sql.Tx) (eventLinks, error){
		func(ctx context.Context, tx *sql.Tx) (eventLinks, error) { return readGroups(ctx, tx, 0) },
		func(ctx context.Context, tx *sql.Tx) (eventLinks, error) { return readSources(ctx, tx, 0) },
	}
	err = s.read(ctx, func(tx *sql.Tx) error {
		for _, read := range links {
			l, err := s.beside(ctx, failFirst(read))(tx)
			if err != nil {
				return err
			}
			l.fill(got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if reads != 4 {
		t.Errorf("%d reads, want 4: each failed once and was read again", reads)
	}
	for i := range want {
		if g := [2]any{got[i].Group, got[i].Sources}; g != [2]any{want[i].Group, want[i].Sources} {
			t.Fatalf("event %d: group and sources %v, want %v", i, g, [2]any{want[i].Group, want[i].Sources})
		}
	}
}
