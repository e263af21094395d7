package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// resultRow is a group heading (hit nil and text nil) or one hit.
type resultRow struct {
	heading string
	hit     *data.Hit
	text    *data.TextHit
}

func (r resultRow) isHeading() bool { return r.hit == nil && r.text == nil }

func (r resultRow) target() (kind data.Kind, id string) {
	switch {
	case r.hit != nil:
		return r.hit.Kind, r.hit.ID
	case r.text != nil:
		return r.text.Kind, r.text.ID
	}
	return "", ""
}

// resultList shows search hits grouped by kind, with the matched characters
// highlighted. The search field moves its selection; Enter or a tap opens.
type resultList struct {
	widget.BaseWidget

	// OnOpen is called with a hit's kind and id when it is opened;
	// OnOpenPassage with a document's id and the rune offsets of the
	// passage when a passage found in its text is.
	OnOpen        func(kind data.Kind, id string)
	OnOpenPassage func(id string, start, end int)

	list     *widget.List
	rows     []resultRow
	selected int
	moving   bool
}

// groupTitle names the group of one kind of hit.
type groupTitle struct {
	kind data.Kind
}

var groupTitles = []groupTitle{{data.KindEvent}, {data.KindActor}, {data.KindPlace}, {data.KindDocument}}

// heading is the group's heading, with how many hits it has: "Events (3)".
func (g groupTitle) heading(n int) string {
	c := map[string]any{"Count": n}
	switch g.kind {
	case data.KindEvent:
		return lang.L("Events ({{.Count}})", c)
	case data.KindActor:
		return lang.L("People, states and bodies ({{.Count}})", c)
	case data.KindPlace:
		return lang.L("Places ({{.Count}})", c)
	}
	return lang.L("Documents ({{.Count}})", c)
}

func newResultList() *resultList {
	r := &resultList{selected: -1}
	r.list = widget.NewList(
		func() int { return len(r.rows) },
		func() fyne.CanvasObject { return newResultItem(r.tapRow) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			item := o.(*resultItem)
			item.row = i
			r.updateRow(i, item)
		},
	)
	r.list.OnSelected = r.onSelected
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is the list's.
func (r *resultList) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.list)
}

// SetResults replaces the hits shown: grouped by kind, the group of the
// best hit first, each group in the order of the ranking, then the
// passages. nil shows nothing; results with no hits say so.
func (r *resultList) SetResults(res *data.Results) {
	r.rows = r.rows[:0]
	if res == nil {
		r.show()
		return
	}
	hits, text := res.Hits, res.Text
	if len(hits)+len(text) == 0 {
		r.rows = append(r.rows, resultRow{heading: lang.L("No results")})
	}
	groups := slices.Clone(groupTitles)
	first := func(k data.Kind) int {
		if i := slices.IndexFunc(hits, func(h data.Hit) bool { return h.Kind == k }); i >= 0 {
			return i
		}
		return len(hits)
	}
	slices.SortStableFunc(groups, func(a, b groupTitle) int { return first(a.kind) - first(b.kind) })
	for _, g := range groups {
		n := 0
		for i := range hits {
			if hits[i].Kind == g.kind {
				if n == 0 {
					r.rows = append(r.rows, resultRow{})
				}
				r.rows = append(r.rows, resultRow{hit: &hits[i]})
				n++
			}
		}
		if n > 0 {
			r.rows[len(r.rows)-n-1].heading = g.heading(n)
		}
	}
	if len(text) > 0 {
		r.rows = append(r.rows, resultRow{heading: lang.L("In the text ({{.Count}})", map[string]any{"Count": len(text)})})
		for i := range text {
			r.rows = append(r.rows, resultRow{text: &text[i]})
		}
	}
	r.show()
}

// show draws the rows from the top, the first hit selected for the keys.
func (r *resultList) show() {
	r.selected = -1
	r.list.UnselectAll()
	r.list.Refresh()
	r.list.ScrollToTop()
	if len(r.rows) > 1 {
		r.MoveNext()
	}
}

