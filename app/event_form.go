package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
)

// passageEntry is a document's text, read only, in which the researcher
// selects a passage. Fyne's rich text cannot be selected; an entry can, and
// tells where its cursor is in runes, which locates the selection exactly.
type passageEntry struct {
	widget.Entry
}

func newPassageEntry(text string) *passageEntry {
	e := &passageEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetText(text)
	e.SetMinRowsVisible(12)
	return e
}

// TypedRune ignores typing: the text is the document's.
func (e *passageEntry) TypedRune(rune) {}

// TypedKey moves the cursor and selection but never edits.
func (e *passageEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown:
		e.Entry.TypedKey(k)
	}
}

// TypedShortcut copies and selects all, and edits nothing.
func (e *passageEntry) TypedShortcut(s fyne.Shortcut) {
	switch s.(type) {
	case *fyne.ShortcutCopy, *fyne.ShortcutSelectAll:
		e.Entry.TypedShortcut(s)
	}
}

// TappedSecondary offers no menu, whose Cut and Paste would edit.
func (e *passageEntry) TappedSecondary(*fyne.PointEvent) {}

// selection is the selected passage as rune offsets of the text, end
// exclusive. The cursor is at one end of the selection: the end when it
// was made forwards, the start when backwards.
func (e *passageEntry) selection() (start, end int, ok bool) {
	sel := []rune(e.SelectedText())
	n := len(sel)
	if n == 0 {
		return 0, 0, false
	}
	runes := []rune(e.Text)
	c := e.CursorTextOffset()
	if c-n >= 0 && c <= len(runes) && string(runes[c-n:c]) == string(sel) {
		return c - n, c, true
	}
	if c >= 0 && c+n <= len(runes) && string(runes[c:c+n]) == string(sel) {
		return c, c + n, true
	}
	return 0, 0, false
}

// passageButton switches a document to the selectable text, to make an
// event from a passage of it.
func (d *detailPane) passageButton(doc *data.Document) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(lang.L("Select a passage"), theme.ContentAddIcon(), func() { d.selectPassage(doc) })
	if !d.writable() {
		b.Disable()
	}
	return b
}

// selectPassage shows the document's text as a selectable field, with the
// button that makes an event of what is selected.
func (d *detailPane) selectPassage(doc *data.Document) {
	e := newPassageEntry(doc.Text)
	hint := wrapped(lang.L("Select the words that attest the event, then make an event of them."), widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder})
	var newEvent *widget.Button
	newEvent = widget.NewButtonWithIcon(lang.L("New event from this passage"), theme.ContentAddIcon(), func() {
		start, end, ok := e.selection()
		if !ok {
			newEvent.SetText(lang.L("Select a passage first"))
			return
		}
		if d.OnNewEvent != nil {
			d.OnNewEvent(doc, start, end)
		}
	})
	newEvent.Importance = widget.HighImportance
	done := widget.NewButtonWithIcon(lang.L("Back to reading"), theme.NavigateBackIcon(), func() { d.ShowDocument(doc.ID, -1, -1) })
	d.setBar(done, newEvent)
	d.passage, d.box, d.reviewBox = nil, nil, nil
	d.selecting = e
	d.show(container.NewBorder(container.NewVBox(heading(doc.Title), hint), nil, nil, nil, e))
}

// eventForm is the form of a researcher's own event: new, from a passage,
// or one of theirs to edit.
type eventForm struct {
	title, summary, date *widget.Entry
	dating               *widget.Label
	category             *widget.SelectEntry
	actors               []data.NewEventActor
	actorList            *fyne.Container
	known                *widget.Select
	role                 *widget.Entry
	newName              *widget.Entry
	newGroup             *widget.Select
	addNew               *widget.Button
	places               *widget.CheckGroup
	placeIDs             []data.Place
	dlg                  *dialog.ConfirmDialog
	// content is the form's column, laid out again when an actor is added.
	content *fyne.Container
	err     *widget.Label

	mu  sync.Mutex
	seq int
}

