package data_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// pageSize is the bundled corpus's page size, SQLite's default.
const pageSize = 4096

// bundledCorpus builds the bundled corpus in a temporary directory.
func bundledCorpus(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "c.db")
	if err := data.Create(context.Background(), path, assets.Corpus()); err != nil {
		tb.Fatal(err)
	}
	return path
}

// longestDocument is the id, text and original of the bundled document
// with the longest text, which spills over several pages of the file.
func longestDocument(tb testing.TB, path string) (id, text, original string) {
	tb.Helper()
	db := rawDB(tb, path)
	defer db.Close()
	if err := db.QueryRow(`SELECT id, text, original FROM documents ORDER BY length(text) DESC LIMIT 1`).
		Scan(&id, &text, &original); err != nil {
		tb.Fatal(err)
	}
	return id, text, original
}

// rawDB opens path with plain SQL, as another program would, behind the
// app's back.
func rawDB(tb testing.TB, path string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

// pageHolding is the page of the file (1 the first) of table that holds the last bytes of s that lie on one page (a value spilling
// over pages is cut every page by the link to the next): the first such
// page, or with last the last, as a document's original follows its text,
// which it may repeat.
func pageHolding(tb testing.TB, path, table, s string, last bool) int {
	tb.Helper()
	db := rawDB(tb, path+"?mode=ro")
	defer db.Close()
	rows, err := db.Query(`SELECT pageno FROM dbstat WHERE name = ?`, table)
	if err != nil {
		tb.Fatal(err)
	}
	pages := map[int]bool{}
	for rows.Next() {
		var p int
		if err := rows.Scan(&p); err != nil {
			tb.Fatal(err)
		}
		pages[p] = true
	}
	rows.Close()
	file := mustRead(tb, path)
	for end := len(s); end >= 32; end -= 32 {
		found := 0
		for i, from := 0, 0; ; from = i + 1 {
			j := bytes.Index(file[from:], []byte(s[end-32:end]))
			if j < 0 {
				break
			}
			i = from + j
			if p := i/pageSize + 1; pages[p] {
				found = p
				if !last {
					break
				}
			}
		}
		if found > 0 {
			return found
		}
	}
	tb.Fatalf("%.40q… is nowhere in the pages of %s", s, table)
	return 0
}

// withZeroedPage copies the file at path with page n zeroed, as `dd
// if=/dev/zero of=c.db bs=4096 seek=n-1 count=1 conv=notrunc` does, and
// returns the copy's path.
func withZeroedPage(tb testing.TB, path string, n int) string {
	tb.Helper()
	b := mustRead(tb, path)
	clear(b[(n-1)*pageSize : n*pageSize])
	out := filepath.Join(tb.TempDir(), fmt.Sprintf("zeroed-%d.db", n))
	if err := os.WriteFile(out, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return out
}

// integrityOK says whether SQLite's own integrity check passes the file.
func integrityOK(tb testing.TB, path string) bool {
	tb.Helper()
	db := rawDB(tb, path+"?mode=ro")
	defer db.Close()
	var res string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil {
		return false
	}
	return res == "ok"
}

// TestOpen_FindsZeroedPages zeroes a page holding the end of a document's
// text, one holding its original's, and the last page of a long note: each
// passes SQLite's integrity check (the failure of issue 13: the export then
// carried NULs at the end of a document's text), and each is refused by
// Open in words that name the page and, for the document, the document and
// its part; Check, which a corpus larger than Open reads whole reaches,
// lists them.
func TestOpen_FindsZeroedPages(t *testing.T) {
	ctx := context.Background()
	good := bundledCorpus(t)
	id, text, original := longestDocument(t, good)
	s, err := data.Open(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	note := strings.Repeat("A note months in the making, longer than a page. ", 200)
	if _, err := s.AddNote(ctx, data.KindDocument, id, note); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, tt := range []struct {
		name, table, holding string
		want                 []string
		document             bool // Check names the document
	}{
		// The end of the text is followed by the original, so SQLite
		// finds the list of pages cut short there; Open names the page
		// and Check the document, by its quotes.
		{"text", "documents", text, nil, true},
		{"original", "documents", original, []string{"document " + id + " has changed since it was written"}, true},
		{"note", "user_notes", note, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := pageHolding(t, good, tt.table, tt.holding, tt.name == "original")
			path := withZeroedPage(t, good, page)
			if ok := integrityOK(t, path); !ok && tt.name == "original" {
				t.Fatalf("SQLite's integrity check finds page %d zeroed; want the page it misses", page)
			} else if !ok {
				t.Logf("SQLite's integrity check finds page %d zeroed too", page)
			}
			want := append([]string{fmt.Sprintf("%s is damaged: page %d of the file", path, page), "is all zeros",
				"restore the file from a backup"}, tt.want...)
			_, err := data.Open(ctx, path, data.ReadOnly())
			if err == nil || !errors.Is(err, data.ErrNotCorpus) {
				t.Fatalf("Open: %v, want it refused as damaged", err)
			}
			for _, w := range want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Open: %v\nwant it to say %q", err, w)
				}
			}

			data.SetQuickCheckMax(t, 0) // Open reads it in part; Check whole
			s, err := data.Open(ctx, path, data.ReadOnly())
			if err != nil {
				t.Fatalf("Open of a corpus read in part: %v", err)
			}
			defer s.Close()
			probs, err := s.Check(ctx)
			listed := fmt.Sprint(probs, err)
			if !strings.Contains(listed, fmt.Sprintf("page %d of the file", page)) || !strings.Contains(listed, "all zeros") ||
				(tt.document && !strings.Contains(listed, id+": ")) {
				t.Errorf("Check: %v\nwant page %d all zeros and document %s listed", listed, page, id)
			}
		})
	}
}

