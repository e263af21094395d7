package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Source is the corpus as authored: documents as text files with a TOML
// header, and actors, places and events in TOML. It is read from a
// directory holding documents/*.txt, actors.toml, places.toml and
// events.toml, checked, and written into a database by the program itself.
type Source struct {
	Documents []sourceDocument
	Actors    []sourceActor
	Places    []sourcePlace
	Events    []sourceEvent
	// Digest identifies the source files' content, so a corpus knows when
	// the bundled sources it was built from have changed.
	Digest string
}

type sourceDocument struct {
	ID                 string `toml:"id"`
	Seed               string `toml:"seed"`
	Title              string `toml:"title"`
	Publisher          string `toml:"publisher"`
	Author             string `toml:"author"`
	URL                string `toml:"url"`
	Language           string `toml:"language"`
	Published          string `toml:"published"`
	PublishedPrecision string `toml:"published_precision"`
	PublishedBasis     string `toml:"published_basis"`
	PublishedNote      string `toml:"published_note"`
	Note               string `toml:"note"`
	Clean              struct {
		Start string   `toml:"start"`
		End   string   `toml:"end"`
		Drop  []string `toml:"drop"`
	} `toml:"clean"`

	file      string
	original  string
	text      string
	published DateRange
}

type sourceActor struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`
	Kind        string   `toml:"kind"`
	Group       string   `toml:"group"`
	Aliases     []string `toml:"aliases"`
	Description string   `toml:"description"`
}

type sourcePlace struct {
	ID      string `toml:"id"`
	Name    string `toml:"name"`
	Country string `toml:"country"`
}

type sourceEvent struct {
	ID        string   `toml:"id"`
	Title     string   `toml:"title"`
	Summary   string   `toml:"summary"`
	Category  string   `toml:"category"`
	Places    []string `toml:"places"`
	Start     string   `toml:"start"`
	End       string   `toml:"end"`
	Precision string   `toml:"precision"`
	Basis     string   `toml:"basis"`
	Phrase    string   `toml:"phrase"`
	Document  string   `toml:"document"`
	Note      string   `toml:"note"`
	Actors    []struct {
		Actor string `toml:"actor"`
		Role  string `toml:"role"`
	} `toml:"actors"`
	Sources []struct {
		Document string `toml:"document"`
		Quote    string `toml:"quote"`
		Side     string `toml:"side"`
	} `toml:"sources"`
	Disagreements []struct {
		Topic   string   `toml:"topic"`
		Summary string   `toml:"summary"`
		Sides   []string `toml:"sides"`
	} `toml:"disagreements"`

	date    DateRange
	basis   Basis
	offsets [][2]int
}

// Categories are the kinds of event the corpus uses.
var Categories = []string{"summit", "mission", "statement", "domestic-politics", "diplomacy", "asylum", "unrest"}

// SourceError lists every problem found in the corpus sources, each naming
// its file and, where it has one, the event or document.
type SourceError struct{ Problems []string }

func (e *SourceError) Error() string {
	return "corpus sources have problems:\n  " + strings.Join(e.Problems, "\n  ")
}

// sourceFile is one file of the corpus sources, as read.
type sourceFile struct {
	name string
	raw  []byte
}

// sourceTables are the TOML files besides the documents, in digest order.
var sourceTables = []string{"actors.toml", "places.toml", "events.toml"}

// readSource reads the source files and their digest, which is all a corpus
// needs to know whether it is up to date; parsing waits until it is not.
func readSource(fsys fs.FS) ([]sourceFile, string, error) {
	docFiles, err := fs.Glob(fsys, "documents/*.txt")
	if err != nil {
		return nil, "", err
	}
	if len(docFiles) == 0 {
		return nil, "", errors.New("corpus sources: no documents/*.txt")
	}
	sort.Strings(docFiles)
	sum := sha256.New()
	var files []sourceFile
	for _, name := range append(docFiles, sourceTables...) {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, "", fmt.Errorf("corpus sources: %w", err)
		}
		sum.Write([]byte(name))
		sum.Write(raw)
		files = append(files, sourceFile{name, raw})
	}
	return files, hex.EncodeToString(sum.Sum(nil)), nil
}

// LoadSource reads and checks the corpus sources in fsys.
func LoadSource(fsys fs.FS) (*Source, error) {
	files, digest, err := readSource(fsys)
	if err != nil {
		return nil, err
	}
	return parseSource(files, digest)
}

func parseSource(files []sourceFile, digest string) (*Source, error) {
	var (
		src  = Source{Digest: digest}
		errs []string
	)
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	tables := map[string]any{
		"actors.toml": &struct {
			Actor *[]sourceActor `toml:"actor"`
		}{&src.Actors},
		"places.toml": &struct {
			Place *[]sourcePlace `toml:"place"`
		}{&src.Places},
		"events.toml": &struct {
			Event *[]sourceEvent `toml:"event"`
		}{&src.Events},
	}
	for _, f := range files {
		into, isTable := tables[f.name]
		if !isTable {
			d, err := parseDocument(f.name, f.raw)
			if err != nil {
				fail("%v", err)
				continue
			}
			src.Documents = append(src.Documents, *d)
			continue
		}
		md, err := toml.Decode(string(f.raw), into)
		if err != nil {
			fail("%s: %v", f.name, err)
			continue
		}
		for _, k := range md.Undecoded() {
			fail("%s: unknown key %q", f.name, k.String())
		}
	}
	if len(errs) == 0 {
		errs = src.check()
	}
	if len(errs) > 0 {
		return nil, &SourceError{Problems: errs}
	}
	return &src, nil
}

// parseDocument splits a document file into its TOML header and original
// text, and derives the cleaned text.
func parseDocument(name string, raw []byte) (*sourceDocument, error) {
	const fence = "+++\n"
	if !bytes.HasPrefix(raw, []byte(fence)) {
		return nil, fmt.Errorf("%s: must start with a +++ line opening the TOML header", name)
	}
	head, body, ok := bytes.Cut(raw[len(fence):], []byte("\n"+fence))
	if !ok {
		return nil, fmt.Errorf("%s: no +++ line closing the TOML header", name)
	}
	if !utf8.Valid(body) {
		return nil, fmt.Errorf("%s: text is not valid UTF-8", name)
	}
	var d sourceDocument
	md, err := toml.Decode(string(head)+"\n", &d)
	if err != nil {
		return nil, fmt.Errorf("%s: header: %v", name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("%s: header: unknown key %q", name, u[0].String())
	}
	d.file = name
	d.original = string(body)
	if d.text, err = cleanText(d.original, d.Clean.Start, d.Clean.End, d.Clean.Drop); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if d.ID == "" {
		d.ID = strings.TrimSuffix(path.Base(name), ".txt")
	}
	return &d, nil
}

// cleanText keeps the article from the text a page was saved with: what lies
// from start up to end, less the lines that begin with a drop prefix (menus,
// share buttons, "Also Read" links), with runs of blank lines folded.
func cleanText(original, start, end string, drop []string) (string, error) {
	text := original
	if start != "" {
		i := strings.Index(text, start)
		if i < 0 {
			return "", fmt.Errorf("clean.start %q not found in the text", start)
		}
		text = text[i:]
	}
	if end != "" {
		i := strings.Index(text, end)
		if i < 0 {
			return "", fmt.Errorf("clean.end %q not found in the text", end)
		}
		text = text[:i]
	}
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	blank := 0
	for _, l := range lines {
		if hasAnyPrefix(strings.TrimSpace(l), drop) {
			continue
		}
		if strings.TrimSpace(l) == "" {
			if blank++; blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		kept = append(kept, strings.TrimRight(l, " \t"))
	}
	return strings.TrimSpace(strings.Join(kept, "\n")), nil
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if p != "" && strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// check validates references, dates and quotes, resolving each event's date
// phrase and each quote's offsets as it goes.
func (src *Source) check() []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }

	docs := map[string]*sourceDocument{}
	for i := range src.Documents {
		d := &src.Documents[i]
		where := d.file
		if docs[d.ID] != nil {
			fail("%s: document id %q used twice", where, d.ID)
		}
		docs[d.ID] = d
		if d.Title == "" {
			fail("%s: no title", where)
		}
		r, err := documentDate(d.Published, d.PublishedPrecision)
		if err != nil {
			fail("%s: published: %v", where, err)
		}
		d.published = r
		b, err := ParseBasis(d.PublishedBasis)
		if err != nil {
			fail("%s: published_basis: %v", where, err)
		} else if b == Relative {
			fail("%s: published_basis cannot be relative", where)
		} else if (b == NoBasis) != !r.Known() {
			fail("%s: published_basis %s does not fit published %q", where, b, d.Published)
		}
		if b == Inferred && d.PublishedNote == "" {
			fail("%s: an inferred publication date needs a published_note saying from what", where)
		}
	}
	actors := map[string]bool{}
	for _, a := range src.Actors {
		where := fmt.Sprintf("actors.toml: actor %q", a.ID)
		if a.ID == "" || actors[a.ID] {
			fail("%s: missing or repeated id", where)
		}
		actors[a.ID] = true
		if a.Name == "" {
			fail("%s: no name", where)
		}
		if !oneOf(a.Kind, "person", "state", "organisation") {
			fail("%s: kind %q: want person, state or organisation", where, a.Kind)
		}
		if !oneOf(a.Group, GroupMexico, GroupPeru, GroupUnitedStates, GroupRegional, GroupOther) {
			fail("%s: group %q: want mexico, peru, united-states, regional or other", where, a.Group)
		}
	}
	places := map[string]bool{}
	for _, p := range src.Places {
		if p.ID == "" || places[p.ID] || p.Name == "" {
			fail("places.toml: place %q: missing or repeated id, or no name", p.ID)
		}
		places[p.ID] = true
	}
	events := map[string]bool{}
	for i := range src.Events {
		e := &src.Events[i]
		where := fmt.Sprintf("events.toml: event %q", e.ID)
		if e.ID == "" || events[e.ID] {
			fail("%s: missing or repeated id", where)
		}
		events[e.ID] = true
		if e.Title == "" {
			fail("%s: no title", where)
		}
		if !oneOf(e.Category, Categories...) {
			fail("%s: category %q: want one of %s", where, e.Category, strings.Join(Categories, ", "))
		}
		for _, p := range e.Places {
			if !places[p] {
				fail("%s: unknown place %q", where, p)
			}
		}
		if len(e.Actors) == 0 {
			fail("%s: no actors", where)
		}
		seen := map[string]bool{}
		for _, a := range e.Actors {
			if !actors[a.Actor] {
				fail("%s: unknown actor %q", where, a.Actor)
			}
			if seen[a.Actor] {
				fail("%s: actor %q listed twice", where, a.Actor)
			}
			seen[a.Actor] = true
		}
		for _, p := range e.checkDate(docs) {
			fail("%s: %s", where, p)
		}
		if len(e.Sources) == 0 {
			fail("%s: no evidence: every event needs a passage quoted from a document", where)
		}
		sides := map[string]bool{}
		e.offsets = make([][2]int, len(e.Sources))
		for j, s := range e.Sources {
			d := docs[s.Document]
			if d == nil {
				fail("%s: source %d: unknown document %q", where, j+1, s.Document)
				continue
			}
			start, end, ok := runeOffsets(d.text, s.Quote)
			if !ok {
				fail("%s: source %d: quote not found in the cleaned text of %s: %q", where, j+1, s.Document, s.Quote)
				continue
			}
			e.offsets[j] = [2]int{start, end}
			if s.Side != "" {
				sides[s.Side] = true
			}
		}
		for _, dis := range e.Disagreements {
			if dis.Topic == "" || len(dis.Sides) < 2 {
				fail("%s: a disagreement needs a topic and at least two sides", where)
			}
			for _, side := range dis.Sides {
				if !sides[side] {
					fail("%s: disagreement %q: no source has side %q", where, dis.Topic, side)
				}
			}
		}
	}
	return errs
}

// checkDate resolves the event's date and checks it against what the author
// wrote: for a phrase that resolves, the resolved range is the truth.
func (e *sourceEvent) checkDate(docs map[string]*sourceDocument) []string {
	var errs []string
	basis, err := ParseBasis(e.Basis)
	if err != nil {
		return []string{err.Error()}
	}
	e.basis = basis
	prec, err := ParsePrecision(e.Precision)
	if err != nil {
		return []string{err.Error()}
	}
	var given DateRange
	given.Precision = prec
	if e.Start != "" || e.End != "" {
		if given.Start, err = ParseDay(e.Start); err != nil {
			errs = append(errs, "start: "+err.Error())
		}
		if given.End, err = ParseDay(e.End); err != nil {
			errs = append(errs, "end: "+err.Error())
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if err := given.Validate(); err != nil {
		return []string{"date: " + err.Error()}
	}
	e.date = given
	var anchor DateRange
	if e.Document != "" {
		d := docs[e.Document]
		if d == nil {
			return []string{fmt.Sprintf("date document %q is unknown", e.Document)}
		}
		anchor = d.published
		if e.Phrase != "" && !strings.Contains(d.text, e.Phrase) {
			errs = append(errs, fmt.Sprintf("phrase %q does not occur in %s", e.Phrase, e.Document))
		}
	}
	switch basis {
	case Relative:
		if e.Phrase == "" || e.Document == "" {
			return append(errs, "a relative date needs a phrase and the document it is relative to")
		}
		got, gotBasis, err := ResolvePhrase(e.Phrase, anchor)
		if err != nil {
			return append(errs, err.Error())
		}
		if gotBasis != Relative {
			errs = append(errs, fmt.Sprintf("phrase %q gives its own date: basis should be stated", e.Phrase))
		}
		if got != given {
			errs = append(errs, fmt.Sprintf("phrase %q against %s resolves to %s..%s (%s), not %s..%s (%s)",
				e.Phrase, e.Document, FormatDay(got.Start), FormatDay(got.End), got.Precision,
				e.Start, e.End, given.Precision))
		}
	case Stated:
		if !given.Known() {
			errs = append(errs, "a stated date needs start and end")
		}
		if e.Phrase != "" {
			got, gotBasis, err := ResolvePhrase(e.Phrase, anchor)
			if err == nil && gotBasis == Relative {
				errs = append(errs, fmt.Sprintf("phrase %q is relative to the publication date: basis should be relative", e.Phrase))
			} else if err == nil && got != given {
				errs = append(errs, fmt.Sprintf("phrase %q resolves to %s..%s (%s), not %s..%s (%s)",
					e.Phrase, FormatDay(got.Start), FormatDay(got.End), got.Precision, e.Start, e.End, given.Precision))
			}
		}
	case Inferred:
		if e.Note == "" {
			errs = append(errs, "an inferred date needs a note saying from what")
		}
		if !given.Known() {
			errs = append(errs, "an inferred date needs start and end")
		}
	case NoBasis:
		if given.Known() || prec != Unknown {
			errs = append(errs, "basis unknown: leave start and end out and set precision unknown")
		}
	}
	return errs
}

func documentDate(published, precision string) (DateRange, error) {
	p, err := ParsePrecision(precision)
	if err != nil {
		return DateRange{}, err
	}
	r := DateRange{Precision: p}
	if published != "" {
		first, last, isRange := strings.Cut(published, "/")
		if r.Start, err = ParseDay(first); err != nil {
			return DateRange{}, err
		}
		r.End = r.Start
		if isRange {
			if r.End, err = ParseDay(last); err != nil {
				return DateRange{}, err
			}
		}
	}
	return r, r.Validate()
}

// runeOffsets finds quote in text and returns its offsets in runes.
func runeOffsets(text, quote string) (start, end int, ok bool) {
	if quote == "" {
		return 0, 0, false
	}
	i := strings.Index(text, quote)
	if i < 0 {
		return 0, 0, false
	}
	start = utf8.RuneCountInString(text[:i])
	return start, start + utf8.RuneCountInString(quote), true
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// write brings the bundled rows in tx in line with the source: rows are
// updated in place by id, never deleted and re-added, so that nothing of the
// researcher's that links to them is cascaded away. The bundled events'
// own links are rebuilt whole; bundled rows the source no longer has are
// removed unless something of the researcher's still refers to them.
func (src *Source) write(ctx context.Context, tx *sql.Tx) error {
	if err := src.checkClashes(ctx, tx); err != nil {
		return err
	}
	for _, q := range []string{
		`DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
		`DELETE FROM event_places WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
		`DELETE FROM evidence WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
		`DELETE FROM disagreements WHERE event_id IN (SELECT id FROM events WHERE origin = 'bundled')`,
		`DELETE FROM actor_aliases WHERE actor_id IN (SELECT id FROM actors WHERE origin = 'bundled')`,
		`DELETE FROM text_index WHERE (kind = 'event' AND ref IN (SELECT id FROM events WHERE origin = 'bundled'))
			OR (kind = 'document' AND ref IN (SELECT id FROM documents WHERE origin = 'bundled'))`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	for _, d := range src.Documents {
		if err := upsert(ctx, tx, "documents", []string{"id", "title", "publisher", "author", "url", "language",
			"published_start", "published_end", "published_precision", "published_basis", "published_note", "note",
			"source_name", "text", "original"},
			d.ID, d.Title, d.Publisher, d.Author, d.URL, d.Language,
			nullable(FormatDay(d.published.Start)), nullable(FormatDay(d.published.End)),
			string(d.published.Precision), d.PublishedBasis, d.PublishedNote, d.Note, d.Seed,
			d.text, d.original); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO text_index (kind, ref, title, body) VALUES ('document', ?, ?, ?)`,
			d.ID, d.Title, d.text); err != nil {
			return fmt.Errorf("document %s: %w", d.ID, err)
		}
	}
	for _, a := range src.Actors {
		if err := upsert(ctx, tx, "actors", []string{"id", "name", "kind", "grp", "description"},
			a.ID, a.Name, a.Kind, a.Group, a.Description); err != nil {
			return fmt.Errorf("actor %s: %w", a.ID, err)
		}
		for _, al := range a.Aliases {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`, a.ID, al); err != nil {
				return fmt.Errorf("actor %s: %w", a.ID, err)
			}
		}
	}
	for _, p := range src.Places {
		if err := upsert(ctx, tx, "places", []string{"id", "name", "country"}, p.ID, p.Name, p.Country); err != nil {
			return fmt.Errorf("place %s: %w", p.ID, err)
		}
	}
	for _, e := range src.Events {
		if err := e.write(ctx, tx); err != nil {
			return fmt.Errorf("event %s: %w", e.ID, err)
		}
	}
	if err := src.pruneStale(ctx, tx); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('source_digest', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, src.Digest)
	return err
}