// groups are the lanes a new actor can join.
var groups = []string{data.GroupPeru, data.GroupMexico, data.GroupUnitedStates, data.GroupRegional, data.GroupOther}

// showNewEventForm opens the form for an event made from a passage of doc.
func (v *mainView) showNewEventForm(doc *data.Document, start, end int) {
	e := data.NewEvent{DocumentID: doc.ID, Start: start, End: end}
	runes := []rune(doc.Text)
	v.withKnown(func() {
		v.showEventForm(lang.L("New event from this passage"), string(runes[start:end]), e, func(ne data.NewEvent) {
			v.undo.Do(createEventCommand(ne))
		})
	})
}

// showEditEventForm opens the form on an event of the researcher's own.
func (v *mainView) showEditEventForm(ev *data.Event) {
	old := newEventOf(ev)
	quote := ""
	if len(ev.Sources) > 0 {
		quote = ev.Sources[0].Quote
	}
	v.withKnown(func() {
		v.showEventForm(lang.L("Edit event"), quote, old, func(ne data.NewEvent) {
			v.undo.Do(updateEventCommand(ev.ID, old, ne))
		})
	})
}

// lister lists every actor and place of a corpus; *data.Store does.
type lister interface {
	Actors(ctx context.Context) ([]data.EventActor, error)
	Places(ctx context.Context) ([]data.Place, error)
}

// withKnown reads every actor and place off the UI thread, for the form to
// offer, then opens it.
func (v *mainView) withKnown(open func()) {
	l, ok := v.corpus.(lister)
	if !ok {
		v.knownActors, v.knownPlaces = nil, nil
		open()
		return
	}
	v.bg.run(func() func() {
		ctx := context.Background()
		actors, err := l.Actors(ctx)
		var places []data.Place
		if err == nil {
			places, err = l.Places(ctx)
		}
		return func() {
			if err != nil {
				v.showError(err)
				return
			}
			v.knownActors, v.knownPlaces = actors, places
			open()
		}
	})
}

// newEventOf is an event of one's own as the form gives it.
func newEventOf(ev *data.Event) data.NewEvent {
	ne := data.NewEvent{Title: ev.Title, Summary: ev.Summary, Category: ev.Category, Date: ev.EDTF}
	if ev.DatePhrase != "" && ev.Basis == data.Relative {
		ne.Date = ev.DatePhrase
	}
	if len(ev.Sources) > 0 {
		ne.DocumentID, ne.Start, ne.End = ev.Sources[0].DocumentID, ev.Sources[0].Start, ev.Sources[0].End
	}
	for _, a := range ev.Actors {
		ne.Actors = append(ne.Actors, data.NewEventActor{ActorID: a.ActorID, Name: a.Name, Group: a.Group, Role: a.Role})
	}
	for _, p := range ev.Places {
		ne.Places = append(ne.Places, p.ID)
	}
	return ne
}

func (v *mainView) showEventForm(title, quote string, e data.NewEvent, save func(data.NewEvent)) {
	f := v.newEventForm(e)
	places := fyne.CanvasObject(f.places)
	if len(f.placeIDs) == 0 {
		places = widget.NewLabel(lang.L("none known from the event this document was opened from"))
	}
	f.content = container.NewVBox(
		wrapped(quoted(quote), widget.RichTextStyle{TextStyle: fyne.TextStyle{Italic: true}}),
		widget.NewForm(
			widget.NewFormItem(lang.L("Title"), f.title),
			widget.NewFormItem(lang.L("Summary"), f.summary),
			widget.NewFormItem(lang.L("Date"), container.NewVBox(f.date, f.dating)),
			widget.NewFormItem(lang.L("Category"), f.category),
			widget.NewFormItem(lang.L("Actors"), f.actorsBox()),
			widget.NewFormItem(lang.L("Places"), places),
		),
		f.err,
	)
	f.dlg = dialog.NewCustomConfirm(title, lang.L("Save"), lang.L("Cancel"), container.NewVScroll(f.content), func(ok bool) {
		if !ok {
			return
		}
		ne, err := f.value(e)
		if err != nil {
			v.showError(err)
			return
		}
		save(ne)
	}, v.win)
	f.dlg.Resize(fyne.NewSize(720, 640))
	v.eventForm = f
	f.dlg.Show()
	f.resolve(v, e.DocumentID)
}

