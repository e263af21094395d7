package data_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"chronoscope/data"
)

// Item 4 of issue 13: a process writing is killed (SIGKILL) at random
// moments, many times; each time the corpus is whole, check passes, and
// everything the process said it had written is there. A process says so
// on stdout only once its transaction has committed.
//
// CHRONOSCOPE_KILLS sets how many kills (crashKills by default);
// CHRONOSCOPE_KILL_SEED the seed of the moments.

// crashKills is how many times each test kills its writer in a normal run.
const crashKills = 100

func kills(tb testing.TB) (int, *rand.Rand) {
	tb.Helper()
	n, seed := crashKills, uint64(13)
	if s := os.Getenv("CHRONOSCOPE_KILLS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			tb.Fatal(err)
		}
		n = v
	}
	if s := os.Getenv("CHRONOSCOPE_KILL_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			tb.Fatal(err)
		}
		seed = v
	}
	return n, rand.New(rand.NewPCG(seed, seed))
}

// killAtRandom runs this test binary as the writer named by env, kills it
// after it has confirmed a random number of writes and a random moment
// more, and returns every line it confirmed, those written before the
// kill landed included.
func killAtRandom(tb testing.TB, rng *rand.Rand, test string, env ...string) []string {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var confirmed []string
	take := func(l string) {
		if rest, ok := strings.CutPrefix(l, "ok "); ok {
			confirmed = append(confirmed, rest)
		} else {
			tb.Errorf("the writer: %s", l)
		}
	}
	// Most kills land in the middle of a write, some before the first.
	for range rng.IntN(6) {
		l, ok := <-lines
		if !ok {
			break
		}
		take(l)
	}
	time.Sleep(time.Duration(rng.IntN(20_000)) * time.Microsecond)
	if err := cmd.Process.Kill(); err != nil {
		tb.Fatal(err)
	}
	for l := range lines {
		take(l)
	}
	cmd.Wait()
	return confirmed
}

// wholeAfterKills checks the corpus at path as every kill must leave it:
// SQLite finds it whole and Check finds nothing wrong. It opens it
// writable, as the next writer would, which rolls back what a killed one
// left half-written.
func wholeAfterKills(tb testing.TB, path string) *data.Store {
	tb.Helper()
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	var res string
	if err := s.DB().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		tb.Fatalf("integrity_check: %q %v", res, err)
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) > 0 {
		tb.Fatalf("check: %v %v", probs, err)
	}
	return s
}

// killRounds runs test as a process writing to a new corpus, its variable
// env naming the corpus, and kills it at random moments, kills(t) times.
// It returns the number of kills, the corpus and what the processes
// confirmed they wrote.
func killRounds(t *testing.T, test, env string) (n int, path string, confirmed []string) {
	t.Helper()
	n, rng := kills(t)
	s := MustOpenDB(t)
	path = s.Path()
	s.Close()
	for k := range n {
		confirmed = append(confirmed, killAtRandom(t, rng, test, env+"="+path, fmt.Sprintf("CHRONOSCOPE_CRASH_ROUND=%d", k))...)
		if t.Failed() {
			t.FailNow()
		}
	}
	return n, path, confirmed
}

func TestCrash_ReviewNotes(t *testing.T) {
	if path := os.Getenv("CHRONOSCOPE_CRASH_NOTES"); path != "" {
		writeNotes(path, os.Getenv("CHRONOSCOPE_CRASH_ROUND"))
		return
	}
	if testing.Short() {
		t.Skip("kills a process many times")
	}
	n, path, confirmed := killRounds(t, "TestCrash_ReviewNotes", "CHRONOSCOPE_CRASH_NOTES")
	s := wholeAfterKills(t, path)
	r := mustReview(t, s, data.KindEvent, "castillo-removed")
	have := map[string]bool{}
	for _, note := range r.Notes {
		have[note.Body] = true
	}
	lost := 0
	for _, c := range confirmed {
		if !have[c] {
			lost++
			t.Errorf("%q was confirmed and is not in the corpus", c)
		}
	}
	t.Logf("kills %d, notes confirmed %d, notes in the corpus %d, notes lost %d", n, len(confirmed), len(r.Notes), lost)
}

