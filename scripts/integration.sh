#!/usr/bin/env bash
# Drives the real binary as a user or a script would: the command line on a
# fresh corpus, the corpus in the sqlite3 tool, a bad corpus file, and the
# real window under Xvfb. Usage: scripts/integration.sh ./chronoscope
set -euo pipefail

bin=$(realpath "${1:?usage: $0 path/to/chronoscope}")
tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" LANG=en_US.UTF-8
passed=0
failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

corpus="$tmp/new/corpus.db"
if "$bin" check --corpus "$corpus" >"$tmp/check.out" 2>&1; then
	pass "check builds and passes a new corpus: $(cat "$tmp/check.out")"
else
	fail "check on a new corpus: $(cat "$tmp/check.out")"
fi

if [ "$(sqlite3 "$corpus" 'PRAGMA integrity_check')" = ok ]; then
	pass "sqlite3 PRAGMA integrity_check says ok"
else
	fail "sqlite3 integrity_check"
fi
n=$(sqlite3 "$corpus" 'SELECT COUNT(*) FROM events')
[ "$n" -ge 20 ] && pass "sqlite3 reads $n events" || fail "sqlite3 reads $n events"

"$bin" search --corpus "$corpus" --json lopez >"$tmp/search.json"
if grep -q '"title": "López Obrador"' "$tmp/search.json"; then
	pass "search --json lopez finds López Obrador"
else
	fail "search lopez: $(head -c 400 "$tmp/search.json")"
fi

"$bin" export --corpus "$corpus" --format json -o "$tmp/export.json"
if grep -q '"date_basis": "relative"' "$tmp/export.json" && grep -q '"precision": "unknown"' "$tmp/export.json"; then
	pass "export writes relative and unknown dates"
else
	fail "export"
fi

# Every event has its date in EDTF, null only for the undated one; the corpus
# has spans and uncertain moments, and the stored shapes say so too.
sed -n '/^  "events": \[/,$p' "$tmp/export.json" >"$tmp/events.json"
events=$(grep -c '^      "id": ' "$tmp/events.json" || true)
edtfs=$(grep -c '^      "edtf": ' "$tmp/events.json" || true)
nulls=$(grep -c '^      "edtf": null' "$tmp/events.json" || true)
if [ "$events" -ge 20 ] && [ "$edtfs" -eq "$events" ] && [ "$nulls" -eq 1 ] &&
	grep -qF '"edtf": "2022-12-07/2022-12-21"' "$tmp/export.json" &&
	grep -qF '"edtf": "[2022-12-07..2022-12-21]"' "$tmp/export.json"; then
	pass "export gives edtf for each of $events events (one null), spans and uncertain moments among them"
else
	fail "export edtf: $edtfs edtf keys for $events events, $nulls null"
fi
spans=$(sqlite3 "$corpus" "SELECT COUNT(*) FROM events WHERE shape = 'span'")
moments=$(sqlite3 "$corpus" "SELECT COUNT(*) FROM events WHERE shape = 'moment' AND from_earliest <> from_latest")
if [ "$spans" -ge 3 ] && [ "$moments" -ge 3 ] && [ "$(sqlite3 "$corpus" 'PRAGMA user_version')" = 6 ]; then
	pass "sqlite3: schema version 5, $spans spans and $moments uncertain moments"
else
	fail "sqlite3: $spans spans, $moments uncertain moments, user_version $(sqlite3 "$corpus" 'PRAGMA user_version')"
fi

