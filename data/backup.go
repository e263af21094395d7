package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Backup writes a copy of the corpus to path, as it is at one moment, even
// while another process writes to it: SQLite's VACUUM INTO, which works on
// a read-only corpus too. An existing file is never replaced. The copy is
// written to a temporary file beside path, checked (it is a corpus of this
// version and SQLite's integrity check passes) and only then moved into
// place, so that path never holds half a copy.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("back up corpus %s to %s: %w", s.path, path, fs.ErrExist)
	}
	version, err := s.version(ctx)
	if err != nil {
		return fmt.Errorf("back up corpus %s: %w", s.path, err)
	}
	if err := s.copyTo(ctx, path, version); err != nil {
		return fmt.Errorf("back up corpus %s to %s: %w", s.path, path, err)
	}
	return nil
}

// version is the corpus's schema version, PRAGMA user_version.
func (s *Store) version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
	return v, err
}

// copyTo writes the copy Backup describes, of a corpus of this version.
func (s *Store) copyTo(ctx context.Context, path string, version int) error {
	return s.copyPlaced(ctx, path, version, func(tmp string) error { return placeNew(tmp, path) })
}

// copyPlaced is copyTo with the copy, made beside path, put in place by
// place.
func (s *Store) copyPlaced(ctx context.Context, path string, version int, place func(tmp string) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), buildingPattern(path))
	if err != nil {
		return err
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	// VACUUM INTO writes to an empty file as to a missing one.
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmpPath); err != nil {
		return err
	}
	// SQLite does not sync what VACUUM INTO wrote.
	if err := syncFile(tmpPath); err != nil {
		return err
	}
	if err := checkCopy(ctx, tmpPath, version, s.integrity); err != nil {
		return err
	}
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return err
	}
	return place(tmpPath)
}

// checkCopy checks that the file at path is a whole copy of a corpus of
// this version: it has the corpus's mark and version, and SQLite's
// integrity check passes, or finds what it finds in the corpus copied
// (original), so that a corpus with a broken index, say, can still be
// backed up before a rebuild mends it.
func checkCopy(ctx context.Context, path string, version int, original func(context.Context) (string, error)) error {
	if _, err := sniff(path); err != nil {
		return fmt.Errorf("the copy is not a corpus: %w", err)
	}
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return err
	}
	defer db.Close()
	var got int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&got); err != nil {
		return fmt.Errorf("the copy cannot be read: %w", err)
	}
	// A newer version than the one read before copying is another
	// process's migration, made meanwhile: the copy is still the corpus
	// whole, as it was when copied.
	if got < version {
		return fmt.Errorf("the copy is of corpus version %d, not %d", got, version)
	}
	res, err := integrity(ctx, db)
	if err != nil || res == "ok" {
		return err
	}
	if was, err := original(ctx); err != nil || was != res {
		return fmt.Errorf("the copy is damaged: %s", res)
	}
	return nil
}

// integrity is what SQLite's integrity check finds in db: "ok", or the
// problems, one a line.
func integrity(ctx context.Context, db *sql.DB) (string, error) {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check(10)`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"), rows.Err()
}

// integrity is what SQLite's integrity check finds in the corpus.
func (s *Store) integrity(ctx context.Context) (string, error) { return integrity(ctx, s.db) }

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// BackupsDir is the folder beside a corpus where it is backed up before a
// change to much of it (autoBackup).
const BackupsDir = "backups"

// backupsKept is how many automatic backups of a corpus are kept: the
// newest, enough to go back past a change or two that went wrong.
const backupsKept = 3

// backupStamp is the time in an automatic backup's name, in UTC, so that
// the names sort by time.
const backupStamp = "20060102T150405.000Z"

// autoBackup copies the corpus, before a change that rewrites much of it
// (why: "migration", "update", "rebuild"), to the backups folder beside it,
// named with the time, the change and the corpus's version before it
// ("corpus-20261130T012233.123Z-before-update-v5.db"), and removes all but
// the newest backupsKept backups of this corpus there. A Store backs up
// once: a migration's backup holds the corpus as it was before the update
// that follows it too. It returns the backup's path. A backup that fails
// stops the change: nothing is changed without one.
func (s *Store) autoBackup(ctx context.Context, why string) (string, error) {
	if s.backup != "" {
		return s.backup, nil
	}
	version, err := s.version(ctx)
	if err != nil {
		return "", fmt.Errorf("back up corpus %s before its %s: %w", s.path, why, err)
	}
	dir := filepath.Join(filepath.Dir(s.path), BackupsDir)
	now := time.Now().UTC()
	named := func(n int) string {
		stamp := now.Add(time.Duration(n) * time.Millisecond).Format(backupStamp)
		return filepath.Join(dir, fmt.Sprintf("%s-%s-before-%s-v%d.db", s.Name(), stamp, why, version))
	}
	path := named(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("back up corpus %s before its %s: %w; nothing was changed", s.path, why, err)
	}
	// Processes that open an out-of-date corpus together each back it up
	// before one of them, holding the write lock, finds the change made:
	// a name another took in the same millisecond is passed over for the
	// next one.
	place := func(tmp string) error {
		for n := 1; ; n++ {
			err := placeNew(tmp, path)
			if !errors.Is(err, fs.ErrExist) || n == 1000 {
				return err
			}
			path = named(n)
		}
	}
	if err := s.copyPlaced(ctx, path, version, place); err != nil {
		return "", fmt.Errorf("back up corpus %s to %s before its %s: %w; nothing was changed", s.path, path, why, err)
	}
	s.backup = path
	pruneBackups(dir, s.Name())
	return path, nil
}

// autoBackups are the names of the automatic backups of the corpus named
// name in dir, oldest first.
func autoBackups(dir, name string) []string {
	mine := regexp.MustCompile(`^` + regexp.QuoteMeta(name) + `-\d{8}T\d{6}\.\d{3}Z-before-[a-z]+-v\d+\.db$`)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var backups []string
	for _, e := range entries {
		if e.Type().IsRegular() && mine.MatchString(e.Name()) {
			backups = append(backups, e.Name())
		}
	}
	// The stamp is the first part that differs, and sorts by time.
	slices.Sort(backups)
	return backups
}

// newestBackup is the path of the newest automatic backup of the corpus
// at path, or "" when there is none.
func newestBackup(path string) string {
	dir := filepath.Join(filepath.Dir(path), BackupsDir)
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	backups := autoBackups(dir, name)
	if len(backups) == 0 {
		return ""
	}
	return filepath.Join(dir, backups[len(backups)-1])
}

// pruneBackups removes all but the newest backupsKept automatic backups of
// the corpus named name in dir, and the debris of its backups that were
// killed (removeDebris); every other file is left alone.
func pruneBackups(dir, name string) {
	backups := autoBackups(dir, name)
	for _, b := range backups[:max(len(backups)-backupsKept, 0)] {
		os.Remove(filepath.Join(dir, b))
	}
	// And what backups killed while they were written left (copyTo).
	removeDebrisIn(dir, func(file string) (string, bool) {
		i := strings.LastIndex(file, ".building-")
		if !strings.HasPrefix(file, "."+name+"-") || i < 0 {
			return "", false
		}
		return file[i+len(".building-"):], true
	})
}

// migrateBackedUp backs the corpus up (autoBackup) and brings its schema up
// to date.
func (s *Store) migrateBackedUp(ctx context.Context) error {
	if _, err := s.autoBackup(ctx, "migration"); err != nil {
		return err
	}
	return migrate(ctx, s.db)
}
