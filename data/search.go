package data

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"

	"chronoscope/internal/textfmt"
)

// maxQueryRunes bounds the work one query can ask for; nobody types more
// than this into a search field, and a pasted page should not stall it.
const maxQueryRunes = 200

// Search finds events, actors (by name or alias), places and documents whose
// titles fuzzily match query, ignoring case and accents ("lopez" finds
// "López"). Each hit carries the matched ranges of its title in runes. Any
// string is a valid query; one with no letters or digits finds nothing.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		return nil, err
	}
	return sr.find(ctx, query, limit)
}

// candidate is one searchable title, with its folded form and, for each byte
// of that form, the index of the rune of the title it came from.
type candidate struct {
	kind            Kind
	id, title, name string
	folded          string
	runeOf          []int32
}

// searcher holds the folded candidates and the previous query's matches:
// when a person types one more letter, only the previous matches can still
// match, so each keystroke searches fewer candidates than the last.
type searcher struct {
	cands []candidate
	all   []int // every candidate's index, for a search with nothing to narrow

	lastQuery string
	lastIdx   []int
}

type candidateSource struct {
	cands []candidate
	idx   []int
	query string
}

func (c candidateSource) String(i int) string { return c.cands[c.idx[i]].folded }
func (c candidateSource) Len() int            { return len(c.idx) }

func newSearcher(all []candidate) *searcher {
	// Titles that fold alike ("Ramírez de la O" and its alias "Ramirez de
	// la O") are one candidate: the name, or else the spelling with accents.
	kept := map[string]int{}
	cands := all[:0]
	for _, c := range all {
		c.folded, c.runeOf = fold(c.title)
		key := string(c.kind) + "\x00" + c.id + "\x00" + c.folded
		if i, ok := kept[key]; ok {
			if better(c, cands[i]) {
				cands[i] = c
			}
			continue
		}
		kept[key] = len(cands)
		cands = append(cands, c)
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if d := a.kind.order() - b.kind.order(); d != 0 {
			return d
		}
		// On a tie, the canonical name beats an alias spelled without accents.
		if aliasA, aliasB := a.name != a.title, b.name != b.title; aliasA != aliasB {
			if aliasA {
				return 1
			}
			return -1
		}
		return strings.Compare(a.title, b.title)
	})
	every := make([]int, len(cands))
	for i := range every {
		every[i] = i
	}
	return &searcher{cands: cands, all: every}
}

// better reports whether a is the spelling to show rather than b.
func better(a, b candidate) bool {
	if aName, bName := a.title == a.name, b.title == b.name; aName != bName {
		return aName
	}
	return nonASCII(a.title) > nonASCII(b.title)
}