// upsert inserts a row or updates the one with its id (the first column).
func upsert(ctx context.Context, tx *sql.Tx, table string, cols []string, args ...any) error {
	set := make([]string, 0, len(cols)-1)
	for _, c := range cols[1:] {
		set = append(set, c+" = excluded."+c)
	}
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (?%s) ON CONFLICT (id) DO UPDATE SET %s",
		table, strings.Join(cols, ", "), strings.Repeat(", ?", len(cols)-1), strings.Join(set, ", "))
	_, err := tx.ExecContext(ctx, q, args...)
	return err
}

// checkClashes refuses a source whose ids name rows the researcher added.
func (src *Source) checkClashes(ctx context.Context, tx *sql.Tx) error {
	ids := map[string][]string{}
	for _, d := range src.Documents {
		ids["documents"] = append(ids["documents"], d.ID)
	}
	for _, a := range src.Actors {
		ids["actors"] = append(ids["actors"], a.ID)
	}
	for _, p := range src.Places {
		ids["places"] = append(ids["places"], p.ID)
	}
	for _, e := range src.Events {
		ids["events"] = append(ids["events"], e.ID)
	}
	var clashes []string
	for _, table := range []string{"documents", "actors", "places", "events"} {
		users, err := userIDs(ctx, tx, table)
		if err != nil {
			return err
		}
		for _, id := range ids[table] {
			if users[id] {
				clashes = append(clashes, table+" "+id)
			}
		}
	}
	if len(clashes) > 0 {
		return fmt.Errorf("the bundled corpus uses ids the researcher's own rows have (%s); nothing was changed",
			strings.Join(clashes, ", "))
	}
	return nil
}

