package data

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// ExportFormat is a format Store.Export writes.
type ExportFormat string

// The formats Store.Export writes.
const (
	// FormatJSON is the whole record: the events with their documents and
	// reviews, as ExportJSONFiltered writes it.
	FormatJSON ExportFormat = "json"
	// FormatCSV is one row an event, for a spreadsheet.
	FormatCSV ExportFormat = "csv"
	// FormatTimelineJS is the JSON TimelineJS3 reads; undated events are
	// left out.
	FormatTimelineJS ExportFormat = "timelinejs"
	// FormatMarkdown is a report to read, an event a section.
	FormatMarkdown ExportFormat = "markdown"
)

// ExportFormats are the formats Export writes, in the order a menu lists
// them.
var ExportFormats = []ExportFormat{FormatJSON, FormatCSV, FormatTimelineJS, FormatMarkdown}

// Ext is the file name extension for f, with its dot: ".json", ".csv",
// ".json" for TimelineJS, ".md"; "" for an unknown format.
func (f ExportFormat) Ext() string {
	switch f {
	case FormatJSON, FormatTimelineJS:
		return ".json"
	case FormatCSV:
		return ".csv"
	case FormatMarkdown:
		return ".md"
	}
	return ""
}

// ErrUnknownFormat is the error Export returns for a format not in
// ExportFormats.
var ErrUnknownFormat = errors.New("unknown export format")

// ParseExportFormat returns the format named s, or an error wrapping
// ErrUnknownFormat.
func ParseExportFormat(s string) (ExportFormat, error) {
	for _, f := range ExportFormats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("%w %q", ErrUnknownFormat, s)
}

// Export writes the events f keeps to w in format; a zero Filter exports
// everything. Events are in CompareEvents order. FormatTimelineJS leaves
// undated events out; ExportTimelineJS says how many.
func (s *Store) Export(ctx context.Context, w io.Writer, format ExportFormat, f Filter) error {
	switch format {
	case FormatJSON:
		return s.ExportJSONFiltered(ctx, w, f)
	case FormatCSV:
		return s.exportCSV(ctx, w, f)
	case FormatTimelineJS:
		_, err := s.ExportTimelineJS(ctx, w, f)
		return err
	case FormatMarkdown:
		return s.exportMarkdown(ctx, w, f)
	}
	_, err := ParseExportFormat(string(format))
	return err
}
