package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// newReviewWindow shows the main view on a fake corpus that can hold a
// review, seeded by seed before the window reads it.
func newReviewWindow(tb testing.TB, seed func(r *fakeReviewer)) (*mainView, fyne.Window, *fakeReviewer) {
	tb.Helper()
	r := newFakeReviewer(newFakeCorpus(tb))
	if seed != nil {
		seed(r)
	}
	v, w := newTestWindowOn(tb, r)
	v.timeline.SetView(parseDay(tb, "2022-11-28"), parseDay(tb, "2022-12-16"))
	return v, w, r
}

// openEvent opens an event as a result would and waits for its review.
func openEvent(tb testing.TB, v *mainView, id string) {
	tb.Helper()
	v.onResultOpened(data.KindEvent, id)
	v.bg.runResults()
	if v.detail.rc == nil || v.detail.rc.review == nil {
		tb.Fatalf("no review shown for %s", id)
	}
}

// press types a key combination as the desktop driver hands it over:
// Ctrl+Z and Ctrl+Y as Fyne's undo and redo shortcuts, others as keys.
func press(v *mainView, w fyne.Window, name fyne.KeyName, mod fyne.KeyModifier) {
	var sc fyne.Shortcut = &desktop.CustomShortcut{KeyName: name, Modifier: mod}
	switch {
	case mod == fyne.KeyModifierShortcutDefault && name == fyne.KeyZ:
		sc = &fyne.ShortcutUndo{}
	case mod == fyne.KeyModifierShortcutDefault && name == fyne.KeyY:
		sc = &fyne.ShortcutRedo{}
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
	v.bg.runResults()
}

func summary(tb testing.TB, v *mainView, id string) data.EventSummary {
	tb.Helper()
	for i := range v.events.Len() {
		if v.events.ID(i) == id {
			return v.events.At(i)
		}
	}
	tb.Fatalf("event %s not among the window's events", id)
	return data.EventSummary{}
}

func TestReview_EditsUndoAndRedo(t *testing.T) {
	const id = "removed"
	seedNote := func(r *fakeReviewer) {
		if _, err := r.AddNote(context.Background(), data.KindEvent, id, "First thoughts"); err != nil {
			t.Fatal(err)
		}
	}
	notes := func(r *fakeReviewer) []data.Note { return r.notes[noteKey(data.KindEvent, id)] }
	tests := []struct {
		name string
		seed func(r *fakeReviewer)
		edit func(v *mainView)
		// done says whether the edit is in the store, shown whether the
		// pane and the timeline's events show it.
		done, shown func(v *mainView, r *fakeReviewer) bool
	}{
		{
			name: "status",
			edit: func(v *mainView) { v.detail.rc.status.SetSelected("Disputed") },
			done: func(_ *mainView, r *fakeReviewer) bool { return r.status[id] == data.Disputed },
			shown: func(v *mainView, _ *fakeReviewer) bool {
				return v.detail.rc.status.Selected == "Disputed" && summary(t, v, id).Status == data.Disputed
			},
		},
		{
			name: "add tag",
			edit: func(v *mainView) {
				test.Type(v.detail.rc.tagEntry, "contested")
				test.Tap(v.detail.rc.tagAdd)
			},
			done: func(_ *mainView, r *fakeReviewer) bool { return slices.Equal(r.tags[id], []string{"contested"}) },
			shown: func(v *mainView, _ *fakeReviewer) bool {
				return len(v.detail.rc.chips) == 1 && v.detail.rc.chips[0].Text == "contested" && slices.Equal(summary(t, v, id).Tags, []string{"contested"})
			},
		},
		{
			name: "remove tag",
			seed: func(r *fakeReviewer) { r.tags[id] = []string{"keep"} },
			edit: func(v *mainView) { test.Tap(v.detail.rc.chips[0]) },
			done: func(_ *mainView, r *fakeReviewer) bool { return len(r.tags[id]) == 0 },
			shown: func(v *mainView, _ *fakeReviewer) bool {
				return len(v.detail.rc.chips) == 0 && len(summary(t, v, id).Tags) == 0
			},
		},
		{
			name: "add note",
			edit: func(v *mainView) {
				test.Type(v.detail.rc.noteEntry, "Check the wire's timing")
				test.Tap(v.detail.rc.noteAdd)
			},
			done: func(_ *mainView, r *fakeReviewer) bool {
				return len(notes(r)) == 1 && notes(r)[0].Body == "Check the wire's timing"
			},
			shown: func(v *mainView, _ *fakeReviewer) bool {
				return len(v.detail.rc.notes) == 1 && summary(t, v, id).Notes == 1
			},
		},
		{
			name: "edit note",
			seed: seedNote,
			edit: func(v *mainView) {
				row := v.detail.rc.notes[0]
				test.Tap(row.edit)
				row.entry.SetText("")
				test.Type(row.entry, "Second thoughts")
				test.Tap(row.save)
			},
			done: func(_ *mainView, r *fakeReviewer) bool { return notes(r)[0].Body == "Second thoughts" },
			shown: func(v *mainView, r *fakeReviewer) bool {
				return v.detail.rc.notes[0].note.Body == notes(r)[0].Body && v.detail.rc.notes[0].note.Body == "Second thoughts"
			},
		},
		{
			name: "delete note",
			seed: seedNote,
			edit: func(v *mainView) { test.Tap(v.detail.rc.notes[0].del) },
			done: func(_ *mainView, r *fakeReviewer) bool { return len(notes(r)) == 0 },
			shown: func(v *mainView, _ *fakeReviewer) bool {
				return len(v.detail.rc.notes) == 0 && summary(t, v, id).Notes == 0
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, w, r := newReviewWindow(t, tt.seed)
			openEvent(t, v, id)
			if tt.done(v, r) || tt.shown(v, r) {
				t.Fatal("done before the edit")
			}
			if v.undo.CanUndo() {
				t.Fatal("something to undo before any edit")
			}
			tt.edit(v)
			v.bg.runResults()
			if !tt.done(v, r) || !tt.shown(v, r) {
				t.Fatalf("edit: done %v, shown %v", tt.done(v, r), tt.shown(v, r))
			}
			mod := fyne.KeyModifierShortcutDefault
			steps := []struct {
				name string
				key  fyne.KeyName
				mod  fyne.KeyModifier
				want bool
			}{
				{"Ctrl+Z", fyne.KeyZ, mod, false},
				{"Ctrl+Y", fyne.KeyY, mod, true},
				{"Ctrl+Z again", fyne.KeyZ, mod, false},
				{"Ctrl+Shift+Z", fyne.KeyZ, mod | fyne.KeyModifierShift, true},
			}
			for _, s := range steps {
				press(v, w, s.key, s.mod)
				if tt.done(v, r) != s.want || tt.shown(v, r) != s.want {
					t.Fatalf("after %s: done %v, shown %v; want %v", s.name, tt.done(v, r), tt.shown(v, r), s.want)
				}
			}
		})
	}
}

func TestReview_EditMenu(t *testing.T) {
	v, w, _ := newReviewWindow(t, nil)
	menu := v.mainMenu()
	w.SetMainMenu(menu)
	var names []string
	for _, m := range menu.Items {
		names = append(names, m.Label)
	}
	if !slices.Equal(names, []string{"File", "Edit", "View", "Help"}) {
		t.Fatalf("menus %q", names)
	}
	if !v.undoItem.Disabled || !v.redoItem.Disabled {
		t.Fatal("Undo or Redo enabled with nothing to do")
	}
	openEvent(t, v, "removed")
	v.detail.rc.status.SetSelected("Verified")
	v.bg.runResults()
	if v.undoItem.Disabled || !v.redoItem.Disabled {
		t.Fatalf("after an edit: Undo disabled %v, Redo disabled %v", v.undoItem.Disabled, v.redoItem.Disabled)
	}
	v.undoItem.Action()
	v.bg.runResults()
	if !v.undoItem.Disabled || v.redoItem.Disabled {
		t.Fatalf("after Undo: Undo disabled %v, Redo disabled %v", v.undoItem.Disabled, v.redoItem.Disabled)
	}
	v.redoItem.Action()
	v.bg.runResults()
	if v.detail.rc.status.Selected != "Verified" {
		t.Fatalf("after Redo the status shows %q", v.detail.rc.status.Selected)
	}

	toggled := 0
	filters := findMenuItem(t, menu, "View", "Filters")
	filters.Action() // nil toggleFilters: nothing happens
	v.toggleFilters = func() { toggled++ }
	filters.Action()
	if filters.Label != "Filters" || toggled != 1 {
		t.Fatalf("%q toggled %d times", filters.Label, toggled)
	}
}

func TestReview_DocumentNotes(t *testing.T) {
	v, w, r := newReviewWindow(t, nil)
	v.onResultOpened(data.KindDocument, "wire")
	v.bg.runResults()
	rc := v.detail.rc
	if rc == nil || rc.review == nil || rc.status != nil || rc.tagEntry != nil {
		t.Fatal("a document's review should have notes only")
	}
	test.Type(rc.noteEntry, "Wire copy, second hand")
	test.Tap(rc.noteAdd)
	v.bg.runResults()
	if ns := r.notes[noteKey(data.KindDocument, "wire")]; len(ns) != 1 || len(v.detail.rc.notes) != 1 {
		t.Fatalf("notes %v, shown %d", ns, len(v.detail.rc.notes))
	}
	press(v, w, fyne.KeyZ, fyne.KeyModifierShortcutDefault)
	if ns := r.notes[noteKey(data.KindDocument, "wire")]; len(ns) != 0 || len(v.detail.rc.notes) != 0 {
		t.Fatalf("after undo: notes %v, shown %d", ns, len(v.detail.rc.notes))
	}
}

func TestReview_ReadOnlyCorpus(t *testing.T) {
	v, _ := newTestWindowOn(t, newFakeCorpus(t))
	v.onResultOpened(data.KindEvent, "removed")
	v.bg.runResults()
	rc := v.detail.rc
	if rc == nil || rc.reason == nil || rc.status != nil {
		t.Fatal("a corpus without a review should say why there is none")
	}
	if got := rc.reason.String(); got == "" {
		t.Fatal("no reason given")
	}
}

func TestReview_WriteErrorShown(t *testing.T) {
	v, w, r := newReviewWindow(t, nil)
	openEvent(t, v, "removed")
	r.writeErr = errors.New("disk full")
	v.detail.rc.status.SetSelected("Verified")
	v.bg.runResults()
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no error dialog")
	}
	if v.undo.CanUndo() {
		t.Fatal("a failed edit can be undone")
	}
	if got := v.detail.rc.status.Selected; got != "Unreviewed" {
		t.Fatalf("status shows %q after the write failed", got)
	}
}

