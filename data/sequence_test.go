package data_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// narrated7Dec2022 are the events of 7 Dec 2022 in the order the sources
// tell them (issue #7 found them in the order of their ids instead).
var narrated7Dec2022 = []string{
	"castillo-dissolves-congress", "us-embassy-rebukes-castillo", "military-police-declaration",
	"castillo-removed", "boluarte-takes-office", "lopez-obrador-first-statement",
	"asylum-castillo-family", "protests-after-ouster",
}

// on7Dec2022 keeps the ids of events that begin on 7 Dec 2022.
func on7Dec2022(ids, starts []string) []string {
	var out []string
	for i, id := range ids {
		if starts[i] == "2022-12-07" {
			out = append(out, id)
		}
	}
	return out
}

func TestEvents_SameDayInNarratedOrder(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.IsSortedFunc(evs, func(a, b data.EventSummary) int { return data.CompareEvents(&a, &b) }) {
		t.Error("Events are not in CompareEvents order")
	}
	var ids, starts []string
	for _, e := range evs {
		ids = append(ids, e.ID)
		starts = append(starts, data.FormatDay(e.Date.Start))
	}
	if got := on7Dec2022(ids, starts); !slices.Equal(got, narrated7Dec2022) {
		t.Errorf("Events on 7 Dec 2022:\n got %v\nwant %v", got, narrated7Dec2022)
	}
	e, err := s.Event(ctx, "boluarte-takes-office")
	if err != nil || e.Sequence != 5 {
		t.Errorf("Event(boluarte-takes-office).Sequence = %d, %v; want 5", e.Sequence, err)
	}

	var buf bytes.Buffer
	if err := s.ExportJSON(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	var x struct {
		Events []struct {
			ID    string  `json:"id"`
			Start *string `json:"start"`
		} `json:"events"`
	}
	if err := json.Unmarshal(buf.Bytes(), &x); err != nil {
		t.Fatal(err)
	}
	ids, starts = nil, nil
	for _, e := range x.Events {
		start := ""
		if e.Start != nil {
			start = *e.Start
		}
		ids = append(ids, e.ID)
		starts = append(starts, start)
	}
	if got := on7Dec2022(ids, starts); !slices.Equal(got, narrated7Dec2022) {
		t.Errorf("export's events on 7 Dec 2022:\n got %v\nwant %v", got, narrated7Dec2022)
	}

	res, err := s.Find(ctx, "castillo", 0)
	if err != nil {
		t.Fatal(err)
	}
	var lit []string
	for _, id := range res.Events {
		if slices.Contains(narrated7Dec2022, id) {
			lit = append(lit, id)
		}
	}
	if want := slices.DeleteFunc(slices.Clone(narrated7Dec2022), func(id string) bool { return !slices.Contains(lit, id) }); !slices.Equal(lit, want) || len(lit) < 3 {
		t.Errorf("Find's events on 7 Dec 2022: %v", lit)
	}
}

// TestLoadSource_Sequence checks that a sequence must be a positive number,
// on a dated event, and not shared with an event of the same first day.
func TestLoadSource_Sequence(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"shared", "sequence = 5\n", "sequence = 4\n",
			[]string{`events.toml: event "boluarte-takes-office": sequence 4 is also that of event "castillo-removed"`, "2022-12-07"}},
		{"zero", "sequence = 5\n", "sequence = 0\n",
			[]string{`events.toml: event "boluarte-takes-office": sequence 0: want a whole number from 1`}},
		{"negative", "sequence = 5\n", "sequence = -2\n",
			[]string{`event "boluarte-takes-office": sequence -2`}},
		{"not a number", "sequence = 5\n", "sequence = \"fifth\"\n",
			[]string{"events.toml", "sequence"}},
		{"undated", "id = \"peru-severs-ties\"\n", "id = \"peru-severs-ties\"\nsequence = 1\n",
			[]string{`event "peru-severs-ties": sequence 1: an undated event has no day`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, assets.Corpus()); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "events.toml")
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tt.old) {
				t.Fatalf("events.toml has no %q", tt.old)
			}
			if err := os.WriteFile(path, []byte(strings.Replace(string(b), tt.old, tt.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = data.LoadSource(os.DirFS(dir))
			if err == nil {
				t.Fatal("no error")
			}
			var se *data.SourceError
			if tt.name != "not a number" && !errors.As(err, &se) {
				t.Errorf("err = %v, want a SourceError", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error should say %q:\n%v", w, err)
				}
			}
		})
	}
}
