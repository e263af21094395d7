#!/usr/bin/env bash
# Measures every figure of docs/PERFORMANCE.md (issue #11) on this machine:
# builds the binary, generates synthetic corpora of each size (kept in
# $BENCH_DIR between runs, made again only when the generator changes),
# times whole processes against fzf --filter on the same titles, opens the
# real window under Xvfb, and runs the Go benchmarks for the in-process
# figures. Prints a Markdown report: one line per figure with its target
# and ok or MISS, judged at the largest size, then how each figure grows
# with the corpus. Progress goes to standard error; the report is also
# written to $BENCH_DIR/report.md.
#
#   scripts/bench.sh                 1k, 10k and 100k events; 5 runs of fast
#                                    commands, 3 of slow ones
#   scripts/bench.sh --quick         1k and 10k, 2 runs and 1: a smoke run
#   scripts/bench.sh --sizes "1000 200000"
#   scripts/bench.sh --selftest      checks the parsers on made-up input
#   BENCH_BIN=/path/chronoscope scripts/bench.sh   measures that binary
#
# Not part of make test: it takes minutes, and figures on a shared machine
# are noisy (the medians and the ratio to fzf, measured in the same run,
# are what to compare).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

sizes="1000 10000 100000"
runs_fast=5
runs_slow=3
quick=0
selftest=0
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1 sizes="1000 10000" runs_fast=2 runs_slow=1 ;;
	--sizes)
		[ $# -ge 2 ] || { echo "bench.sh: --sizes needs a list, such as \"1000 10000\"" >&2; exit 2; }
		sizes=$2
		shift
		;;
	--runs)
		[ $# -ge 2 ] || { echo "bench.sh: --runs needs a number" >&2; exit 2; }
		runs_fast=$2 runs_slow=$(((${2} + 1) / 2))
		shift
		;;
	--selftest) selftest=1 ;;
	-h | --help)
		awk 'NR > 1 && !/^#/ {exit} NR > 1 && !/^# shellcheck/ {sub(/^# ?/, ""); print}' "$0"
		exit 0
		;;
	*)
		echo "bench.sh: unknown option $1; see bench.sh --help" >&2
		exit 2
		;;
	esac
	shift
done

# query is the search of the issue's figures; its 13 keystrokes are typed
# into the window one at a time.
query="lopez obrador"

log() { echo "bench: $*" >&2; }

