// Package data is Chronoscope's corpus: the SQLite store and its schema, the
// bundled sources it is built from, date resolution, search, export and
// checks. It knows nothing of the user interface.
package data

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ApplicationID marks a SQLite file as a Chronoscope corpus (PRAGMA
// application_id), so that any other database is refused before it is
// touched. It spells "CHRN".
const ApplicationID = 0x4348524e

// ErrNotCorpus is returned when a file is not a Chronoscope corpus: empty,
// not SQLite, another application's database, or damaged.
var ErrNotCorpus = errors.New("not a Chronoscope corpus")

// FileError says what is wrong with a file that cannot be opened as a
// corpus. Its Error is in words for the person who chose it: "PATH is not a
// Chronoscope corpus: the file is empty", "PATH is damaged: …"; its fields
// let the window say the same in its language. It is ErrNotCorpus.
type FileError struct {
	Path    string
	Problem FileProblemKind
	// AppID is the application_id of another application's database.
	AppID uint32
	// Version is the corpus version of one made by a newer Chronoscope,
	// Supported the last this one reads.
	Version, Supported int
	// Detail is what SQLite said of a damaged file, in words, or "".
	Detail string
	// Page is the page of a damaged file that is wrong (1 is the first),
	// or 0; Zeroed says it is all zeros, as a lost page reads back;
	// Table is the table or index it belongs to, or "".
	Page   int
	Zeroed bool
	Table  string
	// Document is a document whose Part (text or original) is no longer
	// what was written (its checksum differs), or "".
	Document string
	Part     DocumentPart
	// Backup is the newest automatic backup of a damaged corpus (see
	// autoBackup), or "".
	Backup string
}

// FileProblemKind is what is wrong with a file, as FileError says.
type FileProblemKind int

// The problems a file can have.
const (
	IsDirectory FileProblemKind = iota + 1
	IsEmpty
	NotSQLite
	NoCorpusMark     // a SQLite database Chronoscope did not make
	OtherApplication // another application's SQLite database
	MadeByNewer      // a corpus of a version this one cannot read
	Damaged
)

func (e *FileError) Error() string {
	switch e.Problem {
	case IsDirectory:
		return e.Path + " is not a Chronoscope corpus: it is a directory"
	case IsEmpty:
		return e.Path + " is not a Chronoscope corpus: the file is empty"
	case NotSQLite:
		return e.Path + " is not a Chronoscope corpus: it is not a SQLite database"
	case NoCorpusMark:
		return e.Path + " is not a Chronoscope corpus: it is a SQLite database that Chronoscope did not make (it has no Chronoscope mark)"
	case OtherApplication:
		return fmt.Sprintf("%s is not a Chronoscope corpus: it is another application's SQLite database (application_id %#x)", e.Path, e.AppID)
	case MadeByNewer:
		return fmt.Sprintf("%s was made by a newer Chronoscope (corpus version %d; this one reads up to %d)", e.Path, e.Version, e.Supported)
	}
	advice := RestoreAdvice
	if e.Backup != "" {
		advice = "restore it from its newest automatic backup, " + e.Backup + ", or from a copy of your own"
	}
	return e.Path + " is damaged: " + strings.Join(e.damage(), "; ") + "; it was left as it was. To recover, " + advice
}

// damage says what is wrong with a damaged file, a phrase a finding.
func (e *FileError) damage() []string {
	var what []string
	if e.Page > 0 {
		page := fmt.Sprintf("page %d of the file", e.Page)
		if e.Table != "" {
			page += " (" + describeTable(e.Table) + ")"
		}
		switch {
		case e.Zeroed:
			page += " is all zeros, as a lost page reads back"
		case e.Detail != "":
			page += " cannot be read: " + e.Detail
		default:
			page += " cannot be read"
		}
		what = append(what, page)
	}
	switch {
	case e.Document != "" && e.Part == ChecksumPart:
		what = append(what, fmt.Sprintf("the checksums of document %s are themselves damaged, so it cannot be verified", e.Document))
	case e.Document != "":
		what = append(what, fmt.Sprintf("the %s of document %s has changed since it was written (its checksum does not match)",
			e.Part, e.Document))
	}
	if len(what) == 0 {
		s := "parts of it cannot be read"
		if e.Detail != "" {
			s += " (" + e.Detail + ")"
		}
		what = append(what, s)
	}
	return what
}

func (e *FileError) Is(target error) bool { return target == ErrNotCorpus }

// SQLite's primary result codes for a damaged file.
const (
	sqliteCorrupt = 11
	sqliteNotADB  = 26
)

// ErrReadOnly is returned by writes to a corpus opened read-only.
var ErrReadOnly = errors.New("corpus is read-only")

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open corpus.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool

	// rdb is a pool of connections that only read, which searches use, so
	// that a search never holds the one connection of db, and a search
	// runs while one its caller cancelled is still giving up.
	rdb *sql.DB

	searchMu sync.Mutex // held while the searcher loads
	searcher *searcher

	// readWholly says the corpus was read whole (quick_check) and damage
	// is what that or a later read found wrong with the file, if anything:
	// no write goes into a damaged file (sound).
	soundMu    sync.Mutex
	readWholly bool
	damage     error

	// clock, when set, is the time review data is stamped with; tests set
	// it (SetClock).
	clock func() time.Time

	// backup is the automatic backup this Store made (autoBackup), or "".
	backup string
	// seenVersion is the data_version Changed saw last (Open the first).
	seenVersion atomic.Int64
}

