"""Prompt v3 of the anchored strategy: the model answers tensions only, each by the id
of the sentence stating it; code fills in the sentence. Against the fake
OpenAI-compatible server. The rejected v4 and v5 (the same answer, parties capped in the
grammar) are in `test_anchored_v4_v5.py`."""

from __future__ import annotations

import json
from typing import Any

import pytest

from summarizer import Summarizer, SummarizerError
from summarizer._errors import TruncatedOutputError
from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import clean_article
from summarizer.testing import FakeOpenAI, Reply, Status
from tests.test_anchored import ARTICLE, sid

OTHER = ARTICLE.replace("two years", 'three years. The mayor said: "Enough."')
RULES = extract_offline(clean_article(ARTICLE))


def make(server: FakeOpenAI, **kw: Any) -> Summarizer:
    kw.setdefault("max_retry_seconds", 10)
    return Summarizer(
        model="test-model", base_url=server.base_url, api_key="sk-x", strategy="anchored", **kw
    )


def answer(request: dict[str, Any], **tension: Any) -> dict[str, Any]:
    base = {
        "sentence": sid(request, "They dug first"),
        "parties": ["Helen Okafor"],
        "description": "The mayor says the dredging hurt the fishermen.",
    }
    return {"tensions": [{**base, **tension}]}


def test_v3_is_the_newest_anchored_prompt() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        briefing = make(server).summarize(ARTICLE)
    assert (briefing.prompt.id, briefing.prompt.version) == ("anchored", "3")


def test_the_sentence_id_is_filled_in_by_code() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        briefing = make(server).summarize(ARTICLE)
    assert server.count == 1 and briefing.rejected == []
    [tension] = [t for t in briefing.tensions if "Helen Okafor" in t.parties]
    assert tension.parties == ["Helen Okafor"]
    assert tension.evidence.startswith('"They dug first and asked later')
    assert tension.evidence in ARTICLE


def test_the_request_has_sentence_ids_and_the_rules_actors_but_no_quote_markers() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server).summarize(ARTICLE)
    user = server.requests[0]["messages"][-1]["content"]
    assert "[S1]" in user and "Actors: " + "; ".join(a.name for a in RULES.actors) in user
    assert "[Q" not in user and "Speakers" not in user
    assert user.count("They dug first") == 1


def test_json_mode_prompt_is_the_same_for_every_article_and_the_grammar_has_the_ids() -> None:
    """The prompt's schema leaves the id lists out (a cache reuses the whole system
    message); the schema llama.cpp builds its grammar from has them as enums."""
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="json").summarize(ARTICLE)
        make(server, mode="json").summarize(OTHER)
    first, second = server.requests
    assert first["messages"][0] == second["messages"][0]
    assert '"S1"' not in first["messages"][0]["content"]
    grammar = json.dumps(first["response_format"]["schema"])
    assert '"enum": ["S1", "S2", "S3", "S4", "S5", "S6"]' in grammar
    assert '"maxItems": 6' in grammar  # a small model's repetition loop stops there
    assert grammar.count('"title"') == 1 and "$ref" not in grammar  # the root's name only


def test_json_schema_mode_sends_the_sentence_ids_as_enums() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="json_schema").summarize(ARTICLE)
    fmt = server.requests[0]["response_format"]
    assert fmt["type"] == "json_schema"
    assert '"enum": ["S1", "S2"' in json.dumps(fmt["json_schema"]["schema"])


def test_tools_mode_schema_has_no_id_lists_and_is_the_same_for_every_article() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="tools").summarize(ARTICLE)
        make(server, mode="tools").summarize(OTHER)
    first, second = (json.dumps(r["tools"]) for r in server.requests)
    assert first == second and '"S1"' not in first


def test_an_out_of_range_sentence_id_is_reasked_then_dropped() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req, sentence="S999"))) as server:
        briefing = make(server, max_reasks=1).summarize(ARTICLE)
    assert server.count == 2
    assert [r.reason for r in briefing.rejected] == ["refers to no sentence of the article"]
    assert all(t.evidence in ARTICLE for t in briefing.tensions)


