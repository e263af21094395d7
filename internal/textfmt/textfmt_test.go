package textfmt

import (
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
