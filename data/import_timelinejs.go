package data

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// tlImport is a TimelineJS slide as an import reads it: the export's
// slide with its media.
type tlImport struct {
	Title  *tlImportSlide  `json:"title"`
	Events []tlImportSlide `json:"events"`
}

type tlImportSlide struct {
	tlSlide
	Media *struct {
		Credit  string `json:"credit"`
		Caption string `json:"caption"`
	} `json:"media"`
}

// tlEvent is a slide ready to store: its event, and its passage of the
// source document (its headline, text, credit and caption).
type tlEvent struct {
	NewEvent
	passage string
}

var tlJSONRe = regexp.MustCompile(`^\s*\{[\s\S]*"events"\s*:`)

// looksTimelineJS reports whether a file without a telling extension is a
// TimelineJS timeline.
func looksTimelineJS(s string) bool { return tlJSONRe.MatchString(s) }

// readTimelineJS reads a TimelineJS timeline: a source document holding
// every slide's words, and the slides as events with exactly the
// precision their dates give.
func readTimelineJS(name, s string) (*importedDoc, []tlEvent, error) {
	var tl tlImport
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&tl); err != nil {
		return nil, nil, jsonError(s, err)
	}
	if tl.Events == nil {
		return nil, nil, errors.New(`not a TimelineJS timeline: no "events"`)
	}
	if len(tl.Events) == 0 {
		return nil, nil, errors.New("the timeline has no events")
	}
	title := strings.TrimSuffix(name, ".json")
	if tl.Title != nil && strings.TrimSpace(tl.Title.Text.Headline) != "" {
		title = plainHTML(tl.Title.Text.Headline)
	}
	return slidesDoc(title, tl.Events, func(i int) string { return fmt.Sprintf("events[%d]", i) })
}

// slidesDoc is a timeline's document and events: the title, then each
// slide's passage, which is its event's evidence. where names slide i in
// an error.
func slidesDoc(title string, slides []tlImportSlide, where func(i int) string) (*importedDoc, []tlEvent, error) {
	var text strings.Builder
	text.WriteString(title)
	runes := utf8.RuneCountInString(title) // in text so far
	evs := make([]tlEvent, 0, len(slides))
	for i, sl := range slides {
		ev, err := slideEvent(sl)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", where(i), err)
		}
		text.WriteString("\n\n")
		ev.Start = runes + 2
		text.WriteString(ev.passage)
		ev.End = ev.Start + utf8.RuneCountInString(ev.passage)
		runes = ev.End
		evs = append(evs, ev)
	}
	doc := &importedDoc{title: title, text: text.String(), language: detectLanguage(text.String()),
		published: DateRange{Precision: Unknown}, basis: NoBasis}
	return doc, evs, nil
}

// slideEvent is a slide's event: its headline the title, its text the
// summary, its group the category, its start and end the dating.
func slideEvent(sl tlImportSlide) (tlEvent, error) {
	title := plainHTML(sl.Text.Headline)
	if title == "" {
		return tlEvent{}, errors.New("text.headline: the slide has no headline")
	}
	if sl.StartDate == nil {
		return tlEvent{}, errors.New("start_date: the slide has no date")
	}
	from, err := tlEDTF(*sl.StartDate)
	if err != nil {
		return tlEvent{}, fmt.Errorf("start_date: %w", err)
	}
	date := from
	if sl.EndDate != nil {
		to, err := tlEDTF(*sl.EndDate)
		if err != nil {
			return tlEvent{}, fmt.Errorf("end_date: %w", err)
		}
		// Our own export writes a moment known only to lie within some
		// days as their first and last, and says so in display_date.
		if strings.HasPrefix(sl.DisplayDate, "Sometime in") {
			date = "[" + from + ".." + to + "]"
		} else if to != from {
			date = from + "/" + to
		}
	}
	if _, _, _, err := ParseEDTF(date); err != nil {
		return tlEvent{}, fmt.Errorf("start_date/end_date: %w", err)
	}
	category := strings.ToLower(strings.Join(strings.Fields(sl.Group), "-"))
	if category == "" {
		category = "timeline"
	}
	summary := plainHTML(sl.Text.Text)
	parts := []string{title}
	if summary != "" {
		parts = append(parts, summary)
	}
	if sl.Media != nil {
		for _, p := range []string{plainHTML(sl.Media.Credit), plainHTML(sl.Media.Caption)} {
			if p != "" {
				parts = append(parts, p)
			}
		}
	}
	return tlEvent{NewEvent: NewEvent{Title: title, Summary: summary, Category: category, Date: date},
		passage: strings.Join(parts, "\n")}, nil
}

// tlEDTF is a TimelineJS date as EDTF with only the parts it gives.
func tlEDTF(d tlDate) (string, error) {
	if err := checkYear(d.Year); err != nil {
		return "", err
	}
	switch {
	case d.Month == 0 && d.Day != 0:
		return "", fmt.Errorf("day %d without a month", d.Day)
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year), nil
	case d.Month < 1 || d.Month > 12:
		return "", fmt.Errorf("month %d does not exist", d.Month)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month), nil
	}
	s := fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	if _, err := ParseDay(s); err != nil {
		return "", err
	}
	return s, nil
}

var (
	tagRe      = regexp.MustCompile(`<[^>]*>`)
	blockEndRe = regexp.MustCompile(`(?i)<br\s*/?>|</(p|blockquote|div|li)>`)
)

// plainHTML is a TimelineJS text as plain text: tags dropped (a block's
// end a line break), entities decoded.
func plainHTML(s string) string {
	s = blockEndRe.ReplaceAllString(s, "\n")
	s = html.UnescapeString(tagRe.ReplaceAllString(s, ""))
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// jsonError names where a JSON file went wrong: its line, or its field.
func jsonError(s string, err error) error {
	line := func(off int64) int { return bytes.Count([]byte(s[:min(int(off), len(s))]), []byte("\n")) + 1 }
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("invalid JSON at line %d: %v", line(syn.Offset), err)
	case errors.As(err, &typ):
		return fmt.Errorf("field %s at line %d: want %s, got %s", strings.ReplaceAll(typ.Field, "tlSlide.", ""), line(typ.Offset), typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return fmt.Errorf("truncated JSON: it ends at line %d", line(int64(len(s))))
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// insertTimelineEvents stores a timeline's events, each with its passage
// of document docID as its evidence.
func insertTimelineEvents(ctx context.Context, tx *sql.Tx, docID string, evs []tlEvent) ([]string, error) {
	if len(evs) == 0 {
		return nil, nil
	}
	doc, err := readPassageDocument(ctx, tx, docID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(evs))
	for i, ev := range evs {
		id := "user-" + strings.ToLower(rand.Text()[:12])
		ev.DocumentID = docID
		if err := insertOwnEventOf(ctx, tx, id, ev.NewEvent, doc); err != nil {
			return nil, fmt.Errorf("events[%d] %q: %w", i, ev.Title, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}
