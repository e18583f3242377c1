"""Offline actor rules found by probing the house styles of the holdout suite's sources
(CNN 2007-2015, the Daily Mail) on tuning stories and synthetic text (issue #14, twelfth
session): key actors the rules lost or merged into another. Synthetic texts; each test
fails without its rule."""

from __future__ import annotations

from summarizer._schema import Actor
from tests._offline import offline_actors as _actors


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def test_a_president_named_by_surname_is_not_the_first_lady() -> None:
    actors = _by_name(
        _actors(
            "President Halvorsen met with congressional leaders on Tuesday to discuss the "
            "budget, a White House spokesman said.",
            "Halvorsen told the leaders that he would veto the bill. He later spoke to first "
            "lady Marta Halvorsen, who is traveling in Texas.",
        )
    )
    assert "Marta Halvorsen" in actors
    assert "President Halvorsen" not in actors["Marta Halvorsen"].aliases
    president = [a for a in actors.values() if "President Halvorsen" in [a.name, *a.aliases]]
    assert president and president[0].name != "Marta Halvorsen"


def test_a_first_lady_opening_a_sentence_is_not_the_president() -> None:
    actors = _by_name(
        _actors(
            "First lady Marta Halvorsen will travel to Japan next week, the White House said, "
            "while President Halvorsen stays in Washington to meet congressional leaders.",
        )
    )
    assert "Marta Halvorsen" in actors
    assert "President Halvorsen" not in actors["Marta Halvorsen"].aliases


def test_a_president_named_by_surname_is_not_a_daughter_named_as_a_wife() -> None:
    actors = _by_name(
        _actors(
            "The adviser has stayed close to Daniel Okafor and his wife Greta Halvorsen, "
            "visiting them at a golf resort in the summer, people close to them said.",
            "President Halvorsen praised the adviser's work on Monday, aides said.",
        )
    )
    assert "President Halvorsen" not in actors["Greta Halvorsen"].aliases


def test_a_president_who_is_the_brother_keeps_his_title() -> None:
    actors = _by_name(
        _actors(
            "Peter Halvorsen, the governor, campaigned with his brother, George Halvorsen, "
            "in South Carolina on Monday, their first joint rally this year.",
            "President Halvorsen told the crowd that his brother would keep the country safe.",
        )
    )
    assert "President Halvorsen" in actors["George Halvorsen"].aliases


def test_a_surname_after_two_particles_is_part_of_the_name() -> None:
    names = [
        a.name
        for a in _actors(
            "European Commission President Ursula von der Brandt warned on Tuesday that the "
            "bloc would answer any new tariffs within days.",
            '"We will not be bullied," von der Brandt said.',
        )
    ]
    assert "Ursula von der Brandt" in names
    assert "Ursula" not in names


def test_a_first_lady_historian_is_a_historian() -> None:
    actors = _by_name(
        _actors(
            '"Few can match her," says Myra Okonjo, a first lady historian and professor of '
            "communications at a college in New Jersey.",
        )
    )
    assert actors["Myra Okonjo"].role != "first lady"


def test_a_one_word_name_after_in_and_before_a_possessive_is_no_place() -> None:
    names = [
        a.name
        for a in _actors(
            "Dressed in a red shirt, 5-year-old Karim held his sister's hand on Friday, "
            "unaware that thousands of people around the world have read his story.",
            "Karim turns 6 next week. Doctors say he will need many operations on his face.",
            "No one has been arrested in Karim's case. Karim was attacked outside his home "
            "in January, his parents said.",
        )
    ]
    assert "Karim" in names


def test_a_one_word_name_between_a_role_and_a_speech_verb_is_a_person() -> None:
    names = [
        a.name
        for a in _actors(
            "A charity has agreed to pay for the boy's treatment abroad after his story was "
            "broadcast on Wednesday, officials said.",
            '"I was so happy I did not know what to do," his mother, Leila, told reporters.',
        )
    ]
    assert "Leila" in names


