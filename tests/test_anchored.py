"""The anchored strategy: the model answers with ids, code fills in verbatim text.

Against the fake OpenAI-compatible server, so the real openai SDK + instructor path runs.
These tests pin prompt v2 (summary, actors, quotes by candidate id, tensions), whose
recorded runs still replay; prompt v3 (tensions only) is in `test_anchored_v3.py`.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from summarizer import Summarizer
from summarizer.backends import _anchored
from summarizer.backends._anchored import faithful_summary, index_article
from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import clean_article
from summarizer.testing import FakeOpenAI, Reply

ARTICLE = """Harbor city council sues port operator over dredging

ALDERTON (Wire) - The Alderton city council sued the port operator Meridian Docks on Tuesday, accusing it of dredging the harbor without a permit.

"They dug first and asked later, and our fishermen paid the price," Mayor Helen Okafor told reporters outside the courthouse.

Meridian Docks called the lawsuit "baseless" in a statement and said it would fight the case.

A spokesman for the regional environment agency, which calls the project a "green corridor", said the agency was reviewing the permits.

The dispute has strained relations between the council and Meridian Docks for two years.
"""


def make(server: FakeOpenAI, **kw: Any) -> Summarizer:
    kw.setdefault("max_retry_seconds", 10)
    kw.setdefault("strategy", "anchored")
    kw.setdefault("prompt_version", "2")
    return Summarizer(model="test-model", base_url=server.base_url, api_key="sk-x", **kw)


def user_text(request: dict[str, Any]) -> str:
    return json.dumps(request["messages"])


def qid(request: dict[str, Any], words: str) -> str:
    """The candidate id the request put before the quotation that starts with ``words``."""
    found = re.search(r"\[(Q\d+)\][\"“\\\\]*" + re.escape(words), user_text(request))
    assert found, f"no candidate for {words!r} in the request"
    return found.group(1)


def sid(request: dict[str, Any], words: str) -> str:
    found = re.search(r"\[(S\d+)\][^\[]*?" + re.escape(words), user_text(request))
    assert found, f"no sentence holding {words!r} in the request"
    return found.group(1)


def answer(request: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    base = {
        "summary": "The Alderton city council sued Meridian Docks over dredging the harbor.",
        "actors": [{"name": "Helen Okafor", "type": "person", "role": "Mayor"}],
        "quotes": [
            {"id": qid(request, "They dug first"), "speaker": "Helen Okafor"},
            {"id": qid(request, "baseless"), "speaker": "Meridian Docks"},
        ],
        "tensions": [
            {
                "parties": ["Alderton city council", "Meridian Docks"],
                "description": "The council is suing the port operator over dredging.",
                "sentence": sid(request, "The Alderton city council sued"),
            }
        ],
    }
    return {**base, **overrides}


def test_quotes_and_evidence_are_filled_in_verbatim_from_ids() -> None:
    seen: list[Any] = []
    original = _anchored.merge_with_rules

    def spy(model: Any, index: Any, text: str) -> Any:
        seen.append(model)  # the model's answer, resolved, before the merge
        return original(model, index, text)

    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        _anchored.merge_with_rules = spy
        try:
            briefing = make(server).summarize(ARTICLE)
        finally:
            _anchored.merge_with_rules = original
    texts = {q.text: q.speaker for q in seen[0].quotes}
    assert texts["They dug first and asked later, and our fishermen paid the price,"] == (
        "Helen Okafor"
    )
    assert texts["baseless"] == "Meridian Docks"
    evidence = [t.evidence for t in briefing.tensions]
    assert any("The Alderton city council sued the port operator" in e for e in evidence)
    assert server.count == 1 and briefing.rejected == []


def test_the_request_numbers_sentences_and_marks_candidates_but_copies_nothing_twice() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server).summarize(ARTICLE)
    text = user_text(server.requests[0])
    assert "[S1]" in text and "[Q1]" in text
    # each quotation appears once: the article is not followed by a copied candidate list
    assert text.count("They dug first") == 1


def test_json_mode_sends_the_answer_schema_with_ids_as_enums() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="json").summarize(ARTICLE)
    fmt = server.requests[0]["response_format"]
    schema = json.dumps(fmt["schema"])
    assert fmt["type"] == "json_object"
    assert '"enum": ["Q1", "Q2", "Q3"' in schema and '"S1"' in schema


def test_an_invalid_candidate_id_is_reasked_then_dropped_never_invented() -> None:
    def reply(req: dict[str, Any]) -> Reply:
        return Reply(answer(req, quotes=[{"id": "Q99", "speaker": "Helen Okafor"}]))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, max_reasks=1).summarize(ARTICLE)
    assert server.count == 2  # one re-ask for the schema error, then salvage
    reasons = [r.reason for r in briefing.rejected if r.field == "quotes"]
    assert reasons == ["refers to no quotation in the article"]
    offline = extract_offline(clean_article(ARTICLE))
    assert {q.text for q in briefing.quotes} == {q.text for q in offline.quotes}


def test_an_out_of_range_sentence_id_is_dropped_with_its_reason() -> None:
    def reply(req: dict[str, Any]) -> Reply:
        tension = {"parties": ["Meridian Docks"], "description": "x", "sentence": "S999"}
        return Reply(answer(req, tensions=[tension]))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, max_reasks=0).summarize(ARTICLE)
    assert [r.reason for r in briefing.rejected if r.field == "tensions"] == [
        "refers to no sentence of the article"
    ]
    assert all(t.evidence for t in briefing.tensions)


def test_a_model_that_returns_no_references_keeps_the_rules_items() -> None:
    offline = Summarizer(model="offline").summarize(ARTICLE)

    def reply(req: dict[str, Any]) -> Reply:
        return Reply(answer(req, quotes=[], tensions=[], actors=[]))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    assert {q.text for q in offline.quotes} <= {q.text for q in briefing.quotes}
    assert {a.name for a in offline.actors} <= {a.name for a in briefing.actors}
    assert len(briefing.tensions) >= len(offline.tensions)


def test_md_json_mode_without_response_format_still_resolves_ids() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        briefing = make(server, mode="md_json").summarize(ARTICLE)
    assert "response_format" not in server.requests[0]
    evidence = [t.evidence for t in briefing.tensions]
    assert any("The Alderton city council sued the port operator" in e for e in evidence)


def test_the_models_quote_for_a_span_the_rules_left_unattributed_is_not_merged() -> None:
    """Measured on dev (BENCHMARKS, merge per field): such additions were wrong more
    often than right, so quotes and speakers are the rules' (MODEL_ADDS)."""
    rules = extract_offline(clean_article(ARTICLE))
    assert all(q.text != "baseless" for q in rules.quotes)  # the rules leave it out
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        briefing = make(server).summarize(ARTICLE)
    assert [(q.text, q.speaker) for q in briefing.quotes] == [
        (q.text, q.speaker) for q in rules.quotes
    ]


