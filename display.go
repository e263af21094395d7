//go:build !ci

package main

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/go-gl/glfw/v3.3/glfw"
)

// errNoDisplay says what to do on a machine with no display.
var errNoDisplay = errors.New("needs a display (X11 or Wayland); on a headless machine run it under xvfb-run")

// needDisplay fails in one line where Fyne's desktop driver would log
// GLFW's error and then panic on its first call. It starts GLFW on the main
// goroutine, as GLFW requires; Fyne's own start then finds it ready.
func needDisplay() (err error) {
	// go-gl logs most failures to start and carries on; the next call
	// then panics on the uninitialised library.
	var cause bytes.Buffer
	out, flags := log.Writer(), log.Flags()
	log.SetOutput(&cause)
	log.SetFlags(0)
	defer func() {
		log.SetOutput(out)
		log.SetFlags(flags)
		if r := recover(); r != nil {
			msg := strings.TrimSpace(cause.String())
			if msg == "" {
				msg = fmt.Sprint(r)
			}
			err = fmt.Errorf("%w (%s)", errNoDisplay, msg)
		}
	}()
	if err := glfw.Init(); err != nil {
		return fmt.Errorf("%w (%v)", errNoDisplay, err)
	}
	glfw.GetPrimaryMonitor()
	return nil
}
