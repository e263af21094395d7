package data

import (
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
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
		return s.unreadable(err)
	}
	if res != "ok" {
		return s.damaged(res)
	}
	return nil
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
// it, when it is the fileError that says so in the words Open uses. Every
// read of the corpus passes its error through it (Store.read does), since
// Open reads a large corpus only in part.
func (s *Store) damagedOr(err error) error {
	if err != nil && isDamage(err) {
		return s.damaged(err.Error())
	}
	return err
}

// FileProblem is the error in err's chain that says what is wrong with a
// corpus file itself (not a corpus, damaged, made by a newer Chronoscope),
// which names the file and says it in a person's words, or nil. A command
// prints it alone rather than after what it was doing ("export corpus
// PATH: PATH is damaged: …").
func FileProblem(err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe
	}
	return nil
}
