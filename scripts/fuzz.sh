#!/usr/bin/env bash
# Runs every fuzz target (go test -fuzz) for DURATION each (default 5m, the
# documented run), one after another, and prints per target the executions
# and the crashers found. A crasher is left where Go writes it,
# PACKAGE/testdata/fuzz/FuzzXxx/, which plain `go test` then runs as a
# regression case: fix it, and commit it. Exits 1 if any target crashed.
#
#   scripts/fuzz.sh [DURATION]        e.g. scripts/fuzz.sh 60s
#
# The targets are listed with `go test -list '^Fuzz'`, so new ones are
# run without changing this script. FUZZ_PARALLEL sets the workers per
# target (default: Go's, one a core); FUZZ_MINIMIZE how long each new
# input is minimized (default 5s rather than Go's 60s, during which no
# executions count: a slow target such as the HTML import would spend its
# run minimizing).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-5m}
export GOFLAGS="${GOFLAGS:-} -tags=ci"
parallel=()
[ -n "${FUZZ_PARALLEL:-}" ] && parallel=(-parallel "$FUZZ_PARALLEL")
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

crashed=0
printf '%-28s %-10s %14s %8s\n' TARGET DURATION EXECS CRASHES
# `go test -list` prints a package's targets, then "ok  PACKAGE ...".
targets=$(go test -list '^Fuzz' ./... | awk '/^Fuzz/ { names = names " " $1 } /^ok / { if (names != "") print $2 names; names = "" }')
while read -r pkg names; do
	[ -n "$pkg" ] || continue
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $names; do
		corpus="$dir/testdata/fuzz/$target"
		before=$(ls "$corpus" 2>/dev/null | wc -l)
		out="$log/$target.log"
		rc=0
		go test "$pkg" -run '^$' -fuzz "^$target\$" -fuzztime "$duration" \
			-fuzzminimizetime "${FUZZ_MINIMIZE:-5s}" "${parallel[@]}" >"$out" 2>&1 || rc=$?
		execs=$(grep -o 'execs: [0-9]*' "$out" | tail -1 | grep -o '[0-9]*' || echo 0)
		after=$(ls "$corpus" 2>/dev/null | wc -l)
		crashes=$((after - before))
		printf '%-28s %-10s %14s %8s\n' "$target" "$duration" "${execs:-0}" "$crashes"
		if [ "$rc" -ne 0 ]; then
			crashed=1
			grep -A20 -- '--- FAIL\|panic:\|Failing input' "$out" | head -40 | sed 's/^/    /'
		fi
	done
done <<<"$targets"
exit "$crashed"