def test_a_country_whose_government_acts_after_in_is_an_actor() -> None:
    names = [
        a.name
        for a in _actors(
            "Executions rose sharply around the world last year, a human rights group said "
            "in a report released on Tuesday.",
            "In Malawi, the government lifted a six-year moratorium on executions after an "
            "attack on a school.",
        )
    ]
    assert "Malawi" in names


def test_a_country_that_is_a_gerunds_subject_is_an_actor() -> None:
    names = [
        a.name
        for a in _actors(
            "Executions rose sharply around the world last year, a human rights group said "
            "in a report released on Tuesday.",
            "The report cites the example of Malawi lifting a six-year moratorium on "
            "executions after an attack on a school.",
        )
    ]
    assert "Malawi" in names


def test_a_country_before_during_is_no_gerunds_subject() -> None:
    names = [
        a.name
        for a in _actors(
            "Relief flights reached Malawi during the drought, and aid groups said on Tuesday "
            "that more would follow before the rains.",
        )
    ]
    assert "Malawi" not in names


def test_a_full_name_of_a_body_that_acts_is_a_person() -> None:
    names = [
        a.name
        for a in _actors(
            "A new audio message was posted on militant Web sites on Tuesday. Abu Hamza "
            "al-Rashidi of al Qaeda criticized the government in the recording.",
        )
    ]
    assert "Abu Hamza al-Rashidi" in names


def test_the_united_states_is_a_party_beside_a_foreign_party() -> None:
    names = [
        a.name
        for a in _actors(
            "Negotiators met in Geneva on Monday for talks with Iran on its nuclear program "
            "after a month's break, diplomats said.",
            "The talks cover trade between Iran and the United States and visas for students. "
            "Flights to the United States, halted in March, are also on the table.",
            "Diplomats said a deal with Iran, their main goal, was still far off, and that a "
            "letter to the United States, sent in May, got no reply.",
        )
    ]
    assert "Iran" in names
    assert "United States" in names


def test_the_united_states_named_as_a_place_is_no_party() -> None:
    names = [
        a.name
        for a in _actors(
            "Negotiators met in Geneva on Monday for talks with Iran on its nuclear program "
            "after a month's break, diplomats said.",
            "The talks cover trade between Iran and Europe. Many Iranians live in the United "
            "States, and students in the United States, too, follow the talks closely.",
            "Diplomats said a deal with Iran, their main goal, was still far off. Only a few "
            "students have been able to travel into the United States since March.",
        )
    ]
    assert "Iran" in names
    assert "United States" not in names


def test_labour_named_alone_is_a_party() -> None:
    names = [
        a.name
        for a in _actors(
            "Trade unions handed Labour more than three million pounds in the last three "
            "months of the year, new figures reveal.",
            "A Labour spokesman said all donations had been declared. Critics said Labour "
            "was now bankrolled by a handful of union leaders.",
        )
    ]
    assert "Labour" in names


def test_the_tories_are_the_conservative_party() -> None:
    actors = _by_name(
        _actors(
            "The Conservative Party lost its majority on Tuesday when a second lawmaker "
            "defected, leaving the prime minister short of votes.",
            "More than a dozen Tories have threatened to back the bill, aides said.",
        )
    )
    assert "Tories" not in actors
    assert "Tories" in actors["Conservative Party"].aliases


def test_unions_that_act_are_a_group() -> None:
    names = [
        a.name
        for a in _actors(
            "Unions have threatened to withdraw their support for the party over the new "
            "tax on health plans, officials said on Monday.",
            "The unions say the tax would hit the plans of millions of their members.",
        )
    ]
    assert "unions" in names


def test_a_british_honorific_with_no_full_stop_names_a_person() -> None:
    actors = _by_name(
        _actors(
            "A teenager who travelled to Syria to fight for a militant group has been "
            "pictured holding a rifle, it emerged last night.",
            "Mr Okonkwo, from Birmingham, is believed to have left with two friends last "
            "year. Police said they were aware of the images.",
        )
    )
    assert "Mr Okonkwo" in actors["Okonkwo"].aliases
