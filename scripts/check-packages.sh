#!/usr/bin/env bash
# Checks the installers scripts/package.sh builds, as a user would meet
# them. Usage: scripts/check-packages.sh [linux] [windows] [FILE...]
# FILE is a Linux .tar.xz or a Windows .exe; linux and windows name the
# packages of FyneApp.toml's version in dist/, and no argument both. A
# missing package fails.
#   tar.xz: lists the binary, the .desktop entry and the icon; the entry has
#     FyneApp.toml's name, our exec line, icon and categories and passes
#     desktop-file-validate; the icon is assets/icon.png; its Makefile's
#     make user-install and make install put them where they belong; the
#     installed binary says FyneApp.toml's version, checks the bundled corpus
#     it builds in Fyne's storage, and opens its window there under Xvfb,
#     with our icon.
#   .exe: a PE32+ GUI executable (subsystem WINDOWS_GUI) whose resources
#     hold our icon and a version resource with FyneApp.toml's name and
#     version.build.
# Prints a line a check and "packages: N passed, N failed"; exits 1 if any
# failed. Installs the Debian packages it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh file xz-utils make desktop-file-utils icoutils

toml_value() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *\$/\1/p" FyneApp.toml | head -1; }
name=$(toml_value Name)
id=$(toml_value ID)
version=$(toml_value Version)
build=$(toml_value Build)
exe=chronoscope
im=/usr/bin/convert # ImageMagick: /usr/local/bin may hold a stand-in

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(linux windows)
files=()
for a in "${args[@]}"; do
	case $a in
	linux) files+=("dist/$name-$version-linux-amd64.tar.xz") ;;
	windows) files+=("dist/$name-$version-windows-amd64.exe") ;;
	*) files+=("$a") ;;
	esac
