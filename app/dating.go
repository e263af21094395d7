package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// datingText says when an event happened as a person would, in the
// window's language: "7 Dec 2022", "Sometime in 7–21 Dec 2022", "From 10
// Dec 2022 to sometime in 20–27 Dec 2022", "Undated"; in Spanish "7 de
// diciembre de 2022", "Del 7 al 21 de diciembre de 2022". The timeline's
// tooltip, the detail pane and the event form all say it this way; data
// decides which parts a date has (data.WordDating), the exports in English.
func datingText(e data.EventSummary) string { return data.WordDating(e, words) }

// dateLine says when, how precisely, and how we know: "20 Dec 2022 ·
// resolved from “on Tuesday” in an article of 21 Dec 2022", "20 de
// diciembre de 2022 · deducido de «el martes» en un artículo del 21 de
// diciembre de 2022".
func dateLine(e *data.Event, anchor *data.Document) string {
	if anchor == nil {
		return data.WordDateLine(e, nil, words)
	}
	return data.WordDateLine(e, &anchor.DocumentSummary, words)
}

// rangeText writes a document's date: "21 Dec 2022", "Sep 2021 (month)".
func rangeText(r data.DateRange) string { return data.WordRange(r, words) }

// words are the window's date words, in the language lang picked.
var words data.DateWords = langWords{}

type langWords struct{}

func (langWords) Day(t time.Time) string {
	return lang.L("{{.Day}} {{.Month}} {{.Year}}", map[string]any{"Day": t.Day(), "Month": monthName(t.Month()), "Year": t.Year()})
}

func (langWords) DayMonth(t time.Time) string {
	return lang.L("{{.Day}} {{.Month}}", map[string]any{"Day": t.Day(), "Month": monthName(t.Month())})
}

func (langWords) Month(t time.Time) string {
	return lang.L("{{.Month}} {{.Year}}", map[string]any{"Month": monthName(t.Month()), "Year": t.Year()})
}

// Phrase translates the English fmt format of p and fills it.
func (langWords) Phrase(p data.Phrase, args ...any) string {
	return fmt.Sprintf(phraseFormat(p), args...)
}

// phraseFormat is the fmt format of p in the window's language. Each is
// the English of data.English, as the key of its translation.
func phraseFormat(p data.Phrase) string {
	switch p {
	case data.PhraseUndated:
		return lang.L("Undated")
	case data.PhraseDatesUnknown:
		return lang.L("Dates unknown")
	case data.PhraseWeekOf:
		return lang.L("Sometime in the week of %s")
	case data.PhraseSometime:
		return lang.L("Sometime in %s")
	case data.PhraseUntil:
		return lang.L("Until %s")
	case data.PhraseFromOpen:
		return lang.L("From %s, end unknown")
	case data.PhraseFromDayTo:
		return lang.L("From %d to %s")
	case data.PhraseFromTo:
		return lang.L("From %s to %s")
	case data.PhraseFromDayMonthTo:
		return lang.X("date.from.daymonth", "From %s to %s")
	case data.PhraseEndDay:
		return lang.X("date.end.day", "%s")
	case data.PhraseEndWeek:
		return lang.L("the week of %s")
	case data.PhraseEndSometime:
		return lang.L("sometime in %s")
	case data.PhraseDaysInMonth:
		return lang.L("%d–%s")
	case data.PhraseDays:
		return lang.L("%s – %s")
	case data.PhraseStatedAs:
		return lang.L("%s · stated in the text as “%s”")
	case data.PhraseStated:
		return lang.L("%s · stated in the text")
	case data.PhraseResolved:
		return lang.L("%s · resolved from “%s” in %s")
	case data.PhraseItsSource:
		return lang.L("its source")
	case data.PhraseArticleOfDay:
		return lang.X("date.article.day", "an article of %s")
	case data.PhraseArticleOf:
		return lang.L("an article of %s")
	case data.PhraseAnchorInferred:
		return lang.L("%s, itself dated by inference")
	case data.PhraseInferred:
		return lang.L("%s · inferred (see the note)")
	case data.PhraseNoSource:
		return lang.L("Date unknown · no source gives one")
	case data.PhraseDateUnknown:
		return lang.L("date unknown")
	case data.PhraseWithPrecision:
		return lang.X("date.precision", "%s (%s)")
	case data.PhraseWeek:
		return lang.L("week")
	case data.PhraseMonth:
		return lang.L("month")
	case data.PhraseYear:
		return lang.L("year")
	}
	return data.English.Phrase(p)
}

// monthName is the month as a date in a sentence names it: "Dec",
// "diciembre".
func monthName(m time.Month) string {
	switch m {
	case time.January:
		return lang.X("month.1", "Jan")
	case time.February:
		return lang.X("month.2", "Feb")
	case time.March:
		return lang.X("month.3", "Mar")
	case time.April:
		return lang.X("month.4", "Apr")
	case time.May:
		return lang.X("month.5", "May")
	case time.June:
		return lang.X("month.6", "Jun")
	case time.July:
		return lang.X("month.7", "Jul")
	case time.August:
		return lang.X("month.8", "Aug")
	case time.September:
		return lang.X("month.9", "Sep")
	case time.October:
		return lang.X("month.10", "Oct")
	case time.November:
		return lang.X("month.11", "Nov")
	}
	return lang.X("month.12", "Dec")
}

// monthAbbr is the month as the timeline's axis names it: "Dec", "dic".
func monthAbbr(m time.Month) string {
	switch m {
	case time.January:
		return lang.X("month.short.1", "Jan")
	case time.February:
		return lang.X("month.short.2", "Feb")
	case time.March:
		return lang.X("month.short.3", "Mar")
	case time.April:
		return lang.X("month.short.4", "Apr")
	case time.May:
		return lang.X("month.short.5", "May")
	case time.June:
		return lang.X("month.short.6", "Jun")
	case time.July:
		return lang.X("month.short.7", "Jul")
	case time.August:
		return lang.X("month.short.8", "Aug")
	case time.September:
		return lang.X("month.short.9", "Sep")
	case time.October:
		return lang.X("month.short.10", "Oct")
	case time.November:
		return lang.X("month.short.11", "Nov")
	}
	return lang.X("month.short.12", "Dec")
}

// countData is the template data of a count: lang.N("{{.Count}} events",
// n, countData(n)) writes "1 event", "1,234 events", "3 eventos".
func countData(n int) map[string]any { return map[string]any{"Count": textfmt.Number(n)} }

// eventCount says how many events: "1 event", "1,234 events", "3 eventos".
func eventCount(n int) string { return lang.N("{{.Count}} events", n, countData(n)) }

// quoted puts a quotation in the language's quotation marks: “…”, «…».
func quoted(s string) string { return lang.L("“{{.Text}}”", map[string]any{"Text": s}) }
