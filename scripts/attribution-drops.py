"""How many correct (gold) quotes the grounding rules drop, suite by suite.

    .venv/bin/python scripts/attribution-drops.py evals/suites/dev evals/suites/holdout

Each gold annotation (its actors and quotes, written by reading the article) goes through
`ground` against the cleaned article, as a model's answer would. A gold quote that
grounding drops is a correct quote lost; the reasons are counted, so the speaker rule
(named near the quote) and the rule on sentences addressed to an AI show their own cost.
Gold speakers that are not among the gold actors are left out (not a rule's doing).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from summarizer._grounding import find_actor, ground
from summarizer._instructions import is_instruction, sentence_spans
from summarizer._schema import Actor, Extraction, Quote
from summarizer.input._cleaning import clean_article


def suite_drops(folder: Path, verbose: bool) -> tuple[int, Counter[str]]:
    total, reasons = 0, Counter[str]()
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / gold["article"]).read_text(encoding="utf-8")
        actors = [
            Actor.model_validate({k: a[k] for k in ("name", "type", "role", "aliases") if k in a})
            for a in gold["actors"]
        ]
        quotes = [Quote(text=q["text"], speaker=q["speaker"]) for q in gold["quotes"]]
        quotes = [q for q in quotes if find_actor(q.speaker, actors) is not None]
        total += len(quotes)
        extraction = Extraction(summary="", actors=actors, tensions=[], quotes=quotes)
        _, rejected = ground(extraction, clean_article(text).text)
        for r in rejected:
            if r.field == "quotes":
                kind = (
                    r.reason.split(":")[0]
                    if "attributes" not in r.reason
                    else "attributed to another actor"
                )
                reasons["not named near the quote" if "not named near" in r.reason else kind] += 1
                if verbose:
                    print(f"  {gold_path.name}: {r.item['speaker']}: {r.reason[:150]}")
    return total, reasons


def flagged_sentences(folder: Path, verbose: bool) -> tuple[int, int]:
    """Sentences of the suite's articles taken for instructions to an AI (should be none)."""
    seen = flagged = 0
    for path in sorted(folder.glob("*.txt")):
        for paragraph in clean_article(path.read_text(encoding="utf-8")).paragraphs:
            for start, end in sentence_spans(paragraph):
                seen += 1
                if is_instruction(paragraph[start:end]):
                    flagged += 1
                    if verbose:
                        print(f"  {path.name}: {paragraph[start:end][:150]}")
    return flagged, seen


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    for folder in [Path(a) for a in argv if a != "-v"]:
        total, reasons = suite_drops(folder, verbose)
        dropped = sum(reasons.values())
        print(f"{folder}: {dropped} of {total} gold quotes dropped {dict(reasons)}")
        flagged, seen = flagged_sentences(folder, verbose)
        print(f"{folder}: {flagged} of {seen} sentences taken for instructions to an AI")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
