package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
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
	db.Close()
	code, out, errOut = runCLI(t, "check", "--corpus", path)
	if code != 1 || !strings.Contains(out, "event castillo-removed: evidence from") || !strings.Contains(errOut, "problems") {
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
		for _, k := range []string{"id", "title", "summary", "start", "end", "precision", "date_basis", "date_note", "category", "actors", "places", "sources"} {
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
	if code, _, errOut := runCLI(t, "export", "--corpus", path, "--format", "csv"); code != 2 || !strings.Contains(errOut, "only json") {
		t.Errorf("export --format csv: exit %d %s", code, errOut)
	}
}

func TestCLI_BadCorpusFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	tests := []struct {
		name, content, want string
	}{
		{"notes.txt", "not a database at all", "not a SQLite database"},
		{"empty.db", "", "file is empty"},
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
