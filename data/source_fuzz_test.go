package data

import (
	"errors"
	"slices"
	"testing"
	"unicode/utf8"

	"chronoscope/assets"
)

// FuzzParseSource parses the bundled corpus sources with one file, chosen
// by which, replaced by any bytes: either a SourceError listing problems,
// or sources whose every document is valid text, every document's
// publication date and every event's dating valid, and every evidence
// offset within its document.
func FuzzParseSource(f *testing.F) {
	bundled, _, err := readSource(assets.Corpus())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, which uint8, raw []byte) {
		files := slices.Clone(bundled)
		files[int(which)%len(files)].raw = raw
		src, err := parseSource(files, "")
		if err != nil {
			var se *SourceError
			if !errors.As(err, &se) || len(se.Problems) == 0 {
				t.Fatalf("error %v (%T), want a SourceError with problems", err, err)
			}
			return
		}
		texts := map[string]int{}
		for _, d := range src.Documents {
			if !utf8.ValidString(d.text) {
				t.Fatalf("document %s: invalid UTF-8", d.ID)
			}
			if err := d.published.Validate(); err != nil {
				t.Fatalf("document %s published %+v: %v", d.ID, d.published, err)
			}
			texts[d.ID] = utf8.RuneCountInString(d.text)
		}
		for _, e := range src.Events {
			if err := ValidateDating(e.shape, e.from, e.to); err != nil {
				t.Fatalf("event %s date %q: %v", e.ID, e.Date, err)
			}
			if e.shape != "" {
				checkEDTFRoundTrip(t, FormatEDTF(e.shape, e.from, e.to))
			}
			for i, o := range e.offsets {
				if i >= len(e.Sources) {
					t.Fatalf("event %s: %d offsets for %d sources", e.ID, len(e.offsets), len(e.Sources))
				}
				if n := texts[e.Sources[i].Document]; o[0] < 0 || o[1] < o[0] || o[1] > n {
					t.Fatalf("event %s source %d at %v of %d runes", e.ID, i, o, n)
				}
			}
		}
	})
}
