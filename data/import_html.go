package data

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

var htmlStartRe = regexp.MustCompile(`(?is)^\s*(<!--.*?-->\s*)*<(!doctype html|html|head|body)\b`)

// looksHTML reports whether a file without a telling extension is a web
// page.
func looksHTML(s string) bool { return htmlStartRe.MatchString(s) }

// readHTML reduces a saved web page to its article's readable text with
// go-readability: no script runs and nothing is fetched. The title,
// author and publisher come from the page's metadata; so does the
// publication date (article:published_time, JSON-LD datePublished, else
// the first <time datetime>), else the text has it.
func readHTML(s string) (*importedDoc, error) {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return nil, err
	}
	stamp := firstTimeDatetime(root)
	art, err := readability.FromDocument(root, nil)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if art.Node == nil || art.RenderText(&b) != nil {
		return nil, errors.New("the page has no readable article")
	}
	title, text := plainText(b.String(), false)
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("the page has no readable article")
	}
	if t := strings.TrimSpace(art.Title()); t != "" {
		title = t
	}
	doc := &importedDoc{title: title, text: text, language: detectLanguage(text),
		author: strings.TrimSpace(art.Byline()), publisher: strings.TrimSpace(art.SiteName())}
	if t, err := art.PublishedTime(); err == nil && checkYear(t.Year()) == nil {
		doc.published, doc.note = dayRange(civilDay(t)), "the page's metadata"
	} else if t, ok := parseStamp(stamp); ok {
		doc.published, doc.note = dayRange(t), "the page's <time datetime="+strconv.Quote(stamp)+">"
	}
	return doc, nil
}

// firstTimeDatetime is the datetime of the page's first <time> that has
// one.
func firstTimeDatetime(n *html.Node) string {
	if n.Type == html.ElementNode && n.Data == "time" {
		for _, a := range n.Attr {
			if a.Key == "datetime" && strings.TrimSpace(a.Val) != "" {
				return strings.TrimSpace(a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if s := firstTimeDatetime(c); s != "" {
			return s
		}
	}
	return ""
}

// parseStamp reads the day of an HTML datetime ("2022-12-21",
// "2022-12-21T09:30:00-05:00").
func parseStamp(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return civilDay(t), checkYear(t.Year()) == nil
	}
	t, err := ParseDay(s[:10])
	return t, err == nil
}

// civilDay is the calendar day of t where it was stamped, at midnight UTC
// as the corpus keeps days.
func civilDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
