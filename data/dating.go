package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// calendarUnit is the calendar unit the days first..last are exactly (a
// day; a week from Monday to Sunday; a month; a year), or "" when they are
// some other range of days.
func calendarUnit(first, last time.Time) Precision {
	switch {
	case first.Equal(last):
		return Day
	case first.Weekday() == time.Monday && last.Equal(first.AddDate(0, 0, 6)):
		return Week
	case first.Day() == 1 && last.Equal(first.AddDate(0, 1, -1)):
		return Month
	case first.YearDay() == 1 && last.Equal(first.AddDate(1, 0, -1)):
		return Year
	}
	return ""
}

// unitWhen is the When of the days first..last, with the precision of the
// calendar unit they are, if any.
func unitWhen(first, last time.Time) When {
	return When{first, last, calendarUnit(first, last)}
}

// Validate reports what is wrong with a When: bounds out of order, days
// an open end should not have, or a precision that is not the calendar
// unit its days are.
func (w When) Validate() error {
	if w.Precision == OpenEnd {
		if !w.Earliest.IsZero() || !w.Latest.IsZero() {
			return errors.New("an open end has no days")
		}
		return nil
	}
	if w.Earliest.IsZero() || w.Latest.IsZero() {
		return errors.New("no days")
	}
	if err := checkYears(w.Earliest, w.Latest); err != nil {
		return err
	}
	if w.Latest.Before(w.Earliest) {
		return fmt.Errorf("latest day %s before earliest %s", FormatDay(w.Latest), FormatDay(w.Earliest))
	}
	if unit := calendarUnit(w.Earliest, w.Latest); w.Precision != unit {
		if unit == "" {
			return fmt.Errorf("%s to %s is %d days, not a calendar %s: give no precision", FormatDay(w.Earliest),
				FormatDay(w.Latest), days(w.Earliest, w.Latest), w.Precision)
		}
		return fmt.Errorf("%s to %s is a calendar %s, not precision %q", FormatDay(w.Earliest), FormatDay(w.Latest), unit, w.Precision)
	}
	return nil
}

// ValidateDating reports what is wrong with an event's dating: a shape
// that is neither, a moment whose To is not its From, a span whose start or
// end EDTF cannot write (a day, month or year, or open) or that ends before
// it starts, an undated event with days.
func ValidateDating(shape Shape, from, to When) error {
	switch shape {
	case "":
		if from != (When{}) || to != (When{}) {
			return errors.New("an undated event has no days")
		}
		return nil
	case Moment:
		if err := from.Validate(); err != nil {
			return err
		}
		if from.Precision == OpenEnd {
			return errors.New("a moment cannot be open")
		}
		if !sameWhen(from, to) {
			return errors.New("a moment has one date: From and To differ")
		}
		return nil
	case Span:
		for _, end := range []struct {
			name string
			w    When
		}{{"start", from}, {"end", to}} {
			if err := end.w.Validate(); err != nil {
				return fmt.Errorf("span %s: %w", end.name, err)
			}
			if p := end.w.Precision; p != Day && p != Month && p != Year && p != OpenEnd {
				return fmt.Errorf("span %s %s..%s: want a day, a month, a year or open (EDTF has no other form for it)",
					end.name, FormatDay(end.w.Earliest), FormatDay(end.w.Latest))
			}
		}
		return checkSpan(from, to)
	}
	return fmt.Errorf("shape %q: want moment or span", shape)
}

// sameWhen reports whether two Whens are the same days at the same
// precision (time.Time compared with Equal).
func sameWhen(a, b When) bool {
	return a.Earliest.Equal(b.Earliest) && a.Latest.Equal(b.Latest) && a.Precision == b.Precision
}

// Envelope is the DateRange an event's dating covers, EventSummary.Date:
// from the earliest day it may have begun to the latest it may have ended.
// An open end takes the other end's days, so an open-start span "until 17
// Feb 2023" is 17 Feb 2023, and the event sorts there. The precision is
// the When's for a moment known to a calendar unit; for a moment in some
// other range of days, the shortest unit as long as the range (a week up to
// 14 days, a month up to 62, a year up to 366), as the timeline draws
// uncertain dates as bands; for a span, Day when both ends are days (it is
// drawn as a bar), else the coarser of its ends'.
func Envelope(shape Shape, from, to When) DateRange {
	switch shape {
	case Moment:
		p := from.Precision
		if p == "" {
			p = spanPrecision(from.Earliest, from.Latest)
		}
		return DateRange{from.Earliest, from.Latest, p}
	case Span:
		if from.Precision == OpenEnd {
			from = to
		}
		if to.Precision == OpenEnd {
			to = from
		}
		return DateRange{from.Earliest, to.Latest, coarser(from.Precision, to.Precision)}
	}
	return DateRange{Precision: Unknown}
}

// SetEDTF sets e's dating from an EDTF date as ParseEDTF reads it, or ""
// for undated: Shape, From, To, EDTF (as FormatEDTF writes it) and Date
// (Envelope). A date that ParseEDTF or ValidateDating refuses leaves e as
// it was. Fakes and forms that make events use it to keep those fields
// agreeing.
func (e *EventSummary) SetEDTF(s string) error {
	if strings.TrimSpace(s) == "" {
		e.setDating("", When{}, When{})
		return nil
	}
	shape, from, to, err := ParseEDTF(s)
	if err == nil {
		err = ValidateDating(shape, from, to)
	}
	if err != nil {
		return err
	}
	e.setDating(shape, from, to)
	return nil
}

// setDating fills e's Shape, From, To, EDTF and Date from a dating.
func (e *EventSummary) setDating(shape Shape, from, to When) {
	e.Shape, e.From, e.To = shape, from, to
	e.EDTF = FormatEDTF(shape, from, to)
	e.Date = Envelope(shape, from, to)
}
