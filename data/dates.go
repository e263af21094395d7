package data

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// MinYear and MaxYear bound the years a date may have. The parsers read
// four-digit years, and the zero time.Time, 1 January of year 1, means "no
// date" throughout the corpus, the exports and the window: a date in year
// 1 would read back as unknown. Years before 1000 are refused rather than
// given a "known" flag of their own in every range, When, filter and
// table: a four-digit year written with leading zeros ("0800") is far
// likelier a time of day than a date in the news this corpus holds, and a
// relative phrase can step back at most a few years from its anchor, so no
// rule reaches the zero time from an accepted date. After 9999 a year no
// longer fits the YYYY the corpus and EDTF are written in.
const (
	MinYear = 1000
	MaxYear = 9999
)

// ErrNoAnchor is returned for a relative phrase when the document it comes
// from has no publication date to resolve it against.
var ErrNoAnchor = errors.New("relative date phrase needs a dated document")

// ParseDay parses a YYYY-MM-DD day, rejecting impossible dates such as
// 2023-02-30 that time.Parse would otherwise report less clearly.
func ParseDay(s string) (time.Time, error) {
	m := isoDayRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return civil(y, time.Month(mo), d, s)
}

// FormatDay formats a day as YYYY-MM-DD, or "" for the zero time.
func FormatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// ParsePrecision checks a precision name.
func ParsePrecision(s string) (Precision, error) {
	switch p := Precision(s); p {
	case Day, Week, Month, Year, Unknown:
		return p, nil
	}
	return "", fmt.Errorf("precision %q: want day, week, month, year or unknown", s)
}

// ParseBasis checks a basis name.
func ParseBasis(s string) (Basis, error) {
	switch b := Basis(s); b {
	case Stated, Relative, Inferred, NoBasis:
		return b, nil
	}
	return "", fmt.Errorf("date basis %q: want stated, relative, inferred or unknown", s)
}

// Validate reports what is wrong with a range: an end before its start, a
// known precision without dates (or dates without one), or a span too wide
// for the precision it claims.
func (r DateRange) Validate() error {
	if _, err := ParsePrecision(string(r.Precision)); err != nil {
		return err
	}
	if !r.Known() {
		if !r.End.IsZero() {
			return errors.New("end date without a start date")
		}
		if r.Precision != Unknown {
			return fmt.Errorf("precision %s without a date", r.Precision)
		}
		return nil
	}
	if r.End.IsZero() {
		return errors.New("start date without an end date")
	}
	if err := checkYears(r.Start, r.End); err != nil {
		return err
	}
	if r.End.Before(r.Start) {
		return fmt.Errorf("ends %s before it starts %s", FormatDay(r.End), FormatDay(r.Start))
	}
	if r.Precision == Unknown {
		return nil
	}
	if got := spanPrecision(r.Start, r.End); rank(got) > rank(r.Precision) {
		return fmt.Errorf("%s to %s is %d days, too wide for precision %s",
			FormatDay(r.Start), FormatDay(r.End), days(r.Start, r.End), r.Precision)
	}
	return nil
}

// String formats the range for people: "7 Dec 2022", "6–12 Dec 2021 (week)",
// "Sep 2021 (month)", or "date unknown".
func (r DateRange) String() string { return WordRange(r, English) }

// WordRange is DateRange.String in the words of w.
func WordRange(r DateRange, w DateWords) string {
	if !r.Known() {
		return w.Phrase(PhraseDateUnknown)
	}
	if r.Start.Equal(r.End) {
		return w.Day(r.Start)
	}
	s, e := r.Start, r.End
	var text string
	switch {
	case s.Year() == e.Year() && s.Month() == e.Month() && s.Day() == 1 && e.AddDate(0, 0, 1).Day() == 1:
		text = w.Month(s)
	case s.Year() == e.Year() && s.Month() == 1 && s.Day() == 1 && e.Month() == 12 && e.Day() == 31:
		text = s.Format("2006")
	case s.Year() == e.Year() && s.Month() == e.Month():
		text = fmt.Sprintf("%d–%s", s.Day(), w.Day(e))
	case s.Year() == e.Year():
		text = fmt.Sprintf("%s – %s", w.DayMonth(s), w.Day(e))
	default:
		text = fmt.Sprintf("%s – %s", w.Day(s), w.Day(e))
	}
	if r.Precision != Day {
		text = w.Phrase(PhraseWithPrecision, text, precisionWord(r.Precision, w))
	}
	return text
}

// precisionWord names p in the words of w.
func precisionWord(p Precision, w DateWords) string {
	switch p {
	case Week:
		return w.Phrase(PhraseWeek)
	case Month:
		return w.Phrase(PhraseMonth)
	case Year:
		return w.Phrase(PhraseYear)
	}
	return string(p)
}