def test_no_tensions_gives_the_rules_briefing() -> None:
    with FakeOpenAI(default=Reply({"tensions": []})) as server:
        briefing = make(server).summarize(ARTICLE)
    assert briefing.rejected == []
    assert [(q.text, q.speaker) for q in briefing.quotes] == [
        (q.text, q.speaker) for q in RULES.quotes
    ]
    assert [a.name for a in briefing.actors] == [a.name for a in RULES.actors]
    assert briefing.summary == RULES.summary


def test_a_party_not_among_the_rules_actors_drops_its_tension_not_the_floor() -> None:
    """The actors stay the rules' (the v3 merge adds none since v5's session); a tension
    with a party the rules lack is rejected by grounding, the rules' items stay."""

    def reply(req: dict[str, Any]) -> Reply:
        parties = ["Alderton city council", "Meridian Docks"]
        return Reply(answer(req, parties=parties, sentence=sid(req, "The Alderton city")))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    assert "Alderton city council" not in [a.name for a in RULES.actors]
    assert [a.name for a in briefing.actors] == [a.name for a in RULES.actors]
    assert briefing.tensions == RULES.tensions


def test_a_quote_candidate_id_where_a_sentence_id_belongs_is_dropped_with_its_reason() -> None:
    """v3's only references are sentence ids: a candidate id (v2's kind) is not one."""
    with FakeOpenAI(default=lambda req: Reply(answer(req, sentence="Q1"))) as server:
        briefing = make(server, max_reasks=0).summarize(ARTICLE)
    assert [r.reason for r in briefing.rejected] == ["refers to no sentence of the article"]


def test_a_tension_beyond_the_grammars_cap_is_still_kept_from_an_endpoint_without_it() -> None:
    """The cap is only in the grammar: tools mode has no grammar, and validation does
    not reject a longer list (a strong model may find more)."""

    def reply(req: dict[str, Any]) -> Reply:
        return Reply({"tensions": answer(req)["tensions"] * 8})

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, mode="tools").summarize(ARTICLE)
    assert server.count == 1 and briefing.rejected == []


def test_an_answer_cut_at_the_output_limit_gives_the_rules_briefing_and_says_so() -> None:
    """#15: the anchored path never returns less than the rules; before, a cut answer
    was an error and the user got no briefing at all (seen on a recorded v2 article)."""
    cut = Reply('{"tensions": [{"sentence": "S', finish_reason="length")
    with FakeOpenAI(default=cut) as server:
        briefing = make(server, max_reasks=1).summarize(ARTICLE)
    assert [(q.text, q.speaker) for q in briefing.quotes] == [
        (q.text, q.speaker) for q in RULES.quotes
    ]
    assert [a.name for a in briefing.actors] == [a.name for a in RULES.actors]
    assert briefing.tensions == RULES.tensions
    [rejected] = briefing.rejected
    assert rejected.item == {"answer": '{"tensions": [{"sentence": "S'}
    assert "output limit" in rejected.reason


def test_an_answer_that_never_validates_gives_the_rules_briefing_after_the_reasks() -> None:
    with FakeOpenAI(default=Reply('{"tensions": "none"}')) as server:
        briefing = make(server, max_reasks=1).summarize(ARTICLE)
    assert server.count == 2  # the re-ask ran first
    assert [q.text for q in briefing.quotes] == [q.text for q in RULES.quotes]
    assert [r.field for r in briefing.rejected] == ["tensions"]
    assert "failed validation after 2 attempt(s)" in briefing.rejected[0].reason


def test_the_free_strategy_still_raises_on_an_unusable_answer() -> None:
    """Only the anchored path has the rules as its floor; free has nothing to fall back on."""
    cut = Reply('{"summary": "S', finish_reason="length")
    with FakeOpenAI(default=cut) as server:
        summarizer = Summarizer(model="m", base_url=server.base_url, api_key="sk-x")
        with pytest.raises(TruncatedOutputError):
            summarizer.summarize(ARTICLE)


def test_an_http_error_under_anchored_still_raises() -> None:
    with FakeOpenAI(default=Status(400, "bad request")) as server:
        with pytest.raises(SummarizerError):
            make(server, max_attempts=1).summarize(ARTICLE)
