#!/usr/bin/env bash
# Races writers on one corpus with the real binary (docs/RELIABILITY.md):
# each trial starts W `review --note` commands and two `check`s at once on a
# fresh copy of a corpus whose schema (version 4) and bundled part are out
# of date, so that every one of them wants to migrate and update it first.
# A trial fails when a writer prints anything on stderr, a check does not
# end "ok", or a note is missing.
# Usage: scripts/race.sh ./chronoscope [TRIALS] [WRITERS]
set -euo pipefail
bin=$(realpath "${1:?usage: $0 path/to/chronoscope [TRIALS] [WRITERS]}")
trials=${2:-20}
writers=${3:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
cd "$tmp"
"$bin" check --corpus base.db >/dev/null
triggers=$(sqlite3 base.db "SELECT group_concat('DROP TRIGGER ' || name || ';', ' ') FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'search_index%'")
sqlite3 base.db "UPDATE meta SET value = 'older' WHERE key = 'source_digest'; $triggers DROP TABLE search_index; DROP TABLE document_checksums; PRAGMA user_version = 4;"
fails=0
for t in $(seq "$trials"); do
	rm -rf backups
	cp base.db t.db
	pids=()
	for w in $(seq "$writers"); do
		"$bin" review castillo-removed --note "w$w-$t" --corpus t.db >/dev/null 2>"e$w" &
		pids+=($!)
	done
	for c in 1 2; do
		(sleep "0.0$((RANDOM % 10))"; "$bin" check --corpus t.db) >"c$c" 2>&1 &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p" || true; done
	bad=0
	for w in $(seq "$writers"); do [ ! -s "e$w" ] || bad=1; done
	for c in 1 2; do grep -q ': ok' "c$c" || grep -q 'needs upgrading' "c$c" || bad=1; done
	notes=$(sqlite3 t.db "SELECT count(*) FROM user_notes")
	# Whatever the checks saw while the writers wrote, the file they leave
	# must be sound.
	after=$(sqlite3 t.db "PRAGMA integrity_check" | head -3)
	[ "$after" = ok ] || { bad=1; echo "trial $t: integrity_check after the writers: $after"; }
	"$bin" check --corpus t.db >"c3" 2>&1 || { bad=1; echo "trial $t: check after the writers:"; head -3 c3; }
	[ "$notes" = "$writers" ] || bad=1
	if [ "$bad" = 1 ]; then
		fails=$((fails + 1))
		echo "trial $t: $notes of $writers notes"
		cat e* c1 c2 | head -5
	fi
done
echo "race: $fails of $trials trials failed ($writers writers and 2 checks each)"
[ "$fails" = 0 ]
