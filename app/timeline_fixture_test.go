package app

import (
	"fmt"
	"math/rand/v2"
	"time"

	"chronoscope/data"
)

// Events and documents the timeline tests draw: a small corpus like the
// real one, and synthetic corpora of any size.

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func on(y int, m time.Month, d int) data.DateRange {
	return data.DateRange{Start: day(y, m, d), End: day(y, m, d), Precision: data.Day}
}

func between(from, to time.Time) data.DateRange {
	return data.DateRange{Start: from, End: to, Precision: data.Day}
}

func weekOf(monday time.Time) data.DateRange {
	return data.DateRange{Start: monday, End: monday.AddDate(0, 0, 6), Precision: data.Week}
}

func monthOf(y int, m time.Month) data.DateRange {
	return data.DateRange{Start: day(y, m, 1), End: day(y, m+1, 0), Precision: data.Month}
}

// fixtureEvents is a small corpus like the real one: Peru's crisis of
// December 2022 and what led up to it and followed, with ranges, fuzzy
// dates and one event nobody could date. The sources narrate 7 December
// 2022 in an order that is not the IDs' (sameDayOrder).
func fixtureEvents() []data.EventSummary {
	ev := func(id, title, category, group string, date data.DateRange, basis data.Basis, sources int) data.EventSummary {
		return data.EventSummary{ID: id, Title: title, Category: category, Date: date, Basis: basis, Group: group, Sources: sources}
	}
	evs := []data.EventSummary{
		ev("ev-celac-summit", "CELAC summit in Mexico City", "diplomacy", data.GroupRegional, on(2021, 9, 18), data.Stated, 3),
		ev("ev-first-vacancy", "Congress rejects first motion to remove Castillo", "politics", data.GroupPeru, on(2021, 12, 7), data.Stated, 2),
		ev("ev-third-cabinet", "Castillo's third cabinet sworn in", "politics", data.GroupPeru, on(2022, 2, 8), data.Stated, 2),
		ev("ev-second-vacancy", "Second vacancy motion fails", "politics", data.GroupPeru, on(2022, 3, 28), data.Stated, 3),
		ev("ev-transport-strike", "Transport strikes and a curfew in Lima", "protest", data.GroupPeru, weekOf(day(2022, 4, 4)), data.Inferred, 2),
		ev("ev-summit-americas", "Summit of the Americas in Los Angeles", "diplomacy", data.GroupUnitedStates, between(day(2022, 6, 6), day(2022, 6, 10)), data.Stated, 4),
		ev("ev-amlo-boycott", "López Obrador stays away from the summit", "diplomacy", data.GroupMexico, on(2022, 6, 6), data.Relative, 3),
		ev("ev-oas-mission", "OAS high-level group visits Lima", "diplomacy", data.GroupRegional, between(day(2022, 11, 20), day(2022, 11, 22)), data.Stated, 2),
		ev("ev-pacific-alliance", "Pacific Alliance summit postponed", "diplomacy", data.GroupRegional, monthOf(2022, 11), data.Inferred, 2),
		ev("ev-self-coup", "Castillo announces the dissolution of Congress", "politics", data.GroupPeru, on(2022, 12, 7), data.Stated, 6),
		ev("ev-removal", "Congress removes Castillo from office", "politics", data.GroupPeru, on(2022, 12, 7), data.Stated, 5),
		ev("ev-boluarte", "Dina Boluarte sworn in as president", "politics", data.GroupPeru, on(2022, 12, 7), data.Stated, 4),
		ev("ev-arrest", "Castillo arrested on the way to the Mexican embassy", "security", data.GroupPeru, on(2022, 12, 7), data.Relative, 4),
		ev("ev-us-statement", "US rejects the attempt to dissolve Congress", "diplomacy", data.GroupUnitedStates, on(2022, 12, 7), data.Stated, 2),
		ev("ev-amlo-asylum", "Mexico offers Castillo asylum", "diplomacy", data.GroupMexico, on(2022, 12, 13), data.Relative, 3),
		ev("ev-emergency", "Nationwide state of emergency", "security", data.GroupPeru, between(day(2022, 12, 14), day(2023, 1, 13)), data.Stated, 3),
		ev("ev-ayacucho", "Deaths in the Ayacucho protests", "protest", data.GroupPeru, on(2022, 12, 15), data.Stated, 4),
		ev("ev-ambassador", "Mexico's ambassador declared persona non grata", "diplomacy", data.GroupMexico, on(2022, 12, 20), data.Stated, 3),
		ev("ev-family-mexico", "Castillo's family arrives in Mexico", "diplomacy", data.GroupMexico, on(2022, 12, 21), data.Stated, 2),
		ev("ev-juliaca", "Deaths in the Juliaca clashes", "protest", data.GroupPeru, on(2023, 1, 9), data.Stated, 5),
		ev("ev-toma-de-lima", "'Toma de Lima' march on the capital", "protest", data.GroupPeru, weekOf(day(2023, 1, 16)), data.Inferred, 3),
		ev("ev-relations", "Peru withdraws its ambassador from Mexico for good", "diplomacy", data.GroupMexico, monthOf(2023, 2), data.Inferred, 2),
		ev("ev-inflation", "Peru's inflation highest in 25 years", "economy", data.GroupOther, data.DateRange{Start: day(2022, 1, 1), End: day(2022, 12, 31), Precision: data.Year}, data.Stated, 2),
		ev("ev-backchannel", "Back-channel talks between Lima and Mexico City", "diplomacy", data.GroupOther, data.DateRange{Precision: data.Unknown}, data.NoBasis, 1),
	}
	for i := range evs {
		evs[i].Sequence = sameDayOrder[evs[i].ID]
		// The ranges of days here are what happened over them: spans.
		if d := evs[i].Date; d.Precision == data.Day && !d.Start.Equal(d.End) {
			evs[i] = spanning(evs[i], exactly(d.Start), exactly(d.End))
		} else {
			evs[i] = momentary(evs[i])
		}
		r := fixtureReviews[evs[i].ID]
		evs[i].Status, evs[i].Tags, evs[i].Notes = r.status, r.tags, r.notes
	}
	return evs
}

