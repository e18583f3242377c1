"""Build the PolNeAR train articles that are NOT in the shipped 200-article sample.

../shared ships 200 of PolNeAR's 840 train articles (`polnear_train_sample200.jsonl`), and
every rule of issue #14 was tuned on them and on dev. The other 640 train articles are
tuning data too (PolNeAR train), but nobody had looked at them: they measure how the rules
do on articles they were not fitted to, without touching test. This script converts them
from a clone of the PolNeAR repository (brat files) into the JSONL shape of ../shared's
files (same fields the bench reads; checked to reproduce the 200 shipped records exactly),
and splits them into two halves with a fixed seed: half A to read and tune on, half B kept
as a check that a change carries over (run it as an aggregate).

    git clone https://github.com/networkdynamics/PolNeAR /tmp/PolNeAR   # commit c3eee83
    .venv/bin/python scripts/polnear_train_rest.py /tmp/PolNeAR /tmp/polnear-rest
    .venv/bin/summarizer eval bench polnear --model offline --split train --no-peer \
        --data-dir /tmp/polnear-rest/A      # or /tmp/polnear-rest/B

(the halves are written under the train sample's file name so `--split train` reads them).
Article text is research-use only (see ../shared/data/external/polnear/SOURCE.md): keep
the output outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path
from typing import Any

SEED = 1410  # the A/B split of the 640 articles (issue #14, seventh session)
SAMPLE = Path("../shared/data/external/polnear/polnear_train_sample200.jsonl")
# Source mentions ../shared marks `source_is_pronoun` (read off its train sample).
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "who",
        "they",
        "i",
        "it",
        "you",
        "we",
        "his",
        "that",
        "which",
        "their",
        "her",
        "him",
    ]
)


def _relations(path: Path, text: str) -> list[dict[str, Any]]:
    spans: dict[str, list[dict[str, Any]]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            ranges = parts[1].split(" ", 1)[1].split(";")
            spans[parts[0]] = sorted(
                (
                    {"start": int(a), "end": int(b), "text": text[int(a) : int(b)]}
                    for a, b in (r.split() for r in ranges)
                ),
                key=lambda s: s["start"],
            )
        elif parts[0].startswith("E"):
            events.append((parts[0], dict(a.split(":") for a in parts[1].split()[1:])))
    out = []
    for eid, args in events:

        def role(name: str, args: dict[str, str] = args) -> list[dict[str, Any]]:
            found = [s for k, v in args.items() if k.rstrip("0123456789") == name for s in spans[v]]
            return sorted(found, key=lambda s: s["start"])

        source, content = role("Source"), role("Content")
        said = " ".join(s["text"] for s in content).strip()
        kind = (
            "direct"
            if said[:1] in ('"', "“", "'", "‘") and said
            else "partial"
            if re.search('["“]', said)
            else "indirect"
        )
        who = " ".join(s["text"] for s in source).strip().lower()
        out.append(
            {
                "id": eid,
                "source": source,
                "cue": role("Cue"),
                "content": content,
                "has_source": bool(source),
                "quote_type": kind,
                "source_is_pronoun": who in _PRONOUNS,
            }
        )
    return out


def record(repo: Path, article: str, meta: dict[str, str]) -> dict[str, Any]:
    """One train article as ../shared's JSONL record (the fields the bench reads)."""
    text = (repo / "data/train/text" / f"{article}.txt").read_text(encoding="utf-8")
    files = sorted((repo / "data/train/attributions").glob(f"{article}_*.ann"))
    annotations = {f.stem[len(article) + 1 :]: _relations(f, text) for f in files}
    listed = meta["annotators"].split("|")[0]
    primary = listed if listed in annotations else next(iter(annotations))
    return {
        "id": article,
        "compartment": "train",
        "publisher": meta["publisher"],
        "text": text,
        "annotations": annotations,
        "primary_annotator": primary,
    }


def _by_id(relations: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in relations}  # ../shared's relation order is not the files'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="a clone of networkdynamics/PolNeAR")
    parser.add_argument("out", type=Path, help="folder for A/ and B/ (outside the repository)")
    args = parser.parse_args()
    with (args.polnear / "data/metadata.tsv").open(encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    shipped = {r["id"]: r for r in map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines())}
    for article, want in shipped.items():  # the conversion must reproduce ../shared's records
        got = record(args.polnear, article, meta[article])
        key = want["primary_annotator"]
        same = got["primary_annotator"] == key and got["text"] == want["text"]
        if not same or _by_id(got["annotations"][key]) != _by_id(want["annotations"][key]):
            raise SystemExit(f"conversion differs from ../shared on {article}")
    rest = sorted(p.stem for p in (args.polnear / "data/train/text").glob("*.txt"))
    rest = [a for a in rest if a not in shipped]
    half_a = set(random.Random(SEED).sample(rest, len(rest) // 2))
    for half in ("A", "B"):
        path = args.out / half / "polnear" / "polnear_train_sample200.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for article in rest:
                if (article in half_a) == (half == "A"):
                    f.write(json.dumps(record(args.polnear, article, meta[article])) + "\n")
        print(f"{path}: {sum((a in half_a) == (half == 'A') for a in rest)} articles")


if __name__ == "__main__":
    main()
