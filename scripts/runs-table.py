"""One markdown row per scored run folder: the fields #15 compares, tokens and seconds.

    .venv/bin/python scripts/runs-table.py RUN [RUN ...] [--skip CASE,CASE]

Reads each run's ``report.json`` (write or refresh it with ``summarizer eval score RUN``):
actors F1, attributed-quote F1, quote F1, speaker accuracy, tensions F1, summary
must-mention, quotes / evidence verbatim, and the mean tokens, calls and seconds per
article as the run recorded them (a replayed run's seconds are the replay's, not the
model's: read those from the call log, `scripts/calllog-cost.py`). ``--skip`` leaves
those cases out of every run's row, each figure then the mean over the other cases.
"""

from __future__ import annotations

import argparse
import json
import statistics
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


def mean_of(cases: list[dict[str, Any]], section: str, key: str) -> float | None:
    values = [c[section][key] for c in cases if c.get(section, {}).get(key) is not None]
    return statistics.fmean(values) if values else None


def row(run: Path, skip: frozenset[str] = frozenset()) -> str:
    report = json.loads((run / "report.json").read_text(encoding="utf-8"))
    agg = report["aggregate"]
    if skip:
        kept = [c for name, c in report["cases"].items() if name not in skip]
        sections = {s for _, s, _ in COLUMNS} | {"cost"}
        agg = {s: {k: mean_of(kept, s, k) for k in agg.get(s, {})} for s in sections}
        report["cases"] = {n: c for n, c in report["cases"].items() if n not in skip}
    cells = [cell(agg.get(section, {}).get(key)) for _, section, key in COLUMNS]
    cost = agg.get("cost", {})
    cells += [cell(cost.get("total_tokens"), 0), cell(cost.get("calls"), 2)]
    cells.append(cell(cost.get("latency_s"), 0))
    return f"| {run.name} | {len(report['cases'])} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("runs", nargs="+", type=Path)
    parser.add_argument("--skip", default="", help="case ids to leave out, comma-separated")
    args = parser.parse_args(argv)
    skip = frozenset(filter(None, args.skip.split(",")))
    names = [c[0] for c in COLUMNS] + ["tokens / article", "calls / article", "seconds / article"]
    print("| run | cases | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for run in args.runs:
        print(row(run, skip))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
