package app

import "testing"

// TestIdleTrimmer_Tick checks that the trimmer trims once the window has
// gone quiet after a burst of allocation, and neither during the burst nor
// when idle without one.
func TestIdleTrimmer_Tick(t *testing.T) {
	var allocated uint64
	trims := 0
	tr := &idleTrimmer{allocated: func() uint64 { return allocated }, trim: func() { trims++ }}
	steps := []struct {
		name      string
		alloc     uint64 // allocated before the tick
		wantTrims int
	}{
		{"idle from the start", 0, 0},
		{"idle", 0, 0},
		{"idle", 0, 0},
		{"idle, nothing to give back", 0, 0},
		{"a keystroke", 8 << 20, 0},
		{"a keystroke", 8 << 20, 0},
		{"a keystroke", 8 << 20, 0},
		{"a keystroke", 8 << 20, 0},
		{"quiet 1", 0, 0},
		{"quiet 2", 1 << 10, 0},
		{"quiet 3", 0, 0},
		{"quiet 4: trims", 0, 1},
		{"still quiet: nothing new to give back", 0, 1},
		{"a small burst", 4 << 20, 1},
		{"quiet", 0, 1},
		{"quiet", 0, 1},
		{"quiet", 0, 1},
		{"quiet, too little to give back", 0, 1},
	}
	for i, s := range steps {
		allocated += s.alloc
		tr.tick()
		if trims != s.wantTrims {
			t.Fatalf("step %d (%s): %d trims, want %d", i, s.name, trims, s.wantTrims)
		}
	}
}
