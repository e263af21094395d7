package app

// The lanes' names, in the window's language, apart from the timeline's
// model, which must not import Fyne. The groups of actors are the app's
// own, so their names are translated; categories are the corpus's words
// and are shown as the corpus spells them.

import (
	"fyne.io/fyne/v2/lang"

	"chronoscope/data"
)

// name is the name of the lane in the window's language.
func (g groupLane) name() string { return laneGroupName(g.key) }

// laneGroupName is the name of the lane of a group of actors, in the
// window's language: the groups are the app's, not the corpus's words.
func laneGroupName(key string) string {
	switch key {
	case data.GroupMexico:
		return lang.L("Mexico")
	case data.GroupPeru:
		return lang.L("Peru")
	case data.GroupUnitedStates:
		return lang.L("United States")
	case data.GroupRegional:
		return lang.L("Regional")
	case data.GroupOther:
		return lang.X("lane.other", "Other") // go-i18n reserves the key "other"
	}
	return key
}

// uncategorised names the lane of events without a category.
func uncategorised() string { return lang.L("Uncategorised") }
