package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// ErrInterruptedWrite is returned when a corpus holds a write that a
// process killed inside it left half-done (a hot journal beside the file),
// which only a writable open can roll back, and the file or its folder
// cannot be written.
var ErrInterruptedWrite = errors.New("interrupted write")

// interruptedError is ErrInterruptedWrite for the corpus at path, in
// words that say what to do.
type interruptedError struct{ path string }

func (e *interruptedError) Error() string {
	return fmt.Sprintf("%s has an interrupted write (%s-journal) that must be rolled back: "+
		"open it once where it can be written (chronoscope check --corpus %s as its owner, "+
		"or after copying the file and its journal to a folder you may write to)", e.path, e.path, e.path)
}

func (e *interruptedError) Is(target error) bool { return target == ErrInterruptedWrite }

// sqliteReadOnlyRollback is SQLITE_READONLY_ROLLBACK: a read-only
// connection met a hot journal it may not roll back.
const sqliteReadOnlyRollback = 8 | 3<<8

// rollBackInterrupted rolls back a write that a process killed inside its
// transaction left in the journal beside the corpus at path. SQLite does so
// on the first read of a writable connection, but a read-only one fails
// ("attempt to write a readonly database"), and would until something
// opened the file writable. So when a journal is there and the file may be
// written, it is opened writable once and read, which rolls the journal
// back, even for a caller that asked for a read-only corpus: this is the one
// change a read-only open ever makes to a file, and it only puts back what
// was there before the interrupted write. A journal that is not hot (a
// live process is writing) is left to that process: SQLite tells the two
// apart by its locks. When the file cannot be written, the error says what
// to do.
func rollBackInterrupted(ctx context.Context, path string) error {
	if fi, err := os.Stat(path + "-journal"); err != nil || fi.Size() == 0 {
		return nil
	}
	readOnly := !writable(path)
	db, err := sql.Open("sqlite", dsn(path, readOnly))
	if err != nil {
		return fmt.Errorf("open corpus %s: %w", path, err)
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n)
	var se interface{ Code() int }
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se) && se.Code() == sqliteReadOnlyRollback:
		return &interruptedError{path}
	default:
		// What is wrong with the file itself Open says in its words.
		return nil
	}
}

// debrisAge is how old a temporary file of a build that did not record its
// builder's process (made before it did) must be to be taken for debris: a
// build takes seconds and touches its file throughout.
const debrisAge = time.Hour

// removeDebris removes what builds of the corpus at path that were killed
// left beside it: their temporary files (".NAME.building-PID-N", see
// createFrom) and those files' journals. A file whose builder is still
// running is left alone; a file of an older Chronoscope, which did not
// record its builder, only once it is an hour old. Nothing else is
// touched, and a file that cannot be removed is left for the next time.
func removeDebris(path string) {
	prefix := "." + filepath.Base(path) + ".building-"
	removeDebrisIn(filepath.Dir(path), func(name string) (string, bool) {
		return strings.CutPrefix(name, prefix)
	})
}

// removeDebrisIn removes the files in dir that builds left, as
// removeDebris says: those of which building returns true and the part of
// the name after ".building-".
func removeDebrisIn(dir string, building func(name string) (rest string, ok bool)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := building(e.Name())
		if ok && e.Type().IsRegular() && stale(strings.TrimSuffix(rest, "-journal"), e) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// stale reports whether the temporary file of a build whose name ends in
// rest ("PID-N", or "N" before builds recorded their process) is debris.
func stale(rest string, e fs.DirEntry) bool {
	pidPart, random, ok := strings.Cut(rest, "-")
	if !ok {
		if _, err := strconv.ParseUint(rest, 10, 64); err != nil {
			return false
		}
		fi, err := e.Info()
		return err == nil && time.Since(fi.ModTime()) > debrisAge
	}
	pid, err := strconv.Atoi(pidPart)
	if _, err2 := strconv.ParseUint(random, 10, 64); err != nil || err2 != nil || pid <= 0 {
		return false
	}
	return pid != os.Getpid() && !processAlive(pid)
}

// buildingPattern is the name pattern of the temporary file a build of
// path writes, for os.CreateTemp: it records the builder's process, so
// that removeDebris can tell a live build from a killed one.
func buildingPattern(path string) string {
	return "." + filepath.Base(path) + ".building-" + strconv.Itoa(os.Getpid()) + "-*"
}
