#!/usr/bin/env bash
# The fast suite on a copy of the tracked files with no ../shared beside it, as on a fresh
# clone: whatever the project ships is read from the project, and only tests of third-party
# data sets (../shared/data/external) may skip, saying why.
#
# Usage: .ci/no-shared.sh [PYTEST ARGS]      (VENV: default <repo>/.venv)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${VENV:-$ROOT/.venv}
WORK=$(mktemp -d)
LOG=$(mktemp "${TMPDIR:-/tmp}/no-shared-pytest.XXXXXX")  # outside WORK: kept whatever runs inside
trap 'rm -rf "$WORK" "$LOG"' EXIT
mkdir "$WORK/repo"
git -C "$ROOT" ls-files -z | (cd "$ROOT" && xargs -0 cp --parents -t "$WORK/repo")
[[ ! -e $WORK/shared ]]
cd "$WORK/repo"
unset SUMMARIZER_REQUIRE_SHARED_DATA  # .ci/run's: here the shared_data tests must skip
# python -m pytest: the copy's own package comes first on sys.path.
"$VENV/bin/python" -m pytest -q -p no:cacheprovider -rs "$@" | tee "$LOG"
# No skip may wait for something the project ships (the seed, gold, examples, prompts).
if grep "^SKIPPED" "$LOG" | grep -i -e "seed" -e "gold" -e "examples/" -e "evals/" -e "prompts"; then
    echo "no-shared: a test skipped for something the project ships" >&2
    exit 1
fi
