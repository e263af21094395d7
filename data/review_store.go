package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ParseStatus reads a status as the command line and the database write
// it ("verified"), refusing any other word with an error that lists them.
func ParseStatus(s string) (Status, error) {
	if st := Status(s); slices.Contains(Statuses, st) {
		return st, nil
	}
	names := make([]string, len(Statuses))
	for i, st := range Statuses {
		names[i] = string(st)
	}
	return "", fmt.Errorf("unknown status %q: want one of %s", s, strings.Join(names, ", "))
}

// ReviewChange is several changes to one event's review, made together in
// one transaction (the command line's review command): a status (when
// Status is not ""), notes to add, tags to add and tags to remove.
type ReviewChange struct {
	Status       Status
	Notes        []string
	Tags, Untags []string
}

// timeLayout is how the user_* tables store times: UTC, to the nanosecond,
// so that notes made in one second keep their order.
const timeLayout = time.RFC3339Nano

// Review returns the researcher's review of an event, document or actor.
func (s *Store) Review(ctx context.Context, kind Kind, id string) (*Review, error) {
	var r *Review
	err := s.read(ctx, func(tx *sql.Tx) (err error) {
		r, err = readReview(ctx, tx, kind, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("review of %s %q: %w", kind, id, err)
	}
	return r, nil
}

// readReview reads the review of kind id in tx; ErrNotFound when there is
// no such thing.
func readReview(ctx context.Context, tx *sql.Tx, kind Kind, id string) (*Review, error) {
	if err := mustExist(ctx, tx, kind, id); err != nil {
		return nil, err
	}
	r := &Review{Kind: kind, ID: id, Status: Unreviewed, Tags: []string{}, Notes: []Note{}}
	if kind == KindEvent {
		err := tx.QueryRowContext(ctx, `SELECT status FROM user_reviews WHERE event_id = ?`, id).Scan(&r.Status)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
	}
	err := eachRow(ctx, tx, `SELECT tag FROM user_tags WHERE target_kind = ? AND target_id = ? ORDER BY tag`,
		func(sc scanner) error {
			var t string
			err := sc.Scan(&t)
			r.Tags = append(r.Tags, t)
			return err
		}, kind, id)
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT id, body, created_at, updated_at FROM user_notes
		WHERE target_kind = ? AND target_id = ? ORDER BY created_at, id`,
		func(sc scanner) error {
			n, err := scanNote(sc)
			r.Notes = append(r.Notes, n)
			return err
		}, kind, id)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// reviewTables are the tables whose rows can be reviewed, by kind.
var reviewTables = map[Kind]string{KindEvent: "events", KindDocument: "documents", KindActor: "actors"}

// mustExist returns an error wrapping ErrNotFound unless kind id is in the
// corpus, and an error for a kind that has no review.
func mustExist(ctx context.Context, tx *sql.Tx, kind Kind, id string) error {
	table, ok := reviewTables[kind]
	if !ok {
		return fmt.Errorf("a %s has no review (only events, documents and actors)", kind)
	}
	return mustExistIn(ctx, tx, table, string(kind), id)
}

func scanNote(sc scanner) (Note, error) {
	var (
		n                Note
		created, updated string
	)
	if err := sc.Scan(&n.ID, &n.Body, &created, &updated); err != nil {
		return n, err
	}
	var err error
	if n.Created, err = parseStoredTime(created); err != nil {
		return n, fmt.Errorf("note %d: %w", n.ID, err)
	}
	if n.Updated, err = parseStoredTime(updated); err != nil {
		return n, fmt.Errorf("note %d: %w", n.ID, err)
	}
	return n, nil
}

// parseStoredTime reads a time of the user_* tables; the first schema's
// notes may hold a day only.
func parseStoredTime(s string) (time.Time, error) {
	if t, err := time.Parse(timeLayout, s); err == nil {
		return t.UTC(), nil
	}
	return time.Parse(time.DateOnly, s)
}

// write runs fn in one IMMEDIATE transaction (see dsn) and commits it, so
// each change is on disk when the call returns; what names the change in
// the error. fn reads inside the transaction whatever its change depends
// on: another process may have written since the caller last read.
func (s *Store) write(ctx context.Context, what string, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: corpus %s: %w", what, s.path, ErrReadOnly)
	}
	if err := s.sound(ctx); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: corpus %s: %w", what, s.path, busyOr(err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", what, busyOr(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: corpus %s: %w", what, s.path, busyOr(err))
	}
	return nil
}

// now is the store's clock, in UTC.
func (s *Store) now() time.Time {
	if s.clock != nil {
		return s.clock().UTC()
	}
	return time.Now().UTC()
}

// SetStatus sets an event's status; Unreviewed clears it.
func (s *Store) SetStatus(ctx context.Context, eventID string, st Status) error {
	return s.write(ctx, fmt.Sprintf("set the status of event %q to %q", eventID, st), func(tx *sql.Tx) error {
		return s.setStatus(ctx, tx, eventID, st)
	})
}

func (s *Store) setStatus(ctx context.Context, tx *sql.Tx, eventID string, st Status) error {
	if _, err := ParseStatus(string(st)); err != nil {
		return err
	}
	if err := mustExist(ctx, tx, KindEvent, eventID); err != nil {
		return err
	}
	if st == Unreviewed {
		_, err := tx.ExecContext(ctx, `DELETE FROM user_reviews WHERE event_id = ?`, eventID)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO user_reviews (event_id, status, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (event_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
		eventID, st, s.now().Format(timeLayout))
	return err
}

// AddNote adds a note to an event, document or actor and returns it.
func (s *Store) AddNote(ctx context.Context, kind Kind, id, body string) (Note, error) {
	var n Note
	err := s.write(ctx, fmt.Sprintf("add a note to %s %q", kind, id), func(tx *sql.Tx) (err error) {
		n, err = s.addNote(ctx, tx, kind, id, body)
		return err
	})
	return n, err
}

func (s *Store) addNote(ctx context.Context, tx *sql.Tx, kind Kind, id, body string) (Note, error) {
	if strings.TrimSpace(body) == "" {
		return Note{}, errors.New("the note is empty")
	}
	if err := mustExist(ctx, tx, kind, id); err != nil {
		return Note{}, err
	}
	now := s.now()
	n := Note{Body: body, Created: now, Updated: now}
	res, err := tx.ExecContext(ctx, `INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?)`, kind, id, body, now.Format(timeLayout), now.Format(timeLayout))
	if err != nil {
		return Note{}, err
	}
	n.ID, err = res.LastInsertId()
	return n, err
}

// EditNote replaces a note's words and returns it as it now is; its old
// words, for undo, are the Body of the Note the caller had.
func (s *Store) EditNote(ctx context.Context, noteID int64, body string) (Note, error) {
	var n Note
	err := s.write(ctx, fmt.Sprintf("edit note %d", noteID), func(tx *sql.Tx) error {
		if strings.TrimSpace(body) == "" {
			return errors.New("the note is empty (delete it instead)")
		}
		res, err := tx.ExecContext(ctx, `UPDATE user_notes SET body = ?, updated_at = ? WHERE id = ?`,
			body, s.now().Format(timeLayout), noteID)
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil {
			return err
		} else if k == 0 {
			return fmt.Errorf("no note %d: %w", noteID, ErrNotFound)
		}
		n, err = readNote(ctx, tx, noteID)
		return err
	})
	return n, err
}

func readNote(ctx context.Context, tx *sql.Tx, noteID int64) (Note, error) {
	n, err := scanNote(tx.QueryRowContext(ctx, `SELECT id, body, created_at, updated_at FROM user_notes WHERE id = ?`, noteID))
	if errors.Is(err, sql.ErrNoRows) {
		return n, fmt.Errorf("no note %d: %w", noteID, ErrNotFound)
	}
	return n, err
}

// DeleteNote deletes a note and returns it as it was, for RestoreNote to
// put back.
func (s *Store) DeleteNote(ctx context.Context, noteID int64) (Note, error) {
	var n Note
	err := s.write(ctx, fmt.Sprintf("delete note %d", noteID), func(tx *sql.Tx) (err error) {
		if n, err = readNote(ctx, tx, noteID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM user_notes WHERE id = ?`, noteID)
		return err
	})
	return n, err
}

