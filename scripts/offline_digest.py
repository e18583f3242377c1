"""The offline rules' output on every article, hashed: proof that a change meant to keep
every output (a speed-up, a refactor) kept it, byte for byte.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/offline_digest.py write /tmp/before.tsv [--extra DIR ...] [--reporting]
    ... change the code ...
    .venv/bin/python scripts/offline_digest.py write /tmp/after.tsv  [same options]
    .venv/bin/python scripts/offline_digest.py compare /tmp/before.tsv /tmp/after.tsv

`write` runs `extract_offline` on the tuning articles (`scripts/tension_tuning.py`'s
`raw_articles`: AllSides odd lines, PolNeAR dev and train sample, the dev suite), the
bundled example, and the PolNeAR train file of each ``--extra`` data dir (the unseen train
halves `scripts/polnear_train_rest.py` writes), and writes one line per article: source,
id, sha256 of the `Extraction`'s JSON. ``--reporting`` adds the reporting sets (holdout
suite, AllSides even lines, PolNeAR test) as hashes only: `compare` gives their counts, never
their ids, and nothing here prints an output. Run `write` twice with different
``PYTHONHASHSEED`` values to check the rules do not depend on set order. `compare` exits 1
when any article's output differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tension_tuning import EXTERNAL, _with_title, raw_articles

from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import CleanArticle, clean_article

EXAMPLE = Path("examples/reuters-2025-10-08-putin-tajikistan.txt")
HOLDOUT = Path("evals/suites/holdout")
TUNING = frozenset({"allsides", "polnear-dev", "polnear-train", "dev", "example"})


def _polnear(source: str, path: Path) -> Iterator[tuple[str, str, CleanArticle]]:
    for line in path.read_text().splitlines():
        row = json.loads(line)
        yield source, row["id"], _with_title(row["text"], row.get("title"))


def _articles(extra: list[Path], reporting: bool) -> Iterator[tuple[str, str, CleanArticle]]:
    for source, aid, text, title in raw_articles(external=EXTERNAL.is_dir()):
        yield source, aid, _with_title(text, title)
    yield "example", EXAMPLE.name, clean_article(EXAMPLE.read_text())
    for k, data_dir in enumerate(extra):
        yield from _polnear(f"extra{k}", data_dir / "polnear/polnear_train_sample200.jsonl")
    if not reporting:
        return
    for gold in sorted(HOLDOUT.glob("*.gold.json")):
        text = (HOLDOUT / json.loads(gold.read_text())["article"]).read_text()
        yield "holdout", gold.name.removesuffix(".gold.json"), clean_article(text)
    path = EXTERNAL / "allsides_article_bias_sample/allsides_news_sample200.jsonl"
    for i, line in enumerate(path.read_text().splitlines()):
        if i % 2 == 0:
            row = json.loads(line)
            yield "allsides-even", f"{i:03d}", _with_title(row["text"], row.get("title"))
    yield from _polnear("polnear-test", EXTERNAL / "polnear/polnear_test.jsonl")


def write(out: Path, extra: list[Path], reporting: bool) -> None:
    total = hashlib.sha256()
    n = 0
    with out.open("w") as f:
        for source, aid, article in _articles(extra, reporting):
            digest = hashlib.sha256(extract_offline(article).model_dump_json().encode())
            f.write(f"{source}\t{aid}\t{digest.hexdigest()}\n")
            total.update(digest.digest())
            n += 1
    print(f"{n} articles, digest {total.hexdigest()[:16]} -> {out}")


def compare(before: Path, after: Path) -> int:
    def load(path: Path) -> dict[tuple[str, str], str]:
        rows = (line.split("\t") for line in path.read_text().splitlines())
        return {(s, a): h for s, a, h in rows}

    old, new = load(before), load(after)
    if old.keys() != new.keys():
        print(f"different articles: {len(old.keys() ^ new.keys())} in one file only")
        return 1
    changed = sorted(k for k in old if old[k] != new[k])
    per_source = Counter(s for s, _ in old)
    for source, n in sorted(per_source.items()):
        diff = [a for s, a in changed if s == source]
        shown = f": {' '.join(diff)}" if diff and source in TUNING else ""
        print(f"{source:14} {n:4} articles, {len(diff)} changed{shown}")
    print("identical" if not changed else f"{len(changed)} of {len(old)} articles changed")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--extra", type=Path, action="append", default=[])
    w.add_argument("--reporting", action="store_true")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = ap.parse_args()
    if args.command == "write":
        write(args.out, args.extra, args.reporting)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
