#!/usr/bin/env bash
# Screenshot the eval report, a comparison page and a briefing note in headless Chromium at
# desktop (1300 px) and phone (390 px) widths, and check their layout (no two labelled
# elements overlap, nothing overflows horizontally: scripts/layout_check.py).
#
# Usage: scripts/screenshot-report.sh [OUT_DIR]        (default: <repo>/docs/img)
#
# From recorded runs only, no model call: the report of evals/runs/$RUN (rescored into a
# temporary copy, so it uses this checkout's page), the comparison $BASE -> $RUN, and a
# note of two articles by the offline baseline. Needs chromium (apt-get install -y chromium).
#
# Environment: VENV (default <repo>/.venv), RUN (default qwen1.5b-v2-dev-grounded),
# BASE (default qwen1.5b-v2-dev-ungrounded), HEIGHT (phone, default 1400), DESKTOP_HEIGHT
# (default 820: the shots stay small enough to commit).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
RUN=${RUN:-qwen1.5b-v2-dev-grounded}
BASE=${BASE:-qwen1.5b-v2-dev-ungrounded}
HEIGHT=${HEIGHT:-1400}
DESKTOP_HEIGHT=${DESKTOP_HEIGHT:-820}
OUT=${1:-$ROOT/docs/img}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PY=$VENV/bin/python

command -v chromium >/dev/null || { echo "chromium not found: apt-get install -y chromium" >&2; exit 3; }
mkdir -p "$OUT"

cp -r "$ROOT/evals/runs/$RUN" "$ROOT/evals/runs/$BASE" "$WORK/"
"$VENV/bin/summarizer" eval score "$WORK/$BASE" --suite "$ROOT/evals/suites/dev" >/dev/null
"$VENV/bin/summarizer" eval score "$WORK/$RUN" --suite "$ROOT/evals/suites/dev" >/dev/null
(cd "$WORK" && "$VENV/bin/summarizer" eval compare "$BASE" "$RUN" --html compare.html >/dev/null)
"$VENV/bin/summarizer" brief --model offline "$ROOT/examples/reuters-2025-10-08-putin-tajikistan.txt" \
  "$ROOT/evals/suites/dev/allsides-011-white-house-north-korea-talks.txt" -o "$WORK/note.html" 2>/dev/null
# The cases of the report, aggregate hidden and the first case open.
"$PY" - "$WORK/$RUN/report.html" "$WORK/cases.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
page = page.replace("</style>", "table.agg, dl.run, p.note { display: none; }</style>", 1)
page = page.replace('<details class="case', '<details open class="case', 1)
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY

shot() {  # PAGE WIDTH NAME: the page framed at WIDTH px (Chromium's window is >= 500 px)
  local height=$HEIGHT
  (( $2 > 500 )) && height=$DESKTOP_HEIGHT
  "$PY" "$ROOT/scripts/layout_check.py" --frame "$1" "$2" "$height" > "$WORK/frame.html"
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$WORK/profile" \
    --hide-scrollbars --screenshot="$OUT/$3.png" --window-size="$2,$height" \
    "file://$WORK/frame.html" 2>"$WORK/chromium.log" || { cat "$WORK/chromium.log" >&2; exit 1; }
  echo "$OUT/$3.png"
}

status=0
for page in "$WORK/$RUN/report.html" "$WORK/compare.html" "$WORK/note.html"; do
  "$PY" "$ROOT/scripts/layout_check.py" "$page" 1300 390 || status=1
done
shot "$WORK/$RUN/report.html" 1300 report-desktop
shot "$WORK/$RUN/report.html" 390 report-phone
shot "$WORK/cases.html" 1300 report-case-desktop
shot "$WORK/compare.html" 1300 compare-desktop
shot "$WORK/compare.html" 390 compare-phone
shot "$WORK/note.html" 1300 note-desktop
shot "$WORK/note.html" 390 note-phone
exit $status
