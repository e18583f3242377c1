"""Offline actor rules for organisations the rules missed on fresh articles (issue #14,
twenty-first session): a body named only in lower case ("the election commission", writer
list g; "the city's police union", writer list b). Synthetic texts; each test fails
without its rule or guard."""

from __future__ import annotations

from tests._offline import offline_actors


def _names(*paragraphs: str) -> set[str]:
    return {a.name for a in offline_actors(*paragraphs)}


def test_a_body_named_only_in_lower_case_that_acts_is_an_actor() -> None:
    names = _names(
        "Counting in the mayoral vote in Lagos slowed on Tuesday after a power cut.",
        "The electoral commission said it would publish the results on Friday.",
        "Later the electoral commission announced a recount in two wards.",
    )
    assert "electoral commission" in names


def test_a_lower_case_body_named_once_is_no_actor() -> None:
    names = _names(
        "Counting in the mayoral vote in Lagos slowed on Tuesday after a power cut.",
        "The electoral commission said it would publish the results on Friday.",
    )
    assert "electoral commission" not in names


def test_two_kinds_of_the_same_noun_are_two_bodies_left_out() -> None:
    names = _names(
        "The transport department announced a review of the bus contract on Monday.",
        "The health department said the review would not touch hospital routes.",
    )
    assert not {"transport department", "health department"} & names


def test_an_organ_of_a_named_body_is_not_a_second_body() -> None:
    names = _names(
        "The University of Lagos removed the statue on Thursday after student protests.",
        "The university council voted to remove it, and the university council asked for calm.",
    )
    assert "university council" not in names


def test_a_lower_case_body_that_never_acts_is_no_actor() -> None:
    names = _names(
        "Results in the mayoral vote in Lagos were posted by the electoral commission.",
        "Observers visited the electoral commission in Ikeja on Friday.",
    )
    assert "electoral commission" not in names


def test_the_head_noun_of_a_capitalised_body_is_that_body() -> None:
    names = _names(
        "The Independent National Commission delayed the count in Lagos on Tuesday.",
        "The electoral commission said it would publish the results on Friday.",
        "Later the electoral commission announced a recount in two wards.",
    )
    assert "electoral commission" not in names


def test_democrats_in_liberal_democrats_are_that_party() -> None:
    names = _names(
        "Labour held the seat in Swansea, and the Welsh Liberal Democrats are still "
        "licking their wounds after the count.",
        "The party's leader said she had no regrets over the campaign.",
    )
    assert "Liberal Democrats" in names
    assert "Democrats" not in names


def test_the_party_s_name_is_no_mention_of_another_party() -> None:
    actors = offline_actors(
        "The Liberal Democrats lost two seats in Cardiff on Thursday night.",
        "The Liberal Democrats said the result was a blow to the party in Wales.",
        "A delegation of Democrats from Washington watched the count.",
    )
    party = next(a for a in actors if a.name == "Liberal Democrats")
    assert "Democrats" not in party.aliases  # the Americans are no form of the party
    assert "Democrats" not in {a.name for a in actors}  # named once, in passing


def test_a_one_word_body_named_twice_that_acts_and_owns_is_an_actor() -> None:
    names = _names(
        "Three schools in Leeds were put in special measures this week.",
        "Ofqual criticised the governors' lack of support to the schools.",
        "Ofqual's report said teaching in all three was inadequate.",
    )
    assert "Ofqual" in names


def test_a_one_word_name_used_twice_with_no_owner_is_no_actor() -> None:
    names = _names(
        "Three schools in Leeds were put in special measures this week.",
        "Ofqual criticised the governors' lack of support to the schools.",
        "The report, seen by Ofqual, said teaching in all three was inadequate.",
    )
    assert "Ofqual" not in names


def test_a_one_word_name_used_twice_that_never_acts_is_no_actor() -> None:
    names = _names(
        "Three schools in Leeds were put in special measures this week.",
        "The schools were visited by Ofqual in May.",
        "Ofqual's report said teaching in all three was inadequate.",
    )
    assert "Ofqual" not in names
