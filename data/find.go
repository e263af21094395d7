package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"chronoscope/internal/textfmt"
)

// Find is one search of everything, as the search field and `chronoscope
// search` ask it (see Results):
//
//   - Hits, best first: titles of events, people (by name or alias), places
//     and documents that hold every word of the query at the start of a
//     word ("lopez" finds "López Obrador", "castil" finds "Castillo"); then
//     events whose own summary or evidence passages hold every word as a
//     whole word (those hits have a Snippet); then titles that hold the
//     query's letters in order within a word, or its words inside words.
//     Letters strewn across the words of a title ("coup" in "López Obrador
//     defends Mexico's support") are no match. Equal scores go by kind
//     (events, people, places, documents), events in CompareEvents order.
//   - Text: passages of documents' text holding every word whole ("coup"
//     never finds "couple"), best first, on one line.
//   - Events: every event the query matches: by title (a match of the first
//     kind above), by its own summary or evidence, or as an event of a
//     person, place or document whose title matches so. A query of one or
//     two letters lights an event or the events of a person, place or
//     document only where it is a whole word of the title, so that "p"
//     does not light every event.
//
// len(Hits)+len(Text) is at most limit (no limit when limit <= 0); Text
// keeps a quarter of it, at least one, when there are both, and takes what
// Hits leave. Events is never limited. Any string is a valid query; one
// with no letter or digit finds nothing.
func (s *Store) Find(ctx context.Context, query string, limit int) (*Results, error) {
	s.searchMu.Lock()
	defer s.searchMu.Unlock()
	res, err := s.find(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("find %q: %w", textfmt.Clip(query, 40), err)
	}
	return res, nil
}

func (s *Store) find(ctx context.Context, query string, limit int) (*Results, error) {
	sr, err := s.loadSearcher(ctx)
	if err != nil {
		return nil, err
	}
	tms, err := sr.titleMatches(ctx, normQuery(query))
	if err != nil {
		return nil, err
	}
	var txt textMatches
	if match := ftsQuery(query, false); match != "" {
		if txt, err = s.matchText(ctx, sr, match); err != nil {
			return nil, err
		}
	}
	ranked := sr.rankHits(tms, txt)
	nHits, nText := split(len(ranked), len(txt.docs), limit)
	ranked, txt.docs = ranked[:nHits], txt.docs[:nText]
	snippets, err := s.snippets(ctx, ftsQuery(query, false), ranked, txt.docs)
	if err != nil {
		return nil, err
	}
	res := &Results{Hits: make([]Hit, 0, len(ranked)), Text: make([]TextHit, 0, len(txt.docs))}
	for _, r := range ranked {
		if r.row == 0 {
			res.Hits = append(res.Hits, sr.hit(r.tm))
			continue
		}
		t := sr.text[r.row]
		h := Hit{Kind: KindEvent, ID: sr.events[t.pos], Title: t.title, Score: tierScore(tierText, r.score)}
		h.Snippet, h.SnippetMatches = snippets[r.row].text, snippets[r.row].matches
		res.Hits = append(res.Hits, h)
	}
	for _, d := range txt.docs {
		t := sr.text[d.row]
		sn := snippets[d.row]
		res.Text = append(res.Text, TextHit{Kind: KindDocument, ID: t.id, Title: t.title,
			Snippet: sn.text, Matches: sn.matches, Rank: d.rank})
	}
	res.Events = sr.litEvents(tms, txt)
	return res, nil
}

// split shares limit between hits and text: text keeps a quarter, at
// least one, when there are both, and takes what hits leave.
func split(hits, text, limit int) (int, int) {
	if limit <= 0 {
		return hits, text
	}
	keep := 0
	if hits > 0 && text > 0 && limit > 1 {
		keep = min(text, max(1, limit/4))
	}
	nHits := min(hits, limit-keep)
	return nHits, min(text, limit-nHits)
}

// textRow is what one row of text_index indexes: an event (pos is its
// place in time order) or a document.
type textRow struct {
	kind      Kind
	pos       int32
	id, title string
}

// textMatch is a row of text_index that matches, with its bm25 rank
// (lower is better).
type textMatch struct {
	row  int64
	rank float64
}

// textMatches are the events and the documents whose text matches.
type textMatches struct{ events, docs []textMatch }

