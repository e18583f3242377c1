"""CPU cost of the offline rules per article, and where it goes.

    .venv/bin/python benchmarks/offline_cpu.py               # from the repository root; ~1 min
    .venv/bin/python benchmarks/offline_cpu.py --repeat 5
    .venv/bin/python benchmarks/offline_cpu.py --ner        # and the opt-in named-entity pass
    PYTHONPATH=/path/to/an/older/checkout .venv/bin/python benchmarks/offline_cpu.py  # before

Times `extract_offline` (the offline backend's whole extraction, cleaning excluded) in CPU
seconds (``time.process_time``, best of ``--repeat`` passes over each set: the pass least
disturbed by the machine), per article, on

- ``dev suite``: the articles of `evals/suites/dev`;
- ``example``: the bundled Reuters example;
- ``tuning``: the 384 tuning articles of issue #14 (AllSides odd lines, PolNeAR dev and the
  train sample, cleaned as `scripts/tension_tuning.py` cleans them), when ../shared (or
  ``SUMMARIZER_DATA_DIR``) is there;

then splits each article's cost by stage, in the order `extract_offline` runs them:
``clean`` (cleaning the raw text, which `Summarizer.prepare` does before the backend),
``layout`` (paragraphs, sentences, title lines), ``registry`` (the names registry:
actors found), ``quotes``, ``tensions``, ``actors`` (the registry's actors listed) and
``summary`` (the lead). A stage's figure is its best pass too, so the stages add up to a
little less than the whole. ``(repair)`` is the part of ``clean`` that repairs mojibake
(`repair_mojibake` on the raw text), timed apart in the same run. The split runs the stages itself and stops if its result is
not `extract_offline`'s (update it when `extract_offline` changes).
With ``--ner`` (the `ner` extra installed), two more columns: ``+ner``, the opt-in
named-entity pass (`offline._ner`, ``SUMMARIZER_NER``) run on the rules' output, and
``ratio``, the rules with the pass over the rules alone, both measured in the same run.
The figures move with the machine's load (printed): compare rows of one run, or runs made
back to back.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from tension_tuning import EXTERNAL, _with_title, raw_articles  # noqa: E402

from summarizer._schema import Extraction  # noqa: E402
from summarizer._text import layout  # noqa: E402
from summarizer.backends.offline._extract import _headline, extract_offline, lead_summary  # noqa: E402
from summarizer.backends.offline._names import Registry  # noqa: E402
from summarizer.backends.offline._quotes import find_quotes  # noqa: E402
from summarizer.backends.offline._tensions import find_tensions  # noqa: E402
from summarizer.input._cleaning import CleanArticle  # noqa: E402
from summarizer.input._encoding import repair_mojibake  # noqa: E402

EXAMPLE = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
STAGES = ("clean", "layout", "registry", "quotes", "tensions", "actors", "summary")

Raw = tuple[str, str | None]  # raw text, the data set's title


def article_sets() -> dict[str, list[Raw]]:
    """The raw articles of each set, named as the table names them."""
    sets: dict[str, list[Raw]] = {"dev suite": [], "example": [(EXAMPLE.read_text(), None)]}
    tuning: list[Raw] = []
    dev = ROOT / "evals" / "suites" / "dev"
    for source, _, text, title in raw_articles(dev, external=EXTERNAL.is_dir()):
        (sets["dev suite"] if source == "dev" else tuning).append((text, title))
    if tuning:
        sets["tuning"] = tuning
    return sets


def staged(raw: Raw, times: dict[str, float]) -> Extraction:
    """`extract_offline` run stage by stage (cleaning first), each stage's CPU seconds
    added to ``times``."""
    clock = time.process_time
    t0 = clock()
    article = _with_title(*raw)
    t1 = clock()
    paragraphs = layout(article.text)
    title_lines = frozenset(p.index for p in paragraphs if _headline(p.text, strict=True))
    t2 = clock()
    registry = Registry(paragraphs, article.title, title_lines)
    t3 = clock()
    quotes = find_quotes(paragraphs, registry)
    t4 = clock()
    tensions = find_tensions(paragraphs, registry, article.title, quotes)
    t5 = clock()
    actors = registry.actor_list()
    t6 = clock()
    summary = lead_summary(article.paragraphs, title=article.title)
    t7 = clock()
    marks = (t0, t1, t2, t3, t4, t5, t6, t7)
    for stage, (a, b) in zip(STAGES, pairwise(marks), strict=True):
        times[stage] += b - a
    return Extraction(summary=summary, actors=actors, tensions=tensions, quotes=quotes)


def best(passes: int, run: Callable[[], None]) -> float:
    """CPU seconds of the least disturbed of ``passes`` runs."""
    cpu = []
    for _ in range(passes):
        gc.collect()
        start = time.process_time()
        run()
        cpu.append(time.process_time() - start)
    return min(cpu)


def measure(raws: list[Raw], passes: int, *, ner: bool = False) -> dict[str, float]:
    """Milliseconds of CPU per article: the whole extraction, then each stage."""
    articles: list[CleanArticle] = [_with_title(*raw) for raw in raws]
    for raw, article in zip(raws, articles, strict=True):
        if staged(raw, dict.fromkeys(STAGES, 0.0)) != extract_offline(article):
            raise SystemExit("the stages here no longer make extract_offline's result: update")

    def whole() -> None:
        for article in articles:
            extract_offline(article)

    row = {"extract": best(passes, whole)}
    stage_passes = []
    for _ in range(passes):
        times = dict.fromkeys(STAGES, 0.0)
        gc.collect()
        for raw in raws:
            staged(raw, times)
        stage_passes.append(times)
    row |= {stage: min(p[stage] for p in stage_passes) for stage in STAGES}

    def repair() -> None:
        for text, _ in raws:
            repair_mojibake(text)

    row["(repair)"] = best(passes, repair)
    if ner:
        row["+ner"] = ner_cpu(articles, passes)
        row["ratio"] = (row["extract"] + row["+ner"]) / row["extract"]
    return {k: v if k == "ratio" else 1000 * v / len(raws) for k, v in row.items()}


def ner_cpu(articles: list[CleanArticle], passes: int) -> float:
    """CPU seconds of the named-entity pass over the rules' output (the pipeline loaded
    and warmed up first: a run loads it once)."""
    from summarizer.backends.offline._ner import add_entity_orgs

    found = [(article.text, extract_offline(article)) for article in articles]
    add_entity_orgs(*found[0])

    def run() -> None:
        for text, extraction in found:
            add_entity_orgs(text, extraction)

    return best(passes, run)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes per set; the best counts")
    ap.add_argument("--ner", action="store_true", help="also the opt-in named-entity pass")
    args = ap.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
    print(f"CPU ms per article (process_time, best of {args.repeat} passes)")
    columns = ("extract", *STAGES, "(repair)", *(("+ner", "ratio") if args.ner else ()))
    print(f"{'set':12}{'articles':>9}" + "".join(f"{c:>10}" for c in columns))
    for name, raws in article_sets().items():
        row = measure(raws, args.repeat, ner=args.ner)
        print(f"{name:12}{len(raws):>9}" + "".join(f"{row[c]:>10.2f}" for c in columns))
    if not EXTERNAL.is_dir():
        print(f"(no tuning set: {EXTERNAL} is not there)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
