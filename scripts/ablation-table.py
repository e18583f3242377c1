"""Print the grounding ablation table (Markdown) from recorded eval runs, with no model.

Usage: .venv/bin/python scripts/ablation-table.py evals/runs/RUN_A evals/runs/RUN_B ...

For each run: quotes returned, the share found verbatim inside quotation marks in the
article, fabricated quotes returned (not verbatim inside quotation marks), quote recall
(0.3 and 0.8 overlap), actors F1, tensions F1, failed articles, re-asks, tokens and
seconds per article. Scores come from `summarizer eval score` on the recorded outputs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer import clean_article
from summarizer._grounding import quoted_verbatim
from summarizer.eval import score_run
from summarizer.eval._gold import load_suite


def _quote_counts(run: Path, suite: Path) -> tuple[int, int]:
    returned = fabricated = 0
    for case in load_suite(suite):
        path = run / "outputs" / f"{case.id}.json"
        output = json.loads(path.read_text()) if path.exists() else {}
        body = clean_article(case.article_text).text
        for quote in output.get("quotes", []):
            returned += 1
            fabricated += not quoted_verbatim(quote["text"], body)
    return returned, fabricated


def _row(run: Path) -> str:
    meta = json.loads((run / "run.json").read_text())
    suite = Path(meta["suite"])
    if not suite.is_dir():  # recorded elsewhere: use this checkout's copy
        suite = Path(__file__).resolve().parent.parent / "evals" / "suites" / suite.name
    report = score_run(run, suite)
    agg = report.aggregate
    returned, fabricated = _quote_counts(run, suite)
    verbatim = (returned - fabricated) / returned if returned else 1.0
    cost = agg["cost"]
    grounding = "on" if meta["settings"].get("grounding", True) else "off"
    cells = [
        f"`{run.name}` (prompt v{meta['prompt']['version']}, grounding {grounding})",
        str(returned),
        f"{verbatim:.2f}",
        str(fabricated),
        f"{agg['quotes']['recall_at_0_3']:.2f} / {agg['quotes']['recall']:.2f}",
        f"{agg['actors']['f1']:.2f}",
        f"{agg['tensions']['f1']:.2f}",
        f"{cost.get('failed', 0) * len(report.cases):.0f}",
        f"{cost.get('reasks', 0):.2f}",
        f"{cost.get('total_tokens', 0):.0f}",
        f"{cost.get('latency_s', 0):.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main(runs: list[str]) -> None:
    print(
        "| run | quotes returned | quotes verbatim | fabricated quotes returned "
        "| quote recall @0.3 / @0.8 | actors F1 | tensions F1 | failed articles "
        "| re-asks / article | tokens / article | seconds / article |"
    )
    print("|---" * 11 + "|")
    for run in runs:
        print(_row(Path(run)))


if __name__ == "__main__":
    main(sys.argv[1:])
