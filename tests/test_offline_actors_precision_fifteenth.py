"""Offline actor rules that keep spurious actors out on unseen styles (issue #14, fifteenth
session): general classes found on the tuning key lists. Synthetic texts; each test fails
without its rule."""

from __future__ import annotations

from tests._offline import offline_actors


def _names(*paragraphs: str) -> set[str]:
    return {a.name for a in offline_actors(*paragraphs)}


def test_a_group_word_that_only_qualifies_a_noun_is_no_mention_of_the_group() -> None:
    names = _names(
        "The mayor of Dunmore has dismissed the town's police chief, Ada Brisk, a councillor, "
        "said on Monday.",
        "A man died in police custody in March, and the police union criticised the chief.",
        "Brisk said the new police chief would start at once.",
        "The police leadership had lost the town's trust, Brisk said.",
        "An interim police chief, Tom Varley, was named. He vowed to bring accountability "
        "to police.",
    )
    assert "Ada Brisk" in names
    assert "police" not in names


def test_a_police_department_is_the_police_acting() -> None:
    names = _names(
        "Protesters marched in Dunmore on Sunday after a police shooting, the third this year.",
        "They asked how the police treat young men in the town.",
        "The town's police department released only part of the video on Monday.",
        "Police shootings have risen, Councillor Ada Brisk said.",
        "One man described his encounter with police.",
    )
    assert "police" in names


def test_a_noun_before_a_given_name_is_no_part_of_the_name() -> None:
    names = _names(
        "Hydrologist Mary Wendt said the river would crest on Friday near Ostby.",
        "Wendt said the dam was safe and that no one had to leave.",
        "The regional head of the Ministry of Flood Situations Sergei Talvik said the gates held.",
        '"We have checked every gate," Talvik said.',
    )
    assert {"Mary Wendt", "Sergei Talvik"} <= names
    assert "Hydrologist Mary Wendt" not in names
    assert "Situations Sergei Talvik" not in names


def test_a_name_before_a_given_name_stays_in_the_name() -> None:
    names = _names(
        "Moner Ali Tahsin said the river would crest on Friday near the town of Ostby.",
        "Tahsin said the dam was safe and that no one had to leave.",
    )
    assert "Moner Ali Tahsin" in names


def test_a_short_given_name_and_a_slip_of_one_letter_are_the_same_person() -> None:
    actors = offline_actors(
        "Joshua Pellow, 31, was jailed on Tuesday for attacking a bus driver in Ostby.",
        "Josh Pellow had told the court he was sorry, Judge Ann Varga said.",
        "Senator Hillary Brandt said the sentence was too short; Bill Brandt, her husband, "
        "said nothing.",
        '"We need longer sentences," Hilary Brandt said.',
    )
    names = {a.name for a in actors}
    assert "Joshua Pellow" in names and "Josh Pellow" not in names
    assert "Hillary Brandt" in names and "Hilary Brandt" not in names
    assert "Bill Brandt" in names


def test_given_names_of_two_genders_are_two_people() -> None:
    names = _names(
        "Louis Pellow and Louise Pellow, brother and sister, opened a bakery in Ostby.",
        "Louis Pellow said the loan came late; Louise Pellow said the bank was fair.",
    )
    assert {"Louis Pellow", "Louise Pellow"} <= names


def test_a_states_troops_are_the_state_acting() -> None:
    actors = offline_actors(
        "The U.S. will send 2,000 more U.S. troops to the Gulf, officials said on Friday.",
        "U.S. troops will guard the shipping lanes, and U.S. troops already there will stay.",
        "The U.S. has blamed Iran for attacks on tankers.",
        "Iran said U.S. troops were a threat to the region.",
        "More U.S. troops arrived on Sunday.",
    )
    names = {a.name for a in actors}
    assert "U.S. troops" not in names
    state = next(a for a in actors if a.name == "U.S.")
    assert "U.S. troops" in state.aliases


def test_the_first_of_two_surnames_after_a_title_is_that_person() -> None:
    actors = offline_actors(
        "Former President Vicente Alba criticised current President Ramón Pena Ortiz on "
        "Tuesday for inviting the tycoon to the capital.",
        '"I think President Peña is taking an enormous risk," Alba told reporters.',
    )
    names = {a.name for a in actors}
    assert "Peña" not in names
    pena = next(a for a in actors if a.name == "Ramón Pena Ortiz")
    assert "President Peña" in pena.aliases
