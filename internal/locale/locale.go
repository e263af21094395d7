// Package locale replaces the C and POSIX locales in the environment with
// en_US.UTF-8 before Fyne's lang package reads them. Fyne cannot parse "C"
// (Debian's default is C.UTF-8) and logs three lines of errors on every
// start, which garble the command line's one-line error messages. Go
// initialises packages in import-path order once their imports are ready,
// so this package, which needs only os and strings, runs before fyne.io/….
// main imports it for that side effect alone.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if isPlainC(os.Getenv(name)) && os.Getenv(name) != "" {
			os.Setenv(name, "en_US.UTF-8")
		}
	}
	if os.Getenv("LANG") == "" && os.Getenv("LC_ALL") == "" && os.Getenv("LC_MESSAGES") == "" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
}

func isPlainC(v string) bool {
	base, _, _ := strings.Cut(v, ".")
	return base == "C" || base == "POSIX" || base == ""
}
