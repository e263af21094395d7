package app

import (
	"context"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// Reviewer is what the window writes a researcher's review through;
// *data.Store provides it. A corpus without it is read only.
type Reviewer interface {
	Review(ctx context.Context, kind data.Kind, id string) (*data.Review, error)
	SetStatus(ctx context.Context, eventID string, s data.Status) error
	AddNote(ctx context.Context, kind data.Kind, id, body string) (data.Note, error)
	EditNote(ctx context.Context, noteID int64, body string) (data.Note, error)
	// DeleteNote returns the note deleted, for RestoreNote to put back.
	DeleteNote(ctx context.Context, noteID int64) (data.Note, error)
	RestoreNote(ctx context.Context, kind data.Kind, id string, n data.Note) error
	AddTag(ctx context.Context, eventID, tag string) error
	RemoveTag(ctx context.Context, eventID, tag string) error
	Tags(ctx context.Context) ([]string, error)
	ResolveDate(ctx context.Context, documentID, text string) (data.Dating, error)
	CreateEvent(ctx context.Context, e data.NewEvent) (string, error)
	CreateEventWithID(ctx context.Context, id string, e data.NewEvent) error
	UpdateEvent(ctx context.Context, id string, e data.NewEvent) error
	// DeleteEvent returns the event deleted, for CreateEventWithID to put
	// back.
	DeleteEvent(ctx context.Context, id string) (data.NewEvent, error)
}

// originUser marks a researcher's own event, which they may edit and
// delete.
const originUser = "user"

// reviewControls are the review section's widgets, kept for the tests to
// drive.
type reviewControls struct {
	status            *widget.Select
	tagEntry          *widget.SelectEntry
	tagAdd            *widget.Button
	chips             []*widget.Button
	suggestions       []*widget.Button
	noteEntry         *widget.Entry
	noteAdd           *widget.Button
	notes             []*noteRow
	editEvent, delete *widget.Button
	review            *data.Review
	reason            *widget.RichText
}

// noteRow is one note in the list: its text and times, and its buttons.
type noteRow struct {
	note             data.Note
	box              *fyne.Container
	edit, del        *widget.Button
	entry            *widget.Entry
	save, cancelEdit *widget.Button
	// view shows the note, editMode the field that edits it.
	view, editMode func()
}

// setUpReview connects the detail pane's review section and the undo stack
// to the corpus, when it can be written.
func (v *mainView) setUpReview() {
	r, _ := v.corpus.(Reviewer)
	v.undo = newUndoStack(r, v.bg)
	v.undo.OnError = func(err error) {
		v.showError(err)
		// The pane shows the edit that failed: show what the store holds.
		if v.detail.reviewBox != nil {
			v.detail.loadReview()
		}
	}
	v.undo.OnApplied = v.onReviewApplied
	v.undo.OnChanged = v.updateEditMenu
	d := v.detail
	d.reviewer, d.undo = r, v.undo
	switch {
	case r == nil:
		d.readOnly = lang.L("This corpus cannot hold a review: statuses, tags, notes and events of your own need a corpus file Chronoscope can write.")
	case isReadOnly(v.corpus):
		d.readOnly = lang.L("The corpus file is read-only, so the review can be read but not changed.")
	}
	d.OnNewEvent = v.showNewEventForm
	d.OnEditEvent = v.showEditEventForm
}

func isReadOnly(c Corpus) bool {
	ro, ok := c.(interface{ IsReadOnly() bool })
	return ok && ro.IsReadOnly()
}

// onReviewApplied shows an edit once it has been written: the events are
// read again so the timeline and its filters see the new review, and the
// detail pane shows the change.
func (v *mainView) onReviewApplied(c *command) {
	if c.kind != data.KindEvent {
		v.detail.reviewChanged(c.kind, c.id)
		return
	}
	v.onReviewChanged(c.id, c.selects)
}

// onReviewChanged reads the events again after the review of event id
// changed, then shows it: selected, when selectIt (an event of one's own
// made or put back), or gone from the pane when it was deleted. The
// timeline is given the events through refilter when the filter bar has set
// it, so that it shows only those the filters keep.
func (v *mainView) onReviewChanged(id string, selectIt bool) {
	v.bg.run(func() func() {
		evs, err := v.corpus.Events(context.Background())
		capMemory() // own events may have grown the corpus
		return func() {
			if err != nil {
				v.showError(err)
				return
			}
			v.events = newEventTable(evs)
			if v.refilter != nil {
				v.refilter()
			} else {
				v.timeline.SetEvents(evs)
			}
			v.setStatus("")
			exists := slices.ContainsFunc(evs, func(e data.EventSummary) bool { return e.ID == id })
			switch {
			case !exists && v.detail.eventID == id:
				v.timeline.Select("")
				v.detail.Clear()
			case exists && selectIt:
				v.timeline.Select(id)
				v.detail.ShowEvent(id)
			default:
				v.detail.reviewChanged(data.KindEvent, id)
			}
		}
	})
}

// updateEditMenu enables Undo and Redo when they have something to do.
func (v *mainView) updateEditMenu() {
	if v.undoItem == nil {
		return
	}
	v.undoItem.Disabled = !v.undo.CanUndo()
	v.redoItem.Disabled = !v.undo.CanRedo()
	if m := v.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// reviewChanged shows the review of kind id again if the pane shows it.
func (d *detailPane) reviewChanged(kind data.Kind, id string) {
	if d.reviewKind != kind || d.reviewID != id || d.reviewBox == nil {
		return
	}
	if kind == data.KindEvent && d.event != nil && d.event.ID == id {
		// The title or date may have changed too, for an event of one's own.
		d.showEventAt(id, d.scroll.Offset)
		return
	}
	d.loadReview()
}

// reviewSection is the review of an event or a document: for an event its
// status, tags and notes, for a document its notes. It fills in once the
// review has been read.
func (d *detailPane) reviewSection(kind data.Kind, id string, origin string) fyne.CanvasObject {
	head := container.NewHBox(line(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}, lang.L("Review")))
	d.reviewBox = container.NewVBox(head)
	d.reviewKind, d.reviewID = kind, id
	d.rc = &reviewControls{}
	if kind == data.KindEvent && origin == originUser && d.writable() {
		d.rc.editEvent = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), func() {
			if d.event != nil && d.OnEditEvent != nil {
				d.OnEditEvent(d.event)
			}
		})
		d.rc.delete = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() {
			d.undo.Do(deleteEventCommand(id))
		})
		d.rc.editEvent.Importance, d.rc.delete.Importance = widget.LowImportance, widget.LowImportance
		head.Add(layout.NewSpacer())
		head.Add(d.rc.editEvent)
		head.Add(d.rc.delete)
	}
	if d.readOnly != "" {
		d.rc.reason = wrapped(d.readOnly, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}).(*widget.RichText)
		d.reviewBox.Add(d.rc.reason)
	}
	if d.reviewer != nil {
		d.loadReview()
	}
	return d.reviewBox
}

