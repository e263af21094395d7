package app

import (
	"context"
	"errors"
	"testing"

	"chronoscope/data"
)

// failingReads is a corpus whose events or documents cannot be read.
type failingReads struct {
	*fakeCorpus
	events, docs error
}

func (c failingReads) Events(ctx context.Context) ([]data.EventSummary, error) {
	if c.events != nil {
		return nil, c.events
	}
	return c.fakeCorpus.Events(ctx)
}

func (c failingReads) Documents(ctx context.Context) ([]data.DocumentSummary, error) {
	if c.docs != nil {
		return nil, c.docs
	}
	return c.fakeCorpus.Documents(ctx)
}

// TestRead reads the events and the documents beside them: both come, or
// the error of the one that failed.
func TestRead(t *testing.T) {
	errEvents, errDocs := errors.New("events unreadable"), errors.New("documents unreadable")
	for _, tc := range []struct {
		name         string
		events, docs error
		want         error
	}{
		{"both read", nil, nil, nil},
		{"events fail", errEvents, nil, errEvents},
		{"documents fail", nil, errDocs, errDocs},
		{"both fail", errEvents, errDocs, errEvents},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeCorpus(t)
			tab, docs, err := read(context.Background(), failingReads{f, tc.events, tc.docs})
			if !errors.Is(err, tc.want) {
				t.Fatalf("read: %v, want %v", err, tc.want)
			}
			if err != nil {
				return
			}
			if tab.Len() != len(f.events) || len(docs) != len(f.docs) {
				t.Errorf("read %d events and %d documents, want %d and %d", tab.Len(), len(docs), len(f.events), len(f.docs))
			}
		})
	}
}
