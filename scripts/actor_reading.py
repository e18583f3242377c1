"""Score the offline actors against the actor lists made by reading (#14).

evals/reading/actor-reading.tsv holds, for 33 tuning articles outside the dev suite
(AllSides odd lines, the PolNeAR train sample), every actor the offline rules returned at
main c4fa110 with a verdict by reading per ANNOTATION.md, and the key actors they missed;
the eighth session's rows (15 more articles, ``why`` ending "(eighth session)") list only
what reading found wrong or missing there, not every actor:

- right: a key actor, or one ANNOTATION.md allows (speaks, acts, is acted upon);
- not-key: a real name, but no reader needs it (a qualifier such as "U.S. troops", a
  place, someone named in passing, the publisher);
- junk: not an actor's name at all (a storm, a ship, a place, a credit line's reporter,
  a role fragment);
- wrong-type: an actor typed wrongly (the right type is in ``type``);
- wrong-alias: an alias (``alias``) that is not a form of that actor;
- missed: a key actor the rules did not return (``alias``: another form a reader
  accepts).

Matching: a "right" row counts as kept when an actor's name or alias matches the row's
names with the eval's `names_score` (alias-aware, sub-spans count); a "missed" row counts
as found only for a name of the same `name_key` as the row's or one that holds it ("Gary
Casteel" for "Casteel"; not "U.S." for "U.S. Navy", which the eval's sub-span rule would
let through); a junk,
not-key or wrong-type row counts as still present only for an actor of exactly that name
(`name_key`); a wrong-alias row when that actor still carries that alias.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/actor_reading.py        # counts (-v: every row not as wished)
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from tension_tuning import extract_listed

from summarizer._schema import Actor
from summarizer._text import name_key
from summarizer.eval._text import is_sub_span, names_score

LIST = Path(__file__).parents[1] / "evals" / "reading" / "actor-reading.tsv"


def _named(actors: list[Actor], name: str) -> Actor | None:
    key = name_key(name)
    return next((a for a in actors if name_key(a.name) == key), None)


def _holds(actors: list[Actor], names: list[str]) -> bool:
    keys = [name_key(n) for n in names]
    return any(
        k and is_sub_span(k, name_key(form)) for a in actors for form in a.names() for k in keys
    )


def _wished(row: dict[str, str], actors: list[Actor]) -> tuple[str, bool]:
    """(what the row measures, whether the output is as the reading wishes)."""
    verdict = row["verdict"]
    names = [n for n in (row["actor"], row["alias"]) if n]
    if verdict == "right":
        return "right kept", any(names_score(a.names(), names) > 0 for a in actors)
    if verdict == "missed":
        return "missed found", _holds(actors, names)
    actor = _named(actors, row["actor"])
    if verdict == "wrong-alias":
        key = name_key(row["alias"])
        return "wrong alias gone", actor is None or all(name_key(x) != key for x in actor.aliases)
    if verdict == "wrong-type":
        return "wrong type fixed", actor is None or actor.type == row["type"]
    return f"{verdict} gone", actor is None


def main(verbose: bool) -> None:
    rows = list(csv.DictReader(LIST.open(), delimiter="\t"))
    found = {key: extraction.actors for key, extraction in extract_listed(rows).items()}
    totals: Counter[str] = Counter()
    good: Counter[str] = Counter()
    for r in rows:
        what, ok = _wished(r, found[(r["source"], r["article"])])
        totals[what] += 1
        good[what] += ok
        if verbose and not ok:
            print(f"not yet: {what}: {r['source']} {r['article']}: {r['actor']} {r['alias']}")
    for what in sorted(totals):
        print(f"{what}: {good[what]} of {totals[what]}")
    n = sum(len(a) for a in found.values())
    print(f"actors per article: {n / len(found):.2f} over {len(found)} articles")


if __name__ == "__main__":
    main("-v" in sys.argv)
