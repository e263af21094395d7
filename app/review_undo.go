package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"chronoscope/data"
)

// command is one review edit, written through the store's inverse methods
// so it can be undone and redone. do and undo run off the UI thread; they
// may keep what they learn (a new note's id, a deleted event) for the
// other.
type command struct {
	// kind and id are what the edit changed, for the window to refresh.
	kind data.Kind
	id   string
	// selects says the window should select the event after the edit: it
	// made, changed or put back an event of one's own.
	selects  bool
	do, undo func(ctx context.Context, r Reviewer) error
}

// undoStack holds the edits done and undone, and applies them in the
// background one at a time, in order.
type undoStack struct {
	reviewer Reviewer
	bg       *background
	// OnApplied is called on the UI thread after an edit was done, undone or
	// redone; OnError when it failed; OnChanged when what can be undone or
	// redone changed.
	OnApplied func(c *command)
	OnError   func(error)
	OnChanged func()

	done, undone []*command
	busy         bool
}

func newUndoStack(r Reviewer, bg *background) *undoStack {
	return &undoStack{reviewer: r, bg: bg}
}

// Do applies a new edit and, once it has been written, makes it the one
// Undo undoes; it forgets what was undone.
func (u *undoStack) Do(c *command) {
	u.apply(c, c.do, func() {
		u.done = append(u.done, c)
		u.undone = nil
	})
}

// Undo undoes the last edit, if any.
func (u *undoStack) Undo() {
	if len(u.done) == 0 || u.busy {
		return
	}
	c := u.done[len(u.done)-1]
	u.apply(c, c.undo, func() {
		u.done = u.done[:len(u.done)-1]
		u.undone = append(u.undone, c)
	})
}

// Redo does again the last edit undone, if any.
func (u *undoStack) Redo() {
	if len(u.undone) == 0 || u.busy {
		return
	}
	c := u.undone[len(u.undone)-1]
	u.apply(c, c.do, func() {
		u.undone = u.undone[:len(u.undone)-1]
		u.done = append(u.done, c)
	})
}

// CanUndo and CanRedo say whether Undo and Redo have anything to do.
func (u *undoStack) CanUndo() bool { return len(u.done) > 0 }
func (u *undoStack) CanRedo() bool { return len(u.undone) > 0 }

// apply runs fn in the background; an edit that fails leaves the stacks as
// they were. Edits wait for the one before them, so an undo never
// overtakes the edit it undoes.
func (u *undoStack) apply(c *command, fn func(context.Context, Reviewer) error, then func()) {
	if u.reviewer == nil {
		return
	}
	u.busy = true
	u.bg.run(func() func() {
		err := fn(context.Background(), u.reviewer)
		return func() {
			u.busy = false
			if err != nil {
				if u.OnError != nil {
					u.OnError(err)
				}
				return
			}
			then()
			if u.OnApplied != nil {
				u.OnApplied(c)
			}
			call(u.OnChanged)
		}
	})
}

// The edits, each with its inverse.

func setStatusCommand(id string, from, to data.Status) *command {
	return &command{kind: data.KindEvent, id: id,
		do:   func(ctx context.Context, r Reviewer) error { return r.SetStatus(ctx, id, to) },
		undo: func(ctx context.Context, r Reviewer) error { return r.SetStatus(ctx, id, from) },
	}
}

func addTagCommand(id, tag string) *command {
	return &command{kind: data.KindEvent, id: id,
		do:   func(ctx context.Context, r Reviewer) error { return r.AddTag(ctx, id, tag) },
		undo: func(ctx context.Context, r Reviewer) error { return r.RemoveTag(ctx, id, tag) },
	}
}

func removeTagCommand(id, tag string) *command {
	c := addTagCommand(id, tag)
	c.do, c.undo = c.undo, c.do
	return c
}

