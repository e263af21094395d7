package main

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// generate runs generate with args and fails tb unless it succeeds.
func generate(tb testing.TB, args ...string) {
	tb.Helper()
	if code, out, errOut := runCLI(tb, append([]string{"generate"}, args...)...); code != 0 {
		tb.Fatalf("generate %v: exit %d\n%s%s", args, code, out, errOut)
	}
}

// TestCLI_Generate checks that a generated corpus opens, passes check, has
// the events and documents asked for, in the shapes the measurements need,
// and that a seed always gives the same corpus and another seed another.
func TestCLI_Generate(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	generate(t, "--events", "400", "--seed", "3", "-o", path("a.db"))
	generate(t, "--events", "400", "--seed", "3", "-o", path("b.db"))
	generate(t, "--events", "400", "--seed", "4", "-o", path("c.db"))
	generate(t, "--events", "400", "--documents", "7", "--long-document-mb", "0.5", "-o", path("long.db"))

	for name, want := range map[string]string{"a.db": "ok (40 documents, 400 events)", "long.db": "ok (8 documents, 400 events)"} {
		code, out, errOut := runCLI(t, "check", "--corpus", path(name))
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("check %s: exit %d, %q%s; want %q", name, code, out, errOut, want)
		}
	}
	a, b, c := exportedJSON(t, path("a.db")), exportedJSON(t, path("b.db")), exportedJSON(t, path("c.db"))
	if a != b {
		t.Error("the same seed gave two different corpora")
	}
	if a == c {
		t.Error("seeds 3 and 4 gave the same corpus")
	}

	db, err := sql.Open("sqlite", path("long.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var longest int
	var quoted int
	if err := db.QueryRow(`SELECT max(length(text)) FROM documents`).Scan(&longest); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM evidence WHERE document_id = 'doc-long'`).Scan(&quoted); err != nil {
		t.Fatal(err)
	}
	// Length counts characters; the accents make a character more than a byte.
	if longest < 400_000 || longest > 1<<19 || quoted == 0 {
		t.Errorf("the longest document has %d characters, quoted by %d events; want about 0.5 MB, quoted", longest, quoted)
	}
	checkShapes(t, db)
}

// checkShapes checks that the events have titles of 40 to 90 characters,
// and the dates a researcher's sources give: undated events, moments of a
// day, month or year, spans with an open end.
func checkShapes(tb testing.TB, db *sql.DB) {
	tb.Helper()
	rows, err := db.Query(`SELECT title, coalesce(shape, ''), from_precision, to_precision FROM events`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	seen := map[string]int{}
	for rows.Next() {
		var title, shape, from, to string
		if err := rows.Scan(&title, &shape, &from, &to); err != nil {
			tb.Fatal(err)
		}
		if n := utf8.RuneCountInString(title); n < 40 || n > 90 {
			tb.Errorf("title %q has %d characters, want 40 to 90", title, n)
		}
		seen[fmt.Sprintf("%s %s/%s", shape, from, to)]++
		if strings.Contains(title, " in ") {
			seen["english"]++
		}
	}
	for _, want := range []string{" /", "moment day/day", "moment month/month", "moment year/year", "moment /",
		"span day/day", "span day/open", "span open/day", "english"} {
		if seen[want] == 0 {
			tb.Errorf("no event of shape %q in %v", want, seen)
		}
	}
}

// TestCLI_GenerateRefuses checks that generate never overwrites a file and
// says what it needs.
func TestCLI_GenerateRefuses(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "mine.db")
	if err := os.WriteFile(path, []byte("my own work"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "generate", "--events", "10", "-o", path)
	if got, _ := os.ReadFile(path); code != 1 || string(got) != "my own work" || !strings.Contains(errOut, "exists") {
		t.Errorf("generate over a file: exit %d, %q, file now %q", code, errOut, got)
	}
	for _, args := range [][]string{
		{"-o", path + "2"},
		{"--events", "10"},
		{"--events", "0", "-o", path + "2"},
		{"--events", "10", "--long-document-mb", "-1", "-o", path + "2"},
	} {
		if code, _, errOut := runCLI(t, append([]string{"generate"}, args...)...); code != 2 || strings.Count(errOut, "\n") != 1 {
			t.Errorf("generate %v: exit %d, %q; want exit 2 and one line", args, code, errOut)
		}
	}
	if _, err := os.Stat(path + "2"); err == nil {
		t.Error("a refused generate wrote a corpus")
	}
}
