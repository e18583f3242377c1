"""Which of the PolNeAR tuning quotes the offline rules missed are found now (#14).

evals/reading/quote-misses.tsv lists every gold direct quote of the PolNeAR train sample
and dev split that the offline rules missed at main c4fa110 (issue #14, seventh session),
with the step that lost it then (``stage_at_c4fa110``, from the bench's own placement
and scoring) and the cause by reading the quote in its article (``cause_by_reading``):

- fixed: recovered by a rule of that session;
- fragment: a title, slogan, chant, sign or short fragment that PolNeAR marks direct;
- document: a written text speaks ("the statement said", "the editorial read", "it reads");
- anonymous: an anonymous source or official;
- speaker-unresolved: a person or body the rules cannot name there;
- grounding: attributed, then dropped by the grounding rule (mostly pronoun speakers);
- pronoun-other: "they", "I" or a "he"/"she" the pronoun rules do not resolve;
- bench-locate: extracted, but the bench places it on an earlier identical text;
- runs-on: the gold span runs past the closing mark, so the quoted part is under 30 %;
- marks: quotation marks paired wrongly in the source.

This script runs the offline backend (the bench's way: `Summarizer`, grounding included) on
the listed articles and counts, per cause, the rows found now at the 0.3 threshold.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/quote_misses.py          # counts (-v: each row found now)
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from summarizer import Summarizer
from summarizer.eval import _bench_polnear as polnear
from summarizer.eval._bench import default_data_dir

LIST = Path(__file__).parent.parent / "evals" / "reading" / "quote-misses.tsv"


def found_keys(split: str, ids: set[str]) -> set[str]:
    """``article:start`` of the gold direct quotes found at 0.3 in the given articles."""
    articles = [
        a
        for a in polnear.load_polnear(polnear.polnear_file(default_data_dir(), split))
        if a.id in ids
    ]
    summarizer = Summarizer(model="offline")
    found = set()
    for article in articles:
        briefing = summarizer.summarize(article.text)
        preds = polnear.locate(article.text, briefing.quotes, briefing.actors)
        groups = polnear._assign(article.quotes, preds)
        for j, gold in enumerate(article.quotes):
            covered: set[int] = set()
            for i in groups.get(j, []):
                covered |= preds[i].chars & gold.chars
            if gold.direct and gold.chars and len(covered) / len(gold.chars) > 0.3:
                found.add(f"{article.id}:{min(gold.chars)}")
    return found


def main(verbose: bool) -> None:
    with LIST.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    found: set[str] = set()
    for split in ("train", "dev"):
        found |= found_keys(split, {r["article"] for r in rows if r["split"] == split})
    total, now = Counter[str](), Counter[str]()
    for row in rows:
        cause = row["cause_by_reading"]
        total[cause] += 1
        if f"{row['article']}:{row['gold_start']}" in found:
            now[cause] += 1
            if verbose:
                print("found", row["split"], row["article"], row["gold_start"], cause)
    for cause, n in total.most_common():
        print(f"{cause:20} {now[cause]:3} of {n:3} found now")
    print(f"{'all':20} {sum(now.values()):3} of {sum(total.values()):3} found now")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
