package data

import (
	"bufio"
	"context"
	"encoding/csv"
	"io"
	"strings"
)

// csvHeader names the columns of the CSV export.
var csvHeader = []string{"id", "title", "summary", "start", "end", "precision", "edtf", "dating", "date_basis",
	"category", "actors", "places", "sources", "status", "tags", "notes"}

// exportCSV writes the events f keeps as CSV (RFC 4180, UTF-8), a header
// then one row an event in CompareEvents order. Start and end are the
// envelope's days, empty when undated; lists are joined with "; ", sources
// ("document: quote") and notes with a newline inside their cell.
func (s *Store) exportCSV(ctx context.Context, w io.Writer, f Filter) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	err := s.eachExported(ctx, f, func(e *Event, x *exportRead) error {
		return cw.Write(csvRow(e, x.notes[e.ID]))
	})
	if err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// csvRow is e's row in the CSV export.
func csvRow(e *Event, notes []ExportNote) []string {
	var start, end string
	if e.Date.Known() {
		start, end = FormatDay(e.Date.Start), FormatDay(e.Date.End)
	}
	var actors, places, sources, bodies []string
	for _, a := range e.Actors {
		actors = append(actors, a.Name)
	}
	for _, p := range e.Places {
		places = append(places, p.Name)
	}
	for _, v := range e.Sources {
		sources = append(sources, v.DocumentID+": "+v.Quote)
	}
	for _, n := range notes {
		bodies = append(bodies, n.Body)
	}
	return []string{e.ID, e.Title, e.Summary, start, end, string(e.Date.Precision), e.EDTF, DatingText(e.EventSummary),
		string(e.Basis), e.Category, strings.Join(actors, "; "), strings.Join(places, "; "),
		strings.Join(sources, "\n"), string(status(e)), strings.Join(e.Tags, "; "), strings.Join(bodies, "\n")}
}