func (v *mainView) newEventForm(e data.NewEvent) *eventForm {
	f := &eventForm{
		title: widget.NewEntry(), summary: widget.NewMultiLineEntry(), date: widget.NewEntry(),
		dating: widget.NewLabel(""), err: widget.NewLabel(""),
		role: widget.NewEntry(), newName: widget.NewEntry(),
	}
	f.summary.Wrapping = fyne.TextWrapWord
	f.title.SetText(e.Title)
	f.summary.SetText(e.Summary)
	f.date.SetText(e.Date)
	f.date.SetPlaceHolder(lang.L("2022-12-20, [2022-12-07..2022-12-21], “on Tuesday”…"))
	f.date.OnChanged = func(string) { f.resolve(v, e.DocumentID) }
	f.category = widget.NewSelectEntry(v.categories())
	f.category.SetText(e.Category)
	f.actors = slices.Clone(e.Actors)
	f.actorList = container.NewVBox()
	f.role.SetPlaceHolder(lang.L("Role (optional)"))
	f.newName.SetPlaceHolder(lang.L("Name of someone new"))
	var groupNames []string
	for _, g := range groups {
		groupNames = append(groupNames, laneGroupName(g))
	}
	f.newGroup = widget.NewSelect(groupNames, nil)
	f.newGroup.SetSelected(laneGroupName(data.GroupOther))
	known, places := v.knownActorsAndPlaces()
	var names []string
	for _, a := range known {
		names = append(names, a.Name)
	}
	f.known = widget.NewSelect(names, func(name string) {
		if name == "" {
			return // cleared after adding
		}
		for _, a := range known {
			if a.Name == name {
				f.addActor(data.NewEventActor{ActorID: a.ActorID, Name: a.Name, Group: a.Group, Role: strings.TrimSpace(f.role.Text)})
			}
		}
		f.known.ClearSelected()
	})
	f.known.PlaceHolder = lang.L("Add someone in the corpus…")
	var placeNames []string
	for _, p := range places {
		placeNames = append(placeNames, p.Name)
	}
	f.places = widget.NewCheckGroup(placeNames, nil)
	f.places.Horizontal = true
	var on []string
	for _, p := range places {
		if slices.Contains(e.Places, p.ID) {
			on = append(on, p.Name)
		}
	}
	f.places.SetSelected(on)
	f.placeIDs = places
	f.showActors()
	return f
}

func (f *eventForm) actorsBox() fyne.CanvasObject {
	f.addNew = widget.NewButtonWithIcon(lang.L("Add"), theme.ContentAddIcon(), func() {
		if name := strings.TrimSpace(f.newName.Text); name != "" {
			f.addActor(data.NewEventActor{Name: name, Group: groups[max(f.newGroup.SelectedIndex(), 0)], Role: strings.TrimSpace(f.role.Text)})
			f.newName.SetText("")
		}
	})
	return container.NewVBox(f.actorList,
		container.NewGridWithColumns(2, f.known, f.role),
		container.NewBorder(nil, nil, nil, container.NewHBox(f.newGroup, f.addNew), f.newName))
}

func (f *eventForm) addActor(a data.NewEventActor) {
	f.actors = append(f.actors, a)
	f.role.SetText("")
	f.showActors()
}

func (f *eventForm) showActors() {
	f.actorList.Objects = nil
	for i, a := range f.actors {
		label := a.Name
		if a.ActorID == "" {
			label += " " + lang.L("(new, {{.Group}})", map[string]any{"Group": laneGroupName(a.Group)})
		}
		if a.Role != "" {
			label += " · " + a.Role
		}
		remove := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
			f.actors = slices.Delete(f.actors, i, i+1)
			f.showActors()
		})
		remove.Importance = widget.LowImportance
		f.actorList.Add(container.NewBorder(nil, nil, nil, remove, widget.NewLabel(label)))
	}
	f.actorList.Refresh()
	if f.content != nil {
		// The form sizes its rows once; a longer list needs them again.
		for _, o := range f.content.Objects {
			o.Refresh()
		}
		f.content.Refresh()
	}
}

