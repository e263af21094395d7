package main

import (
	"context"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"chronoscope/app"
	"chronoscope/data"
)

func (c *cli) screenshotCommand() command {
	fl := flag.NewFlagSet("screenshot", flag.ContinueOnError)
	out := fl.String("o", "", "write the PNG to `FILE`")
	size := fl.String("size", "1280x820", "window size `WxH`")
	var o app.ScreenshotOptions
	fl.StringVar(&o.Query, "query", "", "type `Q` into the search field")
	fl.StringVar(&o.Select, "select", "", "select the event `ID`")
	fl.StringVar(&o.From, "from", "", "show the timeline from the first day of `DATE` (YYYY-MM-DD, YYYY-MM, YYYY or EDTF)")
	fl.StringVar(&o.To, "to", "", "show the timeline to the last day of `DATE` (YYYY-MM-DD, YYYY-MM, YYYY or EDTF)")
	fl.StringVar(&o.Lanes, "lanes", "group", "lanes by `group` (country or bloc) or by category")
	themeName := fl.String("theme", "light", "the `THEME`: light, dark or system (the system's setting)")
	dark := fl.Bool("dark", false, "use the dark theme (--theme dark)")
	fl.BoolVar(&o.HelpLine, "help-line", false, "show the first run's line of help")
	language := fl.String("lang", "", "speak `LANG` (en or es) whatever the system's locale")
	return command{fl, func(ctx context.Context, args []string) error {
		if err := noArgs(args); err != nil {
			return err
		}
		if *out == "" {
			return fmt.Errorf("%w: screenshot needs -o FILE.png", errUsage)
		}
		if (o.From == "") != (o.To == "") {
			return fmt.Errorf("%w: --from and --to go together", errUsage)
		}
		if o.From != "" {
			var err error
			if o.From, o.To, err = viewDays(o.From, o.To); err != nil {
				return fmt.Errorf("%w: %v", errUsage, err)
			}
		}
		if *dark {
			*themeName = string(app.ThemeDark)
		}
		var err error
		if o.Theme, err = app.ParseThemeChoice(*themeName); err != nil {
			return fmt.Errorf("%w: --theme: %v", errUsage, err)
		}
		if o.Lanes != "group" && o.Lanes != "category" {
			return fmt.Errorf("%w: --lanes %q: want group or category", errUsage, o.Lanes)
		}
		switch *language {
		case "":
		case "en", "es":
			app.UseLanguage(*language)
		default:
			return fmt.Errorf("%w: --lang %q: want en or es", errUsage, *language)
		}
		if o.Size, err = parseSize(*size); err != nil {
			return fmt.Errorf("%w: --size: %v", errUsage, err)
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		return writeFileAtomic(*out, func(w io.Writer) error { return c.writePNG(w, s, o) })
	}}
}

// writePNG draws the window on s as o asks and writes it to w as a PNG.
// It needs a display: it draws with the desktop driver.
func (c *cli) writePNG(w io.Writer, s *data.Store, o app.ScreenshotOptions) error {
	app.Preload(s)
	var encoded chan error
	err := runApp(func(a fyne.App) error {
		// A window that never comes up would leave the app waiting on
		// the main goroutine, out of reach of any context.
		watchdog := time.AfterFunc(screenshotTimeout, func() {
			fmt.Fprintf(c.stderr, "chronoscope: screenshot: no picture after %v\n", screenshotTimeout)
			os.Exit(1)
		})
		defer watchdog.Stop()
		img, err := app.Screenshot(a, s, o)
		if err != nil {
			return err
		}
		// The app takes tens of milliseconds to close its window and
		// quit: the PNG is encoded meanwhile, on the other core.
		encoded = make(chan error, 1)
		go func() { encoded <- png.Encode(w, img) }()
		return nil
	})
	if encoded != nil {
		if encErr := <-encoded; err == nil {
			err = encErr
		}
	}
	if err != nil {
		return fmt.Errorf("screenshot: %w", err)
	}
	return nil
}

// viewDays reads --from and --to, each a day or any date ParseEDTF reads
// ("2022-12", "2022", "2022-12-07/2022-12-21"), as the days the timeline
// shows, YYYY-MM-DD: from the first day --from may mean to the last day
// --to may mean.
func viewDays(from, to string) (first, last string, err error) {
	f, err := dateInput(from)
	if err != nil {
		return "", "", fmt.Errorf("--from: %v", err)
	}
	t, err := dateInput(to)
	if err != nil {
		return "", "", fmt.Errorf("--to: %v", err)
	}
	if t.End.Before(f.Start) {
		return "", "", fmt.Errorf("--to %s ends before --from %s begins", to, from)
	}
	return data.FormatDay(f.Start), data.FormatDay(t.End), nil
}

// dateInput reads a date typed on the command line as the days it covers.
func dateInput(s string) (data.DateRange, error) {
	shape, from, to, err := data.ParseEDTF(s)
	if err != nil {
		return data.DateRange{}, err
	}
	return data.Envelope(shape, from, to), nil
}

// screenshotTimeout bounds the screenshot command, which takes a few
// seconds even with software GL.
const screenshotTimeout = 2 * time.Minute

func parseSize(s string) (fyne.Size, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 320 || h < 240 || w > 8000 || h > 8000 {
		return fyne.Size{}, fmt.Errorf("%q: want WIDTHxHEIGHT, from 320x240 to 8000x8000", s)
	}
	return fyne.NewSize(float32(w), float32(h)), nil
}

// exportPNG writes the timeline view of the whole corpus, as the window
// opens on it, to path: the window's PNG export from the command line.
func (c *cli) exportPNG(ctx context.Context, path string, filtered bool) error {
	if path == "" {
		return fmt.Errorf("%w: export --format png needs -o FILE.png", errUsage)
	}
	if filtered {
		return fmt.Errorf("%w: export --format png draws every event; --status and --tag are for the other formats", errUsage)
	}
	s, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return writeFileAtomic(path, func(w io.Writer) error {
		return c.writePNG(w, s, app.ScreenshotOptions{Size: fyne.NewSize(1280, 820), Lanes: "group"})
	})
}
