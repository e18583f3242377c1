"""Score the anchored strategy's merge policies per field on recorded model answers.

    .venv/bin/python scripts/anchored-merge.py SUITE CALLLOG [--mode json] [--cases N] [--prompt-version 2]
        [--prompt prompts/anchored-rejected/anchored.v5.md]

No model is called: every case of SUITE whose requests CALLLOG holds is run through the
anchored pipeline against a replay of the log (`summarizer.testing.Replay`), once per
policy, with `summarizer.backends._anchored.merge_with_rules` swapped for the policy, and
scored with the eval metrics. Cases the log lacks are skipped and counted; an answer recorded for the same numbered
article under other hint lines (the rules changed since) is replayed and counted apart
(`Replay(by_article=True)`). Policies:

- ``rules``: the offline rules' items and lead summary (what the offline backend returns);
- ``model``: the model's answer alone, resolved to verbatim text (its summary if faithful,
  else the lead), to see what the model brings;
- ``merged``: the shipped merge (`merge_with_rules`: the rules' items, the model's
  supported additions, the rules' lead summary), and two other summary rules: the
  model's summary when every name and number of it is in the article (as recorded), or
  only when it also names more of the rules' actors than the lead; and the merge of the
  answer's tensions alone, with and without their descriptions (what prompt v3 asks);
- for prompts v3 on (issue #15, v5): the model's tension parties added as actors (the
  merge before), or only those the article names >= 2 or >= 3 times or that are parties
  of >= 2 kept tensions, or none (shipped since v5: the rules' actors); a rules' tension
  dropped for a model one with the same parties, or the model's tensions alone when it
  has any; each tension's parties cut to its first 2 or 3 (what a grammar cap decodes).

The table is what the merge is decided on, field by field: tune on dev, never on holdout.
"""

from __future__ import annotations

import argparse
import logging
import re
import statistics
from collections.abc import Callable
from typing import Any

from summarizer import Summarizer
from summarizer._errors import SummarizerError
from summarizer._grounding import find_actor
from summarizer._schema import Actor, Extraction
from summarizer._text import name_tokens
from summarizer.backends import _anchored
from summarizer.eval import load_suite, score_case
from summarizer.testing import FakeOpenAI, Replay

Policy = Callable[[Extraction, _anchored.AnchorIndex, str], Extraction]
SHIPPED = _anchored.merge_with_rules
METRICS = (
    ("actors F1", "actors", "f1"),
    ("attributed-quote F1", "quotes", "attributed_f1"),
    ("quote F1", "quotes", "f1"),
    ("speaker acc.", "quotes", "speaker_accuracy"),
    ("tensions P", "tensions", "precision"),
    ("tensions R", "tensions", "recall"),
    ("tensions F1", "tensions", "f1"),
    ("must-mention", "summary", "must_mention"),
    ("facts supported", "summary", "facts_supported"),
)


