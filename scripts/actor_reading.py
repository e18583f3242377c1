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

With ``--keys``, it scores instead evals/reading/actor-keys.tsv (eleventh session): for
10 more tuning articles, every actor a reader lists by ANNOTATION.md (``required`` yes: a
reader of the briefing must see it; no: allowed, as gold's ``required: false``), written
before the offline actors were looked at; and evals/reading/actor-keys-cnn.tsv (twelfth
session): the same for the 11 CNN/DM sample stories no suite uses (source ``cnndm``,
article the 0-based line of cnndm_sample/cnn_stories_sample.jsonl as two digits), each
story's ``article`` field cleaned with `clean_article` as `eval run` cleans a case's text;
and every evals/reading/actor-keys-writer*.tsv (thirteenth session): the same for articles
of the writer set (source ``writer``, article the 0-based line of
llm_news_summ_writer_summaries/writer_summaries_by_article.jsonl as two digits; lists a
to c, thirteenth and fifteenth sessions, d sixteenth, e seventeenth), scored together as
``writer`` and each list apart (``writer-a``...: a first look at a new list is its own
line);
and evals/reading/actor-keys-polnear.tsv (fifteenth session): the same for 10 articles of
the PolNeAR train sample (source ``polnear``, article the PolNeAR id), read with the
PolNeAR bench's own loader (`load_polnear` on the ``train`` split's file) and cleaned with
`clean_article` as the bench's summarizer cleans them.
Each article's rows are a gold actor list and the offline actors are scored against it with
the eval's own matcher (`score_actors`): actor precision, recall and F1 over the articles as
the eval report pools them (the mean of each article's figure), per source (AllSides lines,
CNN stories, writer lines, PolNeAR articles) and over all, and with ``-v`` each article's
missed and spurious names.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/actor_reading.py        # counts (-v: every row not as wished)
    .venv/bin/python scripts/actor_reading.py --keys # P/R/F1 on the key-actor lists (-v)
    .venv/bin/python scripts/actor_reading.py --unseen  # the unseen lists: aggregates only

With ``--unseen``, the lists of evals/unseen/ (writer lists h and i, AllSides list j; f and g
were moved to evals/reading/ as tuning data in the twenty-first session), written
by reading like the others but kept out of tuning: they are scored the same way, a line per
list, and no article's figures or names are ever printed (no ``-v``).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from tension_tuning import EXTERNAL, _with_title, extract_listed

from summarizer._schema import Actor, Extraction
from summarizer._text import name_key
from summarizer.backends.offline._extract import extract_offline
from summarizer.eval._bench_polnear import load_polnear, polnear_file
from summarizer.eval._gold import GoldActor, GoldCase, GoldSummary
from summarizer.eval._metrics import score_actors
from summarizer.eval._text import is_sub_span, names_score
from summarizer.input._cleaning import clean_article

LIST = Path(__file__).parents[1] / "evals" / "reading" / "actor-reading.tsv"
KEYS = Path(__file__).parents[1] / "evals" / "reading" / "actor-keys.tsv"
KEYS_CNN = Path(__file__).parents[1] / "evals" / "reading" / "actor-keys-cnn.tsv"
KEYS_POLNEAR = Path(__file__).parents[1] / "evals" / "reading" / "actor-keys-polnear.tsv"
# Key lists kept unseen: reporting data, scored as aggregates only (evals/unseen/README.md).
UNSEEN = Path(__file__).parents[1] / "evals" / "unseen"
CNN = EXTERNAL / "cnndm_sample" / "cnn_stories_sample.jsonl"
WRITER = EXTERNAL / "llm_news_summ_writer_summaries" / "writer_summaries_by_article.jsonl"
ALLSIDES = EXTERNAL / "allsides_article_bias_sample" / "allsides_news_sample200.jsonl"
# Sources whose ``article`` column is a 0-based line of a JSON-lines data set file.
JSONL = {"cnndm": CNN, "writer": WRITER}


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


def _gold(article: str, rows: list[dict[str, str]]) -> GoldCase:
    actors = [
        GoldActor(
            name=r["actor"],
            aliases=[a for a in r["aliases"].split("|") if a],
            type=r["type"],  # type: ignore[arg-type]
            required=r["required"] == "yes",
        )
        for r in rows
    ]
    summary = GoldSummary(reference="(key actors only)")
    return GoldCase(id=f"keys-{article}", article=article, summary=summary, actors=actors)


def extract_jsonl(rows: list[dict[str, str]]) -> dict[tuple[str, str], Extraction]:
    """The offline extraction of every CNN/DM sample story (``cnndm`` rows) and writer-set
    article (``writer`` rows) a list names, its ``article`` field cleaned as `eval run`
    cleans a case (no data set title)."""
    out: dict[tuple[str, str], Extraction] = {}
    for source, path in JSONL.items():
        wanted = {r["article"] for r in rows if r["source"] == source}
        if not wanted:
            continue
        lines = path.read_text().splitlines()
        for a in wanted:
            text = clean_article(json.loads(lines[int(a)])["article"])
            out[(source, a)] = extract_offline(text)
    return out


