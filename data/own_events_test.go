package data_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// passage is where text first is in document docID's text, in runes.
func passage(tb testing.TB, s *data.Store, docID, text string) (int, int) {
	tb.Helper()
	d, err := s.Document(context.Background(), docID)
	if err != nil {
		tb.Fatal(err)
	}
	i := strings.Index(d.Text, text)
	if i < 0 {
		tb.Fatalf("%q is not in %s", text, docID)
	}
	start := len([]rune(d.Text[:i]))
	return start, start + len([]rune(text))
}

// newImpeachment is an own event made from the wire report's passage on
// the impeachment, with a bundled actor and a new one.
func newImpeachment(tb testing.TB, s *data.Store, date string) data.NewEvent {
	tb.Helper()
	start, end := passage(tb, s, "ambassador-expelled", "Embattled Castillo was impeached and arrested on December 7")
	return data.NewEvent{
		Title: "Wire reports Castillo impeached", Summary: "The AP wire's account.", Category: "domestic-politics",
		Date: date, DocumentID: "ambassador-expelled", Start: start, End: end,
		Actors: []data.NewEventActor{{ActorID: "lopez-obrador", Role: "commentator"}, {Name: "A wire reporter", Group: data.GroupOther}},
		Places: []string{"lima"},
	}
}

// TestCreateEvent_FromPassage makes an own event from a passage: it quotes
// exactly that text at those offsets, passes Check, and is found at once.
func TestCreateEvent_FromPassage(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	if _, err := s.Find(ctx, "impeached", 10); err != nil { // the index built before
		t.Fatal(err)
	}
	ne := newImpeachment(t, s, "2022-12-07")
	id, err := s.CreateEvent(ctx, ne)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(id, "user-") {
		t.Errorf("id %q", id)
	}
	e, err := s.Event(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Sources) != 1 || e.Sources[0].Quote != "Embattled Castillo was impeached and arrested on December 7" ||
		e.Sources[0].Start != ne.Start || e.Sources[0].End != ne.End || e.Sources[0].DocumentID != "ambassador-expelled" {
		t.Errorf("evidence %+v", e.Sources)
	}
	if e.Origin != "user" || e.EDTF != "2022-12-07" || e.Basis != data.Stated || len(e.Actors) != 2 || e.Actors[1].Name != "A wire reporter" {
		t.Errorf("event %+v", e)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) > 0 {
		t.Errorf("check: %v, %v", probs, err)
	}
	res, err := s.Find(ctx, "wire reports castillo", 10)
	if err != nil || !slices.Contains(hitIDs(res.Hits), "event:"+id) || !slices.Contains(res.Events, id) {
		t.Errorf("Find does not find the new event: %v, %v", res, err)
	}
	if res, _ := s.Find(ctx, "wire reporter", 10); !slices.Contains(res.Events, id) {
		t.Errorf("Find does not find the new event by its new actor: %v", res.Events)
	}
}

