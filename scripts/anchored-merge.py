"""Score the anchored strategy's merge policies per field on recorded model answers.

    .venv/bin/python scripts/anchored-merge.py SUITE CALLLOG [--mode json] [--cases N] [--prompt-version 2]
        [--prompt prompts/anchored-rejected/anchored.v5.md] [--reach]

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
  has any; each tension's parties cut to its first 2 or 3 (what a grammar cap decodes);
  (third session) the parties its sentence names, the first 2 or 3; a model tension naming
  more than 2, 3, 4 or 6 parties dropped.

``--reach``: no table, but where the rules' tensions miss on SUITE and what prompt v6's
tension candidates could add at best (`reach`).

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


def _sentence_parties(n: int, model_order: bool = True) -> Policy:
    """The shipped merge of the answer with each tension's parties cut to those of its
    parties its sentence names (``model_order``: in the model's order; else every rules'
    actor the sentence names, in the rules' order), the first ``n`` of them: the model
    picks the sentence, its sentence decides the parties (no long lists)."""

    def policy(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
        actors = index.rules.actors
        tensions = []
        for t in model.tensions:
            if model_order:
                named = [p for p in t.parties if _anchored._named_in(p, t.evidence, actors)]
            else:
                named = [a.name for a in actors if _anchored._named_in(a.name, t.evidence, actors)]
            named = [
                p
                for i, p in enumerate(named)
                if find_actor(p, [Actor(name=q, type="organization", role="") for q in named[:i]])
                is None
            ]
            if len(named) >= 2:
                tensions.append(t.model_copy(update={"parties": named[:n]}))
        return SHIPPED(model.model_copy(update={"tensions": tensions}), index, text)

    return policy


def _at_most_parties(n: int) -> Policy:
    """The shipped merge without the model's tensions naming more than ``n`` parties (a
    list of most of the article's actors states no one conflict)."""

    def policy(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
        tensions = [t for t in model.tensions if len(t.parties) <= n]
        return SHIPPED(model.model_copy(update={"tensions": tensions}), index, text)

    return policy


def _known_parties_only(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
    """The shipped merge with the parties the rules do not list taken out of each model
    tension (kept if any party remains), not the tension rejected: what a grammar with
    the rules' actor names as an enum for parties would force, up to the model's choice."""
    rules = index.rules.actors
    tensions = []
    for t in model.tensions:
        known = [p for p in t.parties if find_actor(p, rules) is not None]
        if known:
            tensions.append(t.model_copy(update={"parties": known}))
    return SHIPPED(model.model_copy(update={"tensions": tensions}), index, text)


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
    "merged, parties: the first 2 its sentence names, model's order": _sentence_parties(2),
    "merged, parties: the first 3 its sentence names, model's order": _sentence_parties(3),
    "merged, parties: the first 2 rules' actors its sentence names": _sentence_parties(2, False),
    "merged, a model tension naming > 2 parties dropped": _at_most_parties(2),
    "merged, a model tension naming > 3 parties dropped": _at_most_parties(3),
    "merged, a model tension naming > 4 parties dropped": _at_most_parties(4),
    "merged, a model tension naming > 6 parties dropped": _at_most_parties(6),
    "merged, parties the rules lack taken out (not the tension)": _known_parties_only,
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


def reach(suite: str, log: str, mode: str, version: str | None, prompt: str | None) -> str:
    """Where the rules' tensions miss on SUITE, and what a tension anchored to one sentence
    naming two of the rules' actors could add (no model: the log only supplies the index).

    Of the required gold tensions the rules miss: those whose every party is one of the
    rules' actors; of those, the ones with a sentence (at most 75 words) covering half the
    gold evidence and naming every party by a name of the rules' actor; of those, with a
    conflict word (prompt v6's candidate test). Then prompt v6's candidates: how many, how
    many a gold tension matches alone, and tensions F1 of the rules plus a perfect choice
    among them (each candidate kept when it is no spurious tension)."""
    from summarizer._schema import Tension
    from summarizer.eval._metrics import _gold_names, _party_index, score_tensions
    from summarizer.eval._names import resolve
    from summarizer.eval._text import coverage

    conflict = _anchored._conflict_words()
    captured: dict[str, _anchored.AnchorIndex] = {}

    def capture(model: Extraction, index: _anchored.AnchorIndex, text: str) -> Extraction:
        captured["index"] = index
        return SHIPPED(model, index, text)

    counts = dict.fromkeys(("required", "rules", "actors", "sentence", "conflict"), 0)
    cands = matching = 0
    rules_f1: list[float] = []
    best_f1: list[float] = []
    replay = Replay.from_log(log, by_article=True)
    _anchored.merge_with_rules = capture  # type: ignore[assignment]
    try:
        with FakeOpenAI(default=replay) as server:
            summarizer = Summarizer(
                model="replay", base_url=server.base_url, api_key="replay", mode=mode,
                strategy="anchored", max_retry_seconds=1, prompt_version=version, prompt=prompt,
            )  # fmt: skip
            for case in load_suite(suite):
                try:
                    summarizer.summarize(case.article_text)
                except SummarizerError:
                    continue
                index, gold = captured["index"], case.gold
                actors, names = index.rules.actors, _gold_names(gold)
                missed = set(score_tensions(index.rules.tensions, gold).missed)
                for g in (g for g in gold.tensions if g.required):
                    counts["required"] += 1
                    if f"{' / '.join(g.parties)}: {g.description}" not in missed:
                        counts["rules"] += 1
                        continue
                    wanted = [_party_index(p, gold) for p in g.parties]
                    mine = [[a.name for a in actors if resolve(a.name, names) == w] for w in wanted]
                    if not all(mine):
                        continue
                    counts["actors"] += 1
                    found = [
                        s.text
                        for s in index.sentences
                        if len(s.text.split()) <= 75
                        and coverage(s.text, g.evidence)[0] >= 0.5
                        and all(
                            any(_anchored._named_in(n, s.text, actors) for n in m) for m in mine
                        )
                    ]
                    counts["sentence"] += bool(found)
                    counts["conflict"] += any(conflict.search(t) for t in found)
                kept = list(index.rules.tensions)
                for c in _anchored.tension_candidates(index):
                    t = Tension(parties=list(c.parties), description="", evidence=c.text)
                    cands += 1
                    matching += not score_tensions([t], gold).spurious
                    before = len(score_tensions(kept, gold).spurious)
                    if len(score_tensions([*kept, t], gold).spurious) == before:
                        kept.append(t)
                rules_f1.append(score_tensions(index.rules.tensions, gold).scores["f1"] or 0.0)
                best_f1.append(score_tensions(kept, gold).scores["f1"] or 0.0)
    finally:
        _anchored.merge_with_rules = SHIPPED
    return (
        f"required gold tensions {counts['required']}: the rules find {counts['rules']}; of the "
        f"{counts['required'] - counts['rules']} missed, every party among the rules' actors "
        f"{counts['actors']}, a sentence covering the gold evidence names them all "
        f"{counts['sentence']}, with a conflict word {counts['conflict']}\n"
        f"prompt v6 candidates: {cands} in {len(rules_f1)} articles, {matching} matching a gold "
        f"tension; tensions F1 rules {statistics.fmean(rules_f1):.3f}, rules + a perfect "
        f"choice of candidates {statistics.fmean(best_f1):.3f}"
    )


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
    parser.add_argument(
        "--reach", action="store_true", help="where the rules' tensions miss, and v6's ceiling"
    )
    args = parser.parse_args(argv)
    logging.getLogger("instructor").setLevel(logging.CRITICAL)  # a case not in the log is skipped
    if args.reach:
        print(reach(args.suite, args.calllog, args.mode, args.prompt_version, args.prompt))
        return 0
    scores = run(args.suite, args.calllog, args.mode, args.cases, args.prompt_version, args.prompt)
    print(table(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
