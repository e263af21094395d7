package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"chronoscope/internal/textfmt"
)

// Find is one search of everything, as the search field and `chronoscope
// search` ask it (see Results):
//
//   - Hits, best first: titles of events, people (by name or alias), places
//     and documents that hold every word of the query at the start of a
//     word ("lopez" finds "López Obrador", "castil" finds "Castillo"); then
//     events whose own summary or evidence passages hold every word as a
//     whole word, in time order (those hits have a Snippet); then titles
//     that hold each word of the query whole inside one of their words
//     ("brador" in "Obrador"); last, titles with a word of four letters or
//     more spelled in order within one of their words, with letters
//     between ("castilo" in "Castillo"). A query of one or two letters
//     finds only titles with words that start with it.
//     A query word is never spread over several words of a title: letters
//     strewn across them ("coup" in "López Obrador defends Mexico's
//     support", "cap" in "Castillo as president") are no match, and
//     initials are found through aliases ("AMLO"). Equal scores go by kind
//     (events, people, places, documents), events in CompareEvents order.
//   - Text: passages of documents' text holding every word whole ("coup"
//     never finds "couple"), best first, on one line.
//   - Events: every event the query matches, by the same rules as Hits
//     and never limited: each event a title match names, however weak;
//     each event found by its own summary or evidence; and each event of
//     a person, place or document whose title matches. So every event
//     the list shows, and every event of a thing it shows, is lit, even
//     when a query of a letter or two lights most of the corpus. Words
//     of one letter are not looked for in the text, where they are
//     mostly "a" or the "s" of "Mexico's".
//
// len(Hits)+len(Text) is at most limit (no limit when limit <= 0); Text
// keeps a quarter of it, at least one, when there are both, and takes what
// Hits leave. Events is never limited. Any string is a valid query; one
// with no letter or digit finds nothing.
//
// Finds run side by side, each reading through connections of its own:
// cancelling ctx, as the search field does when a person types on, stops
// a Find at once, in SQLite too, and the next never waits for it.
func (s *Store) Find(ctx context.Context, query string, limit int) (*Results, error) {
	return s.findAs(ctx, query, limit, true)
}

// FindHits is Find without Results.Events, for a caller that shows only
// the hits, as `chronoscope search` does: lighting every event of every
// person, place and document that matches reads more than the rest of the
// search.
func (s *Store) FindHits(ctx context.Context, query string, limit int) (*Results, error) {
	return s.findAs(ctx, query, limit, false)
}

func (s *Store) findAs(ctx context.Context, query string, limit int, lit bool) (*Results, error) {
	res, err := s.find(ctx, query, limit, lit)
	if err != nil {
		return nil, fmt.Errorf("find %q: %w", textfmt.Clip(query, 40), err)
	}
	return res, nil
}

