#!/usr/bin/env bash
# Makes the README's pictures: docs/screenshot-xvfb.png from the real window
# under Xvfb, driven with xdotool as a person would (Ctrl+F, type, Enter),
# and docs/screenshot-headless.png from `chronoscope screenshot`, which
# needs the display too: it draws with the desktop driver.
# Usage: scripts/screenshots.sh ./chronoscope
set -euo pipefail

bin=$(realpath "${1:?usage: $0 path/to/chronoscope}")
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
trap '[ -n "$app_pid" ] && kill $app_pid 2>/dev/null; [ -n "$xvfb_pid" ] && kill $xvfb_pid 2>/dev/null; rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" LANG=en_US.UTF-8 FYNE_THEME=light
corpus="$tmp/corpus.db"
query="expels"
event="monroy-persona-non-grata"

source scripts/xvfb.sh
start_xvfb 1400x900
"$bin" screenshot --corpus "$corpus" -o docs/screenshot-headless.png --size 1400x900 --query "$query" --select "$event"
"$bin" --corpus "$corpus" &
app_pid=$!
win=$(wait_window)
xdotool windowsize "$win" 1400 900 windowmove "$win" 0 0
sleep 2
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win"
xdotool key --window "$win" ctrl+f
xdotool type --delay 80 "$query"
sleep 1
xdotool key Return
sleep 2
import -window root docs/screenshot-xvfb.png
echo "wrote docs/screenshot-headless.png and docs/screenshot-xvfb.png"
