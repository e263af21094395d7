package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"chronoscope/assets"
	"chronoscope/data"
	"chronoscope/internal/textfmt"
)

// appID must match FyneApp.toml: the user's corpus lives in the storage
// folder Fyne gives this id.
const appID = "org.chronoscope.app"

const usage = `Chronoscope explores a timeline of Mexico–Peru relations, 2021–2023.

Usage:
  chronoscope [--corpus PATH]                  open the window
  chronoscope search [--json] [--limit N] QUERY
                                               search events, people, places and documents,
                                               then the text of the documents; one line a hit
  chronoscope export [--format json|csv|timelinejs|markdown] [-o FILE] [--status S]... [--tag T]...
                                               write the corpus's events (JSON: with their
                                               documents and reviews)
  chronoscope review EVENT_ID [--status S] [--note TEXT]... [--tag T]... [--untag T]...
                                               change an event's review, all at once,
                                               and print it; with no flags, print it
  chronoscope import [--json] FILE...          add files (text, Markdown, HTML, TimelineJS JSON)
                                               to the corpus, each in its own transaction, and
                                               print the dates found in them; exit 1 if any
                                               is refused
  chronoscope check                            validate the corpus; exit 1 listing problems
  chronoscope backup -o FILE                   copy the corpus, as it is at one moment, to FILE
                                               (never over an existing file), checked
  chronoscope rebuild                          make the bundled events and documents and the
                                               search indexes again from the bundled sources,
                                               keeping every review, note, tag, own event and
                                               import; backs up first; then checks
  chronoscope screenshot -o FILE.png [--size WxH] [--query Q] [--select EVENT_ID]
                         [--from DATE --to DATE] [--lanes group|category]
                         [--theme light|dark|system] [--dark] [--help-line] [--lang en|es]
                                               render the window to a PNG (needs a display)
  chronoscope generate --events N [--documents M] [--seed S] [--long-document-mb X] -o FILE.db
                                               write a synthetic corpus for measuring speed
                                               (see docs/PERFORMANCE.md)
  chronoscope help                             print this help
  chronoscope --version                        print the name, version and build number

Flags:
  --corpus PATH      the corpus file (every command). Without it the user's corpus
                     in the app's storage is used; a corpus that does not exist is
                     built from the bundled sources. An existing --corpus file is
                     only read, except by review with flags, import and rebuild,
                     which write to it (first bringing its bundled events up to
                     date, after a backup into the backups folder beside it).
  search:
    --json           print the hits as JSON
    --limit N        print at most N hits in all (default 20)
  export:
    --format F       json (the default), csv (a row an event), timelinejs
                     (TimelineJS3's JSON; undated events left out) or
                     markdown (a report)
    -o FILE          write to FILE instead of standard output
    --status S       only events with status S (repeat for any of several)
    --tag T          only events tagged T (repeat for any of several); with
                     --status, events must match both. Documents are those the
                     events kept quote or are dated against.
  import:
    --json           print each file's document, events and date candidates as JSON
  backup:
    -o FILE          where to write the copy; an existing file is refused
  review:
    --status S       set the status: unreviewed, verified, disputed or needs-source
    --note TEXT      add a note (repeatable)
    --tag T          add a tag (repeatable)
    --untag T        remove a tag (repeatable)
  screenshot:
    -o FILE.png      write the picture to FILE.png
    --size WxH       window size (default 1280x820)
    --query Q        type Q into the search field
    --select ID      select the event ID
    --from DATE --to DATE
                     show the timeline from the first day of one date to the last
                     day of another: YYYY-MM-DD, YYYY-MM, YYYY or an EDTF date
                     such as [2022-12-07..2022-12-21] or 2022-11/2022-12-14
    --lanes L        lanes by group (country or bloc, the default) or by category
    --theme T        light (the default, the same on every machine), dark, or
                     system: the system's light or dark setting
    --dark           the same as --theme dark
    --help-line      show the line of help a first run shows
    --lang L         the window's language, en or es (default: the system's)
  generate:
    --events N       how many events: titles of 40–90 characters in Spanish
                     and English, 1–3 actors and 1–2 quoted passages each,
                     dated 1990–2025 (days, months, years, uncertain days,
                     spans with open ends), some undated, 3% in bursts of
                     crisis weeks
    --documents M    how many documents they quote (default one for every
                     ten events); one in a thousand is long (300 KB)
    --seed S         the random seed (default 1): the same flags always give
                     the same corpus
    --long-document-mb X
                     add one document of X MB that a few events quote, as in
                     the "search lopez with one 20 MB document" figure:
                     generate --events 100000 --long-document-mb 20 -o big.db
    -o FILE.db       where to write the corpus; an existing file is refused,
                     never overwritten
`