// fixtureReviews are a researcher's review of some fixture events: a
// status of each kind on dots, a band, a bar and the undated event.
var fixtureReviews = map[string]struct {
	status data.Status
	tags   []string
	notes  int
}{
	"ev-self-coup":        {data.Verified, []string{"coup", "key"}, 2},
	"ev-removal":          {data.Verified, []string{"key"}, 0},
	"ev-arrest":           {data.Disputed, []string{"coup"}, 1},
	"ev-transport-strike": {data.Verified, nil, 0},
	"ev-emergency":        {data.NeedsSource, []string{"security"}, 0},
	"ev-ambassador":       {data.Unreviewed, []string{"key"}, 1},
	"ev-backchannel":      {data.NeedsSource, nil, 0},
}

// exactly is a When of one known day.
func exactly(d time.Time) data.When {
	return data.When{Earliest: d, Latest: d, Precision: data.Day}
}

// within is a When of one of the days from a to b.
func within(a, b time.Time) data.When {
	return data.When{Earliest: a, Latest: b}
}

// monthWhen is a When of one of the days of a month.
func monthWhen(y int, m time.Month) data.When {
	return data.When{Earliest: day(y, m, 1), Latest: day(y, m+1, 0), Precision: data.Month}
}

// openEnd is a span's end that no source gives.
var openEnd = data.When{Precision: data.OpenEnd}

