"""BASIL-like tuning score (#14): the main entities of 25 tuning articles written by reading
(`evals/reading/basil-like-entities.tsv`: AllSides odd lines and PolNeAR train half A), and
how many the offline actors find with BASIL's own matcher (`entity_found`: an actor's name or
alias equal to, or a full-token sub-span of, the entity), with actors per article.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set) and half A
written by `scripts/polnear_train_rest.py`:
    .venv/bin/python scripts/basil_like.py [--half-a /tmp/p2-rest/A] [--show]

`--show` prints each article's actors and the entities missed. Tuning data only: never run on
BASIL, PolNeAR test or half B.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from summarizer import Summarizer
from summarizer._grounding import index_article
from summarizer.eval._bench_basil import entity_found

DATA = Path(os.environ.get("SUMMARIZER_DATA_DIR", "../shared/data/external"))
GOLD = Path("evals/reading/basil-like-entities.tsv")


def gold() -> dict[tuple[str, str], list[str]]:
    entities: dict[tuple[str, str], list[str]] = defaultdict(list)
    lines = [line for line in GOLD.open(encoding="utf-8") if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        entities[(row["source"], row["article_id"])].append(row["entity"])
    return entities


def texts(half_a: Path) -> dict[tuple[str, str], str]:
    allsides = (DATA / "allsides_article_bias_sample/allsides_news_sample200.jsonl").open()
    out = {("allsides", f"{i:03d}"): json.loads(line)["text"] for i, line in enumerate(allsides)}
    for line in (half_a / "polnear" / "polnear_train_sample200.jsonl").open():
        row = json.loads(line)
        out[("polnear-train-A", row["id"])] = row["text"]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half-a", type=Path, default=Path("/tmp/p2-rest/A"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    s = Summarizer(model="offline")
    article_text = texts(args.half_a)
    found = total = n_actors = 0
    entities = gold()
    for key, wanted in entities.items():
        text = article_text[key]
        actors = s.summarize(text).actors
        n_actors += len(actors)
        index = index_article(text)
        missed = [e for e in wanted if not entity_found(e, actors)]
        unnamed = [e for e in wanted if not index.mentions(e)]
        if unnamed:
            print(f"{key}: not named verbatim {unnamed}", file=sys.stderr)
        found += len(wanted) - len(missed)
        total += len(wanted)
        if args.show:
            print(f"== {key[0]} {key[1]}: missed {missed}")
            print("   actors:", "; ".join(a.name for a in actors))
    print(f"main entities found: {found} of {total} ({100 * found / total:.1f} %)")
    print(f"actors/article: {n_actors / len(entities):.2f} over {len(entities)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
