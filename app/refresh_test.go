package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"chronoscope/data"
)

// The window shows what another window or command wrote to its corpus
// (a note, a status, an imported document) once it next asks, without
// being opened again, and keeps what the reader is typing meanwhile.
func TestWindow_ShowsOthersWrites(t *testing.T) {
	ctx := context.Background()
	s := openTestCorpus(t)
	v, _ := newTestWindowOn(t, s)
	const id = "castillo-removed"
	v.timeline.Select(id)
	v.showEvent(id)
	v.bg.runResults()
	if v.detail.rc == nil || len(v.detail.rc.notes) != 0 {
		t.Fatal("the event's review is not shown, or has notes already")
	}
	w := &watcher{}
	poll := func() {
		v.pollChanges(s, w)
		v.bg.runResults()
	}
	poll() // nothing written: nothing changes
	if v.detail.rc == nil || len(v.detail.rc.notes) != 0 {
		t.Fatal("the pane changed with nothing written")
	}

	other, err := data.Open(ctx, s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.AddNote(ctx, data.KindEvent, id, "Written in another window"); err != nil {
		t.Fatal(err)
	}
	if err := other.SetStatus(ctx, id, data.Disputed); err != nil {
		t.Fatal(err)
	}
	poll()
	if rc := v.detail.rc; len(rc.notes) != 1 || rc.notes[0].note.Body != "Written in another window" || rc.status.Selected != "Disputed" {
		t.Errorf("the pane shows %d notes, status %q; want the other window's note and status", len(rc.notes), rc.status.Selected)
	}
	if e := summary(t, v, id); e.Status != data.Disputed || e.Notes != 1 {
		t.Errorf("the window's event: status %q, %d notes", e.Status, e.Notes)
	}

	// A note half-typed here stays while another window writes.
	test.Type(v.detail.rc.noteEntry, "half a tho")
	if _, err := other.AddNote(ctx, data.KindEvent, id, "A second from elsewhere"); err != nil {
		t.Fatal(err)
	}
	poll()
	if v.detail.rc.noteEntry.Text != "half a tho" || len(v.detail.rc.notes) != 1 {
		t.Errorf("while typing: the entry holds %q and %d notes are shown", v.detail.rc.noteEntry.Text, len(v.detail.rc.notes))
	}
	if summary(t, v, id).Notes != 2 {
		t.Error("the timeline's events were not read again")
	}
	v.detail.rc.noteEntry.SetText("")
	poll() // the pane, left as it was, is shown anew at the next tick
	if len(v.detail.rc.notes) != 2 {
		t.Errorf("after typing: %d notes shown, want 2", len(v.detail.rc.notes))
	}

	// A document imported elsewhere is found by the search typed here.
	typeQuery(t, v, v.win, "zanzibarine")
	if _, err := other.Import(ctx, "elsewhere.txt", strings.NewReader("A zanzibarine dispatch\n\nFiled on 3 March 2023, about the zanzibarine talks.")); err != nil {
		t.Fatal(err)
	}
	poll()
	if rows := v.results.Rows(); !slices.ContainsFunc(rows, func(r string) bool { return strings.Contains(r, "zanzibarine dispatch") }) {
		t.Errorf("results after the import elsewhere: %q", rows)
	}
}
