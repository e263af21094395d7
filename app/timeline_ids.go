package app

import (
	"hash/maphash"
	"math/bits"
)

// idIndex finds an event by its ID: a hash table of the events' indexes
// and where their IDs lie in the text of the events' table, rather than
// strings of its own. A map[string]int of 100,000 events is 5.6 MB of slots
// that each point at an ID, for the collector to follow at every
// collection; this is 2 MB and holds no pointer but the text. A slot keeps
// half its ID's hash, so that a probe reads an ID only where that half
// matches, and the ID's place, so that it then reads only the text. It is
// not changed once made, so any goroutine may read it.
type idIndex struct {
	seed  maphash.Seed
	text  string
	slots []idSlot
	mask  uint64
}

// idSlot is one slot of an idIndex: an ID's text[start:end], the top half
// of its hash, and the index of its event plus one; 0 in a slot not taken.
type idSlot struct {
	hash, index, start, end uint32
}

// newIDIndex indexes n IDs, each text[start:end] for the start and end
// span gives it; of IDs given twice, the last is found.
func newIDIndex(text string, n int, span func(i int) (start, end uint32)) *idIndex {
	x := &idIndex{seed: maphash.MakeSeed(), text: text}
	if n == 0 {
		return x
	}
	// At most four fifths full, where linear probing still finds most IDs
	// in the first few slots, within a cache line or two.
	size := uint64(1) << bits.Len64(uint64(n+n/4))
	x.slots, x.mask = make([]idSlot, size), size-1
	for i := range n {
		start, end := span(i)
		x.add(idSlot{index: uint32(i + 1), start: start, end: end})
	}
	return x
}

// add indexes the ID of slot s, whose hash it fills in.
func (x *idIndex) add(s idSlot) {
	id := x.text[s.start:s.end]
	h := maphash.String(x.seed, id)
	s.hash = uint32(h >> 32)
	for p := h & x.mask; ; p = (p + 1) & x.mask {
		o := &x.slots[p]
		if o.index == 0 || o.hash == s.hash && x.text[o.start:o.end] == id {
			*o = s
			return
		}
	}
}

// find returns the index of the event id, and whether there is one.
func (x *idIndex) find(id string) (int, bool) {
	if x == nil || len(x.slots) == 0 {
		return 0, false
	}
	h := maphash.String(x.seed, id)
	hash := uint32(h >> 32)
	for p := h & x.mask; ; p = (p + 1) & x.mask {
		o := &x.slots[p]
		if o.index == 0 {
			return 0, false
		}
		if o.hash == hash && x.text[o.start:o.end] == id {
			return int(o.index) - 1, true
		}
	}
}

// idSpan is where the ID of row i lies in t.text. Every row's ID is
// written there, an odd row's too (eventTable.add).
func (t *eventTable) idSpan(i int) (start, end uint32) {
	if i > 0 {
		start = t.rows[i-1].edtfEnd
	}
	return start, t.rows[i].idEnd
}
