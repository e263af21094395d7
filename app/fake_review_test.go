package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"chronoscope/data"
)

// fakeReviewer is a fakeCorpus that holds a review in memory, as
// *data.Store does in SQLite: statuses, tags and notes by the thing's id,
// and the researcher's own events among the others.
type fakeReviewer struct {
	*fakeCorpus
	status map[string]data.Status
	tags   map[string][]string
	notes  map[string][]data.Note // by kind/id
	own    map[string]data.NewEvent
	nextID int64
	nextEv int
	now    time.Time
	// calls counts the writes, for tests that check none was made.
	calls int
	// writeErr, when set, is what SetStatus returns.
	writeErr error
}

var _ Reviewer = (*fakeReviewer)(nil)

func newFakeReviewer(c *fakeCorpus) *fakeReviewer {
	return &fakeReviewer{fakeCorpus: c, status: map[string]data.Status{}, tags: map[string][]string{},
		notes: map[string][]data.Note{}, own: map[string]data.NewEvent{},
		now: time.Date(2026, 11, 29, 18, 0, 0, 0, time.UTC)}
}

func noteKey(kind data.Kind, id string) string { return string(kind) + "/" + id }

// tick is the fake's clock: a minute later at each write.
func (f *fakeReviewer) tick() time.Time {
	f.calls++
	f.now = f.now.Add(time.Minute)
	return f.now
}

func (f *fakeReviewer) Events(ctx context.Context) ([]data.EventSummary, error) {
	evs, err := f.fakeCorpus.Events(ctx)
	for i := range evs {
		e := &evs[i]
		e.Status = f.status[e.ID]
		if e.Status == "" {
			e.Status = data.Unreviewed
		}
		e.Tags = slices.Clone(f.tags[e.ID])
		e.Notes = len(f.notes[noteKey(data.KindEvent, e.ID)])
	}
	return evs, err
}

func (f *fakeReviewer) Review(_ context.Context, kind data.Kind, id string) (*data.Review, error) {
	rv := &data.Review{Kind: kind, ID: id, Status: data.Unreviewed, Tags: slices.Clone(f.tags[id]), Notes: slices.Clone(f.notes[noteKey(kind, id)])}
	if s, ok := f.status[id]; ok && kind == data.KindEvent {
		rv.Status = s
	}
	if kind != data.KindEvent {
		rv.Tags = nil
	}
	return rv, nil
}

func (f *fakeReviewer) SetStatus(_ context.Context, id string, s data.Status) error {
	if f.writeErr != nil {
		return f.writeErr
	}
	f.tick()
	f.status[id] = s
	return nil
}

func (f *fakeReviewer) AddNote(_ context.Context, kind data.Kind, id, body string) (data.Note, error) {
	now := f.tick()
	f.nextID++
	n := data.Note{ID: f.nextID, Body: body, Created: now, Updated: now}
	k := noteKey(kind, id)
	f.notes[k] = append(f.notes[k], n)
	return n, nil
}

func (f *fakeReviewer) findNote(noteID int64) (string, int) {
	for k, ns := range f.notes {
		if i := slices.IndexFunc(ns, func(n data.Note) bool { return n.ID == noteID }); i >= 0 {
			return k, i
		}
	}
	return "", -1
}

func (f *fakeReviewer) EditNote(_ context.Context, noteID int64, body string) (data.Note, error) {
	k, i := f.findNote(noteID)
	if i < 0 {
		return data.Note{}, fmt.Errorf("note %d: %w", noteID, data.ErrNotFound)
	}
	f.notes[k][i].Body, f.notes[k][i].Updated = body, f.tick()
	return f.notes[k][i], nil
}

func (f *fakeReviewer) DeleteNote(_ context.Context, noteID int64) (data.Note, error) {
	k, i := f.findNote(noteID)
	if i < 0 {
		return data.Note{}, fmt.Errorf("note %d: %w", noteID, data.ErrNotFound)
	}
	f.tick()
	n := f.notes[k][i]
	f.notes[k] = slices.Delete(f.notes[k], i, i+1)
	return n, nil
}

func (f *fakeReviewer) RestoreNote(_ context.Context, kind data.Kind, id string, n data.Note) error {
	f.tick()
	k := noteKey(kind, id)
	f.notes[k] = append(f.notes[k], n)
	slices.SortFunc(f.notes[k], func(a, b data.Note) int { return a.Created.Compare(b.Created) })
	return nil
}

func (f *fakeReviewer) AddTag(_ context.Context, id, tag string) error {
	f.tick()
	if !slices.Contains(f.tags[id], tag) {
		f.tags[id] = append(f.tags[id], tag)
		slices.Sort(f.tags[id])
	}
	return nil
}

func (f *fakeReviewer) RemoveTag(_ context.Context, id, tag string) error {
	f.tick()
	f.tags[id] = slices.DeleteFunc(f.tags[id], func(t string) bool { return t == tag })
	return nil
}

