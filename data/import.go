package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chronoscope/internal/textfmt"
)

// MaxImportSize is the largest file Import accepts.
const MaxImportSize = 20 << 20

// ErrRefused wraps every reason Import gives for not importing a file.
var ErrRefused = errors.New("refused")

// ImportResult is what Import made of a file.
type ImportResult struct {
	// DocumentID is the document stored, or the one already holding the
	// same content when Duplicate.
	DocumentID string
	Duplicate  bool
	// Published is the publication date found in the file; unknown when
	// none was.
	Published DateRange
	// Candidates are the date expressions of the text, resolved against
	// Published, the first MaxCandidates of them; nothing is stored for
	// them.
	Candidates []Candidate
	// Events are the events a TimelineJS file made, in its order.
	Events []string
}

// Candidate is a date expression found in an imported text: Start..End are
// the rune offsets of its sentence in the document's text.
type Candidate struct {
	Phrase     string
	Start, End int
	Dating     Dating
	Sentence   string
}

// importedDoc is a file read for import, before it is stored.
type importedDoc struct {
	events                          []tlEvent
	title, text, original, language string
	publisher, author               string
	published                       DateRange
	basis                           Basis
	note                            string
}

// Import reads a file (plain text, Markdown, a saved web page or a
// TimelineJS timeline, as JSON or as its spreadsheet saved as CSV, chosen
// by name's extension, else by its content) and stores it as a
// researcher's own document, with a TimelineJS timeline's slides as own
// events, in one transaction: a file refused
// (the error wraps ErrRefused and says where), or ctx cancelled, changes
// nothing. The document's id is a hash of the content, so importing the
// same file twice returns the first document with Duplicate set.
func (s *Store) Import(ctx context.Context, name string, r io.Reader) (*ImportResult, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportSize+1))
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	doc, err := readImport(name, raw)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w: %w", name, ErrRefused, err)
	}
	sum := sha256.Sum256(raw)
	id := "user-doc-" + hex.EncodeToString(sum[:])[:16]
	res := &ImportResult{DocumentID: id, Published: doc.published}
	res.Candidates = findCandidates(doc.text, doc.published, doc.language)
	err = s.write(ctx, "import "+name, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, id).Scan(&one)
		if err == nil {
			res.Duplicate = true
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := insertImported(ctx, tx, id, doc); err != nil {
			return err
		}
		if res.Events, err = insertTimelineEvents(ctx, tx, id, doc.events); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		return nil, err
	}
	s.renewSearch(ctx)
	return res, nil
}

func insertImported(ctx context.Context, tx *sql.Tx, id string, doc *importedDoc) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO documents (id, origin, title, publisher, author, language,
			published_start, published_end, published_precision, published_basis, published_note, text, original)
		VALUES (?, 'user', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, doc.title, doc.publisher, doc.author, doc.language, nullable(FormatDay(doc.published.Start)), nullable(FormatDay(doc.published.End)),
		string(doc.published.Precision), string(doc.basis), doc.note, doc.text, doc.original)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO text_index (kind, ref, title, body) VALUES (?, ?, ?, ?)`,
		KindDocument, id, doc.title, doc.text)
	if err != nil {
		return err
	}
	return writeChecksums(ctx, func(ctx context.Context, q string, args ...any) error {
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}, id, doc.text, doc.original)
}

// readImport checks raw and reads it as text or Markdown.
func readImport(name string, raw []byte) (*importedDoc, error) {
	if len(raw) > MaxImportSize {
		return nil, fmt.Errorf("the file is larger than %d MB, the most an import reads", MaxImportSize>>20)
	}
	if err := checkText(raw); err != nil {
		return nil, err
	}
	s := strings.ReplaceAll(string(raw), "\r\n", "\n")
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("the file is empty")
	}
	var doc *importedDoc
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".json" || (ext == "" && looksTimelineJS(s)):
		d, evs, err := readTimelineJS(filepath.Base(name), s)
		if err != nil {
			return nil, err
		}
		d.original, d.events = string(raw), evs
		return d, nil
	case ext == ".csv" || (ext == "" && looksTimelineCSV(s)):
		d, evs, err := readTimelineCSV(filepath.Base(name), s)
		if err != nil {
			return nil, err
		}
		d.original, d.events = string(raw), evs
		return d, nil
	case ext == ".html" || ext == ".htm" || (ext != ".txt" && ext != ".md" && looksHTML(s)):
		var err error
		if doc, err = readHTML(s); err != nil {
			return nil, err
		}
	default:
		markdown := ext == ".md" || ext == ".markdown" || (ext != ".txt" && ext != ".text" && looksMarkdown(s))
		title, text := plainText(s, markdown)
		doc = &importedDoc{title: title, text: text, language: detectLanguage(text)}
	}
	doc.original = string(raw)
	if !doc.published.Known() {
		doc.published, doc.note = findPublished(doc.text, doc.language)
	}
	doc.basis = NoBasis
	if doc.published.Known() {
		doc.basis = Stated
	} else {
		doc.published.Precision = Unknown
	}
	return doc, nil
}

// checkText refuses binary content and invalid UTF-8, naming where.
func checkText(raw []byte) error {
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return fmt.Errorf("binary content: a NUL byte at offset %d (line %d)", i, bytes.Count(raw[:i], []byte("\n"))+1)
	}
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			return fmt.Errorf("invalid UTF-8 at byte offset %d (line %d)", i, bytes.Count(raw[:i], []byte("\n"))+1)
		}
		i += n
	}
	return nil
}

var mdMarkRe = regexp.MustCompile(`(?m)^(#{1,6} |[-*] |> |\d+\. )|\*\*|__|\]\(`)

func looksMarkdown(s string) bool { return len(mdMarkRe.FindAllStringIndex(s, 3)) >= 2 }

var (
	mdLinkRe     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasisRe = regexp.MustCompile(`\*\*|__|\x60`)
	mdLineRe     = regexp.MustCompile(`^(#{1,6}\s+|>\s?|[-*+]\s+)`)
)

// plainText cleans s into the document's text (Markdown marks removed,
// trailing spaces and runs of blank lines folded) and finds its title: the
// first heading, else the first line.
func plainText(s string, markdown bool) (title, text string) {
	var lines []string
	heading := ""
	blank := 0
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t")
		if markdown {
			if heading == "" && strings.HasPrefix(line, "#") {
				heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
			}
			line = mdLineRe.ReplaceAllString(line, "")
			line = mdLinkRe.ReplaceAllString(line, "$1")
			line = mdEmphasisRe.ReplaceAllString(line, "")
		}
		if strings.TrimSpace(line) == "" {
			blank++
			continue
		}
		if blank > 0 && len(lines) > 0 {
			lines = append(lines, "")
		}
		blank = 0
		lines = append(lines, line)
	}
	text = strings.Join(lines, "\n")
	title = heading
	if title == "" && len(lines) > 0 {
		title = strings.TrimSpace(lines[0])
	}
	if r := []rune(title); len(r) > 200 {
		title = string(r[:200]) + "…"
	}
	return title, text
}

