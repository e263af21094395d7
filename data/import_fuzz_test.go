package data

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The importers' fuzz targets read any bytes as a file of each kind (and
// of none, to be told by its content): each either refuses it with an
// error or makes a document whose publication date, candidates and events
// are all valid and point at its text.

func FuzzImportText(f *testing.F)        { fuzzImport(f, "fuzz.txt") }
func FuzzImportMarkdown(f *testing.F)    { fuzzImport(f, "fuzz.md") }
func FuzzImportHTML(f *testing.F)        { fuzzImport(f, "fuzz.html") }
func FuzzImportTimelineJS(f *testing.F)  { fuzzImport(f, "fuzz.json") }
func FuzzImportTimelineCSV(f *testing.F) { fuzzImport(f, "fuzz.csv") }
func FuzzImportSniffed(f *testing.F)     { fuzzImport(f, "fuzz") }

func fuzzImport(f *testing.F, name string) {
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := readImport(name, raw)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		checkImported(t, doc)
	})
}

// checkImported checks a document an import read: a valid publication
// date; candidates whose sentences are where they say in the text and
// whose datings are valid; events whose passages are where they say and
// whose dates resolve to valid datings.
func checkImported(tb testing.TB, doc *importedDoc) {
	tb.Helper()
	if !utf8.ValidString(doc.text) || !utf8.ValidString(doc.title) {
		tb.Fatalf("invalid UTF-8 in the title %q or text", doc.title)
	}
	if err := doc.published.Validate(); err != nil {
		tb.Fatalf("published %+v: %v", doc.published, err)
	}
	if doc.published.Known() != (doc.basis == Stated) {
		tb.Fatalf("published %+v with basis %q", doc.published, doc.basis)
	}
	text := []rune(doc.text)
	within := func(what string, start, end int, want string) {
		if start < 0 || start > end || end > len(text) {
			tb.Fatalf("%s at %d..%d of a text of %d runes", what, start, end, len(text))
		}
		if got := string(text[start:end]); got != want {
			tb.Fatalf("%s at %d..%d is %q in the text, want %q", what, start, end, got, want)
		}
	}
	for _, c := range findCandidates(doc.text, doc.published, doc.language) {
		within("candidate "+c.Phrase, c.Start, c.End, c.Sentence)
		if c.Dating.Shape == "" {
			tb.Fatalf("candidate %q is undated", c.Phrase)
		}
		if err := ValidateDating(c.Dating.Shape, c.Dating.From, c.Dating.To); err != nil {
			tb.Fatalf("candidate %q: %+v: %v", c.Phrase, c.Dating, err)
		}
		checkEDTFRoundTrip(tb, c.Dating.EDTF)
	}
	for i, ev := range doc.events {
		within("event "+ev.Title, ev.Start, ev.End, ev.passage)
		// What insertOwnEvent would refuse, failing the import late.
		if strings.TrimSpace(ev.Title) == "" || strings.TrimSpace(ev.Category) == "" || strings.TrimSpace(ev.passage) == "" {
			tb.Fatalf("events[%d]: title %q, category %q, passage %q", i, ev.Title, ev.Category, ev.passage)
		}
		d, err := resolveDating(ev.Date, doc.published)
		if err != nil {
			tb.Fatalf("events[%d] date %q: %v", i, ev.Date, err)
		}
		if err := ValidateDating(d.Shape, d.From, d.To); err != nil || d.Shape == "" {
			tb.Fatalf("events[%d] date %q: %+v: %v", i, ev.Date, d, err)
		}
	}
}

// FuzzCandidateSpans checks that finding dates by their stems finds what
// the regular expression finds searching the whole text.
func FuzzCandidateSpans(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		got, want := candidateSpans(s), candidateRe.FindAllStringIndex(s, -1)
		if len(got) != len(want) {
			t.Fatalf("candidateSpans(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != [2]int(want[i]) {
				t.Fatalf("candidateSpans(%q) = %v, want %v", s, got, want)
			}
		}
	})
}
