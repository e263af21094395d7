package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/lang"
	_ "modernc.org/sqlite"

	"chronoscope/app"
	"chronoscope/data"
	"chronoscope/internal/corpustest"
)

// runCLI runs the command line as a user would and returns its exit status
// and output.
func runCLI(tb testing.TB, args ...string) (code int, stdout, stderr string) {
	tb.Helper()
	var out, errOut bytes.Buffer
	c := &cli{stdout: &out, stderr: &errOut, openWindow: func(string) error {
		tb.Fatal("the window opened")
		return nil
	}}
	code = c.run(context.Background(), args)
	return code, out.String(), errOut.String()
}

// tempCorpus is a path in a temporary directory where no corpus exists yet.
func tempCorpus(tb testing.TB) string {
	tb.Helper()
	tb.Setenv("XDG_CONFIG_HOME", tb.TempDir())
	return filepath.Join(tb.TempDir(), "corpus.db")
}

func TestCLI_Check(t *testing.T) {
	path := tempCorpus(t)
	code, out, errOut := runCLI(t, "check", "--corpus", path)
	if code != 0 || !strings.Contains(out, "ok (5 documents") {
		t.Fatalf("check on a new corpus: exit %d\n%s%s", code, out, errOut)
	}

	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE evidence SET start_char = start_char + 3 WHERE event_id = 'castillo-removed'`); err != nil {
		t.Fatal(err)
	}
	// A span whose end is two days: EDTF has no form for it.
	if _, err := db.Exec(`UPDATE events SET shape = 'span', to_earliest = '2022-12-20', to_latest = '2022-12-21', to_precision = ''
		WHERE id = 'kenna-meets-bobbio'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errOut = runCLI(t, "check", "--corpus", path)
	if code != 1 || !strings.Contains(out, "event castillo-removed: evidence from") || !strings.Contains(errOut, "problems") ||
		!strings.Contains(out, "event kenna-meets-bobbio: date: its EDTF does not read back") {
		t.Errorf("check on a tampered corpus: exit %d\n%s%s", code, out, errOut)
	}
}

