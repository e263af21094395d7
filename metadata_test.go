package main

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestCLI_Version checks that --version prints what FyneApp.toml, the
// file fyne package reads, says: every build reports the packaged version.
func TestCLI_Version(t *testing.T) {
	var f struct {
		Details struct {
			Name, Version string
			Build         int
		}
	}
	if _, err := toml.DecodeFile("FyneApp.toml", &f); err != nil {
		t.Fatal(err)
	}
	if f.Details.Name == "" || f.Details.Version == "" || f.Details.Build < 1 {
		t.Fatalf("FyneApp.toml lacks a name, version or build: %+v", f.Details)
	}
	want := fmt.Sprintf("%s %s (build %d)\n", f.Details.Name, f.Details.Version, f.Details.Build)
	for _, args := range [][]string{{"--version"}, {"-version"}, {"--version", "--corpus", "nowhere.db"}} {
		if code, out, errOut := runCLI(t, args...); code != 0 || out != want || errOut != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %q", args, code, out, errOut, want)
		}
	}
}

// TestAppMetadata checks that the metadata a plain build gives the app
// carries FyneApp.toml's id, the one the app's storage is named by, and
// the bundled icon.
func TestAppMetadata(t *testing.T) {
	m, err := appMetadata()
	if err != nil {
		t.Fatal(err)
	}
	if m.ID != appID || m.Name != "Chronoscope" || m.Version == "" || m.Build < 1 {
		t.Errorf("metadata %+v; want id %s, name Chronoscope, a version and a build", m, appID)
	}
	if m.Icon == nil || len(m.Icon.Content()) == 0 {
		t.Error("no icon")
	}
}

// TestFyneConfigRoot checks the command line's copy of Fyne's rule for
// where apps' storage lives, on each desktop system.
func TestFyneConfigRoot(t *testing.T) {
	home, config := t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", config)
	for goos, want := range map[string]string{
		"darwin":  filepath.Join(home, "Library", "Preferences", "fyne"),
		"windows": filepath.Join(home, "AppData", "Roaming", "fyne"),
		"linux":   filepath.Join(config, "fyne"),
		"freebsd": filepath.Join(config, "fyne"),
	} {
		if got, err := fyneConfigRoot(goos); err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", goos, got, err, want)
		}
	}
}