# A researcher's review from the command line: written in one go, on disk
# when the command returns (sqlite3 reads it), in the export, and refused
# whole for an unknown event, leaving the file as it was.
if "$bin" review castillo-removed --corpus "$corpus" --status needs-source --note "check the wire" \
	--tag succession >"$tmp/review.out" 2>&1 && grep -q "status: needs-source" "$tmp/review.out" &&
	[ "$(sqlite3 "$corpus" "SELECT status FROM user_reviews WHERE event_id = 'castillo-removed'")" = needs-source ] &&
	[ "$(sqlite3 "$corpus" "SELECT tag FROM user_tags WHERE target_id = 'castillo-removed'")" = succession ] &&
	[ "$(sqlite3 "$corpus" "SELECT body FROM user_notes WHERE target_id = 'castillo-removed'")" = "check the wire" ]; then
	pass "review writes status, note and tag, which sqlite3 reads back"
else
	fail "review: $(cat "$tmp/review.out")"
fi
"$bin" export --corpus "$corpus" --tag succession --status needs-source >"$tmp/review.json"
if [ "$(sed -n '/^  "events": \[/,$p' "$tmp/review.json" | grep -c '^      "id": ')" -eq 1 ] && grep -qF '"status": "needs-source"' "$tmp/review.json" &&
	grep -qF '"body": "check the wire"' "$tmp/review.json"; then
	pass "export --tag --status keeps the one reviewed event, with its review"
else
	fail "export --tag --status: $(head -c 400 "$tmp/review.json")"
fi
cp "$corpus" "$tmp/before-review.db"
if "$bin" review no-such-event --corpus "$corpus" --status verified >"$tmp/noevent.out" 2>"$tmp/noevent.err"; then
	fail "review of an unknown event succeeded"
elif [ "$(wc -l <"$tmp/noevent.err")" -eq 1 ] && grep -qF '"no-such-event"' "$tmp/noevent.err" && cmp -s "$corpus" "$tmp/before-review.db"; then
	pass "review of an unknown event: one line naming it, the file untouched: $(cat "$tmp/noevent.err")"
else
	fail "review of an unknown event: $(cat "$tmp/noevent.err")"
fi

printf 'not a database' >"$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.copy"
if "$bin" check --corpus "$tmp/bad.db" >"$tmp/bad.out" 2>"$tmp/bad.err"; then
	fail "check accepted a text file"
elif [ "$(wc -l <"$tmp/bad.err")" -eq 1 ] && grep -qF "$tmp/bad.db is not a Chronoscope corpus: it is not a SQLite database" "$tmp/bad.err" && cmp -s "$tmp/bad.db" "$tmp/bad.copy"; then
	pass "a non-corpus file gets one line naming it, and is untouched: $(cat "$tmp/bad.err")"
else
	fail "bad corpus: $(cat "$tmp/bad.err")"
fi

# A damaged corpus (a page zeroed) is called damaged, in one line, and left alone.
cp "$corpus" "$tmp/damaged.db"
dd if=/dev/zero of="$tmp/damaged.db" bs=4096 seek=10 count=1 conv=notrunc status=none
cp "$tmp/damaged.db" "$tmp/damaged.copy"
if "$bin" search --corpus "$tmp/damaged.db" peru >"$tmp/damaged.out" 2>"$tmp/damaged.err"; then
	fail "search accepted a damaged corpus"
elif [ "$(wc -l <"$tmp/damaged.err")" -eq 1 ] && grep -qF "$tmp/damaged.db is damaged: " "$tmp/damaged.err" && cmp -s "$tmp/damaged.db" "$tmp/damaged.copy"; then
	pass "a damaged corpus is called damaged in one line, and is untouched: $(cat "$tmp/damaged.err")"
else
	fail "damaged corpus: $(cat "$tmp/damaged.err")"
fi

# search prints one line a hit, no wider than its columns, and --limit
# bounds them all; mistakes are one-line usage errors with exit status 2.
"$bin" search --corpus "$corpus" --limit 3 castillo >"$tmp/search.txt"
if [ "$(grep -cE '^(event|actor|place|document) ' "$tmp/search.txt")" -eq 3 ] && [ "$(wc -L <"$tmp/search.txt")" -le 126 ]; then
	pass "search --limit 3 castillo prints 3 one-line hits"