// OpenOption changes how Open opens a corpus.
type OpenOption func(*openConfig)

type openConfig struct{ readOnly bool }

// ReadOnly opens the corpus without write access, as the command line's
// read-only commands and a corpus on read-only media need.
func ReadOnly() OpenOption { return func(c *openConfig) { c.readOnly = true } }

// Open opens an existing corpus. A file that does not exist, is empty, is not
// SQLite, belongs to another application or is damaged is refused with an
// error naming the file and the problem, and is left as it was.
func Open(ctx context.Context, path string, opts ...OpenOption) (*Store, error) {
	var cfg openConfig
	for _, o := range opts {
		o(&cfg)
	}
	size, err := sniff(path)
	if err != nil {
		return nil, err
	}
	if err := rollBackInterrupted(ctx, path); err != nil {
		return nil, err
	}
	if !cfg.readOnly && !writable(path) {
		cfg.readOnly = true
	}
	db, err := sql.Open("sqlite", dsn(path, cfg.readOnly))
	if err != nil {
		return nil, fmt.Errorf("open corpus %s: %w", path, err)
	}
	// One connection keeps PRAGMAs and transactions simple and writes
	// serialized; searches read through rdb, a pool of their own.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, readOnly: cfg.readOnly}
	if err := s.verify(ctx, size); err != nil {
		db.Close()
		if errors.Is(err, ErrNotCorpus) {
			return nil, err
		}
		return nil, fmt.Errorf("open corpus %s: %w", path, err)
	}
	// Writes by others from now on are what Changed reports.
	v, err := s.dataVersion(ctx)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open corpus %s: %w", path, err)
	}
	s.seenVersion.Store(v)
	// Connections open as they are first needed, after verify brought the
	// schema up to date.
	s.rdb = openSearchDB(path, cfg.readOnly)
	s.rdb.SetMaxOpenConns(readConns)
	s.rdb.SetMaxIdleConns(readConns)
	return s, nil
}

// readConns is how many connections searches may read through at once: a
// search reads the events' and the documents' text side by side, and a
// search cancelled by a newer one may still be giving its connections back.
const readConns = 4

// Create builds a new corpus at path from the sources in src. It writes to a
// temporary file beside path and moves it into place only when complete, and
// never replaces an existing file.
func Create(ctx context.Context, path string, src fs.FS) error {
	source, err := LoadSource(src)
	if err != nil {
		return err
	}
	return createFrom(ctx, path, source)
}

// CreateEmpty builds a new corpus at path with no documents and no events,
// for a researcher's own sources, as Create does: never over an existing
// file. Being of no set of sources, it is never filled by a bundled update
// (madeFrom).
func CreateEmpty(ctx context.Context, path string) error {
	return createFrom(ctx, path, &Source{})
}

