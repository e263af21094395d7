package app

import (
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// idleTrimmer gives the garbage of a burst of work (a search typed, a
// filter changed) back to the operating system once the window has gone
// quiet. Under the bound capMemory sets, the collector lets garbage pile up
// to heapHeadroom, and the runtime's scavenger returns the pages it frees
// only slowly, over minutes: until then they count in the window's resident
// memory, 30 to 40 MB at 100,000 events. One collection after the burst,
// rather than more during it, returns them while the person reads the
// results.
type idleTrimmer struct {
	// allocated reads the bytes allocated since the process began, and
	// trim returns what is free; both are the runtime's but in tests.
	allocated func() uint64
	trim      func()
	// last is allocated at the last tick, trimmed at the last trim; quiet
	// counts the ticks since the last that allocated more than idleAlloc.
	last, trimmed uint64
	quiet         int
}

const (
	// trimTick is how often the trimmer looks; it trims after idleTicks
	// ticks in a row that allocated less than idleAlloc, when at least
	// trimAfter was allocated since it last trimmed. A search as you type
	// allocates several megabytes a keystroke, a letter every 150 ms or so;
	// an idle window, nothing.
	trimTick  = 50 * time.Millisecond
	idleTicks = 4
	idleAlloc = 256 << 10
	trimAfter = 24 << 20
)

// trimWhenIdle starts the process's one idle trimmer, once.
var trimWhenIdle = sync.OnceFunc(func() {
	t := newIdleTrimmer()
	go func() {
		for range time.Tick(trimTick) {
			t.tick()
		}
	}()
})

func newIdleTrimmer() *idleTrimmer {
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	t := &idleTrimmer{
		allocated: func() uint64 {
			metrics.Read(sample)
			return sample[0].Value.Uint64()
		},
		trim: debug.FreeOSMemory,
	}
	t.last = t.allocated()
	t.trimmed = t.last
	return t
}

// tick looks at what was allocated since the last tick, and trims when
// the window has been quiet for idleTicks after a burst.
func (t *idleTrimmer) tick() {
	now := t.allocated()
	if now-t.last > idleAlloc {
		t.quiet = 0
	} else {
		t.quiet++
	}
	t.last = now
	if t.quiet >= idleTicks && now-t.trimmed >= trimAfter {
		t.trim()
		t.trimmed = t.allocated()
		t.last = t.trimmed
	}
}
