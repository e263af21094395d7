package app

import (
	"context"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// detailPane shows the selected event — its date and how it was
// established, actors, and the passages of the sources that attest it — or
// a source document with the passage highlighted.
type detailPane struct {
	widget.BaseWidget

	// OnActor is called with an actor's name when it is tapped.
	OnActor func(name string)
	// OnPrevious and OnNext walk the timeline; Neighbours says whether the
	// event with an id has one before it and one after.
	OnPrevious, OnNext func()
	Neighbours         func(id string) (previous, next bool)
	OnError            func(error)
	// OnNewEvent is called with a passage of a document the researcher
	// selected (rune offsets, end exclusive) to make an event of it;
	// OnEditEvent with an event of their own to edit.
	OnNewEvent  func(doc *data.Document, start, end int)
	OnEditEvent func(e *data.Event)

	// reviewer writes the review through undo; readOnly, when set, says
	// why the review cannot be changed. reviewBox is the review section
	// shown, of reviewKind reviewID, and rc its widgets.
	reviewer   Reviewer
	undo       *undoStack
	readOnly   string
	reviewBox  *fyne.Container
	reviewKind data.Kind
	reviewID   string
	rc         *reviewControls
	// event is the event shown, or the one a shown document was opened
	// from; selecting is the document text a passage is being selected in.
	event     *data.Event
	selecting *passageEntry

	corpus Corpus
	// bar holds what stays in view above the scrolled content: Previous
	// and Next for an event, the way back for a document. frame holds the
	// bar over the scroll.
	bar     *fyne.Container
	frame   *fyne.Container
	scroll  *container.Scroll
	eventID string

	bg  *background
	mu  sync.Mutex
	seq int

	// passage is the highlighted paragraph of an open document and box
	// the column that holds it, kept to scroll the passage into view.
	passage *passageText
	box     fyne.CanvasObject
	// returnTo is where the event was scrolled when a document was opened
	// from it, so that "Back to the event" returns the reader there.
	returnTo fyne.Position
	// restore is where a view shown at an offset is to be scrolled again
	// once its review section has loaded and lengthened it.
	restore fyne.Position
}

func newDetailPane(c Corpus, bg *background) *detailPane {
	d := &detailPane{corpus: c, bg: bg}
	d.scroll = container.NewVScroll(d.placeholder())
	d.bar = container.NewHBox()
	d.bar.Hide()
	d.frame = container.NewBorder(d.bar, nil, nil, nil, d.scroll)
	d.ExtendBaseWidget(d)
	return d
}

// CreateRenderer sets the bar above the scrolled content.
func (d *detailPane) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.frame)
}

func (d *detailPane) placeholder() fyne.CanvasObject {
	// Secondary text, at 4.5:1 (appTheme): a low-importance label takes
	// the disabled colour, too faint to read.
	return container.NewPadded(wrapped(lang.L("Pick an event on the timeline or in the results to see what happened, when, who was involved, and what the sources say."),
		widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}))
}

// ShowEvent loads an event in the background and shows it from the top.
func (d *detailPane) ShowEvent(id string) { d.showEventAt(id, fyne.Position{}) }

// showEventAt shows an event scrolled to offset.
func (d *detailPane) showEventAt(id string, offset fyne.Position) {
	d.load(offset, func(ctx context.Context) (func() fyne.CanvasObject, error) {
		e, docs, err := d.corpus.EventWithDocuments(ctx, id)
		if err != nil {
			return nil, err
		}
		return func() fyne.CanvasObject {
			d.eventID, d.event = e.ID, e
			return d.eventView(e, docs)
		}, nil
	})
}

// ShowDocument shows a document's full text, scrolled to the passage at
// rune offsets start..end and highlighted (start < 0 for none).
func (d *detailPane) ShowDocument(id string, start, end int) {
	d.load(fyne.Position{}, func(ctx context.Context) (func() fyne.CanvasObject, error) {
		doc, err := d.corpus.Document(ctx, id)
		if err != nil {
			return nil, err
		}
		return func() fyne.CanvasObject { return d.documentView(doc, start, end) }, nil
	})
}

