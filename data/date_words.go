package data

import (
	"fmt"
	"time"
)

// DateWords words the parts of a date in one language. DatingText and
// DateLine put them together in English, as the exports say them; the
// window brings the words of its own language to WordDating and
// WordDateLine, so the rules of which parts a date has stay here, once.
type DateWords interface {
	// Day writes a day: "7 Dec 2022", "7 de diciembre de 2022".
	Day(t time.Time) string
	// DayMonth writes a day whose year follows: "7 Dec".
	DayMonth(t time.Time) string
	// Month writes a month: "Dec 2022".
	Month(t time.Time) string
	// Phrase fills the frame p with args, as fmt.Sprintf fills the English
	// format that Phrase's constant names.
	Phrase(p Phrase, args ...any) string
}

// Phrase names a frame a date is worded in; its English, a fmt format, is
// in englishPhrases.
type Phrase int

// The frames of DatingText and DateLine.
const (
	PhraseUndated        Phrase = iota // "Undated"
	PhraseDatesUnknown                 // "Dates unknown"
	PhraseWeekOf                       // "Sometime in the week of %s" (a day)
	PhraseSometime                     // "Sometime in %s" (days)
	PhraseUntil                        // "Until %s" (an end)
	PhraseFromOpen                     // "From %s, end unknown" (an end)
	PhraseFromDayTo                    // "From %d to %s" (a day of the month, a day)
	PhraseFromTo                       // "From %s to %s" (two ends)
	PhraseFromDayMonthTo               // "From %s to %s" (a DayMonth, a day)
	PhraseEndDay                       // "%s": a day as an end
	PhraseEndWeek                      // "the week of %s" (a day)
	PhraseEndSometime                  // "sometime in %s" (days)
	PhraseDaysInMonth                  // "%d–%s" (a day of the month, a day)
	PhraseDays                         // "%s – %s" (a DayMonth or a day, a day)
	PhraseStatedAs                     // "%s · stated in the text as “%s”"
	PhraseStated                       // "%s · stated in the text"
	PhraseResolved                     // "%s · resolved from “%s” in %s"
	PhraseItsSource                    // "its source"
	PhraseArticleOfDay                 // "an article of %s" (a Range of one day)
	PhraseArticleOf                    // "an article of %s" (a longer Range)
	PhraseAnchorInferred               // "%s, itself dated by inference"
	PhraseInferred                     // "%s · inferred (see the note)"
	PhraseNoSource                     // "Date unknown · no source gives one"
	PhraseDateUnknown                  // "date unknown"
	PhraseWithPrecision                // "%s (%s)" (days, a precision)
	PhraseWeek                         // "week"
	PhraseMonth                        // "month"
	PhraseYear                         // "year"
	phraseCount
)

// English is the words the exports and the command line use.
var English DateWords = english{}

type english struct{}

var englishPhrases = [phraseCount]string{
	PhraseUndated:        "Undated",
	PhraseDatesUnknown:   "Dates unknown",
	PhraseWeekOf:         "Sometime in the week of %s",
	PhraseSometime:       "Sometime in %s",
	PhraseUntil:          "Until %s",
	PhraseFromOpen:       "From %s, end unknown",
	PhraseFromDayTo:      "From %d to %s",
	PhraseFromTo:         "From %s to %s",
	PhraseFromDayMonthTo: "From %s to %s",
	PhraseEndDay:         "%s",
	PhraseEndWeek:        "the week of %s",
	PhraseEndSometime:    "sometime in %s",
	PhraseDaysInMonth:    "%d–%s",
	PhraseDays:           "%s – %s",
	PhraseStatedAs:       "%s · stated in the text as “%s”",
	PhraseStated:         "%s · stated in the text",
	PhraseResolved:       "%s · resolved from “%s” in %s",
	PhraseItsSource:      "its source",
	PhraseArticleOfDay:   "an article of %s",
	PhraseArticleOf:      "an article of %s",
	PhraseAnchorInferred: "%s, itself dated by inference",
	PhraseInferred:       "%s · inferred (see the note)",
	PhraseNoSource:       "Date unknown · no source gives one",
	PhraseDateUnknown:    "date unknown",
	PhraseWithPrecision:  "%s (%s)",
	PhraseWeek:           "week",
	PhraseMonth:          "month",
	PhraseYear:           "year",
}

func (english) Day(t time.Time) string      { return t.Format("2 Jan 2006") }
func (english) DayMonth(t time.Time) string { return t.Format("2 Jan") }
func (english) Month(t time.Time) string    { return t.Format("Jan 2006") }

func (english) Phrase(p Phrase, args ...any) string {
	return fmt.Sprintf(englishPhrases[p], args...)
}