func (s *Store) find(ctx context.Context, query string, limit int, lit bool) (*Results, error) {
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		return nil, err
	}
	q, match := normQuery(query), ftsQuery(query, false)
	if q == "" && match == "" {
		sr.titleMatches(ctx, "")
		if lit {
			// The window's warm-up: read now what a keystroke needs.
			if _, err := s.links(ctx, sr); err != nil {
				return nil, err
			}
			if _, _, err := s.wordRows(ctx, sr, nil); err != nil {
				return nil, err
			}
		}
		return &Results{Hits: []Hit{}, Text: []TextHit{}}, nil
	}
	// The titles on every core, and the full text in SQLite, side by side.
	var (
		txt  textMatches
		tErr error
		wg   sync.WaitGroup
	)
	if match != "" {
		wg.Go(func() { txt, tErr = s.matchText(ctx, sr, match, limit) })
	}
	tms, err := sr.titleMatches(ctx, q)
	wg.Wait()
	if err = cmp.Or(err, tErr); err != nil {
		return nil, err
	}
	ranked := sr.rankHits(tms, txt, limit)
	nHits, nText := split(len(ranked), len(txt.docs), limit)
	ranked, txt.docs = ranked[:nHits], txt.docs[:nText]
	snippets, err := s.snippets(ctx, sr, match, ranked, txt.docs)
	if err != nil {
		return nil, err
	}
	res := &Results{Hits: make([]Hit, 0, len(ranked)), Text: make([]TextHit, 0, len(txt.docs))}
	for _, r := range ranked {
		if r.row == 0 {
			res.Hits = append(res.Hits, sr.hit(tms[r.tm], q))
			continue
		}
		sn := snippets.events[r.row]
		ev := sr.event(r.pos)
		res.Hits = append(res.Hits, Hit{Kind: KindEvent, ID: ev.id, Title: ev.title,
			Score: tierScore(tierText, 0), Snippet: sn.text, SnippetMatches: sn.matches})
	}
	for _, d := range txt.docs {
		t, sn := sr.docText[d.row], snippets.docs[d.row]
		res.Text = append(res.Text, TextHit{Kind: KindDocument, ID: t.id, Title: t.title,
			Snippet: sn.text, Matches: sn.matches, Rank: d.rank, Start: sn.start, End: sn.end})
	}
	if !lit {
		return res, nil
	}
	if res.Events, err = s.litEvents(ctx, sr, tms, txt); err != nil {
		return nil, err
	}
	return res, nil
}

// shownDocs is how many of n documents found by their text, best first,
// the list of a Find of limit shows however many hits there are (split):
// a quarter of limit, at least one; none when all or one are shown.
func shownDocs(n, limit int) int {
	if limit <= 1 {
		return 0
	}
	return min(n, max(1, limit/4))
}

// compareDocs orders documents found by their text, best first: by rank,
// then by id.
func (sr *searcher) compareDocs(a, b textMatch) int {
	return cmp.Or(cmp.Compare(a.rank, b.rank), strings.Compare(sr.docText[a.row].id, sr.docText[b.row].id))
}

// split shares limit between hits and text: text keeps a quarter, at
// least one, when there are both, and takes what hits leave.
func split(hits, text, limit int) (int, int) {
	if limit <= 0 {
		return hits, text
	}
	keep := 0
	if hits > 0 && text > 0 {
		keep = shownDocs(text, limit)
	}
	nHits := min(hits, limit-keep)
	return nHits, min(text, limit-nHits)
}

// docRow is the document a row of text_index holds.
type docRow struct{ id, title string }

// textMatch is a row of a full-text index that matches: of event_text,
// with the event's place in time order; of text_index, with its bm25
// rank (lower is better).
type textMatch struct {
	row  int64
	rank float64
	pos  int32
}

// textMatches are the events and the documents whose text matches.
type textMatches struct{ events, docs []textMatch }

// matchText runs the full-text query match over the events' own text and
// the documents', side by side. For the events it reads only rowids, which
// FTS5 gives without reading its rows, however many events match; they
// rank in time order, so no rank need be worked out for each. Of the
// documents it reads the best limit by bm25 (all when limit <= 0), and
// those tied with the last. The searcher's maps say what each row is.
//
// The documents come best first (sr.compareDocs), no more than limit.
// Those that the list shows whatever the titles find (shownDocs) have
// their snippets read as soon as they are known, while the events' text
// is still searched.
//
// The last few queries' matches are kept: typing "lopez o" asks for the
// whole words of "lopez" again. The slices returned are the searcher's:
// the caller may reorder docs, never change what they hold.
func (s *Store) matchText(ctx context.Context, sr *searcher, match string, limit int) (textMatches, error) {
	key := match + "\x00" + strconv.Itoa(max(limit, 0))
	if txt, ok := sr.cachedText(key); ok {
		return txt, nil
	}
	var (
		out        textMatches
		evErr, err error
		wg         sync.WaitGroup
	)
	wg.Go(func() { out.events, evErr = s.matchEventText(ctx, sr, match) })
	out.docs, err = s.matchDocText(ctx, sr, match, limit)
	if err == nil {
		out.docs = best(out.docs, limit, sr.compareDocs)
		_, err = s.snippets(ctx, sr, match, nil, out.docs[:shownDocs(len(out.docs), limit)])
	}
	wg.Wait()
	if err = cmp.Or(evErr, err); err != nil {
		return out, fmt.Errorf("full-text search: %w", err)
	}
	sr.cacheText(key, out)
	out.docs = slices.Clone(out.docs)
	return out, nil
}

