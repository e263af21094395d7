package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// synthEventsPerDocument is how many events quote each synthetic document,
// unless told otherwise, about as many as the bundled documents support.
const synthEventsPerDocument = 10

// SynthOptions says what synthetic corpus to make. The same options always
// give the same corpus.
type SynthOptions struct {
	// Events is how many events, at least 1.
	Events int
	// Documents is how many ordinary documents the events quote; 0 gives
	// one for every ten events.
	Documents int
	// Seed picks the random stream everything is drawn from.
	Seed uint64
	// LongDocumentBytes, when above 0, adds one document of about that
	// many bytes of text, which a few events quote: the long document a
	// year of wire stories or a book brings.
	LongDocumentBytes int
}

// documents is how many ordinary documents o gives.
func (o SynthOptions) documents() int {
	if o.Documents > 0 {
		return o.Documents
	}
	return max(1, (o.Events+synthEventsPerDocument-1)/synthEventsPerDocument)
}

// name identifies the options, as the corpus's set of sources.
func (o SynthOptions) name() string {
	name := fmt.Sprintf("synthetic-%d-%d", o.Events, o.Seed)
	if o.Documents > 0 {
		name += fmt.Sprintf("-docs%d", o.Documents)
	}
	if o.LongDocumentBytes > 0 {
		name += fmt.Sprintf("-long%d", o.LongDocumentBytes)
	}
	return name
}

// CreateSynthetic builds a new synthetic corpus at path, as Create builds
// one from sources, never replacing an existing file. It makes the same
// corpus as Create does from WriteSyntheticSource's files, but for the
// digest it records, without writing and reading them back.
func CreateSynthetic(ctx context.Context, path string, o SynthOptions) error {
	if o.Events < 1 || o.Documents < 0 || o.LongDocumentBytes < 0 {
		return errors.New("synthetic corpus: want at least one event, and no negative counts")
	}
	src := newSynthetic(o).source()
	if errs := src.check(); len(errs) > 0 {
		return &SourceError{Problems: errs}
	}
	return createFrom(ctx, path, src)
}

// WriteSyntheticSource writes corpus sources with n events into dir, shaped
// like the bundled ones in assets/corpus, so the corpus can be measured at
// sizes the bundled sources never reach (give Create os.DirFS(dir)). They
// are in the layout LoadSource and Create read: documents/*.txt with TOML
// headers, actors.toml, places.toml, events.toml and set.toml, encoded from
// the same types LoadSource decodes. The same n and seed always give the
// same sources, those of CreateSynthetic with SynthOptions{Events: n,
// Seed: seed}.
func WriteSyntheticSource(dir string, n int, seed uint64) error {
	s := newSynthetic(SynthOptions{Events: n, Seed: seed})
	fsys := map[string][]byte{}
	for _, d := range s.docs {
		fsys["documents/"+d.head.ID+".txt"] = d.file()
	}
	fsys["actors.toml"] = synthTOMLFile(struct {
		Actor []sourceActor `toml:"actor"`
	}{synthActors()})
	fsys["places.toml"] = synthTOMLFile(struct {
		Place []sourcePlace `toml:"place"`
	}{synthPlaces()})
	fsys["events.toml"] = synthTOMLFile(struct {
		Event []sourceEvent `toml:"event"`
	}{s.events})
	// Each size and seed is a set of its own: no other sources update it.
	fsys[sourceSetFile] = synthTOMLFile(struct {
		Name string `toml:"name"`
	}{s.opts.name()})
	return writeFiles(dir, fsys)
}

// synthetic is a generated corpus before it is checked: its documents,
// whose text grew as events quoted them, and its events.
type synthetic struct {
	opts   SynthOptions
	docs   []*synthDocument
	events []sourceEvent
}

// newSynthetic draws the corpus o describes. Most events quote an ordinary
// document and half of them a second; a few ordinary documents are far
// longer than the rest; events fall from 1990 to 2025, some in bursts of
// crisis weeks, some undated, some spans with open ends.
func newSynthetic(o SynthOptions) *synthetic {
	g := &synthGen{rng: rand.New(rand.NewPCG(o.Seed, 7))}
	g.crises = g.crisisWeeks()
	s := &synthetic{opts: o}
	nDocs := o.documents()
	s.docs = make([]*synthDocument, nDocs)
	for i := range s.docs {
		s.docs[i] = g.document(i)
	}
	var long *synthDocument
	if o.LongDocumentBytes > 0 {
		long = g.document(nDocs)
		long.head.ID = "doc-long"
	}
	s.events = make([]sourceEvent, o.Events)
	for i := range s.events {
		home := s.docs[i*nDocs/o.Events]
		other := s.docs[g.rng.IntN(nDocs)]
		// A handful of events spread through the corpus quote the long
		// document, so it is found, opened and read like any other.
		if long != nil && i%max(1, o.Events/synthLongQuotes) == 0 {
			other = long
		}
		s.events[i] = g.event(i, home, other)
	}
	// Long documents: one ordinary document in a thousand, the first
	// among them, gets far more text than the events quote.
	for i := 0; i < nDocs; i += synthLongEvery {
		g.fill(s.docs[i], synthLongText)
	}
	if long != nil {
		g.fill(long, o.LongDocumentBytes)
		s.docs = append(s.docs, long)
	}
	return s
}

