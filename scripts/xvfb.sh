# Sourced by the scripts that open the real window: starts Xvfb on a free
# display, and finds the app's window. The caller kills $xvfb_pid.

# start_xvfb WIDTHxHEIGHT: starts Xvfb and exports DISPLAY.
start_xvfb() {
	local n
	for n in $(seq 90 140); do
		[ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || break
	done
	Xvfb ":$n" -screen 0 "${1}x24" -nolisten tcp >/dev/null 2>&1 &
	xvfb_pid=$!
	export DISPLAY=":$n"
	for _ in $(seq 100); do
		xdpyinfo >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	echo "Xvfb did not start on $DISPLAY" >&2
	return 1
}

# wait_window: prints the id of Chronoscope's window once it is mapped.
wait_window() {
	timeout 90 xdotool search --sync --onlyvisible --name '^Chronoscope' 2>/dev/null | head -1
}
