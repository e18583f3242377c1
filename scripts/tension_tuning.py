"""Tuning articles for the offline tension rules (#14), as the offline backend sees them.

Tuning data only: AllSides odd lines (0-based line index odd, the lines the dev suite may
use; even lines feed the holdout suite), PolNeAR dev, the PolNeAR train sample, and the
dev suite. Never holdout, never PolNeAR test.

Titles: the article is cleaned with `clean_article`; when cleaning finds no title, the data
set's title is set as `CleanArticle.title` (what an HTML page's <title> gives), and a first
body paragraph that repeats it (PolNeAR texts open with their title line) leaves the body.
Dev suite articles are cleaned as `eval run` cleans them (no title unless the text has a
title line cleaning takes off).

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/tension_tuning.py dump > /tmp/tuning-tensions.txt
prints, per article: source, id, title, the first two body sentences and the tensions;
    .venv/bin/python scripts/tension_tuning.py tensions /tmp/before.jsonl
    .venv/bin/python scripts/tension_tuning.py diff /tmp/before.jsonl /tmp/after.jsonl
write every tension as a JSON line, and print the tensions one change gains and loses.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from summarizer._schema import Extraction
from summarizer._text import layout
from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import CleanArticle, clean_article

EXTERNAL = Path(os.environ.get("SUMMARIZER_DATA_DIR", "../shared/data/external"))
DEV = Path("evals/suites/dev")  # run from the repository root


def _key(text: str) -> str:
    return " ".join(text.lower().rstrip(".").split())


def _with_title(text: str, title: str | None) -> CleanArticle:
    article = clean_article(text)
    if article.title or not title:
        return article
    paragraphs = article.paragraphs
    if paragraphs and _key(paragraphs[0]) == _key(title):
        paragraphs = paragraphs[1:]
    return article.model_copy(update={"title": title.strip(), "paragraphs": paragraphs})


def raw_articles(
    dev: Path = DEV, *, external: bool = True
) -> Iterator[tuple[str, str, str, str | None]]:
    """(source, id, raw text, data set title) of every tuning article, before cleaning;
    with ``external`` False, the dev suite's only (no ../shared needed)."""
    if external:
        path = EXTERNAL / "allsides_article_bias_sample/allsides_news_sample200.jsonl"
        for i, line in enumerate(path.read_text().splitlines()):
            if i % 2 == 1:
                row = json.loads(line)
                yield "allsides", f"{i:03d}", row["text"], row.get("title")
        for name, source in (
            ("polnear_dev", "polnear-dev"),
            ("polnear_train_sample200", "polnear-train"),
        ):
            for line in (EXTERNAL / f"polnear/{name}.jsonl").read_text().splitlines():
                row = json.loads(line)
                yield source, row["id"], row["text"], row.get("title")
    for gold in sorted(dev.glob("*.gold.json")):
        text = (dev / json.loads(gold.read_text())["article"]).read_text()
        yield "dev", gold.name.removesuffix(".gold.json"), text, None


def articles(dev: Path = DEV) -> Iterator[tuple[str, str, CleanArticle]]:
    """(source, id, cleaned article) for every tuning article."""
    for source, aid, text, title in raw_articles(dev):
        yield source, aid, _with_title(text, title)


def extract_listed(rows: list[dict[str, str]]) -> dict[tuple[str, str], Extraction]:
    """The offline extraction of every tuning article a reading list's rows name (by their
    ``source`` and ``article`` columns); exits naming any article it cannot find."""
    wanted = {(r["source"], r["article"]) for r in rows}
    found = {
        (source, aid): extract_offline(article)
        for source, aid, article in articles()
        if (source, aid) in wanted
    }
    if missing := wanted - found.keys():
        raise SystemExit(f"articles not found: {sorted(missing)}")
    return found


def lead(article: CleanArticle, n: int = 2) -> list[str]:
    """The first ``n`` body sentences (as the tension rules split them)."""
    out: list[str] = []
    for para in layout(article.text):
        for start, end in para.sentences():
            out.append(para.text[start:end].strip())
            if len(out) == n:
                return out
    return out


def main() -> None:
    for source, aid, article in articles():
        ex = extract_offline(article)
        print(f"=== {source}\t{aid}")
        print(f"T: {article.title}")
        for s in lead(article):
            print(f"L: {s}")
        for t in ex.tensions:
            print(f"  -> {t.parties} | {t.description} | {t.evidence[:160]}")


def tensions(out: str) -> None:
    """Every tension on the tuning set, one JSON line each, for `diff`."""
    with open(out, "w") as f:
        for source, aid, article in articles():
            for t in extract_offline(article).tensions:
                row = {"source": source, "id": aid, "parties": t.parties}
                row |= {"description": t.description, "evidence": t.evidence}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def diff(before: str, after: str) -> None:
    """Tensions gained (+) and lost (-) between two `tensions` files."""

    def load(path: str) -> set[str]:
        return {line.strip() for line in open(path)}

    old, new = load(before), load(after)
    for sign, rows in (("-", old - new), ("+", new - old)):
        for line in sorted(rows):
            r = json.loads(line)
            print(
                sign, r["source"], r["id"], r["parties"], "|", r["description"], "|", r["evidence"]
            )
    print(f"{len(old)} -> {len(new)} tensions; {len(old - new)} lost, {len(new - old)} gained")


if __name__ == "__main__":
    if sys.argv[1:] == ["dump"]:
        main()
    elif sys.argv[1:2] == ["tensions"]:
        tensions(sys.argv[2])
    elif sys.argv[1:2] == ["diff"]:
        diff(sys.argv[2], sys.argv[3])
