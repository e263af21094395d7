package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// selectKeys moves the cursor right by skip runes, then selects n runes
// with Shift+Right, or, when back, moves right by skip+n and selects
// backwards with Shift+Left.
func selectKeys(e *passageEntry, skip, n int, back bool) {
	move := skip
	if back {
		move += n
	}
	for range move {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	dir := fyne.KeyRight
	if back {
		dir = fyne.KeyLeft
	}
	for range n {
		e.TypedKey(&fyne.KeyEvent{Name: dir})
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestPassageEntry_SelectionOffsets(t *testing.T) {
	text := "Él dijo: «golpe».\nLópez habló el martes, y el Congreso votó la vacancia del presidente aquel mismo día."
	runes := []rune(text)
	tests := []struct {
		name    string
		width   float32
		skip, n int
		back    bool
	}{
		{"forwards", 900, 9, 7, false},
		{"backwards", 900, 9, 7, true},
		{"across the line break", 900, 12, 12, false},
		{"wrapped, forwards", 160, 40, 30, false},
		{"wrapped, backwards", 160, 40, 30, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			test.NewTempApp(t)
			e := newPassageEntry(text)
			w := test.NewWindow(e)
			defer w.Close()
			w.Resize(fyne.NewSize(tt.width, 400))
			w.Canvas().Focus(e)
			selectKeys(e, tt.skip, tt.n, tt.back)
			start, end, ok := e.selection()
			if !ok {
				t.Fatalf("no selection; selected %q", e.SelectedText())
			}
			if string(runes[start:end]) != e.SelectedText() {
				t.Fatalf("runes %d..%d are %q, selected %q", start, end, string(runes[start:end]), e.SelectedText())
			}
			if tt.width > 500 && (start != tt.skip || end != tt.skip+tt.n) {
				t.Fatalf("selection %d..%d, want %d..%d", start, end, tt.skip, tt.skip+tt.n)
			}
			// Typing, pasting and cutting leave the document's text alone.
			test.Type(e, "x")
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
			e.TypedShortcut(&fyne.ShortcutCut{Clipboard: test.NewClipboard()})
			if e.Text != text {
				t.Fatalf("text changed to %q", e.Text)
			}
		})
	}
}

// openForm opens the document from event "removed", switches to selecting,
// selects the runes skip..skip+n and opens the form.
func openForm(tb testing.TB, v *mainView, skip, n int) *eventForm {
	tb.Helper()
	openEvent(tb, v, "removed")
	v.detail.ShowDocument("wire", -1, -1)
	v.bg.runResults()
	test.Tap(v.detail.bar.Objects[1].(*widget.Button))
	e := v.detail.selecting
	if e == nil {
		tb.Fatal("Select a passage did not make the text selectable")
	}
	v.win.Canvas().Focus(e)
	selectKeys(e, skip, n, false)
	test.Tap(v.detail.bar.Objects[1].(*widget.Button))
	if v.eventForm == nil {
		tb.Fatal("no form")
	}
	v.bg.runResults()
	return v.eventForm
}

func TestEventForm_NewEventFromPassage(t *testing.T) {
	v, w, r := newReviewWindow(t, nil)
	f := openForm(t, v, 0, len("Paragraph 1"))
	test.Type(f.title, "Castillo speaks")
	test.Type(f.summary, "He spoke on the radio.")
	test.Type(f.date, "on Tuesday")
	v.bg.runResults()
	if got, want := f.dating.Text, "6 Dec 2022 · EDTF 2022-12-06 · resolved from “on Tuesday”"; !strings.HasPrefix(got, want) {
		t.Fatalf("dating %q, want %q…", got, want)
	}
	f.category.SetText("diplomacy")
	f.role.SetText("listened")
	f.known.SetSelected("Congress of Peru")
	test.Type(f.newName, "Pedro Castillo")
	f.newGroup.SetSelected(laneGroupName(data.GroupPeru))
	test.Tap(f.addNew)
	if h := f.actorList.Size().Height; h == 0 {
		t.Fatal("the actors added are not laid out")
	}
	f.places.SetSelected(nil)
	f.dlg.Confirm()
	v.bg.runResults()

	ne, ok := r.own["user-1"]
	if !ok {
		t.Fatalf("no event created; own %v", r.own)
	}
	want := data.NewEvent{Title: "Castillo speaks", Summary: "He spoke on the radio.", Category: "diplomacy", Date: "on Tuesday",
		DocumentID: "wire", Start: 0, End: 11,
		Actors: []data.NewEventActor{{ActorID: "congress", Name: "Congress of Peru", Group: data.GroupPeru, Role: "listened"}, {Name: "Pedro Castillo", Group: data.GroupPeru}}}
	if !equalNewEvent(ne, want) {
		t.Fatalf("created %+v\nwant %+v", ne, want)
	}
	if v.timeline.Selected() != "user-1" || v.detail.eventID != "user-1" {
		t.Fatalf("selected %q, shown %q", v.timeline.Selected(), v.detail.eventID)
	}
	if v.detail.rc.editEvent == nil || v.detail.rc.delete == nil {
		t.Fatal("one's own event shows no Edit and Delete")
	}
	if got := summary(t, v, "user-1").EDTF; got != "2022-12-06" {
		t.Fatalf("timeline has EDTF %q", got)
	}

	press(v, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	if _, ok := r.own["user-1"]; ok || v.detail.eventID != "" || v.timeline.Selected() != "" {
		t.Fatalf("after undo: own %v, shown %q", r.own, v.detail.eventID)
	}
	press(v, w, fyne.KeyY, fyne.KeyModifierShortcutDefault)
	if _, ok := r.own["user-1"]; !ok || v.detail.eventID != "user-1" {
		t.Fatalf("after redo: own %v, shown %q", r.own, v.detail.eventID)
	}
}

func equalNewEvent(a, b data.NewEvent) bool {
	if len(a.Actors) != len(b.Actors) || len(a.Places) != len(b.Places) {
		return false
	}
	for i := range a.Actors {
		if a.Actors[i] != b.Actors[i] {
			return false
		}
	}
	a.Actors, b.Actors, a.Places, b.Places = nil, nil, nil, nil
	return a.Title == b.Title && a.Summary == b.Summary && a.Category == b.Category && a.Date == b.Date &&
		a.DocumentID == b.DocumentID && a.Start == b.Start && a.End == b.End
}

func TestEventForm_EditAndDeleteOwnEvent(t *testing.T) {
	v, w, r := newReviewWindow(t, func(r *fakeReviewer) {
		if _, err := r.CreateEvent(t.Context(), data.NewEvent{Title: "Mine", Date: "2022-12-10", DocumentID: "wire", Start: 0, End: 9}); err != nil {
			t.Fatal(err)
		}
	})
	openEvent(t, v, "removed")
	if v.detail.rc.editEvent != nil || v.detail.rc.delete != nil {
		t.Fatal("a bundled event shows Edit or Delete")
	}
	openEvent(t, v, "user-1")
	test.Tap(v.detail.rc.editEvent)
	f := v.eventForm
	if f.title.Text != "Mine" || f.date.Text != "2022-12-10" {
		t.Fatalf("form holds %q, %q", f.title.Text, f.date.Text)
	}
	f.title.SetText("")
	test.Type(f.title, "Mine, renamed")
	f.dlg.Confirm()
	v.bg.runResults()
	if r.own["user-1"].Title != "Mine, renamed" || summary(t, v, "user-1").Title != "Mine, renamed" {
		t.Fatalf("not renamed: %+v", r.own["user-1"])
	}
	press(v, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	if r.own["user-1"].Title != "Mine" || summary(t, v, "user-1").Title != "Mine" {
		t.Fatalf("undo left %+v", r.own["user-1"])
	}
	press(v, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift)
	if r.own["user-1"].Title != "Mine, renamed" {
		t.Fatalf("redo left %+v", r.own["user-1"])
	}

	test.Tap(v.detail.rc.delete)
	v.bg.runResults()
	if _, ok := r.own["user-1"]; ok || v.detail.eventID != "" {
		t.Fatalf("not deleted: own %v, shown %q", r.own, v.detail.eventID)
	}
	press(v, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	if r.own["user-1"].Title != "Mine, renamed" || v.detail.eventID != "user-1" {
		t.Fatalf("undo of delete: own %v, shown %q", r.own, v.detail.eventID)
	}
	press(v, w, fyne.KeyY, fyne.KeyModifierShortcutDefault)
	if _, ok := r.own["user-1"]; ok {
		t.Fatal("redo did not delete again")
	}
}

// The form offers every actor and place of the corpus, even for a
// document opened from the results rather than from an event.
func TestEventForm_OffersTheWholeCorpus(t *testing.T) {
	v, _ := newTestWindow(t)
	doc, err := v.corpus.Document(context.Background(), "ambassador-expelled")
	if err != nil {
		t.Fatal(err)
	}
	v.showNewEventForm(doc, 0, 6)
	v.bg.runResults()
	f := v.eventForm
	if f == nil {
		t.Fatal("no form")
	}
	for _, want := range []string{"Pablo Monroy", "Andrés Manuel López Obrador", "Dina Boluarte"} {
		if !slices.Contains(f.known.Options, want) {
			t.Errorf("the form does not offer %q among %q", want, f.known.Options)
		}
	}
	if len(f.places.Options) < 3 {
		t.Errorf("places offered: %q", f.places.Options)
	}
}