else
	fail "search --limit 3 castillo: $(cat "$tmp/search.txt")"
fi
usage_error() {
	local code=0
	"$bin" search --corpus "$corpus" "$@" >"$tmp/usage.out" 2>"$tmp/usage.err" || code=$?
	if [ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/usage.err")" -eq 1 ] && [ ! -s "$tmp/usage.out" ]; then
		pass "search $*: exit 2 and one line: $(cat "$tmp/usage.err")"
	else
		fail "search $*: exit $code: $(cat "$tmp/usage.out" "$tmp/usage.err")"
	fi
}
usage_error --limit abc castillo
usage_error ''
usage_error '   '
if "$bin" --help >"$tmp/help.out" 2>&1 && grep -q -- '--dark' "$tmp/help.out" && grep -q -- '--limit' "$tmp/help.out"; then
	pass "chronoscope --help lists every flag, --dark among them"
else
	fail "chronoscope --help: $(cat "$tmp/help.out")"
fi

# What users run links no test library (Fyne's test package pulls in testify).
if testlibs=$(go version -m "$bin" | grep -E 'testify|go-spew|go-difflib'); then
	fail "the binary links test libraries: $(echo $testlibs)"
else
	pass "go version -m lists no testify, go-spew or go-difflib"
fi
if go tool nm "$bin" | grep -qE ' [Tt] (testing|fyne\.io/fyne/v2/test)\.'; then
	fail "the binary holds Go's testing package or Fyne's test package"
else
	pass "no code of Go's testing package or Fyne's test package in the binary"
fi

# With no display, screenshot says so in one line instead of panicking.
if env -u DISPLAY -u WAYLAND_DISPLAY "$bin" screenshot --corpus "$corpus" -o "$tmp/none.png" >"$tmp/nodisplay.out" 2>"$tmp/nodisplay.err"; then
	fail "screenshot succeeded with no display"
elif [ "$(wc -l <"$tmp/nodisplay.err")" -eq 1 ] && grep -q "needs a display" "$tmp/nodisplay.err" && [ ! -e "$tmp/none.png" ]; then
	pass "with no display, screenshot fails in one line: $(cat "$tmp/nodisplay.err")"
else
	fail "screenshot with no display: $(head -c 400 "$tmp/nodisplay.err")"
fi

# The real window, with Mesa's software GL under Xvfb.
source "$(dirname "$0")/xvfb.sh"
start_xvfb 1400x900

# screenshot draws the window with the desktop driver, so it needs the display.
if timeout 120 "$bin" screenshot --corpus "$corpus" -o "$tmp/shot.png" --size 1280x820 --query castillo --select castillo-removed 2>"$tmp/shot.err"; then
	size=$(identify -format '%w×%h' "$tmp/shot.png")
	colours=$(convert "$tmp/shot.png" -format '%k' info:)
	if [ "$size" = "1280×820" ] && [ "$colours" -gt 200 ]; then
		pass "screenshot renders $size under Xvfb ($colours colours)"
	else
		fail "screenshot is $size with $colours colours"
	fi
	if tesseract "$tmp/shot.png" - 2>/dev/null | grep -q "Castillo"; then
		pass "tesseract reads “Castillo” in the screenshot"
	else
		fail "tesseract finds no “Castillo” in the screenshot"
	fi
else
	fail "screenshot under Xvfb: $(tail -3 "$tmp/shot.err")"
fi
# --from and --to take EDTF as well as days.
if timeout 120 "$bin" screenshot --corpus "$corpus" -o "$tmp/edtf.png" --size 1280x820 \
	--from 2022-11/2022-12-14 --to '[2022-12-20..2022-12-21]' 2>"$tmp/edtf.err" &&
	[ "$(identify -format '%w×%h' "$tmp/edtf.png")" = "1280×820" ]; then
	pass "screenshot --from 2022-11/2022-12-14 --to [2022-12-20..2022-12-21] renders"
