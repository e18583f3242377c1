"""Offline group actors named by a capitalised plural no list holds (issue #14, eighteenth
session): "the Zorvans ... Zorvan Day", a people or faction the article comes back to and
that acts. Synthetic texts; each test fails without its rule or its guard."""

from __future__ import annotations

from tests._offline import offline_actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


_STORY = (
    "Veterans groups condemned a columnist on Sunday after he called the Zorvans cowards.",
    "He wrote that the Zorvans had committed crimes in the war, on the eve of Zorvan Day.",
    "The column said the Zorvans were no heroes, and a ceremony was held on Monday.",
)


def test_a_capitalised_plural_named_three_times_that_acts_is_a_group() -> None:
    actors = offline_actors(*_STORY)
    group = next(a for a in actors if a.name == "Zorvans")
    assert group.type == "group"


def test_a_capitalised_plural_named_twice_is_no_group() -> None:
    assert "Zorvans" not in _names(*_STORY[:2])


def test_a_capitalised_plural_that_never_acts_is_no_group() -> None:
    names = _names(
        "Veterans groups condemned a columnist on Sunday after he called the Zorvans cowards.",
        "He wrote about the Zorvans on the eve of Zorvan Day.",
        "The column mocked the Zorvans, and a ceremony was held on Monday.",
    )
    assert "Zorvans" not in names


def test_a_nationality_s_people_or_a_plural_of_states_is_no_group() -> None:
    names = _names(
        "Talks between the two Koreas resumed on Monday in Seoul, South Korea said.",
        "The Koreas have agreed to meet again, and the Koreas were said to be close.",
        "Officials said the Koreas had set a date.",
    )
    assert "Koreas" not in names
    names = _names(
        "A poll on Monday found the Peruvians have lost faith in the Peruvian government.",
        "The Peruvians were asked about taxes, and the Peruvians said they paid too much.",
        "Officials said the Peruvians had been heard.",
    )
    assert "Peruvians" not in names


def test_a_common_noun_the_article_also_writes_in_lower_case_is_no_group() -> None:
    names = _names(
        "Pollsters said on Monday the race was close, and a Pollster survey agreed.",
        "The Pollsters have been wrong before, and pollsters said so.",
        "Critics said the Pollsters were guessing.",
    )
    assert "Pollsters" not in names