def test_an_unfaithful_summary_is_replaced_by_the_rules_lead() -> None:
    invented = "Governor Marcus Bell fined Meridian Docks 40 million dollars."
    with FakeOpenAI(default=lambda req: Reply(answer(req, summary=invented))) as server:
        briefing = make(server).summarize(ARTICLE)
    assert briefing.summary == extract_offline(clean_article(ARTICLE)).summary


def test_a_faithful_model_summary_also_gives_way_to_the_rules_lead() -> None:
    """Measured on dev (BENCHMARKS, "merge per field"): the lead covers more of gold."""
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        briefing = make(server).summarize(ARTICLE)
    assert faithful_summary(answer_summary(), ARTICLE)
    assert briefing.summary == extract_offline(clean_article(ARTICLE)).summary


def answer_summary() -> str:
    return "The Alderton city council sued Meridian Docks over dredging the harbor."


def test_faithful_summary_flags_names_and_numbers_the_article_lacks() -> None:
    text = clean_article(ARTICLE).text
    assert faithful_summary("The Alderton city council sued Meridian Docks.", text)
    assert not faithful_summary("The council sued Meridian Docks for 40 million.", text)
    assert not faithful_summary("Governor Bell sued Meridian Docks.", text)
    assert not faithful_summary("", text)