// pauseFind, when tests set it, is called by each Find in a read
// transaction of its full-text search, with the Find's context: it stands
// for a slow search.
var pauseFind func(context.Context)

// matchEventText reads the events whose own text matches, in rowid order.
func (s *Store) matchEventText(ctx context.Context, sr *searcher, match string) ([]textMatch, error) {
	var out []textMatch
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		if pauseFind != nil {
			pauseFind(ctx)
		}
		// One row of every rowid: a row each costs more than the search.
		var joined sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT group_concat(rowid) FROM event_text WHERE event_text MATCH ?`, match).Scan(&joined)
		if err != nil {
			return err
		}
		rows := rowids(joined.String)
		out = make([]textMatch, 0, len(rows))
		for _, row := range rows {
			if pos := sr.eventOfRow(row); pos >= 0 {
				out = append(out, textMatch{row: row, pos: pos})
			}
		}
		return nil
	})
	return out, err
}

// matchDocText reads the documents whose text matches: the best limit by
// bm25, and any tied with the last of them, all when limit <= 0. They are
// ranked here from the rows each word holds (rankDocs), or else by SQLite,
// from which only those rows come out.
func (s *Store) matchDocText(ctx context.Context, sr *searcher, match string, limit int) ([]textMatch, error) {
	if words, ok := wordsOf(match); ok {
		if out, ok, err := s.rankDocs(ctx, sr, words, limit); ok || err != nil {
			return out, err
		}
	}
	var out []textMatch
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT rowid, bm25(text_index) AS r FROM text_index WHERE text_index MATCH ? ORDER BY r`, match)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var m textMatch
			if err := rows.Scan(&m.row, &m.rank); err != nil {
				return err
			}
			if _, ok := sr.docText[m.row]; !ok {
				continue
			}
			if limit > 0 && len(out) >= limit && m.rank != out[len(out)-1].rank {
				break
			}
			out = append(out, m)
		}
		return rows.Err()
	})
	return out, err
}

// rankedHit is a hit before it is built: a title match (tms[tm]), or
// (row set) an event found by its own text.
type rankedHit struct {
	tier  int32
	score int
	kind  Kind
	pos   int32 // an event's place in time order
	tm    int
	row   int64
}

// rankHits merges the title matches and the events found by their text
// into one list and returns its best limit hits, best first. An event
// found both ways is listed once, by the better of the two. Ties go by
// kind, events in time order, then titles as newSearcher sorted them.
//
// Each hit is ranked by one number (rankKey), so that a query of a letter
// or two, which matches most of a large corpus, ranks tens of thousands of
// hits with a comparison of integers each.
func (sr *searcher) rankHits(tms []titleMatch, txt textMatches, limit int) []rankedHit {
	// Which events the text found, and have not been ranked yet; none to
	// look up when the text found none, as most keystrokes' text does.
	var byText []bool
	if len(txt.events) > 0 {
		byText = make([]bool, len(sr.events))
	}
	for _, m := range txt.events {
		byText[m.pos] = true
	}
	top := keyedTop{k: limit}
	events := int(kindEvent)
	for i, tm := range tms {
		c := &sr.cands[tm.cand]
		if c.kind != kindEvent {
			top.add(rankKey(tm.tier, tm.score, int(c.kind), tm.cand), int32(i))
			continue
		}
		if byText != nil {
			if tm.tier < tierText && byText[c.pos] {
				continue
			}
			byText[c.pos] = false
		}
		top.add(rankKey(tm.tier, tm.score, events, c.pos), int32(i))
	}
	for i, m := range txt.events {
		if byText[m.pos] {
			top.add(rankKey(tierText, 0, events, m.pos), -1-int32(i))
		}
	}
	out := make([]rankedHit, 0, len(top.items))
	for _, it := range top.best() {
		if it.ref < 0 {
			m := txt.events[-1-it.ref]
			out = append(out, rankedHit{tier: tierText, kind: KindEvent, pos: m.pos, row: m.row})
			continue
		}
		tm := tms[it.ref]
		c := &sr.cands[tm.cand]
		out = append(out, rankedHit{tier: tm.tier, score: tm.score, kind: c.kind.Kind(), pos: c.pos, tm: int(it.ref)})
	}
	return out
}

