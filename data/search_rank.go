package data

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Documents found by their text are ranked by FTS5's bm25, worked out here
// from what each word of the query holds (rankDocs) rather than by SQLite
// for each row that matches. SQLite's bm25 reads each row's length from
// text_index_docsize, one look-up a row: 8,000 documents of the 10,000 of
// the synthetic corpus hold "lopez", and ranking them took 10–20 ms, where
// reading which rows hold a word, and how often, takes 3 (textVocab).
// bm25 is a sum over the query's words, so a word read once serves every
// query that holds it as the person types on ("lopez" in "lopez obrador").
// The ranks are SQLite's to the last bit (TestRankDocs_AsSQLite), its
// logarithm and all.

// textStats is what bm25 needs of text_index as a whole: its rows, their
// tokens in all columns, and the length of the row of each document the
// searcher knows (docSize). ok is false when they could not be read, and
// documents are then ranked by SQLite. They are read with the first words
// a searcher reads, or as the window warms up (2 ms at 10,000 documents),
// rather than stored with the search index, whose layout, which a corpus
// read only (`chronoscope search --corpus`) cannot write again, stays.
type textStats struct {
	rows, tokens int64
	size         map[int64]int32
	ok           bool
}

// readTextStats reads text_index's totals from FTS5's record of them (the
// row of text_index_data with id 1: the number of rows, then the tokens
// of each column, as varints), which is what its bm25 reads, and the
// lengths of the rows of sr's documents from text_index_docsize.
func readTextStats(ctx context.Context, tx *sql.Tx, sr *searcher) (*textStats, error) {
	var blob []byte
	err := tx.QueryRowContext(ctx, `SELECT block FROM text_index_data WHERE id = 1`).Scan(&blob)
	if errors.Is(err, sql.ErrNoRows) {
		return &textStats{}, nil
	}
	if err != nil {
		return nil, err
	}
	rows, n := ftsVarint(blob)
	if n <= 0 {
		return &textStats{}, nil
	}
	st := &textStats{rows: int64(rows), size: make(map[int64]int32, len(sr.docText))}
	for blob = blob[n:]; len(blob) > 0; blob = blob[n:] {
		var v uint64
		if v, n = ftsVarint(blob); n <= 0 {
			return &textStats{}, nil
		}
		st.tokens += int64(v)
	}
	err = eachRow(ctx, tx, `SELECT id, sz FROM text_index_docsize`, func(sc scanner) error {
		var (
			row int64
			sz  []byte
		)
		if err := sc.Scan(&row, &sz); err != nil {
			return err
		}
		if _, ok := sr.docText[row]; ok {
			st.size[row] = docSize(sz)
		}
		return nil
	})
	st.ok = err == nil && st.rows > 0
	return st, err
}

// docSize is the length in tokens, all columns, of a row of text_index
// from its sz in text_index_docsize (a varint a column); -1 when it is not
// one.
func docSize(sz []byte) int32 {
	if sz == nil {
		return -1
	}
	var total int32
	for len(sz) > 0 {
		v, n := ftsVarint(sz)
		if n <= 0 {
			return -1
		}
		total += int32(v)
		sz = sz[n:]
	}
	return total
}

// ftsVarint decodes SQLite's varint, which FTS5's records use: big-endian
// groups of seven bits, the ninth byte whole. n is 0 when b ends first.
func ftsVarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b); i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// wordRows are the rows of text_index that hold a word, in rowid order,
// how many times each holds it, in all columns, and the length of each
// (textStats.size: -1 when it is not known, notDoc when it is no document
// the searcher knows), and the word's idf.
type wordRows struct {
	rows       []int64
	freq, size []int32
	idf        float64
}

// notDoc is the size of a row of text_index that holds no document the
// searcher knows.
const notDoc = -2

// keptWordRows is how many rows of words a searcher keeps before it
// forgets them all: 2 MB (a row, its count and its length: 16 bytes).
const keptWordRows = 1 << 17

// wordsOf reads back the words of a whole-word ftsQuery, as text_index's
// tokenizer stores them (vocabTerm); false when a word is not sure to be
// stored so, or is a prefix.
func wordsOf(match string) ([]string, bool) {
	fields := strings.Fields(match)
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		if len(f) < 2 || f[0] != '"' || f[len(f)-1] != '"' {
			return nil, false
		}
		term, ok := vocabTerm(f[1 : len(f)-1])
		if !ok {
			return nil, false
		}
		out = append(out, term)
	}
	return out, len(out) > 0
}

