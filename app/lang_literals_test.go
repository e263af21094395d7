package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// shownBy are the functions and methods whose string arguments the window
// shows: Fyne's widgets and dialogs, and this package's own helpers.
var shownBy = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewCheckGroup": true, "NewRadioGroup": true, "NewSelect": true, "NewHyperlink": true,
	"NewFormItem": true, "NewMenu": true, "NewMenuItem": true, "NewWindow": true,
	"SetText": true, "SetPlaceHolder": true, "SetTitle": true, "SetSelected": true,
	"ShowInformation": true, "NewInformation": true, "ShowConfirm": true, "NewConfirm": true,
	"ShowCustom": true, "NewCustom": true, "ShowCustomConfirm": true, "NewCustomConfirm": true,
	"NewRichTextWithText": true, "NewTextSegment": true,
	// This package's.
	"heading": true, "subheading": true, "richLine": true, "wrapped": true, "line": true,
	"setStatus": true, "addText": true, "newDateEntry": true, "showEventForm": true,
}

// shownFields are the fields whose strings the window shows: widgets',
// the timeline tooltip's and the detail pane's.
var shownFields = map[string]bool{"PlaceHolder": true, "Text": true, "title": true, "detail": true, "readOnly": true}

// untranslatedAllowed are the strings the window shows as they are in
// every language: names of formats and of the app, a file's extension.
var untranslatedAllowed = map[string]bool{"EDTF": true, "JSON": true, "CSV": true, "TimelineJS": true, "Chronoscope": true, ".db": true}

// TestStrings_Translated fails on a string literal with words in it that
// goes to a widget, a dialog or the status line without lang: a string
// the Spanish window would show in English.
func TestStrings_Translated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if shownBy[calleeName(n.Fun)] {
						checked++
						for _, arg := range n.Args {
							reportLiterals(t, fset, arg)
						}
					}
				case *ast.AssignStmt:
					for i, lhs := range n.Lhs {
						if sel, ok := lhs.(*ast.SelectorExpr); ok && shownFields[sel.Sel.Name] && i < len(n.Rhs) {
							checked++
							reportLiterals(t, fset, n.Rhs[i])
						}
					}
				case *ast.KeyValueExpr:
					if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Text" {
						checked++
						reportLiterals(t, fset, n.Value)
					}
				}
				return true
			})
		}
	}
	if checked < 100 {
		t.Fatalf("checked %d places that show strings: the parse is missing them", checked)
	}
}

// calleeName is the name of the function or method called.
func calleeName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	}
	return ""
}

// reportLiterals reports the string literals with a letter in e, except
// inside lang calls, which translate them.
func reportLiterals(tb testing.TB, fset *token.FileSet, e ast.Expr) {
	tb.Helper()
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "lang" {
					return false
				}
			}
		case *ast.BasicLit:
			if n.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err != nil || untranslatedAllowed[strings.Trim(s, " —·")] || !strings.ContainsFunc(s, unicode.IsLetter) {
				return true
			}
			tb.Errorf("%s: %q is shown untranslated: pass it through lang.L", fset.Position(n.Pos()), s)
		}
		return true
	})
}
