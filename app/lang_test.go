package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"chronoscope/assets"
	// As main does, before Fyne reads the locale.
	_ "chronoscope/internal/locale"
)

// TestMain speaks English whatever the machine's locale, so that the
// goldens and the texts the tests look for are the same everywhere; tests
// of Spanish ask for it with useLanguage.
func TestMain(m *testing.M) {
	os.Setenv("LANGUAGE", "en")
	if err := LoadTranslations(); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// useLanguage makes the window speak code ("es") for the rest of the test,
// and English again after it.
func useLanguage(tb testing.TB, code string) {
	tb.Helper()
	UseLanguage(code)
	if err := LoadTranslations(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		UseLanguage("en")
		if err := LoadTranslations(); err != nil {
			tb.Fatal(err)
		}
	})
}

// langCall is a call of lang.L, N or X with a literal key.
type langCall struct {
	fn, key string
	pos     token.Position
}

// langCalls finds the lang calls in the package's own files.
func langCalls(tb testing.TB) []langCall {
	tb.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		tb.Fatal(err)
	}
	var calls []langCall
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" || !slices.Contains([]string{"L", "N", "X", "XN"}, sel.Sel.Name) {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				tb.Errorf("%s: lang.%s with a key that is not a literal: the translation test cannot check it", fset.Position(call.Pos()), sel.Sel.Name)
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				tb.Fatal(err)
			}
			calls = append(calls, langCall{fn: sel.Sel.Name, key: key, pos: fset.Position(call.Pos())})
			return true
		})
	}
	return calls
}

// translations reads the translation files of a language (es.json and
// any prefix.es.json) into one map.
func translations(tb testing.TB, code string) map[string]any {
	tb.Helper()
	out := map[string]any{}
	err := fs.WalkDir(assets.Translations, "translations", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, "."+code+".json") && filepath.Base(path) != code+".json" {
			return err
		}
		b, err := assets.Translations.ReadFile(path)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			tb.Errorf("%s: %v", path, err)
		}
		for k, v := range m {
			if old, dup := out[k]; dup && !reflect.DeepEqual(old, v) {
				tb.Errorf("%s: %q is translated twice, differently", path, k)
			}
			out[k] = v
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestTranslations_Complete fails on a string of the window that Spanish
// lacks, a plural without its forms, and a translation no code asks for.
func TestTranslations_Complete(t *testing.T) {
	calls := langCalls(t)
	if len(calls) < 100 {
		t.Fatalf("found %d lang calls: the parse is missing them", len(calls))
	}
	es, en := translations(t, "es"), translations(t, "en")
	used := map[string]bool{}
	for _, c := range calls {
		used[c.key] = true
		v, ok := es[c.key]
		if !ok {
			t.Errorf("%s: lang.%s(%q) has no Spanish in assets/translations", c.pos, c.fn, c.key)
			continue
		}
		forms, plural := v.(map[string]any)
		if c.fn == "N" || c.fn == "XN" {
			for _, form := range []string{"one", "many", "other"} {
				if s, _ := forms[form].(string); s == "" {
					t.Errorf("%s: the Spanish of the plural %q lacks its %q form", c.pos, c.key, form)
				}
			}
			for _, form := range []string{"one", "other"} {
				if f, _ := en[c.key].(map[string]any); f == nil || f[form] == "" {
					t.Errorf("%s: en.json lacks the %q form of the plural %q", c.pos, form, c.key)
				}
			}
		} else if plural {
			t.Errorf("%s: %q has plural forms but is not asked for with lang.N", c.pos, c.key)
		}
	}
	for name, m := range map[string]map[string]any{"es": es, "en": en} {
		var stale []string
		for k := range m {
			if !used[k] {
				stale = append(stale, k)
			}
		}
		slices.Sort(stale)
		for _, k := range stale {
			t.Errorf("%s translates %q, which no code asks for", name, k)
		}
	}
}

// TestLoadTranslations_FollowsTheSystem: a Spanish system gets Spanish in
// any of the forms its locale comes in, and other languages English.
func TestLoadTranslations_FollowsTheSystem(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"LANG": "es_ES.UTF-8"}, "Ajustar todo"},
		{map[string]string{"LANG": "es_MX.UTF-8"}, "Ajustar todo"},
		{map[string]string{"LANG": "es_PE.UTF-8"}, "Ajustar todo"},
		{map[string]string{"LANG": "en_US.UTF-8", "LANGUAGE": "es"}, "Ajustar todo"},
		{map[string]string{"LC_ALL": "es_AR.UTF-8", "LANG": "en_US.UTF-8"}, "Ajustar todo"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "Fit all"},
		{map[string]string{"LANG": "en_GB.UTF-8"}, "Fit all"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "Fit all"},
		{map[string]string{"LANG": "pt_BR.UTF-8"}, "Fit all"},
	} {
		for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(k, tc.env[k])
		}
		if err := LoadTranslations(); err != nil {
			t.Fatal(err)
		}
		if got := lang.L("Fit all"); got != tc.want {
			t.Errorf("with %v, Fit all reads %q, want %q", tc.env, got, tc.want)
		}
	}
	t.Setenv("LANGUAGE", "en")
	if err := LoadTranslations(); err != nil {
		t.Fatal(err)
	}
}
