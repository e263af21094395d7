package data_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"chronoscope/data"
)

// mustImport imports the sample file name from testdata/import.
func mustImport(tb testing.TB, s *data.Store, name string) *data.ImportResult {
	tb.Helper()
	raw, err := os.ReadFile("testdata/import/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	res, err := s.Import(context.Background(), name, bytes.NewReader(raw))
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// exportJSON is the whole corpus exported as JSON.
func exportJSON(tb testing.TB, s *data.Store) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := s.ExportJSON(context.Background(), &b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestImport_Markdown(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	if _, err := s.SearchText(ctx, "zanzibarite", 5); err != nil { // the index built before
		t.Fatal(err)
	}
	res := mustImport(t, s, "dateline.md")
	if res.Duplicate || !strings.HasPrefix(res.DocumentID, "user-") {
		t.Errorf("result %+v", res)
	}
	want := data.DateRange{Start: mustDay("2022-12-21"), End: mustDay("2022-12-21"), Precision: data.Day}
	if !res.Published.Equal(want) {
		t.Errorf("published %v, want %v", res.Published, want)
	}
	d, err := s.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Quarryton council approves the new bridge" || d.Basis != data.Stated || strings.Contains(d.Text, "#") {
		t.Errorf("document %q basis %q text %q", d.Title, d.Basis, d.Text)
	}
	hits, err := s.SearchText(ctx, "zanzibarite", 5)
	if err != nil || len(hits) != 1 || hits[0].ID != res.DocumentID {
		t.Errorf("search: %+v %v", hits, err)
	}
	docs, err := s.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, x := range docs {
		found = found || x.ID == res.DocumentID
	}
	if !found {
		t.Error("not in Documents()")
	}
	if probs, err := s.Check(ctx); err != nil || len(probs) > 0 {
		t.Errorf("check: %v %v", probs, err)
	}
	again := mustImport(t, s, "dateline.md")
	if !again.Duplicate || again.DocumentID != res.DocumentID {
		t.Errorf("second import %+v", again)
	}
}

func TestImport_Dates(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"en.txt", "Title\n\nLIMA, 21 December 2022 — The news of the day and the rest of it.", "2022-12-21"},
		{"es.txt", "Título\n\nLima, 21 de diciembre de 2022. El presidente y los ministros de la nación.", "2022-12-21"},
		{"es-num.txt", "Título\n\n20/12/2022 — El presidente y los ministros de la nación que se reunieron.", "2022-12-20"},
		{"en-num.txt", "Title\n\n12/20/2022 — The president and the ministers of the nation.", "2022-12-20"},
		{"none.txt", "Title\n\nThe president and the ministers of the nation.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := MustOpenDB(t)
			res, err := s.Import(context.Background(), tc.name, strings.NewReader(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			if got := data.FormatDay(res.Published.Start); got != tc.want {
				t.Errorf("published %q, want %q", got, tc.want)
			}
			if tc.want == "" && res.Published.Precision != data.Unknown {
				t.Errorf("undated precision %q", res.Published.Precision)
			}
		})
	}
}

func TestImport_Refused(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		raw        []byte
	}{
		{"empty.txt", "empty", []byte(" \n\n")},
		{"binary.txt", "offset 3 (line 2)", []byte("ab\n\x00\x01")},
		{"latin1.txt", "offset 8 (line 2)", []byte("title\nal\xe1 hay")},
		{"huge.txt", "20 MB", bytes.Repeat([]byte("a"), data.MaxImportSize+1)},
		{"month13.json", "events[1]: start_date: month 13", []byte(`{"events": [{"start_date": {"year": 2022}, "text": {"headline": "A"}},
			{"start_date": {"year": 2022, "month": 13}, "text": {"headline": "B"}}]}`)},
		{"truncated.json", "truncated JSON: it ends at line 2", []byte("{\"events\": [{\"start_date\":\n {\"year\": 20")},
		{"typed.json", "field events.start_date.year at line 1", []byte(`{"events": [{"start_date": {"year": "x"}}]}`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := MustOpenDB(t)
			before := exportJSON(t, s)
			_, err := s.Import(context.Background(), tc.name, bytes.NewReader(tc.raw))
			if err == nil || !errors.Is(err, data.ErrRefused) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
				t.Errorf("err %v, want refused naming %q and %q", err, tc.name, tc.want)
			}
			if !bytes.Equal(before, exportJSON(t, s)) {
				t.Error("the corpus changed")
			}
		})
	}
}

