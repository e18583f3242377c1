#!/usr/bin/env bash
# The eval gate: the offline backend on the dev suite against the committed baseline,
# then a rescore of every committed recorded run. Exits 1 when anything regressed.
#
# Usage: scripts/eval-gate.sh                    run the gate
#        scripts/eval-gate.sh --update-baseline  rerun the offline dev suite and rewrite
#                                                evals/baselines/offline-dev.json from it
#
# 1. `summarizer eval run --suite evals/suites/dev --model offline --baseline
#    evals/baselines/offline-dev.json`: every gated metric may fall by at most the
#    file's tolerance below its baseline (see `gate` in summarizer/eval/_harness.py).
# 2. Every evals/runs/*/ holding a run.json is rescored with no model call
#    (`summarizer eval score`) on a copy, so the committed files are never rewritten,
#    against the dev suite of this checkout when the recorded suite path is gone.
#    When the run has a report.json, the rescore is gated against it: a drop means the
#    gold or the metrics changed and the committed report is stale; refresh it with
#    `summarizer eval score evals/runs/NAME` and commit the result.
#
# Environment: VENV (default <repo>/.venv).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
SUMMARIZER=$VENV/bin/summarizer
PY=$VENV/bin/python
SUITE=$ROOT/evals/suites/dev
BASELINE=$ROOT/evals/baselines/offline-dev.json
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [[ ${1:-} == --update-baseline ]]; then
    "$SUMMARIZER" eval run --suite "$SUITE" --model offline --out "$WORK/offline-dev"
    mkdir -p "$(dirname "$BASELINE")"
    "$PY" - "$WORK/offline-dev/report.json" "$BASELINE" <<'PY'
import json
import sys

from summarizer.eval import Report
from summarizer.eval._harness import DEFAULT_GATED, DEFAULT_TOLERANCE

report = Report.load(sys.argv[1])
metrics = {
    m: {"baseline": round(value, 4)}
    for m in DEFAULT_GATED
    if (value := report.metric(m)) is not None
}
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({"tolerance": DEFAULT_TOLERANCE, "metrics": metrics}, out, indent=2)
    out.write("\n")
print(f"wrote {sys.argv[2]}: {len(metrics)} gated metric(s)")
PY
    exit 0
elif [[ $# -gt 0 ]]; then
    echo "usage: $0 [--update-baseline]" >&2
    exit 2
fi

status=0
echo "== offline dev suite against ${BASELINE#"$ROOT"/}"
"$SUMMARIZER" eval run --suite "$SUITE" --model offline --out "$WORK/offline-dev" \
    --baseline "$BASELINE" || status=1

shopt -s nullglob
for run in "$ROOT"/evals/runs/*/; do
    [[ -f $run/run.json ]] || continue
    name=$(basename "$run")
    echo "== rescore evals/runs/$name"
    cp -r "$run" "$WORK/$name"
    suite=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1])).get("suite") or "")' \
        "$run/run.json")
    # Recorded relative to the run folder (older records: to the repository root).
    if [[ -n $suite && -d $run/$suite ]]; then
        suite=$run/$suite
    elif [[ -z $suite || ! -d $suite ]]; then
        suite=$ROOT/evals/suites/$(basename "${suite:-dev}")
    fi
    args=(eval score "$WORK/$name" --suite "$suite")
    [[ -f $run/report.json ]] && args+=(--baseline "$run/report.json")
    "$SUMMARIZER" "${args[@]}" || status=1
done

if [[ $status -ne 0 ]]; then
    echo "eval gate FAILED" >&2
else
    echo "eval gate passed"
fi
exit $status