# median prints the median of the numbers on standard input, or nothing.
median() {
	sort -g | awk '{a[NR] = $1} END {if (NR == 0) exit; if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# maximum prints the largest number on standard input, or nothing.
maximum() { sort -g | tail -1; }

# le A B: A ≤ B as numbers; false when either is empty or no number
# (">120", "failed").
le() { [[ $1 =~ ^[0-9.eE+-]+$ && $2 =~ ^[0-9.eE+-]+$ ]] && awk -v a="$1" -v b="$2" 'BEGIN {exit !(a + 0 <= b + 0)}'; }

# fmt_num N DIGITS: N rounded; "–" when empty; as it is when no number
# (">120", "failed").
fmt_num() {
	if [ -z "$1" ]; then
		printf '–'
	elif [[ $1 =~ ^[0-9.eE+-]+$ ]]; then
		printf "%.${2}f" "$1"
	else
		printf '%s' "$1"
	fi
}

# timing_first FILE: the first-frame figure of a CHRONOSCOPE_TIMING file,
# in milliseconds since the process started.
timing_first() { awk '$1 == "first-frame" {print $2; exit}' "$1" 2>/dev/null || true; }

# timing_keys FILE QUERY: for each keystroke of typing QUERY, the
# milliseconds from the keystroke to the frame that showed its results:
# the first "results MS Q" line whose Q is what the field then held. A
# keystroke whose query only differs by spaces at the end counts as
# shown when the trimmed query was (the search is the same). Keystrokes
# with no line print nothing.
timing_keys() {
	awk -v q="$2" '
		$1 == "results" {
			text = $0
			sub(/^results[ \t]+[^ \t]+[ \t]?/, "", text)
			if (!(text in ms)) ms[text] = $2
		}
		END {
			for (i = 1; i <= length(q); i++) {
				p = substr(q, 1, i)
				t = p
				sub(/ +$/, "", t)
				if (p in ms) print ms[p]
				else if (t in ms) print ms[t]
			}
		}' "$1" 2>/dev/null || true
}

# gobench_metrics: reads `go test -bench` output and prints one line per
# metric the figures use: "UNIT EVENTS VALUE NAME", in milliseconds for
# time units (ns/X and µs/X become ms/X). Which metric is which figure is
# decided by unit names alone (figure_of_unit), so that benchmarks can be
# added or renamed without touching this script. EVENTS is the corpus
# size named in the benchmark ("events=100000" or "/100k"), or 0.
gobench_metrics() {
	awk '
		/^Benchmark/ {
			name = $1
			sub(/-[0-9]+$/, "", name)
			n = 0
			if (match(name, /events=[0-9]+/)) n = substr(name, RSTART + 7, RLENGTH - 7) + 0
			else if (match(name, /[\/_=][0-9]+k([\/_-]|$)/)) {
				s = substr(name, RSTART + 1, RLENGTH - 1)
				sub(/k.*/, "", s)
				n = s * 1000
			}
			for (i = 3; i < NF; i += 2) {
				v = $i; u = $(i + 1)
				if (u ~ /^ns\//) { v /= 1e6; sub(/^ns/, "ms", u) }
				else if (u ~ /^(µs|us)\//) { v /= 1e3; sub(/^(µs|us)/, "ms", u) }
				print u, n, v, name
			}
		}'
}

# figure_of_unit UNIT: the in-process figure a benchmark unit measures, or
# nothing. Units of H1's and H3's benchmarks (#11): ms/key-p50 and
# ms/key-p99 per keystroke of BenchmarkFind_Typing (ms/keystroke-median,
# ms/keystroke-p99 also accepted), ms/layout and ms/frame of the timeline,
# and objects, the canvas objects a frame draws.
figure_of_unit() {
	case $1 in
	ms/key-p50 | ms/keystroke-median | ms/keystroke-p50) echo key50 ;;
	ms/key-p99 | ms/keystroke-p99) echo key99 ;;
	ms/layout) echo layout ;;
	ms/frame) echo frame ;;
	objects | objects/frame) echo objects ;;
	esac
}