func (f *fakeReviewer) Tags(context.Context) ([]string, error) {
	var out []string
	for _, ts := range f.tags {
		for _, t := range ts {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	slices.Sort(out)
	return out, nil
}

// ResolveDate knows EDTF days and "on Tuesday", which it resolves to the
// Tuesday before the document's publication.
func (f *fakeReviewer) ResolveDate(_ context.Context, documentID, text string) (data.Dating, error) {
	if t, err := time.Parse(time.DateOnly, text); err == nil {
		w := data.When{Earliest: t, Latest: t, Precision: data.Day}
		return data.Dating{Shape: data.Moment, From: w, To: w, EDTF: text, Basis: data.Stated}, nil
	}
	if strings.EqualFold(text, "on Tuesday") {
		doc := f.docs[documentID]
		if doc == nil {
			return data.Dating{}, fmt.Errorf("document %q: %w", documentID, data.ErrNotFound)
		}
		t := doc.Published.Start
		for t.Weekday() != time.Tuesday {
			t = t.AddDate(0, 0, -1)
		}
		w := data.When{Earliest: t, Latest: t, Precision: data.Day}
		return data.Dating{Shape: data.Moment, From: w, To: w, EDTF: t.Format(time.DateOnly), Basis: data.Relative, Phrase: text}, nil
	}
	return data.Dating{}, fmt.Errorf("%q: not a date", text)
}

func (f *fakeReviewer) CreateEvent(ctx context.Context, e data.NewEvent) (string, error) {
	f.nextEv++
	id := fmt.Sprintf("user-%d", f.nextEv)
	return id, f.CreateEventWithID(ctx, id, e)
}

func (f *fakeReviewer) CreateEventWithID(ctx context.Context, id string, e data.NewEvent) error {
	if slices.ContainsFunc(f.events, func(ev *data.Event) bool { return ev.ID == id }) {
		return fmt.Errorf("event %q exists", id)
	}
	f.tick()
	ev, err := f.eventOf(ctx, id, e)
	if err != nil {
		return err
	}
	f.own[id] = e
	f.events = append(f.events, ev)
	return nil
}

func (f *fakeReviewer) UpdateEvent(ctx context.Context, id string, e data.NewEvent) error {
	i := slices.IndexFunc(f.events, func(ev *data.Event) bool { return ev.ID == id })
	if _, own := f.own[id]; i < 0 || !own {
		return fmt.Errorf("own event %q: %w", id, data.ErrNotFound)
	}
	f.tick()
	ev, err := f.eventOf(ctx, id, e)
	if err != nil {
		return err
	}
	f.own[id] = e
	f.events[i] = ev
	return nil
}

func (f *fakeReviewer) DeleteEvent(_ context.Context, id string) (data.NewEvent, error) {
	e, own := f.own[id]
	if !own {
		return data.NewEvent{}, fmt.Errorf("own event %q: %w", id, data.ErrNotFound)
	}
	f.tick()
	delete(f.own, id)
	f.events = slices.DeleteFunc(f.events, func(ev *data.Event) bool { return ev.ID == id })
	return e, nil
}

// eventOf is a researcher's event as the store would read it back.
func (f *fakeReviewer) eventOf(ctx context.Context, id string, e data.NewEvent) (*data.Event, error) {
	ev := &data.Event{EventSummary: data.EventSummary{ID: id, Title: e.Title, Category: e.Category, Origin: originUser, Group: data.GroupOther, Sources: 1},
		Summary: e.Summary}
	if e.Date != "" {
		dt, err := f.ResolveDate(ctx, e.DocumentID, e.Date)
		if err != nil {
			return nil, err
		}
		s := datingSummary(dt)
		ev.Date, ev.Shape, ev.From, ev.To, ev.EDTF, ev.Basis = s.Date, s.Shape, s.From, s.To, s.EDTF, s.Basis
		ev.DatePhrase = dt.Phrase
	} else {
		ev.Date.Precision, ev.Basis = data.Unknown, data.NoBasis
	}
	for _, a := range e.Actors {
		aid := a.ActorID
		if aid == "" {
			aid = "new-" + strings.ToLower(strings.ReplaceAll(a.Name, " ", "-"))
		}
		ev.Actors = append(ev.Actors, data.EventActor{ActorID: aid, Name: a.Name, Group: a.Group, Role: a.Role})
	}
	if len(ev.Actors) > 0 {
		ev.Group = ev.Actors[0].Group
	}
	for _, p := range e.Places {
		ev.Places = append(ev.Places, data.Place{ID: p, Name: p})
	}
	if doc := f.docs[e.DocumentID]; doc != nil {
		runes := []rune(doc.Text)
		if e.Start < 0 || e.End > len(runes) || e.Start >= e.End {
			return nil, fmt.Errorf("passage %d..%d outside the document", e.Start, e.End)
		}
		ev.Sources = []data.Evidence{{DocumentID: doc.ID, Document: doc.DocumentSummary, Quote: string(runes[e.Start:e.End]), Start: e.Start, End: e.End}}
	}
	return ev, nil
}
