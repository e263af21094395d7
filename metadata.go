package main

import (
	_ "embed"
	"fmt"

	"fyne.io/fyne/v2"
	"github.com/BurntSushi/toml"

	"chronoscope/assets"
)

// fyneAppTOML is the metadata `fyne package` builds into a package. It is
// embedded so that a plain `go build`, which Fyne gives no metadata, knows
// its name and version too (newApp, --version).
//
//go:embed FyneApp.toml
var fyneAppTOML string

// appMetadata is what FyneApp.toml says, with the bundled icon. Its
// Migrations are left out: fyne package turns fyneDo on with a build tag
// that also drops Fyne's thread checks, which a development build keeps to
// report UI calls made off the main goroutine.
func appMetadata() (fyne.AppMetadata, error) {
	var f struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
	}
	if _, err := toml.Decode(fyneAppTOML, &f); err != nil {
		return fyne.AppMetadata{}, fmt.Errorf("FyneApp.toml: %w", err)
	}
	return fyne.AppMetadata{
		ID:      f.Details.ID,
		Name:    f.Details.Name,
		Version: f.Details.Version,
		Build:   f.Details.Build,
		Icon:    fyne.NewStaticResource("icon.png", assets.Icon),
	}, nil
}
