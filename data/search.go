package data

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"chronoscope/internal/textfmt"
)

// maxQueryRunes bounds the work one query can ask for; nobody types more
// than this into a search field, and a pasted page should not stall it.
const maxQueryRunes = 200

// Search finds events, actors (by name or alias), places and documents whose
// titles match query, ignoring case and accents ("lopez" finds "López"), as
// Find finds and ranks its title hits; Find is the whole search.
// Each hit carries the matched ranges of its title in runes. Any string is
// a valid query; one with no letters or digits finds nothing.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		return nil, err
	}
	return sr.find(ctx, query, limit)
}

// candidate is one searchable title, with its folded form and, for each byte
// of that form, the index of the rune of the title it came from.
type candidate struct {
	id, title, folded string
	// pos is an event's place in time order (CompareEvents).
	pos  int32
	kind kindNo
	// alias: title is an alias of an actor, whose name is the searcher's
	// names[c], kept apart since few titles are aliases.
	alias bool
	// letters and initials are the ASCII letters and digits of folded,
	// and those that begin a word of it (charMask), which rule out most
	// titles before a look at their text.
	letters, initials uint64
}

// searcher holds the folded candidates and the titles the previous query's
// pre-filter let through (query.admits, narrowed): when a person types one
// more letter, only those can still match, so each keystroke searches
// fewer candidates than the last.
type searcher struct {
	cands []candidate
	names map[int32]string // of the candidates that are aliases
	all   []int32          // every candidate's index, for a search with nothing to narrow

	// gen is the corpus's search generation it was made at (generation).
	gen int64

	// mu guards what searches change as they go: the titles the last
	// query let through, the links read, the full-text matches and
	// snippets kept, and the events the last query lit.
	mu       sync.Mutex
	last     narrowed
	texts    []cachedText
	snippets map[snippetKey]snippet
	lastLit  *litSet

	// What Find needs besides titles (loadIndex): the events in time
	// order, by candidate (their titles are the candidates'), and their
	// ids, which a query of a letter or two lists nearly all of, in order
	// (the candidates are not); by rowid, the event of each row of
	// event_text and the document of each row of text_index; and the
	// places of the events of actors, places and documents, by candidate,
	// read all at once (Store.links).
	events    []int32
	eventIDs  []string
	linkLoad  *linkLoad
	eventText []int32 // by rowid; -1 for none
	farText   map[int64]int32
	docText   map[int64]docRow

	// What bm25 needs (rankDocs), guarded by mu: text_index's totals and
	// its rows' lengths, read once, with the first words (nil until
	// then); and the rows of text_index that hold each word the queries
	// asked for, kept until they hold keptWordRows rows in all.
	textStats    *textStats
	words        map[string]wordRows
	wordRowsKept int
}

// narrowed is what a query leaves for the next, when that only grows it:
// the titles the next need look at (idx), and for each, where the bytes of
// the query (query.bytes) found in order in its folded title end (at), so
// that the pre-filter need only look for those the next query adds. at is
// nil when idx are the titles the query matched (query.narrows), most of
// which the next query matches too: the pre-filter then looks only at
// their letters, and classify at their words.
type narrowed struct {
	query   string
	idx, at []int32
}

// thing is an actor, place or document, as the key of its links.
type thing struct {
	kind Kind
	id   string
}

// cachedText is the full-text matches of a query (Store.matchText).
type cachedText struct {
	key string
	txt textMatches
}

// keptTexts is how many queries' full-text matches a searcher keeps.
const keptTexts = 8

func (sr *searcher) cachedText(key string) (textMatches, bool) {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	for _, c := range sr.texts {
		if c.key == key {
			return textMatches{events: c.txt.events, docs: slices.Clone(c.txt.docs)}, true
		}
	}
	return textMatches{}, false
}

func (sr *searcher) cacheText(key string, txt textMatches) {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if len(sr.texts) == keptTexts {
		sr.texts = slices.Delete(sr.texts, 0, 1)
	}
	sr.texts = append(sr.texts, cachedText{key, txt})
}

