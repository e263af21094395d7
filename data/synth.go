package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// synthEventsPerDocument is how many events quote each synthetic document,
// about as many as the bundled documents support.
const synthEventsPerDocument = 10

// WriteSyntheticSource writes corpus sources with n events into dir, shaped
// like the bundled ones in assets/corpus, so the corpus can be measured at
// sizes the bundled sources never reach (give Create os.DirFS(dir)). They
// are in the layout LoadSource and Create read: documents/*.txt with TOML
// headers, actors.toml, places.toml, events.toml and set.toml, encoded from
// the same types LoadSource decodes. The same n and seed always give the
// same sources.
func WriteSyntheticSource(dir string, n int, seed uint64) error {
	g := &synthGen{rng: rand.New(rand.NewPCG(seed, 7))}
	fsys := map[string][]byte{}
	nDocs := max(1, (n+synthEventsPerDocument-1)/synthEventsPerDocument)
	docs := make([]*synthDocument, nDocs)
	for i := range docs {
		docs[i] = g.document(i)
	}
	var events []sourceEvent
	for i := range n {
		doc := docs[i/synthEventsPerDocument]
		events = append(events, g.event(i, doc, docs[g.rng.IntN(nDocs)]))
	}
	for _, d := range docs {
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
	}{events})
	// Each size and seed is a set of its own: no other sources update it.
	fsys[sourceSetFile] = synthTOMLFile(struct {
		Name string `toml:"name"`
	}{fmt.Sprintf("synthetic-%d-%d", n, seed)})
	return writeFiles(dir, fsys)
}

// synthGen draws the synthetic sources from one random stream, so the order
// of its draws fixes what a seed gives.
type synthGen struct{ rng *rand.Rand }

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

// day is a day from 1990 to 2025.
func (g *synthGen) day() time.Time {
	from := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	return from.AddDate(0, 0, g.rng.IntN(36*365))
}

func (g *synthGen) document(i int) *synthDocument {
	d := &synthDocument{head: sourceDocument{
		ID: fmt.Sprintf("doc-%06d", i), Seed: fmt.Sprintf("%06d.txt", i),
		Title:              g.title(fmt.Sprintf("Crónica %d:", i)),
		Publisher:          g.pick([]string{"La República", "El Comercio", "La Jornada", "Reuters", "Agencia Andina"}),
		Language:           g.pick([]string{"es", "en"}),
		PublishedPrecision: "day", PublishedBasis: "stated",
	}}
	d.published = g.day() // drawn after the header's picks; moving it would change every seed's corpus
	d.head.Published = d.published.Format(time.DateOnly)
	fmt.Fprintf(&d.body, "Lima/Ciudad de México. Officials said yesterday that talks would go on; la cancillería guardó silencio (%d).\n", i)
	return d
}

// title makes a title of 40 to 90 runes.
func (g *synthGen) title(prefix string) string {
	t := fmt.Sprintf("%s %s %s %s en %s", prefix,
		g.pick(synthPeople), g.pick(synthVerbs), g.pick(synthBodies), g.pick(synthCities))
	for len([]rune(t)) < 40 {
		t += " tras " + g.pick(synthTopics)
	}
	if r := []rune(t); len(r) > 90 {
		t = strings.TrimSpace(string(r[:90]))
	}
	return t
}

// quote adds a sentence to d's text and returns it, unique in the corpus.
func (g *synthGen) quote(d *synthDocument, ev, k int) string {
	q := fmt.Sprintf("Según fuentes de %s, %s %s %s por %s (nota %d-%d).",
		g.pick(synthCities), g.pick(synthPeople), g.pick(synthVerbs), g.pick(synthBodies), g.pick(synthTopics), ev, k)
	d.body.WriteString(q + "\n")
	return q
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
	if g.rng.IntN(2) == 0 {
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

// date gives e a date the source checks accept: mostly stated, some
// resolved from "yesterday" in its document, some inferred, a few unknown.
func (g *synthGen) date(e *sourceEvent, home *synthDocument) {
	switch r := g.rng.IntN(20); {
	case r == 0:
		e.Basis = "unknown"
	case r == 1:
		e.Date, e.Basis = home.published.AddDate(0, 0, -1).Format(time.DateOnly), "relative"
		e.Phrase, e.Document = "yesterday", home.head.ID
	case r == 2:
		e.Date, e.Basis, e.Note = g.day().Format("2006-01"), "inferred", "Deducido de la cronología del artículo."
	default:
		start := g.day()
		e.Date, e.Basis = start.Format(time.DateOnly), "stated"
		switch {
		case r < 4:
			e.Date = "[" + e.Date + ".." + start.AddDate(0, 0, 4).Format(time.DateOnly) + "]"
		case r < 6:
			e.Date += "/" + start.AddDate(0, 0, 6).Format(time.DateOnly)
		}
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