// ResolvePhrase turns the words a text uses for a date into a range. Phrases
// that carry their own year ("Dec. 14, 2022", "November 2022", "2023-02-17")
// resolve alone and report Stated. The others ("on Tuesday", "last week",
// "next Sunday", "in September", "December 7") resolve against anchor, the
// publication date of the document they come from, and report Relative.
//
// A weekday ("on Tuesday", "Wednesday morning") is the latest such day on or
// before publication, as news copy uses it. When anchor is itself a range,
// the result covers every day the phrase could mean, with a precision no finer
// than that span allows: an honest range, never a guessed day.
func ResolvePhrase(phrase string, anchor DateRange) (DateRange, Basis, error) {
	p := normalisePhrase(phrase)
	if p == "" {
		return DateRange{}, "", fmt.Errorf("date phrase %q is empty", phrase)
	}
	if r, ok, err := resolveAbsolute(p); ok || err != nil {
		if err != nil {
			return DateRange{}, "", fmt.Errorf("date phrase %q: %w", phrase, err)
		}
		return r, Stated, nil
	}
	rel, err := relativeRule(p)
	if err != nil {
		return DateRange{}, "", fmt.Errorf("date phrase %q: %w", phrase, err)
	}
	if !anchor.Known() {
		return DateRange{}, "", fmt.Errorf("date phrase %q: %w", phrase, ErrNoAnchor)
	}
	if days(anchor.Start, anchor.End) > 400 {
		return DateRange{}, "", fmt.Errorf("date phrase %q: anchor %s is too vague to resolve against", phrase, anchor)
	}
	var out DateRange
	for d := anchor.Start; !d.After(anchor.End); d = d.AddDate(0, 0, 1) {
		s, e, err := rel.resolve(d)
		if err != nil {
			return DateRange{}, "", fmt.Errorf("date phrase %q: %w", phrase, err)
		}
		if !out.Known() || s.Before(out.Start) {
			out.Start = s
		}
		if out.End.IsZero() || e.After(out.End) {
			out.End = e
		}
	}
	if err := checkYears(out.Start, out.End); err != nil {
		return DateRange{}, "", fmt.Errorf("date phrase %q against %s: %w", phrase, anchor, err)
	}
	out.Precision = coarser(rel.precision, spanPrecision(out.Start, out.End))
	return out, Relative, nil
}

var (
	isoDayRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	// monthDayYearRe matches "december 7, 2022", "dec. 14, 2022",
	// "dec.7, 2022" and "december 7 2022".
	monthDayYearRe = regexp.MustCompile(`^([a-z]+)\.? ?(\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$`)
	// dayMonthYearRe matches "7 december 2022".
	dayMonthYearRe = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$`)
	monthYearRe    = regexp.MustCompile(`^([a-z]+)\.?,? (\d{4})$`)
	yearRe         = regexp.MustCompile(`^(\d{4})$`)
	monthDayRe     = regexp.MustCompile(`^([a-z]+)\.? ?(\d{1,2})(?:st|nd|rd|th)?$`)
	dayMonthRe     = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?$`)
)