func TestImport_Cancelled(t *testing.T) {
	s := MustOpenDB(t)
	before := exportJSON(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Import(ctx, "a.txt", strings.NewReader("Title\n\nSome text.")); err == nil {
		t.Error("imported with a cancelled context")
	}
	if !bytes.Equal(before, exportJSON(t, s)) {
		t.Error("the corpus changed")
	}
}

func TestImport_Candidates(t *testing.T) {
	for _, tc := range []struct {
		file string
		want map[string]string // phrase: EDTF
	}{
		{"dateline.md", map[string]string{"December 21, 2022": "2022-12-21", "on Tuesday": "2022-12-20",
			"last week": "[2022-12-12..2022-12-18]", "December 7": "2022-12-07"}},
		{"dateline_es.txt", map[string]string{"21 de diciembre de 2022": "2022-12-21", "el martes": "2022-12-20",
			"la semana pasada": "[2022-12-12..2022-12-18]", "7 de diciembre": "2022-12-07"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			s := MustOpenDB(t)
			res := mustImport(t, s, tc.file)
			d, err := s.Document(context.Background(), res.DocumentID)
			if err != nil {
				t.Fatal(err)
			}
			text := []rune(d.Text)
			got := map[string]string{}
			for _, c := range res.Candidates {
				got[c.Phrase] = c.Dating.EDTF
				if string(text[c.Start:c.End]) != c.Sentence || !strings.Contains(c.Sentence, c.Phrase) {
					t.Errorf("%q: sentence %q is not text[%d:%d] %q", c.Phrase, c.Sentence, c.Start, c.End, string(text[c.Start:c.End]))
				}
			}
			for phrase, edtf := range tc.want {
				if got[phrase] != edtf {
					t.Errorf("%q: %q, want %q (all: %v)", phrase, got[phrase], edtf, got)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("candidates %v, want %v", got, tc.want)
			}
		})
	}
}

func TestImport_HTML(t *testing.T) {
	s := MustOpenDB(t)
	ctx := context.Background()
	res := mustImport(t, s, "article.html")
	d, err := s.Document(ctx, res.DocumentID)
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"LEAK", "cookies", "Most read", "Related", "Privacy", "font-family", "trackPageView"} {
		if strings.Contains(d.Text, leak) {
			t.Errorf("boilerplate %q survived in %q", leak, d.Text)
		}
	}
	for _, para := range []string{
		"The long-awaited zanzibarite bridge over the Quarry river opened to traffic on Tuesday morning",
		"Mayor Elena Ruiz cut the ribbon before a crowd of several hundred residents",
		"Engineers said last week that the bridge had passed its final load tests",
		"has promised a second cycle lane once the approach roads on the northern bank are widened next spring.",
	} {
		if !strings.Contains(d.Text, para) {
			t.Errorf("paragraph %q missing from %q", para, d.Text)
		}
	}
	if d.Title != "Quarryton opens its bridge" || d.Publisher != "The Quarryton Courier" || d.Author != "Ana Reportera" {
		t.Errorf("title %q publisher %q author %q", d.Title, d.Publisher, d.Author)
	}
	if got := data.FormatDay(res.Published.Start); got != "2022-12-21" || d.Basis != data.Stated {
		t.Errorf("published %q basis %q", got, d.Basis)
	}
	phrases := map[string]bool{}
	for _, c := range res.Candidates {
		phrases[c.Phrase] = true
	}
	if !phrases["on Tuesday"] || !phrases["last week"] || !phrases["December 7"] {
		t.Errorf("candidates %v", phrases)
	}
}

func TestImport_HTMLTimeDatetime(t *testing.T) {
	s := MustOpenDB(t)
	page := `<html><head><title>T</title></head><body><article><h1>T</h1>
<p>Posted <time datetime="2021-03-04T10:00:00Z">a while ago</time></p>
<p>` + strings.Repeat("The council met and talked about the bridge for a long time. ", 8) + `</p></article></body></html>`
	res, err := s.Import(context.Background(), "page", strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := data.FormatDay(res.Published.Start); got != "2021-03-04" {
		t.Errorf("published %q, want the <time datetime>'s day", got)
	}
}
