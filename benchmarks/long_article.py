"""Long articles: chunked extraction + merge, against per-article extraction, scored on gold.

    .venv/bin/python benchmarks/long_article.py

A long input is built by concatenating the cleaned bodies of related dev-suite
articles; the summariser splits it into chunks (``max_article_tokens``), extracts each
chunk through the fake OpenAI server, merges, and grounds the result on the whole text.
The same articles are also summarised one by one. Both runs use the same responder,
which answers for whatever text it receives:

- ``oracle``: the gold items (of all the articles) that are grounded in the text it
  received: actors mentioned in it (named by the fullest gold name or alias present),
  quotes inside quotation marks in it whose speaker it mentions, tensions whose
  evidence is in it and whose parties it mentions. A perfect model, so any loss is
  the chunking's (a speaker named only in an earlier chunk, a merge that went wrong);
- ``offline``: the offline rule backend run on the received text: an imperfect
  extractor whose output depends on the context it gets.

Scores are the eval harness's (`summarizer.eval.score_case`), per gold case: recall
of actors, quotes (0.8 overlap) and tensions, and the summary's must-mention
coverage. Precision is left out: a merged briefing of three articles rightly holds
items of the other two. Counts are items in the briefing(s); grounding is checked
by the summariser against the whole text (``rejected``).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer import Summarizer
from summarizer._chunking import split_article
from summarizer._grounding import ground, index_article, names_match
from summarizer.backends.offline._extract import extract_offline
from summarizer.eval import Case, load_suite, score_case
from summarizer.input._cleaning import CleanArticle
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "evals" / "suites" / "dev"
ARTICLE = re.compile(r"<article>\n(.*?)\n</article>", re.S)
HEADER = re.compile(r"\A(?:(?:Title|Source|Published): .*\n)*\n?")
BASIL = ["basil-2016-trump-vicente-fox-feud-" + o for o in ("fox", "nyt", "hpo")]
Responder = Callable[[str], dict[str, Any]]


def received_text(request: dict[str, Any]) -> str:
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    found = ARTICLE.search(user)
    return HEADER.sub("", found.group(1) if found else user)


def offline_responder(text: str) -> dict[str, Any]:
    chunk = CleanArticle(paragraphs=[p for p in text.split("\n\n") if p.strip()])
    extraction, _ = ground(extract_offline(chunk), chunk.text)
    return extraction.model_dump()


def oracle_responder(cases: list[Case], bodies: list[str]) -> Responder:
    def respond(text: str) -> dict[str, Any]:
        index = index_article(text)
        actors: list[dict[str, Any]] = []
        named: dict[str, str] = {}  # gold name -> the name used in this reply
        for gold in (c.gold for c in cases):
            for a in gold.actors:
                present = [n for n in a.names() if index.mentions(n)]
                if not present:
                    continue
                same = next((x for x in actors if names_match(x["name"], a.name)), None)
                if same is None:
                    name = max(present, key=lambda n: len(n.split()))
                    aliases = [n for n in present if n != name]
                    same = {"name": name, "type": a.type, "role": a.role, "aliases": aliases}
                    actors.append(same)
                named[a.name] = same["name"]

        def speaker(gold_name: str, gold: Any) -> str | None:
            actor = gold.find_actor(gold_name)
            return named.get(actor.name) if actor else None

        quotes, tensions = [], []
        for gold in (c.gold for c in cases):
            for q in gold.quotes:
                who = speaker(q.speaker, gold)
                if who and index.quoted(q.text) and q.text not in [x["text"] for x in quotes]:
                    quotes.append({"text": q.text, "speaker": who})
            for t in gold.tensions:
                parties = [speaker(p, gold) for p in t.parties]
                if all(parties) and index.contains(t.evidence):
                    tensions.append(
                        {"parties": parties, "description": t.description, "evidence": t.evidence}
                    )
        first = text.split("\n\n", 1)[0]
        source = next(c for c, b in zip(cases, bodies, strict=True) if first in b)
        summary = source.gold.summary.reference
        return {"summary": summary, "actors": actors, "tensions": tensions, "quotes": quotes}

    return respond


def run(
    respond: Responder, articles: list[CleanArticle], budget: int
) -> tuple[list[Any], dict[str, int]]:
    """Briefings of ``articles`` (each one a call of ``asummarize_article``) and server stats."""

    def reply(request: dict[str, Any]) -> Reply:
        return Reply(respond(received_text(request)))

    async def main(s: Summarizer) -> list[Any]:
        return list(await asyncio.gather(*(s.asummarize_article(a) for a in articles)))

    with FakeOpenAI(default=reply, latency=0.1) as server:
        s = Summarizer(
            model="fake", base_url=server.base_url, api_key="sk-x", max_article_tokens=budget
        )
        briefings = asyncio.run(main(s))
    return briefings, {"calls": server.count, "max_in_flight": server.max_in_flight}


def mean(values: list[float | None]) -> float:
    kept = [v for v in values if v is not None]
    return statistics.fmean(kept) if kept else float("nan")


def compare(name: str, ids: list[str], budget: int) -> list[str]:
    by_id = {c.id: c for c in load_suite(DEV)}
    cases = [by_id[i] for i in ids]
    plain = Summarizer(model="offline")
    articles = [plain.prepare(c.article_text) for c in cases]
    bodies = [a.text for a in articles]
    long = CleanArticle(title=None, paragraphs=[p for a in articles for p in a.paragraphs])
    chunks = len(split_article(long, budget))
    lines = [
        f"**{name}**: {len(cases)} articles, {len(long.text):,} characters "
        f"(~{len(long.text) // 4:,} estimated tokens), budget {budget} → {chunks} chunks",
        "",
        "| responder | run | calls | max in flight | actors R | quotes R | tensions R "
        "| summary must-mention | actors | quotes | tensions | rejected |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    responders: dict[str, Responder] = {
        "oracle": oracle_responder(cases, bodies),
        "offline": offline_responder,
    }
    for label, respond in responders.items():
        singles, single_stats = run(respond, articles, 1_000_000)  # never chunked
        merged, merged_stats = run(respond, [long], budget)
        per = [score_case(b, c.gold, c.article_text) for b, c in zip(singles, cases, strict=True)]
        one = [score_case(merged[0], c.gold, c.article_text) for c in cases]
        for run_name, scores, briefings, stats in (
            ("per article", per, singles, single_stats),
            ("long, chunked", one, merged, merged_stats),
        ):
            lines.append(
                f"| {label} | {run_name} | {stats['calls']} | {stats['max_in_flight']} "
                f"| {mean([s.actors.scores['recall'] for s in scores]):.2f} "
                f"| {mean([s.quotes.scores['recall'] for s in scores]):.2f} "
                f"| {mean([s.tensions.scores['recall'] for s in scores]):.2f} "
                f"| {mean([s.summary.scores['must_mention'] for s in scores]):.2f} "
                f"| {sum(len(b.actors) for b in briefings)} "
                f"| {sum(len(b.quotes) for b in briefings)} "
                f"| {sum(len(b.tensions) for b in briefings)} "
                f"| {sum(len(b.rejected) for b in briefings)} |"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--basil-budget", type=int, default=600)
    parser.add_argument("--dev-budget", type=int, default=6000)
    parser.add_argument("--dev-articles", type=int, default=8)
    args = parser.parse_args(argv)
    longest = sorted(DEV.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)
    dev_ids = [p.stem for p in longest[: args.dev_articles]]
    for lines in (
        compare("BASIL event 8abec8d9 (Fox, NYT, HuffPost)", BASIL, args.basil_budget),
        compare(f"{args.dev_articles} longest dev-suite articles", dev_ids, args.dev_budget),
    ):
        print("\n".join(lines), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