// vocabTerm is the word w as text_index's tokenizer (unicode61,
// remove_diacritics 2) stores it, lower case and without accents, and
// whether that is sure: w is one token of ASCII letters and digits and
// Latin letters with accents that are an ASCII letter without them (as
// NFD has it, for Latin-1 and Latin Extended-A). TestVocabTerm_AsFTS5
// checks every one of those letters against the tokenizer.
func vocabTerm(w string) (string, bool) {
	var b strings.Builder
	for _, r := range w {
		if r >= utf8.RuneSelf {
			if r < 0xc0 || r > 0x17f {
				return "", false
			}
			d := norm.NFD.String(string(r))
			if d[0] >= utf8.RuneSelf || strings.IndexFunc(d[1:], func(m rune) bool { return !unicode.Is(unicode.Mn, m) }) >= 0 {
				return "", false
			}
			r = rune(d[0])
		}
		switch {
		case 'A' <= r && r <= 'Z':
			r += 'a' - 'A'
		case charBit(byte(r)) == 0:
			return "", false
		}
		b.WriteByte(byte(r))
	}
	return b.String(), b.Len() > 0
}

// rankDocs finds the documents that hold every word of words, with their
// bm25 rank as SQLite's bm25(text_index) would give it, and returns the
// best limit of them (all when limit <= 0), and any tied with the last,
// in no order. The rows each word holds are the searcher's, read once
// (wordRows). ok is false when the corpus is not the one the searcher was
// read from, or its totals could not be read: SQLite must rank them.
func (s *Store) rankDocs(ctx context.Context, sr *searcher, words []string, limit int) ([]textMatch, bool, error) {
	lists, st, err := s.wordRows(ctx, sr, words)
	if err != nil || st == nil || !st.ok {
		return nil, false, err
	}
	// The rows in the shortest list that every other list holds.
	short := 0
	for i, l := range lists {
		if len(l.rows) < len(lists[short].rows) {
			short = i
		}
	}
	at := make([]int, len(lists))
	freq := make([]float64, len(lists))
	idf := make([]float64, len(lists))
	for i, l := range lists {
		idf[i] = l.idf
	}
	avgdl := float64(st.tokens) / float64(st.rows)
	out := make([]textMatch, 0, len(lists[short].rows))
rows:
	for k, row := range lists[short].rows {
		size := lists[short].size[k]
		switch {
		case size == notDoc:
			continue
		case size < 0:
			return nil, false, nil
		}
		for i, l := range lists {
			j := at[i]
			for j < len(l.rows) && l.rows[j] < row {
				j++
			}
			if at[i] = j; j == len(l.rows) || l.rows[j] != row {
				continue rows
			}
			freq[i] = float64(l.freq[j])
		}
		out = append(out, textMatch{row: row, rank: bm25(freq, idf, float64(size), avgdl)})
	}
	return bestRanked(out, limit), true, nil
}

// bestRanked keeps the best limit matches by rank (all when limit <= 0),
// and any tied with the last, as matchDocText reads them from SQLite.
func bestRanked(ms []textMatch, limit int) []textMatch {
	if limit <= 0 || len(ms) <= limit {
		return ms
	}
	top := best(ms, limit, func(a, b textMatch) int {
		if a.rank != b.rank {
			if a.rank < b.rank {
				return -1
			}
			return 1
		}
		return 0
	})
	last := top[len(top)-1].rank
	out := make([]textMatch, 0, limit)
	for _, m := range ms {
		if m.rank <= last {
			out = append(out, m)
		}
	}
	return out
}

// readIDF reads FTS5's idf of a word that rows of a table of n rows hold:
// SQLite's logarithm, which is not always Go's to the last bit.
func readIDF(ctx context.Context, tx *sql.Tx, n, rows int64) (float64, error) {
	var idf float64
	err := tx.QueryRowContext(ctx, `SELECT ln((?1 - ?2 + 0.5) / (?2 + 0.5))`, n, rows).Scan(&idf)
	if idf <= 0 {
		idf = 1e-6
	}
	return idf, err
}

// bm25 is FTS5's bm25 of a row of size tokens, where freq are how often
// it holds each word of the query and idf their idfs; lower is better.
// The sums and products are SQLite's, one rounding each, in its order.
func bm25(freq, idf []float64, size, avgdl float64) float64 {
	k1, b := 1.2, 0.75
	score := 0.0
	for i, f := range freq {
		norm := float64(k1 * (1 - b + float64(b*size)/avgdl))
		score += float64(idf[i] * (float64(f*(k1+1)) / (f + norm)))
	}
	return -1 * score
}