// event is the candidate of the event at place pos in time order.
func (sr *searcher) event(pos int32) *candidate { return &sr.cands[sr.events[pos]] }

// eventPos is each event's place in time order, by id, made when asked
// for: only reading the links needs it, once.
func (sr *searcher) eventPos() map[string]int32 {
	pos := make(map[string]int32, len(sr.eventIDs))
	for p, id := range sr.eventIDs {
		pos[id] = int32(p)
	}
	return pos
}

// placeEvents sets sr.events and sr.eventIDs from the event candidates'
// places in time order, of n events; false when they are not each of
// those places once.
func (sr *searcher) placeEvents(n int) bool {
	sr.events = make([]int32, n)
	for i := range sr.events {
		sr.events[i] = -1
	}
	for i := range sr.cands {
		c := &sr.cands[i]
		if c.kind != kindEvent {
			continue
		}
		if c.pos < 0 || int(c.pos) >= n || sr.events[c.pos] >= 0 {
			return false
		}
		sr.events[c.pos] = int32(i)
	}
	if slices.Contains(sr.events, -1) {
		return false
	}
	sr.eventIDs = make([]string, n)
	for p, c := range sr.events {
		sr.eventIDs[p] = sr.cands[c].id
	}
	return true
}

// setEventRow records that row of event_text is of the event at place p.
func (sr *searcher) setEventRow(row int64, p int32) {
	if row < 0 || row > maxTextRow {
		sr.farText[row] = p
		return
	}
	for int64(len(sr.eventText)) <= row {
		sr.eventText = append(sr.eventText, -1)
	}
	sr.eventText[row] = p
}

// eventOfRow is the place in time order of the event of a row of
// event_text; -1 when it has none.
func (sr *searcher) eventOfRow(row int64) int32 {
	if row >= 0 && row < int64(len(sr.eventText)) {
		return sr.eventText[row]
	}
	if p, ok := sr.farText[row]; ok {
		return p
	}
	return -1
}

// titled is a candidate as it is read, with the name of what it is the
// title of: for an actor's alias, the actor's name; else its title.
type titled struct {
	candidate
	name string
}

func newSearcher(all []titled) *searcher {
	// Titles that fold alike ("Ramírez de la O" and its alias "Ramirez de
	// la O") are one candidate: the name, or else the spelling with accents.
	kept := map[string]int{}
	ts := all[:0]
	for _, t := range all {
		t.folded, _ = fold(t.title)
		t.letters, t.initials = masks(t.folded)
		t.alias = t.name != t.title
		key := strconv.Itoa(int(t.kind)) + "\x00" + t.id + "\x00" + t.folded
		if i, ok := kept[key]; ok {
			if better(t, ts[i]) {
				ts[i] = t
			}
			continue
		}
		kept[key] = len(ts)
		ts = append(ts, t)
	}
	slices.SortStableFunc(ts, func(a, b titled) int {
		if d := int(a.kind) - int(b.kind); d != 0 {
			return d
		}
		// On a tie, the canonical name beats an alias spelled without accents.
		if a.alias != b.alias {
			if a.alias {
				return 1
			}
			return -1
		}
		return strings.Compare(a.title, b.title)
	})
	sr := &searcher{cands: make([]candidate, len(ts)), all: every(len(ts))}
	for i, t := range ts {
		sr.cands[i] = t.candidate
		sr.setName(int32(i), t.name)
	}
	return sr
}

// setName records that candidate c is a title of what is named name.
func (sr *searcher) setName(c int32, name string) {
	if name == sr.cands[c].title {
		sr.cands[c].alias = false
		return
	}
	if sr.names == nil {
		sr.names = map[int32]string{}
	}
	sr.cands[c].alias = true
	sr.names[c] = name
}

// name is the name of what candidate c is a title of.
func (sr *searcher) name(c int32) string {
	if sr.cands[c].alias {
		return sr.names[c]
	}
	return sr.cands[c].title
}

// every is the indexes of n candidates.
func every(n int) []int32 {
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(i)
	}
	return out
}