// Selected is the kind and id of the selected hit.
func (r *resultList) Selected() (kind data.Kind, id string) {
	if r.selected < 0 || r.selected >= len(r.rows) {
		return "", ""
	}
	return r.rows[r.selected].target()
}

// MoveNext selects the next hit, skipping headings.
func (r *resultList) MoveNext() { r.move(1) }

// MovePrevious selects the previous hit, skipping headings.
func (r *resultList) MovePrevious() { r.move(-1) }

// OpenSelected opens the selected hit.
func (r *resultList) OpenSelected() {
	if r.selected >= 0 && r.selected < len(r.rows) {
		if t := r.rows[r.selected].text; t != nil && t.Kind == data.KindDocument && r.OnOpenPassage != nil {
			r.OnOpenPassage(t.ID, t.Start, t.End)
			return
		}
	}
	if kind, id := r.Selected(); kind != "" && r.OnOpen != nil {
		r.OnOpen(kind, id)
	}
}

// tapRow opens a tapped hit. Rows handle their own taps because a List
// ignores a tap on the row it already has selected, and the first hit is
// selected for the keyboard as soon as results arrive.
func (r *resultList) tapRow(i int) {
	if i < 0 || i >= len(r.rows) || r.rows[i].isHeading() {
		return
	}
	r.moving = true
	r.list.Select(i)
	r.moving = false
	r.selected = i
	r.OpenSelected()
}

func (r *resultList) move(step int) {
	for i := r.selected + step; i >= 0 && i < len(r.rows); i += step {
		if !r.rows[i].isHeading() {
			r.moving = true
			r.list.Select(i)
			r.moving = false
			return
		}
	}
}

func (r *resultList) onSelected(i widget.ListItemID) {
	if r.rows[i].isHeading() {
		r.list.Unselect(i)
		return
	}
	r.selected = i
	r.list.ScrollTo(i)
	if !r.moving {
		r.OpenSelected()
	}
}

func (r *resultList) updateRow(i widget.ListItemID, item *resultItem) {
	if i >= len(r.rows) {
		return
	}
	item.setPieces(r.rows[i].pieces())
}

// pieces is the row's text in styled runs, on one line.
func (row resultRow) pieces() []rowPiece {
	switch {
	case row.isHeading():
		return []rowPiece{{text: row.heading, style: pieceHeading}}
	case row.hit != nil:
		out := matchPieces(row.hit.Title, row.hit.Matches, piecePlain)
		if row.hit.Name != "" {
			out = append(out, rowPiece{text: "  → " + row.hit.Name, style: pieceDim})
		}
		if row.hit.Snippet != "" {
			if len(out) == 1 {
				out[0].capped = true // found by its text: leave the text room
			}
			out = append(out, rowPiece{text: " — ", style: pieceDim})
			snippet, ranges := nearMatch(row.hit.Snippet, row.hit.SnippetMatches)
			out = append(out, matchPieces(snippet, ranges, pieceDim)...)
		}
		return out
	}
	out := []rowPiece{{text: row.text.Title, capped: true}, {text: " — ", style: pieceDim}}
	snippet, ranges := nearMatch(row.text.Snippet, row.text.Matches)
	return append(out, matchPieces(snippet, ranges, pieceDim)...)
}

// leadRunes is how much of a snippet a row shows before its first match.
const leadRunes = 24

// nearMatch is s on one line from a few words before its first match, so
// the match shows in a row that has room for little.
func nearMatch(s string, ranges [][2]int) (string, [][2]int) {
	s, ranges = textfmt.OneLine(s, ranges)
	return textfmt.FromMatch(s, ranges, leadRunes)
}

// matchPieces is s on one line, its matched ranges (in runes) in the match
// style and the rest in style.
func matchPieces(s string, ranges [][2]int, style pieceStyle) []rowPiece {
	s, ranges = textfmt.OneLine(s, ranges)
	var out []rowPiece
	for _, p := range textfmt.Split(s, ranges) {
		st := style
		if p.Match {
			st = pieceMatch
		}
		out = append(out, rowPiece{text: p.Text, style: st})
	}
	return out
}