func (d *detailPane) writable() bool { return d.reviewer != nil && d.readOnly == "" }

// loadReview reads the review shown and fills the section in.
func (d *detailPane) loadReview() {
	box, kind, id, r := d.reviewBox, d.reviewKind, d.reviewID, d.reviewer
	d.bg.run(func() func() {
		ctx := context.Background()
		rv, err := r.Review(ctx, kind, id)
		var tags []string
		if err == nil && kind == data.KindEvent {
			tags, err = r.Tags(ctx)
		}
		return func() {
			if d.reviewBox != box {
				return // another view meanwhile
			}
			if err != nil {
				if d.OnError != nil {
					d.OnError(err)
				}
				return
			}
			keep := 1
			if d.rc.reason != nil {
				keep = 2
			}
			box.Objects = box.Objects[:keep]
			d.rc.review = rv
			if kind == data.KindEvent {
				box.Add(d.statusRow(rv))
				box.Add(d.tagsRow(rv, tags))
			}
			box.Add(d.notesList(rv))
			box.Refresh()
			d.Refresh()
			if !d.restore.IsZero() {
				d.layOut()
				d.scroll.ScrollToOffset(d.restore)
				d.restore = fyne.Position{}
			}
		}
	})
}

// statusLabel words a status for the selector; the filter's shorter
// words are statusName's.
func statusLabel(s data.Status) string {
	if s == data.NeedsSource {
		return lang.L("Needs a source")
	}
	return statusName(s)
}