// matchText runs the full-text query match. It reads only rowids and
// ranks, which FTS5 gives without reading its rows, and learns what each
// row is from the searcher's map.
func (s *Store) matchText(ctx context.Context, sr *searcher, match string) (textMatches, error) {
	var out textMatches
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, bm25(text_index) FROM text_index WHERE text_index MATCH ?`, match)
	if err != nil {
		return out, fmt.Errorf("full-text search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m textMatch
		if err := rows.Scan(&m.row, &m.rank); err != nil {
			return out, fmt.Errorf("full-text search: %w", err)
		}
		switch sr.text[m.row].kind {
		case KindEvent:
			out.events = append(out.events, m)
		case KindDocument:
			out.docs = append(out.docs, m)
		}
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("full-text search: %w", err)
	}
	slices.SortFunc(out.docs, func(a, b textMatch) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), strings.Compare(sr.text[a.row].id, sr.text[b.row].id))
	})
	return out, nil
}

// rankedHit is a hit before it is built: a title match, or (row set) an
// event found by its own text.
type rankedHit struct {
	tier, score int
	kind        Kind
	pos         int32 // an event's place in time order
	tm          titleMatch
	row         int64
}

// rankHits merges the title matches and the events found by their text
// into one list, best first. An event found both ways is listed once, by
// the better of the two.
func (sr *searcher) rankHits(tms []titleMatch, txt textMatches) []rankedHit {
	byTitle := make(map[int32]bool)
	byText := make(map[int32]bool, len(txt.events))
	for _, m := range txt.events {
		byText[sr.text[m.row].pos] = true
	}
	out := make([]rankedHit, 0, len(tms)+len(txt.events))
	for _, tm := range tms {
		c := &sr.cands[tm.cand]
		if c.kind == KindEvent {
			if tm.tier < tierTitle && byText[c.pos] {
				continue
			}
			byTitle[c.pos] = true
		}
		out = append(out, rankedHit{tier: tm.tier, score: tm.score, kind: c.kind, pos: c.pos, tm: tm})
	}
	for _, m := range txt.events {
		pos := sr.text[m.row].pos
		if byTitle[pos] {
			continue
		}
		out = append(out, rankedHit{tier: tierText, score: int(-m.rank * 1000), kind: KindEvent, pos: pos, row: m.row})
	}
	slices.SortStableFunc(out, func(a, b rankedHit) int {
		if a.tier != b.tier {
			return b.tier - a.tier
		}
		if a.score != b.score {
			return b.score - a.score
		}
		if a.kind != b.kind {
			return a.kind.order() - b.kind.order()
		}
		if a.kind == KindEvent {
			return cmp.Compare(a.pos, b.pos)
		}
		return 0
	})
	return out
}

// litEvents lists the events the query matches (see Find) in time order.
func (sr *searcher) litEvents(tms []titleMatch, txt textMatches) []string {
	lit := make([]bool, len(sr.events))
	for _, tm := range tms {
		if !tm.lights {
			continue
		}
		c := &sr.cands[tm.cand]
		if c.kind == KindEvent {
			lit[c.pos] = true
			continue
		}
		for _, pos := range sr.links[string(c.kind)+"\x00"+c.id] {
			lit[pos] = true
		}
	}
	for _, m := range txt.events {
		lit[sr.text[m.row].pos] = true
	}
	var out []string
	for pos, ok := range lit {
		if ok {
			out = append(out, sr.events[pos])
		}
	}
	return out
}

// snippet is the words around a match, on one line, and the matched
// ranges in it.
type snippet struct {
	text    string
	matches [][2]int
}

// snippets reads the snippets of the text hits that made the list, by
// rowid, in one query.
func (s *Store) snippets(ctx context.Context, match string, hits []rankedHit, docs []textMatch) (map[int64]snippet, error) {
	var ids []string
	for _, h := range hits {
		if h.row != 0 {
			ids = append(ids, strconv.FormatInt(h.row, 10))
		}
	}
	for _, d := range docs {
		ids = append(ids, strconv.FormatInt(d.row, 10))
	}
	out := make(map[int64]snippet, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid, snippet(text_index, 3, char(2), char(3), '…', 16)
		FROM text_index WHERE text_index MATCH ? AND rowid IN (`+strings.Join(ids, ",")+`)`, match)
	if err != nil {
		return nil, fmt.Errorf("snippets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			row    int64
			marked string
		)
		if err := rows.Scan(&row, &marked); err != nil {
			return nil, fmt.Errorf("snippets: %w", err)
		}
		var sn snippet
		sn.text, sn.matches = textfmt.OneLine(unmark(marked))
		out[row] = sn
	}
	return out, rows.Err()
}

// loadIndex reads what Find needs besides titles: the events in time
// order, the events of each actor, place and document, and what each row
// of text_index is. It sets each event candidate's pos.
func (sr *searcher) loadIndex(ctx context.Context, tx *sql.Tx) error {
	pos := map[string]int32{}
	err := eachRow(ctx, tx, `SELECT e.id FROM events e ORDER BY `+eventOrder, func(sc scanner) error {
		var id string
		if err := sc.Scan(&id); err != nil {
			return err
		}
		pos[id] = int32(len(sr.events))
		sr.events = append(sr.events, id)
		return nil
	})
	if err != nil {
		return err
	}
	sr.links = map[string][]int32{}
	err = eachRow(ctx, tx, `SELECT ?1, actor_id, event_id FROM event_actors
		UNION ALL SELECT ?2, place_id, event_id FROM event_places
		UNION ALL SELECT DISTINCT ?3, document_id, event_id FROM evidence`, func(sc scanner) error {
		var kind, id, event string
		if err := sc.Scan(&kind, &id, &event); err != nil {
			return err
		}
		key := kind + "\x00" + id
		sr.links[key] = append(sr.links[key], pos[event])
		return nil
	}, KindActor, KindPlace, KindDocument)
	if err != nil {
		return err
	}
	titles := map[string]string{}
	for _, c := range sr.cands {
		if c.title == c.name {
			titles[string(c.kind)+"\x00"+c.id] = c.title
		}
	}
	sr.text = map[int64]textRow{}
	err = eachRow(ctx, tx, `SELECT rowid, kind, ref FROM text_index`, func(sc scanner) error {
		var (
			row int64
			t   textRow
		)
		if err := sc.Scan(&row, &t.kind, &t.id); err != nil {
			return err
		}
		t.pos = pos[t.id]
		t.title = titles[string(t.kind)+"\x00"+t.id]
		if _, ok := pos[t.id]; ok || t.kind != KindEvent {
			sr.text[row] = t
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := range sr.cands {
		if c := &sr.cands[i]; c.kind == KindEvent {
			c.pos = pos[c.id]
		}
	}
	return nil
}