// errUsage marks command-line mistakes, which exit with status 2.
var errUsage = errors.New("usage")

// command is one subcommand's flags and body.
type command struct {
	flags *flag.FlagSet
	run   func(ctx context.Context, args []string) error
}

// cli runs the command line; openWindow opens the window on a corpus path.
type cli struct {
	stdout, stderr io.Writer
	corpus         string
	openWindow     func(corpusPath string) error // "" for the user's corpus
}

// run dispatches args and returns the exit status.
func (c *cli) run(ctx context.Context, args []string) int {
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" {
		fmt.Fprint(c.stdout, usage)
		return 0
	}
	cmd, ok := c.commands()[name]
	if !ok {
		fmt.Fprintf(c.stderr, "chronoscope: unknown command %q\n\n%s", name, usage)
		return 2
	}
	cmd.flags.StringVar(&c.corpus, "corpus", "", "corpus `PATH` (default: the user's corpus)")
	// The flag package's own messages ("invalid value "abc" for flag
	// -limit: parse error", then every flag) are replaced by one line.
	cmd.flags.SetOutput(io.Discard)
	cmd.flags.Usage = func() {}
	positional, err := parseInterleaved(cmd.flags, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, usage)
		return 0
	}
	if err == nil {
		err = cmd.run(ctx, positional)
	} else {
		err = flagError(err)
	}
	if err != nil {
		if fe := data.FileProblem(err); fe != nil {
			err = fe
		}
		fmt.Fprintf(c.stderr, "chronoscope: %v\n", err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
}

// flagError rewords an error of the flag package as a usage error that
// names the flag as it is written ("--limit") and says what it wants.
func flagError(err error) error {
	msg := err.Error()
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%w: --%s %s: %s; see chronoscope --help", errUsage, m[2], m[1], m[3])
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return fmt.Errorf("%w: unknown flag --%s; see chronoscope --help", errUsage, strings.TrimPrefix(name, "-"))
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return fmt.Errorf("%w: --%s needs a value; see chronoscope --help", errUsage, strings.TrimPrefix(name, "-"))
	}
	return fmt.Errorf("%w: %s; see chronoscope --help", errUsage, msg)
}

