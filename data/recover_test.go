package data_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"chronoscope/assets"
	"chronoscope/data"
)

// interruptWrite has another process begin a write to the corpus at path,
// change pages of the file itself (a cache of a few pages spills them
// before the commit), and be killed inside the transaction, leaving a hot
// journal beside the corpus.
func interruptWrite(tb testing.TB, path string, rows int) {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "CHRONOSCOPE_HELPER=interrupt-write", "CHRONOSCOPE_HELPER_CORPUS="+path,
		fmt.Sprintf("CHRONOSCOPE_HELPER_ROWS=%d", rows))
	waitForLine(tb, cmd, "written")
	if _, err := os.Stat(path + "-journal"); err != nil {
		tb.Fatalf("the killed write left no journal: %v", err)
	}
}

// waitForLine starts cmd, reads its output until it prints want, and kills
// it (SIGKILL on Unix).
func waitForLine(tb testing.TB, cmd *exec.Cmd, want string) {
	tb.Helper()
	out, err := cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	var said []string
	for sc.Scan() && sc.Text() != want {
		said = append(said, sc.Text())
	}
	if err := cmd.Process.Kill(); err != nil {
		tb.Fatal(err)
	}
	cmd.Wait()
	if sc.Text() != want {
		tb.Fatalf("the helper never said %q: %s", want, strings.Join(said, "\n"))
	}
}

// TestHelperProcess is the other process of the tests that kill one: it
// does what CHRONOSCOPE_HELPER says and is killed while it waits.
func TestHelperProcess(t *testing.T) {
	switch os.Getenv("CHRONOSCOPE_HELPER") {
	case "":
		t.Skip("run by other tests")
	case "interrupt-write":
		helperInterruptWrite(os.Getenv("CHRONOSCOPE_HELPER_CORPUS"), os.Getenv("CHRONOSCOPE_HELPER_ROWS"))
	case "create":
		helperCreate(os.Getenv("CHRONOSCOPE_HELPER_CORPUS"))
	case "write-now":
		helperWriteNow(os.Getenv("CHRONOSCOPE_HELPER_CORPUS"))
	}
	os.Exit(0)
}

func helperInterruptWrite(path, rows string) {
	fail := func(err error) {
		fmt.Println(err)
		os.Exit(1)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=cache_size(4)&_txlock=immediate")
	if err != nil {
		fail(err)
	}
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		fail(err)
	}
	if _, err := tx.Exec(`UPDATE documents SET text = text || ' interrupted', title = 'interrupted'
		WHERE rowid IN (SELECT rowid FROM documents ORDER BY rowid LIMIT ` + rows + `)`); err != nil {
		fail(err)
	}
	if _, err := tx.Exec(`INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at)
		VALUES ('event', 'castillo-removed', 'never committed', '2026-11-30', '2026-11-30')`); err != nil {
		fail(err)
	}
	fmt.Println("written")
	time.Sleep(time.Minute)
}

func helperCreate(path string) {
	fmt.Println("building")
	if err := data.Create(context.Background(), path, assets.Corpus()); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("built")
	time.Sleep(time.Minute)
}

// TestOpen_RollsBackInterruptedWrite has a process killed inside a write
// transaction, 20 times; each time a read-only open afterwards rolls the write back, as SQLite
// would on a writable open, rather than failing with "attempt to write a
// readonly database", and the corpus is as it was before the write.
func TestOpen_RollsBackInterruptedWrite(t *testing.T) {
	ctx := context.Background()
	// Twenty kills, each after changing some of the documents.
	for i := range 20 {
		rows := []int{1, 5, 20, 100, 1000}[i%5]
		t.Run(fmt.Sprint(i, "-", rows), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "corpus.db")
			if err := data.Create(ctx, path, assets.Corpus()); err != nil {
				t.Fatal(err)
			}
			interruptWrite(t, path, rows)
			s, err := data.Open(ctx, path, data.ReadOnly())
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if !s.IsReadOnly() {
				t.Error("opened read-write; want read-only, as asked")
			}
			if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the journal is still there: %v", err)
			}
			var changed, notes int
			if err := s.DB().QueryRow(`SELECT count(*) FROM documents WHERE title = 'interrupted'`).Scan(&changed); err != nil {
				t.Fatal(err)
			}
			if err := s.DB().QueryRow(`SELECT count(*) FROM user_notes`).Scan(&notes); err != nil {
				t.Fatal(err)
			}
			if changed != 0 || notes != 0 {
				t.Errorf("after the rollback %d documents and %d notes hold the interrupted write", changed, notes)
			}
			probs, err := s.Check(ctx)
			if err != nil || len(probs) > 0 {
				t.Errorf("check: %v %v", probs, err)
			}
		})
	}
}

// TestOpen_InterruptedWriteUnwritable checks that a corpus holding an
// interrupted write that cannot be rolled back here (the file or its folder
// is read-only) is refused in words that say what to do, and left as it is.
func TestOpen_InterruptedWriteUnwritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write whatever the permissions say")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "corpus.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	interruptWrite(t, path, 20)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before, journal := fileDigest(t, path), fileDigest(t, path+"-journal")
	_, err := data.Open(ctx, path, data.ReadOnly())
	if !errors.Is(err, data.ErrInterruptedWrite) {
		t.Fatalf("open: %v, want ErrInterruptedWrite", err)
	}
	want := path + " has an interrupted write (" + path + "-journal) that must be rolled back: open it once where it can be written"
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("open: %q\nwant it to start %q", err, want)
	}
	if !bytes.Equal(fileDigest(t, path), before) || !bytes.Equal(fileDigest(t, path+"-journal"), journal) {
		t.Error("the corpus or its journal changed")
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, path, data.ReadOnly())
	if err != nil {
		t.Fatalf("once writable: %v", err)
	}
	s.Close()
}

// helperWriteNow writes a note to the corpus without waiting for a lock,
// and says whether it "committed" or found the corpus "busy".
func helperWriteNow(path string) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	if err == nil {
		_, err = db.Exec(`INSERT INTO user_notes (target_kind, target_id, body, created_at, updated_at)
			VALUES ('event', 'castillo-removed', 'written during a read', '2026-11-30', '2026-11-30')`)
	}
	switch {
	case err == nil:
		fmt.Println("committed")
	case strings.Contains(err.Error(), "locked"):
		fmt.Println("busy")
	default:
		fmt.Println(err)
	}
}

// The scan for pages all zeros, which check makes inside its read
// transaction, keeps that transaction's read lock: another process cannot
// write until the transaction ends. It read the file itself, and closing
// the file dropped every lock the process held on it (POSIX locks are the
// process's): writers got in while check read, and check reported the
// pages they were writing as damage on a sound file.
func TestZeroPages_KeepsTheReadLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	if err := data.Create(ctx, path, assets.Corpus()); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := data.ZeroPages(ctx, tx); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "CHRONOSCOPE_HELPER=write-now", "CHRONOSCOPE_HELPER_CORPUS="+path)
	out, err := cmd.Output()
	if got := strings.TrimSpace(string(out)); err != nil || got != "busy" {
		t.Errorf("another process writing during the read: %q (%v), want it kept out (busy)", got, err)
	}
}