// wordRows gives the rows of text_index each word holds, in the order of
// words, and text_index's totals, reading what the searcher has not kept
// in one transaction; the totals are nil when the corpus has moved on
// from the searcher's generation, and nothing read then is kept.
func (s *Store) wordRows(ctx context.Context, sr *searcher, words []string) ([]wordRows, *textStats, error) {
	out := make([]wordRows, len(words))
	var missing []int
	sr.mu.Lock()
	st := sr.textStats
	for i, w := range words {
		if l, ok := sr.words[w]; ok {
			out[i] = l
		} else {
			missing = append(missing, i)
		}
	}
	sr.mu.Unlock()
	if len(missing) == 0 && st != nil {
		return out, st, nil
	}
	var (
		read  = map[string]wordRows{}
		fresh bool
	)
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		var gen int64
		if err := tx.QueryRowContext(ctx, `SELECT generation FROM search_index`).Scan(&gen); err != nil || gen != sr.gen {
			return err
		}
		fresh = true
		if st == nil {
			var err error
			if st, err = readTextStats(ctx, tx, sr); err != nil {
				return err
			}
		}
		if !st.ok {
			return nil
		}
		for _, i := range missing {
			w := words[i]
			if _, ok := read[w]; ok {
				continue
			}
			l, err := readWordRows(ctx, tx, w)
			if err != nil {
				return err
			}
			l.size = make([]int32, len(l.rows))
			for j, row := range l.rows {
				// st.size holds only the searcher's documents.
				if n, ok := st.size[row]; ok {
					l.size[j] = n
				} else if _, ok := sr.docText[row]; ok {
					l.size[j] = -1
				} else {
					l.size[j] = notDoc
				}
			}
			if l.idf, err = readIDF(ctx, tx, st.rows, int64(len(l.rows))); err != nil {
				return err
			}
			read[w] = l
		}
		return nil
	})
	if err != nil || !fresh {
		return nil, nil, err
	}
	for _, i := range missing {
		out[i] = read[words[i]]
	}
	sr.keep(st, read)
	return out, st, nil
}

// readWordRows reads the rows of text_index that hold the word w, as its
// tokenizer stores it, and how often: one rowid an instance, in order.
func readWordRows(ctx context.Context, tx *sql.Tx, w string) (wordRows, error) {
	var docs sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT group_concat(doc) FROM `+textVocab+` WHERE term = ?`, w).Scan(&docs)
	if err != nil {
		return wordRows{}, err
	}
	rows := rowids(docs.String)
	// FTS5 lists them by row; that is not its promise.
	if !slices.IsSorted(rows) {
		slices.Sort(rows)
	}
	var l wordRows
	for _, row := range rows {
		if n := len(l.rows); n > 0 && l.rows[n-1] == row {
			l.freq[n-1]++
			continue
		}
		l.rows, l.freq = append(l.rows, row), append(l.freq, 1)
	}
	return l, nil
}

// keep keeps text_index's totals and the rows of words read, forgetting
// every word kept before once they hold keptWordRows rows.
func (sr *searcher) keep(st *textStats, read map[string]wordRows) {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if sr.textStats == nil {
		sr.textStats = st
	}
	n := 0
	for _, l := range read {
		n += len(l.rows)
	}
	if sr.words == nil || sr.wordRowsKept+n > keptWordRows {
		sr.words, sr.wordRowsKept = map[string]wordRows{}, 0
	}
	for w, l := range read {
		sr.words[w] = l
	}
	sr.wordRowsKept += n
}

// rowids reads the rowids group_concat joined with commas, as they come;
// none from "".
func rowids(s string) []int64 {
	if s == "" {
		return nil
	}
	out := make([]int64, 0, strings.Count(s, ",")+1)
	for f := range strings.SplitSeq(s, ",") {
		if row, ok := smallRowid(f); ok {
			out = append(out, row)
		} else if row, err := strconv.ParseInt(f, 10, 64); err == nil {
			out = append(out, row)
		}
	}
	return out
}

// smallRowid reads f, when it is up to 18 digits, as rowids nearly all
// are, faster than strconv: a search reads tens of thousands.
func smallRowid(f string) (int64, bool) {
	if len(f) == 0 || len(f) > 18 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(f); i++ {
		d := f[i] - '0'
		if d > 9 {
			return 0, false
		}
		n = n*10 + int64(d)
	}
	return n, true
}
