"""How often the PolNeAR bench's pronoun reference agrees with reading (#14).

evals/reading/pronoun-reading.tsv and pronoun-reading-fresh.tsv give, for PolNeAR train/dev
quotes whose gold speaker is "he"/"she", the person meant by reading. This script computes
the bench's reference (`pronoun_referent`) for each row now and counts, per list and split,
the rows where it agrees with reading: it names the same person (`speaker_matches`, as the
bench matches a prediction), or names nobody where reading found no name ("unnamed").
Rows of the unseen train halves (splits ``train-rest``: half A, ``train-rest-B``: half B)
need the halves `scripts/polnear_train_rest.py` builds, passed as ``--halves``.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/pronoun_reference.py --halves /tmp/p2-rest     # -v: disagreements
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path
from typing import Any

from summarizer.eval import _bench_polnear as polnear
from summarizer.eval._bench import default_data_dir
from summarizer.eval._jsonl import read_jsonl

READING = Path(__file__).parent.parent / "evals" / "reading"
LISTS = (
    "pronoun-reading.tsv",
    "pronoun-reading-fresh.tsv",
    "pronoun-errors-A.tsv",
    "pronoun-changes-9.tsv",
    "pronoun-errors-A2.tsv",
)


def data_file(split: str, halves: Path | None) -> Path | None:
    """The JSONL file holding a list's split (None: a half not built)."""
    if split in ("train", "dev"):
        return polnear.polnear_file(default_data_dir(), split)
    half = {"train-rest": "A", "train-rest-B": "B"}[split]
    return polnear.polnear_file(halves / half, "train") if halves else None


def reference(record: dict[str, Any], quote_start: int) -> str | None:
    """The bench's reference for the pronoun quote whose first content span starts there."""
    relations = record["annotations"].get(record["primary_annotator"], [])
    for rel in relations:
        if rel["content"] and rel["content"][0]["start"] == quote_start and rel["source"]:
            source = rel["source"][0]
            sources = polnear.source_mentions(relations)
            return polnear.pronoun_referent(
                record["text"], source["start"], source["text"], sources
            )
    raise LookupError(f"no quote at {quote_start} in {record['id']}")


def agrees(reading: str, ref: str | None) -> bool:
    """Whether the reference names the person read (or nobody, where no one is named)."""
    if reading == "unnamed":
        return ref is None
    return ref is not None and polnear.speaker_matches([reading], ref)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--halves", type=Path, help="folder with A/ and B/ (train halves)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print disagreements")
    args = parser.parse_args()
    records: dict[Path, dict[str, dict[str, Any]]] = {}
    for name in LISTS:
        with (READING / name).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        total, right = Counter[str](), Counter[str]()
        for row in rows:
            path = data_file(row["split"], args.halves)
            if path is None:
                continue
            if path not in records:
                records[path] = {r["id"]: r for r in read_jsonl(path, None)}
            ref = reference(records[path][row["article_id"]], int(row["quote_start"]))
            key = row["split"] + (f" {row['draw']}" if row.get("draw") else "")
            total[key] += 1
            if agrees(row["referent_by_reading"], ref):
                right[key] += 1
            elif args.verbose:
                print(name, row["split"], row["article_id"], row["quote_start"], sep="\t", end="\t")
                print(f"reading {row['referent_by_reading']!r}, reference {ref!r}")
        for split, n in total.items():
            print(
                f"{name:27} {split:18} reference agrees with reading on {right[split]:3} of {n:3}"
            )


if __name__ == "__main__":
    main()
