"""Tokens per article of the free and the anchored strategy, as a hosted model gets them.

    python benchmarks/strategy_tokens.py [--suite evals/suites/dev] [--gguf PATH]

No model is called. For each article of the suite and each mode:

1. request: the exact request body the summariser sends, captured by the fake OpenAI
   server (`summarizer.testing.FakeOpenAI`), rendered with the chat template of the
   local Qwen2.5 GGUF and counted with its tokenizer (`prompt_overhead.Counter`; a
   hosted model's tokenizer differs by a few per cent, the ratio much less). The
   ``json_schema`` mode's ``response_format`` schema is counted apart (a hosted API
   counts it as input; a local server compiles it to a grammar).
2. output: the answer a model that found exactly the gold items would give, in each
   strategy's shape. Free: the whole `Extraction` (quotes and evidence copied out).
   Anchored prompt v2: actors the rules' hint list lacks, ``{id, speaker}`` for the
   candidates the rules left unattributed, tensions with a sentence id, and the same
   summary (the gold reference) as free. Anchored prompt v3: the tensions alone
   (parties, description, sentence id); v4 and v5 (`prompts/anchored-rejected/`) the same
   shape (their caps are the grammar's, json mode only), so their output rows equal v3's.
   Anchored v6 (`prompts/anchored-rejected/`): a true/false verdict for every tension
   candidate code proposes, true for those a gold tension matches. Compact JSON as a model writes it is not
   assumed: every answer is counted as ``json.dumps`` writes it, spaces included.
3. cacheable prefix: the start of the rendered prompt that is the same as the previous
   article's (what a prompt cache, OpenAI's or llama.cpp's, can reuse), in tokens.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prompt_overhead import Counter, capture, load_tokenizer

from summarizer import Summarizer
from summarizer._grounding import find_actor
from summarizer._schema import Tension
from summarizer.backends import _anchored
from summarizer.backends.offline._extract import extract_offline
from summarizer.eval import load_suite
from summarizer.eval._gold import Case
from summarizer.eval._metrics import score_tensions
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
REJECTED = ROOT / "prompts" / "anchored-rejected"  # measured below v3 on dev, loaded by path
# (label, strategy, prompt version or template path): None is the newest
STRATEGIES = (
    ("free", "free", None),
    ("anchored v2", "anchored", "2"),
    ("anchored v3", "anchored", "3"),
    ("anchored v4", "anchored", str(REJECTED / "anchored.v4.md")),
    ("anchored v5", "anchored", str(REJECTED / "anchored.v5.md")),
    ("anchored v6", "anchored", str(REJECTED / "anchored.v6.md")),
)
MODES = ("tools", "json_schema", "json")


def free_answer(case: Case) -> dict[str, Any]:
    gold = case.gold
    return {
        "summary": gold.summary.reference,
        "actors": [
            {"name": a.name, "type": a.type, "role": a.role, "aliases": a.aliases}
            for a in gold.actors
        ],
        "tensions": [
            {"parties": t.parties, "description": t.description, "evidence": t.evidence}
            for t in gold.tensions
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker} for q in gold.quotes],
    }


def anchored_answer(case: Case, summarizer: Summarizer) -> dict[str, Any]:
    article = summarizer.prepare(case.article_text)
    index = _anchored.index_article(article.text, extract_offline(article))
    gold = case.gold
    rules = index.rules.actors
    actors = [
        {"name": a.name, "type": a.type, "role": a.role}
        for a in gold.actors
        if find_actor(a.name, rules) is None
    ]
    quotes = []
    for q in gold.quotes:
        key = _anchored._quote_key(q.text)
        for c in index.candidates:
            other = _anchored._quote_key(c.text)
            if other and (other in key or key in other):
                if not c.hint:
                    quotes.append({"id": c.id, "speaker": q.speaker})
                break
    tensions = []
    for t in gold.tensions:
        sid = next((s.id for s in index.sentences if t.evidence[:40] in s.text), None)
        if sid is not None:
            tensions.append({"parties": t.parties, "description": t.description, "sentence": sid})
    summary = gold.summary.reference
    return {"summary": summary, "actors": actors, "quotes": quotes, "tensions": tensions}


def anchored_v3_answer(case: Case, summarizer: Summarizer) -> dict[str, Any]:
    """Prompt v3's answer: the gold tensions whose evidence starts one sentence."""
    tensions = anchored_answer(case, summarizer)["tensions"]
    return {
        "tensions": [{k: t[k] for k in ("parties", "description", "sentence")} for t in tensions]
    }


