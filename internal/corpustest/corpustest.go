// Package corpustest holds helpers the tests of several packages share.
// Only tests import it, so it is never linked into the app.
package corpustest

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// WithZeroedRoot copies the corpus at path with the root page of table
// zeroed, as a disk that lost one page would leave it, and returns the
// copy's path.
func WithZeroedRoot(tb testing.TB, path, table string) string {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var root, size int64
	if err := db.QueryRow(`SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = ?`,
		table).Scan(&root, &size); err != nil {
		tb.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	clear(b[(root-1)*size : root*size])
	out := filepath.Join(tb.TempDir(), "damaged-"+table+".db")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		tb.Fatal(err)
	}
	return out
}
