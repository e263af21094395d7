package app

import (
	"context"
	"fmt"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// ScreenshotOptions says what the window should show when rendered.
type ScreenshotOptions struct {
	Size   fyne.Size
	Query  string // typed into the search field
	Select string // event id to select
	From   string // visible range, YYYY-MM-DD, both or neither
	To     string
	Lanes  string // "group" or "category"
	Dark   bool
}

// Screenshot renders the main window with Fyne's software painter, with no
// display: for tests, scripts and the README.
func Screenshot(c Corpus, o ScreenshotOptions) (image.Image, error) {
	// Fyne's headless driver runs fyne.Do calls on the calling goroutine and
	// refuses the main one, so the window lives on a goroutine of its own.
	type result struct {
		img image.Image
		err error
	}
	done := make(chan result, 1)
	go func() {
		img, err := screenshot(c, o)
		done <- result{img, err}
	}()
	r := <-done
	return r.img, r.err
}

func screenshot(c Corpus, o ScreenshotOptions) (image.Image, error) {
	a := test.NewApp()
	defer test.NewApp() // leave no state behind for a later render
	variant := theme.VariantLight
	if o.Dark {
		variant = theme.VariantDark
	}
	a.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), variant})
	w := test.NewWindow(nil)
	defer w.Close()
	v := newMainView(c, w, a.Preferences())
	v.bg.queueResults()
	w.SetContent(v.content)
	w.Resize(o.Size)
	v.load()
	switch o.Lanes {
	case "", "group":
	case "category":
		v.lanes.SetSelected("By category")
	default:
		return nil, fmt.Errorf("--lanes %q: want group or category", o.Lanes)
	}
	if o.From != "" {
		if err := v.applyView(o.From, o.To); err != nil {
			return nil, err
		}
	}
	if o.Query != "" {
		w.Canvas().Focus(v.search)
		test.Type(v.search, o.Query)
		v.waitForSearch()
	}
	if o.Select != "" {
		if _, err := c.Event(context.Background(), o.Select); err != nil {
			return nil, fmt.Errorf("--select: %w", err)
		}
		from, to := v.timeline.View()
		v.timeline.Select(o.Select)
		if o.From != "" {
			v.timeline.SetView(from, to)
		}
		v.detail.ShowEvent(o.Select)
		v.detail.wait()
	}
	return w.Canvas().Capture(), nil
}

// fixedVariant is a theme that ignores the system's light or dark setting,
// so screenshots look the same on every machine.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}