var spanishWords = map[string]bool{"el": true, "la": true, "los": true, "las": true, "de": true, "del": true,
	"que": true, "y": true, "en": true, "por": true, "con": true, "una": true, "para": true, "se": true}

var englishWords = map[string]bool{"the": true, "of": true, "and": true, "to": true, "in": true, "that": true,
	"was": true, "for": true, "on": true, "with": true, "is": true, "by": true}

// detectLanguage tells Spanish ("es") from English ("en") by their commonest
// words.
func detectLanguage(text string) string {
	es, en := 0, 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r > 127)
	}) {
		if spanishWords[w] {
			es++
		}
		if englishWords[w] {
			en++
		}
	}
	if es > en {
		return "es"
	}
	return "en"
}

var (
	pubMonthDayYearRe = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b`)
	pubDayMonthYearRe = regexp.MustCompile(`(?i)\b(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})\b`)
	pubSpanishRe      = regexp.MustCompile(`(?i)\b(\d{1,2}) de ([a-zé]{4,10}) (?:de|del) (\d{4})\b`)
	pubNumericRe      = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`)
	pubISORe          = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// pubWindow is how many runes from the start of a text a dateline or byline
// is looked for in.
const pubWindow = 600

// findPublished looks for the publication date near the start of text: the
// first full date there, a dateline or a byline. "20/12/2022" is read
// day-first in Spanish text, month-first otherwise.
func findPublished(text, lang string) (DateRange, string) {
	head := textfmt.Truncate(text, pubWindow)
	type found struct {
		at int
		t  time.Time
		s  string
	}
	var best *found
	try := func(at int, s string, y, mo, d int) {
		t, err := civil(y, time.Month(mo), d, s)
		if err != nil || (best != nil && best.at <= at) {
			return
		}
		best = &found{at, t, s}
	}
	for _, m := range pubMonthDayYearRe.FindAllStringSubmatchIndex(head, -1) {
		if mo, ok := monthByName(strings.ToLower(head[m[2]:m[3]])); ok {
			try(m[0], head[m[0]:m[1]], atoi(head[m[6]:m[7]]), int(mo), atoi(head[m[4]:m[5]]))
		}
	}
	for _, m := range pubDayMonthYearRe.FindAllStringSubmatchIndex(head, -1) {
		if mo, ok := monthByName(strings.ToLower(head[m[4]:m[5]])); ok {
			try(m[0], head[m[0]:m[1]], atoi(head[m[6]:m[7]]), int(mo), atoi(head[m[2]:m[3]]))
		}
	}
	for _, m := range pubSpanishRe.FindAllStringSubmatchIndex(head, -1) {
		if mo, ok := spanishMonths[strings.ToLower(head[m[4]:m[5]])]; ok {
			try(m[0], head[m[0]:m[1]], atoi(head[m[6]:m[7]]), int(mo), atoi(head[m[2]:m[3]]))
		}
	}
	for _, m := range pubNumericRe.FindAllStringSubmatchIndex(head, -1) {
		a, b := atoi(head[m[2]:m[3]]), atoi(head[m[4]:m[5]])
		d, mo := b, a
		if lang == "es" {
			d, mo = a, b
		}
		try(m[0], head[m[0]:m[1]], atoi(head[m[6]:m[7]]), mo, d)
	}
	for _, m := range pubISORe.FindAllStringSubmatchIndex(head, -1) {
		try(m[0], head[m[0]:m[1]], atoi(head[m[2]:m[3]]), atoi(head[m[4]:m[5]]), atoi(head[m[6]:m[7]]))
	}
	if best == nil {
		return DateRange{}, ""
	}
	return dayRange(best.t), fmt.Sprintf("found in the text: %q", best.s)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
