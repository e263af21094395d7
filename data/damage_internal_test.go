package data

import "testing"

// TestReadFinding checks that what SQLite reports of a damaged file is put
// in words, with the page and the tree it names.
func TestReadFinding(t *testing.T) {
	roots := map[int]string{4: "documents", 9: "events"}
	for _, tt := range []struct{ report, want string }{
		{"*** in database main ***\nTree 4 page 58: btreeInitPage() returns error code 11",
			"page 58 of the file (table documents): it is not a valid page of its table"},
		{"*** in database main ***\nTree 4 page 52 cell 0: overflow list length is 1 but should be 2",
			"page 52 of the file (table documents): overflow list length is 1 but should be 2"},
		{"Tree 9 page 12 cell 3: invalid page number 300", "page 12 of the file (table events): it points to page 300, which is not in the file"},
		{"Page 48: never used", "page 48 of the file: it belongs to no table and is not on the list of free pages"},
		{"2nd reference to page 61", "page 61 of the file: it is used twice"},
		{"row 7 missing from index evidence_by_event", "index evidence_by_event lacks row 7 of its table"},
		{"malformed inverted index for FTS5 table main.text_index", "the documents' full-text index (text_index) does not match the text it indexes"},
		{"stepping, database disk image is malformed: vtable constructor failed: event_text (11)", "the events' full-text index (event_text) cannot be read"},
		{"in prepare, database disk image is malformed (11)", "its structure is broken where it was read (SQLite: database disk image is malformed)"},
	} {
		f := firstFinding(tt.report)
		table := roots[f.page]
		if table == "" {
			table = roots[f.tree]
		}
		if got := f.String(table); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.report, got, tt.want)
		}
	}
}