// createFrom builds a new corpus at path from checked sources, as Create
// does.
func createFrom(ctx context.Context, path string, source *Source) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create corpus %s: %w", path, err)
	}
	removeDebris(path)
	tmp, err := os.CreateTemp(dir, buildingPattern(path))
	if err != nil {
		return fmt.Errorf("create corpus %s: %w", path, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	if err := build(ctx, tmpPath, source); err != nil {
		return fmt.Errorf("create corpus %s: %w", path, err)
	}
	if err := os.Chmod(tmpPath, 0o644); err != nil {
		return fmt.Errorf("create corpus %s: %w", path, err)
	}
	if err := placeNew(tmpPath, path); err != nil {
		return fmt.Errorf("create corpus %s: %w", path, err)
	}
	return nil
}

// placeNew moves the finished file at tmp to path, failing if path exists,
// even if it appeared after we looked. A hard link does that in one step;
// file systems without links (FAT, some network shares) get an exclusive
// placeholder that the rename then replaces.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(tmp, path)
}

// OpenOrCreate opens the corpus at path, first building it from src when
// there is no file there. An existing corpus made from another version of
// src's sources is brought up to date (UpdateBundled), its user data kept as
// it is; one made from other sources is opened as it is.
func OpenOrCreate(ctx context.Context, path string, src fs.FS) (*Store, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := Create(ctx, path, src); err != nil && !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if !s.readOnly {
		removeDebris(path)
		if err := s.UpdateBundled(ctx, src); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.rdb.Close(), s.db.Close())
}

// Path is the corpus file's path.
func (s *Store) Path() string { return s.path }

// Name is the corpus file's name without its extension, for window titles.
func (s *Store) Name() string {
	return strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
}

// IsReadOnly reports whether writes are refused.
func (s *Store) IsReadOnly() bool { return s.readOnly }

// The meta keys that say what a corpus was made from: the digest of the
// sources' version (Source.Digest) and the name of their set (Source.Set).
const (
	metaDigest = "source_digest"
	metaSet    = "source_set"
)

// UpdateBundled brings the bundled documents, events, actors and places in
// line with src, in one transaction, when src is another version of the
// sources the corpus was made from (see madeFrom); a corpus made from other
// sources is left as it is, untouched. User data and user-added rows are not
// touched either way.
func (s *Store) UpdateBundled(ctx context.Context, src fs.FS) error {
	if s.readOnly {
		return fmt.Errorf("update corpus %s: %w", s.path, ErrReadOnly)
	}
	files, digest, err := readSource(src)
	if err != nil {
		return err
	}
	var have string
	err = s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, metaDigest).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("update corpus %s: %w", s.path, err)
	}
	if have == digest {
		return nil
	}
	source, err := parseSource(files, digest)
	if err != nil {
		return err
	}
	// A corpus not made from these sources (another set, a synthetic
	// one) is left as it is: find that out by a read before reading a
	// large corpus whole, which only a write needs (sound).
	if ours, err := s.madeFromRead(ctx, source); err != nil || !ours {
		if err != nil {
			return fmt.Errorf("update corpus %s: %w", s.path, err)
		}
		return nil
	}
	if err := s.sound(ctx); err != nil {
		return err
	}
	if _, err := s.autoBackup(ctx, "update"); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("update corpus %s: %w", s.path, busyOr(err))
	}
	defer tx.Rollback()
	// Another process may have made the update while this one waited for
	// the write lock: decide again on what the transaction reads.
	if err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, metaDigest).Scan(&have); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("update corpus %s: %w", s.path, err)
	}
	if have == digest {
		return nil
	}
	if ours, err := source.madeFrom(ctx, tx); err != nil || !ours {
		if err != nil {
			return fmt.Errorf("update corpus %s: %w", s.path, err)
		}
		return nil
	}
	if err := source.write(ctx, tx); err != nil {
		return fmt.Errorf("update corpus %s: %w", s.path, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("update corpus %s: %w", s.path, busyOr(err))
	}
	s.renewSearch(ctx)
	return nil
}

// madeFromRead is madeFrom in a read transaction of its own.
func (s *Store) madeFromRead(ctx context.Context, src *Source) (bool, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	return src.madeFrom(ctx, tx)
}

