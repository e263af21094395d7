package data

import (
	"slices"
	"time"
)

// Status is a researcher's verdict on an event.
type Status string

// The statuses an event can have; an event nobody has looked at is
// Unreviewed.
const (
	Unreviewed  Status = "unreviewed"
	Verified    Status = "verified"
	Disputed    Status = "disputed"
	NeedsSource Status = "needs-source"
)

// Statuses lists every status, in the order a menu offers them.
var Statuses = []Status{Unreviewed, Verified, Disputed, NeedsSource}

// Note is a researcher's note on an event, a document or an actor.
type Note struct {
	ID               int64
	Body             string
	Created, Updated time.Time
}

// Review is a researcher's review of one event, document or actor: its
// status (events only; Unreviewed otherwise), its tags and its notes, oldest
// first. Review data is keyed by the thing's id, never tied to its row, so
// a bundled update that replaces the row keeps it.
type Review struct {
	Kind   Kind
	ID     string
	Status Status
	Tags   []string
	Notes  []Note
}

// Filter narrows the events shown. A zero Filter keeps every event; each
// field that is set must hold (they combine with AND; the values within a
// field with OR).
type Filter struct {
	Statuses   []Status
	Tags       []string
	Groups     []string // lanes: the Group* constants
	Categories []string
	// From and To bound the events' envelopes (zero: unbounded); an event
	// is kept when its Date overlaps [From, To]. Undated events are kept
	// only when both are zero.
	From, To time.Time
	HasNotes bool
}

// Empty reports whether f keeps every event.
func (f Filter) Empty() bool {
	return len(f.Statuses) == 0 && len(f.Tags) == 0 && len(f.Groups) == 0 && len(f.Categories) == 0 &&
		f.From.IsZero() && f.To.IsZero() && !f.HasNotes
}

// Keep reports whether f keeps the event e.
func (f Filter) Keep(e *EventSummary) bool {
	status := e.Status
	if status == "" {
		status = Unreviewed
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, status) {
		return false
	}
	if len(f.Tags) > 0 && !slices.ContainsFunc(f.Tags, func(t string) bool { return slices.Contains(e.Tags, t) }) {
		return false
	}
	if len(f.Groups) > 0 && !slices.Contains(f.Groups, e.Group) {
		return false
	}
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, e.Category) {
		return false
	}
	if f.HasNotes && e.Notes == 0 {
		return false
	}
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	if !e.Date.Known() {
		return false
	}
	return (f.From.IsZero() || !e.Date.End.Before(f.From)) && (f.To.IsZero() || !e.Date.Start.After(f.To))
}

// NewEvent is a researcher's own event as the new-event form gives it.
type NewEvent struct {
	Title, Summary, Category string
	// Date is EDTF ("2022-12-20", "[2022-12-07..2022-12-21]",
	// "2022-12-07/2022-12-21") or a phrase such as "on Tuesday", resolved
	// against the publication date of the document the passage is from.
	Date string
	// DocumentID, Start and End (rune offsets in the document's text, end
	// exclusive) are the passage the event is made from: its evidence.
	DocumentID string
	Start, End int
	Actors     []NewEventActor
	// Places are place ids.
	Places []string
}

// NewEventActor is who took part in a researcher's own event: an existing
// actor by ActorID, or a new one by Name and Group.
type NewEventActor struct {
	ActorID, Name, Group, Role string
}

// Dating is what a date as typed resolves to, for the form to show before
// it saves: the dating, its EDTF, and how it was established.
type Dating struct {
	Shape    Shape
	From, To When
	EDTF     string
	Basis    Basis
	// Phrase is the words it was resolved from, for a relative date.
	Phrase string
}
