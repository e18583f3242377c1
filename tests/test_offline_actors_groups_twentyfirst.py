"""Offline group actors (issue #14, twenty-first session). A party of several words the
headline makes its subject ("Tea Party Vows ...", "African Americans Rally ...") is kept as
an actor, as a one-word party is, whether the organisation rules found it first or it is a
people named only once in the body. Synthetic texts; each test fails without its rule or
its guard."""

from __future__ import annotations

from tests._offline import offline_actors

_BODY = (
    "The county primary in Brinton was held on Tuesday, a week after the snow.",
    "Moderator Dana Whitfield asked the candidates about schools, roads and taxes.",
    "Turnout was higher than in March, a year after the rise of the {} in the county.",
)


def _names(party: str, title: str) -> list[str]:
    body = [p.format(party) for p in _BODY]
    return [a.name for a in offline_actors(*body, title=title)]


def test_a_party_of_two_words_the_headline_makes_its_subject_is_an_actor() -> None:
    assert "Tea Party" in _names("Tea Party", "Tea Party Vows Fight In Brinton Primary")


def test_a_people_the_headline_makes_its_subject_is_an_actor_though_named_once() -> None:
    names = _names("African Americans", "African Americans Rally In Brinton Primary")
    assert "African Americans" in names


def test_a_people_named_once_the_headline_does_not_name_is_no_actor() -> None:
    body = [*_BODY[:2], "African Americans backed the mayor in March, and turnout was higher."]
    names = [a.name for a in offline_actors(*body, title="Brinton Primary Draws Record Turnout")]
    assert "African Americans" not in names
