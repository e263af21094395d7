// Command extractors measures HTML article extractors against the saved
// pages in testdata/: for each page it counts the expected article
// paragraphs kept, the boilerplate markers leaked, whether the title,
// author and date were found, and the median time per page.
//
//	cd scripts/extractors && go run .
//
// Each page.html has a page.json listing its title, author, date and the
// opening words of every article paragraph. Boilerplate (navigation,
// cookie banners, "most read" boxes, share buttons, comments, footers,
// scripts, styles, JSON-LD) carries marker words ZQX01, ZQX02…; any of
// them in an extractor's text is a leak.
//
// It lives under scripts/ so the alternative extractor stays out of the
// app's binary.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
)

// expected is a page's page.json.
type expected struct {
	Title      string   `json:"title"`
	Author     string   `json:"author"`
	Date       string   `json:"date"` // YYYY-MM-DD
	Paragraphs []string `json:"paragraphs"`
}

// result is what an extractor found on a page.
type result struct {
	title, author, text string
	date                time.Time
}

type extractor struct {
	name string
	run  func(page string) (result, error)
}

var extractors = []extractor{
	{"go-readability v2.1.3", func(page string) (result, error) {
		art, err := readability.FromReader(strings.NewReader(page), nil)
		if err != nil {
			return result{}, err
		}
		var b strings.Builder
		if art.Node != nil {
			if err := art.RenderText(&b); err != nil {
				return result{}, err
			}
		}
		r := result{title: art.Title(), author: art.Byline(), text: b.String()}
		if t, err := art.PublishedTime(); err == nil {
			r.date = t
		}
		return r, nil
	}},
	{"go-trafilatura v1.12.2", trafilaturaRun(false)},
	{"go-trafilatura v1.12.2 +fallback", trafilaturaRun(true)},
}

func trafilaturaRun(fallback bool) func(string) (result, error) {
	return func(page string) (result, error) {
		res, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{
			EnableFallback: fallback, ExcludeComments: true})
		if err != nil {
			return result{}, err
		}
		m := res.Metadata
		return result{title: m.Title, author: m.Author, text: res.ContentText, date: m.Date}, nil
	}
}

var markerRe = regexp.MustCompile(`ZQX\d\d`)

func main() {
	dir := flag.String("dir", "testdata", "folder of page.html + page.json pairs")
	runs := flag.Int("runs", 7, "timed runs per page and extractor (the median is shown)")
	flag.Parse()

	pages, err := filepath.Glob(filepath.Join(*dir, "*.html"))
	if err != nil || len(pages) == 0 {
		log.Fatalf("no pages in %s (run it in scripts/extractors: cd scripts/extractors && go run .)", *dir)
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "page\textractor\tparagraphs kept\tmarkers leaked\ttitle\tauthor\tdate\tmedian ms\t")
	type total struct{ kept, want, leaked, planted, title, author, date int }
	totals := map[string]*total{}
	for _, path := range pages {
		raw, err := os.ReadFile(path)
		if err != nil {
			log.Fatal(err)
		}
		page := string(raw)
		want, err := readExpected(strings.TrimSuffix(path, ".html") + ".json")
		if err != nil {
			log.Fatal(err)
		}
		planted := distinct(markerRe.FindAllString(page, -1))
		for _, ex := range extractors {
			res, err := ex.run(page)
			if err != nil {
				fmt.Fprintf(w, "%s\t%s\terror: %v\t\t\t\t\t\t\n", filepath.Base(path), ex.name, err)
				continue
			}
			text := squash(res.text)
			kept := 0
			for _, p := range want.Paragraphs {
				if strings.Contains(text, squash(p)) {
					kept++
				}
			}
			leaked := distinct(markerRe.FindAllString(text, -1))
			title := matchTitle(res.title, want.Title)
			author := yesNo(res.author != "" && strings.Contains(strings.ToLower(res.author), strings.ToLower(want.Author)))
			date := yesNo(!res.date.IsZero() && res.date.Format("2006-01-02") == want.Date)
			ms := median(*runs, func() { _, _ = ex.run(page) })
			fmt.Fprintf(w, "%s\t%s\t%d/%d\t%s\t%s\t%s\t%s\t%.2f\t\n", filepath.Base(path), ex.name,
				kept, len(want.Paragraphs), strings.TrimSpace(fmt.Sprintf("%d/%d %s", len(leaked), len(planted), strings.Join(leaked, ","))), title, author, date, ms)
			t := totals[ex.name]
			if t == nil {
				t = &total{}
				totals[ex.name] = t
			}
			t.kept += kept
			t.want += len(want.Paragraphs)
			t.leaked += len(leaked)
			t.planted += len(planted)
			t.title += count(title == "yes")
			t.author += count(author == "yes")
			t.date += count(date == "yes")
		}
	}
	for _, ex := range extractors {
		if t := totals[ex.name]; t != nil {
			fmt.Fprintf(w, "ALL\t%s\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t\t\n", ex.name, t.kept, t.want,
				t.leaked, t.planted, t.title, len(pages), t.author, len(pages), t.date, len(pages))
		}
	}
	w.Flush()
}

func readExpected(path string) (expected, error) {
	var e expected
	b, err := os.ReadFile(path)
	if err != nil {
		return e, err
	}
	if err := json.Unmarshal(b, &e); err != nil {
		return e, fmt.Errorf("%s: %w", path, err)
	}
	return e, nil
}

// matchTitle is "yes" for the headline alone, "+site" for the headline
// with the site's name or a section label around it, else "no".
func matchTitle(got, want string) string {
	got = squash(got)
	switch {
	case got == want:
		return "yes"
	case strings.Contains(got, want):
		return "+site"
	}
	return "no"
}

// squash collapses runs of white space to one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func distinct(ss []string) []string {
	slices.Sort(ss)
	return slices.Compact(ss)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

// median runs f n times and returns the median wall time in milliseconds.
func median(n int, f func()) float64 {
	d := make([]time.Duration, n)
	for i := range d {
		start := time.Now()
		f()
		d[i] = time.Since(start)
	}
	slices.Sort(d)
	return float64(d[n/2].Microseconds()) / 1000
}
