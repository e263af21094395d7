package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"chronoscope/data"
)

// TestTimeline_StatusBadges checks that each reviewed event drawn on its
// own carries the badge of its status at its marker, dots, bands, bars and
// the Undated column alike, that an unreviewed one carries none, and that
// the legend shows the three badges.
func TestTimeline_StatusBadges(t *testing.T) {
	tl, _ := newTestTimeline(t, fixtureEvents())
	tl.SetView(day(2022, 3, 25), day(2023, 1, 20))
	f := tl.lastFrame()
	badgeAt := func(b box) string {
		for k, c := range f.badges {
			cx, cy := c.pos.X+c.size.Width/2, c.pos.Y+c.size.Height/2
			if cx >= b.x-2 && cx <= b.x+b.w+badgeSize && cy >= b.y-badgeSize && cy <= b.y+b.h {
				return f.badgeText[k].text
			}
		}
		return ""
	}
	for _, tc := range []struct{ id, want string }{
		{"ev-transport-strike", "✓"}, // a band
		{"ev-emergency", "?"},        // a bar
		{"ev-backchannel", "?"},      // undated
		{"ev-second-vacancy", ""},    // unreviewed
	} {
		b, kind, ok := tl.markOf(tc.id)
		if !ok || kind != hitEvent {
			t.Fatalf("%s is not drawn on its own (%v)", tc.id, kind)
		}
		if got := badgeAt(b); got != tc.want {
			t.Errorf("%s: badge %q, want %q", tc.id, got, tc.want)
		}
	}
	tl.SetView(day(2022, 12, 7), day(2022, 12, 8))
	f = tl.lastFrame()
	for _, tc := range []struct{ id, want string }{{"ev-self-coup", "✓"}, {"ev-arrest", "!"}, {"ev-boluarte", ""}} {
		b, kind, ok := tl.markOf(tc.id)
		if !ok || kind != hitEvent {
			t.Fatalf("%s is not drawn on its own on its day (%v)", tc.id, kind)
		}
		if got := badgeAt(b); got != tc.want {
			t.Errorf("%s on its day: badge %q, want %q", tc.id, got, tc.want)
		}
	}
	var legend []string
	for _, n := range f.names {
		legend = append(legend, n.text)
	}
	for _, s := range []string{"verified", "disputed", "needs a source"} {
		if !strings.Contains(strings.Join(legend, "|"), s) {
			t.Errorf("the legend %q does not explain %q", legend, s)
		}
	}
}

// TestTimeline_TooltipReview checks that an event's tooltip gives its
// status and tags, and a cluster's how many of its events are reviewed.
func TestTimeline_TooltipReview(t *testing.T) {
	tl, w := newTestTimeline(t, fixtureEvents())
	tl.SetView(day(2022, 12, 7), day(2022, 12, 8))
	test.MoveMouse(w.Canvas(), centre(t, tl, "ev-self-coup"))
	tip := tl.lastFrame().tipText
	if len(tip) != 2 || !strings.HasSuffix(tip[0].text, " · verified") || !strings.HasSuffix(tip[1].text, " · tags: coup, key") {
		t.Errorf("the tooltip of a verified, tagged event reads %+v", tip)
	}

	// Zoomed out, the four Peruvian events of 7 December are a cluster,
	// two of them verified and one disputed.
	tl.SetView(day(2021, 1, 1), day(2024, 1, 1))
	b, kind, _ := tl.markOf("ev-self-coup")
	if kind != hitCluster {
		t.Fatalf("ev-self-coup drawn as %v, want in a cluster", kind)
	}
	test.MoveMouse(w.Canvas(), fyne.NewPos(b.x+b.w/2, b.y+b.h/2))
	var n, reviewedN int
	h, _ := topHitAt(tl.lastFrame().hits, fyne.NewPos(b.x+b.w/2, b.y+b.h/2))
	for _, d := range tl.lastFrame().drawn {
		if tl.lastFrame().hits[d.hit] == h {
			n++
			if tl.events[d.event].reviewed {
				reviewedN++
			}
		}
	}
	tip = tl.lastFrame().tipText
	if want := fmt.Sprintf("%d events · %d reviewed", n, reviewedN); len(tip) != 2 || tip[0].text != want || reviewedN < 3 {
		t.Errorf("the cluster's tooltip reads %+v, want %q (at least 3 reviewed)", tip, want)
	}
}

// TestTimeline_HistogramCountsReviewed checks that a histogram's caption
// says how many of the events it counts are reviewed, counted apart from
// the lane's index.
func TestTimeline_HistogramCountsReviewed(t *testing.T) {
	evs := syntheticEvents(20_000, 3)
	tl, _ := newTestTimeline(t, evs)
	f := tl.lastFrame()
	for li, g := range f.lanes {
		if !g.histogram {
			t.Fatalf("lane %d is not a histogram", li)
		}
		want := 0
		for _, ei := range tl.lanes[li].items {
			it := &tl.events[ei]
			if it.reviewed && it.end > tl.from && it.start < tl.to {
				want++
			}
		}
		suffix := fmt.Sprintf(", %s reviewed, counted per column", commas(want))
		found := false
		for _, c := range f.labels {
			found = found || strings.HasPrefix(c.text, commas(g.inView)+" events in view") && strings.HasSuffix(c.text, suffix)
		}
		if !found || want == 0 {
			t.Errorf("lane %s: no caption ending %q", tl.lanes[li].name, suffix)
		}
	}
}

// reviewStatuses is every status a badge shows.
var reviewStatuses = []data.Status{data.Verified, data.Disputed, data.NeedsSource}

// TestStatusGlyph checks that the statuses' badges differ in shape, not
// only in colour, and that an unreviewed event has none.
func TestStatusGlyph(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range reviewStatuses {
		g := statusGlyph(s)
		if g == "" || seen[g] {
			t.Errorf("%s: glyph %q missing or shared", s, g)
		}
		seen[g] = true
	}
	if statusGlyph(data.Unreviewed) != "" || statusGlyph("") != "" {
		t.Error("an unreviewed event has a badge")
	}
}

// TestTimeline_UnreviewedCorpusCountsNoReviews checks that before any
// review the histogram and cluster say nothing of reviews, and that an
// event hovered before it was reviewed shows its status once it is.
func TestTimeline_UnreviewedCorpusCountsNoReviews(t *testing.T) {
	evs := syntheticEvents(20_000, 3)
	for i := range evs {
		evs[i].Status = ""
	}
	tl, _ := newTestTimeline(t, evs)
	for _, c := range tl.lastFrame().labels {
		if strings.Contains(c.text, "reviewed") {
			t.Errorf("caption %q counts reviews in a corpus with none", c.text)
		}
	}

	plain := fixtureEvents()
	for i := range plain {
		plain[i].Status = ""
	}
	tl, w := newTestTimeline(t, plain)
	tl.SetView(day(2022, 12, 7), day(2022, 12, 8))
	test.MoveMouse(w.Canvas(), centre(t, tl, "ev-self-coup"))
	if tip := tl.lastFrame().tipText; len(tip) != 2 || strings.Contains(tip[0].text, "verified") {
		t.Fatalf("tooltip %+v", tip)
	}
	tl.SetEvents(fixtureEvents()) // the same events, now reviewed
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centre(t, tl, "ev-self-coup")}})
	if tip := tl.lastFrame().tipText; len(tip) != 2 || !strings.HasSuffix(tip[0].text, " · verified") {
		t.Errorf("the tooltip of an event since verified reads %+v", tip)
	}
}
