// Package app is Chronoscope's window: the timeline, search and detail pane,
// reading the corpus through the Corpus interface and never writing SQL.
//
// window.go builds the main view and ties its parts together; results.go
// and detail.go are the results list and the detail pane; background.go runs
// queries off the UI thread and hands their results back through fyne.Do;
// screenshot.go renders the window to an image; pointer_*.go tells when
// the pointer leaves a window, which Fyne's driver does not. The timeline
// widget is spread over timeline*.go, one concern a file; timeline.go says
// which and how one frame is drawn.
package app