// maxRankScore bounds the scores rankKey tells apart: far beyond any a
// title can have (the fuzzy score falls by one a letter of the title).
const maxRankScore = 1<<29 - 1

// rankKey is a hit's rank as one number, lower first: by tier, best
// first, then score, best first, then its kind's order, then at, an
// event's place in time order or another thing's candidate (which fit in
// 28 bits: no corpus holds 268 million titles).
func rankKey(tier int32, score, kind int, at int32) uint64 {
	sc := int64(maxRankScore - max(-maxRankScore, min(score, maxRankScore)))
	return uint64(2-tier)<<61 | uint64(sc)<<31 | uint64(kind)<<28 | uint64(at)
}

// keyed is a hit by its rankKey, and a reference to it: the index of a
// title match, or -1-i for the ith event found by its text.
type keyed struct {
	key uint64
	ref int32
}

// keyedTop keeps the k items of lowest key added to it, in order; all of
// them when k <= 0.
type keyedTop struct {
	k     int
	items []keyed
}

func (t *keyedTop) add(key uint64, ref int32) {
	if t.k <= 0 {
		t.items = append(t.items, keyed{key, ref})
		return
	}
	n := len(t.items)
	if n == t.k && key >= t.items[n-1].key {
		return
	}
	i, _ := slices.BinarySearchFunc(t.items, key, func(it keyed, key uint64) int { return cmp.Compare(it.key, key) })
	if n < t.k {
		t.items = append(t.items, keyed{})
	}
	copy(t.items[i+1:], t.items[i:])
	t.items[i] = keyed{key, ref}
}