// better reports whether a is the spelling to show rather than b.
func better(a, b titled) bool {
	if a.alias != b.alias {
		return !a.alias
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
	q := normQuery(query)
	tms, err := sr.titleMatches(ctx, q)
	if err != nil {
		return nil, err
	}
	tms = best(tms, limit, sr.compareTitles)
	hits := make([]Hit, 0, len(tms))
	for _, tm := range tms {
		hits = append(hits, sr.hit(tm, q))
	}
	return hits, nil
}

// normQuery is query as titles are matched against it: cut to
// maxQueryRunes, folded (lower case, no accents) and its words separated by
// single spaces; "" when it has no letter or digit.
func normQuery(query string) string {
	q, _ := fold(textfmt.Truncate(query, maxQueryRunes))
	q = strings.Join(strings.Fields(q), " ")
	if strings.IndexFunc(q, isWordRune) < 0 {
		return ""
	}
	return q
}

// titleMatch is a title that matches the query, as one hit of a thing.
type titleMatch struct {
	cand  int32
	tier  int32
	score int // the fuzzy score plus what classify gives
}

// Tiers of search hits, best first; a hit's Score is its tier's base plus
// its score within the tier (tierScore).
const (
	// tierTitle: every word of the query starts a word of the title.
	tierTitle = 2
	// tierText: an event's own summary or evidence has every word whole.
	tierText = 1
	// tierFuzzy: each word of the query is in one word of the title, but
	// not all at its start: whole inside it, or, ranked below, with its
	// letters in order and gaps between them (see classify).
	tierFuzzy = 0
)

// tierWidth is the room each tier's scores have.
const tierWidth = 1_000_000

func tierScore(tier int32, score int) int {
	return int(tier)*tierWidth + max(-tierWidth/2+1, min(score, tierWidth/2-1))
}

// titleMatches matches q (a normQuery) against every title and returns
// each thing's best match, in no order (compareTitles sorts them). Letters
// strewn across the words of a title are no match (see classify).
//
// When q only grew from the previous query, only the titles that passed
// that query's pre-filter (query.admits) are looked at: a title that lacks
// the letters of "lopez" lacks those of "lopez o" (see narrowed).
func (sr *searcher) titleMatches(ctx context.Context, q string) ([]titleMatch, error) {
	sr.mu.Lock()
	from := narrowed{idx: sr.all}
	if q == "" {
		sr.last = narrowed{}
	} else if sr.last.query != "" && strings.HasPrefix(q, sr.last.query) {
		from = sr.last
	}
	sr.mu.Unlock()
	if q == "" {
		return nil, nil
	}
	qu := newQuery(q)
	switch {
	case from.at != nil:
		qu.look = strings.ReplaceAll(q[len(from.query):], " ", "")
	case from.query != "" && qu.narrows:
		qu.look = ""
	}
	out, next, err := scan(ctx, sr.cands, from, qu)
	if err != nil {
		return nil, err
	}
	next.query = q
	sr.mu.Lock()
	sr.last = next
	sr.mu.Unlock()
	// Keep each thing's best title (an actor matches by name and aliases);
	// events, places and documents have one title each (readSearcher), so
	// only actors are looked up: a short query matches thousands of
	// documents.
	bestOf := map[string]int{}
	kept := out[:0]
	for _, tm := range out {
		c := &sr.cands[tm.cand]
		if c.kind != kindActor {
			kept = append(kept, tm)
			continue
		}
		if i, ok := bestOf[c.id]; !ok {
			bestOf[c.id] = len(kept)
			kept = append(kept, tm)
		} else if sr.compareTitles(tm, kept[i]) < 0 {
			kept[i] = tm
		}
	}
	return kept, nil
}

// minFuzzy is the fewest letters and digits a query needs for fuzzy
// matching: one or two letters are found in order in nearly every title,
// so a query that short finds only titles with words that start with it.
const minFuzzy = 3

// query is a normQuery with what rules titles out before classify looks
// at them: its letters, the letters its words begin with, and its bytes
// other than spaces, which classify finds in order in any title it
// matches.
type query struct {
	q                 string
	words             []string
	fuzzy             *fuzzyPattern // q's runes, for fuzzyScore
	letters, initials uint64
	// look is what of q's bytes (all but spaces) the pre-filter looks for
	// in order in a title, from where those of the query before ended
	// (narrowed): all of them, only those q adds, or none.
	look string
	// short: fewer than minFuzzy letters and digits, so every word must
	// start a word of the title, and there is no fuzzy matching.
	short bool
	// oneLetter: q is one ASCII letter or digit, which a title matches
	// exactly when a word of it begins with that letter (initials).
	oneLetter bool
	// narrows: only the titles q matches can match a query that q
	// begins. That holds when its last word has minGapped letters or
	// more: a title that has "obrad" whole or with gaps in one of its
	// words has "obra" too, where "obr" may not be found in one that has
	// "obrad" with gaps ("ob-r-ad"). Otherwise the titles the pre-filter
	// let through are what a longer query is looked for in.
	narrows bool
}

func newQuery(q string) query {
	qu := query{q: q, words: strings.Fields(q), fuzzy: newFuzzyPattern([]rune(q)), look: strings.ReplaceAll(q, " ", "")}
	letters := 0
	for _, r := range q {
		if isWordRune(r) {
			letters++
		}
	}
	qu.short = letters < minFuzzy
	qu.narrows = !qu.short && utf8.RuneCountInString(qu.words[len(qu.words)-1]) >= minGapped
	qu.oneLetter = len(q) == 1 && charBit(q[0]) != 0
	for i := 0; i < len(q); i++ {
		qu.letters |= charBit(q[i])
		if i == 0 || q[i-1] == ' ' {
			qu.initials |= charBit(q[i])
		}
	}
	return qu
}

// charBit is the bit of an ASCII letter or digit in a mask of them; 0 for
// any other byte.
func charBit(b byte) uint64 {
	switch {
	case 'a' <= b && b <= 'z':
		return 1 << (b - 'a')
	case '0' <= b && b <= '9':
		return 1 << (26 + b - '0')
	}
	return 0
}

// masks are the ASCII letters and digits of a folded title, and those of
// them that begin a word (after a rune that is no letter or digit).
func masks(folded string) (letters, initials uint64) {
	var prev rune
	for i, r := range folded {
		if r < utf8.RuneSelf {
			bit := charBit(byte(r))
			letters |= bit
			if i == 0 || !isWordRune(prev) {
				initials |= bit
			}
		}
		prev = r
	}
	return letters, initials
}

// admits reports whether the title of c may match: it has every letter of
// the query and every byte of its words in order, and where the last of
// them ends, looking for qu.look from at. Every title classify matches
// passes; most others are ruled out without a look at their words.
func (qu *query) admits(c *candidate, at int32) (int32, bool) {
	if qu.letters&^c.letters != 0 {
		return 0, false
	}
	s, i := c.folded, int(at)
	for k := 0; k < len(qu.look); k++ {
		j := strings.IndexByte(s[i:], qu.look[k])
		if j < 0 {
			return 0, false
		}
		i += j + 1
	}
	return int32(i), true
}

// scanChunk is how many candidates one worker scans between looks at
// whether the query is still wanted; small enough that the cores share
// the ten thousand titles a keystroke may look at evenly.
const scanChunk = 1024

// scan matches qu against the candidates from.idx on every core, in
// chunks, and gives up between chunks once ctx is cancelled: a person
// typing on has made the query stale. It returns the matches, and what a
// query that qu begins need look at (narrowed), in idx's order.
func scan(ctx context.Context, cands []candidate, from narrowed, qu query) ([]titleMatch, narrowed, error) {
	idx := from.idx
	parts := make([]*scanPart, (len(idx)+scanChunk-1)/scanChunk)
	defer func() {
		for _, p := range parts {
			if p != nil {
				scanParts.Put(p)
			}
		}
	}()
	var (
		claimed atomic.Int64
		wg      sync.WaitGroup
	)
	for range min(runtime.GOMAXPROCS(0), len(parts)) {
		wg.Go(func() {
			for p := int(claimed.Add(1) - 1); p < len(parts) && ctx.Err() == nil; p = int(claimed.Add(1) - 1) {
				lo, hi := p*scanChunk, min(len(idx), (p+1)*scanChunk)
				chunk := narrowed{idx: idx[lo:hi]}
				if from.at != nil {
					chunk.at = from.at[lo:hi]
				}
				part := scanParts.Get().(*scanPart)
				part.scan(cands, chunk, &qu)
				parts[p] = part
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, narrowed{}, err
	}
	var nOut, nIdx int
	for _, p := range parts {
		nOut, nIdx = nOut+len(p.out), nIdx+len(p.next.idx)
	}
	out, next := make([]titleMatch, 0, nOut), narrowed{idx: make([]int32, 0, nIdx)}
	if !qu.narrows {
		next.at = make([]int32, 0, nIdx)
	}
	for _, p := range parts {
		out, next.idx, next.at = append(out, p.out...), append(next.idx, p.next.idx...), append(next.at, p.next.at...)
	}
	return out, next, nil
}

// scanPart is what scan found in one chunk: the matches, and what a
// query that grows this one need look at. The parts are reused from
// keystroke to keystroke (scanParts): scan copies what they found.
type scanPart struct {
	out  []titleMatch
	next narrowed
}

var scanParts = sync.Pool{New: func() any { return new(scanPart) }}

// scan is scan's work on one chunk. The titles classify matches are
// scored by fuzzy matching (fuzzyScore, sahilm/fuzzy's score), which must
// find the query's letters in order too, spaces and all; a short query is
// not fuzzy-matched.
func (part *scanPart) scan(cands []candidate, from narrowed, qu *query) {
	out, next := part.out[:0], narrowed{idx: part.next.idx[:0], at: part.next.at[:0]}
	defer func() { part.out, part.next = out, next }()
	for n, i := range from.idx {
		c := &cands[i]
		var at int32
		if from.at != nil {
			at = from.at[n]
		}
		at, ok := qu.admits(c, at)
		if !ok {
			continue
		}
		if !qu.narrows {
			next.idx, next.at = append(next.idx, i), append(next.at, at)
		}
		switch {
		case qu.short && qu.initials&^c.initials != 0:
			continue
		case qu.oneLetter:
			out = append(out, titleMatch{cand: i, tier: tierTitle, score: 2 + 10})
			continue
		}
		tm, ok := qu.classify(c.folded)
		if ok && (!qu.short || tm.tier == tierTitle) {
			tm.cand = i
			out = append(out, tm)
		}
	}
	if qu.short || len(out) == 0 {
		return
	}
	kept := out[:0]
	for _, tm := range out {
		score, ok := fuzzyScore(qu.fuzzy, cands[tm.cand].folded)
		if !ok {
			continue
		}
		tm.score += score
		kept = append(kept, tm)
		if qu.narrows {
			next.idx = append(next.idx, tm.cand)
		}
	}
	out = kept
}

// compareTitles orders title matches best first.
func (sr *searcher) compareTitles(a, b titleMatch) int {
	if a.tier != b.tier {
		return int(b.tier - a.tier)
	}
	if a.score != b.score {
		return b.score - a.score
	}
	return sr.compareCands(a.cand, b.cand)
}

// best returns the k best of items by cmp, best first (all of them when
// k <= 0), without sorting the rest when k is small: a short query can
// match most of a large corpus. It may reorder items.
func best[T any](items []T, k int, cmp func(a, b T) int) []T {
	if k <= 0 || k*8 >= len(items) {
		slices.SortFunc(items, cmp)
		if k > 0 && k < len(items) {
			return items[:k]
		}
		return items
	}
	top := newTopK(k, cmp)
	for _, it := range items {
		top.add(it)
	}
	return top.items
}

// topK keeps the k best of the items added to it, best first, for k > 0.
type topK[T any] struct {
	k     int
	cmp   func(a, b T) int
	items []T
}

func newTopK[T any](k int, cmp func(a, b T) int) *topK[T] {
	return &topK[T]{k: k, cmp: cmp, items: make([]T, 0, k+1)}
}

func (t *topK[T]) add(it T) {
	if len(t.items) == t.k && t.cmp(it, t.items[t.k-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(t.items, it, t.cmp)
	t.items = slices.Insert(t.items, i, it)
	t.items = t.items[:min(len(t.items), t.k)]
}

// compareCands orders candidates of equal score: by kind, events in time
// order, the rest as newSearcher sorted them.
func (sr *searcher) compareCands(a, b int32) int {
	ca, cb := &sr.cands[a], &sr.cands[b]
	if ca.kind == kindEvent && cb.kind == kindEvent && ca.pos != cb.pos {
		return int(ca.pos) - int(cb.pos)
	}
	return int(a) - int(b)
}

// How one word of a query is found in a title, best first (findWord).
const (
	wordAtStart = iota // it starts a word of the title: "castil" in "Castillo"
	wordInside         // it is whole inside a word: "bama" in "Obama"
	wordGapped         // its letters are in order within one word: "castilo" in "Castillo"
)

// minGapped is the fewest letters a query word needs to be found with gaps
// between its letters (wordGapped): a letter left out in typing. Shorter
// words find nearly any long word so ("usa" in "Gustavo").
const minGapped = 4

// gappedPenalty ranks titles with a gapped word below those holding every
// query word whole.
const gappedPenalty = tierWidth / 4

// classify works out how the title of c matches q, and whether it is a
// match at all: each word of q, in order, must be found within one word of
// the title (findWord). A query word is never spread over several words of
// the title: "cap" is no match for "Boluarte succeeds Castillo as
// president", nor "lob" for "López Obrador"; initials are found through
// aliases ("AMLO"). Every word at a word's start is tierTitle; otherwise
// the match is tierFuzzy, a gapped word ranking it lowest. The matched byte
// offsets of the folded title are appended to buf[:0] and returned.
func classify(c *candidate, q string, buf []int) (titleMatch, []int, bool) {
	var (
		tm      = titleMatch{tier: tierTitle}
		matches = buf[:0]
		from    int
		worst   = wordAtStart
	)
	for w := range strings.FieldsSeq(q) {
		i, _, how := findWord(c.folded[from:], w)
		if i < 0 {
			return titleMatch{}, matches, false
		}
		n := len(matches)
		matches = inOrder(matches, c.folded[from+i:], w, from+i)
		switch n = len(matches) - n; how {
		case wordAtStart:
			tm.score += 2*n + 10
		case wordInside:
			tm.score += 2 * n
		}
		worst = max(worst, how)
		from = matches[len(matches)-1] + 1
	}
	switch worst {
	case wordInside:
		tm.tier = tierFuzzy
	case wordGapped:
		tm.tier, tm.score = tierFuzzy, tm.score-gappedPenalty
	}
	return tm, matches, true
}

// classify is the classify of a title, folded, without the matched
// offsets, which only the hits shown need: what a scan asks of each of
// thousands of titles. TestQuery_ClassifyAsClassify checks that the two
// agree.
func (qu *query) classify(folded string) (titleMatch, bool) {
	tm := titleMatch{tier: tierTitle}
	from, worst := 0, wordAtStart
	for _, w := range qu.words {
		i, end, how := findWord(folded[from:], w)
		if i < 0 {
			return titleMatch{}, false
		}
		switch how {
		case wordAtStart:
			tm.score += 2*len(w) + 10
		case wordInside:
			tm.score += 2 * len(w)
		}
		worst = max(worst, how)
		from += end
	}
	switch worst {
	case wordInside:
		tm.tier = tierFuzzy
	case wordGapped:
		tm.tier, tm.score = tierFuzzy, tm.score-gappedPenalty
	}
	return tm, true
}

// findWord finds the query word w in s the best way it can (wordAtStart,
// wordInside, wordGapped) and returns the byte offsets in s where w, or the
// word of s holding its letters, begins, and where its last letter found
// ends; -1 when w is not there.
func findWord(s, w string) (int, int, int) {
	if first := strings.Index(s, w); first >= 0 {
		if i := wordStart(s, w, first); i >= 0 {
			return i, i + len(w), wordAtStart
		}
		return first, first + len(w), wordInside
	}
	if utf8.RuneCountInString(w) < minGapped || strings.IndexFunc(w, func(r rune) bool { return !isWordRune(r) }) >= 0 {
		return -1, -1, 0
	}
	i, end := gappedWord(s, w)
	return i, end, wordGapped
}

// gappedWord finds the first word of s (a run of letters and digits) that
// holds the runes of w in order, and returns where it begins and where the
// last of them, each found as early as it can be, ends; -1 when no word
// does. It is inOrder tried on each word in turn, in one pass over s: most
// titles a query of four letters or more is looked for in hold none.
func gappedWord(s, w string) (int, int) {
	if w[0] < utf8.RuneSelf {
		return gappedWordASCII(s, w)
	}
	start, k := 0, 0 // the word's start, and the bytes of w found in it
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		word := asciiWord[s[i]]
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
		}
		switch {
		case !word:
			start, k = i+size, 0
		case w[k] < utf8.RuneSelf && r == rune(w[k]):
			k++
		case w[k] >= utf8.RuneSelf:
			if wr, n := utf8.DecodeRuneInString(w[k:]); r == wr {
				k += n
			}
		}
		i += size
		if k == len(w) {
			return start, i
		}
	}
	return -1, -1
}

// gappedWordASCII is gappedWord for a w that begins with an ASCII letter
// or digit. Only a word that holds it can hold w, and the first time it
// holds it is where the rest of w is best looked for, so it looks from
// each such place to the end of its word, and skips to the next.
func gappedWordASCII(s, w string) (int, int) {
	for from := 0; from < len(s); {
		at := strings.IndexByte(s[from:], w[0])
		if at < 0 {
			return -1, -1
		}
		at += from
		// The rest of w, in the rest of the word.
		i, k := at+1, 1
		for i < len(s) && k < len(w) {
			r, size := rune(s[i]), 1
			word := asciiWord[s[i]]
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(s[i:])
				word = isWordRune(r)
			}
			if !word {
				break
			}
			if w[k] < utf8.RuneSelf {
				if r == rune(w[k]) {
					k++
				}
			} else if wr, n := utf8.DecodeRuneInString(w[k:]); r == wr {
				k += n
			}
			i += size
		}
		if k == len(w) {
			start := at
			for start > 0 {
				r, size := utf8.DecodeLastRuneInString(s[:start])
				if !isWordRune(r) {
					break
				}
				start -= size
			}
			return start, i
		}
		from = i
	}
	return -1, -1
}

// asciiWord says which ASCII bytes are letters and digits (isWordRune);
// no other byte is looked up in it.
var asciiWord = func() (t [256]bool) {
	for b := range utf8.RuneSelf {
		t[b] = isWordRune(rune(b))
	}
	return t
}()

// inOrder finds the runes of w in order in s, each as early as it can, and
// appends to dst the byte offsets of their bytes, plus base; it returns dst
// as it was when they are not all there. Where w is in s whole, that is
// where w begins.
func inOrder(dst []int, s, w string, base int) []int {
	n, i := len(dst), 0
	for _, r := range w {
		j := strings.IndexRune(s[i:], r)
		if j < 0 {
			return dst[:n]
		}
		i += j
		for end := i + utf8.RuneLen(r); i < end; i++ {
			dst = append(dst, base+i)
		}
	}
	return dst
}

// hit is the search hit of a title match of q; its matched ranges are
// worked out again, for the few hits shown rather than every match.
func (sr *searcher) hit(tm titleMatch, q string) Hit {
	c := &sr.cands[tm.cand]
	_, matches, _ := classify(c, q, nil)
	_, runeOf := fold(c.title)
	h := Hit{Kind: c.kind.Kind(), ID: c.id, Title: c.title, Score: tierScore(tm.tier, tm.score), Matches: ranges(runeOf, matches)}
	if c.alias {
		h.Name = sr.names[tm.cand]
	}
	return h
}

// wordStart finds w where a word of s begins, from its first place in s.
func wordStart(s, w string, first int) int {
	for at := first; ; {
		if at == 0 || !isWordRune(lastRune(s[:at])) {
			return at
		}
		i := strings.Index(s[at+1:], w)
		if i < 0 {
			return -1
		}
		at += 1 + i
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// ranges maps matched byte offsets of a folded title back to runes of the
// title, by runeOf (fold), and merges neighbours into [start, end) ranges.
func ranges(runeOf []int32, bytesMatched []int) [][2]int {
	var out [][2]int
	for _, b := range bytesMatched {
		if b < 0 || b >= len(runeOf) {
			continue
		}
		r := int(runeOf[b])
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
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			// NFD leaves ASCII as it is, and none of it is a mark.
			b.WriteByte(byte(unicode.ToLower(r)))
			runeOf = append(runeOf, i)
			i++
			continue
		}
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

// loadSearcher gives the search index, read on first use from one
// snapshot of the corpus: the stored one (storedSearcher), or else made
// from the corpus's rows and, in a writable corpus, stored for the next
// process. It is read whole even when the search that asked for it is
// cancelled meanwhile: the next one needs it.
func (s *Store) loadSearcher(ctx context.Context) (*searcher, error) {
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	if s.searcher != nil {
		// Another process may have changed the corpus since (an import,
		// own events): its rows, and the rowids the searcher maps, are
		// then not those it was made from.
		gen, err := s.generation(ctx)
		if err != nil {
			return nil, fmt.Errorf("load search index: %w", err)
		}
		if gen == s.searcher.gen {
			return s.searcher, nil
		}
		s.searcher = nil
	}
	ctx = context.WithoutCancel(ctx)
	var (
		sr     *searcher
		gen    int64
		stored bool
	)
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		var err error
		if sr, gen, err = storedSearcher(ctx, tx); err != nil || sr != nil {
			stored = sr != nil
			return err
		}
		sr, err = readSearcher(ctx, tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("load search index: %w", err)
	}
	if !stored && !s.readOnly && s.sound(ctx) == nil {
		// Only a cache: a corpus that cannot keep it is searched all the
		// same, from its rows again next time.
		_ = saveSearcher(ctx, s.db, sr, gen)
	}
	sr.gen = gen
	s.searcher = sr
	return sr, nil
}

// readSearcher makes the search index from the corpus's rows in tx.
func readSearcher(ctx context.Context, tx *sql.Tx) (*searcher, error) {
	var cands []titled
	err := eachRow(ctx, tx, `
		SELECT ?1, id, title, title FROM events
		UNION ALL SELECT ?2, id, name, name FROM actors
		UNION ALL SELECT ?2, a.id, al.alias, a.name FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
		UNION ALL SELECT ?3, id, name, name FROM places
		UNION ALL SELECT ?4, id, title, title FROM documents`, func(sc scanner) error {
		var (
			t    titled
			kind Kind
		)
		if err := sc.Scan(&kind, &t.id, &t.title, &t.name); err != nil {
			return err
		}
		t.kind = kindNo(kindNumber(kind))
		cands = append(cands, t)
		return nil
	}, KindEvent, KindActor, KindPlace, KindDocument)
	if err != nil {
		return nil, err
	}
	sr := newSearcher(cands)
	if err := sr.loadIndex(ctx, tx); err != nil {
		return nil, err
	}
	return sr, nil
}

// readSearch is Store.read through the connections searches read by.
func (s *Store) readSearch(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return s.damagedOr(err)
	}
	defer tx.Rollback()
	return s.damagedOr(fn(tx))
}

func (s *Store) resetSearch() {
	s.searchMu.Lock()
	s.searcher = nil
	s.searchMu.Unlock()
}
