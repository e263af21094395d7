package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// layoutState is what the window remembers between runs.
type layoutState struct {
	Width, Height         float32
	MainSplit, LowerSplit float64
	// From and To are the timeline's visible range on the corpus named by
	// Corpus (its file).
	Corpus   string
	From, To time.Time
	// Lanes is "group" or "category".
	Lanes string
}

// defaultLayout is the layout of a first run. Its size fits a 1024×640
// screen under a title bar and a panel: a window taller than the screen
// hides its status line.
var defaultLayout = layoutState{Width: 1000, Height: 580, MainSplit: 0.45, LowerSplit: 0.3, Lanes: "group"}

// layoutFile keeps the layout in a file of its own, written whole and at
// once when the window closes. (Fyne's preferences write the first change
// at once and later ones 100 ms on, which a closing app does not wait for:
// a layout saved there came back with only its first value.)
type layoutFile struct {
	path string // "" remembers nothing
}

// load reads the saved layout; a missing or unreadable file gives the
// default, since a layout is not worth refusing to start over.
func (f layoutFile) load() (layoutState, error) {
	st := defaultLayout
	if f.path == "" {
		return st, nil
	}
	b, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err == nil {
		err = json.Unmarshal(b, &st)
	}
	if err != nil || st.Width <= 0 || st.Height <= 0 {
		return defaultLayout, fmt.Errorf("window layout %s: %v; using the default", f.path, err)
	}
	return st, nil
}

// save replaces the file by writing a new one beside it and renaming it
// over, so a crash mid-write leaves the old layout, never half of one.
func (f layoutFile) save(st layoutState) error {
	if f.path == "" {
		return nil
	}
	b, err := json.MarshalIndent(st, "", "\t")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
		return fmt.Errorf("save window layout: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.path), ".window-*.json")
	if err != nil {
		return fmt.Errorf("save window layout: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("save window layout: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("save window layout: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save window layout: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return fmt.Errorf("save window layout: %w", err)
	}
	return nil
}
