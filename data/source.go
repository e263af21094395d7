package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Source is the corpus as authored: documents as text files with a TOML
// header, and actors, places and events in TOML. It is read from a
// directory holding documents/*.txt, actors.toml, places.toml,
// events.toml and optionally set.toml, checked, and written into a database
// by the program itself.
type Source struct {
	Documents []sourceDocument
	Actors    []sourceActor
	Places    []sourcePlace
	Events    []sourceEvent
	// Digest identifies the source files' content, so a corpus knows when
	// the bundled sources it was built from have changed.
	Digest string
	// Set names the set of sources these are one version of, from set.toml
	// (see sourceSetFile); "" when they have none. A corpus records the set
	// it was made from, and only sources of the same set update it.
	Set string
}

// sourceSetFile names the set of sources a directory holds, in one key:
//
//	name = "chronoscope-bundled"
//
// The name stays the same as the sources change from version to version, so
// that a corpus made from an older version is updated by a newer one, and a
// corpus made from other sources (say, synthetic ones) is never overwritten
// by these. The file is optional; sources without it are of no set, and
// update no corpus but their own version.
const sourceSetFile = "set.toml"

// sourceDocument is a document's TOML header and text. An empty Clean table
// is omitted from generated headers (SyntheticSource).
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
	} `toml:"clean,omitempty"`

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

// sourceEvent is an event as authored in events.toml. Keys marked omitempty
// are left out of generated sources (SyntheticSource) when unset, as authors
// leave them out; decoding ignores the option.
type sourceEvent struct {
	ID       string   `toml:"id"`
	Title    string   `toml:"title"`
	Summary  string   `toml:"summary"`
	Category string   `toml:"category"`
	Places   []string `toml:"places"`
	// Date is the event's dating in EDTF (see ParseEDTF): a moment,
	// "2022-12-20", "2021-09", "[2022-12-07..2022-12-21]"; or a span,
	// "2022-12-07/2022-12-21", "2022-11/2022-12-14", "../2023-02-17". It
	// is left out for an undated event.
	Date     string `toml:"date,omitempty"`
	Basis    string `toml:"basis"`
	Phrase   string `toml:"phrase,omitempty"`
	Document string `toml:"document,omitempty"`
	Note     string `toml:"note"`
	// Sequence orders events that begin on the same day as the sources
	// narrate them, 1 first; nil (left out) when no source says.
	Sequence      *int                 `toml:"sequence,omitempty"`
	Actors        []sourceEventActor   `toml:"actors"`
	Sources       []sourceCitation     `toml:"sources"`
	Disagreements []sourceDisagreement `toml:"disagreements,omitempty"`

	shape    Shape
	from, to When
	date     DateRange // the envelope
	basis    Basis
	offsets  [][2]int
}

// sourceEventActor is an actor's part in an event.
type sourceEventActor struct {
	Actor string `toml:"actor"`
	Role  string `toml:"role"`
}

// sourceCitation is a document's quote an event rests on, and the side of a
// disagreement it takes, if any.
type sourceCitation struct {
	Document string `toml:"document"`
	Quote    string `toml:"quote"`
	Side     string `toml:"side"`
}

// sourceDisagreement is a point on which an event's sources differ.
type sourceDisagreement struct {
	Topic   string   `toml:"topic"`
	Summary string   `toml:"summary"`
	Sides   []string `toml:"sides"`
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
	slices.Sort(docFiles)
	sum := sha256.New()
	var files []sourceFile
	for _, name := range slices.Concat(docFiles, sourceTables, []string{sourceSetFile}) {
		raw, err := fs.ReadFile(fsys, name)
		if name == sourceSetFile && errors.Is(err, fs.ErrNotExist) {
			continue
		}
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
		sourceSetFile: &struct {
			Name *string `toml:"name"`
		}{&src.Set},
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
			switch k.String() {
			case "event.start", "event.end", "event.precision":
				fail("%s: unknown key %q: an event's date is one key now, date = \"<EDTF>\", such as "+
					"\"2022-12-20\", \"2021-09\", \"[2022-12-07..2022-12-21]\" or \"2022-12-07/2022-12-21\"", f.name, k.String())
			default:
				fail("%s: unknown key %q", f.name, k.String())
			}
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
		trimmed := strings.TrimSpace(l)
		if slices.ContainsFunc(drop, func(p string) bool { return p != "" && strings.HasPrefix(trimmed, p) }) {
			continue
		}
		if trimmed == "" {
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