// load runs a query off the UI thread and shows its view, unless another
// was asked for meanwhile, scrolled to the highlighted passage if it has one
// and else to offset.
func (d *detailPane) load(offset fyne.Position, query func(context.Context) (func() fyne.CanvasObject, error)) {
	d.mu.Lock()
	d.seq++
	seq := d.seq
	d.mu.Unlock()
	d.bg.run(func() func() {
		build, err := query(context.Background())
		return func() {
			d.mu.Lock()
			current := seq == d.seq
			d.mu.Unlock()
			if !current {
				return
			}
			if err != nil {
				if d.OnError != nil {
					d.OnError(err)
				}
				return
			}
			d.passage, d.box, d.restore = nil, nil, fyne.Position{}
			d.reviewBox, d.selecting = nil, nil
			d.show(build())
			if d.passage != nil {
				d.scrollToPassage()
			} else if !offset.IsZero() {
				d.layOut()
				d.scroll.ScrollToOffset(offset)
				// The review section fills in after; it scrolls there again.
				d.restore = offset
			}
		}
	})
}

// Clear shows the placeholder, as when no event is selected.
func (d *detailPane) Clear() {
	d.mu.Lock()
	d.seq++
	d.mu.Unlock()
	d.eventID, d.event = "", nil
	d.passage, d.box, d.restore = nil, nil, fyne.Position{}
	d.reviewBox, d.selecting = nil, nil
	d.setBar()
	d.show(d.placeholder())
}

// setBar puts objects in the bar, or hides it when there are none, and
// lays the pane out again so the scroll has its new height at once.
func (d *detailPane) setBar(objs ...fyne.CanvasObject) {
	d.bar.Objects = objs
	d.bar.Hidden = len(objs) == 0
	d.bar.Refresh()
	d.frame.Refresh()
}

func (d *detailPane) show(content fyne.CanvasObject) {
	d.scroll.Content = content
	d.scroll.Offset = fyne.Position{}
	d.scroll.Refresh()
}

func (d *detailPane) eventView(e *data.Event, docs map[string]*data.Document) fyne.CanvasObject {
	prev := widget.NewButtonWithIcon(lang.L("Previous"), theme.NavigateBackIcon(), func() { call(d.OnPrevious) })
	next := widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), func() { call(d.OnNext) })
	next.IconPlacement = widget.ButtonIconTrailingText
	if d.Neighbours != nil {
		if hasPrev, hasNext := d.Neighbours(e.ID); !hasPrev || !hasNext {
			setEnabled(prev, hasPrev)
			setEnabled(next, hasNext)
		}
	}
	d.setBar(prev, next)
	box := container.NewVBox(
		heading(e.Title),
		richLine(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}, dateLine(e, docs[e.DateAnchor])),
	)
	if e.EDTF != "" {
		box.Add(edtfLine(e.EDTF))
	}
	if e.DateNote != "" {
		box.Add(wrapped(e.DateNote, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}))
	}
	facts := lang.L("Category: {{.Category}}", map[string]any{"Category": e.Category})
	if len(e.Places) > 0 {
		var names []string
		for _, p := range e.Places {
			names = append(names, p.Name)
		}
		facts += " · " + lang.L("Places: {{.Places}}", map[string]any{"Places": strings.Join(names, ", ")})
	}
	n := e.EventSummary.Sources
	facts += " · " + lang.N("Supported by {{.Count}} documents", n, countData(n))
	box.Add(wrapped(facts, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}))
	box.Add(wrapped(e.Summary, widget.RichTextStyleParagraph))
	box.Add(d.actorsLine(e.Actors))
	box.Add(d.reviewSection(data.KindEvent, e.ID, e.Origin))
	for _, dis := range e.Disagreements {
		box.Add(d.disagreementView(e, dis, docs))
	}
	box.Add(subheading(lang.N("Sources ({{.Count}} passages)", len(e.Sources), countData(len(e.Sources)))))
	for _, v := range e.Sources {
		box.Add(d.evidenceCard(v, docs[v.DocumentID]))
	}
	return container.NewPadded(box)
}

