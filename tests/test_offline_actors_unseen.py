"""Offline actor rules found by reading tuning articles nobody had read for actors (issue
#14, eleventh session, evals/reading/actor-keys.tsv): key actors named once, in an
apposition or as a source, that the rules dropped. Synthetic texts; each test fails
without its rule."""

from __future__ import annotations

from tests._offline import offline_actors as _actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in _actors(*paragraphs)]


_LEAD = (  # two prose paragraphs (15 words or more): a name after them is not the lead's
    "The two governments traded threats on Monday over the disputed border crossing, "
    "and both moved more troops toward it.",
    "Officials on both sides said the troops had been moved closer to the line this week "
    "and would stay there for now.",
)


def test_a_person_named_after_a_role_that_runs_on_in_small_words_is_an_actor() -> None:
    names = _names(
        *_LEAD,
        "But the Ruritanian chief of general staff, Otto Brennerhof, warned last month "
        "that the next time could be different.",
    )
    assert "Otto Brennerhof" in names


def test_a_person_named_after_a_role_at_a_sentences_end_is_an_actor() -> None:
    names = _names(
        *_LEAD,
        "The envoy then crossed the line for a brief meeting with the country’s leader, "
        "Pak Song-chol. Nobody had done so while in office.",
    )
    assert "Pak Song-chol" in names


def test_a_person_named_once_as_a_source_is_an_actor() -> None:
    names = _names(
        *_LEAD,
        "The closure is not entirely unwarranted, coming after months of raids, according "
        "to Richard Vellacott, Halvorsen chair in border studies at a Washington institute.",
    )
    assert "Richard Vellacott" in names


def test_a_states_embassy_that_acts_is_an_organisation() -> None:
    actors = _actors(
        "Gunmen stormed a hotel in the port city on Saturday, killing four guards.",
        "Police said the attackers had been shot dead after a siege that lasted a day.",
        "The Chinese embassy in Islamabad condemned the attack and praised the police.",
    )
    embassy = [a for a in actors if a.name == "Chinese embassy in Islamabad"]
    assert embassy and embassy[0].type == "organization"
    assert "Chinese embassy" in embassy[0].aliases


def test_a_longer_name_that_reports_twice_is_an_outlet() -> None:
    actors = _actors(
        "Two magazines, Abendpost and Paris Match, said they had seen the video.",
        "Paris Match and Abendpost said the clip was recovered from a phone at the site.",
        "“One can hear cries in several languages,” Paris Match reported on Tuesday.",
    )
    assert ("Paris Match", "organization") in [(a.name, a.type) for a in actors]


def test_a_police_rank_is_no_part_of_the_name() -> None:
    actors = _actors(
        *_LEAD,
        "Detective Chief Inspector Mark Hudson, of the Metropolitan Police, said: "
        "'Inquiries continue and we urge witnesses to come forward.'",
        "Chief Constable Sara Thornton met staff at the station on Tuesday.",
    )
    names = [a.name for a in actors]
    assert "Mark Hudson" in names and "Sara Thornton" in names


def test_an_apposition_of_a_body_is_the_whole_role() -> None:
    actors = _actors(
        *_LEAD,
        "Mark Hudson, of the Metropolitan Police, said: 'Inquiries continue and we urge "
        "witnesses to come forward.'",
    )
    hudson = next(a for a in actors if a.name == "Mark Hudson")
    assert hudson.role == "of the Metropolitan Police"


def test_a_full_name_with_an_age_between_commas_is_a_person() -> None:
    names = _names(
        "A man was jailed on Friday after a court heard he had attacked a neighbour with "
        "a hammer in a row over parking.",
        "Darrel Whitcombe, 41, was sentenced to six years after admitting grievous bodily "
        "harm at an earlier hearing.",
    )
    assert "Darrel Whitcombe" in names


def test_a_name_opened_by_the_that_speaks_is_a_body_not_a_person() -> None:
    actors = _actors(
        *_LEAD,
        "The Blue Crescent said its volunteers were working around the clock at the line.",
    )
    assert ("Blue Crescent", "organization") in [(a.name, a.type) for a in actors]


def test_a_body_whose_spokesman_speaks_is_an_actor() -> None:
    names = _names(
        *_LEAD,
        "A spokesman for the RSPCA said: 'This is a tragic incident for everyone.'",
    )
    assert "RSPCA" in names