// RestoreNote puts back a deleted note on kind id, with its id, words and
// times, as undoing DeleteNote does. A note with its id must not exist.
func (s *Store) RestoreNote(ctx context.Context, kind Kind, id string, n Note) error {
	return s.write(ctx, fmt.Sprintf("restore note %d on %s %q", n.ID, kind, id), func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, kind, id); err != nil {
			return err
		}
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM user_notes WHERE id = ?`, n.ID).Scan(&one)
		if err == nil {
			return fmt.Errorf("note %d exists", n.ID)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO user_notes (id, target_kind, target_id, body, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?)`, n.ID, kind, id, n.Body,
			n.Created.UTC().Format(timeLayout), n.Updated.UTC().Format(timeLayout))
		return err
	})
}

// AddTag tags an event; tagging it again with the same tag does nothing.
// A tag is trimmed of spaces and may not be empty.
func (s *Store) AddTag(ctx context.Context, eventID, tag string) error {
	return s.write(ctx, fmt.Sprintf("tag event %q %q", eventID, tag), func(tx *sql.Tx) error {
		return addTag(ctx, tx, eventID, tag)
	})
}

func addTag(ctx context.Context, tx *sql.Tx, eventID, tag string) error {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return errors.New("the tag is empty")
	}
	if err := mustExist(ctx, tx, KindEvent, eventID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO user_tags (target_kind, target_id, tag) VALUES (?, ?, ?)`,
		KindEvent, eventID, tag)
	return err
}

// RemoveTag removes a tag from an event; removing one it lacks does
// nothing.
func (s *Store) RemoveTag(ctx context.Context, eventID, tag string) error {
	return s.write(ctx, fmt.Sprintf("untag event %q %q", eventID, tag), func(tx *sql.Tx) error {
		return removeTag(ctx, tx, eventID, tag)
	})
}

func removeTag(ctx context.Context, tx *sql.Tx, eventID, tag string) error {
	if err := mustExist(ctx, tx, KindEvent, eventID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM user_tags WHERE target_kind = ? AND target_id = ? AND tag = ?`,
		KindEvent, eventID, strings.TrimSpace(tag))
	return err
}

