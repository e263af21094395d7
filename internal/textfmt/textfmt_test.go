package textfmt

import (
	"reflect"
	"slices"
	"testing"
)

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"Lima", 10, "Lima"},
		{"Lima", 4, "Lima"},
		{"Perú rompe relaciones", 10, "Perú…"},
		{"Castillo, who is arrested", 10, "Castillo…"},
		{"Ñandúesmuylargo", 6, "Ñandú…"},
		{"replaced with Boluarte … and more words", 26, "replaced with Boluarte…"},
	} {
		if got := Clip(tc.s, tc.n); got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := Truncate("Ramírez", 5); got != "Ramír" {
		t.Errorf("Truncate = %q", got)
	}
	if got := Truncate("abc", 9); got != "abc" {
		t.Errorf("Truncate = %q", got)
	}
}

func TestSplit(t *testing.T) {
	got := Split("López Obrador", [][2]int{{0, 5}, {3, 4}, {6, 7}, {12, 20}})
	want := []Piece{{"López", true}, {" ", false}, {"O", true}, {"brador", false}}
	if !slices.Equal(got, want) {
		t.Errorf("Split = %+v, want %+v", got, want)
	}
}

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 events", 1: "1 event", 2: "2 events", 12345: "12,345 events"} {
		if got := Count(n, "event"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct {
		in     string
		ranges [][2]int
		want   string
		wantR  [][2]int
	}{
		{"plain", nil, "plain", [][2]int{}},
		{"After Pedro\nCastillo  was", [][2]int{{6, 11}, {12, 20}}, "After Pedro Castillo was", [][2]int{{6, 11}, {12, 20}}},
		{"\n  a\t\tb \n", [][2]int{{3, 4}, {6, 7}}, "a b", [][2]int{{0, 1}, {2, 3}}},
		{"López\n\nObrador", [][2]int{{7, 14}}, "López Obrador", [][2]int{{6, 13}}},
		{"x", [][2]int{{0, 5}}, "x", [][2]int{}},
	}
	for _, tt := range tests {
		got, gotR := OneLine(tt.in, tt.ranges)
		if got != tt.want || !reflect.DeepEqual(gotR, tt.wantR) {
			t.Errorf("OneLine(%q, %v) = %q, %v; want %q, %v", tt.in, tt.ranges, got, gotR, tt.want, tt.wantR)
		}
	}
}

func TestFromMatch(t *testing.T) {
	tests := []struct {
		in     string
		ranges [][2]int
		lead   int
		want   string
	}{
		{"a coup", [][2]int{{2, 6}}, 10, "a coup"},
		{"The wire report calls it an impeachment; others call it a coup", [][2]int{{59, 63}}, 20, "…others call it a coup"},
		{"imprisoning him. … After Pedro Castillo dissolved", [][2]int{{25, 30}}, 8, "…After Pedro Castillo dissolved"},
		{"Supercalifragilistic coup", [][2]int{{21, 25}}, 5, "…coup"},
		{"anticonstitutionally", [][2]int{{16, 20}}, 5, "…utionally"},
	}
	for _, tt := range tests {
		got, ranges := FromMatch(tt.in, tt.ranges, tt.lead)
		if got != tt.want {
			t.Errorf("FromMatch(%q, %d) = %q, want %q", tt.in, tt.lead, got, tt.want)
			continue
		}
		m := string([]rune(got)[ranges[0][0]:ranges[0][1]])
		if w := string([]rune(tt.in)[tt.ranges[0][0]:tt.ranges[0][1]]); m != w {
			t.Errorf("FromMatch(%q): range now marks %q, want %q", tt.in, m, w)
		}
	}
}