func userIDs(ctx context.Context, tx *sql.Tx, table string) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" WHERE origin = 'user'")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// pruneStale removes bundled rows the source no longer has. Events go (with
// their own links); an actor, place or document stays while anything still
// refers to it, which after the rebuild can only be the researcher's rows.
func (src *Source) pruneStale(ctx context.Context, tx *sql.Tx) error {
	keep := map[string]bool{}
	for _, d := range src.Documents {
		keep["documents\x00"+d.ID] = true
	}
	for _, a := range src.Actors {
		keep["actors\x00"+a.ID] = true
	}
	for _, p := range src.Places {
		keep["places\x00"+p.ID] = true
	}
	for _, e := range src.Events {
		keep["events\x00"+e.ID] = true
	}
	unreferenced := map[string]string{
		"events":    "",
		"actors":    " AND NOT EXISTS (SELECT 1 FROM event_actors WHERE actor_id = actors.id)",
		"places":    " AND NOT EXISTS (SELECT 1 FROM event_places WHERE place_id = places.id)",
		"documents": " AND NOT EXISTS (SELECT 1 FROM evidence WHERE document_id = documents.id) AND NOT EXISTS (SELECT 1 FROM events WHERE date_anchor = documents.id)",
	}
	for _, table := range []string{"events", "actors", "places", "documents"} {
		rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" WHERE origin = 'bundled'")
		if err != nil {
			return err
		}
		var stale []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			if !keep[table+"\x00"+id] {
				stale = append(stale, id)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range stale {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?"+unreferenced[table], id); err != nil {
				return fmt.Errorf("remove %s %s: %w", table, id, err)
			}
		}
	}
	return nil
}