// actorsLine lists who was involved, one per line: the name a link that
// searches for it, and its role beside it, wrapped at words in a column of
// its own. (A link inside a wrapped rich text wraps what follows it one
// letter per line once the link reaches the right edge.)
func (d *detailPane) actorsLine(actors []data.EventActor) fyne.CanvasObject {
	box := container.NewVBox(richLine(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}, lang.L("Involved")))
	for _, a := range actors {
		name := a.Name
		link := widget.NewHyperlink(name, nil)
		link.OnTapped = func() { call1(d.OnActor, name) }
		var role fyne.CanvasObject
		if a.Role != "" {
			role = wrapped(a.Role, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder})
		}
		var notes fyne.CanvasObject
		if d.reviewer != nil {
			a := a
			b := widget.NewButtonWithIcon(lang.L("Notes"), theme.DocumentCreateIcon(), func() {
				d.returnTo = d.scroll.Offset
				d.showActor(a)
			})
			b.Importance = widget.LowImportance
			notes = b
		}
		box.Add(container.NewBorder(nil, nil, link, notes, role))
	}
	return box
}

// showActor shows the researcher's notes on an actor, with the way back to
// the event it was opened from.
func (d *detailPane) showActor(a data.EventActor) {
	d.mu.Lock()
	d.seq++
	d.mu.Unlock()
	d.passage, d.box, d.restore = nil, nil, fyne.Position{}
	back := widget.NewButtonWithIcon(lang.L("Back to the event"), theme.NavigateBackIcon(), func() {
		if d.eventID != "" {
			d.showEventAt(d.eventID, d.returnTo)
		}
	})
	d.setBar(back)
	facts := actorKindName(a.Kind)
	if a.Group != "" {
		facts += " · " + laneGroupName(a.Group)
	}
	d.show(container.NewPadded(container.NewVBox(heading(a.Name),
		wrapped(facts, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder}),
		d.reviewSection(data.KindActor, a.ActorID, ""))))
}

// disagreementView sets each side's passages side by side under its label.
func (d *detailPane) disagreementView(e *data.Event, dis data.Disagreement, docs map[string]*data.Document) fyne.CanvasObject {
	cols := container.NewGridWithColumns(len(dis.Sides))
	for _, side := range dis.Sides {
		col := container.NewVBox(richLine(widget.RichTextStyle{ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true}}, quoted(side)))
		for _, v := range e.Sources {
			if v.Side == side {
				col.Add(d.evidenceCard(v, docs[v.DocumentID]))
			}
		}
		cols.Add(col)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(container.NewVBox(
		richLine(widget.RichTextStyle{ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true}}, lang.L("Sources disagree: {{.Topic}}", map[string]any{"Topic": dis.Topic})),
		wrapped(dis.Summary, widget.RichTextStyleParagraph),
		cols,
	)))
}

// evidenceCard shows a passage in the words around it, the quote
// highlighted, under the document's title, publisher and date.
func (d *detailPane) evidenceCard(v data.Evidence, doc *data.Document) fyne.CanvasObject {
	meta := v.Document.Title
	if v.Document.Publisher != "" {
		meta += " · " + v.Document.Publisher
	}
	meta += " · " + publishedText(v.Document)
	quote := newPassageText(textRun{v.Quote, runQuote})
	if doc != nil {
		quote = newPassageText(passageRuns(doc.Text, v.Start, v.End)...)
	}
	open := widget.NewButtonWithIcon(lang.L("Read in the document"), theme.DocumentIcon(), func() {
		d.returnTo = d.scroll.Offset
		d.ShowDocument(v.DocumentID, v.Start, v.End)
	})
	open.Importance = widget.LowImportance
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(3, 0))
	body := container.NewVBox(wrapped(meta, widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}), quote,
		container.NewHBox(open))
	return container.NewBorder(nil, nil, bar, nil, body)
}

// contextRunes is how much of the paragraph around a passage its card shows.
const contextRunes = 140

