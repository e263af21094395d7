package data

import (
	"cmp"
	"context"
	"errors"
	"fmt"
)

// quickCheckMax is the size up to which Open reads a corpus whole (PRAGMA
// quick_check) before trusting it, as it costs a few milliseconds there:
// the bundled corpus and small imports. quick_check reads every page, some
// 200 MB a second here, so on a larger corpus it would make every open,
// every command and the window's start grow with the file (over a second
// at 100,000 events). A larger corpus is checked by what Open reads anyway
// (probe), by every read, which reports a damaged page it meets
// (damagedOr), and in full by Check.
var quickCheckMax int64 = 2 << 20

// probe checks, before anything else reads the corpus, what every open can
// afford to: SQLite compares the header's page count with the file's length
// (a file cut short is damaged, not merely short), and reads and parses
// the whole schema. A corpus of at most quickCheckMax bytes is then read
// whole: every page's structure, and the full-text indexes against their
// text.
func (s *Store) probe(ctx context.Context, size int64) error {
	var tables int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&tables); err != nil {
		return s.unreadable(err)
	}
	if size > quickCheckMax {
		return nil
	}
	return s.readWhole(ctx)
}

// readWhole reads the corpus whole (PRAGMA quick_check) and says whether
// it is sound, and remembers that it was read.
func (s *Store) readWhole(ctx context.Context) error {
	var res string
	err := s.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res)
	switch {
	case err != nil && !isDamage(err):
		return fmt.Errorf("cannot read: %w", err)
	case err != nil:
		err = s.damaged(err.Error())
	case res != "ok":
		err = s.damaged(res)
	}
	s.soundMu.Lock()
	s.readWholly, s.damage = true, cmp.Or(s.damage, err)
	s.soundMu.Unlock()
	return err
}

// sound is nil when the corpus may be written to: it was read whole and
// found sound, by Open or here, and no read since has met a damaged page.
// A corpus Open read only in part (larger than quickCheckMax) is read
// whole before its first write, once a Store: a researcher's notes must
// never go into a file SQLite finds damaged, where they could be lost
// with it, and writing there could spread the damage. Readers never pay
// for it.
func (s *Store) sound(ctx context.Context) error {
	s.soundMu.Lock()
	done, damage := s.readWholly, s.damage
	s.soundMu.Unlock()
	if damage != nil || done {
		return damage
	}
	return s.readWhole(ctx)
}

// unreadable is the error of a first read that failed with err: the file
// is damaged, or could not be read at all.
func (s *Store) unreadable(err error) error {
	if isDamage(err) {
		return s.damaged(err.Error())
	}
	return fmt.Errorf("cannot read: %w", err)
}

// isDamage reports whether err is SQLite finding the file damaged
// (SQLITE_CORRUPT) or no database at all (SQLITE_NOTADB), whatever wraps it.
func isDamage(err error) bool {
	var se interface{ Code() int }
	if !errors.As(err, &se) {
		return false
	}
	code := se.Code() & 0xff
	return code == sqliteCorrupt || code == sqliteNotADB
}

// damagedOr is err, unless SQLite found the file damaged while reading
// it, when it is the FileError that says so in the words Open uses. Every
// read of the corpus passes its error through it (Store.read does), since
// Open reads a large corpus only in part.
func (s *Store) damagedOr(err error) error {
	if err != nil && isDamage(err) {
		err = s.damaged(err.Error())
		s.soundMu.Lock()
		s.damage = cmp.Or(s.damage, err) // no write after it (sound)
		s.soundMu.Unlock()
	}
	return err
}

// FileProblem is the error in err's chain that says what is wrong with a
// corpus file itself (not a corpus, damaged, made by a newer Chronoscope),
// which names the file and says it in a person's words, or nil. A command
// prints it alone rather than after what it was doing ("export corpus
// PATH: PATH is damaged: …").
func FileProblem(err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe
	}
	return nil
}