func TestReview_EditRefilters(t *testing.T) {
	v, _, _ := newReviewWindow(t, nil)
	openEvent(t, v, "removed")
	var statuses []data.Status
	v.refilter = func() { statuses = append(statuses, summary(t, v, "removed").Status) }
	v.detail.rc.status.SetSelected("Verified")
	v.bg.runResults()
	if !slices.Equal(statuses, []data.Status{data.Verified}) {
		t.Fatalf("refilter saw %v", statuses)
	}
}

func TestReview_TagSuggestions(t *testing.T) {
	v, _, r := newReviewWindow(t, func(r *fakeReviewer) {
		r.tags["before"] = []string{"cabinet", "contested"}
		r.tags["after"] = []string{"protests"}
	})
	openEvent(t, v, "removed")
	test.Type(v.detail.rc.tagEntry, "CO")
	var got []string
	for _, b := range v.detail.rc.suggestions {
		got = append(got, b.Text)
	}
	if !slices.Equal(got, []string{"contested"}) {
		t.Fatalf("suggested %q for CO", got)
	}
	test.Tap(v.detail.rc.suggestions[0])
	v.bg.runResults()
	if !slices.Equal(r.tags["removed"], []string{"contested"}) {
		t.Fatalf("tags %q", r.tags["removed"])
	}
}