// best is what t keeps, lowest key first.
func (t *keyedTop) best() []keyed {
	if t.k <= 0 {
		slices.SortFunc(t.items, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	}
	return t.items
}

// litEvents lists the events the query matches (see Find) in time order:
// every event a title match names or links to, however weak the match, so
// that no event the list shows is left dark, and every event found by its
// text. The links are the searcher's, read once (Store.links). The list
// may be the one an earlier Find gave (Results.Events is not to be
// changed): a query of a letter or two lights most of the corpus, and a
// copy of each list is as much work as making it.
func (s *Store) litEvents(ctx context.Context, sr *searcher, tms []titleMatch, txt textMatches) ([]string, error) {
	links, err := s.links(ctx, sr)
	if err != nil {
		return nil, err
	}
	// A query that grew often matches the same titles and text as the one
	// before ("lopez obr", "lopez obra"): its events are those.
	cands := make([]int32, len(tms))
	for i, tm := range tms {
		cands[i] = tm.cand
	}
	sr.mu.Lock()
	last := sr.lastLit
	sr.mu.Unlock()
	if last != nil && slices.Equal(last.cands, cands) && slices.Equal(last.text, txt.events) {
		return last.events, nil
	}
	out := slices.Clip(sr.lightEvents(links, tms, txt))
	sr.mu.Lock()
	sr.lastLit = &litSet{cands: cands, text: txt.events, events: out}
	sr.mu.Unlock()
	return out, nil
}

// litSet is the events a query lit (Store.litEvents), and what it matched:
// candidates, and events by their text.
type litSet struct {
	cands  []int32
	text   []textMatch
	events []string
}

// lightEvents lists in time order the events the title matches name or
// link to, and those found by their text.
func (sr *searcher) lightEvents(links candLinks, tms []titleMatch, txt textMatches) []string {
	lit := make([]uint64, (len(sr.events)+63)/64)
	light := func(pos int32) { lit[pos>>6] |= 1 << (pos & 63) }
	for _, tm := range tms {
		if c := &sr.cands[tm.cand]; c.kind == kindEvent {
			light(c.pos)
			continue
		}
		for _, pos := range links.events(tm.cand) {
			light(pos)
		}
	}
	for _, m := range txt.events {
		light(m.pos)
	}
	n := 0
	for _, w := range lit {
		n += bits.OnesCount64(w)
	}
	if n == 0 {
		return nil
	}
	out := make([]string, 0, n)
	for i, w := range lit {
		for w != 0 {
			out = append(out, sr.eventIDs[i<<6+bits.TrailingZeros64(w)])
			w &= w - 1
		}
	}
	return out
}

// allLinks reads, by kind, the id of each actor, place or document and the
// id of an event it is linked to. A document quoted twice by one event is
// read twice: lighting an event twice costs nothing, and DISTINCT would
// quadruple the time of reading the evidence (65 ms to 280 ms at 100,000
// events).
var allLinks = map[Kind]string{
	KindActor:    `SELECT actor_id, event_id FROM event_actors`,
	KindPlace:    `SELECT place_id, event_id FROM event_places`,
	KindDocument: `SELECT document_id, event_id FROM evidence`,
}

// linkReads counts the reads of links (readLinks), for tests.
var linkReads atomic.Int64

// linkLoad is the one read of every link of a searcher, done when done is
// closed: links holds, by candidate, the places in time order of the
// events of an actor, place or document.
type linkLoad struct {
	done  chan struct{}
	links candLinks
	err   error
}

// candLinks are the places in time order of the events of each actor,
// place and document, by candidate: held for the candidates from base
// on, since the events, which have none, come first (newSearcher), in one
// array.
type candLinks struct {
	base int32
	of   [][]int32
}

// events are the places of the events of candidate c.
func (l candLinks) events(c int32) []int32 {
	if c < l.base {
		return nil
	}
	return l.of[c-l.base]
}

// links gives the events of every actor, place and document, by
// candidate, read once per searcher: a query of a few letters lights
// thousands of them, and reading theirs on a keystroke takes most of a
// second at 100,000 events (0.9 s) where the search takes milliseconds.
// The read runs apart from the Find that starts it, which stops waiting
// for it when ctx is cancelled; the read goes on, so that a person typing
// on never throws it away, and the next Find waits for the same read. The
// window asks for it as it warms up (Find with an empty query), so no
// keystroke need.
func (s *Store) links(ctx context.Context, sr *searcher) (candLinks, error) {
	sr.mu.Lock()
	ld := sr.linkLoad
	if ld == nil {
		ld = &linkLoad{done: make(chan struct{})}
		sr.linkLoad = ld
		go func() {
			defer close(ld.done)
			ld.links, ld.err = s.readLinks(context.WithoutCancel(ctx), sr)
			if ld.err != nil {
				// The next Find reads them again.
				sr.mu.Lock()
				if sr.linkLoad == ld {
					sr.linkLoad = nil
				}
				sr.mu.Unlock()
			}
		}()
	}
	sr.mu.Unlock()
	select {
	case <-ld.done:
		return ld.links, ld.err
	case <-ctx.Done():
		return candLinks{}, ctx.Err()
	}
}

// readLinks reads the links of every kind, each kind through a connection
// of its own, and lays them out by candidate: an actor's aliases share its
// events.
func (s *Store) readLinks(ctx context.Context, sr *searcher) (candLinks, error) {
	linkReads.Add(1)
	var (
		mu   sync.Mutex
		byID = map[thing][]int32{}
		errs = make([]error, 0, len(allLinks))
		wg   sync.WaitGroup
		pos  = sr.eventPos()
	)
	for kind, q := range allLinks {
		wg.Go(func() {
			links := map[thing][]int32{}
			err := s.readSearch(ctx, func(tx *sql.Tx) error {
				return eachRow(ctx, tx, q, func(sc scanner) error {
					var id, event string
					if err := sc.Scan(&id, &event); err != nil {
						return err
					}
					if p, ok := pos[event]; ok {
						key := thing{kind, id}
						links[key] = append(links[key], p)
					}
					return nil
				})
			})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, fmt.Errorf("events of every %s: %w", kind, err))
			}
			maps.Copy(byID, links)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return candLinks{}, err
	}
	out := candLinks{base: int32(len(sr.cands))}
	for i := range sr.cands {
		if sr.cands[i].kind != kindEvent {
			out.base = int32(i)
			break
		}
	}
	n := 0
	for _, l := range byID {
		n += len(l)
	}
	all := make([]int32, 0, n)
	out.of = make([][]int32, len(sr.cands)-int(out.base))
	for i := range out.of {
		if c := &sr.cands[int(out.base)+i]; c.kind != kindEvent {
			at := len(all)
			all = append(all, byID[thing{c.kind.Kind(), c.id}]...)
			out.of[i] = all[at:len(all):len(all)]
		}
	}
	return out, nil
}

// snippet is the words around a match, on one line, and the matched
// ranges in it; and, for a document, where its first match is in the
// document's text, in runes (-1, -1 when that is not known).
type snippet struct {
	text       string
	matches    [][2]int
	start, end int
}

// snippetSet are the snippets of events and documents by rowid.
type snippetSet struct{ events, docs map[int64]snippet }

// snippets reads the snippets of the text hits that made the list, by
// rowid: for an event, from whichever of its title, summary or evidence
// matches best; for a document, from the passage that matches best, or in
// a long one (longText), around its first match.
//
// Snippets read are kept with the searcher for the query they are of: the
// next keystroke often asks for the same words ("lopez o" looks for
// "lopez") and shows the same passages.
func (s *Store) snippets(ctx context.Context, sr *searcher, match string, hits []rankedHit, docs []textMatch) (snippetSet, error) {
	out := snippetSet{events: map[int64]snippet{}, docs: map[int64]snippet{}}
	var evRows, docRows []int64
	sr.mu.Lock()
	for _, h := range hits {
		if h.row == 0 {
			continue
		}
		if sn, ok := sr.snippets[snippetKey{match, false, h.row}]; ok {
			out.events[h.row] = sn
		} else {
			evRows = append(evRows, h.row)
		}
	}
	for _, d := range docs {
		if sn, ok := sr.snippets[snippetKey{match, true, d.row}]; ok {
			out.docs[d.row] = sn
		} else {
			docRows = append(docRows, d.row)
		}
	}
	sr.mu.Unlock()
	if len(evRows) == 0 && len(docRows) == 0 {
		return out, nil
	}
	err := s.readSearch(ctx, func(tx *sql.Tx) error {
		if err := readSnippets(ctx, tx, "event_text", -1, match, evRows, out.events); err != nil {
			return err
		}
		long, err := longDocs(ctx, tx, docRows)
		if err != nil {
			return err
		}
		short := slices.DeleteFunc(slices.Clone(docRows), func(r int64) bool { return long[r] })
		if err := readSnippets(ctx, tx, "text_index", textIndexBody, match, short, out.docs); err != nil {
			return err
		}
		return readLongSnippets(ctx, tx, match, slices.DeleteFunc(docRows, func(r int64) bool { return !long[r] }), out.docs)
	})
	if err != nil {
		return out, fmt.Errorf("snippets: %w", err)
	}
	sr.keepSnippets(match, out)
	return out, nil
}

// snippetKey is a snippet kept with the searcher: of the full-text query
// match, in a document's text or an event's, at a rowid.
type snippetKey struct {
	match string
	doc   bool
	row   int64
}

// keptSnippets is how many snippets a searcher keeps before it forgets
// them all.
const keptSnippets = 4096

func (sr *searcher) keepSnippets(match string, set snippetSet) {
	sr.mu.Lock()
	defer sr.mu.Unlock()
	if sr.snippets == nil || len(sr.snippets) > keptSnippets {
		sr.snippets = map[snippetKey]snippet{}
	}
	for row, sn := range set.events {
		sr.snippets[snippetKey{match, false, row}] = sn
	}
	for row, sn := range set.docs {
		sr.snippets[snippetKey{match, true, row}] = sn
	}
}

// textIndexBody is the column of text_index that holds a document's text:
// its cleaned text (Document.Text), which evidence offsets refer to.
const textIndexBody = 3

// readSnippets reads into out the snippets of column col (-1: the best) of
// the given rows of the full-text table. The snippet of text_index's body
// also says where its first match is in the body.
func readSnippets(ctx context.Context, tx *sql.Tx, table string, col int, match string, rowids []int64, out map[int64]snippet) error {
	if len(rowids) == 0 {
		return nil
	}
	body := "''"
	if table == "text_index" && col == textIndexBody {
		body = "body"
	}
	q := fmt.Sprintf(`SELECT rowid, snippet(%[1]s, %[2]d, char(2), char(3), '…', 16), %[4]s FROM %[1]s
		WHERE %[1]s MATCH ? AND rowid IN (%[3]s)`, table, col, joinRows(rowids), body)
	return eachRow(ctx, tx, q, func(sc scanner) error {
		var (
			row          int64
			marked, text string
		)
		if err := sc.Scan(&row, &marked, &text); err != nil {
			return err
		}
		plain, matches := unmark(marked)
		sn := snippet{start: -1, end: -1}
		if text != "" {
			sn.start, sn.end = passageAt(text, plain, matches)
		}
		sn.text, sn.matches = textfmt.OneLine(plain, matches)
		out[row] = sn
		return nil
	}, match)
}

// maxTextRow bounds the rowids of event_text the searcher maps to events by
// a slice (rowids count up from 1 as events are written); any beyond, in a
// corpus whose rowids grew huge, go in a map.
const maxTextRow = 1 << 26

// loadIndex reads what Find needs besides titles: the events in time
// order and what each row of the full-text indexes is. It sets each event
// candidate's pos.
func (sr *searcher) loadIndex(ctx context.Context, tx *sql.Tx) error {
	pos := map[string]int32{}
	err := eachRow(ctx, tx, `SELECT e.id FROM events e ORDER BY `+eventOrder, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		pos[id] = int32(len(pos))
		return nil
	})
	if err != nil {
		return err
	}
	for i := range sr.cands {
		if c := &sr.cands[i]; c.kind == kindEvent {
			c.pos = pos[c.id]
		}
	}
	if !sr.placeEvents(len(pos)) {
		return errors.New("search index: the events and their titles differ")
	}
	sr.farText = map[int64]int32{}
	err = eachRow(ctx, tx, `SELECT id, c0 FROM event_text_content`, func(sc scanner) error {
		var (
			row int64
			id  string
		)
		if err := sc.Scan(&row, &id); err != nil {
			return err
		}
		if p, ok := pos[id]; ok {
			sr.setEventRow(row, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sr.docText = map[int64]docRow{}
	// text_index_content is text_index's own table of rows (FTS5 names it):
	// through text_index each row would be read whole, its text and all.
	err = eachRow(ctx, tx, `SELECT t.id, d.id, d.title FROM text_index_content t JOIN documents d ON d.id = t.c1
		WHERE t.c0 = ?`, func(sc scanner) error {
		var (
			row int64
			d   docRow
		)
		if err := sc.Scan(&row, &d.id, &d.title); err != nil {
			return err
		}
		sr.docText[row] = d
		return nil
	}, KindDocument)
	if err != nil {
		return err
	}
	return nil
}
