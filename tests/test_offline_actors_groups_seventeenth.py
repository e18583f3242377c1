"""Offline group actors named by a kind of people (issue #14, seventeenth session): a
described group whose head is any plural noun for people ("teachers", "inmates"), kept when
the article comes back to it and it acts. Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from tests._offline import offline_actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


def test_a_kind_of_people_the_article_comes_back_to_and_that_acts_is_a_group() -> None:
    names = _names(
        "A plan to lengthen the school day in the county was put to a vote on Tuesday.",
        "Teachers said the extra hour would leave them no time to mark work.",
        "The teachers have written to the council, which meets again next month.",
        "Many teachers walked out of a meeting with officials on Monday evening.",
    )
    assert "teachers" in names


def test_a_kind_of_people_named_only_twice_is_no_group() -> None:
    names = _names(
        "A plan to lengthen the school day in the county was put to a vote on Tuesday.",
        "Teachers said the extra hour would leave them no time to mark work.",
        "The council will meet the teachers again next month.",
    )
    assert "teachers" not in names


def test_a_kind_of_people_that_never_acts_is_no_group_however_often_named() -> None:
    names = _names(
        "A plan to lengthen the school day in the county was put to a vote on Tuesday.",
        "The council wrote to teachers about the plan on Monday.",
        "It said it had listened to teachers before the vote.",
        "Officials will meet teachers again next month.",
        "A letter to teachers set out the hours.",
        "The union has advised teachers to wait.",
        "Pay for teachers is not part of the plan.",
    )
    assert "teachers" not in names


def test_officers_beside_the_police_are_the_police() -> None:
    actors = offline_actors(
        "A man was arrested at an airport on Friday after a tip-off, police said.",
        "Police said the 24-year-old was held under anti-terror laws.",
        "Anti-terrorist officers searched a flat in the north of the city.",
        "The officers found documents and two laptops, police said.",
        "The officers have until Sunday to question him.",
    )
    names = [a.name for a in actors]
    assert "officers" not in names and "Anti-terrorist officers" not in names
    police = next(a for a in actors if a.name == "police")
    assert any("officers" in alias for alias in police.aliases)
