#!/usr/bin/env bash
# The built wheel, installed into a clean venv outside the checkout and run from outside
# it: a wheel missing its prompts or its note template fails here (from a checkout,
# summarizer/_prompts.py would fall back to the checkout's prompts/).
#
# Usage: .ci/wheel-smoke.sh        (needs python3 and the package registry for the deps)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EXAMPLE=$ROOT/examples/reuters-2025-10-08-putin-tajikistan.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1

python3 -m venv "$WORK/build"
"$WORK/build/bin/pip" wheel -q --no-deps -w "$WORK/dist" "$ROOT"
wheel=$(ls "$WORK"/dist/grounded_summarizer-*.whl)
echo "+ built $(basename "$wheel")"
python3 -m zipfile -l "$wheel" > "$WORK/listing"
for member in summarizer/prompts/extract.v1.md summarizer/render/templates/note.html.j2 \
    summarizer/py.typed licenses/LICENSE; do
    grep -q "$member" "$WORK/listing" || { echo "wheel-smoke: $member missing from the wheel" >&2; exit 1; }
done

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q "$wheel"
cd "$WORK"  # not the checkout: nothing of it is on the path
S=$WORK/venv/bin/summarizer
set -x
"$S" --version
"$WORK/venv/bin/python" -m summarizer --version
"$S" brief "$EXAMPLE" > brief.md 2> brief.err
grep -q "offline baseline" brief.err && grep -q "Putin" brief.md
"$S" brief "$EXAMPLE" -o note.html
grep -q "<html" note.html
"$S" eval check "$ROOT/evals/suites/dev"
# The prompts: a model briefing through the package's own fake server (loopback only).
"$WORK/venv/bin/python" - "$EXAMPLE" <<'PY'
import sys
from pathlib import Path

import summarizer
from summarizer import Summarizer
from summarizer.testing import FakeOpenAI, Reply

assert "site-packages" in summarizer.__file__, summarizer.__file__
payload = {
    "summary": "Putin met Rahmon in Dushanbe.",
    "actors": [{"name": "Vladimir Putin", "type": "person", "role": "President", "aliases": []}],
    "tensions": [],
    "quotes": [],
}
with FakeOpenAI([Reply(payload)]) as server:
    s = Summarizer(model="m", base_url=server.base_url, api_key="sk-smoke")
    briefing = s.summarize(Path(sys.argv[1]).read_text(encoding="utf-8"))
assert briefing.prompt.id == "extract" and briefing.actors, briefing
print(f"prompt {briefing.prompt.id} v{briefing.prompt.version} from the wheel: ok")
PY