// addNoteCommand adds a note; undoing deletes it, and redoing puts the same
// note back, with its id and times.
func addNoteCommand(kind data.Kind, id, body string) *command {
	var note data.Note
	added := false
	return &command{kind: kind, id: id,
		do: func(ctx context.Context, r Reviewer) (err error) {
			if added {
				return r.RestoreNote(ctx, kind, id, note)
			}
			if note, err = r.AddNote(ctx, kind, id, body); err == nil {
				added = true
			}
			return err
		},
		undo: func(ctx context.Context, r Reviewer) error {
			_, err := r.DeleteNote(ctx, note.ID)
			return err
		},
	}
}

func editNoteCommand(kind data.Kind, id string, old data.Note, body string) *command {
	return &command{kind: kind, id: id,
		do: func(ctx context.Context, r Reviewer) error {
			_, err := r.EditNote(ctx, old.ID, body)
			return err
		},
		undo: func(ctx context.Context, r Reviewer) error {
			_, err := r.EditNote(ctx, old.ID, old.Body)
			return err
		},
	}
}

func deleteNoteCommand(kind data.Kind, id string, noteID int64) *command {
	var note data.Note
	return &command{kind: kind, id: id,
		do: func(ctx context.Context, r Reviewer) (err error) {
			note, err = r.DeleteNote(ctx, noteID)
			return err
		},
		undo: func(ctx context.Context, r Reviewer) error { return r.RestoreNote(ctx, kind, id, note) },
	}
}

// createEventCommand creates a researcher's event; its id, known once it
// has been written, is the command's. Redoing creates it again under the
// same id.
func createEventCommand(e data.NewEvent) *command {
	c := &command{kind: data.KindEvent, selects: true}
	c.do = func(ctx context.Context, r Reviewer) (err error) {
		if c.id != "" {
			return r.CreateEventWithID(ctx, c.id, e)
		}
		c.id, err = r.CreateEvent(ctx, e)
		return err
	}
	c.undo = func(ctx context.Context, r Reviewer) error {
		_, err := r.DeleteEvent(ctx, c.id)
		return err
	}
	return c
}

func updateEventCommand(id string, old, e data.NewEvent) *command {
	return &command{kind: data.KindEvent, id: id, selects: true,
		do:   func(ctx context.Context, r Reviewer) error { return r.UpdateEvent(ctx, id, e) },
		undo: func(ctx context.Context, r Reviewer) error { return r.UpdateEvent(ctx, id, old) },
	}
}

func deleteEventCommand(id string) *command {
	var e data.NewEvent
	return &command{kind: data.KindEvent, id: id, selects: true,
		do: func(ctx context.Context, r Reviewer) (err error) {
			e, err = r.DeleteEvent(ctx, id)
			return err
		},
		undo: func(ctx context.Context, r Reviewer) error { return r.CreateEventWithID(ctx, id, e) },
	}
}

// editShortcuts are Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y).
func (v *mainView) editShortcuts() map[desktop.CustomShortcut]func() {
	mod := fyne.KeyModifierShortcutDefault
	return map[desktop.CustomShortcut]func(){
		{KeyName: fyne.KeyZ, Modifier: mod}:                         v.undo.Undo,
		{KeyName: fyne.KeyZ, Modifier: mod | fyne.KeyModifierShift}: v.undo.Redo,
		{KeyName: fyne.KeyY, Modifier: mod}:                         v.undo.Redo,
	}
}

// editMenu is Undo and Redo, disabled while there is nothing to undo or
// redo, and Find.
func (v *mainView) editMenu() *fyne.Menu {
	mod := fyne.KeyModifierShortcutDefault
	v.undoItem = menuItem(lang.L("Undo"), v.undo.Undo, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: mod})
	v.redoItem = menuItem(lang.L("Redo"), v.undo.Redo, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: mod | fyne.KeyModifierShift})
	v.undoItem.Disabled, v.redoItem.Disabled = !v.undo.CanUndo(), !v.undo.CanRedo()
	find := menuItem(lang.L("Find"), func() { v.win.Canvas().Focus(v.search) }, ctrl(fyne.KeyF))
	return fyne.NewMenu(lang.L("Edit"), v.undoItem, v.redoItem, fyne.NewMenuItemSeparator(), find)
}
