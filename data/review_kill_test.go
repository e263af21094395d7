package data_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"chronoscope/data"
)

// TestReview_SurvivesKill has another process write a review, say so, and
// wait; it is then killed (SIGKILL on Unix, as kill -9), the store never
// closed, and the review is all there.
func TestReview_SurvivesKill(t *testing.T) {
	if path := os.Getenv("CHRONOSCOPE_KILL_CORPUS"); path != "" {
		writeThenWait(path)
		return
	}
	s := MustOpenDB(t)
	path := s.Path()
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReview_SurvivesKill$")
	cmd.Env = append(os.Environ(), "CHRONOSCOPE_KILL_CORPUS="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && sc.Text() != "written" {
		t.Log(sc.Text())
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	s, err = data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := mustReview(t, s, data.KindEvent, "castillo-removed")
	if r.Status != data.Disputed || len(r.Tags) != 1 || len(r.Notes) != 1 || r.Notes[0].Body != "written before the kill" {
		t.Errorf("after the kill: %+v", r)
	}
	if _, err := s.Event(context.Background(), "castillo-removed"); err != nil {
		t.Error(err)
	}
}

// writeThenWait is the process TestReview_SurvivesKill kills.
func writeThenWait(path string) {
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	for _, err := range []error{
		s.SetStatus(ctx, "castillo-removed", data.Disputed),
		s.AddTag(ctx, "castillo-removed", "arrest"),
		func() error {
			_, err := s.AddNote(ctx, data.KindEvent, "castillo-removed", "written before the kill")
			return err
		}(),
	} {
		if err != nil {
			fmt.Println(err)
			os.Exit(1)
		}
	}
	fmt.Println("written")
	time.Sleep(time.Minute)
	os.Exit(0)
}
