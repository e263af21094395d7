package app

import (
	"encoding/json"
	"os"
	"regexp"
	"testing"
)

// Every string the menu, About, corpora and first-run files show has its
// Spanish in assets/translations/menu.es.json.
func TestMenu_SpanishForEveryString(t *testing.T) {
	b, err := os.ReadFile("../assets/translations/menu.es.json")
	if err != nil {
		t.Fatal(err)
	}
	var es map[string]string
	if err := json.Unmarshal(b, &es); err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"`)
	for _, file := range []string{"menu.go", "about.go", "corpora.go", "first_run.go", "review_undo.go"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllSubmatch(src, -1) {
			if es[string(m[1])] == "" {
				t.Errorf("%s: no Spanish for %q", file, m[1])
			}
		}
	}
}
