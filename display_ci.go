//go:build ci

package main

// needDisplay: Fyne's headless driver, which -tags ci selects, needs none.
func needDisplay() error { return nil }
