"""Prompt v6 of the anchored strategy: code proposes tension candidates (two of the
rules' actors one sentence with a conflict word names), the model answers true or false
for each candidate id, code writes the tension. Measured below v3 and the rules on dev
(the 1.5B model's true verdicts matched gold at the candidates' base rate), so it is in
`prompts/anchored-rejected/`, loaded by path, and its recorded run replays. Against the
fake OpenAI-compatible server. Also the merge's tension floor (every rules' tension kept,
whatever the prompt)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer import Summarizer
from summarizer._schema import Extraction, Tension
from summarizer.backends import _anchored
from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import clean_article
from summarizer.testing import FakeOpenAI, Reply
from tests.test_anchored import ARTICLE as NO_CANDIDATES

ARTICLE = """Harbor dredging row reaches the courthouse

ALDERTON (Wire) - Mayor Helen Okafor said on Tuesday that Meridian Docks had dredged the harbor without a permit, and the council filed a lawsuit.

Paul Brandt, the chief executive of Meridian Docks, called the claim false and said the company would fight it in court.

Helen Okafor and Paul Brandt met at the courthouse on Wednesday but did not speak to reporters.

Helen Okafor accused Paul Brandt of misleading the council.

The regional environment agency said it was reviewing the permits.
"""
V6 = Path(__file__).resolve().parent.parent / "prompts" / "anchored-rejected" / "anchored.v6.md"
OTHER = ARTICLE.replace("on Wednesday", "on Thursday")
RULES = extract_offline(clean_article(ARTICLE))
LAWSUIT = (
    "ALDERTON (Wire) - Mayor Helen Okafor said on Tuesday that Meridian Docks had dredged "
    "the harbor without a permit, and the council filed a lawsuit."
)


def make(server: FakeOpenAI, **kw: Any) -> Summarizer:
    kw.setdefault("max_retry_seconds", 10)
    kw.setdefault("prompt", str(V6))
    return Summarizer(
        model="test-model", base_url=server.base_url, api_key="sk-x", strategy="anchored", **kw
    )


def verdicts(**ids: bool) -> Reply:
    return Reply({"verdicts": ids})


def test_candidates_are_pairs_of_rules_actors_in_conflict_sentences_the_rules_lack() -> None:
    index = _anchored.index_article(clean_article(ARTICLE).text, RULES, mark_quotes=False)
    found = [(c.id, c.parties) for c in _anchored.tension_candidates(index)]
    # the "met" sentence has no conflict word; Okafor / Brandt is already a rules' tension
    assert [t.parties for t in RULES.tensions] == [["Helen Okafor", "Paul Brandt"]]
    assert found == [
        ("C1", ("Helen Okafor", "Meridian Docks")),
        ("C2", ("Meridian Docks", "Paul Brandt")),
    ]


def test_a_confirmed_candidate_is_a_tension_with_its_sentence_as_evidence() -> None:
    with FakeOpenAI(default=verdicts(C1=True, C2=False)) as server:
        briefing = make(server).summarize(ARTICLE)
    assert server.count == 1 and briefing.rejected == []
    assert briefing.prompt.version == "6"
    assert [t.parties for t in briefing.tensions] == [
        ["Helen Okafor", "Paul Brandt"],  # the rules' first (the floor)
        ["Helen Okafor", "Meridian Docks"],
    ]
    added = briefing.tensions[1]
    assert added.evidence == LAWSUIT and added.evidence in ARTICLE
    assert added.description == (
        "Helen Okafor and Meridian Docks are in conflict, as the article states."
    )
    assert [a.name for a in briefing.actors] == [a.name for a in RULES.actors]


def test_all_false_gives_the_rules_tensions() -> None:
    with FakeOpenAI(default=verdicts(C1=False, C2=False)) as server:
        briefing = make(server).summarize(ARTICLE)
    assert briefing.tensions == RULES.tensions and briefing.rejected == []


def test_the_request_holds_the_candidates_not_the_article() -> None:
    with FakeOpenAI(default=verdicts(C1=False, C2=False)) as server:
        make(server).summarize(ARTICLE)
    user = server.requests[0]["messages"][-1]["content"]
    assert f"S2: {LAWSUIT}\n  C1: Helen Okafor / Meridian Docks" in user
    assert "  C2: Meridian Docks / Paul Brandt" in user
    assert "met at the courthouse" not in user and "environment agency" not in user


def test_json_mode_prompt_is_the_same_for_every_article_and_the_grammar_has_every_id() -> None:
    with FakeOpenAI(default=verdicts(C1=False, C2=False)) as server:
        make(server, mode="json").summarize(ARTICLE)
        make(server, mode="json").summarize(OTHER)
    first, second = server.requests
    assert first["messages"][0] == second["messages"][0]
    assert '"C1"' not in first["messages"][0]["content"]
    verdict = first["response_format"]["schema"]["properties"]["verdicts"]
    assert verdict["required"] == ["C1", "C2"]
    assert verdict["additionalProperties"] is False
    assert verdict["properties"]["C1"] == {"type": "boolean"}


def test_json_schema_mode_sends_one_boolean_per_candidate() -> None:
    with FakeOpenAI(default=verdicts(C1=False, C2=False)) as server:
        make(server, mode="json_schema").summarize(ARTICLE)
    schema = json.dumps(server.requests[0]["response_format"]["json_schema"]["schema"])
    assert '"required": ["C1", "C2"]' in schema


def test_an_unknown_candidate_id_is_reasked_then_dropped_never_made_a_tension() -> None:
    with FakeOpenAI(default=verdicts(C1=True, C9=True)) as server:
        briefing = make(server, mode="tools", max_reasks=1).summarize(ARTICLE)
    assert server.count == 2
    assert [r.reason for r in briefing.rejected] == [
        "refers to no tension candidate of the article"
    ]
    assert [t.parties for t in briefing.tensions] == [
        ["Helen Okafor", "Paul Brandt"],
        ["Helen Okafor", "Meridian Docks"],
    ]


def test_no_candidates_the_model_answers_nothing_and_the_rules_stay() -> None:
    rules = extract_offline(clean_article(NO_CANDIDATES))
    with FakeOpenAI(default=verdicts()) as server:
        briefing = make(server, mode="json").summarize(NO_CANDIDATES)
    assert "Candidates:\nnone" in server.requests[0]["messages"][-1]["content"]
    assert (
        server.requests[0]["response_format"]["schema"]["properties"]["verdicts"]["properties"]
        == {}
    )
    assert briefing.tensions == rules.tensions and briefing.rejected == []


def test_an_answer_cut_at_the_output_limit_gives_the_rules_briefing() -> None:
    cut = Reply('{"verdicts": {"C1": tr', finish_reason="length")
    with FakeOpenAI(default=cut) as server:
        briefing = make(server, max_reasks=1).summarize(ARTICLE)
    assert briefing.tensions == RULES.tensions
    assert [r.field for r in briefing.rejected] == ["tensions"]


def test_the_rules_tensions_sharing_one_sentence_are_all_kept_by_the_merge() -> None:
    """The floor: merging the rules as a chunk dropped the second of two rules' tensions
    with the same evidence ("Israel and the United States ... opposed the Palestinians'
    efforts": two tensions, one sentence), so the merge returned fewer than the rules."""
    text = clean_article(ARTICLE).text
    shared = [
        Tension(parties=["Helen Okafor", "Paul Brandt"], description="a", evidence=LAWSUIT),
        Tension(parties=["Helen Okafor", "Meridian Docks"], description="b", evidence=LAWSUIT),
    ]
    rules = RULES.model_copy(update={"tensions": shared})
    index = _anchored.index_article(text, rules, mark_quotes=False)
    index.add_actors = False
    model = Extraction(summary="", actors=[], quotes=[], tensions=[])
    assert _anchored.merge_with_rules(model, index, text).tensions == shared
