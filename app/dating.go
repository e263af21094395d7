package app

import (
	"fmt"
	"time"

	"chronoscope/data"
)

// datingText says when an event happened as a person would, telling a
// moment on one of several days from a span lasting over them: "7 Dec
// 2022", "Sometime in 7–21 Dec 2022", "Sep 2021", "From 7 to 21 Dec 2022",
// "From 10 Dec 2022 to sometime in 20–27 Dec 2022", "Until 17 Feb 2023",
// "From 18 Dec 2022, end unknown", or "Undated". An event dated before
// shapes were (Shape "") reads as a moment within its Date. The timeline's
// tooltip and the detail pane both say it this way.
func datingText(e data.EventSummary) string {
	if !e.Date.Known() || e.Date.Precision == data.Unknown {
		return "Undated"
	}
	if e.Shape != data.Span {
		w := e.From
		if e.Shape != data.Moment || w.Earliest.IsZero() {
			w = rangeWhen(e.Date)
		}
		return momentText(w)
	}
	from, to := e.From, e.To
	if from.Precision != data.OpenEnd && from.Earliest.IsZero() {
		from = data.When{Earliest: e.Date.Start, Latest: e.Date.Start, Precision: data.Day}
	}
	if to.Precision != data.OpenEnd && to.Earliest.IsZero() {
		to = data.When{Earliest: e.Date.End, Latest: e.Date.End, Precision: data.Day}
	}
	return spanDatingText(from, to)
}

// rangeWhen is the When of the days of r. Its precision is r's only where
// r's days are exactly that calendar unit, or r is the unit given as its
// first day: a range dated before shapes were may call 7–21 Dec "month".
func rangeWhen(r data.DateRange) data.When {
	w := data.When{Earliest: r.Start, Latest: r.End, Precision: r.Precision}
	if r.Start.Equal(r.End) {
		return w
	}
	s, e := r.Start, r.End
	exact := false
	switch r.Precision {
	case data.Week:
		exact = e.Equal(s.AddDate(0, 0, 6))
	case data.Month:
		exact = s.Day() == 1 && e.Equal(s.AddDate(0, 1, -1))
	case data.Year:
		exact = s.YearDay() == 1 && e.Equal(s.AddDate(1, 0, -1))
	}
	if !exact {
		w.Precision = ""
	}
	return w
}

// momentText says on which day or days a moment was.
func momentText(w data.When) string {
	switch {
	case w.Precision == data.Week:
		return "Sometime in the week of " + w.Earliest.Format(dayFormat)
	case w.Precision == data.Month, w.Precision == data.Year, oneDay(w):
		return endText(w)
	}
	return "Sometime in " + daysText(w.Earliest, w.Latest)
}

// spanDatingText says from when to when a span lasted.
func spanDatingText(from, to data.When) string {
	openFrom, openTo := from.Precision == data.OpenEnd, to.Precision == data.OpenEnd
	switch {
	case openFrom && openTo:
		return "Dates unknown"
	case openFrom:
		return "Until " + endText(to)
	case openTo:
		return "From " + endText(from) + ", end unknown"
	case oneDay(from) && oneDay(to):
		a, b := from.Earliest, to.Earliest
		switch {
		case a.Year() == b.Year() && a.Month() == b.Month():
			return fmt.Sprintf("From %d to %s", a.Day(), b.Format(dayFormat))
		case a.Year() == b.Year():
			return fmt.Sprintf("From %s to %s", a.Format("2 Jan"), b.Format(dayFormat))
		}
	}
	return "From " + endText(from) + " to " + endText(to)
}

// endText says when one end of a span was, in the middle of a sentence:
// "7 Dec 2022", "Dec 2022", "2022", "the week of 5 Dec 2022", "sometime in
// 20–27 Dec 2022".
func endText(w data.When) string {
	switch {
	case w.Precision == data.Month:
		return w.Earliest.Format("Jan 2006")
	case w.Precision == data.Year:
		return w.Earliest.Format("2006")
	case w.Precision == data.Week:
		return "the week of " + w.Earliest.Format(dayFormat)
	case oneDay(w):
		return w.Earliest.Format(dayFormat)
	}
	return "sometime in " + daysText(w.Earliest, w.Latest)
}

const dayFormat = "2 Jan 2006"

// oneDay reports whether w is a single day, whatever its precision says.
func oneDay(w data.When) bool {
	return w.Latest.IsZero() || w.Earliest.Equal(w.Latest)
}

// daysText writes the days from a to b, inclusive, as data.DateRange.String
// does: "7–21 Dec 2022", "30 Nov – 2 Dec 2022", "30 Dec 2022 – 2 Jan 2023".
func daysText(a, b time.Time) string {
	switch {
	case a.Equal(b):
		return a.Format(dayFormat)
	case a.Year() == b.Year() && a.Month() == b.Month():
		return fmt.Sprintf("%d–%s", a.Day(), b.Format(dayFormat))
	case a.Year() == b.Year():
		return a.Format("2 Jan") + " – " + b.Format(dayFormat)
	}
	return a.Format(dayFormat) + " – " + b.Format(dayFormat)
}