const (
	// synthLongEvery is how many documents there are for each long one.
	synthLongEvery = 1000
	// synthLongText is how many bytes of text a long ordinary document has.
	synthLongText = 300_000
	// synthLongQuotes is about how many events quote the long document
	// SynthOptions.LongDocumentBytes adds.
	synthLongQuotes = 10
	// synthBurstPercent is the share of events that fall in a crisis week.
	synthBurstPercent = 3
)

// source is the generated corpus as LoadSource would read it from
// WriteSyntheticSource's files, not yet checked.
func (s *synthetic) source() *Source {
	src := &Source{Actors: synthActors(), Places: synthPlaces(), Events: s.events, Set: s.opts.name()}
	sum := sha256.Sum256([]byte("chronoscope synthetic v2 " + src.Set))
	src.Digest = hex.EncodeToString(sum[:])
	src.Documents = make([]sourceDocument, len(s.docs))
	for i, d := range s.docs {
		doc := d.head
		doc.file = "documents/" + doc.ID + ".txt"
		doc.original = d.body.String()
		doc.text, _ = cleanText(doc.original, "", "", nil) // no markers, so no error
		src.Documents[i] = doc
	}
	return src
}

// synthGen draws the synthetic sources from one random stream, so the order
// of its draws fixes what a seed gives.
type synthGen struct {
	rng    *rand.Rand
	crises []time.Time // the first days of the crisis weeks
}

// synthDocument is a generated document: its header, its publication day,
// and its text, which grows as events quote it.
type synthDocument struct {
	head      sourceDocument
	published time.Time
	body      strings.Builder
}

var (
	synthPeople = []string{"Andrés Manuel López Obrador", "Pedro Castillo", "Dina Boluarte", "Marcelo Ebrard",
		"Rogelio Ramírez de la O", "Lisa Kenna", "Pablo Monroy", "Lilia Paredes", "Alicia Bárcena", "Ana Cecilia Gervasi"}
	synthBodies = []string{"Perú", "México", "Estados Unidos", "CELAC", "Alianza del Pacífico", "Congreso del Perú",
		"Secretaría de Relaciones Exteriores", "Organización de los Estados Americanos"}
	synthGroups = []string{GroupMexico, GroupPeru, GroupUnitedStates, GroupRegional, GroupOther}
	synthCities = []string{"Lima", "Ciudad de México", "Cusco", "Arequipa", "Guadalajara", "Monterrey", "Bogotá",
		"Santiago", "Quito", "La Paz", "Washington", "Brasília", "Mérida", "Trujillo", "Piura"}
	synthVerbs = []string{"rechaza", "defiende", "critica", "expulsa a", "recibe a", "visita", "acusa a", "apoya a",
		"rejects", "meets", "defends", "recalls", "grants asylum to", "criticises"}
	// synthLanguages are the words a title is made of in each language.
	synthLanguages = []struct {
		code, in, after string
		verbs, topics   []string
	}{
		{"es", "en", "tras", []string{"rechaza", "defiende", "critica", "expulsa a", "recibe a", "visita", "acusa a", "apoya a"},
			[]string{"la crisis diplomática", "el asilo político", "la presidencia pro tempore", "la vacancia presidencial",
				"la declaración de la cumbre", "la expulsión del embajador"}},
		{"en", "in", "after", []string{"rejects", "meets", "defends", "recalls", "grants asylum to", "criticises", "welcomes"},
			[]string{"the diplomatic crisis", "the ambassador's expulsion", "the trade agreement", "the summit declaration",
				"the impeachment vote", "the asylum request"}},
	}
	synthTopics = []string{"la crisis diplomática", "el asilo político", "la presidencia pro tempore",
		"the ambassador's expulsion", "the trade agreement", "la vacancia presidencial", "the summit declaration"}
	synthSides = [][2]string{{"golpe", "vacancia legal"}, {"coup", "lawful removal"}, {"asilo", "injerencia"}}
)

