package data

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
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
	if err := s.readWhole(ctx); err != nil {
		return err
	}
	return s.inspect(ctx)
}

// inspect looks, in one read transaction, for what SQLite's own check
// cannot see (findMissed), and says the first of it as the FileError of a
// damaged file.
func (s *Store) inspect(ctx context.Context) error {
	var (
		zeros   []zeroedPage
		changed []changedDoc
	)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		zeros, changed, err = s.findMissed(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	if err := s.missedError(zeros, changed); err != nil {
		s.soundMu.Lock()
		s.damage = cmp.Or(s.damage, err)
		s.soundMu.Unlock()
		return err
	}
	return nil
}

// findMissed finds, in tx, what SQLite's integrity check misses: pages of
// the file in use that are all zeros, and documents whose text or
// original no longer matches its checksum. A corpus not yet migrated to
// checksums has its pages checked alone.
func (s *Store) findMissed(ctx context.Context, tx *sql.Tx) ([]zeroedPage, []changedDoc, error) {
	// The read lock is taken by the transaction's first read, before the
	// file is read beside SQLite.
	var sums int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'document_checksums'`).
		Scan(&sums); err != nil {
		return nil, nil, err
	}
	zeros, err := s.zeroedPages(ctx, tx)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", s.path, err)
	}
	if sums == 0 {
		return zeros, nil, nil
	}
	changed, err := changedDocuments(ctx, tx)
	if err != nil && len(zeros) > 0 && isDamage(err) {
		err = nil // the pages say it
	}
	return zeros, changed, err
}

// missedError is the FileError that says the first of what findMissed
// found, or nil: a changed document and, of the pages found all zeros, one
// of the documents' if there is one.
func (s *Store) missedError(zeros []zeroedPage, changed []changedDoc) error {
	id, part, changedAny := firstChanged(changed)
	if len(zeros) == 0 && !changedAny {
		return nil
	}
	e := &FileError{Path: s.path, Problem: Damaged, Document: id, Part: part, Backup: newestBackup(s.path)}
	if len(zeros) > 0 {
		z := zeros[0]
		if i := slices.IndexFunc(zeros, func(z zeroedPage) bool { return z.table == "documents" }); i >= 0 && changedAny {
			z = zeros[i]
		}
		e.Page, e.Zeroed, e.Table = z.page, true, z.table
	}
	return e
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

// zeroPages lists, in order, the pages of q's database file that are all
// zeros though SQLite has them in use. A disk or file system that loses a
// page reads it back as zeros, and SQLite's own checks miss such a page
// where it held the end of a long value (a document's text spills over
// pages that only link onward; the last links nowhere anyway). No page in
// use is ever all zeros: a b-tree page starts with its kind, and the last
// page of a long value ends with its bytes. Pages on the freelist may be
// zeros, as is the page SQLite's file locks use at 1 GB. The caller holds
// a read lock (q is its transaction), so that no writer changes the file
// meanwhile.
//
// The pages are read through SQLite (sqlite_dbpage), never by opening the
// file: POSIX file locks belong to the process, and closing any descriptor
// of the file drops every lock the process holds on it, the read lock of
// the transaction this runs in included. A writer then got in while the
// check read, and the check found the half-written pages damaged.
func zeroPages(ctx context.Context, q querier) ([]int, error) {
	return zeroPagesOf(dbPages{ctx, q})
}

// zeroPagesOf is zeroPages of the pages src reads.
func zeroPagesOf(src pageSource) ([]int, error) {
	hdr, err := src.page(1)
	if err != nil {
		return nil, err
	}
	if len(hdr) < 100 {
		return nil, fmt.Errorf("the file's first page is %d bytes", len(hdr))
	}
	size := len(hdr)
	free := freePages(src, hdr)
	lockPage := 1<<30/size + 1
	zero := make([]byte, size)
	var zeros []int
	err = src.each(func(n int, page []byte) {
		if bytes.Equal(page, zero) && !free[n] && n != lockPage {
			zeros = append(zeros, n)
		}
	})
	return zeros, err
}

// pageSource reads the pages of a database file: page n (1 is the first),
// or each in turn.
type pageSource interface {
	page(n int) ([]byte, error)
	each(fn func(n int, page []byte)) error
}

// dbPages reads pages through SQLite (sqlite_dbpage) in q.
type dbPages struct {
	ctx context.Context
	q   querier
}

func (d dbPages) page(n int) ([]byte, error) {
	var page []byte
	err := eachRow(d.ctx, d.q, `SELECT data FROM sqlite_dbpage WHERE pgno = ?`, func(sc scanner) error {
		return sc.Scan(&page)
	}, n)
	return page, err
}

func (d dbPages) each(fn func(n int, page []byte)) error {
	return eachRow(d.ctx, d.q, `SELECT pgno, data FROM sqlite_dbpage`, func(sc scanner) error {
		var (
			n    int
			page []byte
		)
		if err := sc.Scan(&n, &page); err != nil {
			return err
		}
		fn(n, page)
		return nil
	})
}

// filePages reads pages from the file itself, for a file SQLite can no
// longer read (see zeroPages for why nothing else does).
type filePages struct {
	f    *os.File
	size int
}

func (fp filePages) page(n int) ([]byte, error) {
	page := make([]byte, fp.size)
	if _, err := fp.f.ReadAt(page, int64(n-1)*int64(fp.size)); err != nil {
		return nil, err
	}
	return page, nil
}

func (fp filePages) each(fn func(n int, page []byte)) error {
	r := bufio.NewReaderSize(io.NewSectionReader(fp.f, 0, 1<<62), 1<<20)
	page := make([]byte, fp.size)
	for n := 1; ; n++ {
		if _, err := io.ReadFull(r, page); err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil
		} else if err != nil {
			return err
		}
		fn(n, page)
	}
}

// zeroPagesInFile is zeroPages read from the file at path itself. Closing
// the file drops this process's locks on it (see zeroPages), so it serves
// only for a file known damaged, to which nothing is written any more.
func zeroPagesInFile(path string) ([]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hdr := make([]byte, 100)
	if _, err := io.ReadFull(f, hdr); err != nil {
		return nil, err
	}
	size := int(binary.BigEndian.Uint16(hdr[16:18]))
	if size == 1 {
		size = 65536
	}
	if size < 512 || size&(size-1) != 0 {
		return nil, fmt.Errorf("page size %d in the file's header", size)
	}
	return zeroPagesOf(filePages{f, size})
}

// freePages is the set of pages on the file's freelist, whose first page
// is hdr: its trunk pages, from the header on, each list the next trunk
// and its leaves.
func freePages(src pageSource, hdr []byte) map[int]bool {
	free := map[int]bool{}
	total := int(binary.BigEndian.Uint32(hdr[36:40]))
	for trunk := int(binary.BigEndian.Uint32(hdr[32:36])); trunk != 0 && len(free) <= total; {
		if free[trunk] {
			break // a loop: SQLite's integrity check reports it
		}
		free[trunk] = true
		page, err := src.page(trunk)
		if err != nil || len(page) < 8 {
			break // past the end: likewise
		}
		n := min(int(binary.BigEndian.Uint32(page[4:8])), len(page)/4-2)
		for i := range n {
			free[int(binary.BigEndian.Uint32(page[8+4*i:]))] = true
		}
		trunk = int(binary.BigEndian.Uint32(page[0:4]))
	}
	return free
}

// pageTables names the table or index each of pages belongs to, as far as
// SQLite can still tell: through dbstat, which walks every b-tree and so
// may fail on a damaged one, else by the tables' root pages alone.
func pageTables(ctx context.Context, q querier, pages []int) map[int]string {
	names := map[int]string{}
	want := map[int]bool{}
	for _, p := range pages {
		want[p] = true
	}
	read := func(query string) error {
		return eachRow(ctx, q, query, func(sc scanner) error {
			var (
				p    int
				name string
			)
			if err := sc.Scan(&p, &name); err != nil {
				return err
			}
			if want[p] {
				names[p] = name
			}
			return nil
		})
	}
	if len(pages) == 0 {
		return names
	}
	if err := read(`SELECT pageno, name FROM dbstat`); err != nil {
		clear(names)
		_ = read(`SELECT rootpage, name FROM sqlite_schema WHERE rootpage > 0`) // what it gives is all there is
	}
	return names
}

// zeroedPage is a page of the file found all zeros, with the table or
// index it belongs to when that is known.
type zeroedPage struct {
	page  int
	table string
}

func (z zeroedPage) String() string {
	s := fmt.Sprintf("page %d of the file is all zeros", z.page)
	if z.table != "" {
		s += " (it held part of " + describeTable(z.table) + ")"
	}
	return s
}

// describeTable names a table or index of the corpus in words.
func describeTable(name string) string {
	switch {
	case name == "text_index" || strings.HasPrefix(name, "text_index_"):
		return "the documents' full-text index (" + name + ")"
	case name == "event_text" || strings.HasPrefix(name, "event_text_"):
		return "the events' full-text index (" + name + ")"
	case strings.HasPrefix(name, "sqlite_autoindex_"):
		return "an index of table " + strings.TrimSuffix(strings.TrimPrefix(name, "sqlite_autoindex_"), "_1")
	case name == "sqlite_schema" || name == "sqlite_master":
		return "the list of tables (sqlite_schema)"
	}
	return "table " + name
}

// zeroedPages lists the pages of the store's file that are all zeros
// though in use, each with its table; q holds the read lock.
func (s *Store) zeroedPages(ctx context.Context, q querier) ([]zeroedPage, error) {
	pages, err := zeroPages(ctx, q)
	if err != nil || len(pages) == 0 {
		return nil, err
	}
	names := pageTables(ctx, q, pages)
	out := make([]zeroedPage, len(pages))
	for i, p := range pages {
		out[i] = zeroedPage{p, names[p]}
	}
	return out, nil
}

// sqliteFinding is one line of what SQLite reports of a damaged file, in
// words: the page and the b-tree (by its root page) it names, if any, and
// what is wrong there.
type sqliteFinding struct {
	page, tree int
	what       string
}

var (
	treePageRe  = regexp.MustCompile(`^(?:Tree|On tree page) (\d+)(?: page (\d+))?(?: cell \d+)?(?: at [^:]*)?: (.*)$`)
	pageRe      = regexp.MustCompile(`^Page (\d+):? (.*)$`)
	referenceRe = regexp.MustCompile(`^\d+(?:st|nd|rd|th) reference to page (\d+)`)
	indexRowRe  = regexp.MustCompile(`^row (\d+) missing from index (\S+)`)
	indexSizeRe = regexp.MustCompile(`^wrong # of entries in index (\S+)`)
	fts5Re      = regexp.MustCompile(`malformed inverted index for FTS5 table \w+\.(\w+)`)
	vtableRe    = regexp.MustCompile(`vtable constructor failed: (\w+)`)
	invalidRe   = regexp.MustCompile(`^invalid page number (\d+)`)
	codeRe      = regexp.MustCompile(` \(\d+\)$`)
)

// readFinding puts a line of SQLite's report (an integrity check's line,
// or a read's error) in words.
func readFinding(line string) sqliteFinding {
	line = strings.TrimSpace(line)
	for _, p := range []string{"in prepare, ", "stepping, "} {
		line = strings.TrimPrefix(line, p)
	}
	line = codeRe.ReplaceAllString(line, "")
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	if m := treePageRe.FindStringSubmatch(line); m != nil {
		f := sqliteFinding{tree: atoi(m[1]), page: atoi(m[2]), what: m[3]}
		if f.page == 0 {
			f.page = f.tree
		}
		switch {
		case strings.HasPrefix(m[3], "btreeInitPage() returns error code"):
			f.what = "it is not a valid page of its table"
		case invalidRe.MatchString(m[3]):
			f.what = fmt.Sprintf("it points to page %s, which is not in the file", invalidRe.FindStringSubmatch(m[3])[1])
		}
		return f
	}
	if m := pageRe.FindStringSubmatch(line); m != nil {
		f := sqliteFinding{page: atoi(m[1]), what: m[2]}
		if strings.Contains(m[2], "never used") {
			f.what = "it belongs to no table and is not on the list of free pages"
		}
		return f
	}
	if m := referenceRe.FindStringSubmatch(line); m != nil {
		return sqliteFinding{page: atoi(m[1]), what: "it is used twice"}
	}
	switch {
	case indexRowRe.MatchString(line):
		m := indexRowRe.FindStringSubmatch(line)
		return sqliteFinding{what: fmt.Sprintf("index %s lacks row %s of its table", m[2], m[1])}
	case indexSizeRe.MatchString(line):
		return sqliteFinding{what: fmt.Sprintf("index %s has the wrong number of entries", indexSizeRe.FindStringSubmatch(line)[1])}
	case fts5Re.MatchString(line):
		return sqliteFinding{what: describeTable(fts5Re.FindStringSubmatch(line)[1]) + " does not match the text it indexes"}
	case vtableRe.MatchString(line):
		return sqliteFinding{what: describeTable(vtableRe.FindStringSubmatch(line)[1]) + " cannot be read"}
	case strings.HasPrefix(line, "database disk image is malformed"):
		return sqliteFinding{what: "its structure is broken where it was read (SQLite: database disk image is malformed)"}
	case strings.HasPrefix(line, "file is not a database"):
		return sqliteFinding{what: "part of it is not SQLite's (SQLite: file is not a database)"}
	}
	return sqliteFinding{what: line}
}

// firstFinding is the first line of report that says anything, in words:
// an integrity check heads its findings "*** in database main ***".
func firstFinding(report string) sqliteFinding {
	for line := range strings.Lines(report) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "***") {
			return readFinding(line)
		}
	}
	return sqliteFinding{}
}