else
	fail "screenshot with EDTF dates: $(tail -3 "$tmp/edtf.err")"
fi
code=0
"$bin" screenshot --corpus "$corpus" -o "$tmp/bad-date.png" --from 2022~ --to 2023 >/dev/null 2>"$tmp/bad-date.err" || code=$?
if [ "$code" -eq 2 ] && [ "$(wc -l <"$tmp/bad-date.err")" -eq 1 ] && [ ! -e "$tmp/bad-date.png" ]; then
	pass "screenshot --from 2022~: exit 2 and one line: $(cat "$tmp/bad-date.err")"
else
	fail "screenshot --from 2022~: exit $code: $(cat "$tmp/bad-date.err")"
fi
# The window's PNG export, from the command line.
if timeout 120 "$bin" export --corpus "$corpus" --format png -o "$tmp/export.png" 2>"$tmp/export-png.err" &&
	[ "$(identify -format '%w×%h' "$tmp/export.png")" = "1280×820" ]; then
	pass "export --format png draws the timeline view (1280×820)"
else
	fail "export --format png: $(tail -3 "$tmp/export-png.err")"
fi
"$bin" --corpus "$corpus" >"$tmp/app.log" 2>&1 &
app_pid=$!
if win=$(wait_window) && [ -n "$win" ]; then
	pass "the real window opens: $(xdotool getwindowname "$win")"
	xdotool windowsize "$win" 1400 900 windowmove "$win" 0 0 || true
	sleep 3
	xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
	xdotool key --window "$win" ctrl+f
	xdotool type --delay 60 "castillo"
	sleep 2
	import -window root "$tmp/xvfb.png"
	colours=$(convert "$tmp/xvfb.png" -format '%k' info:)
	if [ "$colours" -gt 50 ]; then
		pass "the real window draws ($colours colours on screen)"
	else
		fail "the real window looks blank ($colours colours)"
	fi
else
	fail "no window appeared: $(tail -5 "$tmp/app.log")"
fi
if kill -0 "$app_pid" 2>/dev/null; then
	pass "the app is still running after typing"
else
	fail "the app exited: $(tail -5 "$tmp/app.log")"
fi
# Ctrl+Q closes the window and saves the whole layout as it goes.
layout="$XDG_CONFIG_HOME/fyne/org.chronoscope.app/window.json"
xdotool key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then
	fail "Ctrl+Q left the app running"
	kill "$app_pid"
elif grep -q '"Width": 1400' "$layout" 2>/dev/null && grep -q '"Height": 900' "$layout" && grep -q '"From": "[0-9][0-9T:.+Z-]*"' "$layout"; then
	pass "Ctrl+Q quits and saves the layout: $(tr -d '\n\t' <"$layout")"
else
	fail "Ctrl+Q saved no whole layout: $(cat "$layout" 2>/dev/null)"
fi
wait "$app_pid" 2>/dev/null || true
app_pid=""

# A corpus made from other sources opens in the window as it is: the bundled
# sources never overwrite it.
"$bin" generate --events 1000 -o "$tmp/synth.db" >/dev/null
cp "$tmp/synth.db" "$tmp/synth.copy"
"$bin" --corpus "$tmp/synth.db" >"$tmp/synth.log" 2>&1 &
app_pid=$!
if win=$(wait_window) && [ -n "$win" ]; then
	sleep 2
	xdotool key --window "$win" ctrl+q 2>/dev/null || true
fi
for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=""
n=$(sqlite3 "$tmp/synth.db" 'SELECT COUNT(*) FROM events')
if [ "$n" -eq 1000 ] && cmp -s "$tmp/synth.db" "$tmp/synth.copy"; then
	pass "a synthetic corpus of 1000 events opens in the window and is left as it was"
else
	fail "the window changed a synthetic corpus: $n events; $(tail -3 "$tmp/synth.log")"
fi

echo "integration: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
