package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

var tlCSVHeadRe = regexp.MustCompile(`(?i)^\s*\x{FEFF}?"?year"?\s*,.*\bheadline\b`)

// looksTimelineCSV reports whether a file without a telling extension is a
// TimelineJS spreadsheet saved as CSV: its header starts with Year and
// names a Headline.
func looksTimelineCSV(s string) bool {
	first, _, _ := strings.Cut(s, "\n")
	return tlCSVHeadRe.MatchString(first)
}

// readTimelineCSV reads a TimelineJS spreadsheet saved as CSV (the
// template's header row, then a slide a row) as readTimelineJS reads the
// JSON: a source document holding every slide's words, and the slides as
// events. A row whose Type is "title" is the title slide. An error names
// the line and the column.
func readTimelineCSV(name, s string) (*importedDoc, []tlEvent, error) {
	r := csv.NewReader(strings.NewReader(s))
	header, err := r.Read()
	if err != nil {
		return nil, nil, csvError(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.Join(strings.Fields(h), " "))] = i
	}
	for _, need := range []string{"year", "headline"} {
		if _, ok := col[need]; !ok {
			return nil, nil, fmt.Errorf("line 1: no %q column: not a TimelineJS spreadsheet", titleCase(need))
		}
	}
	title := strings.TrimSuffix(name, ".csv")
	var slides []tlImportSlide
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvError(err)
		}
		line, _ := r.FieldPos(0)
		field := func(c string) string {
			if i, ok := col[c]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue
		}
		if strings.EqualFold(field("type"), "title") {
			if h := plainHTML(field("headline")); h != "" {
				title = h
			}
			continue
		}
		sl, err := csvSlide(field)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d, %w", line, err)
		}
		slides = append(slides, sl)
		lines = append(lines, line)
	}
	if len(slides) == 0 {
		return nil, nil, errors.New("the timeline has no events")
	}
	return slidesDoc(title, slides, func(i int) string { return fmt.Sprintf("line %d", lines[i]) })
}

// csvSlide is a row as the slide the JSON import reads; an error names the
// column at fault.
func csvSlide(field func(string) string) (tlImportSlide, error) {
	var sl tlImportSlide
	if plainHTML(field("headline")) == "" {
		return sl, errors.New(`column "Headline": the row has no headline`)
	}
	start, err := csvDate(field, "")
	if err != nil {
		return sl, err
	}
	if start == nil {
		return sl, errors.New(`column "Year": the row has no year`)
	}
	end, err := csvDate(field, "end ")
	if err != nil {
		return sl, err
	}
	sl.StartDate, sl.EndDate = start, end
	sl.DisplayDate = field("display date")
	sl.Text = tlText{Headline: field("headline"), Text: field("text")}
	sl.Group = field("group")
	if credit, caption := field("media credit"), field("media caption"); credit != "" || caption != "" {
		sl.Media = &struct {
			Credit  string `json:"credit"`
			Caption string `json:"caption"`
		}{credit, caption}
	}
	return sl, nil
}

// csvDate is the date in the Year, Month and Day columns (prefix "end "
// for the End ones), nil if they are all empty.
func csvDate(field func(string) string, prefix string) (*tlDate, error) {
	var parts [3]int
	seen := false
	for i, c := range []string{"year", "month", "day"} {
		v := field(prefix + c)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("column %q: %q is not a number", titleCase(prefix+c), v)
		}
		switch {
		case c == "month" && (n < 1 || n > 12):
			return nil, fmt.Errorf("column %q: month %d does not exist", titleCase(prefix+c), n)
		case c == "day" && (n < 1 || n > 31):
			return nil, fmt.Errorf("column %q: day %d does not exist", titleCase(prefix+c), n)
		}
		parts[i], seen = n, true
	}
	if !seen {
		return nil, nil
	}
	if parts[0] == 0 {
		return nil, fmt.Errorf("column %q: a month or day without a year", titleCase(prefix+"year"))
	}
	d := &tlDate{Year: parts[0], Month: parts[1], Day: parts[2]}
	if _, err := tlEDTF(*d); err != nil {
		return nil, fmt.Errorf("column %q: %w", titleCase(prefix+"year"), err)
	}
	return d, nil
}

// csvError names the line (and column) where a CSV file went wrong.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			return fmt.Errorf("line %d: the row has a different number of fields from the header", pe.StartLine)
		}
		return fmt.Errorf("line %d, column %d: %w", pe.Line, pe.Column, pe.Err)
	}
	return err
}

// titleCase is a column's name as the template writes it: "end year" is
// "End Year".
func titleCase(s string) string {
	w := strings.Fields(s)
	for i := range w {
		w[i] = strings.ToUpper(w[i][:1]) + w[i][1:]
	}
	return strings.Join(w, " ")
}