// String is the finding as check lists it, with the table its page
// belongs to when known.
func (f sqliteFinding) String(table string) string {
	if f.page == 0 {
		return f.what
	}
	s := fmt.Sprintf("page %d of the file", f.page)
	if table != "" {
		s += " (" + describeTable(table) + ")"
	}
	return s + ": " + f.what
}

// RestoreAdvice is what to do with a damaged corpus, as the command line
// and FileError say it.
const RestoreAdvice = "restore the file from a backup (chronoscope backup -o FILE makes one; see docs/COMMAND-LINE.md)"

// locate fills in where e's damage is: the page SQLite named, else the
// first page found all zeros; whether that page is all zeros; and the
// table it belongs to. It reads the file whole through a connection of
// its own, outside any transaction: only a damaged file pays for it, and
// the store's one connection may be held by the read that found it.
func (s *Store) locate(e *FileError, f sqliteFinding) {
	db, err := sql.Open("sqlite", dsn(s.path, true))
	if err != nil {
		return
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection, so one read lock, for zeroPages
	ctx := context.Background()
	// Through SQLite where it can still read the file, else from the file.
	var zeros []int
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err == nil {
		zeros, err = zeroPages(ctx, tx)
		tx.Rollback()
	}
	if err != nil {
		if zeros, err = zeroPagesInFile(s.path); err != nil {
			return
		}
	}
	// A page all zeros is the cause of what SQLite finds wrong in the
	// page that links to it (an overflow list cut short).
	if len(zeros) > 0 && !slices.Contains(zeros, e.Page) {
		e.Page = zeros[0]
	}
	// The documents that can still be read and differ from their
	// checksums, when there are any, name what the damage changed.
	if changed, _ := changedDocuments(ctx, db); len(changed) > 0 {
		if id, part, ok := firstChanged(changed); ok {
			e.Document, e.Part = id, part
		}
	}
	if e.Page == 0 {
		return
	}
	e.Zeroed = slices.Contains(zeros, e.Page)
	e.Table = pageTables(ctx, db, []int{e.Page})[e.Page]
	if e.Table == "" && f.tree > 0 {
		e.Table = pageTables(ctx, db, []int{f.tree})[f.tree]
	}
}

// lostFirstPage reports whether f is a SQLite file whose first page (of
// the default 4096 bytes a corpus has) was lost and reads as zeros: the
// page after it begins as a b-tree page does.
func lostFirstPage(f *os.File) bool {
	b := make([]byte, 4097)
	if _, err := f.ReadAt(b, 0); err != nil {
		return false
	}
	switch b[4096] {
	case 2, 5, 10, 13: // the kinds of b-tree page
		return bytes.Count(b[:4096], []byte{0}) == 4096
	}
	return false
}