// madeFrom reports whether the corpus in tx was made from a version of src,
// which src may then update. A corpus records the set of sources it was
// made from (metaSet), and src updates it when its set has the same name,
// never when either has none. A corpus made before sets were recorded was
// made from the app's bundled sources or from synthetic ones; it is of
// src's set when one of its bundled documents has the id and the source
// file name (documents.source_name) of a document of src. Synthetic
// documents and the bundled ones never share one (doc-000000 from
// 000000.txt; ambassador-expelled from 000_6f93662e94e929d0.txt), and a
// newer version of the bundled sources keeps most of its documents.
func (src *Source) madeFrom(ctx context.Context, tx *sql.Tx) (bool, error) {
	var set string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, metaSet).Scan(&set)
	switch {
	case err == nil:
		return set != "" && set == src.Set, nil
	case !errors.Is(err, sql.ErrNoRows):
		return false, err
	}
	mine, err := tx.QueryContext(ctx, `SELECT id, source_name FROM documents WHERE origin = 'bundled'`)
	if err != nil {
		return false, err
	}
	defer mine.Close()
	theirs := make(map[[2]string]bool, len(src.Documents))
	for _, d := range src.Documents {
		theirs[[2]string{d.ID, d.Seed}] = true
	}
	for mine.Next() {
		var id, file string
		if err := mine.Scan(&id, &file); err != nil {
			return false, err
		}
		if theirs[[2]string{id, file}] {
			return true, nil
		}
	}
	return false, mine.Err()
}

// dsn leaves SQLite in its default rollback-journal mode rather than WAL:
// a WAL corpus cannot be read from read-only media without side files.
// Writers take turns: two windows and any number of commands may write to
// one corpus, each transaction waiting (busyTimeout) for the one before.
// No pragma here writes to the file: it is checked before anything is.
// A transaction that may write begins IMMEDIATE, taking the write lock at
// once, waiting for it under the busy timeout, rather than reading first
// and then failing at once with SQLITE_BUSY when its read lock cannot be
// upgraded (SQLite gives up at once there, since waiting could deadlock);
// so each such transaction reads again, inside, whatever it decided on
// before it began (UpdateBundled, applyMigration). Read transactions
// (sql.TxOptions.ReadOnly) still begin deferred, since the driver applies
// _txlock only to the others.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout("+strconv.Itoa(int(busyTimeout.Milliseconds()))+")")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// busyTimeout is how long a connection waits for another's lock before
// giving up with ErrBusy: longer than any one transaction holds it (an
// import of the largest file, a bundled update, check reading a large
// corpus whole), since a writer that gives up loses what it was to write.
const busyTimeout = 30 * time.Second

// ErrBusy is returned, wrapped, when the corpus stayed locked by another
// connection (another window or command) for longer than busyTimeout.
var ErrBusy = errors.New("the corpus is busy: another Chronoscope window or command has been using it for over 30 seconds; try again when it is done")

// sqliteBusy is SQLite's primary result code for a lock another connection
// holds.
const sqliteBusy = 5

// busyOr is err, unless SQLite gave up waiting for a lock, when it is
// ErrBusy, which says so in words.
func busyOr(err error) error {
	var se interface{ Code() int }
	if err != nil && errors.As(err, &se) && se.Code()&0xff == sqliteBusy {
		return fmt.Errorf("%w (%w)", ErrBusy, err)
	}
	return err
}