done

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
	[ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
	[ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0
pass() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	local what=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then pass "$what"; else fail "$what: $(head -c 300 "$tmp/check.out")"; fi
}

# same_image A B: the two images differ by less than 2% RMSE.
same_image() {
	local rmse
	rmse=$("$im" "$1" "$2" -alpha on -compose difference -composite -colorspace gray -format '%[fx:sqrt(mean*mean+standard_deviation*standard_deviation)]' info: 2>&1) || return 1
	awk -v r="$rmse" 'BEGIN { exit !(r < 0.02) }' || { echo "RMSE $rmse"; return 1; }
}

check_desktop_entry() {
	local entry=$1 exec=$2 line
	for line in 'Type=Application' "Name=$name" "Exec=$exec" "Icon=$id" 'Categories=[A-Za-z]+;.*'; do
		grep -qxE "$line" "$entry" || { echo "no line $line in $(tr '\n' ' ' <"$entry")"; return 1; }
	done
	desktop-file-validate "$entry"
}

check_linux() {
	local tarball=$1 dir=$tmp/linux
	mkdir -p "$dir/x"
	if ! tar -tJf "$tarball" >"$dir/list" 2>"$dir/tar.err"; then
		fail "$tarball: not a tar.xz: $(head -c 300 "$dir/tar.err")"
		return
	fi
	local want missing=""
	for want in "$exe/Makefile" "$exe/usr/(local/)?bin/$exe" \
		"$exe/usr/(local/)?share/applications/$id\.desktop" "$exe/usr/(local/)?share/pixmaps/$id\.png"; do
		grep -qE "^$want\$" "$dir/list" || missing+=" $want"
	done
	if [ -n "$missing" ]; then
		fail "$tarball lacks:$missing"
		return
	fi
	pass "$tarball lists the Makefile, bin/$exe, applications/$id.desktop and pixmaps/$id.png"
	tar -xJf "$tarball" -C "$dir/x"
	local root=$dir/x/$exe
	local usr
	usr=$(dirname "$(dirname "$(find "$root/usr" -path "*/bin/$exe")")")

	check "the .desktop entry: Name=$name, Exec=$exe, Icon=$id, Categories; desktop-file-validate passes: $(grep Categories= "$usr/share/applications/$id.desktop")" \
		check_desktop_entry "$usr/share/applications/$id.desktop" "$exe"
	check "the icon is assets/icon.png ($(identify -format '%w×%h' "$usr/share/pixmaps/$id.png"))" \
		cmp "$usr/share/pixmaps/$id.png" assets/icon.png

	# The tarball's own Makefile, as its users run it.
	local home=$dir/home
	mkdir -p "$home"
	if HOME=$home make -C "$root" user-install >"$dir/make.out" 2>&1 &&
		[ -x "$home/.local/bin/$exe" ] && [ -f "$home/.local/share/icons/$id.png" ] &&
		check_desktop_entry "$home/.local/share/applications/$id.desktop" "$home/.local/bin/$exe" >/dev/null 2>&1; then
		pass "make user-install: ~/.local/bin/$exe, ~/.local/share/applications/$id.desktop (Exec=~/.local/bin/$exe), ~/.local/share/icons/$id.png"
	else
		fail "make user-install: $(tail -3 "$dir/make.out"); $(find "$home" -type f)"
	fi
	if make -C "$root" install DESTDIR="$dir/dest" PREFIX=/usr >"$dir/make.out" 2>&1 &&
		[ -x "$dir/dest/usr/bin/$exe" ] && [ -f "$dir/dest/usr/share/applications/$id.desktop" ] &&
		[ -f "$dir/dest/usr/share/pixmaps/$id.png" ]; then
		pass "make install DESTDIR=… PREFIX=/usr: bin/$exe, share/applications/$id.desktop, share/pixmaps/$id.png"
	else
		fail "make install: $(tail -3 "$dir/make.out")"
	fi

	local bin=$home/.local/bin/$exe
	[ -x "$bin" ] || bin=$usr/bin/$exe
	local got
	got=$("$bin" --version 2>&1) || true
	[ "$got" = "$name $version (build $build)" ] &&
		pass "the packaged binary says: $got" ||
		fail "the packaged binary says “$got”, FyneApp.toml $name $version (build $build)"
	if go version -m "$bin" 2>/dev/null | grep -q -- '-tags=release'; then
		pass "the packaged binary is a release build (go version -m: -tags=release,…)"
	else
		fail "the packaged binary is no release build: $(go version -m "$bin" 2>&1 | grep -E 'build\s+-tags' || echo 'no -tags')"
	fi

	# The bundled corpus, built in Fyne's storage of a new user.
	local config=$dir/config out
	if out=$(XDG_CONFIG_HOME=$config HOME=$home "$bin" check 2>&1) && [ -f "$config/fyne/$id/corpus.db" ]; then
		pass "the packaged binary builds the bundled corpus in Fyne's storage and checks it: $out"
	else
		fail "the packaged binary's check in Fyne's storage: $out"
	fi

	# The window, on a new user's storage: it builds the corpus where the
	# command line looks for it, and shows our icon.
	config=$dir/window-config
	source scripts/xvfb.sh
	start_xvfb 1280x800
	XDG_CONFIG_HOME=$config XDG_CACHE_HOME=$dir/cache HOME=$home "$bin" >"$dir/window.log" 2>&1 &
	app_pid=$!
	local win
	if win=$(wait_window) && [ -n "$win" ]; then
		pass "the packaged binary opens its window: $(xdotool getwindowname "$win")"
		check "the window built the user's corpus where the command line finds it ($config/fyne/$id/corpus.db)" \
			test -f "$config/fyne/$id/corpus.db"
		if xprop -len 4194304 -id "$win" -notype 32c _NET_WM_ICON >"$dir/icon.txt" 2>&1 &&
			icon_from_xprop "$dir/icon.txt" "$dir/window-icon.png" &&
			"$im" assets/icon.png -resize "$(identify -format '%wx%h!' "$dir/window-icon.png")" "$dir/ours.png" &&
			same_image "$dir/window-icon.png" "$dir/ours.png" >"$dir/same.out" 2>&1; then
			pass "the window's icon (_NET_WM_ICON, $(identify -format '%w×%h' "$dir/window-icon.png")) is ours"
		else
			fail "the window's icon: $(head -c 200 "$dir/icon.txt") $(cat "$dir/same.out" 2>/dev/null)"
		fi
	else
		fail "the packaged binary's window: $(tail -3 "$dir/window.log")"
	fi
	kill "$app_pid" 2>/dev/null || true
	wait "$app_pid" 2>/dev/null || true
	app_pid=""
	kill "$xvfb_pid" 2>/dev/null || true
	xvfb_pid=""
}

# icon_from_xprop TXT PNG: the first image of an _NET_WM_ICON property as
# xprop prints it (width, height, then a number a pixel, ARGB) into a PNG,
# by way of ImageMagick's text format.
icon_from_xprop() {
	tr -c '0-9\n' ' ' <"$1" | tr -s ' ' '\n' | grep . | awk '
		NR == 1 { w = $1; next }
		NR == 2 { h = $1; printf "# ImageMagick pixel enumeration: %d,%d,255,srgba\n", w, h; next }
		NR - 2 <= w * h {
			i = NR - 3; v = $1
			printf "%d,%d: (%d,%d,%d,%d)\n", i % w, int(i / w), int(v / 65536) % 256, int(v / 256) % 256, v % 256, int(v / 16777216) % 256
		}' >"$2.txt" && "$im" "txt:$2.txt" "$2"
}

check_windows() {
	local exe_file=$1 dir=$tmp/windows
	mkdir -p "$dir"
	local kind
	kind=$(file -b "$exe_file" 2>&1)
	# file says (GUI) for the subsystem WINDOWS_GUI, (console) otherwise.
	case $kind in
	"PE32+ executable (GUI) x86-64"*"for MS Windows"*) pass "$exe_file: $kind" ;;
	*)
		fail "$exe_file is no PE32+ GUI executable: $kind"
		return
		;;
	esac
	# Resource type 14 is a group icon, 16 a version.
	if wrestool -x --type=14 -o "$dir/icon.ico" "$exe_file" 2>"$dir/wrestool.err" && [ -s "$dir/icon.ico" ]; then
		local largest
		largest=$(identify -format '%w %p\n' "$dir/icon.ico" | sort -n | tail -1 | cut -d' ' -f2)
		"$im" "$dir/icon.ico[$largest]" "$dir/icon.png"
		local size
		size=$(identify -format '%wx%h' "$dir/icon.png")
		"$im" assets/icon.png -resize "$size!" "$dir/ours.png"
		check "its icon resource ($(identify -format '%w ' "$dir/icon.ico")px) is ours" same_image "$dir/icon.png" "$dir/ours.png"
	else
		fail "$exe_file has no icon resource: $(cat "$dir/wrestool.err")"
	fi
	if wrestool -x --raw --type=16 -o "$dir/version.res" "$exe_file" 2>"$dir/wrestool.err" && [ -s "$dir/version.res" ]; then
		# The strings of a version resource are UTF-16.
		strings -el "$dir/version.res" >"$dir/version.txt"
		# fyne package pads the version to three parts and adds the build.
		local combined
		combined=$(awk -F. -v b="$build" '{ v = $0; for (i = NF; i < 3; i++) v = v ".0"; print v "." b }' <<<"$version")
		if grep -qx "$name" "$dir/version.txt" && grep -qx "$combined" "$dir/version.txt"; then
			pass "its version resource says $name $combined"
		else
			fail "its version resource lacks $name or $combined: $(tr '\n' ' ' <"$dir/version.txt")"
		fi
	else
		fail "$exe_file has no version resource: $(cat "$dir/wrestool.err")"
	fi
}

for f in "${files[@]}"; do
	if [ ! -f "$f" ]; then
		fail "$f: no such package (scripts/package.sh builds it)"
		continue
	fi
	case $f in
	*.tar.xz) check_linux "$f" ;;
	*.exe) check_windows "$f" ;;
	*) fail "$f: neither a .tar.xz nor an .exe" ;;
	esac
done

echo "packages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