func TestReview_About(t *testing.T) {
	v, w, _ := newReviewWindow(t, nil)
	menu := v.mainMenu()
	findMenuItem(t, menu, "Help", "About").Action()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no About dialog")
	}
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			texts = append(texts, x.Text)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if joined := strings.Join(texts, "\n"); !strings.Contains(joined, "Chronoscope") || !strings.Contains(joined, "fake") {
		t.Fatalf("About says %q", joined)
	}
}

// readOnlyReviewer is a review on a corpus file that cannot be written.
type readOnlyReviewer struct{ *fakeReviewer }

func (readOnlyReviewer) IsReadOnly() bool { return true }

func TestReview_ReadOnlyFile(t *testing.T) {
	r := newFakeReviewer(newFakeCorpus(t))
	r.status["removed"] = data.Verified
	v, _ := newTestWindowOn(t, readOnlyReviewer{r})
	openEvent(t, v, "removed")
	rc := v.detail.rc
	if rc.reason == nil || rc.status.Selected != "Verified" || !rc.status.Disabled() || !rc.tagEntry.Disabled() {
		t.Fatal("a read-only file's review should show, disabled, with the reason")
	}
	v.detail.ShowDocument("wire", -1, -1)
	v.bg.runResults()
	if b := v.detail.bar.Objects[1].(*widget.Button); !b.Disabled() {
		t.Fatal("Select a passage enabled on a read-only file")
	}
	if r.calls != 0 {
		t.Fatalf("%d writes", r.calls)
	}
}

// An actor's notes are reached from the event and kept under the actor.
func TestReview_ActorNotes(t *testing.T) {
	v, _, r := newReviewWindow(t, nil)
	openEvent(t, v, "removed")
	test.Tap(findButton(t, v.detail.scroll.Content, "Notes"))
	v.bg.runResults()
	if !strings.Contains(richText(v.detail.scroll.Content), "Congress of Peru") {
		t.Fatalf("the actor view shows %q", richText(v.detail.scroll.Content))
	}
	if v.detail.reviewKind != data.KindActor || v.detail.reviewID != "congress" {
		t.Fatalf("the review section is for %s %q", v.detail.reviewKind, v.detail.reviewID)
	}
	rv, err := r.Review(context.Background(), data.KindActor, "congress")
	if err != nil {
		t.Fatal(err)
	}
	before := len(rv.Notes)
	var entry *widget.Entry
	walk(v.detail.scroll.Content, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "Write a note…" {
			entry = e
		}
	})
	if entry == nil {
		t.Fatal("no note entry for the actor")
	}
	test.Type(entry, "Voted 101 to 6.")
	test.Tap(findButton(t, v.detail.scroll.Content, "Add note"))
	v.bg.runResults()
	if rv, _ = r.Review(context.Background(), data.KindActor, "congress"); len(rv.Notes) != before+1 {
		t.Errorf("actor notes %d, want %d", len(rv.Notes), before+1)
	}
	test.Tap(findButton(t, v.detail.bar, "Back to the event"))
	v.bg.runResults()
	if v.detail.eventID != "removed" || !strings.Contains(richText(v.detail.scroll.Content), "Congress removes") {
		t.Errorf("back at %q", v.detail.eventID)
	}
}