def rules_only(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    return index.rules


def model_only(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    faithful = _anchored.faithful_summary(model.summary, text)
    return model.model_copy(update={"summary": model.summary if faithful else index.rules.summary})


def merged_faithful(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    """The summary as the recorded runs had it: the model's if faithful, else the lead."""
    faithful = _anchored.faithful_summary(model.summary, text)
    merged = SHIPPED(model, index, text)
    return merged.model_copy(update={"summary": model.summary if faithful else merged.summary})


def merged_covers(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    """The lead unless the model's summary is faithful and names more of the rules' actors."""
    merged = SHIPPED(model, index, text)
    lead = index.rules.summary
    actors = index.rules.actors

    def named(summary: str) -> int:
        return sum(_anchored._named_in(a.name, summary, actors) for a in actors)

    better = _anchored.faithful_summary(model.summary, text) and named(model.summary) > named(lead)
    return merged.model_copy(update={"summary": model.summary if better else lead})


def merged_model_quotes(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    """The merge with the model's supported quote additions too (as the recorded runs had it)."""
    merged = SHIPPED(model, index, text)
    extra = _anchored._supported_additions(_anchored._speakers_as_actors(model), index).quotes
    known = {q.text for q in merged.quotes}
    added = [q for q in extra if q.text not in known]
    return merged.model_copy(update={"quotes": [*merged.quotes, *added]})


def without_quotes_summary_actors(
    model: Extraction, index: _anchored.AnchorIndex, text: str
) -> Extraction:
    """The merge of an answer with tensions only (what prompt v3 asks for)."""
    return SHIPPED(
        model.model_copy(update={"quotes": [], "actors": [], "summary": ""}), index, text
    )


def tensions_without_descriptions(
    model: Extraction, index: _anchored.AnchorIndex, text: str
) -> Extraction:
    """As above, with every tension's description empty: does the merge use them?"""
    tensions = [t.model_copy(update={"description": ""}) for t in model.tensions]
    only = model.model_copy(update={"quotes": [], "actors": [], "tensions": tensions})
    return SHIPPED(only, index, text)


# --- v4 (issue #15): how many of the model's tension parties become actors, and how its
# tensions combine with the rules' ------------------------------------------------------


def _mentions(name: str, text: str, actors: list[Actor]) -> int:
    """How often ``text`` names the actor ``name`` refers to (any of its names, a person's
    surname), as whole words."""
    names = _anchored.names_of(name, actors)
    pattern = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return len(re.findall(rf"(?<!\w)(?:{pattern})(?!\w)", text)) if pattern else 0


def adding_actors(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    """The merge with the model's supported tension parties (and actors) added as actors,
    as prompt v2's merge does and v3's did before v5 (from v3 on: the rules' actors)."""
    before, index.add_actors = index.add_actors, True
    try:
        return SHIPPED(model, index, text)
    finally:
        index.add_actors = before


def _admit(rule: Callable[[Actor, str, Extraction], bool]) -> Policy:
    """The shipped merge, keeping only the added actors ``rule`` admits (the rules' actors
    always); a tension with a party left out is dropped (grounding would drop it)."""

    def policy(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
        merged = adding_actors(model, index, text)
        rules = index.rules.actors
        actors = [
            a for a in merged.actors
            if find_actor(a.name, rules) is not None or rule(a, text, merged)
        ]  # fmt: skip
        tensions = [
            t for t in merged.tensions if all(find_actor(p, actors) is not None for p in t.parties)
        ]
        return merged.model_copy(update={"actors": actors, "tensions": tensions})

    return policy


def _named_at_least(n: int) -> Callable[[Actor, str, Extraction], bool]:
    return lambda a, text, merged: _mentions(a.name, text, merged.actors) >= n


def _in_two_tensions(a: Actor, text: str, merged: Extraction) -> bool:
    return sum(find_actor(a.name, [Actor(name=p, type="organization", role="")]) is not None
               for t in merged.tensions for p in t.parties) >= 2  # fmt: skip


def _party_of_a_kept_tension_its_sentence_names(a: Actor, text: str, merged: Extraction) -> bool:
    return any(
        find_actor(a.name, [Actor(name=p, type="organization", role="")]) is not None
        and _anchored._named_in(p, t.evidence, merged.actors)
        for t in merged.tensions
        for p in t.parties
    )


def _support(need: Callable[[list[str]], int]) -> Policy:
    """The shipped merge with another support check for the model's tensions: kept when
    its sentence names at least ``need(parties)`` of its parties (shipped: min(2, n))."""
    original = _anchored._supported_additions

    def supported(model: Extraction, index: _anchored.AnchorIndex) -> Extraction:
        out = original(model.model_copy(update={"tensions": []}), index)
        known = [*index.rules.actors, *out.actors]

        def canon(name: str) -> str:
            actor = find_actor(name, known)
            return actor.name if actor is not None else name

        kept = []
        for t in model.tensions:
            parties = list(dict.fromkeys(canon(p) for p in t.parties))
            named = sum(_anchored._named_in(p, t.evidence, known) for p in parties)
            if parties and named >= need(parties):
                kept.append(t.model_copy(update={"parties": parties}))
        return out.model_copy(update={"tensions": kept})

    def policy(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
        _anchored._supported_additions = supported  # type: ignore[assignment]
        try:
            return SHIPPED(model, index, text)
        finally:
            _anchored._supported_additions = original  # type: ignore[assignment]

    return policy


def _model_tensions_first(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    """The shipped merge, with a rules' tension dropped when a kept model tension has the
    same parties (the model's replaces it: one per pair of parties)."""
    merged = SHIPPED(model, index, text)
    rules = index.rules.tensions

    def pair(t: Any) -> frozenset[str]:
        return frozenset(name_tokens(p) for p in t.parties)

    own = [t for t in merged.tensions if t not in rules]
    pairs = {pair(t) for t in own}
    kept = [t for t in merged.tensions if t in own or pair(t) not in pairs]
    return merged.model_copy(update={"tensions": kept})


def _model_tensions_else_rules(
    model: Extraction, index: _anchored.AnchorIndex, text: str
) -> Extraction:
    """The model's kept tensions alone when it has any, else the rules'."""
    merged = SHIPPED(model, index, text)
    own = [t for t in merged.tensions if t not in index.rules.tensions]
    return merged.model_copy(update={"tensions": own or merged.tensions})


def _first_parties(n: int) -> Policy:
    """The shipped merge of the answer with each tension's parties cut to the first ``n``:
    what a grammar capping parties at ``n`` decodes under greedy decoding, up to the
    description (written after the parties, so it may differ)."""

    def policy(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
        tensions = [t.model_copy(update={"parties": t.parties[:n]}) for t in model.tensions]
        return SHIPPED(model.model_copy(update={"tensions": tensions}), index, text)

    return policy


POLICIES: dict[str, Policy] = {
    "rules": rules_only,
    "model": model_only,
    "merged (shipped: lead summary)": SHIPPED,
    "merged, model summary if faithful": merged_faithful,
    "merged, model summary if faithful and naming more actors": merged_covers,
    "merged, with the model's quote additions": merged_model_quotes,
    "merged, the model's tensions only (v3's answer)": without_quotes_summary_actors,
    "merged, the model's tensions only, no descriptions": tensions_without_descriptions,
    "merged, supported tension parties added as actors (v3's merge before)": adding_actors,
    "merged, no actor added (a tension with a new party dropped)": _admit(lambda a, t, m: False),
    "merged, a new party an actor if the article names it >= 2 times": _admit(_named_at_least(2)),
    "merged, a new party an actor if the article names it >= 3 times": _admit(_named_at_least(3)),
    "merged, a new party an actor if a party of >= 2 kept tensions": _admit(_in_two_tensions),
    "merged, a new party an actor if its kept tension's sentence names it": _admit(
        _party_of_a_kept_tension_its_sentence_names
    ),
    "merged, a rules' tension dropped for a model one with its parties": _model_tensions_first,
    "merged, the model's tensions alone when any, else the rules'": _model_tensions_else_rules,
    "merged, a model tension kept if its sentence names >= 1 party": _support(lambda p: 1),
    "merged, a model tension kept if its sentence names every party": _support(len),
    "merged, a model tension kept without the sentence check": _support(lambda p: 0),
    "merged, each tension's first 2 parties only": _first_parties(2),
    "merged, each tension's first 3 parties only": _first_parties(3),
}


def run(
    suite: str,
    log: str,
    mode: str,
    limit: int | None,
    version: str | None = None,
    prompt: str | None = None,
) -> dict[str, list[dict[str, Any]]]:
    cases = load_suite(suite)[:limit]
    replay = Replay.from_log(log, by_article=True)
    scores: dict[str, list[dict[str, Any]]] = {name: [] for name in POLICIES}
    with FakeOpenAI(default=replay) as server:
        summarizer = Summarizer(
            model="replay", base_url=server.base_url, api_key="replay", mode=mode,
            strategy="anchored", max_retry_seconds=1, prompt_version=version, prompt=prompt,
        )  # fmt: skip
        for name, policy in POLICIES.items():
            _anchored.merge_with_rules = policy  # type: ignore[assignment]
            try:
                for case in cases:
                    try:
                        briefing = summarizer.summarize(case.article_text)
                    except SummarizerError:
                        continue  # not in the log
                    scored = score_case(briefing, case.gold, case.article_text).scores()
                    scores[name].append({"case": case.id, **scored})
            finally:
                _anchored.merge_with_rules = SHIPPED
    print(
        f"replayed: {replay.served} exact, {replay.approximate} by article (the hints the model "
        f"saw differ from this checkout's rules), {replay.missed} missing"
    )
    return scores


def table(scores: dict[str, list[dict[str, Any]]]) -> str:
    n = len(next(iter(scores.values())))
    head = "| policy (" + str(n) + " cases) | " + " | ".join(m[0] for m in METRICS) + " |"
    lines = [head, "|---" * (len(METRICS) + 1) + "|"]
    for name, rows in scores.items():
        cells = []
        for _, section, metric in METRICS:
            values = [r[section][metric] for r in rows if r[section].get(metric) is not None]
            cells.append(f"{statistics.fmean(values):.3f}" if values else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("suite")
    parser.add_argument("calllog")
    parser.add_argument("--mode", default="json", help="the mode the log was recorded in")
    parser.add_argument("--cases", type=int, default=None, help="only the first N cases")
    parser.add_argument(
        "--prompt-version", default=None, help="the anchored prompt the log was recorded with"
    )
    parser.add_argument(
        "--prompt", default=None, help="a prompt template file (prompts/anchored-rejected/...)"
    )
    args = parser.parse_args(argv)
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # a case not in the log is skipped
    scores = run(args.suite, args.calllog, args.mode, args.cases, args.prompt_version, args.prompt)
    print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