// TestCreateEvent_RelativeDate resolves "on Tuesday" against the
// document's publication date, which Check then confirms.
func TestCreateEvent_RelativeDate(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	d, err := s.ResolveDate(ctx, "ambassador-expelled", "on Tuesday")
	if err != nil || d.Basis != data.Relative || d.Shape != data.Moment || d.Phrase != "on Tuesday" || !d.From.Exact() {
		t.Fatalf("ResolveDate = %+v, %v", d, err)
	}
	if d, err := s.ResolveDate(ctx, "ambassador-expelled", "2022-12-07/2022-12-21"); err != nil || d.Shape != data.Span || d.Basis != data.Stated {
		t.Errorf("EDTF span: %+v, %v", d, err)
	}
	if _, err := s.ResolveDate(ctx, "ambassador-expelled", "sometime soonish"); err == nil {
		t.Error("nonsense resolved")
	}
	if _, err := s.ResolveDate(ctx, "no-such-doc", "on Tuesday"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown document: %v", err)
	}
	id, err := s.CreateEvent(ctx, newImpeachment(t, s, "on Tuesday"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Event(ctx, id)
	if err != nil || e.EDTF != d.EDTF || e.DatePhrase != "on Tuesday" || e.DateAnchor != "ambassador-expelled" {
		t.Errorf("event dated %q %q %q, %v; want %s", e.EDTF, e.DatePhrase, e.DateAnchor, err, d.EDTF)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) > 0 {
		t.Errorf("check: %v, %v", probs, err)
	}
}

// TestCreateEvent_Refused checks that a passage outside the document, an
// unknown document, actor or category, and a change to a bundled event
// are refused and write nothing.
func TestCreateEvent_Refused(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	before := fileDigest(t, s.Path())
	for name, change := range map[string]func(*data.NewEvent){
		"past the end":     func(e *data.NewEvent) { e.End = 1 << 20 },
		"negative":         func(e *data.NewEvent) { e.Start = -1 },
		"empty":            func(e *data.NewEvent) { e.End = e.Start },
		"unknown document": func(e *data.NewEvent) { e.DocumentID = "no-such-doc" },
		"unknown actor":    func(e *data.NewEvent) { e.Actors[0].ActorID = "no-such-actor" },
		"unknown place":    func(e *data.NewEvent) { e.Places = []string{"atlantis"} },
		"category":         func(e *data.NewEvent) { e.Category = "gossip" },
		"no title":         func(e *data.NewEvent) { e.Title = " " },
		"bad date":         func(e *data.NewEvent) { e.Date = "2022-02-30" },
	} {
		ne := newImpeachment(t, s, "2022-12-07")
		change(&ne)
		if _, err := s.CreateEvent(ctx, ne); err == nil {
			t.Errorf("%s: created", name)
		}
	}
	if err := s.UpdateEvent(ctx, "castillo-removed", newImpeachment(t, s, "")); !errors.Is(err, data.ErrNotOwn) {
		t.Errorf("UpdateEvent of a bundled event: %v", err)
	}
	if _, err := s.DeleteEvent(ctx, "castillo-removed"); !errors.Is(err, data.ErrNotOwn) {
		t.Errorf("DeleteEvent of a bundled event: %v", err)
	}
	if _, err := s.DeleteEvent(ctx, "no-such-event"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("DeleteEvent of nothing: %v", err)
	}
	if after := fileDigest(t, s.Path()); string(after) != string(before) {
		t.Error("the corpus file changed")
	}
}

// TestOwnEvent_UpdateDeleteUndo edits an own event, deletes it and makes
// it again from what DeleteEvent returned, as undo does; its review comes
// back with it, and it all survives a bundled update.
func TestOwnEvent_UpdateDeleteUndo(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	id, err := s.CreateEvent(ctx, newImpeachment(t, s, "2022-12-07"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddTag(ctx, id, "mine"); err != nil {
		t.Fatal(err)
	}
	edited := newImpeachment(t, s, "on Tuesday")
	edited.Title = "Wire: Castillo impeached"
	edited.Actors = edited.Actors[:1]
	if err := s.UpdateEvent(ctx, id, edited); err != nil {
		t.Fatal(err)
	}
	before, err := s.Event(ctx, id)
	if err != nil || before.Title != "Wire: Castillo impeached" || len(before.Actors) != 1 || before.DatePhrase != "on Tuesday" {
		t.Fatalf("updated event %+v, %v", before, err)
	}

	held, err := s.DeleteEvent(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(held, edited) {
		t.Errorf("DeleteEvent returned %+v, want %+v", held, edited)
	}
	if _, err := s.Event(ctx, id); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleted event still reads: %v", err)
	}
	if res, _ := s.Find(ctx, "wire castillo impeached", 10); slices.Contains(res.Events, id) {
		t.Error("Find still finds the deleted event")
	}
	if err := s.CreateEventWithID(ctx, id, held); err != nil {
		t.Fatal(err)
	}
	after, err := s.Event(ctx, id)
	if err != nil || !reflect.DeepEqual(after, before) {
		t.Errorf("recreated event\n%+v\nwant\n%+v (%v)", after, before, err)
	}
	if err := s.CreateEventWithID(ctx, id, held); err == nil {
		t.Error("an id used twice")
	}

	mustExec(t, s.DB(), `UPDATE meta SET value = 'older' WHERE key = 'source_digest'`)
	if err := s.UpdateBundled(ctx, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Event(ctx, id); err != nil || !reflect.DeepEqual(got, before) {
		t.Errorf("after a bundled update %+v, %v", got, err)
	}
}

// TestFind_SeesAnotherProcessesChanges checks that a search picks up what
// another process (here another Store on the same file) changed since this
// one loaded its search index: an event deleted there is no hit, and one
// created there is found, with its own title and passage, though it may
// reuse the deleted one's full-text rows.
func TestFind_SeesAnotherProcessesChanges(t *testing.T) {
	ctx := context.Background()
	b := MustOpenDB(t)
	a, err := data.Open(ctx, b.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	x := newImpeachment(t, b, "on Tuesday")
	x.Title, x.Summary = "Xanthippe aardvarkish meeting", "Xanthippe met."
	xid, err := b.CreateEvent(ctx, x)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Find(ctx, "", 0); err != nil { // a's warm-up, with X in it
		t.Fatal(err)
	}
	if _, err := b.DeleteEvent(ctx, xid); err != nil {
		t.Fatal(err)
	}
	y := newImpeachment(t, b, "on Tuesday")
	y.Title, y.Summary = "Quokkafest bilateral summit", "Quokkafest was held."
	yid, err := b.CreateEvent(ctx, y)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"quokkafest", "xanthippe"} {
		res, err := a.Find(ctx, q, 20)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID+" "+h.Title)
		}
		want := []string(nil)
		if q == "quokkafest" {
			want = []string{yid + " Quokkafest bilateral summit"}
		}
		if !slices.Equal(got, want) {
			t.Errorf("Find(%q) in the other store: %q, want %q", q, got, want)
		}
		if slices.Contains(res.Events, xid) {
			t.Errorf("Find(%q) lights the deleted event %s", q, xid)
		}
	}
}