// invalidValue matches the flag package's message for a value a flag's Set
// refused: the value, the flag's name and the reason.
var invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value (".*") for (?:flag )?-(\S+): (.*)$`)

// countFlag is a flag that takes a whole number from 1.
type countFlag int

func (n *countFlag) String() string { return strconv.Itoa(int(*n)) }

func (n *countFlag) Set(s string) error {
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		return errors.New("want a whole number from 1")
	}
	*n = countFlag(v)
	return nil
}

// parseInterleaved parses flags wherever they stand among the arguments,
// so "search lopez --json" is the same as "search --json lopez"; after "--"
// everything is an argument.
func parseInterleaved(fl *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// noArgs refuses arguments a command does not take.
func noArgs(args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	return nil
}

func (c *cli) commands() map[string]command {
	return map[string]command{
		"":           c.windowCommand(),
		"search":     c.searchCommand(),
		"export":     c.exportCommand(),
		"check":      c.checkCommand(),
		"review":     c.reviewCommand(),
		"import":     c.importCommand(),
		"screenshot": c.screenshotCommand(),
		"generate":   c.generateCommand(),
		"backup":     c.backupCommand(),
		"rebuild":    c.rebuildCommand(),
	}
}

func (c *cli) windowCommand() command {
	fl := flag.NewFlagSet("chronoscope", flag.ContinueOnError)
	version := fl.Bool("version", false, "print the version")
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *version {
			return c.printVersion()
		}
		// Without --corpus the window finds the user's corpus in the
		// app's storage itself.
		return c.openWindow(c.corpus)
	}}
}

// printVersion prints what FyneApp.toml, built in, says of this build:
// "Chronoscope 0.1.0 (build 1)".
func (c *cli) printVersion() error {
	m, err := appMetadata()
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "%s %s (build %d)\n", m.Name, m.Version, m.Build)
	return err
}

func (c *cli) searchCommand() command {
	fl := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print JSON")
	limit := countFlag(20)
	fl.Var(&limit, "limit", "at most `N` hits in all")
	return command{fl, func(ctx context.Context, args []string) error {
		query := strings.Join(args, " ")
		if strings.TrimSpace(query) == "" {
			return fmt.Errorf("%w: search needs a QUERY, the words to look for", errUsage)
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		res, err := s.FindHits(ctx, query, int(limit))
		if err != nil {
			return err
		}
		if *asJSON {
			return writeSearchJSON(c.stdout, res)
		}
		writeSearchText(c.stdout, res)
		return nil
	}}
}

// jsonHit is a search hit as --json prints it. Full-text hits have kind
// data.KindDocumentText or data.KindEventText, and their matches are ranges
// of snippet; a document's passage adds where its first match is in the
// document's text (data.TextHit's Start and End).
type jsonHit struct {
	Kind    data.Kind `json:"kind"`
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Score   float64   `json:"score"`
	Matches [][2]int  `json:"matches"`
	Name    string    `json:"name,omitempty"`
	Snippet string    `json:"snippet,omitempty"`
	Start   *int      `json:"start,omitempty"`
	End     *int      `json:"end,omitempty"`
}

func writeSearchJSON(w io.Writer, res *data.Results) error {
	out := make([]jsonHit, 0, len(res.Hits)+len(res.Text))
	for _, h := range res.Hits {
		j := jsonHit{Kind: h.Kind, ID: h.ID, Title: h.Title, Score: float64(h.Score), Matches: h.Matches, Name: h.Name}
		if h.Snippet != "" {
			// An event found by its own text rather than its title.
			j.Kind, j.Matches, j.Snippet = h.Kind.InText(), h.SnippetMatches, h.Snippet
		}
		out = append(out, j)
	}
	for _, h := range res.Text {
		// bm25 is lower for better matches; negate it so higher is better,
		// as with the other scores.
		j := jsonHit{Kind: h.Kind.InText(), ID: h.ID, Title: h.Title, Score: -h.Rank, Matches: h.Matches, Snippet: h.Snippet}
		if h.Start >= 0 {
			j.Start, j.End = &h.Start, &h.End
		}
		out = append(out, j)
	}
	for i := range out {
		if out[i].Matches == nil {
			out[i].Matches = [][2]int{}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// Columns of search's text output: kind, id, then what was found, clipped
// with an ellipsis so that a hit is one line.
const (
	kindWidth  = 8
	idWidth    = 36
	textWidth  = 80
	titleWidth = 32 // before a passage that matched
)

// writeSearchText prints one line a hit: its kind, its id, and its title
// with the matched letters in [ ] (an alias with the name it stands for;
// an event found by its own text with the passage that matched); then,
// under "in the text:", the documents' passages that match.
func writeSearchText(w io.Writer, res *data.Results) {
	if len(res.Hits) == 0 && len(res.Text) == 0 {
		fmt.Fprintln(w, "no matches")
		return
	}
	for _, h := range res.Hits {
		title, ranges := ownTitle(h.Title, h.Matches)
		var text string
		switch {
		case h.Snippet != "":
			text = withPassage(title, h.Snippet, h.SnippetMatches, " — ")
		case h.Name != "":
			text = marked(title+" ("+h.Name+")", ranges, textWidth)
		default:
			text = marked(title, ranges, textWidth)
		}
		fmt.Fprintln(w, row(string(h.Kind), h.ID, text))
	}
	if len(res.Text) > 0 {
		fmt.Fprintln(w, "\nin the text:")
		for _, h := range res.Text {
			title, _ := ownTitle(h.Title, nil)
			fmt.Fprintln(w, row(string(h.Kind), h.ID, withPassage(title, h.Snippet, h.Matches, ": ")))
		}
	}
}

// withPassage is a title, clipped to titleWidth, then sep and the passage
// that matched, shown from a little before its first match, all clipped
// to textWidth.
func withPassage(title, passage string, ranges [][2]int, sep string) string {
	title = textfmt.Clip(strings.Join(strings.Fields(title), " "), titleWidth)
	head := title + sep
	n := utf8.RuneCountInString(head)
	passage, ranges = textfmt.OneLine(passage, ranges)
	passage, ranges = focus(passage, ranges, textWidth-n)
	return marked(head+passage, shift(ranges, n), textWidth)
}

// focus cuts the start of s, a passage, so that its first match shows
// within width runes with some words before it.
func focus(s string, ranges [][2]int, width int) (string, [][2]int) {
	if len(ranges) == 0 || ranges[0][1]+2 < width {
		return s, ranges
	}
	return textfmt.FromMatch(s, ranges, width/3)
}

// row lays out one line of search's text output.
func row(kind, id, text string) string {
	return strings.TrimRight(fmt.Sprintf("%-*s %-*s %s", kindWidth, kind, idWidth, id, text), " ")
}

// ownTitle drops the brackets around a title that is ours rather than its
// source's ("[Mexico will not break ties …]"), since [ ] mark the matched
// letters here, and moves the ranges with it.
func ownTitle(title string, ranges [][2]int) (string, [][2]int) {
	inner, ok := strings.CutPrefix(title, "[")
	if inner, ok2 := strings.CutSuffix(inner, "]"); ok && ok2 {
		n := utf8.RuneCountInString(inner)
		out := make([][2]int, 0, len(ranges))
		for _, r := range shift(ranges, -1) {
			if r[0], r[1] = max(r[0], 0), min(r[1], n); r[0] < r[1] {
				out = append(out, r)
			}
		}
		return inner, out
	}
	return title, ranges
}

// shift moves rune ranges by d.
func shift(ranges [][2]int, d int) [][2]int {
	out := make([][2]int, len(ranges))
	for i, r := range ranges {
		out[i] = [2]int{r[0] + d, r[1] + d}
	}
	return out
}

// marked is s on one line with the ranges in [ ], clipped with an
// ellipsis to at most width runes, brackets included. A range the clip
// cuts is closed where the text ends, so brackets always pair.
func marked(s string, ranges [][2]int, width int) string {
	s, ranges = textfmt.OneLine(s, ranges)
	if full := bracket(s, ranges); utf8.RuneCountInString(full) <= width {
		return full
	}
	for n := width; n > 1; n-- {
		clipped := textfmt.Clip(s, n)
		kept := []rune(strings.TrimSuffix(clipped, "…"))
		var in [][2]int
		for _, r := range ranges {
			if r[0] < len(kept) {
				in = append(in, [2]int{r[0], min(r[1], len(kept))})
			}
		}
		if out := bracket(string(kept), in) + "…"; utf8.RuneCountInString(out) <= width {
			return out
		}
	}
	return "…"
}

// bracket marks matched rune ranges of s with [ ].
func bracket(s string, ranges [][2]int) string {
	var b strings.Builder
	for _, p := range textfmt.Split(s, ranges) {
		if p.Match {
			b.WriteString("[" + p.Text + "]")
		} else {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

func (c *cli) exportCommand() command {
	fl := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fl.String("format", "json", "export `FORMAT` ("+formatNames()+")")
	outPath := fl.String("o", "", "write to `FILE` instead of standard output")
	var statuses, tags listFlag
	fl.Var(&statuses, "status", "only events with `STATUS`")
	fl.Var(&tags, "tag", "only events tagged `TAG`")
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *format == "png" {
			return c.exportPNG(ctx, *outPath, len(statuses)+len(tags) > 0)
		}
		ft, err := data.ParseExportFormat(*format)
		if err != nil {
			return fmt.Errorf("%w: export format %q: want one of %s", errUsage, *format, formatNames())
		}
		f := data.Filter{Tags: tags}
		for _, st := range statuses {
			status, err := data.ParseStatus(st)
			if err != nil {
				return err
			}
			f.Statuses = append(f.Statuses, status)
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		write := func(w io.Writer) error { return s.Export(ctx, w, ft, f) }
		if ft == data.FormatTimelineJS {
			write = func(w io.Writer) error {
				undated, err := s.ExportTimelineJS(ctx, w, f)
				if err == nil && undated > 0 {
					noun := "events"
					if undated == 1 {
						noun = "event"
					}
					fmt.Fprintf(c.stderr, "left out %d undated %s\n", undated, noun)
				}
				return err
			}
		}
		if *outPath == "" {
			return write(c.stdout)
		}
		return writeFileAtomic(*outPath, write)
	}}
}

// formatNames lists the export formats: "json, csv, timelinejs, markdown".
func formatNames() string {
	names := make([]string, len(data.ExportFormats))
	for i, f := range data.ExportFormats {
		names[i] = string(f)
	}
	return strings.Join(append(names, "png"), ", ")
}

// writeFileAtomic writes through a temporary file renamed into place, so a
// failed export never leaves a half-written file where a good one was. Its
// errors name path, never the temporary file.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unnamed(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			err = fmt.Errorf("write %s: %w", path, unnamed(err))
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	// CreateTemp makes the file private; an export is an ordinary file.
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// unnamed is err without the file names an *os.PathError or *os.LinkError
// adds, which for writeFileAtomic are its temporary file's: "file exists",
// not "rename /d/.out.tmp-123 /d/out: file exists".
func unnamed(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func (c *cli) checkCommand() command {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		probs, err := s.Check(ctx)
		if err != nil {
			return err
		}
		if len(probs) > 0 {
			damaged := false
			for _, p := range probs {
				fmt.Fprintln(c.stdout, p)
				damaged = damaged || p.Damage
			}
			if damaged {
				return fmt.Errorf("check %s: %d problems: the file is damaged; %s", s.Path(), len(probs), data.RestoreAdvice)
			}
			return fmt.Errorf("check %s: %d problems", s.Path(), len(probs))
		}
		docs, evs, err := s.Counts(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s: ok (%d documents, %d events)\n", s.Path(), docs, evs)
		return nil
	}}
}

// listFlag is a flag that may be given more than once, each value kept.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ", ") }

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func (c *cli) reviewCommand() command {
	fl := flag.NewFlagSet("review", flag.ContinueOnError)
	status := fl.String("status", "", "set the status to `S`")
	var notes, tags, untags listFlag
	fl.Var(&notes, "note", "add a note of `TEXT`")
	fl.Var(&tags, "tag", "add the tag `T`")
	fl.Var(&untags, "untag", "remove the tag `T`")
	return command{fl, func(ctx context.Context, args []string) error {
		if len(args) != 1 {
			return fmt.Errorf("%w: review needs one EVENT_ID", errUsage)
		}
		id := args[0]
		change := data.ReviewChange{Notes: notes, Tags: tags, Untags: untags}
		if *status != "" {
			st, err := data.ParseStatus(*status)
			if err != nil {
				return err
			}
			change.Status = st
		}
		writes := change.Status != "" || len(notes)+len(tags)+len(untags) > 0
		var (
			s   *data.Store
			err error
		)
		if writes {
			s, err = c.openWrite(ctx)
		} else {
			s, err = c.open(ctx)
		}
		if err != nil {
			return err
		}
		defer s.Close()
		var r *data.Review
		if writes {
			r, err = s.ChangeReview(ctx, id, change)
		} else {
			r, err = s.Review(ctx, data.KindEvent, id)
		}
		if err != nil {
			return err
		}
		e, err := s.Event(ctx, id)
		if err != nil {
			return err
		}
		writeReview(c.stdout, e, r)
		return nil
	}}
}

// writeReview prints an event's review: its id and title, status, tags,
// and its notes oldest first, each with its number and when it was last
// changed.
func writeReview(w io.Writer, e *data.Event, r *data.Review) {
	fmt.Fprintf(w, "%s  %s\n", e.ID, e.Title)
	fmt.Fprintf(w, "status: %s\n", r.Status)
	if len(r.Tags) == 0 {
		fmt.Fprintln(w, "tags:   (none)")
	} else {
		fmt.Fprintf(w, "tags:   %s\n", strings.Join(r.Tags, ", "))
	}
	if len(r.Notes) == 0 {
		fmt.Fprintln(w, "notes:  (none)")
		return
	}
	fmt.Fprintln(w, "notes:")
	for _, n := range r.Notes {
		fmt.Fprintf(w, "  %d  %s  %s\n", n.ID, n.Updated.UTC().Format(time.RFC3339), strings.Join(strings.Fields(n.Body), " "))
	}
}

// corpusPath is --corpus, or the user's corpus in the app's storage.
func (c *cli) corpusPath() (string, error) {
	if c.corpus != "" {
		return c.corpus, nil
	}
	return defaultCorpusPath()
}

// corpusFile is the name of the user's corpus in the app's storage folder.
const corpusFile = "corpus.db"

// defaultCorpusPath is the user's corpus in the folder Fyne's desktop
// driver gives this app's storage on this system. The command line makes
// no Fyne app to ask, so it follows Fyne's rule (fyneConfigRoot); the
// window asks its app (storageCorpusPath), and a test checks they agree.
func defaultCorpusPath() (string, error) {
	root, err := fyneConfigRoot(runtime.GOOS)
	if err != nil {
		return "", fmt.Errorf("find the user's corpus: %w", err)
	}
	return filepath.Join(root, appID, corpusFile), nil
}

// fyneConfigRoot is the folder under which Fyne's desktop driver keeps
// each app's storage and preferences on goos, as rootConfigDir in Fyne's
// internal/app/config_*.go finds it (Fyne v2.7).
func fyneConfigRoot(goos string) (string, error) {
	var dir string
	var err error
	switch goos {
	case "darwin":
		dir, err = os.UserHomeDir()
		dir = filepath.Join(dir, "Library", "Preferences")
	case "windows":
		// Fyne goes by the home folder, not %AppData%.
		dir, err = os.UserHomeDir()
		dir = filepath.Join(dir, "AppData", "Roaming")
	default:
		dir, err = os.UserConfigDir()
	}
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "fyne"), nil
}

// open opens the corpus for a command: read-only when --corpus names an
// existing file, so scripting never changes it; built from the bundled
// sources when there is none yet.
func (c *cli) open(ctx context.Context) (*data.Store, error) {
	path, err := c.corpusPath()
	if err != nil {
		return nil, err
	}
	if c.corpus != "" {
		if _, err := os.Stat(path); err == nil {
			return data.Open(ctx, path, data.ReadOnly())
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open corpus %s: %w", path, err)
		}
	}
	return data.OpenOrCreate(ctx, path, assets.Corpus())
}

// openWrite opens the corpus read-write for a command that changes it,
// --corpus file or not, building it when there is none and first bringing
// its bundled events up to date, as the window does.
func (c *cli) openWrite(ctx context.Context) (*data.Store, error) {
	path, err := c.corpusPath()
	if err != nil {
		return nil, err
	}
	s, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err != nil {
		return nil, err
	}
	if s.IsReadOnly() {
		s.Close()
		return nil, fmt.Errorf("corpus %s: %w", path, data.ErrReadOnly)
	}
	return s, nil
}

// importedFile is what import says of a file, as --json prints it.
type importedFile struct {
	File       string              `json:"file"`
	DocumentID string              `json:"document_id,omitempty"`
	Duplicate  bool                `json:"duplicate,omitempty"`
	Published  string              `json:"published,omitempty"`
	Events     []string            `json:"events,omitempty"`
	Candidates []importedCandidate `json:"candidates,omitempty"`
	Refused    string              `json:"refused,omitempty"`
}

type importedCandidate struct {
	Phrase   string `json:"phrase"`
	EDTF     string `json:"edtf"`
	Basis    string `json:"basis"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
}

