#!/usr/bin/env bash
# Measures the limits of issue #13 on the real binary: the time and peak
# memory (/usr/bin/time -v) of importing a 50 MB file (refused), a
# million-line file, 19 MB with a date on every line, a 10,000-slide
# TimelineJS file, and of a search for 10,000 characters. The tests that
# check each works or is refused are data/limits_test.go and
# app/keystrokes_test.go; this prints the figures for docs/RELIABILITY.md.
#
#   scripts/limits.sh [BINARY]      (default ./chronoscope)
set -euo pipefail
bin=$(realpath "${1:-./chronoscope}")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
export XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"

python3 - <<'PY'
import json
words = "the council of Lima said on Tuesday that Mexico and Peru had agreed to talk again about asylum".split()
line = " ".join(words) + ".\n"
with open("big-50mb.txt", "w") as f:
    f.write(line * (50 * 2**20 // len(line) + 1))
with open("million-lines.txt", "w") as f:
    f.write("A million lines\n\nLima, December 21, 2022.\n")
    for i in range(1_000_000):
        f.write("%s %d %s.\n" % (words[i % len(words)], i, words[(i * 7) % len(words)]))
dated = " ".join(words) + " on December 7, 2022.\n"
with open("dates-19mb.txt", "w") as f:
    f.write("Nineteen megabytes of dates\n\n" + dated * (19 * 2**20 // len(dated)))
events = [{"start_date": {"year": 2000 + i % 24, "month": 1 + i % 12, "day": 1 + i % 28},
           "text": {"headline": "Event %d" % i, "text": "<p>Something happened, number %d.</p>" % i},
           "group": "G%d" % (i % 5)} for i in range(10_000)]
json.dump({"title": {"text": {"headline": "Ten thousand"}}, "events": events}, open("timeline-10k.json", "w"))
PY

"$bin" import --corpus base.db /dev/null >/dev/null 2>&1 || true # the bundled corpus built
[ -f base.db ] || { echo "no corpus made" >&2; exit 1; }

measure() { # NAME COMMAND...
	local name=$1
	shift
	local out rc=0
	out=$( { /usr/bin/time -v "$@" >/dev/null 2>stderr.txt; } 2>&1 ) || rc=$?
	out=$(cat stderr.txt)
	printf '%-34s %8s s %8s MB  exit %s  %s\n' "$name" \
		"$(grep 'Elapsed (wall' <<<"$out" | awk '{print $NF}')" \
		"$(( $(grep 'Maximum resident' <<<"$out" | awk '{print $NF}') / 1024 ))" \
		"$(grep 'Exit status' <<<"$out" | awk '{print $NF}')" \
		"$(grep -m1 'refused:' <<<"$out" | sed 's/^chronoscope: //' || true)"
}

printf '%-34s %10s %11s\n' INPUT "TIME (m:ss)" "PEAK RSS"
for f in big-50mb.txt million-lines.txt dates-19mb.txt timeline-10k.json; do
	cp base.db "$f.db"
	measure "import $f ($(( $(stat -c %s "$f") >> 20 )) MB)" "$bin" import --corpus "$f.db" "$f"
done
measure "search, 10,000 characters" "$bin" search --corpus million-lines.txt.db "$(python3 -c 'print(("castillo lopez obrador peru " * 400)[:10000])')"
measure "check after the million lines" "$bin" check --corpus million-lines.txt.db
measure "export json, 10,000 events" "$bin" export --corpus timeline-10k.json.db --format json -o out.json