// freshFullText has each full-text (FTS5) table in tx read its index's
// structure as tx sees it. FTS5 keeps that structure between transactions
// and reads it again, when another connection has written, only as a
// query opens a cursor on the table; its part of SQLite's integrity check
// opens none, and on a connection that last read the table before another
// process wrote to it, compares the rows with the old structure and finds
// "fts5: checksum mismatch" or "corruption found reading blob" in a sound
// file. Opening a cursor on each table first makes the check read what is
// there.
func freshFullText(ctx context.Context, tx *sql.Tx) error {
	var tables []string
	rows, err := tx.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, t := range tables {
		err := tx.QueryRowContext(ctx, `SELECT rowid FROM "`+strings.ReplaceAll(t, `"`, `""`)+`" LIMIT 1`).Scan(new(int64))
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	return nil
}

// sniff reads the file header, so that files which are not our corpus are
// refused before SQLite opens (and might write to) them. It returns the
// file's size.
func sniff(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return 0, fmt.Errorf("open corpus %s: no such file: %w", path, err)
		}
		return 0, fmt.Errorf("open corpus %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, fmt.Errorf("open corpus %s: %w", path, err)
	}
	if fi.IsDir() {
		return 0, &FileError{Path: path, Problem: IsDirectory}
	}
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	switch {
	case n == 0:
		return 0, &FileError{Path: path, Problem: IsEmpty}
	case err == nil && lostFirstPage(f):
		return 0, &FileError{Path: path, Problem: Damaged, Page: 1, Zeroed: true, Backup: newestBackup(path)}
	case err != nil || !bytes.HasPrefix(hdr, []byte("SQLite format 3\x00")):
		return 0, &FileError{Path: path, Problem: NotSQLite}
	}
	switch id := binary.BigEndian.Uint32(hdr[68:72]); id {
	case ApplicationID:
		return fi.Size(), nil
	case 0:
		return 0, &FileError{Path: path, Problem: NoCorpusMark}
	default:
		return 0, &FileError{Path: path, Problem: OtherApplication, AppID: id}
	}
}

// verify checks what can be checked cheaply that the database is whole
// (see probe) and brings its schema up to date.
func (s *Store) verify(ctx context.Context, size int64) error {
	if err := s.probe(ctx, size); err != nil {
		return err
	}
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	names, err := migrationNames()
	if err != nil {
		return err
	}
	switch {
	case version > len(names):
		return &FileError{Path: s.path, Problem: MadeByNewer, Version: version, Supported: len(names)}
	case version < len(names) && s.readOnly:
		return fmt.Errorf("corpus version %d was made by an older Chronoscope and needs upgrading to version %d, "+
			"which a read-only corpus cannot be; open it once in the window (chronoscope --corpus %s) to upgrade it",
			version, len(names), s.path)
	case version < len(names):
		if err := s.sound(ctx); err != nil {
			return err
		}
		return s.migrateBackedUp(ctx)
	}
	return nil
}

// damaged is the FileError of a corpus SQLite cannot read whole; report is
// what SQLite said, whose first line that says anything is its Detail, in
// words, with the page it names or the first found all zeros (locate).
func (s *Store) damaged(report string) error {
	// Once found, the damage is said the same way by every read after,
	// without reading the file whole again.
	s.soundMu.Lock()
	known := s.damage
	s.soundMu.Unlock()
	if known != nil {
		return known
	}
	f := firstFinding(report)
	e := &FileError{Path: s.path, Problem: Damaged, Detail: f.what, Page: f.page, Backup: newestBackup(s.path)}
	s.locate(e, f)
	return e
}

func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	return names, nil
}

// migrate applies the migrations the database lacks, one transaction each,
// recording each in PRAGMA user_version.
func migrate(ctx context.Context, db *sql.DB) error {
	names, err := migrationNames()
	if err != nil {
		return err
	}
	var version int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return err
	}
	for i := version; i < len(names); i++ {
		body, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		if err := applyMigration(ctx, db, i+1, string(body)); err != nil {
			return fmt.Errorf("migration %s: %w", names[i], busyOr(err))
		}
	}
	return nil
}

// applyMigration applies one migration, unless another process applied it
// while this one waited for the write lock.
func applyMigration(ctx context.Context, db *sql.DB, version int, body string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&have); err != nil {
		return err
	}
	if have >= version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA user_version = `+strconv.Itoa(version)); err != nil {
		return err
	}
	return tx.Commit()
}

// build writes a complete corpus into the (empty) file at path.
func build(ctx context.Context, path string, source *Source) error {
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_pragma=foreign_keys(1)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `PRAGMA application_id = `+strconv.Itoa(ApplicationID)); err != nil {
		return err
	}
	if err := migrate(ctx, db); err != nil {
		return err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := source.write(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if _, err := writeSearchIndex(ctx, db); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `VACUUM`); err != nil {
		return err
	}
	return db.Close()
}
