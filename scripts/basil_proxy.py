"""Tuning proxy for BASIL named-entity recall (#14): the named people and bodies that
PolNeAR marks as quote/attribution sources (dev + train sample), and how many of them the
offline actors find; actors per article over those articles and the AllSides odd lines
(0-based odd lines: the tuning half; even lines feed the holdout suite).

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/basil_proxy.py [--misses FILE] [--actors FILE]

A source counts when its span ends in a run of capitalised words ("longtime Democratic
pollster Pat Caddell" -> "Pat Caddell", "The New York Post" -> "New York Post") that is
not a pronoun and not a word the article also writes in lower case ("Sources said").
Sources of one article whose names are sub-spans of one another ("Caddell", "Pat
Caddell") are one entity; it is found when an actor's name or alias matches any of its
forms with the eval's `names_score` (the BASIL bench's matcher).
Never run on PolNeAR test or BASIL.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from summarizer import Summarizer
from summarizer.eval._text import _name_tokens, is_sub_span, names_score

DATA = Path(os.environ.get("SUMMARIZER_DATA_DIR", "../shared/data/external"))
PRONOUNS = {"He", "She", "They", "It", "We", "I", "You", "His", "Her", "Their", "Its"}
SMALL = {"of", "for", "and", "the", "on", "de", "&"}


CALENDAR = set(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)


def named(span: str, text: str) -> str | None:
    # the head of the source: before an apposition or a place ("Michael Oppenheimer, a
    # professor at Princeton University" -> "Michael Oppenheimer")
    span = re.split(r",|\s+(?:at|from|in|with|who)\s+", span.replace("\xa0", " "))[0]
    words = span.split()
    run: list[str] = []
    for w in reversed(words):
        w2 = w.strip(',.;:()"“”')
        if w2[:1].isupper() or (run and w2 in SMALL):
            run.insert(0, w2)
        else:
            break
    while run and run[0] in SMALL | {"The"}:
        run.pop(0)
    while run and re.fullmatch(r"[A-Z][a-z]*[’']s", run[-1]) is None and run[-1] in SMALL:
        run.pop()
    if not run:
        return None
    name = " ".join(run)
    if len(run) == 1:
        word = run[0]
        low = word.lower()
        if word in PRONOUNS | CALENDAR or re.search(
            rf"\b(?:{re.escape(low)}|{re.escape(low.rstrip('s'))})\b", text
        ):
            return None  # "Sources said", "Polls show", "Mourners say"
    return name


def sources(row: dict) -> list[list[str]]:
    """Named sources of one PolNeAR article, clustered: [[forms...], ...]."""
    names: set[str] = set()
    for ann in row["annotations"][row["primary_annotator"]]:
        for s in ann.get("source", []):
            n = named(s["text"], row["text"])
            if n:
                names.add(n)
    return sub_span_clusters(names)


def sub_span_clusters(forms: Iterable[str]) -> list[list[str]]:
    """Names clustered by sub-span ("Caddell" joins "Pat Caddell"), fullest first, in one
    order on every run (a set's order changes with the hash seed)."""
    clusters: list[list[str]] = []
    for form in sorted(set(forms), key=lambda n: (-len(_name_tokens(n)), n)):
        t = _name_tokens(form)
        for c in clusters:
            if any(is_sub_span(t, _name_tokens(f)) for f in c):
                c.append(form)
                break
        else:
            clusters.append([form])
    return clusters


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=Path)
    ap.add_argument("--actors", type=Path)
    args = ap.parse_args()
    s = Summarizer(model="offline")
    rows = [
        json.loads(line)
        for f in ("polnear_dev", "polnear_train_sample200")
        for line in (DATA / "polnear" / f"{f}.jsonl").open()
    ]
    allsides = [
        json.loads(line)
        for i, line in enumerate(
            (DATA / "allsides_article_bias_sample/allsides_news_sample200.jsonl").open()
        )
        if i % 2 == 1
    ]
    found = total = 0
    n_actors_pn = 0
    misses = []
    actor_dump = []
    for row in rows:
        actors = s.summarize(row["text"]).actors
        n_actors_pn += len(actors)
        actor_dump.append({"id": row["id"], "actors": [a.name for a in actors]})
        for cluster in sources(row):
            total += 1
            if any(names_score(a.names(), cluster) > 0 for a in actors):
                found += 1
            else:
                misses.append({"id": row["id"], "source": cluster})
    n_actors_as = 0
    for row in allsides:
        try:
            actors = s.summarize(row["text"]).actors
        except Exception:
            actors = []
        n_actors_as += len(actors)
        actor_dump.append({"id": row["id"], "actors": [a.name for a in actors]})
    n = len(rows) + len(allsides)
    print(f"named sources found: {found} of {total} ({100 * found / total:.1f} %)")
    print(
        f"actors/article: polnear {n_actors_pn / len(rows):.2f}, allsides odd {n_actors_as / len(allsides):.2f}, all {((n_actors_pn + n_actors_as) / n):.2f} over {n}"
    )
    if args.misses:
        args.misses.write_text("\n".join(json.dumps(m) for m in misses) + "\n")
    if args.actors:
        args.actors.write_text("\n".join(json.dumps(m) for m in actor_dump) + "\n")


if __name__ == "__main__":
    sys.exit(main())