def extract_allsides_even(rows: list[dict[str, str]]) -> dict[tuple[str, str], Extraction]:
    """The offline extraction of every AllSides even line (``allsides`` rows with an even
    ``article``: reporting lines, which the tuning loader never yields) a list names,
    cleaned with the data set's title exactly as the tuning loader cleans the odd lines."""
    wanted = {
        r["article"] for r in rows if r["source"] == "allsides" and int(r["article"]) % 2 == 0
    }
    if not wanted:
        return {}
    lines = ALLSIDES.read_text().splitlines()
    out: dict[tuple[str, str], Extraction] = {}
    for a in wanted:
        row = json.loads(lines[int(a)])
        out[("allsides", a)] = extract_offline(_with_title(row["text"], row.get("title")))
    return out


def extract_polnear(rows: list[dict[str, str]]) -> dict[tuple[str, str], Extraction]:
    """The offline extraction of every PolNeAR train-sample article (``polnear`` rows) a
    list names, loaded as `summarizer eval bench polnear --split train` loads it and
    cleaned as its summarizer cleans it; exits naming any article it cannot find."""
    wanted = {r["article"] for r in rows if r["source"] == "polnear"}
    if not wanted:
        return {}
    texts = {a.id: a.text for a in load_polnear(polnear_file(EXTERNAL, "train"))}
    if missing := wanted - texts.keys():
        raise SystemExit(f"PolNeAR train-sample articles not found: {sorted(missing)}")
    return {("polnear", a): extract_offline(clean_article(texts[a])) for a in wanted}


def _report(label: str, scores: dict[tuple[str, str], dict[str, float]], n: int) -> None:
    """One line: mean P/R/F1 over the articles and actors per article."""
    means = {
        m: sum(s[m] for s in scores.values()) / len(scores) for m in ("precision", "recall", "f1")
    }
    figures = ", ".join(f"{m} {means[m]:.3f}" for m in means)
    print(
        f"{label}: {figures}; actors per article {n / len(scores):.2f} over {len(scores)} articles"
    )


def keys(verbose: bool, *, unseen: bool = False) -> None:
    """P/R/F1 on the key-actor lists (tuning data); with ``unseen``, on the lists of
    evals/unseen/ instead, an aggregate line per list and never an article's figures."""
    if not EXTERNAL.is_dir():
        raise SystemExit(f"{EXTERNAL} not found: run beside ../shared or set SUMMARIZER_DATA_DIR")
    if unseen and verbose:
        raise SystemExit("--unseen prints aggregates only: its lists are reporting data (no -v)")
    if unseen:  # every unseen list, whatever its source, a line each
        per_list = sorted(UNSEEN.glob("actor-keys-*.tsv"))
        paths = tuple(per_list)
    else:  # the writer lists a line each, the other key lists by source only
        per_list = sorted(KEYS.parent.glob("actor-keys-writer*.tsv"))
        paths = (KEYS, KEYS_CNN, *per_list, KEYS_POLNEAR)
    rows = [r for path in paths for r in csv.DictReader(path.open(), delimiter="\t")]
    # Which list (writer-a, writer-b..., allsides-j) holds each article, for a line per list.
    lists = {
        (r["source"], r["article"]): path.stem.removeprefix("actor-keys-")
        for path in per_list
        for r in csv.DictReader(path.open(), delimiter="\t")
    }
    even = extract_allsides_even(rows)
    listed = [r for r in rows if r["source"] not in {*JSONL, "polnear"}]
    listed = [r for r in listed if (r["source"], r["article"]) not in even]
    found = {k: e.actors for k, e in extract_listed(listed).items()}
    found |= {k: e.actors for k, e in even.items()}
    found |= {k: e.actors for k, e in extract_jsonl(rows).items()}
    found |= {k: e.actors for k, e in extract_polnear(rows).items()}
    scores: dict[tuple[str, str], dict[str, float]] = {}
    for key in sorted(found):
        gold = _gold(f"{key[0]}-{key[1]}", [r for r in rows if (r["source"], r["article"]) == key])
        score = score_actors(found[key], gold)
        scores[key] = {m: score.scores[m] or 0.0 for m in ("precision", "recall", "f1")}
        if verbose:
            s = scores[key]
            print(f"{key[0]} {key[1]}: P {s['precision']:.2f} R {s['recall']:.2f}")
            print(f"  missed: {score.missed}\n  spurious: {score.spurious}")
    for source in sorted({k[0] for k in found}):
        part = {k: v for k, v in scores.items() if k[0] == source}
        _report(source, part, sum(len(found[k]) for k in part))
    for name in sorted(set(lists.values())):
        part = {k: v for k, v in scores.items() if lists.get(k) == name}
        _report(f"  {name}", part, sum(len(found[k]) for k in part))
    _report("all", scores, sum(len(a) for a in found.values()))


if __name__ == "__main__":
    if "--unseen" in sys.argv:
        keys("-v" in sys.argv, unseen=True)
    elif "--keys" in sys.argv:
        keys("-v" in sys.argv)
    else:
        main("-v" in sys.argv)
