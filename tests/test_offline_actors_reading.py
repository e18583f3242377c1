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


def test_a_one_word_name_ending_in_s_is_an_organisation_when_it_is_no_plural() -> None:
    names = _names(
        "WikiLeaks published the emails in July, weeks before the convention opened.",
        "Prosecutors allege that WikiLeaks got them from hackers. WikiLeaks has denied that.",
        "The founder of WikiLeaks lives in an embassy, and WikiLeaks released a statement.",
    )
    assert "WikiLeaks" in names


def test_a_name_after_a_speech_verb_that_has_its_subject_is_no_lone_speaker() -> None:
    names = _names(
        "State television said Mangkhut, which forecasters called the king of storms, "
        "triggered surges three metres high.",
        "Mangkhut left two dead in the south, and the state broadcaster said more may die.",
    )
    assert "Mangkhut" not in names


def test_a_lone_name_after_a_quotation_and_a_speech_verb_is_a_speaker() -> None:
    names = _names(
        "The council voted on Tuesday to close the old bridge to traffic for a year.",
        "“We had no choice, the bridge is unsafe,” said Vitter, who chairs the council.",
    )
    assert "Vitter" in names


def test_a_name_after_the_common_noun_it_names_is_no_lone_speaker() -> None:
    names = _names(
        "Tropical storm Mangkhut continued on its destructive path along the coast on Sunday, "
        "leaving dozens dead in its wake.",
        "Officials in the province ordered boats back to harbour as the storm neared the city.",
    )
    assert "Mangkhut" not in names
