"""Tokens and seconds per article from call logs, and the same for the articles two logs share.

    .venv/bin/python scripts/calllog-cost.py LOG [LOG ...] [--skip LOG:CALL_ID,...]

Each log (`calls.sqlite`, the call log every recorded run writes) is summed per article
(its ``article_sha256``): every attempt counts, re-asks and transport retries included,
and seconds are each call's latency as the client measured it (queueing at the server
included). One row per log over all its articles, then one row per log over the articles
every log holds, so two strategies are compared on the same articles. ``--skip
LOG:ID,ID`` leaves out the articles of those calls of that log (e.g. calls slowed by
requests queued at the same server), in every log.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
from collections import defaultdict
from typing import Any

FIELDS = ("calls", "prompt", "output", "total", "seconds")


def articles_of(path: str, call_ids: list[str]) -> set[str]:
    marks = ",".join("?" * len(call_ids))
    rows = sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(
        f"select article_sha256 from calls where id in ({marks})", call_ids
    )
    return {sha for (sha,) in rows}


def per_article(path: str) -> dict[str, dict[str, float]]:
    rows = sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(
        "select article_sha256, prompt_tokens, completion_tokens, total_tokens, latency_s "
        "from calls where article_sha256 is not null"
    )
    sums: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(FIELDS, 0.0))
    for sha, prompt, output, total, seconds in rows:
        row = sums[sha]
        row["calls"] += 1
        row["prompt"] += prompt or 0
        row["output"] += output or 0
        row["total"] += total or 0
        row["seconds"] += seconds or 0.0
    return dict(sums)


def mean_row(label: str, rows: list[dict[str, float]]) -> str:
    cells = [f"{statistics.fmean(r[f] for r in rows):,.1f}" for f in FIELDS]
    return f"| {label} | {len(rows)} | " + " | ".join(cells) + " |"


def table(logs: dict[str, dict[str, dict[str, float]]]) -> str:
    head = "| log | articles | calls | prompt tokens | output tokens | tokens | seconds |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|"]
    for path, articles in logs.items():
        lines.append(mean_row(f"{path} (all)", list(articles.values())))
    shared: set[str] = set.intersection(*(set(a) for a in logs.values()))
    for path, articles in logs.items():
        if len(logs) > 1 and shared:
            lines.append(mean_row(f"{path} (shared)", [articles[s] for s in sorted(shared)]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("logs", nargs="+")
    parser.add_argument("--skip", action="append", default=[], help="LOG:CALL_ID,CALL_ID")
    args = parser.parse_args(argv)
    skipped: set[str] = set()
    for spec in args.skip:
        path, ids = spec.rsplit(":", 1)
        skipped |= articles_of(path, ids.split(","))
    logs: dict[str, Any] = {
        path: {sha: row for sha, row in per_article(path).items() if sha not in skipped}
        for path in args.logs
    }
    print(table(logs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
