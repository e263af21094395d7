#!/usr/bin/env bash
# Renders assets/icon.png (512×512, what FyneApp.toml and the binary use)
# from assets/icon.svg, and with --preview also the icon at 32 and 16 px,
# as a desktop shows it, into the folder given (default /tmp/chronoscope-icon)
# to look at before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh librsvg2-bin
rsvg-convert -w 512 -h 512 assets/icon.svg -o assets/icon.png
[ "${1:-}" = --preview ] || exit 0
out=${2:-/tmp/chronoscope-icon}
mkdir -p "$out"
# ImageMagick 6's binary: /usr/local/bin may hold a stand-in named convert.
im=/usr/bin/convert
for n in 32 16; do
	"$im" assets/icon.png -resize "${n}x$n" "$out/icon-$n.png"
	"$im" "$out/icon-$n.png" -filter point -resize 256x256 "$out/icon-$n-magnified.png"
done
echo "wrote $out/icon-{32,16}.png and their 256 px magnifications"