func (d *detailPane) statusRow(rv *data.Review) fyne.CanvasObject {
	var names []string
	for _, s := range data.Statuses {
		names = append(names, statusLabel(s))
	}
	sel := widget.NewSelect(names, nil)
	current := rv.Status
	if current == "" {
		current = data.Unreviewed
	}
	sel.SetSelected(statusLabel(current))
	sel.OnChanged = func(name string) {
		for _, s := range data.Statuses {
			if statusLabel(s) == name && s != current {
				d.undo.Do(setStatusCommand(rv.ID, current, s))
			}
		}
	}
	if !d.writable() {
		sel.Disable()
	}
	d.rc.status = sel
	return container.NewHBox(line(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}, lang.L("Status")), sel)
}

// maxSuggestions bounds the tags suggested as one types.
const maxSuggestions = 6

// tagsRow shows the event's tags as chips that remove them, and an entry
// that adds one, completing from the tags in use.
func (d *detailPane) tagsRow(rv *data.Review, all []string) fyne.CanvasObject {
	chips := container.New(layout.NewRowWrapLayout())
	d.rc.chips = nil
	for _, tag := range rv.Tags {
		chip := widget.NewButtonWithIcon(tag, theme.CancelIcon(), func() { d.undo.Do(removeTagCommand(rv.ID, tag)) })
		chip.IconPlacement = widget.ButtonIconTrailingText
		if !d.writable() {
			chip.Disable()
		}
		d.rc.chips = append(d.rc.chips, chip)
		chips.Add(chip)
	}
	unused := slices.DeleteFunc(slices.Clone(all), func(t string) bool { return slices.Contains(rv.Tags, t) })
	entry := widget.NewSelectEntry(unused)
	entry.SetPlaceHolder(lang.L("Add a tag…"))
	// suggest offers the tags in use that hold what is typed, a tap from
	// being added; the entry's menu offers them all.
	suggest := container.New(layout.NewRowWrapLayout())
	d.rc.suggestions = nil
	entry.OnChanged = func(s string) {
		s = strings.ToLower(strings.TrimSpace(s))
		suggest.Objects, d.rc.suggestions = nil, nil
		if s != "" {
			for _, t := range unused {
				if strings.Contains(strings.ToLower(t), s) && len(d.rc.suggestions) < maxSuggestions {
					b := widget.NewButton(t, func() { d.undo.Do(addTagCommand(rv.ID, t)) })
					b.Importance = widget.LowImportance
					d.rc.suggestions = append(d.rc.suggestions, b)
					suggest.Add(b)
				}
			}
		}
		suggest.Refresh()
		d.reviewBox.Refresh()
	}
	add := func() {
		tag := strings.TrimSpace(entry.Text)
		if tag == "" || slices.Contains(rv.Tags, tag) {
			return
		}
		d.undo.Do(addTagCommand(rv.ID, tag))
	}
	entry.OnSubmitted = func(string) { add() }
	addButton := widget.NewButtonWithIcon(lang.L("Add tag"), theme.ContentAddIcon(), add)
	if !d.writable() {
		entry.Disable()
		addButton.Disable()
	}
	d.rc.tagEntry, d.rc.tagAdd = entry, addButton
	label := line(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}, lang.L("Tags"))
	if len(rv.Tags) == 0 {
		chips.Add(line(widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}, lang.L("none yet")))
	}
	return container.NewVBox(container.NewBorder(nil, nil, label, nil, chips),
		container.NewBorder(nil, nil, nil, addButton, entry), suggest)
}

