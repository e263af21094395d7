package data

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
)

// The search index is kept in the corpus (table search_index, migration
// 0005), so that a search in a new process reads one value rather than
// every title, folding each: at 100,000 events that is a tenth of the
// time. Triggers drop it whenever what it is made of changes; whoever
// next loads the searcher of a writable corpus writes it again
// (saveSearcher), and only if the corpus is still at the generation the
// searcher was read at.

// indexMagic starts a stored search index; its last byte is the layout's
// version, which a reader that does not know it rebuilds the index from.
const indexMagic = "CSX\x01"

// indexKinds are the kinds of candidates, by their number (kindNo), in
// searchOrder's order, as the index stores them.
var indexKinds = []Kind{KindEvent, KindActor, KindPlace, KindDocument}

// kindNo is a candidate's kind by its number in indexKinds, which is its
// order (Kind.order): one byte where a Kind takes sixteen, in each of a
// hundred thousand candidates.
type kindNo uint8

const (
	kindEvent kindNo = iota
	kindActor
)

// Kind is the kind numbered k.
func (k kindNo) Kind() Kind { return indexKinds[k] }

// storedSearcher reads the stored index in tx: the searcher, or nil when
// there is none (or of a layout this version does not read), and the
// generation of the corpus either way.
func storedSearcher(ctx context.Context, tx *sql.Tx) (*searcher, int64, error) {
	var (
		gen  int64
		blob []byte
	)
	err := tx.QueryRowContext(ctx, `SELECT generation, data FROM search_index`).Scan(&gen, &blob)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	if blob == nil {
		return nil, gen, nil
	}
	sr, err := decodeSearcher(blob)
	if err != nil {
		// A damaged or unknown index is made again, never trusted.
		return nil, gen, nil
	}
	return sr, gen, nil
}

// saveSearcher stores sr, read at generation gen, unless the corpus has
// changed since.
func saveSearcher(ctx context.Context, db *sql.DB, sr *searcher, gen int64) error {
	_, err := db.ExecContext(ctx, `UPDATE search_index SET data = ? WHERE generation = ?`, sr.encode(), gen)
	return err
}

// writeSearchIndex makes the search index of the corpus in db and stores
// it, in one transaction, as a build or an import ends.
func writeSearchIndex(ctx context.Context, db *sql.DB) (*searcher, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	sr, err := readSearcher(ctx, tx)
	if err != nil {
		return nil, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT generation FROM search_index`).Scan(&sr.gen); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE search_index SET data = ?`, sr.encode()); err != nil {
		return nil, err
	}
	return sr, tx.Commit()
}

