"""Offline actor rules that keep spurious actors out (issue #14, thirteenth session):
classes of names no reader lists per ANNOTATION.md (credit lines, things typed as people,
...), found on tuning data. Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from tests._offline import offline_actors as _actors


def _names(*paragraphs: str) -> set[str]:
    return {a.name for a in _actors(*paragraphs)}


def test_a_country_named_only_in_a_credit_line_is_no_actor() -> None:
    names = _names(
        "Lithuania's government said Tuesday it would expel two diplomats after a spy "
        "scandal, and Poland criticised the decision.",
        "Officials in Vilnius said the diplomats had 48 hours to leave.",
        "Associated Press writers Jana Kowalska in Warsaw and Ilse Brandt in Vienna, "
        "Austria contributed to this story.",
    )
    assert "Lithuania" in names and "Poland" in names
    assert "Austria" not in names


def test_a_war_is_no_person() -> None:
    names = _names(
        "The two leaders met at the lake resort to talk about everything from tariffs to "
        "the Cold War, President Amos Kettering said.",
        "Cold War tensions",
        "At a time of high Cold War tension, the resort hosted a summit that opened talks on "
        "arms control.",
    )
    assert "Amos Kettering" in names
    assert "Cold War" not in names


def test_the_last_word_of_another_bodys_name_is_no_mention_of_a_body() -> None:
    names = _names(
        "The White House on Monday defended its plan to cut farm subsidies, a White House "
        "spokeswoman, Dana Merrit, said.",
        "Merrit said the White House would send the plan to Congress next week.",
        "Senator Paul Odum said the bill had little chance in the House this year.",
    )
    assert "White House" in names
    assert "House" not in names  # named once; "White House" names another body
