package main

import (
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"chronoscope/app"
)

func (c *cli) screenshotCommand() command {
	fl := flag.NewFlagSet("screenshot", flag.ContinueOnError)
	out := fl.String("o", "", "write the PNG to `FILE`")
	size := fl.String("size", "1280x820", "window size `WxH`")
	var o app.ScreenshotOptions
	fl.StringVar(&o.Query, "query", "", "type `Q` into the search field")
	fl.StringVar(&o.Select, "select", "", "select the event `ID`")
	fl.StringVar(&o.From, "from", "", "show the timeline from `YYYY-MM-DD`")
	fl.StringVar(&o.To, "to", "", "show the timeline to `YYYY-MM-DD`")
	fl.StringVar(&o.Lanes, "lanes", "group", "lanes by `group` (country or bloc) or by category")
	fl.BoolVar(&o.Dark, "dark", false, "use the dark theme")
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
		if o.Lanes != "group" && o.Lanes != "category" {
			return fmt.Errorf("%w: --lanes %q: want group or category", errUsage, o.Lanes)
		}
		var err error
		if o.Size, err = parseSize(*size); err != nil {
			return fmt.Errorf("%w: --size: %v", errUsage, err)
		}
		s, err := c.open(ctx)
		if err != nil {
			return err
		}
		defer s.Close()
		var img image.Image
		err = runApp(func(a fyne.App) error {
			// A window that never comes up would leave the app waiting on
			// the main goroutine, out of reach of any context.
			watchdog := time.AfterFunc(screenshotTimeout, func() {
				fmt.Fprintf(c.stderr, "chronoscope: screenshot: no picture after %v\n", screenshotTimeout)
				os.Exit(1)
			})
			defer watchdog.Stop()
			img, err = app.Screenshot(a, s, o)
			return err
		})
		if err != nil {
			return fmt.Errorf("screenshot: %w", err)
		}
		return writeFileAtomic(*out, func(w io.Writer) error { return png.Encode(w, img) })
	}}
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
