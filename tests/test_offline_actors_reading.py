"""Offline actor rules found by reading tuning articles outside the dev suite (issue #14,
evals/reading/actor-reading.tsv): main actors the rules dropped, junk they kept. Synthetic
texts; each test fails without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Actor
from summarizer.backends.offline._extract import extract_offline


def _actors(*paragraphs: str) -> list[Actor]:
    return extract_offline(CleanArticle(paragraphs=list(paragraphs))).actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in _actors(*paragraphs)]


def test_a_body_named_with_the_us_qualifier_is_an_organisation() -> None:
    names = _names(
        "The U.S. Navy relieved the captain of the carrier on Thursday after his letter leaked.",
        "The officer had asked for faster help for his crew, and officials said he erred.",
    )
    assert "U.S. Navy" in names


def test_a_body_named_with_and_without_the_us_qualifier_is_one_actor() -> None:
    actors = _actors(
        "The U.S. Senate voted on Tuesday to block the sale of arms to the kingdom.",
        "The Senate will vote again next week, and the Senate leader expects to win.",
    )
    orgs = [a for a in actors if a.type == "organization"]
    assert [a.name for a in orgs] == ["U.S. Senate"]
    assert "Senate" in orgs[0].aliases