func (e *sourceEvent) write(ctx context.Context, tx *sql.Tx) error {
	if err := upsert(ctx, tx, "events", []string{"id", "title", "summary", "category", "start_date", "end_date",
		"precision", "date_basis", "date_phrase", "date_anchor", "date_note"},
		e.ID, e.Title, e.Summary, e.Category, nullable(FormatDay(e.date.Start)), nullable(FormatDay(e.date.End)),
		string(e.date.Precision), string(e.basis), e.Phrase, nullable(e.Document), e.Note); err != nil {
		return err
	}
	for i, a := range e.Actors {
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (?, ?, ?, ?)`,
			e.ID, a.Actor, a.Role, i); err != nil {
			return err
		}
	}
	for _, p := range e.Places {
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_places (event_id, place_id) VALUES (?, ?)`, e.ID, p); err != nil {
			return err
		}
	}
	for i, s := range e.Sources {
		if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (event_id, document_id, quote, start_char, end_char, side, position)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ID, s.Document, s.Quote, e.offsets[i][0], e.offsets[i][1], s.Side, i); err != nil {
			return err
		}
	}
	for _, d := range e.Disagreements {
		if _, err := tx.ExecContext(ctx, `INSERT INTO disagreements (event_id, topic, summary, sides) VALUES (?, ?, ?, ?)`,
			e.ID, d.Topic, d.Summary, strings.Join(d.Sides, "\n")); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO text_index (kind, ref, title, body) VALUES ('event', ?, ?, ?)`,
		e.ID, e.Title, e.Summary)
	return err
}