// value is the event as the form gives it.
func (f *eventForm) value(base data.NewEvent) (data.NewEvent, error) {
	e := base
	e.Title = strings.TrimSpace(f.title.Text)
	e.Summary = strings.TrimSpace(f.summary.Text)
	e.Date = strings.TrimSpace(f.date.Text)
	e.Category = strings.TrimSpace(f.category.Text)
	e.Actors = slices.Clone(f.actors)
	e.Places = nil
	for _, p := range f.placeIDs {
		if slices.Contains(f.places.Selected, p.Name) {
			e.Places = append(e.Places, p.ID)
		}
	}
	if e.Title == "" {
		return e, errors.New(lang.L("the event needs a title"))
	}
	return e, nil
}

// resolve shows what the date as typed resolves to, before saving; only
// the latest keystroke's answer is shown.
func (f *eventForm) resolve(v *mainView, documentID string) {
	text := strings.TrimSpace(f.date.Text)
	f.mu.Lock()
	f.seq++
	seq := f.seq
	f.mu.Unlock()
	if text == "" {
		f.dating.SetText(lang.L("Undated"))
		return
	}
	v.bg.run(func() func() {
		dt, err := v.undo.reviewer.ResolveDate(context.Background(), documentID, text)
		return func() {
			f.mu.Lock()
			current := seq == f.seq
			f.mu.Unlock()
			if !current {
				return
			}
			if err != nil {
				f.dating.SetText(lang.L("Not a date: {{.Error}}", map[string]any{"Error": err.Error()}))
				return
			}
			f.dating.SetText(datingWords(dt))
		}
	})
}

// datingWords says what a date resolves to as the detail pane will:
// "Sometime in 7–21 Dec 2022 · EDTF [2022-12-07..2022-12-21] · resolved
// from “on Tuesday”".
func datingWords(dt data.Dating) string {
	s := datingText(datingSummary(dt))
	if dt.EDTF != "" {
		s += " · EDTF " + dt.EDTF
	}
	switch dt.Basis {
	case data.Relative:
		s += " · " + lang.L("resolved from “{{.Phrase}}” against the document's date", map[string]any{"Phrase": dt.Phrase})
	case data.Stated:
		s += " · " + lang.L("as stated")
	}
	return s
}

// datingSummary is the summary of an event dated dt, for datingText.
func datingSummary(dt data.Dating) data.EventSummary {
	if dt.Shape == "" || dt.From.Earliest.IsZero() && dt.To.Latest.IsZero() {
		return data.EventSummary{}
	}
	start, end := dt.From.Earliest, dt.From.Latest
	if dt.Shape == data.Span {
		if start.IsZero() {
			start = dt.To.Earliest
		}
		if dt.To.Latest.After(end) {
			end = dt.To.Latest
		}
	}
	prec := dt.From.Precision
	if prec == "" || prec == data.OpenEnd {
		prec = data.Day
	}
	return data.EventSummary{Date: data.DateRange{Start: start, End: end, Precision: prec}, Shape: dt.Shape, From: dt.From, To: dt.To, EDTF: dt.EDTF, Basis: dt.Basis}
}

// categories are the categories of the events, for the form to offer.
func (v *mainView) categories() []string {
	var out []string
	for i := range v.events.Len() {
		if c := v.events.Category(i); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// knownActorsAndPlaces are the actors and places the form offers: every
// one in the corpus, or where the corpus cannot list them, those of the
// event the passage's document was opened from.
func (v *mainView) knownActorsAndPlaces() ([]data.EventActor, []data.Place) {
	if v.knownActors != nil || v.knownPlaces != nil {
		return v.knownActors, v.knownPlaces
	}
	if v.detail.event == nil {
		return nil, nil
	}
	return v.detail.event.Actors, v.detail.event.Places
}