// generation is the corpus's search generation (table search_index),
// which every change to what the search index is made of moves on, in
// this process or another.
func (s *Store) generation(ctx context.Context) (int64, error) {
	var gen int64
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT generation FROM search_index`).Scan(&gen)
	})
	return gen, err
}

// renewSearch makes and stores the search index again after a change to
// the corpus, which dropped it, so that the next search, in this process
// or another, need not. A corpus that cannot keep it is searched all the
// same, from its rows, so failing to is no error.
func (s *Store) renewSearch(ctx context.Context) {
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	s.searcher = nil
	if sr, err := writeSearchIndex(ctx, s.db); err == nil {
		s.searcher = sr
	}
}

// encode lays the searcher out as the stored index: fixed-size records
// of numbers, and every string once in one pool at the end, so that
// decoding slices one string rather than allocating each.
func (sr *searcher) encode() []byte {
	var (
		pool   []byte
		offset = map[string]uint32{}
	)
	str := func(b []byte, s string) []byte {
		off, ok := offset[s]
		if !ok {
			off = uint32(len(pool))
			offset[s] = off
			pool = append(pool, s...)
		}
		b = binary.LittleEndian.AppendUint32(b, off)
		return binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	}
	b := []byte(indexMagic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(sr.cands)))
	for i := range sr.cands {
		c := &sr.cands[i]
		b = append(b, byte(c.kind))
		b = str(b, c.id)
		b = str(b, c.title)
		b = str(b, sr.name(int32(i)))
		b = str(b, c.folded)
		b = binary.LittleEndian.AppendUint32(b, uint32(c.pos))
		b = binary.LittleEndian.AppendUint64(b, c.letters)
		b = binary.LittleEndian.AppendUint64(b, c.initials)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(sr.events)))
	for p := range sr.events {
		c := sr.event(int32(p))
		b = str(b, c.id)
		b = str(b, c.title)
	}
	var rows [][2]int64
	for row, p := range sr.eventText {
		if p >= 0 {
			rows = append(rows, [2]int64{int64(row), int64(p)})
		}
	}
	for row, p := range sr.farText {
		rows = append(rows, [2]int64{row, int64(p)})
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(rows)))
	for _, r := range rows {
		b = binary.LittleEndian.AppendUint64(b, uint64(r[0]))
		b = binary.LittleEndian.AppendUint32(b, uint32(r[1]))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(sr.docText)))
	for row, d := range sr.docText {
		b = binary.LittleEndian.AppendUint64(b, uint64(row))
		b = str(b, d.id)
		b = str(b, d.title)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(pool)))
	return append(b, pool...)
}

func kindNumber(k Kind) int {
	for i, ki := range indexKinds {
		if ki == k {
			return i
		}
	}
	return 0
}

// errIndexLayout is a stored index that is not as encode lays it out.
var errIndexLayout = errors.New("search index: not a layout this version reads")

// indexReader reads an encoded searcher, remembering the first error.
type indexReader struct {
	b    []byte
	pool string
	err  error
}

func (r *indexReader) take(n int) []byte {
	if r.err != nil || len(r.b) < n {
		r.err = errIndexLayout
		return make([]byte, n)
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *indexReader) u32() uint32 { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *indexReader) u64() uint64 { return binary.LittleEndian.Uint64(r.take(8)) }

func (r *indexReader) str() string {
	off, n := r.u32(), r.u32()
	if r.err != nil || uint64(off)+uint64(n) > uint64(len(r.pool)) {
		r.err = errIndexLayout
		return ""
	}
	return r.pool[off : off+n]
}

// count reads a number of records of size bytes each, checking that
// there is room for them.
func (r *indexReader) count(size int) int {
	n := int(r.u32())
	if r.err == nil && n*size > len(r.b) {
		r.err = errIndexLayout
		return 0
	}
	return n
}

func decodeSearcher(b []byte) (*searcher, error) {
	if len(b) < len(indexMagic)+4 || string(b[:len(indexMagic)]) != indexMagic {
		return nil, errIndexLayout
	}
	// The pool comes last; find it first, so that records can slice it.
	body := b[len(indexMagic):]
	r := &indexReader{b: body}
	if err := r.findPool(); err != nil {
		return nil, err
	}
	sr := &searcher{cands: make([]candidate, r.count(1+8*4+4+16))}
	for i := range sr.cands {
		c := &sr.cands[i]
		k := int(r.take(1)[0])
		if k >= len(indexKinds) {
			return nil, errIndexLayout
		}
		c.kind = kindNo(k)
		var name string
		c.id, c.title, name, c.folded = r.str(), r.str(), r.str(), r.str()
		sr.setName(int32(i), name)
		c.pos = int32(r.u32())
		c.letters, c.initials = r.u64(), r.u64()
	}
	// The events in time order are the event candidates by their pos:
	// only their ids are read, to check that.
	n := r.count(16)
	if r.err != nil || !sr.placeEvents(n) {
		return nil, errIndexLayout
	}
	for p := range n {
		if id, _ := r.str(), r.str(); id != sr.event(int32(p)).id {
			return nil, errIndexLayout
		}
	}
	sr.farText = map[int64]int32{}
	for range r.count(12) {
		row, p := int64(r.u64()), int32(r.u32())
		sr.setEventRow(row, p)
	}
	n = r.count(24)
	sr.docText = make(map[int64]docRow, n)
	for range n {
		row := int64(r.u64())
		sr.docText[row] = docRow{id: r.str(), title: r.str()}
	}
	if r.err != nil {
		return nil, r.err
	}
	sr.all = every(len(sr.cands))
	return sr, nil
}

// findPool reads the string pool from the end of r.b, which it leaves
// without it: the records are all before it, and the pool's length is
// the last thing before the pool.
func (r *indexReader) findPool() error {
	// Walk the records' counts to the pool's length: every record has a
	// fixed size, so this reads no strings.
	skip := func(at, size int) (int, bool) {
		if at+4 > len(r.b) {
			return 0, false
		}
		n := int(binary.LittleEndian.Uint32(r.b[at:]))
		end := at + 4 + n*size
		return end, n >= 0 && end <= len(r.b)
	}
	at, ok := 0, true
	for _, size := range []int{1 + 8*4 + 4 + 16, 16, 12, 24} {
		if at, ok = skip(at, size); !ok {
			return errIndexLayout
		}
	}
	if at+4 > len(r.b) {
		return errIndexLayout
	}
	n := int(binary.LittleEndian.Uint32(r.b[at:]))
	if at+4+n != len(r.b) {
		return errIndexLayout
	}
	r.pool = string(r.b[at+4:])
	return nil
}
