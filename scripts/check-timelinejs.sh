#!/usr/bin/env bash
# Checks that TimelineJS3 reads Chronoscope's TimelineJS export: exports the
# bundled corpus as timelinejs, renders it in headless Chromium with the
# library's own JS and CSS from npm (a file:// page, no network), and checks
# the DOM it builds: a slide for the title and for every exported event, and
# every event's headline shown. Prints OK or FAIL; exits 1 on FAIL.
# Installs Chromium (apt) and @knight-lab/timelinejs (npm, into a temporary
# directory) when missing. Not part of `make test`: it needs a browser.
# Usage: scripts/check-timelinejs.sh [path/to/chronoscope]
# With SCREENSHOT=FILE.png it also saves what Chromium drew, to look at.
set -euo pipefail

tljs_version=3.9.11
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" LANG=en_US.UTF-8
export GOCACHE="${GOCACHE:-$(go env GOCACHE 2>/dev/null || echo "$HOME/.cache/go-build")}"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "installing chromium (apt)..." >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
	browser=$(command -v chromium)
fi

echo "installing @knight-lab/timelinejs@$tljs_version (npm)..." >&2
(cd "$tmp" && npm install --silent --no-audit --no-fund "@knight-lab/timelinejs@$tljs_version" >&2)
lib="$tmp/node_modules/@knight-lab/timelinejs/dist"
[ -f "$lib/js/timeline.js" ] && [ -f "$lib/css/timeline.css" ] || {
	echo "FAIL: no dist/js/timeline.js or dist/css/timeline.css in @knight-lab/timelinejs@$tljs_version"
	exit 1
}

if [ $# -gt 0 ]; then
	bin=$(realpath "$1")
else
	bin="$tmp/chronoscope"
	(cd "$root" && go build -o "$bin" .)
fi
"$bin" export --corpus "$tmp/corpus.db" --format timelinejs -o "$tmp/timeline.json" 2>"$tmp/export.err"
echo "export: $(tr '\n' ' ' <"$tmp/export.err")" >&2

# The data goes into the page itself: a file:// page cannot fetch a file.
{
	cat <<HTML
<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://$lib/css/timeline.css">
<script src="file://$lib/js/timeline.js"></script>
</head><body>
<div id="timeline" style="width: 1200px; height: 700px"></div>
<script>
var data =
HTML
	cat "$tmp/timeline.json"
	cat <<'HTML'
;
try {
  window.timeline = new TL.Timeline("timeline", data, {});
} catch (e) {
  document.body.setAttribute("data-error", String(e));
}
</script>
</body></html>
HTML
} >"$tmp/page.html"

"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
	--allow-file-access-from-files --virtual-time-budget=15000 --window-size=1280,800 \
	--dump-dom "file://$tmp/page.html" >"$tmp/dom.html" 2>"$tmp/chromium.err" || {
	echo "FAIL: chromium: $(tail -3 "$tmp/chromium.err")"
	exit 1
}

if [ -n "${SCREENSHOT:-}" ]; then
	"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
		--allow-file-access-from-files --virtual-time-budget=15000 --window-size=1280,800 \
		--hide-scrollbars --screenshot="$(realpath -m "$SCREENSHOT")" "file://$tmp/page.html" 2>>"$tmp/chromium.err" >&2
fi

python3 - "$tmp/timeline.json" "$tmp/dom.html" <<'PY'
import html, json, sys
from html.parser import HTMLParser

want = json.load(open(sys.argv[1]))
events = want["events"]

class DOM(HTMLParser):
    def __init__(self):
        super().__init__()
        self.slides = 0
        self.markers = 0
        self.headlines = []
        self.error = None
        self._in_headline = 0
        self._text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "body" and a.get("data-error"):
            self.error = a["data-error"]
        if "tl-slide" in classes:
            self.slides += 1
        if "tl-timemarker" in classes:
            self.markers += 1
        if "tl-headline" in classes:
            self._in_headline, self._text = 1, []
        elif self._in_headline:
            self._in_headline += 1

    def handle_endtag(self, tag):
        if self._in_headline:
            self._in_headline -= 1
            if self._in_headline == 0:
                self.headlines.append(" ".join("".join(self._text).split()))

    def handle_data(self, data):
        if self._in_headline:
            self._text.append(data)

dom = DOM()
dom.feed(open(sys.argv[2], encoding="utf-8").read())
problems = []
if dom.error:
    problems.append("TimelineJS threw: " + dom.error)
if dom.slides != len(events) + 1:
    problems.append(f"{dom.slides} slides, want {len(events) + 1} (the title and {len(events)} events)")
if dom.markers != len(events):
    problems.append(f"{dom.markers} markers on the time navigation, want {len(events)}")
shown = set(dom.headlines)
missing = [e["unique_id"] for e in events if " ".join(html.unescape(e["text"]["headline"]).split()) not in shown]
if missing:
    problems.append(f"{len(missing)} headlines not shown: {', '.join(missing[:5])}")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print(f"OK: TimelineJS built {dom.slides} slides ({len(events)} events and the title), "
      f"{dom.markers} time markers, every headline shown")
PY