// passageRuns is the passage at runes start..end of text highlighted, with
// up to contextRunes of its paragraph either side, cut at a word.
func passageRuns(text string, start, end int) []textRun {
	runes := []rune(text)
	if start < 0 || end > len(runes) || start >= end {
		return []textRun{{lang.L("(passage not found in the document)"), runDim}}
	}
	lo := start
	for lo > 0 && runes[lo-1] != '\n' && start-lo < contextRunes {
		lo--
	}
	hi := end
	for hi < len(runes) && runes[hi] != '\n' && hi-end < contextRunes {
		hi++
	}
	before, after := string(runes[lo:start]), string(runes[end:hi])
	if lo > 0 && runes[lo-1] != '\n' {
		if i := strings.IndexByte(before, ' '); i >= 0 {
			before = before[i+1:]
		}
		before = "…" + before
	}
	if hi < len(runes) && runes[hi] != '\n' {
		if i := strings.LastIndexByte(after, ' '); i >= 0 {
			after = after[:i]
		}
		after += "…"
	}
	return []textRun{{before, runDim}, {string(runes[start:end]), runQuote}, {after, runDim}}
}

func (d *detailPane) documentView(doc *data.Document, start, end int) fyne.CanvasObject {
	back := widget.NewButtonWithIcon(lang.L("Back to the event"), theme.NavigateBackIcon(), func() {
		if d.eventID != "" {
			d.showEventAt(d.eventID, d.returnTo)
		}
	})
	meta := []string{}
	if doc.Publisher != "" {
		meta = append(meta, doc.Publisher)
	} else {
		meta = append(meta, lang.L("publisher unknown"))
	}
	if doc.Author != "" {
		meta = append(meta, doc.Author)
	}
	meta = append(meta, publishedText(doc.DocumentSummary))
	if d.eventID == "" {
		back.Disable() // opened from the results, not from an event
	}
	d.setBar(back, d.passageButton(doc))
	// The whole view is made as one list and put in its box at once: each
	// Add lays out what the box holds again, which for a document of many
	// paragraphs took minutes.
	objs := []fyne.CanvasObject{heading(doc.Title),
		wrapped(strings.Join(meta, " · "), widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder})}
	if doc.PublishedNote != "" {
		objs = append(objs, wrapped(lang.L("Date: {{.Note}}", map[string]any{"Note": doc.PublishedNote}), widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}))
	}
	if doc.Note != "" {
		objs = append(objs, wrapped(lang.L("Note: {{.Note}}", map[string]any{"Note": doc.Note}), widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}))
	}
	objs = append(objs, widget.NewSeparator())
	paras := paragraphs(doc.Text)
	from, to := shownParagraphs(paras, start, end)
	highlighted := false // d.passage is in this view
	if from > 0 || to < len(paras) {
		objs = append(objs, wrapped(lang.L("The document is too long to show whole: paragraphs {{.From}} to {{.To}} of {{.Count}} are shown, around the passage. An export (File › Export…) holds its whole text.",
			map[string]any{"From": textfmt.Number(from + 1), "To": textfmt.Number(to), "Count": textfmt.Number(len(paras))}),
			widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}))
	}
	for _, p := range paras[from:to] {
		if start < 0 || end <= p.start || start >= p.end {
			objs = append(objs, wrapped(p.text, widget.RichTextStyleParagraph))
			continue
		}
		runes := []rune(p.text)
		lo, hi := max(start, p.start)-p.start, min(end, p.end)-p.start
		passage := newPassageText(textRun{string(runes[:lo]), runPlain}, textRun{string(runes[lo:hi]), runQuote},
			textRun{string(runes[hi:]), runPlain})
		if d.passage == nil {
			d.passage, highlighted = passage, true
		}
		objs = append(objs, passage)
	}
	// The notes come after the text: they load after it, and above it they
	// would push the passage away from where the pane scrolled to.
	objs = append(objs, widget.NewSeparator())
	objs = append(objs, d.reviewSection(data.KindDocument, doc.ID, ""))
	box := container.NewVBox(objs...)
	if highlighted {
		d.box = box
	}
	return container.NewPadded(box)
}