if [ "$selftest" = 1 ]; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	printf '%s\n' "first-frame 812.5" "results 4.1 l" "results 3.0 lo" "results 9.0 lo" "results 2.5 lop" \
		"results 2.0 lope" "results 2.0 lopez" "results 1.5 lopez o" "results 1.5 lopez ob" "results 1.4 lopez obr" \
		"results 1.3 lopez obra" "results 61.0 lopez obrad" "results 1.2 lopez obrado" >"$tmp/timing"
	got=$(timing_keys "$tmp/timing" "$query" | tr '\n' ' ')
	want="4.1 3.0 2.5 2.0 2.0 2.0 1.5 1.5 1.4 1.3 61.0 1.2 "
	[ "$got" = "$want" ] || { echo "selftest: keystrokes $got, want $want" >&2; exit 1; }
	[ "$(timing_first "$tmp/timing")" = 812.5 ] || { echo "selftest: first frame" >&2; exit 1; }
	[ "$(timing_keys "$tmp/timing" "$query" | median)" = 2 ] || { echo "selftest: median" >&2; exit 1; }
	cat >"$tmp/bench" <<-'EOF'
		BenchmarkFind_Typing/events=100000/q=lopez_obrador-2    3   52000000 ns/op   3.10 ms/key-p50   14.2 ms/key-p99   30.0 ms/key-max   100 events-lit-max   1200 B/op   3 allocs/op
		BenchmarkTimeline_Layout/full/100k-2   500   1500000 ns/op   1400000 ns/layout   900 objects   10 B/op   0 allocs/op
		BenchmarkTimeline_Frame/day/10k-2   50   9000000 ns/frame
	EOF
	got=$(gobench_metrics <"$tmp/bench" | awk -v ORS=';' '{print $1, $2, $3 + 0}')
	want="ms/op 100000 52;ms/key-p50 100000 3.1;ms/key-p99 100000 14.2;ms/key-max 100000 30;events-lit-max 100000 100;B/op 100000 1200;allocs/op 100000 3;ms/op 100000 1.5;ms/layout 100000 1.4;objects 100000 900;B/op 100000 10;allocs/op 100000 0;ms/frame 10000 9;"
	[ "$got" = "$want" ] || { printf 'selftest: go bench\n got  %s\n want %s\n' "$got" "$want" >&2; exit 1; }
	if ! le 1.5 2 || le 2 1.5 || le ">120" 2 || le 1 failed || le "" 1; then
		echo "selftest: le" >&2
		exit 1
	fi
	if [ "$(figure_of_unit ms/key-p99)" != key99 ] || [ -n "$(figure_of_unit ms/op)" ]; then
		echo "selftest: units" >&2
		exit 1
	fi
	echo "selftest: ok"
	exit 0
fi

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export LANG=${LANG:-en_US.UTF-8}
bench_dir=${BENCH_DIR:-/tmp/chronoscope-bench}
corpora="$bench_dir/corpora"
work=$(mktemp -d)
mkdir -p "$corpora" "$bench_dir/synth"
# The window and the commands keep their preferences here, not the user's.
export XDG_CONFIG_HOME="$work/config"
app_pid=""
xvfb_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# What this needs beyond a Go toolchain: the window's build and Xvfb
# packages, fzf to race, and GNU time for peak memory.
scripts/install-deps.sh fzf time

bin=${BENCH_BIN:-$bench_dir/chronoscope}
if [ -z "${BENCH_BIN:-}" ]; then
	log "building $bin"
	go build -o "$bin" .
fi
# A build without the window's timing hook is still measured (memory),
# without waiting for lines it will never write.
has_timing=0
grep -q CHRONOSCOPE_TIMING "$bin" && has_timing=1
[ "$has_timing" = 1 ] || log "this build writes no CHRONOSCOPE_TIMING lines: no window timings"

