package app

import "chronoscope/data"

// datingText says when an event happened as a person would, telling a
// moment on one of several days from a span lasting over them: "7 Dec
// 2022", "Sometime in 7–21 Dec 2022", "Sep 2021", "From 7 to 21 Dec 2022",
// "From 10 Dec 2022 to sometime in 20–27 Dec 2022", "Until 17 Feb 2023",
// "From 18 Dec 2022, end unknown", or "Undated". An event dated before
// shapes were (Shape "") reads as a moment within its Date. The timeline's
// tooltip, the detail pane and the exports all say it this way, through
// data.DatingText.
func datingText(e data.EventSummary) string { return data.DatingText(e) }
