package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// helpDismissedPref says the first run's line of help was closed, and is
// not to be shown again.
const helpDismissedPref = "helpLineDismissed"

// addHelpLine shows, under the search field, one line of help with a
// button that closes it for good; nothing once it has been closed. p is
// where that is remembered, nil for nowhere (screenshots).
func (v *mainView) addHelpLine(p fyne.Preferences) {
	if p != nil && p.Bool(helpDismissedPref) {
		return
	}
	text := widget.NewLabel(lang.L("Type to search, scroll to zoom, drag to pan, select a passage to make an event."))
	text.Truncation = fyne.TextTruncateEllipsis
	var line *fyne.Container
	closeButton := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		if p != nil {
			p.SetBool(helpDismissedPref, true)
		}
		v.top.Remove(line)
		v.content.Refresh()
	})
	closeButton.Importance = widget.LowImportance
	line = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), closeButton, text)
	v.helpLine = line
	v.top.Add(line)
}
