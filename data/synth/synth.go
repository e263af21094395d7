// Package synth makes corpus sources of any size, shaped like the bundled
// ones in assets/corpus, so the corpus can be measured at sizes the bundled
// sources never reach. The same size and seed always give the same sources.
package synth

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
	"time"

	"github.com/BurntSushi/toml"

	"chronoscope/data"
)

// eventsPerDocument is how many events quote each document, about as many
// as the bundled documents support.
const eventsPerDocument = 10

// Source returns sources with n events, in the layout data.LoadSource and
// data.Create read: documents/*.txt with TOML headers, actors.toml,
// places.toml and events.toml.
func Source(n int, seed uint64) fstest.MapFS {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 7))}
	fsys := fstest.MapFS{}
	nDocs := max(1, (n+eventsPerDocument-1)/eventsPerDocument)
	docs := make([]*document, nDocs)
	for i := range docs {
		docs[i] = g.document(i)
	}
	var events []event
	for i := range n {
		doc := docs[i/eventsPerDocument]
		events = append(events, g.event(i, doc, docs[g.rng.IntN(nDocs)]))
	}
	for _, d := range docs {
		fsys["documents/"+d.ID+".txt"] = &fstest.MapFile{Data: d.file(), Mode: 0o644}
	}
	fsys["actors.toml"] = encode(struct {
		Actor []actor `toml:"actor"`
	}{actors()})
	fsys["places.toml"] = encode(struct {
		Place []place `toml:"place"`
	}{places()})
	fsys["events.toml"] = encode(struct {
		Event []event `toml:"event"`
	}{events})
	return fsys
}

type gen struct{ rng *rand.Rand }

type document struct {
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

	published time.Time
	body      strings.Builder
}

type actor struct {
	ID          string   `toml:"id"`
	Name        string   `toml:"name"`
	Kind        string   `toml:"kind"`
	Group       string   `toml:"group"`
	Aliases     []string `toml:"aliases"`
	Description string   `toml:"description"`
}

type place struct {
	ID      string `toml:"id"`
	Name    string `toml:"name"`
	Country string `toml:"country"`
}

type event struct {
	ID            string         `toml:"id"`
	Title         string         `toml:"title"`
	Summary       string         `toml:"summary"`
	Category      string         `toml:"category"`
	Places        []string       `toml:"places"`
	Start         string         `toml:"start,omitempty"`
	End           string         `toml:"end,omitempty"`
	Precision     string         `toml:"precision"`
	Basis         string         `toml:"basis"`
	Phrase        string         `toml:"phrase,omitempty"`
	Document      string         `toml:"document,omitempty"`
	Note          string         `toml:"note"`
	Actors        []eventActor   `toml:"actors"`
	Sources       []source       `toml:"sources"`
	Disagreements []disagreement `toml:"disagreements,omitempty"`
}

type eventActor struct {
	Actor string `toml:"actor"`
	Role  string `toml:"role"`
}

type source struct {
	Document string `toml:"document"`
	Quote    string `toml:"quote"`
	Side     string `toml:"side"`
}

type disagreement struct {
	Topic   string   `toml:"topic"`
	Summary string   `toml:"summary"`
	Sides   []string `toml:"sides"`
}

var (
	people = []string{"Andrés Manuel López Obrador", "Pedro Castillo", "Dina Boluarte", "Marcelo Ebrard",
		"Rogelio Ramírez de la O", "Lisa Kenna", "Pablo Monroy", "Lilia Paredes", "Alicia Bárcena", "Ana Cecilia Gervasi"}
	bodies = []string{"Perú", "México", "Estados Unidos", "CELAC", "Alianza del Pacífico", "Congreso del Perú",
		"Secretaría de Relaciones Exteriores", "Organización de los Estados Americanos"}
	groups    = []string{data.GroupMexico, data.GroupPeru, data.GroupUnitedStates, data.GroupRegional, data.GroupOther}
	cityNames = []string{"Lima", "Ciudad de México", "Cusco", "Arequipa", "Guadalajara", "Monterrey", "Bogotá",
		"Santiago", "Quito", "La Paz", "Washington", "Brasília", "Mérida", "Trujillo", "Piura"}
	verbs = []string{"rechaza", "defiende", "critica", "expulsa a", "recibe a", "visita", "acusa a", "apoya a",
		"rejects", "meets", "defends", "recalls", "grants asylum to", "criticises"}
	topics = []string{"la crisis diplomática", "el asilo político", "la presidencia pro tempore",
		"the ambassador's expulsion", "the trade agreement", "la vacancia presidencial", "the summit declaration"}
	sides = [][2]string{{"golpe", "vacancia legal"}, {"coup", "lawful removal"}, {"asilo", "injerencia"}}
)

func actors() []actor {
	var out []actor
	for i, name := range people {
		out = append(out, actor{ID: fmt.Sprintf("person-%02d", i), Name: name, Kind: "person",
			Group: groups[i%len(groups)], Aliases: []string{strings.ToUpper(name[:3])},
			Description: "Figura pública de la relación México–Perú."})
	}
	for i, name := range bodies {
		kind := "organisation"
		if i < 3 {
			kind = "state"
		}
		out = append(out, actor{ID: fmt.Sprintf("body-%02d", i), Name: name, Kind: kind,
			Group: groups[(i+2)%len(groups)], Description: "Institución con presencia en la región."})
	}
	return out
}

