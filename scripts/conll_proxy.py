"""A second tuning proxy for BASIL named-entity recall (#14), on a source no rule was fitted
to: the prose news stories of the CoNLL-2003 English NER test split (Reuters, December 1996;
`../shared/data/external/conll2003/SOURCE.md`), and how many of the people and organisations
each story names two or more times the offline actors find, with actors per article.

Run from the repository root, with ../shared beside it (or SUMMARIZER_DATA_DIR set):
    .venv/bin/python scripts/conll_proxy.py [--misses FILE] [--actors FILE]

The stories: documents not marked `likely_tabular` whose headline is not a sports heading
("SOCCER - ...", "CRICKET - ..."): results tables and match reports are not BASIL's kind of
news. The text is CoNLL's tokens put back together ("Clinton 's" -> "Clinton's", "( a )" ->
"(a)", straight quotes closed on the right side), each sentence its own paragraph, the
headline first, the by-line and dateline lines left out.
An entity: the PER and ORG spans of the body, those of one story whose tokens are sub-spans
of one another ("Clinton", "Bill Clinton") one entity, kept when it has two or more
mentions (a fair stand-in for "a main entity named in the text"). It is found when an
actor's name or alias matches its fullest form with the eval's `names_score` (BASIL's
matcher: "Clinton" finds "Bill Clinton", "President Clinton" does not).
Never run on BASIL or PolNeAR test; article text stays in ../shared (research use only).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from basil_proxy import sub_span_clusters

from summarizer import Summarizer
from summarizer.eval._text import names_score

DATA = Path(os.environ.get("SUMMARIZER_DATA_DIR", "../shared/data/external"))
DATELINE = re.compile(r"\b\d{4}-\d{2}-\d{2}\s*$")


def detokenize(lines: list[str]) -> list[str]:
    """CoNLL's space-joined tokens as prose, straight quotes alternating open/close."""
    out = []
    open_quote = False
    for line in lines:
        words: list[str] = []
        glue = False  # the next token sticks to the previous one
        for tok in line.split():
            if tok == '"':
                if open_quote:
                    if words:
                        words[-1] += tok
                    else:
                        words.append(tok)
                else:
                    words.append(tok)
                    glue = True
                open_quote = not open_quote
                continue
            if words and (
                glue
                or tok in {",", ".", ":", ";", "?", "!", ")", "%"}
                or tok.startswith("'")
                or tok == "n't"
            ):
                words[-1] += tok
            else:
                words.append(tok)
            glue = tok in {"(", "$"}
        line = " ".join(words)
        if out and line[:1] in {",", ";", ")"}:  # CoNLL split a sentence after "Jr."
            out[-1] += line
        else:
            out.append(line)
    return out


def stories() -> list[dict]:
    """The prose news stories: id, text, and the body's PER/ORG mention texts."""
    rows = [
        json.loads(line)
        for line in (DATA / "conll2003" / "conll2003_test_docs.jsonl").open(encoding="utf-8")
    ]
    out = []
    for row in rows:
        head = row["headline"]
        if row["likely_tabular"] or re.match(r"[A-Z][A-Z ]+ - ", head):
            continue
        lines = row["text"].split("\n")
        start = next((i + 1 for i, line in enumerate(lines[:4]) if DATELINE.search(line)), 1)
        body = detokenize(lines[start:])
        text = "\n\n".join([detokenize([lines[0]])[0], *body])
        mentions = [
            " ".join(detokenize([e["text"]]))
            for e in row["entities"]
            if e["type"] in ("PER", "ORG") and e["sentence"] >= start
        ]
        out.append({"id": row["id"], "text": text, "mentions": mentions})
    return out


def entities(mentions: list[str]) -> list[list[str]]:
    """Mention forms clustered by sub-span, fullest first; clusters of 2+ mentions."""
    return [c for c in sub_span_clusters(mentions) if sum(mentions.count(f) for f in c) >= 2]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", type=Path)
    ap.add_argument("--actors", type=Path)
    args = ap.parse_args()
    s = Summarizer(model="offline")
    found = total = n_actors = 0
    misses = []
    dump = []
    docs = stories()
    for doc in docs:
        actors = s.summarize(doc["text"]).actors
        n_actors += len(actors)
        dump.append({"id": doc["id"], "actors": [[a.name, *a.aliases] for a in actors]})
        for cluster in entities(doc["mentions"]):
            total += 1
            if any(names_score(a.names(), [cluster[0]]) > 0 for a in actors):
                found += 1
            else:
                misses.append({"id": doc["id"], "entity": cluster})
    print(f"entities named twice found: {found} of {total} ({100 * found / total:.1f} %)")
    print(f"actors/article: {n_actors / len(docs):.2f} over {len(docs)}")
    if args.misses:
        args.misses.write_text("\n".join(json.dumps(m) for m in misses) + "\n")
    if args.actors:
        args.actors.write_text("\n".join(json.dumps(m) for m in dump) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
