"""One markdown row per scored run folder: the fields #15 compares, tokens and seconds.

    .venv/bin/python scripts/runs-table.py RUN [RUN ...]

Reads each run's ``report.json`` (write or refresh it with ``summarizer eval score RUN``):
actors F1, attributed-quote F1, quote F1, speaker accuracy, tensions F1, summary
must-mention, quotes / evidence verbatim, and the mean tokens, calls and seconds per
article as the run recorded them (a replayed run's seconds are the replay's, not the
model's: read those from the call log, `scripts/calllog-cost.py`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

COLUMNS = (
    ("actors F1", "actors", "f1"),
    ("attributed-quote F1", "quotes", "attributed_f1"),
    ("quote F1", "quotes", "f1"),
    ("speaker acc.", "quotes", "speaker_accuracy"),
    ("tensions F1", "tensions", "f1"),
    ("must-mention", "summary", "must_mention"),
    ("quotes verbatim", "grounding", "quotes_verbatim"),
    ("evidence verbatim", "grounding", "evidence_verbatim"),
)


def cell(value: Any, digits: int = 3) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def row(run: Path) -> str:
    report = json.loads((run / "report.json").read_text(encoding="utf-8"))
    agg = report["aggregate"]
    cells = [cell(agg.get(section, {}).get(key)) for _, section, key in COLUMNS]
    cost = agg.get("cost", {})
    cells += [cell(cost.get("total_tokens"), 0), cell(cost.get("calls"), 2)]
    cells.append(cell(cost.get("latency_s"), 0))
    return f"| {run.name} | {len(report['cases'])} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path)
    args = parser.parse_args(argv)
    names = [c[0] for c in COLUMNS] + ["tokens / article", "calls / article", "seconds / article"]
    print("| run | cases | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for run in args.runs:
        print(row(run))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
