package data

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrNotOwn is returned when a researcher tries to change or delete an
// event of the bundled corpus: only their own events can be.
var ErrNotOwn = errors.New("only your own events can be changed or deleted; this one is from the bundled corpus")

// Groups are the lane groups an actor may belong to, the Group* constants.
var Groups = []string{GroupMexico, GroupPeru, GroupUnitedStates, GroupRegional, GroupOther}

// ResolveDate reads a date as the new-event form gives it: EDTF
// ("2022-12-20", "[2022-12-07..2022-12-21]", "2022-12-07/2022-12-21"), a
// phrase that carries its year ("Dec. 14, 2022"), or a phrase relative to
// the publication date of the document documentID ("on Tuesday", "last
// week"). An empty text is undated (Basis NoBasis).
func (s *Store) ResolveDate(ctx context.Context, documentID, text string) (Dating, error) {
	var d Dating
	err := s.read(ctx, func(tx *sql.Tx) error {
		doc, err := readPassageDocument(ctx, tx, documentID)
		if err != nil {
			return err
		}
		d, err = resolveDating(text, doc.published)
		return err
	})
	if err != nil {
		return Dating{}, fmt.Errorf("resolve date %q against document %q: %w", text, documentID, err)
	}
	return d, nil
}

// resolveDating is ResolveDate against a publication date.
func resolveDating(text string, published DateRange) (Dating, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return Dating{Basis: NoBasis}, nil
	}
	shape, from, to, edtfErr := ParseEDTF(text)
	if edtfErr == nil {
		if err := ValidateDating(shape, from, to); err != nil {
			return Dating{}, err
		}
		return Dating{Shape: shape, From: from, To: to, EDTF: FormatEDTF(shape, from, to), Basis: Stated}, nil
	}
	r, basis, err := ResolvePhrase(text, published)
	if err != nil {
		return Dating{}, fmt.Errorf("not an EDTF date (%v), nor a phrase this resolves (%v)", edtfErr, err)
	}
	w := unitWhen(r.Start, r.End)
	return Dating{Shape: Moment, From: w, To: w, EDTF: FormatEDTF(Moment, w, w), Basis: basis, Phrase: text}, nil
}

// passageDocument is what an own event needs of the document its passage
// is from.
type passageDocument struct {
	text      []rune
	published DateRange
}

func readPassageDocument(ctx context.Context, tx *sql.Tx, id string) (*passageDocument, error) {
	var (
		text       string
		start, end sql.NullString
		prec       string
	)
	err := tx.QueryRowContext(ctx, `SELECT text, published_start, published_end, published_precision
		FROM documents WHERE id = ?`, id).Scan(&text, &start, &end, &prec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("no document %q in the corpus: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	pub, err := scanRange(start, end, prec)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", id, err)
	}
	return &passageDocument{[]rune(text), pub}, nil
}

// CreateEvent saves a researcher's own event made from a passage of a
// document and returns its new id ("user-…"). Its evidence is the passage
// e.Start..e.End of the document's text, quoted exactly; actors named
// rather than chosen are created as the researcher's own. It can be found
// at once.
func (s *Store) CreateEvent(ctx context.Context, e NewEvent) (string, error) {
	id := "user-" + strings.ToLower(rand.Text()[:12])
	if err := s.CreateEventWithID(ctx, id, e); err != nil {
		return "", err
	}
	return id, nil
}