// TestCheck_FindsDocumentChangedBehindTheAppsBack changes a document's
// text and another's original with plain SQL, as another program might,
// and removes a third's checksums: SQLite finds nothing wrong, and Check and
// Open name each document and what changed.
func TestCheck_FindsDocumentChangedBehindTheAppsBack(t *testing.T) {
	ctx := context.Background()
	path := bundledCorpus(t)
	db := rawDB(t, path)
	var ids []string
	rows, err := db.Query(`SELECT id FROM documents ORDER BY id LIMIT 3`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	for q, id := range map[string]string{
		`UPDATE documents SET text = text || ' ' WHERE id = ?`:         ids[0],
		`UPDATE documents SET original = original || ' ' WHERE id = ?`: ids[1],
		`DELETE FROM document_checksums WHERE document_id = ?`:         ids[2],
	} {
		if _, err := db.Exec(q, id); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if !integrityOK(t, path) {
		t.Fatal("SQLite's integrity check fails")
	}

	_, err = data.Open(ctx, path, data.ReadOnly())
	if want := "the text of document " + ids[0] + " has changed since it was written (its checksum does not match)"; err == nil ||
		!strings.Contains(err.Error(), want) {
		t.Errorf("Open: %v, want it to say %q", err, want)
	}

	data.SetQuickCheckMax(t, 0)
	s, err := data.Open(ctx, path, data.ReadOnly())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	probs, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"document " + ids[0] + ": its text has changed since it was written (checksum mismatch)",
		"document " + ids[1] + ": its original has changed since it was written (checksum mismatch)",
		"document " + ids[2] + ": it has no checksums: it was written behind Chronoscope's back",
	}
	var got []string
	for _, p := range probs {
		// A document written without checksums is not damage.
		if noSum := strings.Contains(p.What, "no checksums"); p.Damage == noSum {
			t.Errorf("%s: damage %v", p, p.Damage)
		}
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestChecksums_WrittenEverywhere checks that every document written by
// Create, Import and a synthetic corpus has checksums Check agrees with,
// and that the migration fills them in for a corpus made before them,
// keeping its search index.
func TestChecksums_WrittenEverywhere(t *testing.T) {
	ctx := context.Background()
	path := bundledCorpus(t)
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Import(ctx, "mine.md", strings.NewReader("# Mine\n\nLima, 3 May 2023. Talks resumed.")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	synth := filepath.Join(t.TempDir(), "synth.db")
	if err := data.CreateSynthetic(ctx, synth, data.SynthOptions{Events: 50, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	old := bundledCorpus(t)
	tamper(t, old, schemaV5)
	db := rawDB(t, old)
	var gen int
	if err := db.QueryRow(`SELECT generation FROM search_index WHERE data IS NOT NULL`).Scan(&gen); err != nil {
		t.Fatalf("no search index kept: %v", err)
	}
	db.Close()
	if s, err := data.Open(ctx, old); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	for _, p := range []string{path, synth, old} {
		db := rawDB(t, p)
		var missing, n int
		if err := db.QueryRow(`SELECT count(*) FILTER (WHERE length(c.text_sha256) IS NOT 64 OR length(c.original_sha256) IS NOT 64),
			count(*) FROM documents d LEFT JOIN document_checksums c ON c.document_id = d.id`).Scan(&missing, &n); err != nil || missing != 0 || n == 0 {
			t.Errorf("%s: %d of %d documents without checksums (%v)", filepath.Base(p), missing, n, err)
		}
		db.Close()
		s, err := data.Open(ctx, p, data.ReadOnly())
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(p), err)
		}
		if probs, err := s.Check(ctx); err != nil || len(probs) != 0 {
			t.Errorf("%s: Check: %v, %v", filepath.Base(p), probs, err)
		}
		s.Close()
	}
	db = rawDB(t, old)
	defer db.Close()
	if err := db.QueryRow(`SELECT generation FROM search_index WHERE data IS NOT NULL AND generation = ?`, gen).
		Scan(&gen); err != nil {
		t.Errorf("the migration dropped the search index: %v", err)
	}
}

// TestZeroedPages_AllDetected zeroes every page of the bundled corpus in
// turn and checks that each is refused by Open or found by Check: none
// passes unseen. It logs how many each found, for docs/RELIABILITY.md.
func TestZeroedPages_AllDetected(t *testing.T) {
	if testing.Short() {
		t.Skip("opens and checks the corpus once a page")
	}
	ctx := context.Background()
	good := bundledCorpus(t)
	pages := len(mustRead(t, good)) / pageSize
	var byOpen, byCheck int
	var vague []string
	for n := 1; n <= pages; n++ {
		path := withZeroedPage(t, good, n)
		s, err := data.Open(ctx, path, data.ReadOnly())
		if err != nil {
			byOpen++
			if !strings.Contains(err.Error(), fmt.Sprintf("page %d of the file", n)) {
				vague = append(vague, fmt.Sprintf("page %d: %v", n, err))
			}
			continue
		}
		probs, err := s.Check(ctx)
		s.Close()
		if err != nil || len(probs) > 0 {
			byCheck++
			continue
		}
		t.Errorf("page %d zeroed: neither Open nor Check finds it", n)
	}
	t.Logf("%d pages zeroed one at a time: %d refused by Open, %d found by Check alone, %d by neither",
		pages, byOpen, byCheck, pages-byOpen-byCheck)
	for _, v := range vague {
		t.Errorf("does not name the page zeroed: %s", v)
	}

	// As a corpus too large to read whole on open: Check finds each.
	data.SetQuickCheckMax(t, 0)
	byOpen, byCheck = 0, 0
	for n := 1; n <= pages; n++ {
		s, err := data.Open(ctx, withZeroedPage(t, good, n), data.ReadOnly())
		if err != nil {
			byOpen++
			continue
		}
		probs, err := s.Check(ctx)
		s.Close()
		if err == nil && len(probs) == 0 {
			t.Errorf("page %d zeroed in a corpus Open reads in part: Check does not find it", n)
			continue
		}
		if !strings.Contains(fmt.Sprint(probs, err), fmt.Sprintf("page %d of the file", n)) {
			t.Errorf("page %d zeroed: Check does not name it: %v %v", n, probs, err)
		}
		byCheck++
	}
	t.Logf("read in part on open: %d refused by Open, %d found by Check, %d by neither", byOpen, byCheck, pages-byOpen-byCheck)
}

// TestOpen_DamagedNamesItsNewestBackup: the damage found in a corpus with
// automatic backups beside it says to restore the newest of them, by path.
func TestOpen_DamagedNamesItsNewestBackup(t *testing.T) {
	good := bundledCorpus(t)
	_, text, _ := longestDocument(t, good)
	path := withZeroedPage(t, good, pageHolding(t, good, "documents", text, false))
	dir := filepath.Join(filepath.Dir(path), data.BackupsDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	name := strings.TrimSuffix(filepath.Base(path), ".db")
	for _, b := range []string{name + "-20261101T090000.000Z-before-update-v5.db", name + "-20261129T180000.000Z-before-migration-v5.db",
		"another-20261130T000000.000Z-before-update-v6.db"} {
		if err := os.WriteFile(filepath.Join(dir, b), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := data.Open(context.Background(), path, data.ReadOnly())
	newest := filepath.Join(dir, name+"-20261129T180000.000Z-before-migration-v5.db")
	if err == nil || !strings.Contains(err.Error(), "restore it from its newest automatic backup, "+newest+",") {
		t.Errorf("Open: %v\nwant it to name the newest backup, %s", err, newest)
	}
}
