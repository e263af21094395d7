package data

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// exportMarkdown writes the events f keeps as a report in Markdown, in
// CompareEvents order: a title, then an event a section with its dating
// worded as the detail pane words it and how it was established, its
// summary, every passage of evidence as a blockquote with its citation, the
// sources' disagreements, and the researcher's status, tags and notes.
func (s *Store) exportMarkdown(ctx context.Context, w io.Writer, f Filter) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("# Chronoscope: events\n")
	n := 0
	err := s.eachExported(ctx, f, func(e *Event, x *exportRead) error {
		n++
		writeMarkdownEvent(bw, e, x)
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		bw.WriteString("\nNo events.\n")
	}
	return bw.Flush()
}

// writeMarkdownEvent writes e's section of the report.
func writeMarkdownEvent(b *bufio.Writer, e *Event, x *exportRead) {
	fmt.Fprintf(b, "\n## %s\n\n", mdInline(e.Title))
	fmt.Fprintf(b, "**When:** %s\n", mdInline(x.dateLine(e)))
	if e.EDTF != "" {
		fmt.Fprintf(b, "(EDTF `%s`)\n", e.EDTF)
	}
	if e.DateNote != "" {
		fmt.Fprintf(b, "\n*Date note:* %s\n", mdInline(e.DateNote))
	}
	var about []string
	if e.Category != "" {
		about = append(about, "**Category:** "+mdInline(e.Category))
	}
	if names := actorNames(e); names != "" {
		about = append(about, "**Actors:** "+mdInline(names))
	}
	if names := placeNames(e); names != "" {
		about = append(about, "**Places:** "+mdInline(names))
	}
	if len(about) > 0 {
		b.WriteString("\n" + strings.Join(about, " · ") + "\n")
	}
	if e.Summary != "" {
		b.WriteString("\n" + mdInline(e.Summary) + "\n")
	}
	for _, v := range e.Sources {
		b.WriteString("\n" + mdQuote(v.Quote) + ">\n> — " + mdCitation(v, x) + "\n")
	}
	for _, d := range e.Disagreements {
		fmt.Fprintf(b, "\n**Sources disagree on %s:** %s", mdInline(d.Topic), mdInline(d.Summary))
		if len(d.Sides) > 0 {
			fmt.Fprintf(b, " (sides: %s)", mdInline(strings.Join(d.Sides, ", ")))
		}
		b.WriteString("\n")
	}
	notes := x.notes[e.ID]
	fmt.Fprintf(b, "\n**Review:** %s", status(e))
	if len(e.Tags) > 0 {
		fmt.Fprintf(b, " · **Tags:** %s", mdInline(strings.Join(e.Tags, ", ")))
	}
	b.WriteString("\n")
	for _, n := range notes {
		fmt.Fprintf(b, "\n- Note (%s): %s\n", n.Updated, strings.ReplaceAll(strings.TrimSpace(n.Body), "\n", "\n  "))
	}
}

// mdCitation cites v's document: its title linked to its URL, publisher
// and date, and the side the passage takes in a disagreement.
func mdCitation(v Evidence, x *exportRead) string {
	d, ok := x.docs[v.DocumentID]
	if !ok {
		d = exportDoc{Title: v.DocumentID}
	}
	s := "*" + mdInline(d.Title) + "*"
	if d.URL != "" {
		s = "[" + mdInline(d.Title) + "](" + mdURL.Replace(d.URL) + ")"
	}
	if d.Publisher != "" {
		s += ", " + mdInline(d.Publisher)
	}
	if d.Published.Known() {
		s += ", " + d.Published.String()
	}
	if v.Side != "" {
		s += " (side: " + mdInline(v.Side) + ")"
	}
	return s
}

// mdURL percent-encodes what would end a Markdown link's destination or
// unbalance it.
var mdURL = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

// mdQuote is s as a blockquote, every line of it quoted.
func mdQuote(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(strings.TrimSpace(s), "\n") {
		b.WriteString(strings.TrimRight("> "+mdInline(line), " ") + "\n")
	}
	return b.String()
}

// mdEscaper escapes what Markdown would read as markup in running text.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;")

// mdInline is s as Markdown text that reads as s: its markup escaped and
// its lines joined.
func mdInline(s string) string {
	return mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

func actorNames(e *Event) string {
	var names []string
	for _, a := range e.Actors {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}

func placeNames(e *Event) string {
	var names []string
	for _, p := range e.Places {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
}