// CreateEventWithID is CreateEvent with the id given, as undoing
// DeleteEvent needs; no event may have it.
func (s *Store) CreateEventWithID(ctx context.Context, id string, e NewEvent) error {
	err := s.write(ctx, fmt.Sprintf("create event %q", id), func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM events WHERE id = ?`, id).Scan(&one)
		if err == nil {
			return errors.New("an event has that id")
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if strings.TrimSpace(id) == "" {
			return errors.New("no id")
		}
		if err := checkCategory(ctx, tx, e.Category); err != nil {
			return err
		}
		return insertOwnEvent(ctx, tx, id, e)
	})
	if err == nil {
		s.resetSearch()
	}
	return err
}

// UpdateEvent replaces what a researcher's own event holds with e.
func (s *Store) UpdateEvent(ctx context.Context, id string, e NewEvent) error {
	err := s.write(ctx, fmt.Sprintf("update event %q", id), func(tx *sql.Tx) error {
		if err := checkCategory(ctx, tx, e.Category); err != nil {
			return err
		}
		if err := deleteOwnEvent(ctx, tx, id); err != nil {
			return err
		}
		return insertOwnEvent(ctx, tx, id, e)
	})
	if err == nil {
		s.resetSearch()
	}
	return err
}

// DeleteEvent deletes a researcher's own event and returns what it held,
// for CreateEventWithID to make again. Its review stays, keyed by its id,
// and comes back with it.
func (s *Store) DeleteEvent(ctx context.Context, id string) (NewEvent, error) {
	var e NewEvent
	err := s.write(ctx, fmt.Sprintf("delete event %q", id), func(tx *sql.Tx) (err error) {
		if e, err = readOwnEvent(ctx, tx, id); err != nil {
			return err
		}
		return deleteOwnEvent(ctx, tx, id)
	})
	if err != nil {
		return NewEvent{}, err
	}
	s.resetSearch()
	return e, nil
}

// mustOwn returns an error unless id is a researcher's own event:
// ErrNotFound when there is none, ErrNotOwn when it is bundled.
func mustOwn(ctx context.Context, tx *sql.Tx, id string) error {
	var origin string
	err := tx.QueryRowContext(ctx, `SELECT origin FROM events WHERE id = ?`, id).Scan(&origin)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("no event %q in the corpus: %w", id, ErrNotFound)
	case err != nil:
		return err
	case origin != "user":
		return ErrNotOwn
	}
	return nil
}

// deleteOwnEvent deletes an own event, its links (by cascade) and its text
// entry.
func deleteOwnEvent(ctx context.Context, tx *sql.Tx, id string) error {
	if err := mustOwn(ctx, tx, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM event_text WHERE ref = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM events WHERE id = ?`, id)
	return err
}

// readOwnEvent reads an own event back as the NewEvent that makes it: its
// date as the phrase it was resolved from, else as EDTF; its actors by id.
func readOwnEvent(ctx context.Context, tx *sql.Tx, id string) (NewEvent, error) {
	if err := mustOwn(ctx, tx, id); err != nil {
		return NewEvent{}, err
	}
	ev, err := readEvent(ctx, tx, id)
	if err != nil {
		return NewEvent{}, err
	}
	e := NewEvent{Title: ev.Title, Summary: ev.Summary, Category: ev.Category, Date: ev.DatePhrase}
	if e.Date == "" {
		e.Date = ev.EDTF
	}
	if len(ev.Sources) > 0 {
		v := ev.Sources[0]
		e.DocumentID, e.Start, e.End = v.DocumentID, v.Start, v.End
	}
	for _, a := range ev.Actors {
		e.Actors = append(e.Actors, NewEventActor{ActorID: a.ActorID, Role: a.Role})
	}
	for _, p := range ev.Places {
		e.Places = append(e.Places, p.ID)
	}
	return e, nil
}

