package data

import "time"

// DatingText says when an event happened as a person would, telling a
// moment on one of several days from a span lasting over them: "7 Dec
// 2022", "Sometime in 7–21 Dec 2022", "Sep 2021", "From 7 to 21 Dec 2022",
// "From 10 Dec 2022 to sometime in 20–27 Dec 2022", "Until 17 Feb 2023",
// "From 18 Dec 2022, end unknown", or "Undated". An event dated before
// shapes were (Shape "") reads as a moment within its Date. The exports say
// it this way; the window says it in its own language (WordDating).
func DatingText(e EventSummary) string { return WordDating(e, English) }

// WordDating is DatingText in the words of w.
func WordDating(e EventSummary, w DateWords) string {
	if !e.Date.Known() || e.Date.Precision == Unknown {
		return w.Phrase(PhraseUndated)
	}
	if e.Shape != Span {
		m := e.From
		if e.Shape != Moment || m.Earliest.IsZero() {
			m = datingRangeWhen(e.Date)
		}
		return datingMomentText(m, w)
	}
	from, to := e.From, e.To
	if from.Precision != OpenEnd && from.Earliest.IsZero() {
		from = When{Earliest: e.Date.Start, Latest: e.Date.Start, Precision: Day}
	}
	if to.Precision != OpenEnd && to.Earliest.IsZero() {
		to = When{Earliest: e.Date.End, Latest: e.Date.End, Precision: Day}
	}
	return datingSpanText(from, to, w)
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
func datingMomentText(m When, w DateWords) string {
	switch {
	case m.Precision == Week:
		return w.Phrase(PhraseWeekOf, w.Day(m.Earliest))
	case m.Precision == Month, m.Precision == Year:
		return datingEndText(m, w)
	case datingOneDay(m):
		return w.Day(m.Earliest)
	}
	return w.Phrase(PhraseSometime, datingDaysText(m.Earliest, m.Latest, w))
}

// datingSpanText says from when to when a span lasted.
func datingSpanText(from, to When, w DateWords) string {
	openFrom, openTo := from.Precision == OpenEnd, to.Precision == OpenEnd
	switch {
	case openFrom && openTo:
		return w.Phrase(PhraseDatesUnknown)
	case openFrom:
		return w.Phrase(PhraseUntil, datingEndText(to, w))
	case openTo:
		return w.Phrase(PhraseFromOpen, datingEndText(from, w))
	case datingOneDay(from) && datingOneDay(to):
		a, b := from.Earliest, to.Earliest
		switch {
		case a.Year() == b.Year() && a.Month() == b.Month():
			return w.Phrase(PhraseFromDayTo, a.Day(), w.Day(b))
		case a.Year() == b.Year():
			return w.Phrase(PhraseFromDayMonthTo, w.DayMonth(a), w.Day(b))
		}
	}
	return w.Phrase(PhraseFromTo, datingEndText(from, w), datingEndText(to, w))
}

// datingEndText says when one end of a span was, in the middle of a sentence:
// "7 Dec 2022", "Dec 2022", "2022", "the week of 5 Dec 2022", "sometime in
// 20–27 Dec 2022".
func datingEndText(m When, w DateWords) string {
	switch {
	case m.Precision == Month:
		return w.Month(m.Earliest)
	case m.Precision == Year:
		return m.Earliest.Format("2006")
	case m.Precision == Week:
		return w.Phrase(PhraseEndWeek, w.Day(m.Earliest))
	case datingOneDay(m):
		return w.Phrase(PhraseEndDay, w.Day(m.Earliest))
	}
	return w.Phrase(PhraseEndSometime, datingDaysText(m.Earliest, m.Latest, w))
}

// datingOneDay reports whether w is a single day, whatever its precision says.
func datingOneDay(w When) bool {
	return w.Latest.IsZero() || w.Earliest.Equal(w.Latest)
}

// datingDaysText writes the days from a to b, inclusive, as DateRange.String
// does: "7–21 Dec 2022", "30 Nov – 2 Dec 2022", "30 Dec 2022 – 2 Jan 2023".
func datingDaysText(a, b time.Time, w DateWords) string {
	switch {
	case a.Equal(b):
		return w.Day(a)
	case a.Year() == b.Year() && a.Month() == b.Month():
		return w.Phrase(PhraseDaysInMonth, a.Day(), w.Day(b))
	case a.Year() == b.Year():
		return w.Phrase(PhraseDays, w.DayMonth(a), w.Day(b))
	}
	return w.Phrase(PhraseDays, w.Day(a), w.Day(b))
}
