"""Offline actor rules for key actors missed on unseen articles (issue #14, seventeenth
session: people introduced once by what they are, and unnamed groups by other words).
Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from tests._offline import offline_actors

# Two opening paragraphs long enough to be the article's lead (`_LEAD_WORDS`), so that a
# name in a later paragraph is not in the opening.
_OPENING = (
    "The champions were held to a goalless draw at home on Saturday evening in front of a "
    "crowd of more than forty thousand supporters.",
    "The result leaves the side four points clear at the top of the table with eight "
    "games of the season still to play.",
)


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


def test_a_person_introduced_once_by_a_noun_for_what_he_does_is_an_actor() -> None:
    names = _names(
        *_OPENING,
        "The row after the final whistle centred on a disagreement between the two benches "
        "and Redford masseur Mark Ventori, who had come onto the pitch.",
    )
    assert "Mark Ventori" in names


def test_a_person_introduced_once_by_a_countrys_possessive_is_an_actor() -> None:
    names = _names(
        *_OPENING,
        "Italy's Marco Velardi, at 34 a year older than the champion, had not lost a fight "
        "since September 2007.",
    )
    assert "Marco Velardi" in names


def test_a_name_after_a_verb_in_er_is_not_introduced() -> None:
    names = _names(
        *_OPENING,
        "Older fans still remember Mark Ventori and the cup run of the early nineties.",
    )
    assert "Mark Ventori" not in names


def test_vandals_are_the_protesters_the_article_names() -> None:
    actors = offline_actors(
        "Statues of colonial figures were defaced by young protesters in two cities on Sunday.",
        "The protesters, who splashed paint on a statue of the queen, said it was racist.",
        "In the latest attack, vandals smeared paint on a memorial in the city centre.",
    )
    groups = [a for a in actors if a.name == "protesters"]
    assert groups and "vandals" in groups[0].aliases


def test_passengers_the_article_comes_back_to_are_a_group() -> None:
    names = _names(
        "A bus overturned on the motorway on Sunday evening, injuring passengers on their "
        "way home from the coast.",
        "Passengers said the driver had lost control on a bend in heavy rain.",
    )
    assert "passengers" in names


def test_people_counted_in_the_lead_are_a_group() -> None:
    actors = offline_actors(
        "Three people were injured when a broken-down coach was hit by a lorry on the "
        "motorway near the town late on Sunday night.",
        "The southbound carriageway has been reopened but investigations are continuing.",
    )
    groups = [a for a in actors if a.type == "group"]
    assert groups and "Three people" in groups[0].aliases


def test_a_kind_of_people_opening_the_lead_before_an_auxiliary_is_a_group() -> None:
    names = _names(
        "Teenagers in foster care in the region are being moved between homes too often, "
        "according to a charity.",
        "The charity has warned that hundreds more carers are needed this year.",
    )
    assert "teenagers" in names


def test_a_kind_of_people_that_did_something_in_the_lead_is_not_the_lead_group() -> None:
    names = _names(
        "Doctors removed five small polyps from the governor's colon on Saturday, and none "
        "appeared worrisome, a spokesman said.",
        "The polyps were sent to a laboratory for routine examination.",
    )
    assert "doctors" not in names


def test_the_before_a_kind_of_people_is_no_qualifier_of_the_lead_group() -> None:
    names = _names(
        "The nurses are too afraid to show their faces or have their real names used in "
        "this report.",
        "They have been working double shifts for months.",
    )
    assert not [n for n in names if "nurses" in n.lower()]


_CARE = (
    "The study found a particular need for homes for vulnerable teenagers, siblings and "
    "disabled children across the country.",
    "Foster carers are in short supply in every region of the country this year, the charity said.",
)


def test_a_first_name_with_an_age_opening_a_sentence_is_a_person() -> None:
    names = _names(
        *_CARE,
        "Marla, 23, was taken into care at the age of 12 and had eight foster homes.",
    )
    assert "Marla" in names


def test_a_person_named_once_in_full_with_an_age_is_an_actor() -> None:
    names = _names(
        *_CARE,
        "Ruth Kelso, 41, has looked after more than thirty children in her home since the "
        "scheme began.",
    )
    assert "Ruth Kelso" in names


def test_a_word_with_an_age_that_the_article_writes_inside_a_longer_name_is_no_person() -> None:
    names = _names(
        "Diners queued for hours outside the Casa Verrini restaurant in the old town on the "
        "first evening of the festival.",
        "Verrini, 33, was the first restaurant in the town to win the award.",
    )
    assert "Verrini" not in names


def test_a_counted_group_that_acts_and_is_named_again_is_a_group() -> None:
    names = _names(
        "The staff wrote the op-ed for a newspaper after 10 doctors urged the university to "
        "sever all ties with the surgeon last week.",
        "Those doctors accused him of promoting quack treatments on his show.",
    )
    assert "10 doctors" in names


def test_a_counted_group_named_once_is_no_group() -> None:
    names = _names(
        "The staff wrote the op-ed for a newspaper after 10 doctors urged the university to "
        "sever all ties with the surgeon last week.",
        "The surgeon said he would stay on.",
    )
    assert "10 doctors" not in names


def test_a_count_in_a_date_or_an_age_is_no_counted_group() -> None:
    names = _names(
        "Relatives of 9/11 victims are tired of waiting for their day in court, their lawyer "
        "told reporters on Monday.",
        "The group, three men and four children aged from two to 11, was held at the border.",
        "The victims and the children have been waiting for years.",
    )
    assert "11 victims" not in names and "four children" not in names


def test_a_name_in_brackets_after_players_three_times_is_a_team() -> None:
    names = _names(
        "Rovers missed the chance to close on the top six as they were held to a goalless "
        "draw at home on Saturday.",
        "Foul by Joe Edmunds (Halbury).",
        "Simeon Jakes (Halbury) wins a free kick in the defensive half.",
        "Attempt missed. Kieron Morrow (Halbury) header from the left side of the box.",
    )
    assert "Halbury" in names


def test_a_name_in_brackets_twice_is_no_team() -> None:
    names = _names(
        "Rovers missed the chance to close on the top six as they were held to a goalless "
        "draw at home on Saturday.",
        "Foul by Joe Edmunds (Halbury).",
        "Simeon Jakes (Halbury) wins a free kick in the defensive half.",
    )
    assert "Halbury" not in names
