//go:build unix

package data

import (
	"path/filepath"

	"golang.org/x/sys/unix"
)

// writable reports whether the corpus at path can be written without
// writing anything to find out: the file must be writable, and so must its
// directory, where the rollback journal is created beside the corpus.
// access(2) answers from permissions and read-only mounts alike.
func writable(path string) bool {
	return unix.Access(path, unix.W_OK) == nil &&
		unix.Access(filepath.Dir(path), unix.W_OK|unix.X_OK) == nil
}