def anchored_v6_answer(case: Case, summarizer: Summarizer) -> dict[str, Any]:
    """Prompt v6's answer: a verdict per tension candidate, true where a gold tension
    matches the candidate (its pair, its sentence as evidence)."""
    article = summarizer.prepare(case.article_text)
    index = _anchored.index_article(article.text, extract_offline(article), mark_quotes=False)
    verdicts = {}
    for c in _anchored.tension_candidates(index):
        tension = Tension(parties=list(c.parties), description="", evidence=c.text)
        verdicts[c.id] = not score_tensions([tension], case.gold).spurious
    return {"verdicts": verdicts}


def capture_v6(mode: str, texts: list[str], prompt: str) -> list[dict[str, Any]]:
    """`capture` for prompt v6, whose answer must name every candidate of the request:
    the fake server answers false for each (`capture`'s fixed empty briefing would be
    re-asked)."""

    def all_false(request: dict[str, Any]) -> Reply:
        ids = re.findall(r"^  (C\d+): ", request["messages"][-1]["content"], re.M)
        return Reply({"verdicts": dict.fromkeys(ids, False)})

    with FakeOpenAI(default=all_false) as server:
        s = Summarizer(
            model="m", base_url=server.base_url, api_key="sk-x", mode=mode,
            strategy="anchored", prompt=prompt,
        )  # fmt: skip
        for text in texts:
            s.summarize(text)
    assert server.count == len(texts), "one request per article expected"
    return server.requests


def rendered(counter: Counter, request: dict[str, Any]) -> str:
    return str(
        counter.template.render(
            messages=request["messages"], tools=request.get("tools"), add_generation_prompt=True
        )
    )


def shared_prefix(a: str, b: str) -> str:
    """The characters both texts start with."""
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[:i]
    return min(a, b, key=len)


def measure(counter: Counter, suite: str) -> dict[str, Any]:
    cases = load_suite(suite)
    texts = [c.article_text for c in cases]
    plain = Summarizer(model="m", base_url="http://127.0.0.1:9/v1", api_key="sk-x")
    answers = {
        "free": free_answer,
        "anchored v2": lambda c: anchored_answer(c, plain),
        "anchored v3": lambda c: anchored_v3_answer(c, plain),
        "anchored v4": lambda c: anchored_v3_answer(c, plain),  # the same answer shape
        "anchored v5": lambda c: anchored_v3_answer(c, plain),
        "anchored v6": lambda c: anchored_v6_answer(c, plain),
    }
    outputs = {
        label: [counter.tokens(json.dumps(shape(c), ensure_ascii=False)) for c in cases]
        for label, shape in answers.items()
    }
    result: dict[str, Any] = {"articles": len(cases), "rows": []}
    for mode in MODES:
        for label, strategy, version in STRATEGIES:
            if label == "anchored v6":
                requests = capture_v6(mode, texts, version)
            elif version is not None and version.endswith(".md"):
                requests = capture(mode, texts, None, strategy=strategy, prompt=version)
            else:
                requests = capture(mode, texts, version, strategy=strategy)
            prompts = [rendered(counter, r) for r in requests]
            side = [
                counter.tokens(json.dumps(r["response_format"], ensure_ascii=False))
                for r in requests
                if "json_schema" in (r.get("response_format") or {})
            ]
            result["rows"].append(
                {
                    "mode": mode,
                    "strategy": label,
                    "request": statistics.fmean(counter.tokens(p) for p in prompts),
                    "response_format": statistics.fmean(side) if side else 0.0,
                    "output": statistics.fmean(outputs[label]),
                    "static_prefix": statistics.fmean(
                        counter.tokens(shared_prefix(a, b)) for a, b in itertools.pairwise(prompts)
                    ),
                }
            )
    return result


def report(result: dict[str, Any]) -> str:
    lines = [
        f"{result['articles']} articles; tokens per article (mean), Qwen2.5 tokenizer",
        "",
        "| mode | strategy | request | + response_format schema | output (gold-sized) "
        "| prefix shared with the previous article's request |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for r in result["rows"]:
        lines.append(
            f"| {r['mode']} | {r['strategy']} | {r['request']:.0f} | {r['response_format']:.0f} "
            f"| {r['output']:.0f} | {r['static_prefix']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--suite", default=str(ROOT / "evals" / "suites" / "dev"))
    parser.add_argument("--gguf", default=None, help="GGUF whose tokenizer and template to use")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    llm, _ = load_tokenizer(args.gguf)
    result = measure(Counter(llm), args.suite)
    print(json.dumps(result, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
