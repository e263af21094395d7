#!/usr/bin/env bash
# Installs the Debian packages Chronoscope needs that this machine lacks:
# a C compiler and the GL/X11 headers for Fyne's cgo build, and Xvfb with
# ImageMagick, xdotool and tesseract for the real-window test and the
# screenshot. Installs nothing when all are present, so it is cheap to run
# before every build. Packages named as arguments are installed too
# (scripts/bench.sh adds fzf and time).
set -euo pipefail

packages=(
	gcc libc6-dev pkg-config
	libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
	xvfb xauth x11-utils imagemagick xdotool sqlite3 tesseract-ocr tesseract-ocr-eng
	"$@"
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