func nonASCII(s string) int {
	n := 0
	for _, r := range s {
		if r >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

func (sr *searcher) find(ctx context.Context, query string, limit int) ([]Hit, error) {
	q, _ := fold(textfmt.Truncate(query, maxQueryRunes))
	q = strings.Join(strings.Fields(q), " ")
	if strings.IndexFunc(q, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		sr.lastQuery, sr.lastIdx = "", nil
		return nil, nil
	}
	src := candidateSource{cands: sr.cands, query: q, idx: sr.all}
	if sr.lastQuery != "" && strings.HasPrefix(q, sr.lastQuery) {
		src.idx = sr.lastIdx
	}
	matches, err := match(ctx, q, src)
	if err != nil {
		return nil, err
	}
	sr.lastQuery = q
	sr.lastIdx = make([]int, len(matches))
	for i, m := range matches {
		sr.lastIdx[i] = src.idx[m.Index]
	}
	return sr.rank(matches, src, limit), nil
}

// matchChunk is how many candidates one worker matches between looks at
// whether the query is still wanted.
const matchChunk = 4096

// match runs fuzzy matching over src in chunks on every core, and gives up
// between chunks once ctx is cancelled: a person typing on has made the
// query stale. Matches come back in candidate order, as one pass gives them.
func match(ctx context.Context, q string, src candidateSource) (fuzzy.Matches, error) {
	n := src.Len()
	if n <= matchChunk {
		return fuzzy.FindFromNoSort(q, src), ctx.Err()
	}
	chunks := make([]fuzzy.Matches, (n+matchChunk-1)/matchChunk)
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := int(next.Add(1) - 1); c < len(chunks) && ctx.Err() == nil; c = int(next.Add(1) - 1) {
				lo, hi := c*matchChunk, min(n, (c+1)*matchChunk)
				ms := fuzzy.FindFromNoSort(q, candidateSource{cands: src.cands, idx: src.idx[lo:hi]})
				for i := range ms {
					ms[i].Index += lo
				}
				chunks[c] = ms
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	total := 0
	for _, c := range chunks {
		total += len(c)
	}
	out := make(fuzzy.Matches, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
}

// rank orders matches by score and keeps each thing's best-scoring title
// (an actor matches by name and by each alias). It sorts small records and
// builds hits only for those it returns, since a short query can match most
// of a large corpus.
func (sr *searcher) rank(matches fuzzy.Matches, src candidateSource, limit int) []Hit {
	type scored struct{ score, match, cand int }
	order := make([]scored, len(matches))
	n := 0
	for i, m := range matches {
		ci := src.idx[m.Index]
		bonus := contiguousBonus(sr.cands[ci].folded, src.query)
		if bonus == 0 && scattered(sr.cands[ci].folded, m.MatchedIndexes) {
			continue
		}
		order[n] = scored{m.Score + bonus, i, ci}
		n++
	}
	order = order[:n]
	// Candidates are kept in (kind, title) order, so their index breaks ties.
	slices.SortFunc(order, func(a, b scored) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.cand - b.cand
	})
	var (
		hits = make([]Hit, 0, min(len(order), max(limit, 0)))
		seen = map[string]bool{}
	)
	for _, o := range order {
		if limit > 0 && len(hits) == limit {
			break
		}
		c := &sr.cands[o.cand]
		key := string(c.kind) + "\x00" + c.id
		if seen[key] {
			continue
		}
		seen[key] = true
		h := Hit{Kind: c.kind, ID: c.id, Title: c.title, Score: o.score,
			Matches: c.ranges(contiguous(c.folded, src.query, matches[o.match].MatchedIndexes))}
		if c.name != c.title {
			h.Name = c.name
		}
		hits = append(hits, h)
	}
	return hits
}

// contiguous prefers the query's words found whole in the title to the
// scattered letters fuzzy matching settles for ("Monroy" in "…Mexico's
// ambassador Pablo Monroy" rather than the M of Mexico's).
func contiguous(folded, q string, fuzzyIdx []int) []int {
	var idx []int
	ok := eachWord(folded, q, func(at, n int, _ bool) {
		for k := at; k < at+n; k++ {
			idx = append(idx, k)
		}
	})
	if !ok {
		return fuzzyIdx
	}
	return idx
}

// contiguousBonus ranks hits whose title holds the query's words whole above
// scattered matches, most of all where a word starts there.
func contiguousBonus(folded, q string) int {
	bonus := 0
	if !eachWord(folded, q, func(_, n int, atWord bool) {
		bonus += 2 * n
		if atWord {
			bonus += 10
		}
	}) {
		return 0
	}
	return bonus
}

// eachWord finds the query's words in order in folded, preferring word
// starts, and calls fn with each one's byte offset and length; it reports
// false when some word is not there whole.
func eachWord(folded, q string, fn func(at, n int, atWord bool)) bool {
	from := 0
	for w := range strings.FieldsSeq(q) {
		at := wordStart(folded[from:], w)
		if at < 0 {
			at = strings.Index(folded[from:], w)
		}
		if at < 0 {
			return false
		}
		at += from
		fn(at, len(w), at == 0 || !isWordRune(lastRune(folded[:at])))
		from = at + len(w)
	}
	return true
}

// scattered reports a match strewn across a title in more than two pieces
// that do not start words: "expels" in "Mexican Treasury reports economic
// proposals". Pieces at word starts are an abbreviation ("amlo" in "Andrés
// Manuel López Obrador") and are kept.
func scattered(folded string, idx []int) bool {
	pieces, midWord := 0, false
	for i, b := range idx {
		if i > 0 && b == idx[i-1]+1 {
			continue
		}
		pieces++
		if b > 0 && isWordRune(lastRune(folded[:b])) {
			midWord = true
		}
	}
	return pieces > 2 && midWord
}

// wordStart finds w where a word of s begins.
func wordStart(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		if at := off + i; at == 0 || !isWordRune(lastRune(s[:at])) {
			return at
		}
		off += i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// ranges maps matched byte offsets of the folded title back to runes of the
// title and merges neighbours into [start, end) ranges.
func (c *candidate) ranges(bytesMatched []int) [][2]int {
	var out [][2]int
	for _, b := range bytesMatched {
		if b < 0 || b >= len(c.runeOf) {
			continue
		}
		r := int(c.runeOf[b])
		switch n := len(out); {
		case n > 0 && r < out[n-1][1]:
			// Another byte of a rune already matched.
		case n > 0 && r == out[n-1][1]:
			out[n-1][1] = r + 1
		default:
			out = append(out, [2]int{r, r + 1})
		}
	}
	return out
}

// fold lowercases s and strips its accents, rune by rune, recording for each
// byte of the result which rune of s produced it.
func fold(s string) (string, []int32) {
	var (
		b      strings.Builder
		runeOf = make([]int32, 0, len(s))
		i      int32
	)
	for _, r := range s {
		for _, d := range norm.NFD.String(string(r)) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			d = unicode.ToLower(d)
			n, _ := b.WriteRune(d)
			for k := 0; k < n; k++ {
				runeOf = append(runeOf, i)
			}
		}
		i++
	}
	return b.String(), runeOf
}

// loadSearcher builds the search index on first use; searchMu is held.
func (s *Store) loadSearcher(ctx context.Context) (*searcher, error) {
	if s.searcher != nil {
		return s.searcher, nil
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT ?1, id, title, title FROM events
		UNION ALL SELECT ?2, id, name, name FROM actors
		UNION ALL SELECT ?2, a.id, al.alias, a.name FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
		UNION ALL SELECT ?3, id, name, name FROM places
		UNION ALL SELECT ?4, id, title, title FROM documents`, KindEvent, KindActor, KindPlace, KindDocument)
	if err != nil {
		return nil, fmt.Errorf("load search index: %w", err)
	}
	defer rows.Close()
	var cands []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.kind, &c.id, &c.title, &c.name); err != nil {
			return nil, fmt.Errorf("load search index: %w", err)
		}
		cands = append(cands, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load search index: %w", err)
	}
	s.searcher = newSearcher(cands)
	return s.searcher, nil
}

func (s *Store) resetSearch() {
	s.searchMu.Lock()
	s.searcher = nil
	s.searchMu.Unlock()
}
