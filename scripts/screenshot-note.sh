#!/usr/bin/env bash
# Render a briefing note as HTML and screenshot it in headless Chromium, to check that it
# reads well (screen) and that nothing depends on the network (the page is self-contained).
#
# Usage: scripts/screenshot-note.sh [NOTE.html] [OUT.png]
#
# Without NOTE.html it builds one: the three BASIL articles (Fox, NYT, HuffPost) of one
# event, summarised by whatever model is configured (OPENAI_BASE_URL/SUMMARIZER_MODEL/...),
# or by the offline baseline when none is. Needs chromium (apt-get install -y chromium);
# the test suite does not.
#
# Environment: VENV (default <repo>/.venv), EVENT (BASIL triplet uuid), WIDTH, HEIGHT.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
EVENT=${EVENT:-2b95d2cf-e979-4f9c-ae27-9a5370934f23}
BASIL=$ROOT/../shared/data/external/basil/basil_articles.jsonl
NOTE=${1:-}
OUT=${2:-/tmp/note.png}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

command -v chromium >/dev/null || { echo "chromium not found: apt-get install -y chromium" >&2; exit 3; }

if [[ -z "$NOTE" ]]; then
  [[ -f "$BASIL" ]] || { echo "no note given and $BASIL is missing" >&2; exit 3; }
  "$VENV/bin/python" - "$BASIL" "$EVENT" "$WORK" <<'PY'
import json, sys
from pathlib import Path
basil, event, work = sys.argv[1], sys.argv[2], Path(sys.argv[3])
names = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}
for line in open(basil, encoding="utf-8"):
    row = json.loads(line)
    if row["triplet_uuid"] == event:
        page = (f"<html><head><title>{row['title']}</title><meta property='og:site_name' "
                f"content='{names[row['source']]}'><meta name='date' content='{row['date']}'>"
                f"</head><body><article><h1>{row['title']}</h1>"
                + "".join(f"<p>{p}</p>" for p in row["text"].split("\n\n"))
                + "</article></body></html>")
        (work / f"{row['source']}.html").write_text(page, encoding="utf-8")
PY
  NOTE=${OUT%.png}.html
  "$VENV/bin/summarizer" brief "$WORK/nyt.html" "$WORK/fox.html" "$WORK/hpo.html" -o "$NOTE"
fi

chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$WORK/profile" \
  --hide-scrollbars --screenshot="$OUT" --window-size="${WIDTH:-1000},${HEIGHT:-1400}" \
  "file://$(realpath "$NOTE")" 2>"$WORK/chromium.log" || { cat "$WORK/chromium.log" >&2; exit 1; }
echo "screenshot: $OUT (note: $NOTE)"