func synthActors() []sourceActor {
	var out []sourceActor
	for i, name := range synthPeople {
		out = append(out, sourceActor{ID: fmt.Sprintf("person-%02d", i), Name: name, Kind: "person",
			Group: synthGroups[i%len(synthGroups)], Aliases: []string{strings.ToUpper(name[:3])},
			Description: "Figura pública de la relación México–Perú."})
	}
	for i, name := range synthBodies {
		kind := "organisation"
		if i < 3 {
			kind = "state"
		}
		out = append(out, sourceActor{ID: fmt.Sprintf("body-%02d", i), Name: name, Kind: kind,
			Group: synthGroups[(i+2)%len(synthGroups)], Description: "Institución con presencia en la región."})
	}
	return out
}

func synthPlaces() []sourcePlace {
	out := make([]sourcePlace, len(synthCities))
	for i, name := range synthCities {
		out[i] = sourcePlace{ID: fmt.Sprintf("place-%02d", i), Name: name, Country: "—"}
	}
	return out
}

// synthActorID is the ID synthActors gives the i-th actor, people first.
func synthActorID(i int) string {
	if i < len(synthPeople) {
		return fmt.Sprintf("person-%02d", i)
	}
	return fmt.Sprintf("body-%02d", i-len(synthPeople))
}

func (g *synthGen) pick(s []string) string { return s[g.rng.IntN(len(s))] }

// synthFrom and synthDays bound the synthetic dates: 1990 to 2025.
var synthFrom = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

const synthDays = 36 * 365

// day is a day from 1990 to 2025.
func (g *synthGen) day() time.Time { return synthFrom.AddDate(0, 0, g.rng.IntN(synthDays)) }

// crisisWeeks are the first days of three weeks in which bursts of events
// fall: the first is the week of Castillo's removal, which the bundled
// corpus covers day by day.
func (g *synthGen) crisisWeeks() []time.Time {
	return []time.Time{time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC), g.day(), g.day()}
}

func (g *synthGen) document(i int) *synthDocument {
	prefix := g.pick([]string{"Crónica", "Report"})
	d := &synthDocument{head: sourceDocument{
		ID: fmt.Sprintf("doc-%06d", i), Seed: fmt.Sprintf("%06d.txt", i),
		Title:              g.title(fmt.Sprintf("%s %d:", prefix, i)),
		Publisher:          g.pick([]string{"La República", "El Comercio", "La Jornada", "Reuters", "Agencia Andina"}),
		Language:           g.pick([]string{"es", "en"}),
		PublishedPrecision: "day", PublishedBasis: "stated",
	}}
	d.published = g.day()
	d.head.Published = d.published.Format(time.DateOnly)
	fmt.Fprintf(&d.body, "Lima/Ciudad de México. Officials said yesterday that talks would go on; la cancillería guardó silencio (%d).\n", i)
	return d
}

// title makes a title of 40 to 90 runes, in Spanish or English.
func (g *synthGen) title(prefix string) string {
	l := synthLanguages[g.rng.IntN(len(synthLanguages))]
	t := fmt.Sprintf("%s %s %s %s %s %s", prefix, g.pick(synthPeople), g.pick(l.verbs), g.pick(synthBodies), l.in, g.pick(synthCities))
	t = strings.TrimSpace(t)
	for len([]rune(t)) < 40 {
		t += " " + l.after + " " + g.pick(l.topics)
	}
	if r := []rune(t); len(r) > 90 {
		t = strings.TrimSpace(string(r[:90]))
	}
	return t
}

// sentence is a line of a document's text, in Spanish.
func (g *synthGen) sentence() string {
	return fmt.Sprintf("Según fuentes de %s, %s %s %s por %s",
		g.pick(synthCities), g.pick(synthPeople), g.pick(synthVerbs), g.pick(synthBodies), g.pick(synthTopics))
}

// quote adds a sentence to d's text and returns it, unique in the corpus.
func (g *synthGen) quote(d *synthDocument, ev, k int) string {
	q := fmt.Sprintf("%s (nota %d-%d).", g.sentence(), ev, k)
	d.body.WriteString(q + "\n")
	return q
}

// fill adds paragraphs of sentences to d's text until it holds about n
// bytes. No event quotes them, so they never repeat a quote.
func (g *synthGen) fill(d *synthDocument, n int) {
	for par := 0; d.body.Len() < n; par++ {
		d.body.WriteString("\n")
		for range 8 {
			d.body.WriteString(g.sentence())
			d.body.WriteString(". ")
		}
		fmt.Fprintf(&d.body, "(§%d)\n", par)
	}
}