// Tags lists every tag in use, sorted, for completion.
func (s *Store) Tags(ctx context.Context) ([]string, error) {
	tags := []string{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		return eachRow(ctx, tx, `SELECT DISTINCT tag FROM user_tags ORDER BY tag`, func(sc scanner) error {
			var t string
			err := sc.Scan(&t)
			tags = append(tags, t)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list tags: %w", err)
	}
	return tags, nil
}

// ChangeReview makes every change of c to an event's review in one
// transaction and returns the review as it then is: all of them, or, on
// an error, none.
func (s *Store) ChangeReview(ctx context.Context, eventID string, c ReviewChange) (*Review, error) {
	var r *Review
	// The error names the event once: mustExist's does, or the caller has it.
	err := s.write(ctx, "review", func(tx *sql.Tx) error {
		if err := mustExist(ctx, tx, KindEvent, eventID); err != nil {
			return err
		}
		if c.Status != "" {
			if err := s.setStatus(ctx, tx, eventID, c.Status); err != nil {
				return err
			}
		}
		for _, body := range c.Notes {
			if _, err := s.addNote(ctx, tx, KindEvent, eventID, body); err != nil {
				return err
			}
		}
		for _, t := range c.Tags {
			if err := addTag(ctx, tx, eventID, t); err != nil {
				return err
			}
		}
		for _, t := range c.Untags {
			if err := removeTag(ctx, tx, eventID, t); err != nil {
				return err
			}
		}
		var err error
		r, err = readReview(ctx, tx, KindEvent, eventID)
		return err
	})
	return r, err
}

// reviewSet is the review data of events by event id, read in three
// queries: the user_* tables are small beside the events, and reading them
// whole is faster than asking after each event.
type reviewSet struct {
	status map[string]Status
	tags   map[string][]string
	notes  map[string]int
}

// readReviewSet reads the review data of the event eventID, or of every
// event when eventID is "".
func readReviewSet(ctx context.Context, tx *sql.Tx, eventID string) (*reviewSet, error) {
	rs := &reviewSet{status: map[string]Status{}, tags: map[string][]string{}, notes: map[string]int{}}
	// where narrows each query to the event, on the column naming it.
	where, args := func(string) string { return "" }, []any{}
	if eventID != "" {
		where, args = func(col string) string { return " AND " + col + " = ?" }, []any{eventID}
	}
	err := eachRow(ctx, tx, `SELECT event_id, status FROM user_reviews WHERE true`+where("event_id"),
		func(sc scanner) error {
			var id string
			var st Status
			err := sc.Scan(&id, &st)
			rs.status[id] = st
			return err
		}, args...)
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT target_id, tag FROM user_tags WHERE target_kind = 'event'`+where("target_id")+` ORDER BY target_id, tag`,
		func(sc scanner) error {
			var id, tag string
			err := sc.Scan(&id, &tag)
			rs.tags[id] = append(rs.tags[id], tag)
			return err
		}, args...)
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, tx, `SELECT target_id, COUNT(*) FROM user_notes WHERE target_kind = 'event'`+where("target_id")+` GROUP BY target_id`,
		func(sc scanner) error {
			var id string
			var n int
			err := sc.Scan(&id, &n)
			rs.notes[id] = n
			return err
		}, args...)
	if err != nil {
		return nil, err
	}
	return rs, nil
}

// fill sets e's Status, Tags and Notes.
func (rs *reviewSet) fill(e *EventSummary) {
	e.Status = Unreviewed
	if st, ok := rs.status[e.ID]; ok {
		e.Status = st
	}
	e.Tags = rs.tags[e.ID]
	e.Notes = rs.notes[e.ID]
}