func TestCLI_SearchJSON(t *testing.T) {
	path := tempCorpus(t)
	code, out, errOut := runCLI(t, "search", "--corpus", path, "--json", "--limit", "5", "lopez")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var hits []struct {
		Kind    string   `json:"kind"`
		ID      string   `json:"id"`
		Title   string   `json:"title"`
		Score   float64  `json:"score"`
		Matches [][2]int `json:"matches"`
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	found := false
	for _, h := range hits {
		if h.Kind == "actor" && h.ID == "lopez-obrador" {
			found = true
			r := []rune(h.Title)
			m := h.Matches[0]
			if got := string(r[m[0]:m[1]]); got != "López" {
				t.Errorf("match %v of %q is %q, want López", m, h.Title, got)
			}
		}
	}
	if !found {
		t.Errorf("no López Obrador in %s", out)
	}
}

// TestCLI_SearchPassage checks that --json says where a document's passage
// is in its text, and that letters strewn across the words of a title find
// nothing.
func TestCLI_SearchPassage(t *testing.T) {
	path := tempCorpus(t)
	code, out, errOut := runCLI(t, "search", "--corpus", path, "--json", "coup")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var hits []struct {
		Kind       string `json:"kind"`
		ID         string `json:"id"`
		Start, End *int
	}
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	passages := 0
	for _, h := range hits {
		if h.Kind != "document-text" {
			continue
		}
		passages++
		var text string
		if err := db.QueryRow(`SELECT text FROM documents WHERE id = ?`, h.ID).Scan(&text); err != nil {
			t.Fatal(err)
		}
		if h.Start == nil || h.End == nil {
			t.Errorf("%s: no start and end in %s", h.ID, out)
		} else if got := string([]rune(text)[*h.Start:*h.End]); !strings.EqualFold(got, "coup") {
			t.Errorf("%s: text[%d:%d] is %q, want coup", h.ID, *h.Start, *h.End, got)
		}
	}
	if passages == 0 {
		t.Errorf("no document-text hits: %s", out)
	}
	for _, q := range []string{"cap", "lob", "cop"} {
		if _, out, _ := runCLI(t, "search", "--corpus", path, q); out != "no matches\n" {
			t.Errorf("search %s:\n%s", q, out)
		}
	}
}

func TestCLI_SearchHostile(t *testing.T) {
	path := tempCorpus(t)
	for _, q := range []string{`"`, `NEAR(`, `*`, `'; DROP TABLE events; --`, "🇵🇪", `(((`} {
		code, out, errOut := runCLI(t, "search", "--corpus", path, "--json", q)
		if code != 0 || !json.Valid([]byte(out)) {
			t.Errorf("search %q: exit %d, %s %s", q, code, out, errOut)
		}
	}
	if code, out, _ := runCLI(t, "search", "--corpus", path, "peru"); code != 0 || !strings.Contains(out, "[Peru]") {
		t.Errorf("plain search output:\n%s", out)
	}
}

func TestCLI_Export(t *testing.T) {
	path := tempCorpus(t)
	outFile := filepath.Join(t.TempDir(), "corpus.json")
	if code, _, errOut := runCLI(t, "export", "--corpus", path, "--format", "json", "-o", outFile); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	var x struct {
		Documents []map[string]any `json:"documents"`
		Events    []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(b, &x); err != nil {
		t.Fatal(err)
	}
	if len(x.Documents) != 5 || len(x.Events) < 20 {
		t.Fatalf("%d documents, %d events", len(x.Documents), len(x.Events))
	}
	day := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, e := range x.Events {
		for _, k := range []string{"id", "title", "summary", "start", "end", "edtf", "precision", "date_basis", "date_note", "category", "actors", "places", "sources"} {
			if _, ok := e[k]; !ok {
				t.Errorf("event %v lacks %q", e["id"], k)
			}
		}
		for _, k := range []string{"start", "end"} {
			if v, ok := e[k].(string); e[k] != nil && (!ok || !day.MatchString(v)) {
				t.Errorf("event %v: %s = %v", e["id"], k, e[k])
			}
		}
		if e["precision"] == "unknown" && (e["start"] != nil || e["end"] != nil) {
			t.Errorf("event %v: unknown precision with a date", e["id"])
		}
		checkExportedEDTF(t, e)
		srcs, _ := e["sources"].([]any)
		if len(srcs) == 0 {
			t.Errorf("event %v has no sources", e["id"])
		}
		for _, s := range srcs {
			m := s.(map[string]any)
			if m["document"] == "" || m["quote"] == "" {
				t.Errorf("event %v: source %v", e["id"], m)
			}
		}
	}
	for _, d := range x.Documents {
		for _, k := range []string{"id", "title", "publisher", "author", "url", "language", "published", "published_precision", "text"} {
			if _, ok := d[k]; !ok {
				t.Errorf("document %v lacks %q", d["id"], k)
			}
		}
	}
	if code, _, errOut := runCLI(t, "export", "--corpus", path, "--format", "xml"); code != 2 ||
		!strings.Contains(errOut, "json, csv, timelinejs, markdown") {
		t.Errorf("export --format xml: exit %d %s", code, errOut)
	}
}

// TestCLI_ExportFailsNamingTheFile exports onto a directory: the rename
// fails, the error names the file asked for and not the temporary one, and
// no temporary file is left.
func TestCLI_ExportFailsNamingTheFile(t *testing.T) {
	path := tempCorpus(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.csv")
	if err := os.MkdirAll(filepath.Join(out, "in-the-way"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "export", "--corpus", path, "--format", "csv", "-o", out)
	if code != 1 || !strings.Contains(errOut, "write "+out+": ") || strings.Contains(errOut, ".tmp-") {
		t.Errorf("export onto a directory: exit %d: %s", code, errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want only the one in the way", len(entries))
	}
}

// TestCLI_ExportFormats exports the bundled corpus in each format to a
// file, reads each back, and checks TimelineJS's count of undated events
// left out on standard error.
func TestCLI_ExportFormats(t *testing.T) {
	path := tempCorpus(t)
	dir := t.TempDir()
	export := func(format string) (string, string) {
		t.Helper()
		out := filepath.Join(dir, "out-"+format)
		code, stdout, errOut := runCLI(t, "export", "--corpus", path, "--format", format, "-o", out)
		if code != 0 || stdout != "" {
			t.Fatalf("export --format %s: exit %d\n%s%s", format, code, stdout, errOut)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), errOut
	}
	got, _ := export("csv")
	rows, err := csv.NewReader(strings.NewReader(got)).ReadAll()
	if err != nil || len(rows) < 21 || rows[0][0] != "id" {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
	got, errOut := export("timelinejs")
	var tl struct {
		Events []struct {
			UniqueID string `json:"unique_id"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(got), &tl); err != nil || len(tl.Events) < 20 {
		t.Errorf("timelinejs: %d events, %v", len(tl.Events), err)
	}
	if errOut != "left out 1 undated event\n" {
		t.Errorf("timelinejs: stderr %q, want the undated event left out", errOut)
	}
	got, _ = export("markdown")
	if !strings.HasPrefix(got, "# ") || strings.Count(got, "\n## ") != len(rows)-1 {
		t.Errorf("markdown: %d sections for %d events", strings.Count(got, "\n## "), len(rows)-1)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files left in the directory, want the 3 exports", len(entries))
	}
}

// checkExportedEDTF checks that an exported event's "edtf" is null when it
// is undated, and otherwise reads as a dating whose first and last days
// are its "start" and "end".
func checkExportedEDTF(tb testing.TB, e map[string]any) {
	tb.Helper()
	s, ok := e["edtf"].(string)
	if !ok {
		if e["edtf"] != nil || e["start"] != nil {
			tb.Errorf("event %v: edtf %v with start %v", e["id"], e["edtf"], e["start"])
		}
		return
	}
	shape, from, to, err := data.ParseEDTF(s)
	if err != nil {
		tb.Errorf("event %v: %v", e["id"], err)
		return
	}
	env := data.Envelope(shape, from, to)
	if data.FormatDay(env.Start) != e["start"] || data.FormatDay(env.End) != e["end"] {
		tb.Errorf("event %v: edtf %s covers %s..%s, but start %v and end %v", e["id"], s,
			data.FormatDay(env.Start), data.FormatDay(env.End), e["start"], e["end"])
	}
}

func TestCLI_BadCorpusFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	tests := []struct {
		name, content, want string
	}{
		{"notes.txt", "not a database at all", " is not a Chronoscope corpus: it is not a SQLite database"},
		{"empty.db", "", " is not a Chronoscope corpus: the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"check"}, {"search", "peru"}, {"export", "--format", "json"}} {
				code, out, errOut := runCLI(t, append(args, "--corpus", path)...)
				if args[0] == "search" {
					code, out, errOut = runCLI(t, "search", "--corpus", path, "peru")
				}
				lines := strings.Split(strings.TrimSpace(errOut), "\n")
				if code != 1 || out != "" || len(lines) != 1 || !strings.Contains(errOut, path) || !strings.Contains(errOut, tt.want) {
					t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
				}
			}
			if b, _ := os.ReadFile(path); string(b) != tt.content {
				t.Error("the file was changed")
			}
		})
	}
}

// TestCLI_DamagedCorpus checks that a damaged corpus and another program's
// database are named and described in a user's words (issue #7 found
// "damaged database: in database main: not a Chronoscope corpus"), in one
// line, and left as they were.
func TestCLI_DamagedCorpus(t *testing.T) {
	good := tempCorpus(t)
	if code, _, errOut := runCLI(t, "check", "--corpus", good); code != 0 {
		t.Fatal(errOut)
	}
	b, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	damaged := append([]byte(nil), b...)
	for i := 40960; i < 45056 && i < len(damaged); i++ {
		damaged[i] = 0
	}
	other := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE notes (body TEXT)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"damaged.db", damaged, " is damaged: page 11 of the file "},
		{"other.db", nil, " is not a Chronoscope corpus: it is a SQLite database that Chronoscope did not make"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if tt.file != nil {
				if err := os.WriteFile(path, tt.file, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before, _ := os.ReadFile(path)
			for _, args := range [][]string{{"check"}, {"search", "peru"}, {"export"}} {
				code, out, errOut := runCLI(t, append(args, "--corpus", path)...)
				want := "chronoscope: " + path + tt.want
				if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) ||
					strings.Contains(errOut, "in database main") {
					t.Errorf("%v: exit %d, stdout %q, stderr %q; want one line starting %q", args, code, out, errOut, want)
				}
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the file was changed")
			}
		})
	}
}

// TestCLI_DamagedLargeCorpus checks that a corpus too large for Open to
// read whole, damaged where Open does not read, fails check and export
// with the one line a damaged corpus gives, not after what the command was
// doing ("export corpus PATH: PATH is damaged").
func TestCLI_DamagedLargeCorpus(t *testing.T) {
	src := t.TempDir()
	if err := data.WriteSyntheticSource(src, 1000, 1); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(t.TempDir(), "synth.db")
	if err := data.Create(context.Background(), good, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(good); err != nil || fi.Size() < 2<<20 {
		t.Fatalf("the synthetic corpus is too small to stand for a large one: %v", err)
	}
	path := corpustest.WithZeroedRoot(t, good, "events")
	// An export is written as it is read, so it goes to a file, which a
	// failed export leaves unmade.
	exported := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{{"check"}, {"export", "-o", exported}, {"export", "--format", "csv", "-o", exported}} {
		code, out, errOut := runCLI(t, append(args, "--corpus", path)...)
		want := "chronoscope: " + path + " is damaged: page "
		if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, want) ||
			!strings.Contains(errOut, " of the file (table events) is all zeros") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want one line starting %q", args, code, out, errOut, want)
		}
		if _, err := os.Stat(exported); err == nil {
			t.Errorf("%v left an export behind", args)
		}
	}
}

func TestCLI_DefaultCorpus(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	if code, _, errOut := runCLI(t, "check"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(cfg, "fyne", appID, "corpus.db")); err != nil {
		t.Errorf("no corpus in the app's storage: %v", err)
	}
}

func TestCLI_Usage(t *testing.T) {
	if code, _, errOut := runCLI(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "Usage") {
		t.Errorf("unknown command: exit %d %s", code, errOut)
	}
	if code, _, _ := runCLI(t, "search"); code != 2 {
		t.Errorf("search without a query: exit %d", code)
	}
}

// TestCLI_EmptyQuery checks that a query with nothing in it is a usage
// error, not "no matches" with exit 0.
func TestCLI_EmptyQuery(t *testing.T) {
	path := tempCorpus(t)
	for _, q := range []string{"", "   ", "\t\n"} {
		code, out, errOut := runCLI(t, "search", "--corpus", path, q)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "QUERY") {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q; want exit 2 and one line asking for a QUERY", q, code, out, errOut)
		}
	}
}

// TestCLI_LimitNotANumber checks that a bad --limit gets one line naming
// the flag and saying it wants a number, and exit status 2.
func TestCLI_LimitNotANumber(t *testing.T) {
	path := tempCorpus(t)
	for _, v := range []string{"abc", "0", "-3", "2.5"} {
		code, out, errOut := runCLI(t, "search", "--corpus", path, "--limit", v, "peru")
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 ||
			!strings.Contains(errOut, "--limit") || !strings.Contains(errOut, "number") || strings.Contains(errOut, "parse error") {
			t.Errorf("--limit %s: exit %d, stdout %q, stderr %q", v, code, out, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "search", "--corpus", path, "--frobnicate", "peru"); code != 2 || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--frobnicate") {
		t.Errorf("unknown flag: exit %d, %q", code, errOut)
	}
}

// TestCLI_Help checks that --help and help print the usage to standard
// output, listing every flag of every command, --dark among them.
func TestCLI_Help(t *testing.T) {
	c := &cli{}
	var names []string
	for _, cmd := range c.commands() {
		cmd.flags.VisitAll(func(f *flag.Flag) {
			if len(f.Name) == 1 {
				names = append(names, "-"+f.Name+" ")
			} else {
				names = append(names, "--"+f.Name)
			}
		})
	}
	names = append(names, "--corpus", "--dark")
	for _, args := range [][]string{{"--help"}, {"help"}, {"-h"}, {"search", "--help"}, {"screenshot", "--help"}} {
		code, out, errOut := runCLI(t, args...)
		if code != 0 || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
		for _, n := range names {
			if !strings.Contains(out, n) {
				t.Errorf("%v does not list %s", args, n)
			}
		}
	}
}

// searchRow is a line of search's text output: kind, id, what was found.
var searchRow = regexp.MustCompile(`^(event|actor|place|document) +(\S+) +(\S.*)$`)

// TestCLI_SearchOneLinePerHit checks search's text output: a hit is one
// line, whitespace collapsed, clipped with an ellipsis to its column, with
// brackets that pair and never nest ("[López] Obrador…", never
// "[[López] Obrador…]").
func TestCLI_SearchOneLinePerHit(t *testing.T) {
	path := tempCorpus(t)
	for _, q := range []string{"lopez", "castillo", "coup", "boluarte", "peru", "mexico", "asylum", "persona non grata"} {
		code, out, errOut := runCLI(t, "search", "--corpus", path, "--limit", "40", q)
		if code != 0 {
			t.Fatalf("%q: exit %d %s", q, code, errOut)
		}
		hits := 0
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if line == "" || line == "in the text:" {
				continue
			}
			m := searchRow.FindStringSubmatch(line)
			if m == nil {
				t.Errorf("%q: not a hit line: %q", q, line)
				continue
			}
			hits++
			text := m[3]
			if n := utf8.RuneCountInString(text); n > textWidth {
				t.Errorf("%q: %d runes, more than the column's %d: %q", q, n, textWidth, text)
			}
			if strings.Contains(text, "  ") || strings.ContainsAny(text, "\t\r") {
				t.Errorf("%q: whitespace not collapsed: %q", q, text)
			}
			if strings.Contains(text, "[[") || strings.Contains(text, "]]") || !pairedBrackets(text) {
				t.Errorf("%q: brackets do not pair: %q", q, text)
			}
			if n := utf8.RuneCountInString(text); n == textWidth && !strings.HasSuffix(text, "…") {
				t.Errorf("%q: cut without an ellipsis: %q", q, text)
			}
		}
		if hits == 0 {
			t.Errorf("%q: no hits:\n%s", q, out)
		}
	}
	_, out, _ := runCLI(t, "search", "--corpus", path, "lopez")
	if !strings.Contains(out, "[López] Obrador will not hand the Pacific Alliance presidency to Boluarte\n") {
		t.Errorf("the document whose title is ours, [López Obrador will not hand…], is not shown plainly:\n%s", out)
	}
}

// pairedBrackets reports whether s's [ and ] alternate, starting with [.
func pairedBrackets(s string) bool {
	open := false
	for _, r := range s {
		switch r {
		case '[':
			if open {
				return false
			}
			open = true
		case ']':
			if !open {
				return false
			}
			open = false
		}
	}
	return !open
}

// TestCLI_SearchLimit checks that --limit bounds the whole list, hits and
// passages of the text together (it printed N of each).
func TestCLI_SearchLimit(t *testing.T) {
	path := tempCorpus(t)
	for _, n := range []int{1, 2, 5} {
		code, out, errOut := runCLI(t, "search", "--corpus", path, "--limit", strconv.Itoa(n), "castillo")
		if code != 0 {
			t.Fatalf("exit %d %s", code, errOut)
		}
		got := 0
		for _, line := range strings.Split(out, "\n") {
			if searchRow.MatchString(line) {
				got++
			}
		}
		if got != n {
			t.Errorf("--limit %d printed %d hits:\n%s", n, got, out)
		}
		_, out, _ = runCLI(t, "search", "--corpus", path, "--json", "--limit", strconv.Itoa(n), "castillo")
		var hits []map[string]any
		if err := json.Unmarshal([]byte(out), &hits); err != nil || len(hits) != n {
			t.Errorf("--json --limit %d: %d hits, %v", n, len(hits), err)
		}
	}
}

func TestMarked(t *testing.T) {
	for _, tc := range []struct {
		s      string
		ranges [][2]int
		width  int
		want   string
	}{
		{"López Obrador", [][2]int{{0, 5}}, 40, "[López] Obrador"},
		{"López Obrador will not hand the Pacific Alliance presidency", [][2]int{{0, 5}}, 24, "[López] Obrador will…"},
		{"Peru's Congress\nremoves  Castillo", [][2]int{{25, 33}}, 40, "Peru's Congress removes [Castillo]"},
		{"Congress removes Castillo", [][2]int{{17, 25}}, 20, "Congress removes…"},
		{"Castillo Castillo Castillo", [][2]int{{0, 8}, {9, 17}, {18, 26}}, 16, "[Castillo]…"},
	} {
		got := marked(tc.s, tc.ranges, tc.width)
		if got != tc.want || utf8.RuneCountInString(got) > tc.width {
			t.Errorf("marked(%q, %v, %d) = %q, want %q", tc.s, tc.ranges, tc.width, got, tc.want)
		}
	}
	title, ranges := ownTitle("[López Obrador will not hand the Pacific Alliance presidency to Boluarte]", [][2]int{{1, 6}})
	if got := marked(title, ranges, 24); got != "[López] Obrador will…" {
		t.Errorf("a title that is ours: %q", got)
	}
}

func TestCLI_FlagsAfterQuery(t *testing.T) {
	path := tempCorpus(t)
	code, out, errOut := runCLI(t, "search", "lopez", "--corpus", path, "--json", "--limit", "3")
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(out, "López") {
		t.Errorf("exit %d, %s %s", code, out, errOut)
	}
	// After "--", a query may look like a flag.
	if code, out, _ := runCLI(t, "search", "--corpus", path, "--json", "--", "--limit"); code != 0 || !json.Valid([]byte(out)) {
		t.Errorf("search -- --limit: exit %d %s", code, out)
	}
}

func TestCLI_ScreenshotUsage(t *testing.T) {
	path := tempCorpus(t)
	png := filepath.Join(t.TempDir(), "s.png")
	for _, args := range [][]string{
		{"screenshot", "--corpus", path, "-o", png, "--from", "2022-12-01"},
		{"screenshot", "--corpus", path, "-o", png, "--size", "huge"},
		{"screenshot", "--corpus", path, "-o", png, "--lanes", "weather"},
		{"screenshot", "--corpus", path, "-o", png, "--lang", "fr"},
		{"screenshot", "--corpus", path},
	} {
		if code, _, errOut := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args[3:], code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "screenshot", "--corpus", path, "-o", png, "--size", "800x600", "--select", "castillo-removed"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if fi, err := os.Stat(png); err != nil || fi.Mode().Perm() != 0o644 || fi.Size() == 0 {
		t.Errorf("png: %v %v", fi, err)
	}
}

// TestCLI_ScreenshotLang: --lang es draws the window in Spanish on an
// English system.
func TestCLI_ScreenshotLang(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "en_US.UTF-8")
	t.Cleanup(func() {
		app.UseLanguage("en")
		if err := app.LoadTranslations(); err != nil {
			t.Error(err)
		}
	})
	path := tempCorpus(t)
	png := filepath.Join(t.TempDir(), "s.png")
	if code, _, errOut := runCLI(t, "screenshot", "--corpus", path, "-o", png, "--size", "800x600", "--lang", "es"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := lang.L("Fit all"); got != "Ajustar todo" {
		t.Errorf("after --lang es the window says %q, want Ajustar todo", got)
	}
}

func TestBracket(t *testing.T) {
	for _, tc := range []struct {
		s      string
		ranges [][2]int
		want   string
	}{
		{"López Obrador", [][2]int{{0, 5}, {6, 7}}, "[López] [O]brador"},
		{"Perú", [][2]int{{3, 4}}, "Per[ú]"},
		{"Perú", [][2]int{{0, 2}, {1, 3}, {2, 9}}, "[Pe]rú"},
		{"Lima", nil, "Lima"},
	} {
		if got := bracket(tc.s, tc.ranges); got != tc.want {
			t.Errorf("bracket(%q, %v) = %q, want %q", tc.s, tc.ranges, got, tc.want)
		}
	}
}

// TestViewDays checks that --from and --to take EDTF as well as days: the
// view runs from the first day --from may mean to the last day --to may.
func TestViewDays(t *testing.T) {
	for _, tt := range []struct{ from, to, first, last string }{
		{"2022-12-07", "2022-12-21", "2022-12-07", "2022-12-21"},
		{"2022-12", "2023", "2022-12-01", "2023-12-31"},
		{"2022-12-07/2022-12-21", "2022-12-07/2022-12-21", "2022-12-07", "2022-12-21"},
		{"2022-11/2022-12-14", "[2022-12-20..2022-12-21]", "2022-11-01", "2022-12-21"},
		{"2021", "2021", "2021-01-01", "2021-12-31"},
	} {
		first, last, err := viewDays(tt.from, tt.to)
		if err != nil || first != tt.first || last != tt.last {
			t.Errorf("viewDays(%q, %q) = %q, %q, %v; want %q, %q", tt.from, tt.to, first, last, err, tt.first, tt.last)
		}
	}
	for _, tt := range []struct{ from, to, want string }{
		{"2022-13", "2023", "--from: EDTF date \"2022-13\""},
		{"2022", "2022~", "--to: EDTF date \"2022~\": qualifiers"},
		{"2023", "2022-12", "--to 2022-12 ends before --from 2023 begins"},
	} {
		if _, _, err := viewDays(tt.from, tt.to); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("viewDays(%q, %q): %v, want an error containing %q", tt.from, tt.to, err, tt.want)
		}
	}
}

// TestCLI_ScreenshotEDTF runs screenshot with EDTF dates, which the window
// takes as the days they cover, and with one it cannot read.
func TestCLI_ScreenshotEDTF(t *testing.T) {
	path := tempCorpus(t)
	png := filepath.Join(t.TempDir(), "s.png")
	if code, _, errOut := runCLI(t, "screenshot", "--corpus", path, "-o", png, "--size", "800x600",
		"--from", "2022-11/2022-12-14", "--to", "2023-02"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	code, _, errOut := runCLI(t, "screenshot", "--corpus", path, "-o", png, "--from", "2022-12-40", "--to", "2023")
	if code != 2 || !strings.Contains(errOut, "--from: ") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, %q; want a one-line usage error naming --from", code, errOut)
	}
}

// fileSum is the SHA-256 of the file at path.
func fileSum(tb testing.TB, path string) [32]byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return sha256.Sum256(b)
}

// TestCLI_Review changes an event's review in one command, prints it, and
// finds it again on the next run and in the export.
func TestCLI_Review(t *testing.T) {
	path := tempCorpus(t)
	code, out, errOut := runCLI(t, "review", "castillo-removed", "--corpus", path,
		"--status", "needs-source", "--note", "check the wire", "--tag", "succession", "--tag", "arrest")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"castillo-removed  Congress removes Castillo", "status: needs-source",
		"tags:   arrest, succession", "  1  ", "check the wire"} {
		if !strings.Contains(out, want) {
			t.Errorf("review output lacks %q:\n%s", want, out)
		}
	}
	code, out, errOut = runCLI(t, "review", "--corpus", path, "castillo-removed", "--untag", "arrest")
	if code != 0 || !strings.Contains(out, "tags:   succession\n") || !strings.Contains(out, "status: needs-source") {
		t.Errorf("untag: exit %d\n%s%s", code, out, errOut)
	}

	// Reading it writes nothing.
	before := fileSum(t, path)
	code, out, _ = runCLI(t, "review", "--corpus", path, "castillo-removed")
	if code != 0 || !strings.Contains(out, "check the wire") {
		t.Errorf("review without flags: exit %d\n%s", code, out)
	}
	if fileSum(t, path) != before {
		t.Error("review without flags wrote to the corpus")
	}

	code, out, _ = runCLI(t, "export", "--corpus", path, "--status", "needs-source", "--tag", "succession")
	var x struct {
		Documents []map[string]any `json:"documents"`
		Events    []struct {
			ID     string            `json:"id"`
			Review data.ExportReview `json:"review"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &x); code != 0 || err != nil {
		t.Fatalf("export: exit %d, %v", code, err)
	}
	if len(x.Events) != 1 || x.Events[0].ID != "castillo-removed" || x.Events[0].Review.Status != "needs-source" ||
		len(x.Events[0].Review.Notes) != 1 || x.Events[0].Review.Notes[0].Body != "check the wire" || len(x.Documents) == 0 || len(x.Documents) == 5 {
		t.Errorf("export --status --tag: %d documents, events %+v", len(x.Documents), x.Events)
	}
	if code, out, _ := runCLI(t, "export", "--corpus", path, "--status", "verified"); code != 0 || !strings.Contains(out, `"events": []`) {
		t.Errorf("export --status verified: exit %d\n%.300s", code, out)
	}
}

// TestCLI_ReviewRefused gives an unknown event and an unknown status: one
// line naming it, exit 1, and the corpus file unchanged.
func TestCLI_ReviewRefused(t *testing.T) {
	path := tempCorpus(t)
	if code, _, errOut := runCLI(t, "check", "--corpus", path); code != 0 {
		t.Fatal(errOut)
	}
	before := fileSum(t, path)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"review", "no-such-event", "--status", "verified", "--tag", "x"}, `"no-such-event"`},
		{[]string{"review", "castillo-removed", "--tag", "x", "--status", "maybe"}, `unknown status "maybe"`},
		{[]string{"export", "--status", "maybe"}, `unknown status "maybe"`},
	} {
		code, out, errOut := runCLI(t, append(tt.args, "--corpus", path)...)
		if code != 1 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want one line with %s", tt.args, code, out, errOut, tt.want)
		}
	}
	if fileSum(t, path) != before {
		t.Error("a refused review wrote to the corpus")
	}
	if code, _, errOut := runCLI(t, "review", "--corpus", path); code != 2 || !strings.Contains(errOut, "EVENT_ID") {
		t.Errorf("review without an id: exit %d %s", code, errOut)
	}
}

// TestCLI_ReviewUpdatesBundled checks that review, which writes, brings
// an out-of-date --corpus file's bundled events up to date first, while
// export, which reads, leaves the file as it is.
func TestCLI_ReviewUpdatesBundled(t *testing.T) {
	path := tempCorpus(t)
	if code, _, errOut := runCLI(t, "check", "--corpus", path); code != 0 {
		t.Fatal(errOut)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE meta SET value = 'older' WHERE key = 'source_digest'`,
		`UPDATE events SET title = 'stale title' WHERE id = 'castillo-removed'`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	before := fileSum(t, path)
	if code, out, _ := runCLI(t, "export", "--corpus", path); code != 0 || !strings.Contains(out, "stale title") {
		t.Errorf("export: exit %d", code)
	}
	if fileSum(t, path) != before {
		t.Error("export wrote to the corpus")
	}
	code, out, errOut := runCLI(t, "review", "castillo-removed", "--corpus", path, "--status", "verified")
	if code != 0 || strings.Contains(out, "stale title") || !strings.Contains(out, "Congress removes Castillo") {
		t.Errorf("review on an out-of-date corpus: exit %d\n%s%s", code, out, errOut)
	}
}

// exportedJSON is the corpus at path exported as JSON.
func exportedJSON(tb testing.TB, path string) string {
	tb.Helper()
	code, out, errOut := runCLI(tb, "export", "--corpus", path)
	if code != 0 {
		tb.Fatalf("export: exit %d: %s", code, errOut)
	}
	return out
}

func TestCLI_Import(t *testing.T) {
	path := tempCorpus(t)
	md := filepath.Join("data", "testdata", "import", "dateline.md")
	tl := filepath.Join("data", "testdata", "import", "timeline.json")
	code, out, errOut := runCLI(t, "import", "--corpus", path, md, tl)
	if code != 0 || !strings.Contains(out, md+": document user-doc-") || !strings.Contains(out, "(published 2022-12-21)") ||
		!strings.Contains(out, `"on Tuesday"`) || !strings.Contains(out, "3 events: user-") || !strings.Contains(out, "imported 2, refused 0") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "import", "--corpus", path, "--json", md)
	var files []importedFile
	if err := json.Unmarshal([]byte(strings.TrimSuffix(out, "imported 1, refused 0\n")), &files); code != 0 || err != nil {
		t.Fatalf("exit %d, %v\n%s%s", code, err, out, errOut)
	}
	if len(files) != 1 || !files[0].Duplicate || len(files[0].Candidates) != 4 {
		t.Errorf("json %+v", files)
	}
	code, out, _ = runCLI(t, "search", "--corpus", path, "zanzibarite")
	if code != 0 || !strings.Contains(out, "user-doc-") {
		t.Errorf("the imported document is not found: %s", out)
	}
}

func TestCLI_ImportRefused(t *testing.T) {
	path := tempCorpus(t)
	if code, _, errOut := runCLI(t, "check", "--corpus", path); code != 0 {
		t.Fatal(errOut)
	}
	dir := t.TempDir()
	bad := map[string]struct {
		body, reason string
	}{
		"truncated.json": {`{"events": [{"start_date": {"year": 20`, "truncated JSON: it ends at line 1"},
		"binary.txt":     {"abc\x00\x01\x02", "binary content: a NUL byte at offset 3 (line 1)"},
		"latin1.txt":     {"Title\n\nLa canci\xf3n", "invalid UTF-8 at byte offset 15 (line 3)"},
		"month13.json":   {`{"events": [{"start_date": {"year": 2022, "month": 13}, "text": {"headline": "A"}}]}`, "events[0]: start_date: month 13 does not exist"},
		"empty.txt":      {"", "the file is empty"},
		"month13.csv":    {"Year,Month,Headline\n2022,13,A\n", `line 2, column "Month": month 13 does not exist`},
	}
	before := exportedJSON(t, path)
	for name, b := range bad {
		file := filepath.Join(dir, name)
		if err := os.WriteFile(file, []byte(b.body), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCLI(t, "import", "--corpus", path, file)
		if code != 1 || !strings.Contains(out, "imported 0, refused 1") || !strings.Contains(errOut, file) || !strings.Contains(errOut, b.reason) {
			t.Errorf("%s: exit %d\n%s%s", name, code, out, errOut)
		}
		if after := exportedJSON(t, path); after != before {
			t.Errorf("%s: the corpus changed", name)
		}
	}
	good := filepath.Join("data", "testdata", "import", "dateline.md")
	code, out, _ := runCLI(t, "import", "--corpus", path, filepath.Join(dir, "binary.txt"), good)
	if code != 1 || !strings.Contains(out, "imported 1, refused 1") {
		t.Errorf("one good, one bad: exit %d\n%s", code, out)
	}
}

// TestCLI_Backup copies a corpus with a review: the copy checks clean and
// holds it; a second backup to the same file is refused, exit 1, the file
// left as it was; without -o it is a usage error.
func TestCLI_Backup(t *testing.T) {
	path := tempCorpus(t)
	if code, out, errOut := runCLI(t, "review", "--corpus", path, "castillo-removed", "--note", "check the wire"); code != 0 {
		t.Fatalf("review: exit %d\n%s%s", code, out, errOut)
	}
	before := fileSum(t, path)
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	code, out, errOut := runCLI(t, "backup", "--corpus", path, "-o", copyPath)
	if code != 0 || !strings.HasPrefix(out, "backed up "+path+" to "+copyPath+" (5 documents") {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "review", "--corpus", copyPath, "castillo-removed"); code != 0 || !strings.Contains(out, "check the wire") {
		t.Errorf("the copy's review: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "check", "--corpus", copyPath); code != 0 {
		t.Errorf("check of the copy: exit %d\n%s%s", code, out, errOut)
	}
	copied := fileSum(t, copyPath)
	code, _, errOut = runCLI(t, "backup", "--corpus", path, "-o", copyPath)
	if code != 1 || !strings.Contains(errOut, copyPath+": file already exists") {
		t.Errorf("backup over a file: exit %d, %s", code, errOut)
	}
	if fileSum(t, copyPath) != copied || fileSum(t, path) != before {
		t.Error("a file changed")
	}
	if code, _, errOut := runCLI(t, "backup", "--corpus", path); code != 2 || !strings.Contains(errOut, "-o FILE") {
		t.Errorf("backup without -o: exit %d, %s", code, errOut)
	}
}

// TestCLI_Rebuild rebuilds a corpus whose bundled events were garbled and
// that holds a review: the events are as the sources have them, the review
// is kept, the corpus as it was is backed up, and the check it ends with
// passes.
func TestCLI_Rebuild(t *testing.T) {
	path := tempCorpus(t)
	if code, out, errOut := runCLI(t, "review", "--corpus", path, "castillo-removed", "--note", "check the wire", "--tag", "coup"); code != 0 {
		t.Fatalf("review: exit %d\n%s%s", code, out, errOut)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE events SET title = 'garbled' WHERE origin = 'bundled'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errOut := runCLI(t, "rebuild", "--corpus", path)
	if code != 0 || !strings.Contains(out, "rebuilt "+path+" from the bundled sources; as it was before, it is in "+
		filepath.Join(filepath.Dir(path), "backups", "corpus-")) || !strings.Contains(out, path+": ok (5 documents") {
		t.Fatalf("rebuild: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "review", "--corpus", path, "castillo-removed")
	if code != 0 || strings.Contains(out, "garbled") || !strings.Contains(out, "check the wire") || !strings.Contains(out, "tags:   coup") {
		t.Errorf("after the rebuild: exit %d\n%s%s", code, out, errOut)
	}
}

// TestCLI_InterruptedWrite checks a corpus copied with its journal while a
// write was under way, as a process killed inside the write leaves it: a
// read-only command rolls the write back and reads the corpus as it was.
func TestCLI_InterruptedWrite(t *testing.T) {
	path := tempCorpus(t)
	if code, out, errOut := runCLI(t, "check", "--corpus", path); code != 0 {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=cache_size(4)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE documents SET text = text || ' interrupted', title = 'interrupted'`); err != nil {
		t.Fatal(err)
	}
	interrupted := filepath.Join(t.TempDir(), "interrupted.db")
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(interrupted+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI(t, "check", "--corpus", interrupted)
	if code != 0 || !strings.Contains(out, "ok (5 documents") {
		t.Errorf("check after an interrupted write: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "search", "--corpus", interrupted, "interrupted"); code != 0 || !strings.Contains(out, "no matches") {
		t.Errorf("search after the rollback: exit %d\n%s%s", code, out, errOut)
	}
}

// An import whose text holds more dates than an import lists says it lists
// only the first of them.
func TestCLI_ImportSaysDatesAreCut(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.db")
	file := filepath.Join(dir, "dates.txt")
	var b strings.Builder
	b.WriteString("Lima, 21 December 2022.\n\n")
	for i := range data.MaxCandidates + 5 {
		fmt.Fprintf(&b, "Item %d: the ministry met on 7 December 2022.\n", i)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "import", "--corpus", path, file)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("(only the first %d dates found in the text are listed)", data.MaxCandidates)) {
		t.Fatalf("exit %d, want the list said to be cut\n…%s\n%s", code, out[max(0, len(out)-300):], errOut)
	}
}