// momentary makes e a moment within its Date, as the corpus does.
func momentary(e data.EventSummary) data.EventSummary {
	d := e.Date
	if !d.Known() || d.Precision == data.Unknown {
		return e
	}
	w := data.When{Earliest: d.Start, Latest: d.End, Precision: d.Precision}
	switch {
	case d.Precision == data.Day && !d.Start.Equal(d.End):
		w.Precision = ""
		e.EDTF = "[" + data.FormatDay(d.Start) + ".." + data.FormatDay(d.End) + "]"
	case d.Precision == data.Month:
		e.EDTF = d.Start.Format("2006-01")
	case d.Precision == data.Year:
		e.EDTF = d.Start.Format("2006")
	case d.Precision == data.Week:
		e.EDTF = "[" + data.FormatDay(d.Start) + ".." + data.FormatDay(d.End) + "]"
	default:
		e.EDTF = data.FormatDay(d.Start)
	}
	e.Shape, e.From, e.To = data.Moment, w, w
	return e
}

// spanning makes e a span from from to to, with its Date the envelope, as
// the corpus does: for an open end, the other end's days.
func spanning(e data.EventSummary, from, to data.When) data.EventSummary {
	e.Shape, e.From, e.To = data.Span, from, to
	edtf := func(w data.When) string {
		switch {
		case w.Precision == data.OpenEnd:
			return ".."
		case w.Earliest.Equal(w.Latest):
			return data.FormatDay(w.Earliest)
		}
		return "[" + data.FormatDay(w.Earliest) + ".." + data.FormatDay(w.Latest) + "]"
	}
	e.EDTF = edtf(from) + "/" + edtf(to)
	e.Date = data.DateRange{Start: from.Earliest, End: to.Latest, Precision: data.Day}
	switch {
	case from.Precision == data.OpenEnd:
		e.Date.Start = to.Earliest
	case to.Precision == data.OpenEnd:
		e.Date.End = from.Latest
	}
	return e
}

// datingEvents are events of December 2022 whose dating issue 8 draws
// apart, a lane or two each: a moment on one of fifteen days, spans with
// exact, uncertain and open ends, and an event dated before shapes were.
// The corpus gives a span's uncertain end as a month or a year; the end
// sometime in 20–27 Dec is one EDTF cannot write, drawn all the same.
func datingEvents() []data.EventSummary {
	ev := func(id, title, group string) data.EventSummary {
		return data.EventSummary{ID: id, Title: title, Category: "protest", Group: group, Basis: data.Stated, Sources: 2}
	}
	asylum := ev("ev-asylum-granted", "Asylum granted to Castillo's lawyer", data.GroupMexico)
	asylum.Date = between(day(2022, 12, 7), day(2022, 12, 21))
	old := ev("ev-old-range", "Talks dated before shapes", data.GroupRegional)
	old.Date = between(day(2022, 12, 9), day(2022, 12, 13))
	return []data.EventSummary{
		momentary(asylum),
		spanning(ev("ev-airport", "Cusco airport closed", data.GroupMexico), openEnd, exactly(day(2022, 12, 17))),
		spanning(ev("ev-protests", "Protests in the south", data.GroupPeru), exactly(day(2022, 12, 7)), exactly(day(2022, 12, 21))),
		spanning(ev("ev-strike", "Miners' strike in Apurímac", data.GroupPeru), monthWhen(2022, 11), exactly(day(2022, 12, 4))),
		spanning(ev("ev-roadblocks", "Roadblocks on the Pan-American highway", data.GroupUnitedStates),
			exactly(day(2022, 12, 10)), within(day(2022, 12, 20), day(2022, 12, 27))),
		spanning(ev("ev-curfew", "Curfew in fifteen provinces", data.GroupRegional), exactly(day(2022, 12, 18)), openEnd),
		old,
	}
}

// sameDayOrder is the order the sources narrate 7 December 2022 in, the
// opposite of the IDs' alphabetical order for the Peru lane.
var sameDayOrder = map[string]int{"ev-self-coup": 1, "ev-us-statement": 2, "ev-removal": 3, "ev-arrest": 4, "ev-boluarte": 5}