def test_rules_speakers_win_over_the_models_for_a_candidate_they_resolve() -> None:
    def reply(req: dict[str, Any]) -> Reply:
        quotes = [{"id": qid(req, "They dug first"), "speaker": "Meridian Docks"}]
        return Reply(answer(req, quotes=quotes))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    speaker = next(q.speaker for q in briefing.quotes if q.text.startswith("They dug first"))
    assert speaker == "Helen Okafor"


def test_index_gives_each_quotation_span_one_candidate_and_a_hint() -> None:
    article = clean_article(ARTICLE)
    index = index_article(article.text, extract_offline(article))
    texts = [c.text for c in index.candidates]
    assert texts == [
        "They dug first and asked later, and our fishermen paid the price,",
        "baseless",
        "green corridor",
    ]
    assert index.candidates[0].hint == "Helen Okafor"


def test_strategy_is_part_of_the_cache_key() -> None:
    from summarizer._schema import PromptInfo
    from summarizer.infra._cache import cache_key
    from summarizer.infra._settings import load_settings

    article = clean_article(ARTICLE)
    prompt = PromptInfo(id="p", version="1", sha256="x")
    keys = {
        cache_key(article, model="m", prompt=prompt, settings=load_settings(strategy=s))
        for s in ("free", "anchored")
    }
    assert len(keys) == 2


def test_unknown_strategy_names_the_choices() -> None:
    from summarizer import ConfigurationError

    with pytest.raises(ConfigurationError, match="free, anchored"):
        Summarizer(model="m", base_url="http://127.0.0.1:9/v1", strategy="bogus")


def test_brief_strategy_flag_runs_the_anchored_path(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.cli import main

    article = tmp_path / "harbor.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
        monkeypatch.setenv("SUMMARIZER_MODEL", "test-model")
        monkeypatch.setenv("SUMMARIZER_PROMPT_VERSION", "2")
        code = main(["brief", str(article), "--strategy", "anchored", "--json", "--no-cache"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["prompt"]["id"] == "anchored"
    assert "[Q1]" in json.dumps(server.requests[0]["messages"])


def test_a_quote_given_to_someone_its_paragraph_never_names_is_not_added() -> None:
    def reply(req: dict[str, Any]) -> Reply:
        quotes = [{"id": qid(req, "green corridor"), "speaker": "Helen Okafor"}]
        return Reply(answer(req, quotes=quotes))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    assert all(q.text != "green corridor" for q in briefing.quotes)


def test_a_tension_whose_sentence_names_neither_party_is_not_added() -> None:
    def reply(req: dict[str, Any]) -> Reply:
        tension = {
            "parties": ["Helen Okafor", "regional environment agency"],
            "description": "The mayor and the agency disagree.",
            "sentence": sid(req, "The Alderton city council sued"),
        }
        return Reply(answer(req, tensions=[tension]))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    assert all("Helen Okafor" not in t.parties for t in briefing.tensions)


def test_an_actor_the_rules_have_keeps_the_rules_name_not_a_titled_one() -> None:
    def reply(req: dict[str, Any]) -> Reply:
        actors = [{"name": "Mayor Helen Okafor", "type": "person", "role": "Mayor"}]
        return Reply(answer(req, actors=actors))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    names = [a.name for a in briefing.actors]
    assert "Helen Okafor" in names and "Mayor Helen Okafor" not in names


def test_tools_mode_schema_has_no_id_lists_and_is_the_same_for_every_article() -> None:
    """Unenforced, the enums only cost tokens and break the prompt-cache prefix; a wrong
    id is still caught after the answer (see the invalid-id test, which runs in tools)."""
    other = ARTICLE.replace("two years", 'three years. The mayor said: "Enough."')
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="tools").summarize(ARTICLE)
        make(server, mode="tools").summarize(other)
    first, second = (json.dumps(r["tools"]) for r in server.requests)
    assert first == second
    assert '"enum": ["Q1"' not in first and '"S1"' not in first
