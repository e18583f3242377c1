"""Prompt v4 of the anchored strategy: v3's answer (tensions by sentence id), asked as
the 2 or 3 main tensions of two parties each; the decoding grammar (json mode) allows
2-4 tensions of 2-3 parties. On dev, v3's 1.5B answers held one tension with up to eight
parties. Against the fake OpenAI-compatible server."""

from __future__ import annotations

import json
from typing import Any

from summarizer import Summarizer
from summarizer.testing import FakeOpenAI, Reply
from tests.test_anchored import ARTICLE
from tests.test_anchored_v3 import OTHER, answer


def make(server: FakeOpenAI, **kw: Any) -> Summarizer:
    kw.setdefault("max_retry_seconds", 10)
    return Summarizer(
        model="test-model", base_url=server.base_url, api_key="sk-x", strategy="anchored", **kw
    )


def grammar(server: FakeOpenAI, i: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = server.requests[i]["response_format"]["schema"]
    return schema["properties"]["tensions"]  # type: ignore[no-any-return]


def test_v4_is_the_newest_anchored_prompt() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        briefing = make(server).summarize(ARTICLE)
    assert (briefing.prompt.id, briefing.prompt.version) == ("anchored", "4")
    assert "two parties" in server.requests[0]["messages"][0]["content"]


def test_json_mode_grammar_asks_for_two_to_four_tensions_of_two_or_three_parties() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="json").summarize(ARTICLE)
        make(server, mode="json", prompt_version="3").summarize(ARTICLE)
    v4, v3 = grammar(server, 0), grammar(server, 1)
    assert (v4["minItems"], v4["maxItems"]) == (2, 4)
    parties = v4["items"]["properties"]["parties"]
    assert (parties["minItems"], parties["maxItems"]) == (2, 3)
    assert '"enum": ["S1", "S2"' in json.dumps(v4)
    # v3's recorded answers replay: its grammar is unchanged
    assert v3["maxItems"] == 6 and "minItems" not in v3
    assert "minItems" not in v3["items"]["properties"]["parties"]


def test_v4_json_prompt_is_the_same_for_every_article() -> None:
    with FakeOpenAI(default=lambda req: Reply(answer(req))) as server:
        make(server, mode="json").summarize(ARTICLE)
        make(server, mode="json").summarize(OTHER)
    first, second = server.requests
    assert first["messages"][0] == second["messages"][0]
    assert '"S1"' not in first["messages"][0]["content"]


def test_the_caps_are_not_validation_an_answer_outside_them_is_kept_without_reask() -> None:
    """Only the grammar caps: tools mode has none, and a strong model's five tensions or
    a one-party tension are not re-asked (the merge's support check still applies)."""

    def reply(req: dict[str, Any]) -> Reply:
        return Reply({"tensions": answer(req)["tensions"] * 5})

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, mode="tools").summarize(ARTICLE)
    assert server.count == 1 and briefing.rejected == []
    assert any(t.parties == ["Helen Okafor"] for t in briefing.tensions)