read -ra size_list <<<"$sizes"
sizes=$(printf '%s\n' "${size_list[@]}" | sort -n | tr '\n' ' ')
largest=${sizes% }
largest=${largest##* }

# Corpora are made again when what makes them changes.
stamp=$(cat data/synth.go cli_generate.go data/source*.go data/store.go data/migrations/*.sql | sha256sum | cut -c1-16)
if [ "$(cat "$corpora/STAMP" 2>/dev/null)" != "$stamp" ]; then
	log "the generator changed: making the corpora again"
	rm -f "$corpora"/*.db "$corpora"/*.gen "$bench_dir"/synth/synth-*.db
	echo "$stamp" >"$corpora/STAMP"
fi

# corpus NAME ARGS...: makes $corpora/NAME.db with generate ARGS unless it
# is there, recording how long generating took.
corpus() {
	local name=$1 start
	shift
	[ -f "$corpora/$name.db" ] && return
	log "generate $* -o $corpora/$name.db"
	start=$EPOCHREALTIME
	"$bin" generate "$@" -o "$corpora/$name.db" >/dev/null
	awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f\n", b - a}' >"$corpora/$name.gen"
}

for n in $sizes; do
	corpus "c$n" --events "$n"
	# The Go benchmarks read the same corpus (buildSynth: seed 1).
	ln -f "$corpora/c$n.db" "$bench_dir/synth/synth-$n.db"
	sqlite3 "$corpora/c$n.db" 'SELECT title FROM events' >"$corpora/titles-$n.txt"
done
# The 20 MB document is a top hit for "lopez" among a thousand events, and
# ranks below the 50th at 100k: both are measured.
corpus c1000-long20 --events 1000 --long-document-mb 20
corpus "c$largest-long20" --events "$largest" --long-document-mb 20
rm -f "$corpora/bundled.db"
"$bin" check --corpus "$corpora/bundled.db" >/dev/null

# results[FIGURE,EVENTS] holds what was measured.
declare -A results

# timed RUNS LIMIT CMD...: runs CMD RUNS times, each for at most LIMIT
# seconds and reading the file $timed_input (default none), and sets secs
# and mb to the medians of its wall time and peak resident memory; secs is
# ">LIMIT" when a run timed out, and "failed" when it failed (its errors
# are kept in $BENCH_DIR/failures.log).
timed() {
	local runs=$1 limit=$2 i start end code
	shift 2
	local ts=() ms=()
	secs="" mb=""
	for ((i = 0; i < runs; i++)); do
		start=$EPOCHREALTIME
		code=0
		timeout "$limit" /usr/bin/time -f '%M' -o "$work/rss" "$@" <"${timed_input:-/dev/null}" >"$work/out" 2>"$work/err" || code=$?
		end=$EPOCHREALTIME
		if [ "$code" -eq 124 ]; then
			secs=">$limit"
			return
		elif [ "$code" -ne 0 ]; then
			log "failed (exit $code): $*: see $bench_dir/failures.log"
			{
				echo "== $(date -u) exit $code: $*"
				cat "$work/err"
			} >>"$bench_dir/failures.log"
			secs=failed
			return
		fi
		ts+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')")
		ms+=("$(awk '{print $NF / 1024}' "$work/rss")")
	done
	secs=$(printf '%s\n' "${ts[@]}" | median)
	mb=$(printf '%s\n' "${ms[@]}" | median)
}

# window_runs RUNS CORPUS EVENTS: opens the real window RUNS times on
# CORPUS with CHRONOSCOPE_TIMING set, types the query one letter every 150
# ms, and records the first frame, the keystrokes' results and the
# memory after the search under EVENTS.
window_runs() {
	local runs=$1 corpus=$2 n=$3 i win rss
	local firsts=() rsss=() keys=() shown=()
	for ((i = 0; i < runs; i++)); do
		rm -f "$work/timing"
		XDG_CONFIG_HOME="$work/config-$n-$i" CHRONOSCOPE_TIMING="$work/timing" "$bin" --corpus "$corpus" >"$work/window.log" 2>&1 &
		app_pid=$!
		win=$(wait_window) || win=""
		if [ -z "$win" ]; then
			log "the window did not open on $corpus: $(tail -3 "$work/window.log")"
			kill "$app_pid" 2>/dev/null || true
			wait "$app_pid" 2>/dev/null || true
			app_pid=""
			continue
		fi
		# The first frame with events, or a few seconds for a build that
		# writes no timings.
		for _ in $(seq "$([ "$has_timing" = 1 ] && echo 600 || echo 30)"); do
			[ -n "$(timing_first "$work/timing")" ] && break
			sleep 0.1
		done
		firsts+=("$(timing_first "$work/timing")")
		xdotool windowsize "$win" 1400 900 windowmove "$win" 0 0 || true
		xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win" || true
		xdotool key --window "$win" ctrl+f
		sleep 0.3
		xdotool type --delay 150 "$query"
		for _ in $(seq 100); do
			grep -q "^results [^ ]* $query\$" "$work/timing" 2>/dev/null && break
			sleep 0.1
		done
		sleep 0.5
		rss=$(awk '/^VmRSS:/ {print $2 / 1024}' "/proc/$app_pid/status" 2>/dev/null || true)
		[ -n "$rss" ] && rsss+=("$rss")
		mapfile -t -O "${#keys[@]}" keys < <(timing_keys "$work/timing" "$query")
		shown+=("$(timing_keys "$work/timing" "$query" | wc -l)")
		xdotool key --window "$win" ctrl+q 2>/dev/null || true
		for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
		kill "$app_pid" 2>/dev/null || true
		wait "$app_pid" 2>/dev/null || true
		app_pid=""
	done
	results[first,$n]=$(printf '%s\n' "${firsts[@]}" | grep . | median || true)
	results[winmb,$n]=$(printf '%s\n' "${rsss[@]}" | grep . | median || true)
	results[keymed,$n]=$(printf '%s\n' "${keys[@]}" | grep . | median || true)
	results[keymax,$n]=$(printf '%s\n' "${keys[@]}" | grep . | maximum || true)
	# The fewest keystrokes one run showed results for.
	results[keyshown,$n]=$(printf '%s\n' "${shown[@]}" | grep . | sort -n | head -1 || true)
}

# shellcheck source=xvfb.sh disable=SC1091 # followed with shellcheck -x
source scripts/xvfb.sh
start_xvfb 1600x1000

for n in $sizes; do
	c="$corpora/c$n.db"
	log "$n events: search, fzf"
	timed "$runs_fast" 120 "$bin" search --corpus "$c" --json --limit 50 "$query"
	results[search,$n]=$secs results[searchmb,$n]=$mb
	timed_input="$corpora/titles-$n.txt" timed "$runs_fast" 60 fzf --filter "$query"
	results[fzf,$n]=$secs
	log "$n events: export, check, screenshot"
	timed "$runs_slow" 300 "$bin" export --corpus "$c" --format json -o "$work/export.json"
	results[export,$n]=$secs results[exportmb,$n]=$mb
	timed "$runs_slow" 300 "$bin" check --corpus "$c"
	results[check,$n]=$secs
	# A pointer over a closing window can crash Fyne's GLFW driver
	# (processMouseMoved on a destroyed window): keep it out of the way.
	xdotool mousemove 0 999 2>/dev/null || true
	timed "$runs_slow" 300 "$bin" screenshot --corpus "$c" --size 1400x900 -o "$work/shot.png"
	results[shot,$n]=$secs results[shotmb,$n]=$mb
	log "$n events: the window"
	window_runs "$runs_slow" "$c" "$n"
	results[gen,$n]=$(cat "$corpora/c$n.gen" 2>/dev/null || true)
done
log "search lopez with a 20 MB document"
for n in 1000 "$largest"; do
	timed "$runs_slow" 120 "$bin" search --corpus "$corpora/c$n-long20.db" lopez
	results[long,$n]=$secs
done
# The figure is the worse of the two.
results[longworst,$largest]=${results[long,$largest]}
if le "${results[long,$largest]}" 1e9 && ! le "${results[long,1000]}" "${results[long,$largest]}"; then
	results[longworst,$largest]=${results[long,1000]}
fi
log "the window on the bundled corpus"
window_runs "$runs_slow" "$corpora/bundled.db" bundled
kill "$xvfb_pid" 2>/dev/null || true
xvfb_pid=""

# The Go benchmarks, on the same corpora (CHRONOSCOPE_SYNTH_DIR).
find_sizes=$(printf '%s\n' "${size_list[@]}" | grep -E '^(1000|10000|100000)$' | paste -sd '|' || true)
log "go benchmarks (Find_Typing at ${find_sizes:-no size}, Timeline)"
: >"$bench_dir/gobench.txt"
if [ -n "$find_sizes" ]; then
	CHRONOSCOPE_SYNTH_DIR="$bench_dir/synth" go test -tags ci -run '^$' -bench "BenchmarkFind_Typing/events=($find_sizes)\$" \
		-benchtime "$([ "$quick" = 1 ] && echo 1x || echo 1s)" ./data >>"$bench_dir/gobench.txt" 2>&1 || log "data benchmarks failed"
fi
# A frame's figure is the median of (capture − empty canvas) over the
# iterations, each capture about 40 ms with a few ms of jitter either way:
# a second's 15 iterations left it 3–6 ms off run to run, so it has 100.
go test -tags ci -run '^$' -bench 'BenchmarkTimeline' -skip 'BenchmarkTimeline_Frame' \
	-benchtime "$([ "$quick" = 1 ] && echo 1x || echo 1s)" ./app >>"$bench_dir/gobench.txt" 2>&1 || log "app benchmarks failed"
go test -tags ci -run '^$' -bench 'BenchmarkTimeline_Frame' -benchtime "$([ "$quick" = 1 ] && echo 1x || echo 100x)" ./app \
	>>"$bench_dir/gobench.txt" 2>&1 || log "app frame benchmarks failed"
# The worst sub-benchmark of each figure at each size; the typing figures
# take the issue's query when a sub-benchmark names it.
while read -r unit n value name; do
	fig=$(figure_of_unit "$unit")
	[ -n "$fig" ] || continue
	case $fig in key*) [[ $name == *q=* && $name != *"q=${query// /_}" ]] && continue ;; esac
	if [ -z "${results[$fig,$n]:-}" ] || ! le "$value" "${results[$fig,$n]:-}"; then
		results[$fig,$n]=$value results[${fig}name,$n]=$name
	fi
done < <(gobench_metrics <"$bench_dir/gobench.txt")

# The report.
L=$largest
verdict() { if le "$1" "$2"; then echo ok; else echo MISS; fi; }
both() { if [ "$1" = ok ] && [ "$2" = ok ]; then echo ok; else echo MISS; fi; }
ratio=""
[ -n "${results[search,$L]:-}" ] && [ -n "${results[fzf,$L]:-}" ] && [[ ${results[search,$L]:-} != ">"* ]] &&
	ratio=$(awk -v a="${results[search,$L]:-}" -v b="${results[fzf,$L]:-}" 'BEGIN {if (b > 0) printf "%.1f", a / b}')
gofig() { # gofig FIGURE UNIT: the value at the largest size, and the benchmark it came from
	if [ -n "${results[$1,$L]:-}" ]; then
		echo "$(fmt_num "${results[$1,$L]:-}" 2)$2 (${results[${1}name,$L]:-})"
	else
		echo "no benchmark reports it"
	fi
}
{
	echo "## Figures at $L events"
	echo
	echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo '+changes'), $(nproc) cores, runs: $runs_fast fast / $runs_slow slow (medians)"
	echo
	echo "| figure | measured | target | |"
	echo "|---|---|---|---|"
	echo "| \`search --json --limit 50 \"$query\"\` | $(fmt_num "${results[search,$L]:-}" 2) s, $(fmt_num "${results[searchmb,$L]:-}" 0) MB; fzf $(fmt_num "${results[fzf,$L]:-}" 3) s (${ratio:-?}× fzf) | ≤ \`fzf --filter\` | $(verdict "${results[search,$L]:-}" "${results[fzf,$L]:-0}") |"
	echo "| window: results after a keystroke | median $(fmt_num "${results[keymed,$L]:-}" 1) ms, max $(fmt_num "${results[keymax,$L]:-}" 1) ms, ${results[keyshown,$L]:-0} of ${#query} keystrokes shown | ≤ 50 ms, every keystroke | $(both "$(verdict "${results[keymax,$L]:-}" 50)" "$([ "${results[keyshown,$L]:-0}" -ge "${#query}" ] && echo ok)") |"
	echo "| window: launch to first frame | $(fmt_num "${results[first,$L]:-}" 0) ms | ≤ 1500 ms | $(verdict "${results[first,$L]:-}" 1500) |"
	echo "| window: launch to first frame, bundled corpus | $(fmt_num "${results[first,bundled]:-}" 0) ms | ≤ 500 ms | $(verdict "${results[first,bundled]:-}" 500) |"
	echo "| window memory after a search | $(fmt_num "${results[winmb,$L]:-}" 0) MB | ≤ 300 MB | $(verdict "${results[winmb,$L]:-}" 300) |"
	echo "| \`export --format json\` | $(fmt_num "${results[export,$L]:-}" 2) s, $(fmt_num "${results[exportmb,$L]:-}" 0) MB | ≤ 5 s, ≤ 300 MB | $(both "$(verdict "${results[export,$L]:-}" 5)" "$(verdict "${results[exportmb,$L]:-}" 300)") |"
	echo "| \`check\` | $(fmt_num "${results[check,$L]:-}" 2) s | ≤ 3 s | $(verdict "${results[check,$L]:-}" 3) |"
	echo "| \`screenshot --size 1400x900\` | $(fmt_num "${results[shot,$L]:-}" 2) s, $(fmt_num "${results[shotmb,$L]:-}" 0) MB | ≤ 1 s | $(verdict "${results[shot,$L]:-}" 1) |"
	echo "| \`search lopez\`, one 20 MB document | $(fmt_num "${results[long,1000]:-}" 2) s among 1000 events, $(fmt_num "${results[long,$L]:-}" 2) s among $L | ≤ 2 s | $(verdict "${results[longworst,$L]:-}" 2) |"
	echo "| Go: typing \"$query\", median keystroke | $(gofig key50 " ms") | ≤ 5 ms | $(verdict "${results[key50,$L]:-}" 5) |"
	echo "| Go: typing \"$query\", p99 keystroke | $(gofig key99 " ms") | ≤ 16 ms | $(verdict "${results[key99,$L]:-}" 16) |"
	echo "| Go: timeline layout, worst view | $(gofig layout " ms") | ≤ 2 ms | $(verdict "${results[layout,$L]:-}" 2) |"
	echo "| Go: timeline frame, worst view | $(gofig frame " ms") | ≤ 16 ms | $(verdict "${results[frame,$L]:-}" 16) |"
	echo "| Go: canvas objects, worst view | $(gofig objects "") | ≤ 2000 | $(verdict "${results[objects,$L]:-}" 2000) |"
	echo "| \`generate --events $L\` | $(fmt_num "${results[gen,$L]:-}" 1) s | ≤ 60 s | $(verdict "${results[gen,$L]:-}" 60) |"
	echo
	echo "## Growth"
	echo
	printf '| figure |'
	for n in $sizes; do printf ' %s |' "$n"; done
	printf '\n|---|'
	for n in $sizes; do printf -- '---|'; done
	echo
	for row in "search s:search:2" "search MB:searchmb:0" "fzf --filter s:fzf:3" "export s:export:2" "export MB:exportmb:0" \
		"check s:check:2" "search lopez, 20 MB document, s:long:2" "screenshot s:shot:2" "screenshot MB:shotmb:0" "window first frame ms:first:0" \
		"keystroke results median ms:keymed:1" "keystroke results max ms:keymax:1" "keystrokes shown:keyshown:0" \
		"window MB after a search:winmb:0" "Go keystroke p50 ms:key50:2" "Go keystroke p99 ms:key99:2" \
		"Go layout ms:layout:2" "Go frame ms:frame:2" "Go objects:objects:0" "generate s:gen:1"; do
		IFS=: read -r label key digits <<<"$row"
		printf '| %s |' "$label"
		for n in $sizes; do
			v=${results[$key,$n]:-}
			if [[ $v == ">"* ]]; then printf ' %s |' "$v"; else printf ' %s |' "$(fmt_num "$v" "$digits")"; fi
		done
		echo
	done
	echo
	echo "Go benchmark output: $bench_dir/gobench.txt. Corpora: $corpora."
} | tee "$bench_dir/report.md"
