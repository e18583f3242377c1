"""Offline actor rules for key actors missed on unseen articles (issue #14, sixteenth
session: bodies with no head word that the article describes beside their name). Synthetic
texts; each test fails without its rule."""

from __future__ import annotations

from summarizer._schema import Actor
from tests._offline import offline_actors


def _names(*paragraphs: str) -> list[str]:
    actors: list[Actor] = offline_actors(*paragraphs)
    return [a.name for a in actors]


def test_a_body_described_after_its_name_that_acts_is_an_actor() -> None:
    names = _names(
        "American Horizons, a super PAC aligned with the strategist Tom Bell, released a "
        "digital ad in Ohio on Monday.",
        "The ad targets the senator's record on trade.",
    )
    assert "American Horizons" in names


def test_a_body_after_a_conjunction_described_by_a_longer_noun_is_an_actor() -> None:
    names = _names(
        "Voters in the district are split.",
        "And Liberty Forward, a conservative political action committee, called the mayor "
        "a liability for his party.",
    )
    assert "Liberty Forward" in names


def test_a_body_named_after_its_description_is_an_actor() -> None:
    names = _names(
        "Statues were defaced in Durban last week.",
        "The opposition party, the Radical Freedom Fighters, has come out in support of its "
        "members.",
    )
    assert "Radical Freedom Fighters" in names


def test_a_body_after_its_kind_is_one_actor_in_both_spellings() -> None:
    actors = offline_actors(
        "Statues were defaced in Durban last week.",
        "The youth wing of solidarity group HeritageFirst handed a memorandum to parliament.",
        "Heritagefirst says the statues belong to everyone.",
    )
    bodies = [a for a in actors if a.name.lower() == "heritagefirst"]
    assert len(bodies) == 1
    assert bodies[0].name == "HeritageFirst"


def test_a_member_of_a_described_body_is_no_body() -> None:
    names = _names(
        "Voters in the district are split.",
        "Maria Lopez, a member of the group, said the ad was unfair.",
    )
    assert "Maria Lopez" in names
    assert not any(n.startswith("Maria") and n != "Maria Lopez" for n in names)


def test_a_described_body_that_does_nothing_there_is_no_actor() -> None:
    names = _names(
        "Voters in the district are split.",
        "The poll was run for Open Future, a research group in Boston.",
    )
    assert "Open Future" not in names


def test_the_end_of_a_longer_described_name_is_no_body() -> None:
    names = _names(
        "Voters in the district are split.",
        "Hope to Win, a super PAC backing the governor, has run ads against him.",
    )
    assert "Win" not in names


def test_a_government_that_acts_and_returns_is_a_form_of_the_one_state() -> None:
    actors = offline_actors(
        "Statues of colonial figures were defaced across Zambia this week, and Zambia "
        "condemned the attacks.",
        "The government backed the removal of one statue, a spokesman said.",
        "He added that the government did not encourage violence.",
    )
    zambia = next(a for a in actors if a.name == "Zambia")
    assert "The government" in zambia.aliases or "the government" in zambia.aliases


def test_a_government_with_no_state_named_is_a_body_of_its_own() -> None:
    names = _names(
        "Councils across the region face cuts in their grants, Byron Hale said.",
        "The government is moving to a system where the grant will go by 2020.",
        "Hale said the council would make its case to the government next month.",
    )
    assert "the government" in names


def test_a_government_only_supposed_to_act_is_no_actor() -> None:
    names = _names(
        "The wall could be paid for with other funds, Ms. Ortega said.",
        "The government could skip the requirement if it invoked another law.",
        "But the government would need to show that a wall meets the definition.",
    )
    assert "the government" not in names


def test_police_that_speak_twice_are_an_actor_beside_a_named_police_station() -> None:
    names = _names(
        "Two people were hurt when a van hit a bus near Harwell, police said.",
        "The other passengers were taken to Harwell police station.",
        "The road reopened at noon after the vehicles were moved, police said.",
    )
    assert "police" in names


def test_a_body_named_for_a_plural_in_men_keeps_its_whole_name() -> None:
    names = _names(
        "New fishing limits were agreed for the coast on Monday.",
        "The Scottish Fishermen's Association said previously that the limits were unfair.",
    )
    assert "Scottish Fishermen's Association" in names


def test_a_body_whose_spokesman_speaks_is_an_actor() -> None:
    names = _names(
        "Three people were hurt when a lorry hit a bus on the A34 on Sunday.",
        "A Blue Line Rail spokesman said the firm was keen to help the passengers.",
    )
    assert "Blue Line Rail" in names


def test_a_state_or_party_spokesman_makes_no_new_body() -> None:
    names = _names(
        "Three people were hurt when a lorry hit a bus on the A34 on Sunday.",
        "A Russian spokesman said the report was false.",
        "A Labour spokesman said the crash showed the roads needed money.",
    )
    assert "Russian" not in names
    assert not any(n.startswith("Labour") and n != "Labour" for n in names)


def test_a_peer_named_by_her_title_is_a_person_with_the_bare_title_as_a_form() -> None:
    actors = offline_actors(
        "The Duchess of Tamworth has launched her own honey, made by bees in her garden.",
        "Just 250 jars are being made, and the Duchess will give the money to charity.",
    )
    duchess = next(a for a in actors if a.name == "Duchess of Tamworth")
    assert duchess.type == "person"
    assert "the Duchess" in duchess.aliases


def test_a_peer_named_once_who_does_nothing_is_no_actor() -> None:
    names = _names(
        "Hundreds of honey jars were sold at the market near the palace of the Bishop of "
        "Tamworth this year, traders in the town said on Monday.",
        "Sales rose by a third.",
    )
    assert "Bishop of Tamworth" not in names


def test_a_team_before_its_staff_and_named_again_is_an_actor_with_its_staff() -> None:
    actors = offline_actors(
        "Harbury City boss Tom Brandt says his first season in the league has not been good "
        "enough after defeat at Kestrel on Wednesday.",
        "There were claims of a row after Kestrel's 2-1 win between Kestrel fitness coach "
        "Paolo Vanti and the visitors' staff.",
        "Kestrel manager Luca Moretti has played the incident down.",
    )
    names = [a.name for a in actors]
    assert "Kestrel" in names
    assert "Paolo Vanti" in names
    assert "Luca Moretti" in names


def test_a_team_named_once_before_its_manager_is_no_actor() -> None:
    names = _names(
        "Fans gathered outside the ground on Saturday to protest about ticket prices, which "
        "rose for the third season running.",
        "Kestrel manager Luca Moretti said the club would listen.",
    )
    assert "Kestrel" not in names
