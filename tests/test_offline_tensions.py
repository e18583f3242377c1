"""Stated tensions of the offline rules: parties and neutral descriptions (issue #14)."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Tension
from summarizer.backends.offline._extract import extract_offline


def _tensions(*paragraphs: str, title: str | None = None) -> list[Tension]:
    return extract_offline(CleanArticle(title=title, paragraphs=list(paragraphs))).tensions


def _only(tensions: list[Tension]) -> Tension:
    assert len(tensions) == 1, tensions
    return tensions[0]


def test_description_is_a_sentence_not_the_evidence_copied() -> None:
    text = (
        "Former Ruritanian President Anna Berg on Wednesday harshly criticized Prime "
        "Minister Karl Olsen for inviting the envoy to the capital."
    )
    tension = _only(_tensions(text, "Olsen did not answer questions about the invitation."))
    assert tension.parties == ["Anna Berg", "Karl Olsen"]
    assert tension.description == "Anna Berg criticized Karl Olsen."
    assert tension.evidence in text


def test_passive_verb_gives_no_direction() -> None:
    text = "Prime Minister Karl Olsen was sharply criticized by Berg for inviting the envoy."
    tension = _only(_tensions("Anna Berg leads the opposition party in Ruritania.", text))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
    assert "Karl Olsen criticized" not in tension.description
    assert (
        tension.description == "The article reports criticism involving Karl Olsen and Anna Berg."
    )


def test_verb_with_a_possessive_object_gives_no_direction() -> None:
    text = "Norway has accused Sweden's navy of blocking the fishing deal in the north."
    tension = _only(_tensions("Prime Minister Anna Berg flew to Oslo on Monday.", text))
    assert tension.description == "The article reports an accusation involving Norway and Sweden."


def test_relation_is_said_of_both_parties_with_what_it_is_over() -> None:
    text = "Relations between Norway and Sweden are strained over fishing rights, officials said."
    tension = _only(_tensions(text))
    assert tension.description == "Norway and Sweden have strained relations over fishing rights."


def test_a_political_rival_is_not_a_rivalry_between_the_two_named() -> None:
    text = (
        "Norway asked Sweden to investigate a political rival, Anna Berg, the "
        "prosecutors said on Monday."
    )
    for tension in _tensions(text):
        assert "are rivals" not in tension.description


def test_noun_cue_takes_the_agent_before_it_not_the_place_after() -> None:
    text = "Norway on Monday carried out its first air strike on Sweden in Finland since the truce."
    tension = _only(_tensions(text, "Sweden said two boats were damaged in the strike."))
    assert set(tension.parties) == {"Norway", "Sweden"}
    assert tension.description == "The article reports a strike involving Norway and Sweden."


def test_noun_cue_takes_the_subject_of_the_sentence_not_the_place_before_it() -> None:
    text = (
        "Even before Anna Berg landed in Norway on Monday, she found herself in a public war "
        "with former Swedish Prime Minister Karl Olsen."
    )
    later = "The government of Norway said it would not comment on the visit."
    tension = _only(_tensions(text, "Olsen said Berg was not welcome in the country.", later))
    assert set(tension.parties) == {"Anna Berg", "Karl Olsen"}
