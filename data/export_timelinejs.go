package data

import (
	"context"
	"fmt"
	"html"
	"io"
	"strings"
	"time"
)

// A TimelineJS3 timeline, as its JSON format has it
// (https://timeline.knightlab.com/docs/json-format.html).
type (
	tlSlide struct {
		StartDate   *tlDate `json:"start_date,omitempty"`
		EndDate     *tlDate `json:"end_date,omitempty"`
		DisplayDate string  `json:"display_date,omitempty"`
		Text        tlText  `json:"text"`
		Group       string  `json:"group,omitempty"`
		UniqueID    string  `json:"unique_id,omitempty"`
	}
	tlDate struct {
		Year  int `json:"year"`
		Month int `json:"month,omitempty"`
		Day   int `json:"day,omitempty"`
	}
	tlText struct {
		Headline string `json:"headline"`
		Text     string `json:"text,omitempty"`
	}
)

// ExportTimelineJS writes the events f keeps as a TimelineJS3 timeline and
// returns how many it left out for having no date, which TimelineJS cannot
// place. Export(ctx, w, FormatTimelineJS, f) is the same without the count.
//
// A date has only the parts that are known: a day is year, month and day; a
// month is year and month; a year is the year alone. A span has an
// end_date from its end. A moment known only to lie within some days (a
// week, "between 7 and 21 December") has start_date its first day and
// end_date its last, so TimelineJS draws it across those days as the
// timeline here draws its band; every slide's display_date is the event's
// dating as the detail pane words it ("Sometime in 7–21 Dec 2022", "Until
// 17 Feb 2023"), so the slide never reads a range of possible days as an
// event that lasted them. An open end has no date: an open-start span
// starts, and an open-ended one ends, on its known end.
//
// The timeline is written as it is read, in two passes over the events:
// the title, which comes first, counts the slides, and the first pass
// counts them from the events alone, unsorted.
func (s *Store) ExportTimelineJS(ctx context.Context, w io.Writer, f Filter) (undated int, err error) {
	x := newExportWriter(w)
	err = s.readExported(ctx, f, func(xr *exportRead, pass func(bool, func(*Event) error) error) error {
		dated := 0
		err := pass(false, func(e *Event) error {
			if start, _ := tlDates(e.EventSummary); start != nil {
				dated++
			} else {
				undated++
			}
			return nil
		})
		if err != nil {
			return err
		}
		title := &tlSlide{Text: tlText{Headline: "Chronoscope", Text: fmt.Sprintf("<p>%d events</p>", dated)}}
		if err := x.field("title", title); err != nil {
			return err
		}
		err = x.array("events", func() error {
			return pass(true, func(e *Event) error {
				start, end := tlDates(e.EventSummary)
				if start == nil {
					return nil
				}
				return x.item(&tlSlide{
					StartDate: start, EndDate: end, DisplayDate: DatingText(e.EventSummary),
					Text:  tlText{Headline: html.EscapeString(e.Title), Text: tlHTML(e, xr)},
					Group: laneName(e.Group), UniqueID: e.ID,
				})
			})
		})
		if err != nil {
			return err
		}
		return x.finish()
	})
	return undated, err
}

// tlDates are e's start_date and end_date (nil when it has none); a nil
// start for an undated event.
func tlDates(e EventSummary) (start, end *tlDate) {
	if !e.Date.Known() || e.Date.Precision == Unknown {
		return nil, nil
	}
	if e.Shape == Span {
		from, to := e.From, e.To
		// A span without its ends, as older code makes them, is its
		// envelope's days.
		if from.Precision != OpenEnd && from.Earliest.IsZero() {
			from = unitWhen(e.Date.Start, e.Date.Start)
		}
		if to.Precision != OpenEnd && to.Earliest.IsZero() {
			to = unitWhen(e.Date.End, e.Date.End)
		}
		switch {
		case from.Precision == OpenEnd && to.Precision == OpenEnd:
			return nil, nil
		case from.Precision == OpenEnd:
			return tlWhen(to), nil
		case to.Precision == OpenEnd:
			return tlWhen(from), nil
		}
		return tlWhen(from), tlWhen(to)
	}
	w := e.From
	if e.Shape != Moment || w.Earliest.IsZero() {
		w = datingRangeWhen(e.Date)
	}
	switch {
	case w.Precision == Day, w.Precision == Month, w.Precision == Year, datingOneDay(w):
		return tlWhen(w), nil
	}
	return tlDay(w.Earliest), tlDay(w.Latest)
}

// tlWhen is w as a TimelineJS date with only the parts known: the year of
// a year, the year and month of a month, else w's first day.
func tlWhen(w When) *tlDate {
	switch w.Precision {
	case Year:
		return &tlDate{Year: w.Earliest.Year()}
	case Month:
		return &tlDate{Year: w.Earliest.Year(), Month: int(w.Earliest.Month())}
	}
	return tlDay(w.Earliest)
}

// tlDay is the day t as a TimelineJS date.
func tlDay(t time.Time) *tlDate {
	return &tlDate{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}

// tlHTML is a slide's text: e's summary, each passage of evidence quoted
// with its source linked, and the researcher's status and tags when
// anyone reviewed it; every text escaped.
func tlHTML(e *Event, x *exportRead) string {
	var b strings.Builder
	esc := html.EscapeString
	if e.Summary != "" {
		b.WriteString("<p>" + esc(e.Summary) + "</p>")
	}
	for _, v := range e.Sources {
		d, ok := x.docs[v.DocumentID]
		if !ok {
			d = exportDoc{Title: v.DocumentID}
		}
		b.WriteString("<blockquote>" + esc(v.Quote) + "<br><cite>— ")
		if d.URL != "" {
			b.WriteString(`<a href="` + esc(d.URL) + `">` + esc(d.Title) + "</a>")
		} else {
			b.WriteString(esc(d.Title))
		}
		if d.Publisher != "" {
			b.WriteString(", " + esc(d.Publisher))
		}
		if d.Published.Known() {
			b.WriteString(", " + esc(d.Published.String()))
		}
		b.WriteString("</cite></blockquote>")
	}
	if reviewed(e, x.notes[e.ID]) {
		b.WriteString("<p>Status: " + esc(string(status(e))))
		if len(e.Tags) > 0 {
			b.WriteString(" · tags: " + esc(strings.Join(e.Tags, ", ")))
		}
		b.WriteString("</p>")
	}
	return b.String()
}
