package data

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// ExportDocument is a document as the JSON export writes it.
type ExportDocument struct {
	ID                 string  `json:"id"`
	Title              string  `json:"title"`
	Publisher          string  `json:"publisher"`
	Author             string  `json:"author"`
	URL                string  `json:"url"`
	Language           string  `json:"language"`
	Published          *string `json:"published"`
	PublishedEnd       *string `json:"published_end,omitempty"`
	PublishedPrecision string  `json:"published_precision"`
	PublishedBasis     string  `json:"published_basis"`
	PublishedNote      string  `json:"published_note"`
	Text               string  `json:"text"`
}

// ExportEvent is an event as the JSON export writes it.
type ExportEvent struct {
	ID         string          `json:"id"`
	Title      string          `json:"title"`
	Summary    string          `json:"summary"`
	Start      *string         `json:"start"`
	End        *string         `json:"end"`
	Precision  string          `json:"precision"`
	DateBasis  string          `json:"date_basis"`
	DatePhrase string          `json:"date_phrase,omitempty"`
	DateAnchor string          `json:"date_anchor,omitempty"`
	DateNote   string          `json:"date_note"`
	Category   string          `json:"category"`
	Actors     []string        `json:"actors"`
	Places     []string        `json:"places"`
	Sources    []ExportSource  `json:"sources"`
	Disputes   []ExportDispute `json:"disagreements,omitempty"`
}

// ExportSource is one evidence passage in the export.
type ExportSource struct {
	Document string `json:"document"`
	Quote    string `json:"quote"`
	Side     string `json:"side,omitempty"`
}

// ExportDispute records a disagreement between sources in the export.
type ExportDispute struct {
	Topic   string   `json:"topic"`
	Summary string   `json:"summary"`
	Sides   []string `json:"sides"`
}

// Export is the whole corpus as the JSON export writes it.
type Export struct {
	Documents []ExportDocument `json:"documents"`
	Events    []ExportEvent    `json:"events"`
}

// Export collects the corpus for export.
func (s *Store) Export(ctx context.Context) (*Export, error) {
	out := &Export{Documents: []ExportDocument{}, Events: []ExportEvent{}}
	docs, err := s.Documents(ctx)
	if err != nil {
		return nil, err
	}
	for _, sum := range docs {
		d, err := s.Document(ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		ed := ExportDocument{
			ID: d.ID, Title: d.Title, Publisher: d.Publisher, Author: d.Author, URL: d.URL,
			Language: d.Language, Published: day(d.Published.Start),
			PublishedPrecision: string(d.Published.Precision), PublishedBasis: string(d.Basis),
			PublishedNote: d.PublishedNote, Text: d.Text,
		}
		if !d.Published.End.Equal(d.Published.Start) {
			ed.PublishedEnd = day(d.Published.End)
		}
		out.Documents = append(out.Documents, ed)
	}
	evs, err := s.Events(ctx)
	if err != nil {
		return nil, err
	}
	for _, sum := range evs {
		e, err := s.Event(ctx, sum.ID)
		if err != nil {
			return nil, err
		}
		out.Events = append(out.Events, exportEvent(e))
	}
	return out, nil
}

func exportEvent(e *Event) ExportEvent {
	ee := ExportEvent{
		ID: e.ID, Title: e.Title, Summary: e.Summary,
		Start: day(e.Date.Start), End: day(e.Date.End),
		Precision: string(e.Date.Precision), DateBasis: string(e.Basis),
		DatePhrase: e.DatePhrase, DateAnchor: e.DateAnchor, DateNote: e.DateNote,
		Category: e.Category, Actors: []string{}, Places: []string{}, Sources: []ExportSource{},
	}
	for _, a := range e.Actors {
		ee.Actors = append(ee.Actors, a.Name)
	}
	for _, p := range e.Places {
		ee.Places = append(ee.Places, p.Name)
	}
	for _, v := range e.Sources {
		ee.Sources = append(ee.Sources, ExportSource{Document: v.DocumentID, Quote: v.Quote, Side: v.Side})
	}
	for _, d := range e.Disagreements {
		ee.Disputes = append(ee.Disputes, ExportDispute(d))
	}
	return ee
}

// WriteJSON writes the export as indented JSON.
func (x *Export) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		return fmt.Errorf("write export: %w", err)
	}
	return nil
}

func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := FormatDay(t)
	return &s
}
