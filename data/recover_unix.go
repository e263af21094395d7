//go:build unix

package data

import (
	"errors"

	"golang.org/x/sys/unix"
)

// processAlive reports whether a process with this id is running. Signal 0
// checks without sending anything; EPERM means it runs as another user.
func processAlive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || errors.Is(err, unix.EPERM)
}
