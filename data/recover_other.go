//go:build !unix

package data

import "os"

// processAlive reports whether a process with this id is running: on
// Windows, FindProcess opens it, which fails once it has ended.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
