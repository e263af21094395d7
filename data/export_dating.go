package data

import (
	"fmt"
	"time"
)

// DatingText says when an event happened as a person would, telling a
// moment on one of several days from a span lasting over them: "7 Dec
// 2022", "Sometime in 7–21 Dec 2022", "Sep 2021", "From 7 to 21 Dec 2022",
// "From 10 Dec 2022 to sometime in 20–27 Dec 2022", "Until 17 Feb 2023",
// "From 18 Dec 2022, end unknown", or "Undated". An event dated before
// shapes were (Shape "") reads as a moment within its Date. The timeline's
// tooltip and the detail pane both say it this way (app/dating.go's
// datingText, word for word); the Markdown export does too.
func DatingText(e EventSummary) string {
	if !e.Date.Known() || e.Date.Precision == Unknown {
		return "Undated"
	}
	if e.Shape != Span {
		w := e.From
		if e.Shape != Moment || w.Earliest.IsZero() {
			w = datingRangeWhen(e.Date)
		}
		return datingMomentText(w)
	}
	from, to := e.From, e.To
	if from.Precision != OpenEnd && from.Earliest.IsZero() {
		from = When{Earliest: e.Date.Start, Latest: e.Date.Start, Precision: Day}
	}
	if to.Precision != OpenEnd && to.Earliest.IsZero() {
		to = When{Earliest: e.Date.End, Latest: e.Date.End, Precision: Day}
	}
	return datingSpanText(from, to)
}

// datingRangeWhen is the When of the days of r. Its precision is r's only where
// r's days are exactly that calendar unit, or r is the unit given as its
// first day: a range dated before shapes were may call 7–21 Dec "month".
func datingRangeWhen(r DateRange) When {
	w := When{Earliest: r.Start, Latest: r.End, Precision: r.Precision}
	if r.Start.Equal(r.End) {
		return w
	}
	s, e := r.Start, r.End
	exact := false
	switch r.Precision {
	case Week:
		exact = e.Equal(s.AddDate(0, 0, 6))
	case Month:
		exact = s.Day() == 1 && e.Equal(s.AddDate(0, 1, -1))
	case Year:
		exact = s.YearDay() == 1 && e.Equal(s.AddDate(1, 0, -1))
	}
	if !exact {
		w.Precision = ""
	}
	return w
}

// datingMomentText says on which day or days a moment was.
func datingMomentText(w When) string {
	switch {
	case w.Precision == Week:
		return "Sometime in the week of " + w.Earliest.Format(datingDayFormat)
	case w.Precision == Month, w.Precision == Year, datingOneDay(w):
		return datingEndText(w)
	}
	return "Sometime in " + datingDaysText(w.Earliest, w.Latest)
}

// datingSpanText says from when to when a span lasted.
func datingSpanText(from, to When) string {
	openFrom, openTo := from.Precision == OpenEnd, to.Precision == OpenEnd
	switch {
	case openFrom && openTo:
		return "Dates unknown"
	case openFrom:
		return "Until " + datingEndText(to)
	case openTo:
		return "From " + datingEndText(from) + ", end unknown"
	case datingOneDay(from) && datingOneDay(to):
		a, b := from.Earliest, to.Earliest
		switch {
		case a.Year() == b.Year() && a.Month() == b.Month():
			return fmt.Sprintf("From %d to %s", a.Day(), b.Format(datingDayFormat))
		case a.Year() == b.Year():
			return fmt.Sprintf("From %s to %s", a.Format("2 Jan"), b.Format(datingDayFormat))
		}
	}
	return "From " + datingEndText(from) + " to " + datingEndText(to)
}

// datingEndText says when one end of a span was, in the middle of a sentence:
// "7 Dec 2022", "Dec 2022", "2022", "the week of 5 Dec 2022", "sometime in
// 20–27 Dec 2022".
func datingEndText(w When) string {
	switch {
	case w.Precision == Month:
		return w.Earliest.Format("Jan 2006")
	case w.Precision == Year:
		return w.Earliest.Format("2006")
	case w.Precision == Week:
		return "the week of " + w.Earliest.Format(datingDayFormat)
	case datingOneDay(w):
		return w.Earliest.Format(datingDayFormat)
	}
	return "sometime in " + datingDaysText(w.Earliest, w.Latest)
}

const datingDayFormat = "2 Jan 2006"

// datingOneDay reports whether w is a single day, whatever its precision says.
func datingOneDay(w When) bool {
	return w.Latest.IsZero() || w.Earliest.Equal(w.Latest)
}

// datingDaysText writes the days from a to b, inclusive, as DateRange.String
// does: "7–21 Dec 2022", "30 Nov – 2 Dec 2022", "30 Dec 2022 – 2 Jan 2023".
func datingDaysText(a, b time.Time) string {
	switch {
	case a.Equal(b):
		return a.Format(datingDayFormat)
	case a.Year() == b.Year() && a.Month() == b.Month():
		return fmt.Sprintf("%d–%s", a.Day(), b.Format(datingDayFormat))
	case a.Year() == b.Year():
		return a.Format("2 Jan") + " – " + b.Format(datingDayFormat)
	}
	return a.Format(datingDayFormat) + " – " + b.Format(datingDayFormat)
}
