"""Prompts v4 and v5 of the anchored strategy, both measured below v3 on dev and kept
outside the default lookup (`prompts/anchored-rejected/`, loaded by path with
``SUMMARIZER_PROMPT``, so their recorded runs replay): v3's answer (tensions by sentence
id) with parties capped in the decoding grammar (json mode). v4 asks for the 2 or 3 main
tensions of two parties (grammar: 2-4 tensions, 2-3 parties); v5 is v3 with at most 3
parties (grammar: at most 6 tensions, 1-3 parties). Also the merge's actor floor from v3
on. Against the fake OpenAI-compatible server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summarizer import Summarizer
from summarizer.testing import FakeOpenAI, Reply
from tests.test_anchored import ARTICLE, sid
from tests.test_anchored import answer as v2_answer
from tests.test_anchored_v3 import OTHER, RULES, answer

REJECTED = Path(__file__).resolve().parent.parent / "prompts" / "anchored-rejected"


def make(server: FakeOpenAI, version: str | None = None, **kw: Any) -> Summarizer:
    """A summariser on the fake server: newest prompt, or rejected prompt ``version``."""
    kw.setdefault("max_retry_seconds", 10)
    if version in ("4", "5"):
        kw["prompt"] = str(REJECTED / f"anchored.v{version}.md")
    elif version is not None:
        kw["prompt_version"] = version
    return Summarizer(
        model="test-model", base_url=server.base_url, api_key="sk-x", strategy="anchored", **kw
    )


def grammar(server: FakeOpenAI, i: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = server.requests[i]["response_format"]["schema"]
    return schema["properties"]["tensions"]  # type: ignore[no-any-return]


def test_v3_stays_the_newest_and_v4_v5_load_by_path() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        newest = make(server).summarize(ARTICLE)
        v4 = make(server, "4").summarize(ARTICLE)
        v5 = make(server, "5").summarize(ARTICLE)
    assert [b.prompt.version for b in (newest, v4, v5)] == ["3", "4", "5"]
    assert "two parties" in server.requests[1]["messages"][0]["content"]
    assert "at most three" in server.requests[2]["messages"][0]["content"]


def test_v5_grammar_caps_parties_at_three_and_keeps_v3s_tension_cap() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, "5", mode="json").summarize(ARTICLE)
    v5 = grammar(server)
    assert v5["maxItems"] == 6 and "minItems" not in v5
    parties = v5["items"]["properties"]["parties"]
    assert (parties["minItems"], parties["maxItems"]) == (1, 3)


def test_v4_grammar_asks_for_two_to_four_tensions_of_two_or_three_parties() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, "4", mode="json").summarize(ARTICLE)
        make(server, "3", mode="json").summarize(ARTICLE)
    v4, v3 = grammar(server, 0), grammar(server, 1)
    assert (v4["minItems"], v4["maxItems"]) == (2, 4)
    parties = v4["items"]["properties"]["parties"]
    assert (parties["minItems"], parties["maxItems"]) == (2, 3)
    assert '"enum": ["S1", "S2"' in json.dumps(v4)
    # v3's recorded answers replay: its grammar is unchanged
    assert v3["maxItems"] == 6 and "minItems" not in v3
    assert "minItems" not in v3["items"]["properties"]["parties"]


def test_v5_json_prompt_is_the_same_for_every_article() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, "5", mode="json").summarize(ARTICLE)
        make(server, "5", mode="json").summarize(OTHER)
    first, second = server.requests
    assert first["messages"][0] == second["messages"][0]
    assert '"S1"' not in first["messages"][0]["content"]


def test_the_caps_are_not_validation_an_answer_outside_them_is_kept_without_reask() -> None:
    """Only the grammar caps: tools mode has none, and a strong model's five tensions or
    a one-party tension are not re-asked (the merge's support check still applies)."""

    def reply(req: dict[str, Any]) -> Reply:
        return Reply({"tensions": answer(req)["tensions"] * 5})

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, "5", mode="tools").summarize(ARTICLE)
    assert server.count == 1 and briefing.rejected == []
    assert any(t.parties == ["Helen Okafor"] for t in briefing.tensions)


def test_a_new_party_is_not_made_an_actor_its_tension_is_rejected() -> None:
    """From v3 on (the newest) the actors are the rules' exactly (a party added as an
    actor lowered actors F1 on dev); a tension naming a party the rules lack is dropped
    and listed."""

    def reply(req: dict[str, Any]) -> Reply:
        parties = ["Alderton city council", "Meridian Docks"]
        return Reply(answer(req, parties=parties, sentence=sid(req, "The Alderton city")))

    with FakeOpenAI(default=reply) as server:
        briefing = make(server).summarize(ARTICLE)
    assert [a.name for a in briefing.actors] == [a.name for a in RULES.actors]
    assert not any("Alderton city council" in t.parties for t in briefing.tensions)
    [rejected] = briefing.rejected
    assert rejected.field == "tensions" and "not among the actors" in rejected.reason


def test_prompt_v2_still_adds_the_parties_its_sentence_names_as_actors() -> None:
    """v2's recorded answers replay as measured (its actor list gained on dev)."""

    def reply(req: dict[str, Any]) -> Reply:
        return Reply({**v2_answer(req), "actors": []})  # the party comes from its tension

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, "2").summarize(ARTICLE)
    assert "Alderton city council" in [a.name for a in briefing.actors]
