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
	"strings"

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
                                               fuzzy search of events, actors, places,
                                               documents, then full text of the documents
  chronoscope export --format json [-o FILE]   write the corpus as JSON
  chronoscope check                            validate the corpus; exit 1 listing problems
  chronoscope screenshot -o FILE.png [--size WxH] [--query Q] [--select EVENT_ID]
                         [--from YYYY-MM-DD --to YYYY-MM-DD] [--lanes group|category]
                                               render the window to a PNG (needs a display)

Every command takes --corpus PATH. Without it the user's corpus in the app's
storage is used; a corpus that does not exist is built from the bundled sources.
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
	openWindow     func(corpusPath string) error
}

// run dispatches args and returns the exit status.
func (c *cli) run(ctx context.Context, args []string) int {
	name := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	cmd, ok := c.commands()[name]
	if !ok {
		fmt.Fprintf(c.stderr, "chronoscope: unknown command %q\n\n%s", name, usage)
		return 2
	}
	cmd.flags.StringVar(&c.corpus, "corpus", "", "corpus `PATH` (default: the user's corpus)")
	cmd.flags.SetOutput(c.stderr)
	cmd.flags.Usage = func() { fmt.Fprint(c.stderr, usage) }
	positional, err := parseInterleaved(cmd.flags, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if err := cmd.run(ctx, positional); err != nil {
		fmt.Fprintf(c.stderr, "chronoscope: %v\n", err)
		if errors.Is(err, errUsage) {
			return 2
		}
		return 1
	}
	return 0
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
		"screenshot": c.screenshotCommand(),
	}
}

func (c *cli) windowCommand() command {
	fl := flag.NewFlagSet("chronoscope", flag.ContinueOnError)
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		path, err := c.corpusPath()
		if err != nil {
			return err
		}
		return c.openWindow(path)
	}}
}

func (c *cli) searchCommand() command {
	fl := flag.NewFlagSet("search", flag.ContinueOnError)
	asJSON := fl.Bool("json", false, "print JSON")
	limit := fl.Int("limit", 20, "at most `N` hits of each search")
	return command{fl, func(ctx context.Context, args []string) error {
		if len(args) == 0 {
			return fmt.Errorf("%w: search needs a QUERY", errUsage)
		}
		if *limit < 1 {
			return fmt.Errorf("%w: --limit must be at least 1", errUsage)
		}
		query := strings.Join(args, " ")
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		hits, err := s.Search(ctx, query, *limit)
		if err != nil {
			return err
		}
		text, err := s.SearchText(ctx, query, *limit)
		if err != nil {
			return err
		}
		if *asJSON {
			return writeSearchJSON(c.stdout, hits, text)
		}
		writeSearchText(c.stdout, hits, text)
		return nil
	}}
}

// jsonHit is a search hit as --json prints it. Full-text hits have kind
// data.KindDocumentText or data.KindEventText, and their matches are ranges
// of snippet.
type jsonHit struct {
	Kind    data.Kind `json:"kind"`
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Score   float64   `json:"score"`
	Matches [][2]int  `json:"matches"`
	Name    string    `json:"name,omitempty"`
	Snippet string    `json:"snippet,omitempty"`
}

func writeSearchJSON(w io.Writer, hits []data.Hit, text []data.TextHit) error {
	out := make([]jsonHit, 0, len(hits)+len(text))
	for _, h := range hits {
		m := h.Matches
		if m == nil {
			m = [][2]int{}
		}
		out = append(out, jsonHit{Kind: h.Kind, ID: h.ID, Title: h.Title, Score: float64(h.Score), Matches: m, Name: h.Name})
	}
	for _, h := range text {
		m := h.Matches
		if m == nil {
			m = [][2]int{}
		}
		// bm25 is lower for better matches; negate it so higher is better,
		// as with the fuzzy scores.
		out = append(out, jsonHit{Kind: h.Kind.InText(), ID: h.ID, Title: h.Title, Score: -h.Rank, Matches: m, Snippet: h.Snippet})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeSearchText(w io.Writer, hits []data.Hit, text []data.TextHit) {
	if len(hits) == 0 && len(text) == 0 {
		fmt.Fprintln(w, "no matches")
		return
	}
	for _, h := range hits {
		line := fmt.Sprintf("%-8s %-40s %s", h.Kind, h.ID, bracket(h.Title, h.Matches))
		if h.Name != "" {
			line += " (" + h.Name + ")"
		}
		fmt.Fprintln(w, line)
	}
	if len(text) > 0 {
		fmt.Fprintln(w, "\nin the text:")
		for _, h := range text {
			fmt.Fprintf(w, "%-8s %-40s %s\n         %s\n", h.Kind, h.ID, h.Title, bracket(h.Snippet, h.Matches))
		}
	}
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
	format := fl.String("format", "json", "export `FORMAT` (json)")
	outPath := fl.String("o", "", "write to `FILE` instead of standard output")
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *format != "json" {
			return fmt.Errorf("%w: export format %q: only json is supported", errUsage, *format)
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		write := func(w io.Writer) error { return s.ExportJSON(ctx, w) }
		if *outPath == "" {
			return write(c.stdout)
		}
		return writeFileAtomic(*outPath, write)
	}}
}

// writeFileAtomic writes through a temporary file renamed into place, so a
// failed export never leaves a half-written file where a good one was.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	// CreateTemp makes the file private; an export is an ordinary file.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
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
			for _, p := range probs {
				fmt.Fprintln(c.stdout, p)
			}
			return fmt.Errorf("check %s: %d problems", s.Path(), len(probs))
		}
		evs, _ := s.Events(ctx)
		docs, _ := s.Documents(ctx)
		fmt.Fprintf(c.stdout, "%s: ok (%d documents, %d events)\n", s.Path(), len(docs), len(evs))
		return nil
	}}
}

// corpusPath is --corpus, or the user's corpus in the app's storage.
func (c *cli) corpusPath() (string, error) {
	if c.corpus != "" {
		return c.corpus, nil
	}
	return defaultCorpusPath()
}

// defaultCorpusPath mirrors where Fyne keeps this app's storage, so the
// command line and the window share one corpus.
func defaultCorpusPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the user's corpus: %w", err)
	}
	return filepath.Join(dir, "fyne", appID, "corpus.db"), nil
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