// writeNotes is the process TestCrash_ReviewNotes kills: it adds notes
// until it is, saying each once it is written.
func writeNotes(path, round string) {
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		body := fmt.Sprintf("round %s note %d", round, i)
		if _, err := s.AddNote(ctx, data.KindEvent, "castillo-removed", body); err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("ok " + body)
	}
}

func TestCrash_Imports(t *testing.T) {
	if path := os.Getenv("CHRONOSCOPE_CRASH_IMPORTS"); path != "" {
		writeImports(path, os.Getenv("CHRONOSCOPE_CRASH_ROUND"))
		return
	}
	if testing.Short() {
		t.Skip("kills a process many times")
	}
	n, path, confirmed := killRounds(t, "TestCrash_Imports", "CHRONOSCOPE_CRASH_IMPORTS")
	s := wholeAfterKills(t, path)
	docs := wholeImports(t, s.DB())
	lost := 0
	for _, c := range confirmed {
		if !docs[c] {
			lost++
			t.Errorf("document %s was confirmed and is not in the corpus", c)
		}
	}
	t.Logf("kills %d, imports confirmed %d, documents in the corpus %d, imports lost %d", n, len(confirmed), len(docs), lost)
}

// wholeImports checks that every imported document is whole, and returns
// their ids: its text, its row in the full-text index, and for a timeline
// its three events, each with its evidence and its full-text row.
func wholeImports(tb testing.TB, db *sql.DB) map[string]bool {
	tb.Helper()
	rows, err := db.Query(`SELECT d.id, d.title, length(d.text),
			(SELECT count(*) FROM text_index t WHERE t.ref = d.id AND t.body = d.text),
			(SELECT count(*) FROM evidence v JOIN events e ON e.id = v.event_id WHERE v.document_id = d.id AND e.origin = 'user'),
			(SELECT count(*) FROM evidence v JOIN event_text x ON x.ref = v.event_id WHERE v.document_id = d.id)
		FROM documents d WHERE d.origin = 'user'`)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	docs := map[string]bool{}
	for rows.Next() {
		var (
			id, title                      string
			textLen, indexed, evs, evTexts int
		)
		if err := rows.Scan(&id, &title, &textLen, &indexed, &evs, &evTexts); err != nil {
			tb.Fatal(err)
		}
		wantEvents := 0
		if strings.HasPrefix(title, "Timeline") {
			wantEvents = 3
		}
		if textLen == 0 || indexed != 1 || evs != wantEvents || evTexts != wantEvents {
			tb.Errorf("document %s (%s) is half-imported: text %d runes, %d index rows, %d events, %d event text rows", id, title, textLen, indexed, evs, evTexts)
		}
		docs[id] = true
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

// writeImports is the process TestCrash_Imports kills: it imports
// documents, a text and a timeline by turns, until it is, saying each
// once it is written.
func writeImports(path, round string) {
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	for i := 0; ; i++ {
		name, text := fmt.Sprintf("round-%s-%d.txt", round, i),
			fmt.Sprintf("Dispatch %s/%d\n\n%s", round, i, strings.Repeat(fmt.Sprintf("Filed on 3 March 2023, dispatch %s/%d reports the talks. ", round, i), 40))
		if i%2 == 1 {
			name, text = fmt.Sprintf("round-%s-%d.json", round, i), fmt.Sprintf(`{"title": {"text": {"headline": "Timeline %s/%d"}}, "events": [
				{"start_date": {"year": 2018}, "text": {"headline": "Planned %s/%d"}},
				{"start_date": {"year": 2019, "month": 3, "day": 4}, "text": {"headline": "Built %s/%d"}},
				{"start_date": {"year": 2022, "month": 12, "day": 20}, "text": {"headline": "Opened %s/%d"}}]}`,
				round, i, round, i, round, i, round, i)
		}
		res, err := s.Import(ctx, name, strings.NewReader(text))
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
		fmt.Println("ok " + res.DocumentID)
	}
}