// normalisePhrase lowercases, folds spacing, and drops the words around a
// date that do not change it ("on", "in", "morning").
func normalisePhrase(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimRight(s, " .,;:")
	s = spanishPhrase(s)
	for _, pre := range []string{"on ", "in ", "during ", "since "} {
		s = strings.TrimPrefix(s, pre)
	}
	for _, suf := range []string{" morning", " afternoon", " evening", " night"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

func resolveAbsolute(p string) (DateRange, bool, error) {
	if m := isoDayRe.FindStringSubmatch(p); m != nil {
		d, err := ParseDay(p)
		return dayRange(d), true, err
	}
	if m := monthDayYearRe.FindStringSubmatch(p); m != nil {
		if mo, ok := monthByName(m[1]); ok {
			return dayFrom(m[3], mo, m[2], p)
		}
	}
	if m := dayMonthYearRe.FindStringSubmatch(p); m != nil {
		if mo, ok := monthByName(m[2]); ok {
			return dayFrom(m[3], mo, m[1], p)
		}
	}
	if m := monthYearRe.FindStringSubmatch(p); m != nil {
		if mo, ok := monthByName(m[1]); ok {
			y, _ := strconv.Atoi(m[2])
			return monthRange(y, mo), true, checkYear(y)
		}
	}
	if m := yearRe.FindStringSubmatch(p); m != nil {
		y, _ := strconv.Atoi(m[1])
		return yearRange(y), true, checkYear(y)
	}
	return DateRange{}, false, nil
}

func dayFrom(year string, mo time.Month, day, p string) (DateRange, bool, error) {
	y, _ := strconv.Atoi(year)
	d, _ := strconv.Atoi(day)
	t, err := civil(y, mo, d, p)
	return dayRange(t), true, err
}

// relRule resolves a relative phrase against one publication day.
type relRule struct {
	precision Precision
	resolve   func(pub time.Time) (start, end time.Time, err error)
}

// relativeRule finds the rule for a phrase whose date depends on when it
// was published.
func relativeRule(p string) (relRule, error) {
	if r, ok := fixedRule(p); ok {
		return r, nil
	}
	words := strings.Fields(p)
	if len(words) <= 2 {
		which, name := "", words[len(words)-1]
		if len(words) == 2 {
			which = words[0]
		}
		if wd, ok := weekdayByName(name); ok && (which == "" || which == "last" || which == "next" || which == "this") {
			return relRule{Day, same(func(pub time.Time) time.Time { return weekdayNear(pub, wd, which) })}, nil
		}
	}
	if m := monthDayRe.FindStringSubmatch(p); m != nil {
		if mo, ok := monthByName(m[1]); ok {
			return monthDayRule(mo, m[2], p), nil
		}
	}
	if m := dayMonthRe.FindStringSubmatch(p); m != nil {
		if mo, ok := monthByName(m[2]); ok {
			return monthDayRule(mo, m[1], p), nil
		}
	}
	if mo, ok := monthByName(p); ok {
		// A bare month in news copy is the latest such month up to publication.
		return relRule{Month, func(pub time.Time) (time.Time, time.Time, error) {
			y := pub.Year()
			if mo > pub.Month() {
				y--
			}
			r := monthRange(y, mo)
			return r.Start, r.End, nil
		}}, nil
	}
	return relRule{}, errors.New("not a date this resolver understands (try \"December 7, 2022\", \"on Tuesday\", \"last week\", \"next Sunday\", \"in September\")")
}

// fixedRule is the rule for a phrase fixed to its publication day:
// "yesterday", "last week", "this month", "next year" and the like.
func fixedRule(p string) (relRule, bool) {
	switch p {
	case "today":
		return relRule{Day, same(func(t time.Time) time.Time { return t })}, true
	case "yesterday":
		return relRule{Day, same(func(t time.Time) time.Time { return t.AddDate(0, 0, -1) })}, true
	case "tomorrow":
		return relRule{Day, same(func(t time.Time) time.Time { return t.AddDate(0, 0, 1) })}, true
	case "this week", "last week", "next week":
		off := map[string]int{"this week": 0, "last week": -7, "next week": 7}[p]
		return relRule{Week, func(pub time.Time) (time.Time, time.Time, error) {
			mon := monday(pub).AddDate(0, 0, off)
			return mon, mon.AddDate(0, 0, 6), nil
		}}, true
	case "this month", "last month", "next month":
		off := map[string]int{"this month": 0, "last month": -1, "next month": 1}[p]
		return relRule{Month, func(pub time.Time) (time.Time, time.Time, error) {
			r := monthRange(pub.Year(), pub.Month()+time.Month(off))
			return r.Start, r.End, nil
		}}, true
	case "this year", "last year", "next year":
		off := map[string]int{"this year": 0, "last year": -1, "next year": 1}[p]
		return relRule{Year, func(pub time.Time) (time.Time, time.Time, error) {
			r := yearRange(pub.Year() + off)
			return r.Start, r.End, nil
		}}, true
	}
	return relRule{}, false
}

// same makes a rule's resolve of a function from a day to a day.
func same(f func(time.Time) time.Time) func(time.Time) (time.Time, time.Time, error) {
	return func(pub time.Time) (time.Time, time.Time, error) { d := f(pub); return d, d, nil }
}

// monthDayRule places a day without a year in the latest year that puts it
// on or before publication, as news copy means "December 7" in January.
// A 29 February looks back to the last leap year.
func monthDayRule(mo time.Month, day, p string) relRule {
	d, _ := strconv.Atoi(day)
	return relRule{Day, func(pub time.Time) (time.Time, time.Time, error) {
		var err error
		for y := pub.Year(); y > pub.Year()-8; y-- {
			var t time.Time
			if t, err = civil(y, mo, d, p); err == nil && !t.After(pub) {
				return t, t, nil
			}
		}
		if err == nil {
			err = fmt.Errorf("no %s %d on or before %s", mo, d, FormatDay(pub))
		}
		return time.Time{}, time.Time{}, err
	}}
}

// weekdayNear finds the weekday a phrase means from a publication day:
// bare or "this" is the latest on or before it, "last" the latest strictly
// before it, "next" the first strictly after it.
func weekdayNear(pub time.Time, wd time.Weekday, which string) time.Time {
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	switch which {
	case "last":
		if back == 0 {
			back = 7
		}
	case "next":
		fwd := (int(wd) - int(pub.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return pub.AddDate(0, 0, fwd)
	}
	return pub.AddDate(0, 0, -back)
}

func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// checkYear refuses a year outside MinYear..MaxYear.
func checkYear(y int) error {
	switch {
	case y < MinYear:
		return fmt.Errorf("year %04d is out of range: dates before %d are not supported", y, MinYear)
	case y > MaxYear:
		return fmt.Errorf("year %04d is out of range: dates after %d are not supported", y, MaxYear)
	}
	return nil
}

// checkYears refuses a range that starts or ends outside MinYear..MaxYear.
func checkYears(s, e time.Time) error {
	if err := checkYear(s.Year()); err != nil {
		return err
	}
	return checkYear(e.Year())
}

func civil(y int, mo time.Month, d int, src string) (time.Time, error) {
	if err := checkYear(y); err != nil {
		return time.Time{}, fmt.Errorf("date %q: %w", src, err)
	}
	if mo < 1 || mo > 12 {
		return time.Time{}, fmt.Errorf("date %q: month %d does not exist", src, mo)
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if d < 1 || t.Month() != mo || t.Day() != d {
		return time.Time{}, fmt.Errorf("date %q: %s has no day %d in %d", src, mo, d, y)
	}
	return t, nil
}

func dayRange(t time.Time) DateRange { return DateRange{t, t, Day} }

func monthRange(y int, mo time.Month) DateRange {
	s := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
	return DateRange{s, s.AddDate(0, 1, -1), Month}
}

func yearRange(y int) DateRange {
	return DateRange{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), Year}
}

// days counts the days a range covers, both ends included.
func days(s, e time.Time) int { return int(e.Sub(s).Hours()/24) + 1 }

// spanPrecision is the finest precision honest for a span of days.
func spanPrecision(s, e time.Time) Precision {
	switch n := days(s, e); {
	case n <= 1:
		return Day
	case n <= 14:
		return Week
	case n <= 62:
		return Month
	case n <= 366:
		return Year
	}
	return Unknown
}

func rank(p Precision) int {
	switch p {
	case Day:
		return 0
	case Week:
		return 1
	case Month:
		return 2
	case Year:
		return 3
	}
	return 4
}

func coarser(a, b Precision) Precision {
	if rank(a) >= rank(b) {
		return a
	}
	return b
}

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

func monthByName(s string) (time.Month, bool) {
	s = strings.TrimSuffix(s, ".")
	if m, ok := monthNames[s]; ok {
		return m, true
	}
	m, ok := spanishMonths[s]
	return m, ok
}

func weekdayByName(s string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if name := strings.ToLower(d.String()); s == name || s == name+"s" {
			return d, true
		}
	}
	d, ok := spanishWeekdays[s]
	return d, ok
}

var spanishWeekdays = map[string]time.Weekday{"domingo": time.Sunday, "lunes": time.Monday, "martes": time.Tuesday,
	"miércoles": time.Wednesday, "miercoles": time.Wednesday, "jueves": time.Thursday, "viernes": time.Friday,
	"sábado": time.Saturday, "sabado": time.Saturday}

var spanishMonths = map[string]time.Month{"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5,
	"junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
	"diciembre": 12}

// spanishFixed are the Spanish phrases fixed to the publication day, in
// the English the rules know.
var spanishFixed = map[string]string{"hoy": "today", "ayer": "yesterday",
	"la semana pasada": "last week", "semana pasada": "last week", "esta semana": "this week",
	"la próxima semana": "next week", "la semana próxima": "next week", "la semana que viene": "next week",
	"el mes pasado": "last month", "este mes": "this month", "el próximo mes": "next month",
	"el año pasado": "last year", "este año": "this year", "el próximo año": "next year"}

// spanishPhrase rewrites a normalised Spanish date phrase in the words the
// rules know: "el martes pasado" is "last martes", "7 de diciembre de 2022"
// is "7 diciembre 2022".
func spanishPhrase(s string) string {
	if en, ok := spanishFixed[s]; ok {
		return en
	}
	for _, pre := range []string{"el ", "este ", "esta "} {
		s = strings.TrimPrefix(s, pre)
	}
	switch words := strings.Fields(s); {
	case len(words) == 2 && words[0] == "pasado":
		s = "last " + words[1]
	case len(words) == 2 && words[1] == "pasado":
		s = "last " + words[0]
	case len(words) == 2 && words[0] == "próximo":
		s = "next " + words[1]
	case len(words) == 2 && words[1] == "próximo":
		s = "next " + words[0]
	}
	s = strings.ReplaceAll(s, " de ", " ")
	return strings.ReplaceAll(s, " del ", " ")
}
