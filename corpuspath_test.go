//go:build !ci

package main

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
)

// TestStorageCorpusPath_AgreesWithCommandLine checks on this system that
// the window, which asks Fyne's storage API where the user's corpus is,
// and the command line, which follows Fyne's rule, name one file. It needs
// Fyne's desktop driver (-tags ci moves the storage to a test folder), so
// it runs without -tags ci: `make unit` runs it so. The app is made in a
// child process: its settings watchers recreate the folders they watch
// for as long as it lives, and would outlast the test's temporary ones.
func TestStorageCorpusPath_AgreesWithCommandLine(t *testing.T) {
	if os.Getenv("CHRONOSCOPE_TEST_PRINT_STORAGE_CORPUS") != "" {
		fmt.Print(storageCorpusPath(newApp()))
		os.Exit(0)
	}
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	want, err := defaultCorpusPath()
	if err != nil {
		t.Fatal(err)
	}
	child := exec.Command(os.Args[0], "-test.run=^TestStorageCorpusPath_AgreesWithCommandLine$")
	child.Env = append(os.Environ(), "CHRONOSCOPE_TEST_PRINT_STORAGE_CORPUS=1")
	got, err := child.Output()
	if err != nil {
		t.Fatalf("the child: %v", err)
	}
	if string(got) != want {
		t.Errorf("the window's corpus is %s, the command line's %s", got, want)
	}
}
