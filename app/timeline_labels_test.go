package app

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"chronoscope/data"
)

// windowTimelineSize is about the size the window gives the timeline at
// 1280×800.
var windowTimelineSize = fyne.NewSize(1272, 310)

// TestTimeline_LabelsByTheirMarkers checks, on the bundled corpus and a
// large one, at the size the window gives the timeline, that every label
// sits next to its own marker, and that the selected event's label is
// shown where there is room for it beside its marker, plainly or dimmed by
// a search.
func TestTimeline_LabelsByTheirMarkers(t *testing.T) {
	bundled, err := openTestCorpus(t).Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	large := decadesEvents(100_000, 6)
	var inQuarter string // an event of early 2004, known to the day
	for _, e := range large {
		if e.Date.Precision == data.Day && e.Date.Start.After(day(2004, 2, 1)) && e.Date.Start.Before(day(2004, 2, 15)) {
			inQuarter = e.ID
			break
		}
	}
	tests := []struct {
		name     string
		events   []data.EventSummary
		mode     LaneMode
		selected string
		from, to time.Time
		lit      []string
	}{
		{"bundled, Fit all", bundled, LanesByGroup, "pacific-alliance-presidency-withheld", time.Time{}, time.Time{}, nil},
		{"bundled, Fit all, searched", bundled, LanesByGroup, "pacific-alliance-presidency-withheld", time.Time{}, time.Time{}, []string{"castillo-removed"}},
		{"bundled by category", bundled, LanesByCategory, "castillo-removed", time.Time{}, time.Time{}, nil},
		{"bundled, December 2022", bundled, LanesByGroup, "castillo-removed", day(2022, 12, 1), day(2023, 1, 1), nil},
		{"100k, a month", large, LanesByGroup, "", day(2010, 3, 1), day(2010, 4, 1), nil},
		{"100k, a quarter", large, LanesByGroup, inQuarter, day(2004, 1, 1), day(2004, 4, 1), nil},
		{"100k, a week", large, LanesByGroup, "", day(2015, 6, 1), day(2015, 6, 8), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tl, w := newTestTimeline(t, tc.events)
			w.Resize(windowTimelineSize)
			tl.SetLaneMode(tc.mode)
			if tc.from.IsZero() {
				tl.FitAll()
			} else {
				tl.SetView(tc.from, tc.to)
			}
			tl.Select(tc.selected)
			if tc.lit != nil {
				lit := map[string]bool{}
				for _, id := range tc.lit {
					lit[id] = true
				}
				tl.SetHighlight(lit)
			}
			step := fmt.Sprintf("%v–%v", timeAtSeconds(tl.from).Format(time.DateOnly), timeAtSeconds(tl.to).Format(time.DateOnly))
			assertMarkersApart(t, tl, step)
			assertLabelsByMarkers(t, tl, step)
			assertSelectedLabelled(t, tl)
		})
	}
}