// missionEvents are three events of Mexico's December 2021 mission known
// only to the week, as in the real corpus: bands that overlap at every zoom.
func missionEvents() []data.EventSummary {
	week := func(from, to time.Time) data.DateRange {
		return data.DateRange{Start: from, End: to, Precision: data.Week}
	}
	return []data.EventSummary{
		{ID: "ev-mission-talks", Title: "Mexican Treasury-led mission holds talks in Lima", Category: "mission", Group: data.GroupMexico,
			Date: week(day(2021, 12, 6), day(2021, 12, 12)), Basis: data.Relative, Sources: 1},
		{ID: "ev-mission-report", Title: "Mexican Treasury reports economic proposals for Peru", Category: "statement", Group: data.GroupMexico,
			Date: week(day(2021, 12, 7), day(2021, 12, 14)), Basis: data.Relative, Sources: 1},
		{ID: "ev-mission-defended", Title: "López Obrador defends Mexico's support for Castillo", Category: "statement", Group: data.GroupMexico,
			Date: week(day(2021, 12, 7), day(2021, 12, 14)), Basis: data.Relative, Sources: 3},
	}
}

// fixtureExtent is the span of fixtureEvents and fixtureDocs.
func fixtureExtent() (from, to float64) {
	return unixSeconds(day(2021, 9, 18)), unixSeconds(day(2023, 3, 1))
}

func fixtureDocs() []data.DocumentSummary {
	doc := func(id string, date data.DateRange) data.DocumentSummary {
		return data.DocumentSummary{ID: id, Title: id, Published: date}
	}
	docs := []data.DocumentSummary{
		doc("d-celac", on(2021, 9, 19)),
		doc("d-vacancy-1", on(2021, 12, 8)),
		doc("d-cabinet", on(2022, 2, 9)),
		doc("d-vacancy-2", on(2022, 3, 29)),
		doc("d-strike-weekly", weekOf(day(2022, 4, 4))),
		doc("d-summit", on(2022, 6, 10)),
		doc("d-oas", on(2022, 11, 23)),
		doc("d-alliance", on(2022, 11, 24)),
		doc("d-inflation", on(2023, 1, 2)),
		doc("d-feb-review", monthOf(2023, 2)),
		doc("d-undated-1", data.DateRange{Precision: data.Unknown}),
		doc("d-undated-2", data.DateRange{Precision: data.Unknown}),
	}
	for i, d := range []int{7, 7, 7, 7, 7, 8, 8, 8, 9, 10, 12, 13, 15, 15, 16, 20, 21, 21, 28} {
		docs = append(docs, doc(fmt.Sprintf("d-dec-%02d", i), on(2022, 12, d)))
	}
	for i, d := range []int{9, 10, 10, 16, 20} {
		docs = append(docs, doc(fmt.Sprintf("d-jan-%02d", i), on(2023, 1, d)))
	}
	return docs
}

