// Chronoscope is an offline explorer of a timeline of Mexico–Peru relations,
// built from a bundled SQLite corpus of source articles. With no arguments it
// opens the window; see usage in cli.go for the command line.
package main

import (
	"context"
	"os"
	"sync"

	// Before Fyne reads the locale: see the package comment.
	_ "chronoscope/internal/locale"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"chronoscope/app"
	"chronoscope/assets"
	"chronoscope/data"
)

func main() {
	c := &cli{stdout: os.Stdout, stderr: os.Stderr, openWindow: openWindow}
	os.Exit(c.run(context.Background(), os.Args[1:]))
}

// openWindow opens the corpus at path (building it on first use) and runs
// the window until it is closed.
func openWindow(path string) error {
	if err := needDisplay(); err != nil {
		return err
	}
	ctx := context.Background()
	store, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	a := fyneapp.NewWithID(appID)
	if err != nil {
		// A double-clicked app has no terminal to print to: say it in a window.
		app.NewErrorWindow(a, err).ShowAndRun()
		return err
	}
	defer store.Close()
	app.NewWindow(a, store).ShowAndRun()
	return nil
}

// runApp creates the Fyne app and runs it on the main goroutine, as the
// desktop driver needs, while use works with it from another goroutine
// once it has started; the app quits when use returns. Fyne's headless
// driver (-tags ci) has no loop: its Run returns at once without saying it
// started, and fyne.Do runs on the caller's goroutine.
func runApp(use func(fyne.App) error) error {
	if err := needDisplay(); err != nil {
		return err
	}
	a := fyneapp.NewWithID(appID)
	done := make(chan error, 1)
	var once sync.Once
	start := func() {
		once.Do(func() {
			go func() {
				err := use(a)
				fyne.DoAndWait(a.Quit)
				done <- err
			}()
		})
	}
	a.Lifecycle().SetOnStarted(start)
	a.Run()
	start()
	return <-done
}