// notesList lists the notes, oldest first, each with when it was written
// and last edited, then a field for a new one.
func (d *detailPane) notesList(rv *data.Review) fyne.CanvasObject {
	box := container.NewVBox(richLine(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}, lang.L("Notes")))
	d.rc.notes = nil
	for _, n := range rv.Notes {
		row := d.noteRow(rv, n)
		d.rc.notes = append(d.rc.notes, row)
		box.Add(row.box)
	}
	entry := widget.NewMultiLineEntry()
	entry.Wrapping = fyne.TextWrapWord
	entry.SetMinRowsVisible(2)
	entry.SetPlaceHolder(lang.L("Write a note…"))
	add := widget.NewButtonWithIcon(lang.L("Add note"), theme.ContentAddIcon(), func() {
		if body := strings.TrimSpace(entry.Text); body != "" {
			d.undo.Do(addNoteCommand(rv.Kind, rv.ID, body))
		}
	})
	d.rc.noteEntry, d.rc.noteAdd = entry, add
	if d.writable() {
		box.Add(entry)
		box.Add(container.NewHBox(layout.NewSpacer(), add))
	} else if len(rv.Notes) == 0 {
		box.Add(richLine(widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}, lang.L("none")))
	}
	return box
}

func (d *detailPane) noteRow(rv *data.Review, n data.Note) *noteRow {
	row := &noteRow{note: n, box: container.NewVBox()}
	meta := lang.L("Written {{.Time}}", map[string]any{"Time": noteTime(n.Created)})
	if n.Updated.After(n.Created) {
		meta += " · " + lang.L("edited {{.Time}}", map[string]any{"Time": noteTime(n.Updated)})
	}
	view := func() {
		row.edit = widget.NewButtonWithIcon(lang.L("Edit"), theme.DocumentCreateIcon(), nil)
		row.del = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), func() { d.undo.Do(deleteNoteCommand(rv.Kind, rv.ID, n.ID)) })
		row.edit.Importance, row.del.Importance = widget.LowImportance, widget.LowImportance
		bar := container.NewHBox(line(widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}, meta))
		if d.writable() {
			bar.Add(layout.NewSpacer())
			bar.Add(row.edit)
			bar.Add(row.del)
		}
		row.box.Objects = []fyne.CanvasObject{wrapped(n.Body, widget.RichTextStyleParagraph), bar}
		row.box.Refresh()
	}
	edit := func() {
		row.entry = widget.NewMultiLineEntry()
		row.entry.Wrapping = fyne.TextWrapWord
		row.entry.SetText(n.Body)
		row.save = widget.NewButton(lang.L("Save"), func() {
			if body := strings.TrimSpace(row.entry.Text); body != "" && body != n.Body {
				d.undo.Do(editNoteCommand(rv.Kind, rv.ID, n, body))
			}
		})
		row.save.Importance = widget.HighImportance
		row.cancelEdit = widget.NewButton(lang.L("Cancel"), func() { row.entry = nil; d.rebuildNote(row) })
		row.box.Objects = []fyne.CanvasObject{row.entry, container.NewHBox(layout.NewSpacer(), row.cancelEdit, row.save)}
		row.box.Refresh()
	}
	row.view, row.editMode = view, edit
	view()
	row.edit.OnTapped = edit
	return row
}

func (d *detailPane) rebuildNote(row *noteRow) {
	row.view()
	row.edit.OnTapped = row.editMode
}

// noteTime is when a note was written, in the reader's time zone.
func noteTime(t time.Time) string {
	t = t.Local()
	return words.Day(t) + " " + t.Format("15:04")
}

// line is one line of text that does not wrap, for rows: in a row, a
// wrapped text gets no width and stands one letter per line.
func line(style widget.RichTextStyle, s string) fyne.CanvasObject {
	style.Inline = true
	return widget.NewRichText(&widget.TextSegment{Text: s, Style: style})
}