func places() []place {
	out := make([]place, len(cityNames))
	for i, name := range cityNames {
		out[i] = place{ID: fmt.Sprintf("place-%02d", i), Name: name, Country: "—"}
	}
	return out
}

func actorID(i int) string {
	if i < len(people) {
		return fmt.Sprintf("person-%02d", i)
	}
	return fmt.Sprintf("body-%02d", i-len(people))
}

func (g *gen) pick(s []string) string { return s[g.rng.IntN(len(s))] }

// day is a day from 1990 to 2025.
func (g *gen) day() time.Time {
	from := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	return from.AddDate(0, 0, g.rng.IntN(36*365))
}

func (g *gen) document(i int) *document {
	d := &document{
		ID: fmt.Sprintf("doc-%06d", i), Seed: fmt.Sprintf("%06d.txt", i),
		Title:     g.title(fmt.Sprintf("Crónica %d:", i)),
		Publisher: g.pick([]string{"La República", "El Comercio", "La Jornada", "Reuters", "Agencia Andina"}),
		Language:  g.pick([]string{"es", "en"}), published: g.day(),
		PublishedPrecision: "day", PublishedBasis: "stated",
	}
	d.Published = d.published.Format(time.DateOnly)
	fmt.Fprintf(&d.body, "Lima/Ciudad de México. Officials said yesterday that talks would go on; la cancillería guardó silencio (%d).\n", i)
	return d
}

// title makes a title of 40 to 90 runes.
func (g *gen) title(prefix string) string {
	t := fmt.Sprintf("%s %s %s %s en %s", prefix, g.pick(people), g.pick(verbs), g.pick(bodies), g.pick(cityNames))
	for len([]rune(t)) < 40 {
		t += " tras " + g.pick(topics)
	}
	if r := []rune(t); len(r) > 90 {
		t = strings.TrimSpace(string(r[:90]))
	}
	return t
}

// quote adds a sentence to d's text and returns it, unique in the corpus.
func (g *gen) quote(d *document, ev, k int) string {
	q := fmt.Sprintf("Según fuentes de %s, %s %s %s por %s (nota %d-%d).",
		g.pick(cityNames), g.pick(people), g.pick(verbs), g.pick(bodies), g.pick(topics), ev, k)
	d.body.WriteString(q + "\n")
	return q
}

func (g *gen) event(i int, home, other *document) event {
	e := event{
		ID: fmt.Sprintf("event-%07d", i), Title: g.title(""), Category: g.pick(data.Categories),
		Summary: fmt.Sprintf("Resumen del suceso %d: %s, según la prensa de la región.", i, g.pick(topics)),
	}
	for _, a := range g.rng.Perm(len(people) + len(bodies))[:1+g.rng.IntN(3)] {
		e.Actors = append(e.Actors, eventActor{Actor: actorID(a), Role: g.pick(verbs)})
	}
	for _, p := range g.rng.Perm(len(cityNames))[:g.rng.IntN(3)] {
		e.Places = append(e.Places, fmt.Sprintf("place-%02d", p))
	}
	g.date(&e, home)
	e.Sources = []source{{Document: home.ID, Quote: g.quote(home, i, 0)}}
	if g.rng.IntN(2) == 0 {
		e.Sources = append(e.Sources, source{Document: other.ID, Quote: g.quote(other, i, 1)})
	}
	if len(e.Sources) == 2 && g.rng.IntN(5) == 0 {
		s := sides[g.rng.IntN(len(sides))]
		e.Sources[0].Side, e.Sources[1].Side = s[0], s[1]
		e.Disagreements = []disagreement{{Topic: "¿" + s[0] + " o " + s[1] + "?",
			Summary: "Las fuentes no coinciden.", Sides: []string{s[0], s[1]}}}
	}
	return e
}

// date gives e a date the source checks accept: mostly stated, some
// resolved from "yesterday" in its document, some inferred, a few unknown.
func (g *gen) date(e *event, home *document) {
	switch r := g.rng.IntN(20); {
	case r == 0:
		e.Precision, e.Basis = "unknown", "unknown"
	case r == 1:
		day := home.published.AddDate(0, 0, -1).Format(time.DateOnly)
		e.Start, e.End, e.Precision, e.Basis = day, day, "day", "relative"
		e.Phrase, e.Document = "yesterday", home.ID
	case r == 2:
		start := g.day()
		first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
		e.Start, e.End = first.Format(time.DateOnly), first.AddDate(0, 1, -1).Format(time.DateOnly)
		e.Precision, e.Basis, e.Note = "month", "inferred", "Deducido de la cronología del artículo."
	default:
		start := g.day()
		e.Start, e.End, e.Precision, e.Basis = start.Format(time.DateOnly), start.Format(time.DateOnly), "day", "stated"
		if r < 6 {
			e.End, e.Precision = start.AddDate(0, 0, 6).Format(time.DateOnly), "week"
		}
	}
}

// file is the document as a source file: TOML header between +++ lines,
// then its text.
func (d *document) file() []byte {
	var b bytes.Buffer
	b.WriteString("+++\n")
	if err := toml.NewEncoder(&b).Encode(d); err != nil {
		panic(err) // only our own fixed types are encoded
	}
	b.WriteString("+++\n")
	b.WriteString(d.body.String())
	return b.Bytes()
}

func encode(v any) *fstest.MapFile {
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(v); err != nil {
		panic(err) // only our own fixed types are encoded
	}
	return &fstest.MapFile{Data: b.Bytes(), Mode: 0o644}
}