// maxParagraphs bounds the paragraphs of a document the pane shows: a
// document of a million lines would make as many widgets.
const maxParagraphs = 2000

// paragraph is a paragraph of a document's text that holds more than
// spaces, and the runes of the text it spans.
type paragraph struct {
	text       string
	start, end int
}

// paragraphs cuts text into its paragraphs, one a line.
func paragraphs(text string) []paragraph {
	var out []paragraph
	offset := 0
	for line := range strings.SplitSeq(text, "\n") {
		n := utf8.RuneCountInString(line)
		if strings.TrimSpace(line) != "" {
			out = append(out, paragraph{line, offset, offset + n})
		}
		offset += n + 1
	}
	return out
}

// shownParagraphs is the range of paras the pane shows: all of them, or
// maxParagraphs around the one the passage start..end begins in, or from
// the first when there is no passage.
func shownParagraphs(paras []paragraph, start, end int) (from, to int) {
	if len(paras) <= maxParagraphs {
		return 0, len(paras)
	}
	at := 0
	if start >= 0 {
		at = sort.Search(len(paras), func(i int) bool { return paras[i].end > start })
	}
	from = max(0, min(at-maxParagraphs/2, len(paras)-maxParagraphs))
	return from, from + maxParagraphs
}

// scrollToPassage scrolls so the highlighted quote begins a third of the
// way down the pane, where a quote of a few lines stands about the middle,
// or as near as the document's ends allow. Its place is read
// from the positions its containers gave it, not from the driver, which
// knows only what it has drawn.
func (d *detailPane) scrollToPassage() {
	d.layOut()
	y := d.passage.Position().Y + d.box.Position().Y + d.passage.quoteY
	d.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-d.scroll.Size().Height/3)))
}

// layOut sizes the content to the pane's width, so wrapped paragraphs have
// their real heights before the pane scrolls to a place in them.
func (d *detailPane) layOut() {
	content := d.scroll.Content
	w := d.scroll.Size().Width
	for range 2 {
		content.Resize(fyne.NewSize(w, content.MinSize().Height))
	}
}

// edtfLine gives the date in EDTF, for citing it elsewhere, with a button
// that copies it.
func edtfLine(edtf string) fyne.CanvasObject {
	code := widget.NewRichText(&widget.TextSegment{Text: edtf, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Monospace: true}}})
	var copyButton *widget.Button
	copyButton = widget.NewButtonWithIcon(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(edtf)
		copyButton.SetText(lang.L("Copied"))
	})
	copyButton.Importance = widget.LowImportance
	// Unwrapped: in a row, a wrapped text gets no width to wrap in.
	label := widget.NewRichText(&widget.TextSegment{Text: "EDTF", Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
	return container.NewHBox(label, code, copyButton)
}

func publishedText(d data.DocumentSummary) string {
	switch {
	case !d.Published.Known():
		return lang.L("undated")
	case d.Basis == data.Inferred:
		return lang.L("{{.Date}} (inferred)", map[string]any{"Date": rangeText(d.Published)})
	}
	return rangeText(d.Published)
}

func heading(s string) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyleSubHeading})
	t.Wrapping = fyne.TextWrapWord
	return t
}

func subheading(s string) fyne.CanvasObject {
	return richLine(widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}, s)
}

func richLine(style widget.RichTextStyle, s string) fyne.CanvasObject {
	style.Inline = true
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: style})
	t.Wrapping = fyne.TextWrapWord
	return t
}

func wrapped(s string, style widget.RichTextStyle) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: style})
	t.Wrapping = fyne.TextWrapWord
	return t
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func call(fn func()) {
	if fn != nil {
		fn()
	}
}

func call1(fn func(string), s string) {
	if fn != nil {
		fn(s)
	}
}

// actorKindName names the kinds of actor the corpus knows (data's
// actorKinds) in the window's language; another kind reads as it is.
func actorKindName(kind string) string {
	switch kind {
	case "person":
		return lang.L("person")
	case "state":
		return lang.L("state")
	case "organisation":
		return lang.L("organisation")
	}
	return kind
}