func (g *synthGen) event(i int, home, other *synthDocument) sourceEvent {
	e := sourceEvent{
		ID: fmt.Sprintf("event-%07d", i), Title: g.title(""), Category: g.pick(Categories),
		Summary: fmt.Sprintf("Resumen del suceso %d: %s, según la prensa de la región.", i, g.pick(synthTopics)),
	}
	for _, a := range g.rng.Perm(len(synthPeople) + len(synthBodies))[:1+g.rng.IntN(3)] {
		e.Actors = append(e.Actors, sourceEventActor{Actor: synthActorID(a), Role: g.pick(synthVerbs)})
	}
	for _, p := range g.rng.Perm(len(synthCities))[:g.rng.IntN(3)] {
		e.Places = append(e.Places, fmt.Sprintf("place-%02d", p))
	}
	g.date(&e, home)
	e.Sources = []sourceCitation{{Document: home.head.ID, Quote: g.quote(home, i, 0)}}
	if other != home && (other.head.ID == "doc-long" || g.rng.IntN(2) == 0) {
		e.Sources = append(e.Sources, sourceCitation{Document: other.head.ID, Quote: g.quote(other, i, 1)})
	}
	if len(e.Sources) == 2 && g.rng.IntN(5) == 0 {
		s := synthSides[g.rng.IntN(len(synthSides))]
		e.Sources[0].Side, e.Sources[1].Side = s[0], s[1]
		e.Disagreements = []sourceDisagreement{{Topic: "¿" + s[0] + " o " + s[1] + "?",
			Summary: "Las fuentes no coinciden.", Sides: []string{s[0], s[1]}}}
	}
	return e
}

// date gives e a date the source checks accept, in the shapes researchers'
// sources have: mostly a stated day, some in a crisis week's burst, some
// resolved from "yesterday" in its document, some inferred to a month or a
// year, uncertain moments, spans with closed or open ends, a few unknown.
func (g *synthGen) date(e *sourceEvent, home *synthDocument) {
	const inferred = "Deducido de la cronología del artículo."
	r := g.rng.IntN(100)
	if r < synthBurstPercent {
		week := g.crises[g.rng.IntN(len(g.crises))]
		e.Date, e.Basis = week.AddDate(0, 0, g.rng.IntN(7)).Format(time.DateOnly), "stated"
		return
	}
	start := g.day()
	day := start.Format(time.DateOnly)
	switch r -= synthBurstPercent; {
	case r < 5:
		e.Basis = "unknown"
	case r < 10:
		e.Date, e.Basis = home.published.AddDate(0, 0, -1).Format(time.DateOnly), "relative"
		e.Phrase, e.Document = "yesterday", home.head.ID
	case r < 15:
		e.Date, e.Basis, e.Note = start.Format("2006-01"), "inferred", inferred
	case r < 17:
		e.Date, e.Basis, e.Note = start.Format("2006"), "inferred", inferred
	case r < 22:
		e.Date, e.Basis = "["+day+".."+start.AddDate(0, 0, 4).Format(time.DateOnly)+"]", "stated"
	case r < 30:
		e.Date, e.Basis = day+"/"+start.AddDate(0, 0, 1+g.rng.IntN(60)).Format(time.DateOnly), "stated"
	case r < 32:
		e.Date, e.Basis = start.Format("2006-01")+"/"+start.AddDate(0, 2, 0).Format(time.DateOnly), "stated"
	case r < 33:
		e.Date, e.Basis = day+"/..", "stated"
	case r < 34:
		e.Date, e.Basis = "../"+day, "stated"
	default:
		e.Date, e.Basis = day, "stated"
	}
}

// file is the document as a source file: TOML header between +++ lines,
// then its text, as parseDocument splits it.
func (d *synthDocument) file() []byte {
	var b bytes.Buffer
	b.WriteString("+++\n")
	if err := toml.NewEncoder(&b).Encode(&d.head); err != nil {
		panic(err) // only our own fixed types are encoded
	}
	b.WriteString("+++\n")
	b.WriteString(d.body.String())
	return b.Bytes()
}

func synthTOMLFile(v any) []byte {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(v); err != nil {
		panic(err) // only our own fixed types are encoded
	}
	return b.Bytes()
}

// writeFiles writes each file, named by its slash-separated path, under dir.
func writeFiles(dir string, files map[string][]byte) error {
	for name, b := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
