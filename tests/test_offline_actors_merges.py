"""Offline actor rules that merge two forms of one actor the rules kept apart, and drop
what is no actor, on articles in styles no rule was tuned on (issue #14, fourteenth
session: the writer set's Daily Mail and BBC articles). Synthetic texts; each test fails
without its rule."""

from __future__ import annotations

from summarizer._schema import Actor
from summarizer._text import layout, one_letter_apart
from summarizer.backends.offline._names import Registry
from tests._offline import offline_actors as _actors


def _names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def test_one_letter_apart_is_one_slip_not_another_name() -> None:
    assert one_letter_apart("tevlinko", "tevlino")
    assert one_letter_apart("jepps", "jepp")
    assert one_letter_apart("haberdasham", "haberdashem")
    assert one_letter_apart("cohn", "cohen")  # a slip by spelling; the registry asks more
    assert not one_letter_apart("bush", "rush")  # the first letter differs
    assert not one_letter_apart("kim", "kin")  # too short to tell a slip from a name
    assert not one_letter_apart("tevlinko", "tevlinko")


def test_a_surname_misspelt_by_one_letter_is_the_named_person() -> None:
    actors = _actors(
        "District attorney Mark Tevlinko said on Monday he would push for a new trial of "
        "the nurse.",
        "In a statement on Friday, however, Tevlino said that he would drop the case.",
        "A judge then granted Tevlino's motion to dismiss.",
    )
    assert "Tevlino" not in _names(actors)
    person = next(a for a in actors if a.name == "Mark Tevlinko")
    assert "Tevlino" in person.aliases


def test_a_full_name_misspelt_by_one_letter_is_one_person() -> None:
    actors = _actors(
        "Officer Clarence Hobbleby was the first to arrive as the man lay on the ground.",
        "A second video shows Officer Clarence Hobblebey checking the man's pulse.",
        "Hobbleby then gave first aid, the report said.",
        "Hobbleby did not comment.",
    )
    people = [a for a in actors if a.name.startswith("Clarence")]
    assert [a.name for a in people] == ["Clarence Hobbleby"]


def test_two_people_whose_surnames_are_one_letter_apart_stay_two() -> None:
    actors = _actors(
        "Pollsters Mark Blumenthal and Jon Cohen said the polls were not wrong.",
        "Cohen said the data showed a late shift among voters.",
        "-Nate Cohn explains why the polls were way off. [NYT.]",
    )
    person = next(a for a in actors if a.name == "Jon Cohen")
    assert not any("Cohn" in form for form in person.names())


def test_junior_spelled_out_is_the_suffix_jr() -> None:
    actors = _actors(
        "The presenter asked the actor Robert Tanning Jr about his past.",
        "The presenter looked on as Robert Tanning Junior walked out of the interview.",
        "Mr Tanning Jr later said he had not meant to be rude.",
        "Her son Junior, who is four, was not there.",
    )
    people = [a for a in actors if "Tanning" in a.name]
    assert len(people) == 1
    assert "Junior" not in people[0].aliases


def test_a_name_of_clipped_words_is_the_body_written_in_full() -> None:
    actors = _actors(
        "The Liberal Reformists have admitted they are on course to lose at least 20 seats.",
        "The Lib Refs held the town after their member was jailed, the senior Lib Ref said.",
        "'We can either get a minority government or a coalition with the Lib Refs in it,' "
        "the Lib Refs said in a statement.",
        "Polls show the Lib Refs on 9 per cent.",
    )
    names = _names(actors)
    assert not any(n.startswith("Lib Ref") for n in names)
    body = next(a for a in actors if a.name == "Liberal Reformists")
    assert body.type == "organization"
    assert "Lib Refs" in body.aliases


def test_a_party_word_only_inside_a_body_written_clipped_is_no_group() -> None:
    names = _names(
        _actors(
            "The Liberal Democrats have admitted they are on course to lose at least 20 seats.",
            "The Lib Dems held the town after their member was jailed, officials said.",
            "Polls show the Lib Dems on 9 per cent, and the Lib Dems said they would fight on.",
        )
    )
    assert "Liberal Democrats" in names
    assert "Democrats" not in names


def test_a_later_reading_of_a_clipped_form_names_the_body_not_a_new_person() -> None:
    text = (
        "The Liberal Reformists have admitted they are on course to lose at least 20 seats.\n"
        "The Lib Refs held the town after their member was jailed, the senior Lib Ref said.\n"
        "Polls show the Lib Refs on 9 per cent, and the Lib Refs said they would fight on."
    )
    registry = Registry(layout(text))
    assert registry.add_person("Lib Refs").name == "Liberal Reformists"


def test_a_body_under_names_that_share_no_word_is_one_actor() -> None:
    actors = _actors(
        "Islamic State militants stormed the camp on Wednesday, residents said.",
        "The boy said the ISIS fighters were looking for his brother before ISIS seized "
        "control of the camp.",
        "Daesh said it had taken the camp. Daesh has not commented since.",
    )
    bodies = [a for a in actors if {"ISIS", "Daesh", "Islamic State"} & set(a.names())]
    assert [a.name for a in bodies] == ["Islamic State"]
    assert {"ISIS", "Daesh"} <= set(bodies[0].aliases)


def test_a_one_word_name_written_only_as_something_owned_is_no_person() -> None:
    names = _names(
        _actors(
            "The officer tried to use his Zapper to subdue the man, police said.",
            "'He took my Zapper,' the officer said on the radio.",
            "The footage shows the officer picking up the Zapper and dropping it by the man.",
            "A 2013 Zapper complaint against the officer was never investigated.",
        )
    )
    assert "Zapper" not in names