// checkCategory refuses a category that is neither one of Categories nor
// one an event of the corpus has (as a TimelineJS import's groups are).
func checkCategory(ctx context.Context, tx *sql.Tx, category string) error {
	if slices.Contains(Categories, category) {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM events WHERE category = ? LIMIT 1`, category).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("category %q: want one of %s", category, strings.Join(Categories, ", "))
	}
	return err
}

// insertOwnEvent checks e (but its category, which checkCategory does) and
// writes it as the own event id, with its evidence, actors (creating new
// ones), places and text entry.
func insertOwnEvent(ctx context.Context, tx *sql.Tx, id string, e NewEvent) error {
	doc, err := readPassageDocument(ctx, tx, e.DocumentID)
	if err != nil {
		return err
	}
	return insertOwnEventOf(ctx, tx, id, e, doc)
}

// insertOwnEventOf is insertOwnEvent with its document read, for an
// import that makes thousands of events from one document.
func insertOwnEventOf(ctx context.Context, tx *sql.Tx, id string, e NewEvent, doc *passageDocument) error {
	if strings.TrimSpace(e.Title) == "" {
		return errors.New("the event has no title")
	}
	if strings.TrimSpace(e.Category) == "" {
		return errors.New("the event has no category")
	}
	if e.Start < 0 || e.End > len(doc.text) || e.Start >= e.End {
		return fmt.Errorf("passage %d..%d is outside document %q's %d characters", e.Start, e.End, e.DocumentID, len(doc.text))
	}
	quote := string(doc.text[e.Start:e.End])
	if strings.TrimSpace(quote) == "" {
		return fmt.Errorf("passage %d..%d of document %q is blank", e.Start, e.End, e.DocumentID)
	}
	d, err := resolveDating(e.Date, doc.published)
	if err != nil {
		return fmt.Errorf("date %q: %w", e.Date, err)
	}
	var anchor any
	if d.Basis == Relative {
		anchor = e.DocumentID
	}
	env := Envelope(d.Shape, d.From, d.To)
	_, err = tx.ExecContext(ctx, `INSERT INTO events (id, origin, title, summary, category, start_date, end_date,
			precision, date_basis, date_phrase, date_anchor, shape,
			from_earliest, from_latest, from_precision, to_earliest, to_latest, to_precision)
		VALUES (?, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, strings.TrimSpace(e.Title), e.Summary, e.Category, nullable(FormatDay(env.Start)), nullable(FormatDay(env.End)),
		string(env.Precision), string(d.Basis), d.Phrase, anchor, nullable(string(d.Shape)),
		nullable(FormatDay(d.From.Earliest)), nullable(FormatDay(d.From.Latest)), string(d.From.Precision),
		nullable(FormatDay(d.To.Earliest)), nullable(FormatDay(d.To.Latest)), string(d.To.Precision))
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (event_id, document_id, quote, start_char, end_char, position)
		VALUES (?, ?, ?, ?, ?, 0)`, id, e.DocumentID, quote, e.Start, e.End); err != nil {
		return err
	}
	if err := insertOwnActors(ctx, tx, id, e.Actors); err != nil {
		return err
	}
	for _, p := range e.Places {
		if err := mustExistIn(ctx, tx, "places", "place", p); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO event_places (event_id, place_id) VALUES (?, ?)`, id, p); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO event_text (ref, title, summary, evidence) VALUES (?, ?, ?, ?)`,
		id, strings.TrimSpace(e.Title), e.Summary, quote)
	return err
}

// insertOwnActors links an own event to its actors, creating as the
// researcher's own each one given by name.
func insertOwnActors(ctx context.Context, tx *sql.Tx, eventID string, actors []NewEventActor) error {
	seen := map[string]bool{}
	for i, a := range actors {
		actorID := a.ActorID
		if actorID == "" {
			name := strings.TrimSpace(a.Name)
			if name == "" {
				return fmt.Errorf("actor %d has neither an id nor a name", i+1)
			}
			if !slices.Contains(Groups, a.Group) {
				return fmt.Errorf("actor %q: group %q: want one of %s", name, a.Group, strings.Join(Groups, ", "))
			}
			actorID = "user-" + strings.ToLower(rand.Text()[:12])
			if _, err := tx.ExecContext(ctx, `INSERT INTO actors (id, origin, name, kind, grp) VALUES (?, 'user', ?, 'person', ?)`,
				actorID, name, a.Group); err != nil {
				return fmt.Errorf("actor %q: %w", name, err)
			}
		} else if err := mustExistIn(ctx, tx, "actors", "actor", actorID); err != nil {
			return err
		}
		if seen[actorID] {
			return fmt.Errorf("actor %q is listed twice", actorID)
		}
		seen[actorID] = true
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, ?, ?)`,
			eventID, actorID, a.Role, i); err != nil {
			return err
		}
	}
	return nil
}

// mustExistIn returns an error wrapping ErrNotFound unless table has a row
// with id; what names the row in the error.
func mustExistIn(ctx context.Context, tx *sql.Tx, table, what, id string) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("no %s %q in the corpus: %w", what, id, ErrNotFound)
	}
	return err
}
