"""Every strategy against the same faults, on the fake server (issue #15's acceptance):
a reference to nothing in the article, a model that returns no references, and an
endpoint without schema support each end in a clear result: never a crash, never an
item the article does not hold."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer import OutputError, ProviderError, Summarizer
from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import clean_article
from summarizer.testing import FakeOpenAI, Reply, Status
from tests.test_anchored import ARTICLE
from tests.test_anchored import answer as anchored_answer
from tests.test_anchored_v3 import answer as v3_answer

# anchored-v2: prompt v2 pinned (its recorded runs replay); anchored: the newest prompt (v3)
STRATEGIES = ["free", "anchored-v2", "anchored"]
INVENTED_QUOTE = "We will pave the whole bay."
INVENTED_EVIDENCE = "The mayor resigned in protest on Friday."


def make(server: FakeOpenAI, strategy: str, **kw: Any) -> Summarizer:
    kw.setdefault("max_retry_seconds", 5)
    if strategy == "anchored-v2":
        strategy, kw["prompt_version"] = "anchored", "2"
    return Summarizer(
        model="test-model", base_url=server.base_url, api_key="sk-x", strategy=strategy, **kw
    )


def free_answer(**overrides: Any) -> dict[str, Any]:
    base = {
        "summary": "The Alderton city council sued Meridian Docks over dredging the harbor.",
        "actors": [
            {"name": "Helen Okafor", "type": "person", "role": "Mayor", "aliases": []},
            {"name": "Meridian Docks", "type": "organization", "role": "port operator"},
        ],
        "quotes": [{"text": "baseless", "speaker": "Meridian Docks"}],
        "tensions": [],
    }
    return {**base, **overrides}


def bad_reference(strategy: str, request: dict[str, Any]) -> dict[str, Any]:
    """A reference to nothing in the article: an unknown candidate id (v2), a candidate
    id where a sentence id belongs (v3: its only references are sentence ids), or
    invented text."""
    if strategy == "anchored-v2":
        return anchored_answer(request, quotes=[{"id": "Q99", "speaker": "Helen Okafor"}])
    if strategy == "anchored":
        return v3_answer(request, sentence="Q99")
    return free_answer(quotes=[{"text": INVENTED_QUOTE, "speaker": "Helen Okafor"}])


def bad_sentence(strategy: str, request: dict[str, Any]) -> dict[str, Any]:
    """A tension whose evidence is not in the article: a sentence id past the last one,
    or an invented sentence."""
    parties = ["Helen Okafor", "Meridian Docks"]
    if strategy == "anchored-v2":
        tension = {"parties": parties, "description": "x", "sentence": "S999"}
        return anchored_answer(request, tensions=[tension])
    if strategy == "anchored":
        return v3_answer(request, sentence="S999")
    tension = {"parties": parties, "description": "x", "evidence": INVENTED_EVIDENCE}
    return free_answer(tensions=[tension])


def no_references(strategy: str, request: dict[str, Any]) -> dict[str, Any]:
    empty = {"summary": "A council sued a port operator.", "actors": [], "quotes": []}
    return {**empty, "tensions": []}


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_a_quote_that_refers_to_nothing_in_the_article_is_dropped_and_listed(
    strategy: str,
) -> None:
    with FakeOpenAI(default=lambda req: Reply(bad_reference(strategy, req))) as server:
        briefing = make(server, strategy, max_reasks=1).summarize(ARTICLE)
    assert server.count == 2  # re-asked once, then the answer's valid items are kept
    assert INVENTED_QUOTE not in [q.text for q in briefing.quotes]
    field = "tensions" if strategy == "anchored" else "quotes"
    assert [r.field for r in briefing.rejected] == [field]
    assert all(q.text in ARTICLE for q in briefing.quotes)
    assert all(t.evidence in ARTICLE for t in briefing.tensions)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_evidence_from_no_sentence_of_the_article_is_dropped_and_listed(strategy: str) -> None:
    with FakeOpenAI(default=lambda req: Reply(bad_sentence(strategy, req))) as server:
        briefing = make(server, strategy, max_reasks=0).summarize(ARTICLE)
    assert [r.field for r in briefing.rejected] == ["tensions"]
    assert INVENTED_EVIDENCE not in [t.evidence for t in briefing.tensions]
    assert all(t.evidence in ARTICLE for t in briefing.tensions)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_a_model_that_returns_no_references_gives_a_briefing_not_an_error(strategy: str) -> None:
    with FakeOpenAI(default=lambda req: Reply(no_references(strategy, req))) as server:
        briefing = make(server, strategy).summarize(ARTICLE)
    assert server.count == 1 and briefing.rejected == []
    rules = extract_offline(clean_article(ARTICLE))
    if strategy.startswith("anchored"):  # the rules' items are the floor
        assert {q.text for q in briefing.quotes} == {q.text for q in rules.quotes}
        assert {a.name for a in rules.actors} <= {a.name for a in briefing.actors}
    else:  # free has no floor: an empty answer is an empty briefing, said plainly
        assert briefing.quotes == [] and briefing.actors == [] and briefing.tensions == []


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_an_endpoint_that_ignores_the_schema_and_answers_prose_is_said_plainly(
    strategy: str,
) -> None:
    prose = Reply("The article is about a harbor.")
    with FakeOpenAI(default=prose) as server:
        summarizer = make(server, strategy, mode="json", max_reasks=1)
        if not strategy.startswith("anchored"):  # free has no floor: an error
            with pytest.raises(OutputError, match="failed validation after 2 attempt"):
                summarizer.summarize(ARTICLE)
            return
        briefing = summarizer.summarize(ARTICLE)
    # anchored: the rules' briefing, the prose listed as rejected with the failure
    assert server.count == 2
    rules = extract_offline(clean_article(ARTICLE))
    assert [(q.text, q.speaker) for q in briefing.quotes] == [
        (q.text, q.speaker) for q in rules.quotes
    ]
    assert briefing.rejected
    assert all("failed validation after 2 attempt" in r.reason for r in briefing.rejected)
    assert all(r.item == {"answer": "The article is about a harbor."} for r in briefing.rejected)


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_an_endpoint_that_rejects_response_format_says_which_mode_to_use(strategy: str) -> None:
    refusal = Status(400, "'response_format' of type 'json_object' is not supported")
    with FakeOpenAI(default=refusal) as server:
        with pytest.raises(ProviderError, match="SUMMARIZER_MODE=md_json"):
            make(server, strategy, mode="json").summarize(ARTICLE)
    assert server.count == 1  # a 400 is not retried


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_md_json_needs_no_schema_support_from_the_endpoint(strategy: str) -> None:
    def reply(req: dict[str, Any]) -> Reply:
        answers = {"anchored-v2": anchored_answer, "anchored": v3_answer}
        return Reply(answers[strategy](req) if strategy in answers else free_answer())

    with FakeOpenAI(default=reply) as server:
        briefing = make(server, strategy, mode="md_json").summarize(ARTICLE)
    assert "response_format" not in server.requests[0] and "tools" not in server.requests[0]
    assert briefing.quotes and all(q.text in ARTICLE for q in briefing.quotes)
    assert all(t.evidence in ARTICLE for t in briefing.tensions)
    if strategy == "anchored":  # the v3 answer's tension, filled in from its ids
        assert any(t.parties == ["Helen Okafor"] for t in briefing.tensions)
