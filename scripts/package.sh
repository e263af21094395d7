#!/usr/bin/env bash
# Builds Chronoscope's installers with `fyne package` (fyne.io/tools,
# pinned below) into dist/, named by FyneApp.toml's version:
#   dist/Chronoscope-VERSION-linux-amd64.tar.xz   binary, .desktop entry,
#       icon and a Makefile (make install / make user-install)
#   dist/Chronoscope-VERSION-windows-amd64.exe    GUI executable with the
#       icon and version in its resources, cross-compiled with MinGW-w64
# Usage: scripts/package.sh [linux] [windows]   (default: both)
# Installs the Debian packages it lacks first. The first package builds
# Fyne's cgo parts again (release builds are -trimpath): minutes.
# See docs/PACKAGING.md; scripts/check-packages.sh checks the results.
set -euo pipefail
cd "$(dirname "$0")/.."

fyne_tools=fyne.io/tools/cmd/fyne@v1.7.4

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows)
deps=(xz-utils)
for t in "${targets[@]}"; do
	case $t in
	linux) ;;
	windows) deps+=(gcc-mingw-w64-x86-64) ;;
	*) echo "usage: scripts/package.sh [linux] [windows]" >&2; exit 2 ;;
	esac
done
scripts/install-deps.sh "${deps[@]}"

version=$(sed -n 's/^ *Version *= *"\(.*\)" *$/\1/p' FyneApp.toml)
[ -n "$version" ] || { echo "package: no Version in FyneApp.toml" >&2; exit 1; }

# The tool is built once, apart: run with CC set for MinGW, `go run` would
# build it with that compiler too.
tools=dist/tools
GOBIN=$PWD/$tools go install "$fyne_tools"
fyne=$tools/fyne

# fyne package raises Build in FyneApp.toml after each package, rewriting
# the file: the build number is raised by hand for a release, so the file
# is put back. It also builds its binary where `make build` leaves ours,
# and deletes it: that is put back too.
keep=$(mktemp -d)
cp FyneApp.toml "$keep/"
[ ! -e chronoscope ] || mv chronoscope "$keep/"
restore() {
	cp "$keep/FyneApp.toml" FyneApp.toml
	[ ! -e "$keep/chronoscope" ] || mv "$keep/chronoscope" chronoscope
	rm -rf "$keep"
}
trap restore EXIT

mkdir -p dist
for t in "${targets[@]}"; do
	start=$SECONDS
	case $t in
	linux)
		out=dist/Chronoscope-$version-linux-amd64.tar.xz
		"$fyne" package -os linux -release
		mv Chronoscope.tar.xz "$out"
		;;
	windows)
		out=dist/Chronoscope-$version-windows-amd64.exe
		CC=x86_64-w64-mingw32-gcc "$fyne" package -os windows -release
		mv Chronoscope.exe "$out"
		;;
	esac
	cp "$keep/FyneApp.toml" FyneApp.toml
	echo "package: $out ($((SECONDS - start)) s)"
done
