"""Run a model over an eval suite and record every call in a call log of its own.

The #15 recordings under evals/runs/ were made this way, so that `eval run --replay LOG`
can re-score them later with no model call. The endpoint comes from the environment
(`eval "$(scripts/local-llm.sh env)"` for the local llama.cpp server).

Usage (from the repository root):
    .venv/bin/python scripts/llm_run.py SUITE OUT STRATEGY CALLLOG [NOTE]
e.g. .venv/bin/python scripts/llm_run.py evals/suites/dev /tmp/run anchored /tmp/calls.sqlite
"""

from __future__ import annotations

import os
import sys
import time

from summarizer import Summarizer
from summarizer.eval import run_suite
from summarizer.infra._calllog import CallLog


def main(argv: list[str]) -> None:
    if len(argv) < 4:
        raise SystemExit(__doc__)
    suite, out, strategy, log = argv[:4]
    note = argv[4] if len(argv) > 4 else ""
    summarizer = Summarizer(strategy=strategy, on_call=CallLog(log))
    settings = {
        "base_url": os.environ.get("OPENAI_BASE_URL"),
        "mode": os.environ.get("SUMMARIZER_MODE"),
        "strategy": strategy,
        "grounding": True,
        "concurrency": 1,
        "note": note,
    }
    start = time.time()

    def progress(done: int, total: int, case: str) -> None:
        elapsed = time.time() - start
        print(f"{time.strftime('%H:%M:%S')} {done}/{total} {case} ({elapsed:.0f}s)", flush=True)

    run_suite(suite, summarizer, out, concurrency=1, progress=progress, settings=settings)
    print(f"done in {time.time() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
