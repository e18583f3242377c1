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

evals/reading/quote-misses-rest.tsv (eighth session) lists, the same way, every gold direct
quote of half A of the PolNeAR train articles outside the shipped sample (split
``train-rest-A``, built by scripts/polnear_train_rest.py) that the rules missed at main
9c1ffe4. With ``--data-dir`` naming that half's folder, the script counts it too.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/quote_misses.py          # counts (-v: each row found now)
    .venv/bin/python scripts/quote_misses.py --data-dir HALF_A   # and half A's list
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from summarizer import Summarizer
from summarizer.eval import _bench_polnear as polnear
from summarizer.eval._bench import default_data_dir

READING = Path(__file__).parent.parent / "evals" / "reading"
LIST = READING / "quote-misses.tsv"
REST_LIST = READING / "quote-misses-rest.tsv"


def found_keys(split: str, ids: set[str], data_dir: Path | None = None) -> set[str]:
    """``article:start`` of the gold direct quotes found at 0.3 in the given articles."""
    articles = [
        a
        for a in polnear.load_polnear(polnear.polnear_file(data_dir or default_data_dir(), split))
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


def count(rows: list[dict[str, str]], found: set[str], verbose: bool) -> None:
    """Per cause, how many listed rows are found now."""
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


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def main(verbose: bool, rest_dir: Path | None) -> None:
    rows = read(LIST)
    found: set[str] = set()
    for split in ("train", "dev"):
        found |= found_keys(split, {r["article"] for r in rows if r["split"] == split})
    print("train sample and dev (misses at c4fa110):")
    count(rows, found, verbose)
    if rest_dir is not None:
        rest = read(REST_LIST)
        found = found_keys("train", {r["article"] for r in rest}, rest_dir)
        print("unseen train half A (misses at 9c1ffe4):")
        count(rest, found, verbose)


if __name__ == "__main__":
    args = sys.argv[1:]
    rest = Path(args[args.index("--data-dir") + 1]) if "--data-dir" in args else None
    main("-v" in args, rest)
