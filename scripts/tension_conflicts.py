"""Score the offline tension rules against the conflicts listed by reading (#14).

evals/reading/tension-conflicts.tsv lists every conflict stated in a headline or
the first two body sentences of the tuning articles (AllSides odd lines, PolNeAR dev, the
PolNeAR train sample, the dev suite), read by hand: source, article id, where (headline or
lead), party A, party B, found (the sentence itself is not kept: article text is not
redistributed; `tension_tuning.py dump` prints it). A party lists the
names a reader accepts for it, separated by "|" ("Donald Trump|United States" when the
sentence makes the president and the state one side).

What was listed (session 6, 2026-11-30, by reading the title and the first two body
sentences as `tension_tuning.py dump` prints them): criticism, name-calling, threats,
demands, sanctions, tariffs, legal action, firing, attacks, opposition, disputes and
rivalries stated between parties a reader can name, groups included ("protesters",
"Republicans"); not counted: election horse-race and poll standings, endorsements,
conflicts said to be over ("Hannity ends feud"), a side nobody names ("a New York judge").
149 conflicts on AllSides odd lines / PolNeAR dev / train sample, 19 on the dev suite
(dev articles are cleaned as `eval run` does, so most have no title).

A conflict is found when one tension of the article has a party matching A and one
matching B (either order): the same `name_key` ("U.S." = "United States", "Donald J.
Trump" = "Donald Trump"), or a one-word party that is the last word of the listed name
("Trump" for "Donald Trump"). The tension may come from anywhere in the article; a
tension of three parties (subjects joined by "and" against one side) names each pair.

Run from the repository root, with ../shared beside it (nothing here is tuned on holdout
or PolNeAR test):
    .venv/bin/python scripts/tension_conflicts.py           # counts (-v: the misses)
    .venv/bin/python scripts/tension_conflicts.py --write   # refresh "found"
"""

from __future__ import annotations

import csv
import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from tension_tuning import extract_listed

from summarizer._text import name_key

LIST = Path(__file__).parents[1] / "evals" / "reading" / "tension-conflicts.tsv"
HEADER = ["source", "article", "where", "party_a", "party_b", "found"]


def _matches(name: str, party: str) -> bool:
    key = name_key(name)
    for alt in party.split("|"):
        other = name_key(alt)
        if key == other or (len(key) == 1 and len(other) > 1 and key[0] == other[-1]):
            return True
    return False


def _found(tensions: list[list[str]], a: str, b: str) -> bool:
    """A tension names A and B among its parties (two, or three: "Britain and Poland
    blamed Moscow" is one tension of subjects who share a side)."""
    return any(
        (_matches(p, a) and _matches(q, b)) or (_matches(p, b) and _matches(q, a))
        for t in tensions
        for p, q in itertools.combinations(t, 2)
    )


def main(write: bool) -> None:
    rows = list(csv.DictReader(LIST.open(), delimiter="\t"))
    tensions = {
        key: [t.parties for t in extraction.tensions]
        for key, extraction in extract_listed(rows).items()
    }
    totals: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    changed = []
    for r in rows:
        found = _found(tensions[(r["source"], r["article"])], r["party_a"], r["party_b"])
        was = r.get("found")
        r["found"] = "yes" if found else "no"
        if was in ("yes", "no") and was != r["found"]:
            changed.append(
                f"{was} -> {r['found']}: {r['source']} {r['article']}: {r['party_a']} / {r['party_b']}"
            )
        group = "dev" if r["source"] == "dev" else "tuning"
        totals[group] += 1
        hits[group] += found
    for group in ("tuning", "dev"):
        print(f"{group}: {hits[group]} of {totals[group]} found")
    print(f"all: {sum(hits.values())} of {sum(totals.values())} found")
    for line in changed:
        print("changed", line)
    if "-v" in sys.argv:
        for r in rows:
            if r["found"] == "no":
                print(
                    "missed",
                    r["source"],
                    r["article"],
                    r["where"],
                    "|",
                    r["party_a"],
                    "/",
                    r["party_b"],
                )
    if write:
        with LIST.open("w", newline="") as out:
            w = csv.DictWriter(out, HEADER, delimiter="\t", lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main("--write" in sys.argv)