// syntheticEvents makes n events spread over the fixture's 18 months, with
// the same mix of precisions as the real corpus but far denser.
func syntheticEvents(n int, seed uint64) []data.EventSummary {
	r := rand.New(rand.NewPCG(seed, 42))
	groups := []string{data.GroupMexico, data.GroupPeru, data.GroupUnitedStates, data.GroupRegional, data.GroupOther}
	categories := []string{"politics", "protest", "diplomacy", "economy", "security", "courts"}
	first := day(2021, 9, 1)
	evs := make([]data.EventSummary, n)
	for i := range evs {
		start := first.AddDate(0, 0, r.IntN(546))
		var date data.DateRange
		switch p := r.Float64(); {
		case p < 0.80:
			date = data.DateRange{Start: start, End: start, Precision: data.Day}
		case p < 0.88:
			date = between(start, start.AddDate(0, 0, 1+r.IntN(10)))
		case p < 0.93:
			date = weekOf(start)
		case p < 0.97:
			date = monthOf(start.Year(), start.Month())
		case p < 0.99:
			date = data.DateRange{Start: day(start.Year(), 1, 1), End: day(start.Year(), 12, 31), Precision: data.Year}
		default:
			date = data.DateRange{Precision: data.Unknown}
		}
		evs[i] = data.EventSummary{
			ID:       fmt.Sprintf("syn-%06d", i),
			Title:    fmt.Sprintf("Synthetic event number %d", i),
			Category: categories[r.IntN(len(categories))],
			Date:     date,
			Basis:    data.Stated,
			Group:    groups[r.IntN(len(groups))],
			Sources:  1 + r.IntN(9),
		}
		evs[i] = synthShape(evs[i], i)
		// A researcher has reviewed some: every fifth verified, and
		// fewer disputed or lacking a source.
		switch {
		case i%5 == 0:
			evs[i].Status = data.Verified
		case i%17 == 0:
			evs[i].Status = data.Disputed
		case i%23 == 0:
			evs[i].Status = data.NeedsSource
		}
	}
	return evs
}

// synthShape gives a synthetic event its shape: ranges of days are spans,
// every third with an end not known to the day and every seventh with an
// open end, and the rest moments.
func synthShape(e data.EventSummary, i int) data.EventSummary {
	d := e.Date
	if d.Precision != data.Day || d.Start.Equal(d.End) {
		return momentary(e)
	}
	switch {
	case i%7 == 0:
		return spanning(e, exactly(d.Start), openEnd)
	case i%3 == 0:
		return spanning(e, exactly(d.Start), within(d.End.AddDate(0, 0, -2), d.End))
	}
	return spanning(e, exactly(d.Start), exactly(d.End))
}

// decadesEvents makes n events from 1990 to 2025, as chronoscope generate
// does, a tenth of them known only to the year; the first and last are
// on the corpus's first and last days.
func decadesEvents(n int, seed uint64) []data.EventSummary {
	r := rand.New(rand.NewPCG(seed, 1990))
	groups := []string{data.GroupMexico, data.GroupPeru, data.GroupUnitedStates, data.GroupRegional, data.GroupOther}
	first, days := day(1990, 1, 1), int(day(2026, 1, 1).Sub(day(1990, 1, 1)).Hours()/24)
	evs := make([]data.EventSummary, n)
	for i := range evs {
		start := first.AddDate(0, 0, r.IntN(days))
		switch i {
		case 0:
			start = first
		case n - 1:
			start = day(2025, 12, 31)
		}
		date := data.DateRange{Start: start, End: start, Precision: data.Day}
		switch p := r.Float64(); {
		case i == 0 || i == n-1:
		case p < 0.10:
			date = data.DateRange{Start: day(start.Year(), 1, 1), End: day(start.Year(), 12, 31), Precision: data.Year}
		case p < 0.15:
			date = monthOf(start.Year(), start.Month())
		case p < 0.16:
			date = data.DateRange{Precision: data.Unknown}
		}
		evs[i] = data.EventSummary{ID: fmt.Sprintf("dec-%06d", i), Title: fmt.Sprintf("Decades event %d", i),
			Category: "politics", Date: date, Basis: data.Stated, Group: groups[r.IntN(len(groups))], Sources: 1 + r.IntN(3)}
	}
	return evs
}

// yearlyEvents makes perYear events known only to their year in one lane,
// for each year from 1990 to 2025.
func yearlyEvents(perYear int) []data.EventSummary {
	var evs []data.EventSummary
	for y := 1990; y <= 2025; y++ {
		for k := range perYear {
			evs = append(evs, data.EventSummary{ID: fmt.Sprintf("year-%d-%03d", y, k), Title: fmt.Sprintf("Something in %d", y),
				Date: data.DateRange{Start: day(y, 1, 1), End: day(y, 12, 31), Precision: data.Year}, Group: data.GroupPeru, Sources: 1})
		}
	}
	return evs
}
