package data_test

import (
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

func TestLoadSource_Bundled(t *testing.T) {
	src, err := data.LoadSource(assets.Corpus())
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Events) < 20 {
		t.Fatalf("events = %d", len(src.Events))
	}
}
