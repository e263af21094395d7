package data_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"chronoscope/assets"
	"chronoscope/data"
)

// TestLoadSource_Dates breaks the dates of a copy of the bundled sources as
// an author might and checks that each is refused with the file, the event
// and what is wrong.
func TestLoadSource_Dates(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"impossible day", `date = "2022-12-20"`, `date = "2022-02-30"`,
			`events.toml: event "monroy-persona-non-grata": date: EDTF date "2022-02-30": date "2022-02-30": February has no day 30`},
		{"not as export writes it", `date = "2021-09"`, `date = "[2021-09-01..2021-09-30]"`,
			`events.toml: event "celac-summit-castillo-visit": date "[2021-09-01..2021-09-30]": write it as "2021-09"`},
		{"span ends before it starts", `date = "2022-12-07/2022-12-21"`, `date = "2022-12-21/2022-12-07"`,
			`events.toml: event "protests-after-ouster": date: EDTF date "2022-12-21/2022-12-07": ends (2022-12-07) before it starts (2022-12-21)`},
		{"span end of two days", `date = "2022-12-07/2022-12-21"`, `date = "2022-12-07/[2022-12-20..2022-12-21]"`,
			`events.toml: event "protests-after-ouster": date: EDTF date "2022-12-07/[2022-12-20..2022-12-21]": end: "[2022-12-20..2022-12-21]": want YYYY, YYYY-MM or YYYY-MM-DD`},
		{"qualifier", `date = "2022-11"`, `date = "2022-11~"`,
			`events.toml: event "pacific-alliance-summit-blocked": date: EDTF date "2022-11~": qualifiers`},
		{"relative phrase gives other days", `date = "2021-12-06/2021-12-12"`, `date = "2021-12-06/2021-12-11"`,
			`events.toml: event "treasury-mission-lima": phrase "last week" against mexico-mission-lima resolves to 2021-12-06..2021-12-12, which is not the date 2021-12-06/2021-12-11 nor either end of it`},
		{"stated phrase gives other days", `date = "2022-11/2022-12-14"`, `date = "2022-11/2022-12-15"`,
			`events.toml: event "pacific-alliance-summit-rescheduled": phrase "Dec. 14, 2022" resolves to 2022-12-14..2022-12-14, which is not the date 2022-11/2022-12-15 nor either end of it`},
		{"undated with a date", `basis = "unknown"`, "basis = \"unknown\"\ndate = \"2023\"",
			`events.toml: event "peru-severs-ties": basis unknown: leave date out`},
		{"the old keys", `date = "2022-12-06"`, "start = \"2022-12-06\"\nend = \"2022-12-06\"\nprecision = \"day\"",
			`events.toml: unknown key "event.start": an event's date is one key now, date = "<EDTF>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, assets.Corpus()); err != nil {
				t.Fatal(err)
			}
			events := filepath.Join(dir, "events.toml")
			b, err := os.ReadFile(events)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tt.old) {
				t.Fatalf("the sources have no %s", tt.old)
			}
			broken := strings.Replace(string(b), tt.old, tt.new, 1)
			if err := os.WriteFile(events, []byte(broken), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = data.LoadSource(os.DirFS(dir))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("LoadSource: %v\nwant an error containing %s", err, tt.want)
			}
		})
	}
}
