// Chronoscope is an offline explorer of a timeline of Mexico–Peru relations,
// built from a bundled SQLite corpus of source articles. With no arguments it
// opens the window; see usage in cli.go for the command line.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
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
	stop := profile()
	code := c.run(context.Background(), os.Args[1:])
	stop()
	os.Exit(code)
}

// profile writes a CPU profile of the whole run to the file
// CHRONOSCOPE_CPUPROFILE names, and a heap profile at its end to the one
// CHRONOSCOPE_MEMPROFILE names, for `go tool pprof` (docs/PERFORMANCE.md).
// The returned function ends them.
func profile() (stop func()) {
	var stops []func()
	if path := os.Getenv("CHRONOSCOPE_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err != nil {
			fmt.Fprintln(os.Stderr, "chronoscope: cpu profile:", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "chronoscope: cpu profile:", err)
			f.Close()
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("CHRONOSCOPE_MEMPROFILE"); path != "" {
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err == nil {
				runtime.GC()
				err = errors.Join(pprof.WriteHeapProfile(f), f.Close())
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, "chronoscope: heap profile:", err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}

// openWindow opens the corpus at path, or the user's corpus when path is
// "" (building it on first use), and runs the window until it is closed.
// The window closes the corpus, and any it opens from its File menu
// (corpora).
func openWindow(path string) error {
	if err := needDisplay(); err != nil {
		return err
	}
	loadTranslations()
	a := newApp()
	if path == "" {
		path = storageCorpusPath(a)
	}
	ctx := context.Background()
	store, err := data.OpenOrCreate(ctx, path, assets.Corpus())
	if err == nil {
		app.Preload(store)
	}
	if err != nil {
		// A double-clicked app has no terminal to print to: say it in a window.
		app.NewErrorWindow(a, err).ShowAndRun()
		return err
	}
	app.NewWindow(a, store, corpora).ShowAndRun()
	return nil
}

// corpora opens other corpus files from the window's File menu, as they
// are: data.Open refuses a file that is not a corpus before it touches it.
var corpora = &app.Corpora{
	Open: func(ctx context.Context, path string) (app.Corpus, error) {
		s, err := data.Open(ctx, path)
		if err != nil {
			return nil, err
		}
		return s, nil
	},
	Bundled: assets.Corpus(),
}

// newApp creates the Fyne app. Only `fyne package` gives a binary Fyne's
// metadata; any other build gets FyneApp.toml's, built in, so that it too
// shows its version and icon.
func newApp() fyne.App {
	a := fyneapp.NewWithID(appID)
	if a.Metadata().ID != "" {
		return a
	}
	m, err := appMetadata()
	if err != nil {
		fyne.LogError("app metadata", err)
		return a
	}
	fyneapp.SetMetadata(m)
	return a
}

// storageCorpusPath is the user's corpus in a's storage folder, where
// defaultCorpusPath finds it for the command line.
func storageCorpusPath(a fyne.App) string {
	return filepath.Join(filepath.FromSlash(a.Storage().RootURI().Path()), corpusFile)
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
	loadTranslations()
	a := newApp()
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

// loadTranslations picks the window's language before it is built; without
// its translations the window speaks English.
func loadTranslations() {
	if err := app.LoadTranslations(); err != nil {
		fyne.LogError("load translations", err)
	}
}