func (c *cli) importCommand() command {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print JSON")
	return command{fl, func(ctx context.Context, args []string) error {
		if len(args) == 0 {
			return fmt.Errorf("%w: import needs at least one FILE", errUsage)
		}
		s, err := c.openWrite(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		var files []importedFile
		refused := 0
		for _, name := range args {
			f := importFile(ctx, s, name)
			if f.Refused != "" {
				refused++
			}
			files = append(files, f)
		}
		if *asJSON {
			enc := json.NewEncoder(c.stdout)
			enc.SetIndent("", "  ")
			if err := enc.Encode(files); err != nil {
				return err
			}
		} else {
			for _, f := range files {
				writeImported(c.stdout, f)
			}
		}
		fmt.Fprintf(c.stdout, "imported %d, refused %d\n", len(files)-refused, refused)
		if refused > 0 {
			for _, f := range files {
				if f.Refused != "" {
					fmt.Fprintf(c.stderr, "chronoscope: %s\n", f.Refused)
				}
			}
			return fmt.Errorf("import: %d of %d files refused", refused, len(files))
		}
		return nil
	}}
}

// importFile imports one file in its own transaction.
func importFile(ctx context.Context, s *data.Store, name string) importedFile {
	f := importedFile{File: name}
	r, err := os.Open(name)
	if err != nil {
		f.Refused = fmt.Sprintf("import %s: %v", name, unnamed(err))
		return f
	}
	defer r.Close()
	res, err := s.Import(ctx, name, r)
	if err != nil {
		f.Refused = err.Error()
		return f
	}
	f.DocumentID, f.Duplicate, f.Events = res.DocumentID, res.Duplicate, res.Events
	if res.Published.Known() {
		f.Published = data.FormatDay(res.Published.Start)
	}
	for _, cd := range res.Candidates {
		f.Candidates = append(f.Candidates, importedCandidate{Phrase: cd.Phrase, EDTF: cd.Dating.EDTF,
			Basis: string(cd.Dating.Basis), Start: cd.Start, End: cd.End, Sentence: cd.Sentence})
	}
	return f
}

// writeImported prints a file's document id and its date candidates, one
// line each.
func writeImported(w io.Writer, f importedFile) {
	switch {
	case f.Refused != "":
		fmt.Fprintf(w, "%s: refused\n", f.File)
		return
	case f.Duplicate:
		fmt.Fprintf(w, "%s: already imported as %s\n", f.File, f.DocumentID)
		return
	}
	published := "undated"
	if f.Published != "" {
		published = "published " + f.Published
	}
	fmt.Fprintf(w, "%s: document %s (%s)\n", f.File, f.DocumentID, published)
	if len(f.Events) > 0 {
		fmt.Fprintf(w, "  %d events: %s\n", len(f.Events), strings.Join(f.Events, " "))
	}
	for _, cd := range f.Candidates {
		fmt.Fprintf(w, "  %-12s %-26q %d..%d  %s\n", cd.EDTF, cd.Phrase, cd.Start, cd.End, textfmt.Clip(strings.Join(strings.Fields(cd.Sentence), " "), 60))
	}
	if len(f.Candidates) >= data.MaxCandidates {
		fmt.Fprintf(w, "  (only the first %d dates found in the text are listed)\n", data.MaxCandidates)
	}
}
