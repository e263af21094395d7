//go:build !unix

package data

import (
	"os"
	"path/filepath"
)

// writable reports whether the corpus at path can be written without
// writing anything to find out. Without access(2) it goes by the mode the
// system reports: on Windows, the file's read-only attribute. The directory
// must be a directory for the rollback journal to be created beside it.
func writable(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o200 == 0 {
		return false
	}
	dir, err := os.Stat(filepath.Dir(path))
	return err == nil && dir.IsDir() && dir.Mode().Perm()&0o200 != 0
}
