"""Offline actor rules for key actors missed on articles in styles no rule was tuned on
(issue #14, thirteenth session: the CoNLL-2003 proxy's Reuters stories, the writer set's
Daily Mail and BBC articles). Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from summarizer._schema import Actor
from tests._offline import offline_actors as _actors


def _names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def test_a_title_ending_in_an_of_phrase_is_no_part_of_the_name() -> None:
    actors = _actors(
        "Talks between Keeper of the Archives Andrew Penrose and the city council ended "
        "without a deal, an aide said on Friday.",
        "The aide said he knew of no meeting between Penrose and the mayor.",
        "Both the mayor and Penrose were out of town on Friday.",
    )
    person = next(a for a in actors if a.name == "Andrew Penrose")
    assert "Penrose" in person.aliases


def test_a_person_named_by_a_rank_and_one_word_is_a_person() -> None:
    names = _names(
        _actors(
            "Protests against Colonel Varga's rule spread to the capital on Monday, "
            "witnesses said.",
            "Varga was bearing down on the rebels in the east and threatening to crush them.",
            "In October Varga was captured by fighters near the coast.",
        )
    )
    assert "Varga" in names


def test_a_rank_and_one_word_named_in_passing_is_no_actor() -> None:
    names = _names(
        _actors(
            "Senator Ruth Alder is being caricatured as Lady Dunmore, a schemer in her own "
            "play, her rivals said on Monday.",
            "Alder said the attacks would not change her plans for the budget.",
        )
    )
    assert "Dunmore" not in names


def test_a_counted_group_opening_the_lead_is_an_actor() -> None:
    actors = _actors(
        "Nine Danish nationals have been detained in Ruritania after allegedly trying to "
        "cross the border illegally, officials said.",
        "The group, which includes four children, was held near the frontier on Wednesday.",
    )
    group = next(a for a in actors if a.name == "Danish nationals")
    assert group.type == "group"
    assert "Nine Danish nationals" in group.aliases


def test_a_counted_time_opening_the_lead_is_no_actor() -> None:
    names = _names(
        _actors(
            "Two years have passed since the flood destroyed the town's bridge, and the "
            "council has still not rebuilt it.",
            "The council said the money would come next year.",
        )
    )
    assert "years" not in names


def test_a_place_that_speaks_twice_is_the_body_seated_there() -> None:
    actors = _actors(
        "The president said the intervention had gone wrong, in an interview published "
        "on Thursday.",
        "In response, Marlow Street said there were many difficult challenges in the region.",
        "Marlow Street declined to comment on the remark about defence spending.",
    )
    seat = next(a for a in actors if a.name == "Marlow Street")
    assert seat.type == "organization"


def test_a_place_that_speaks_once_is_no_actor() -> None:
    names = _names(
        _actors(
            "The president said the intervention had gone wrong, in an interview published "
            "on Thursday.",
            "In response, Marlow Street said there were many difficult challenges.",
            "Crowds gathered on Marlow Street later that day.",
        )
    )
    assert "Marlow Street" not in names


def test_a_one_word_party_that_people_join_is_an_actor() -> None:
    actors = _actors(
        "Mark Harwood has held the seat for Brightside since he defected to Brightside "
        "last summer.",
        "The Conservatives hope to win the seat back from Brightside in May.",
        "Party officials fear that more of their MPs will join Brightside.",
    )
    party = next(a for a in actors if a.name == "Brightside")
    assert party.type == "organization"


def test_a_one_word_party_joined_only_as_a_qualifier_is_no_actor() -> None:
    names = _names(
        _actors(
            "Anna Marsh joined Brightside candidate Kelly Dorn for a visit to a school in "
            "the town on Monday.",
            "The visit was seen as a sign of intent from Brightside in the seat.",
            "Reporters asked about the poll for Brightside, which fell.",
        )
    )
    assert "Brightside" not in names


def test_police_on_its_own_is_the_one_police_force_the_article_names() -> None:
    actors = _actors(
        "Officer Dan Reyes had served for six years with the Westbury Police before the "
        "shooting on Saturday, records show.",
        "Police then said Reyes had reported the encounter on his radio.",
        "The mayor said the city would review the case.",
    )
    force = next(a for a in actors if a.name == "Westbury Police")
    assert "Police" in force.aliases


def test_a_police_group_and_the_named_force_are_one_actor() -> None:
    names = _names(
        _actors(
            "Harbour Valley Police said on Monday that a presenter had been questioned "
            "about an assault at a hotel.",
            "Police are looking into the incident, and police said the producer had not "
            "made a complaint himself.",
            "A spokesman for Harbour Valley Police said inquiries were continuing.",
        )
    )
    assert "Harbour Valley Police" in names
    assert "police" not in names


def test_a_person_identified_only_by_a_surname_is_a_person() -> None:
    names = _names(
        _actors(
            "A woman who said she had surgery after her husband left her has sparked a "
            "debate online, a local paper reported.",
            "The woman, identified only by her surname Lopez, later sued the clinic.",
        )
    )
    assert "Lopez" in names


def test_an_unnamed_institution_that_speaks_is_an_actor() -> None:
    actors = _actors(
        "A woman who had three operations at a local hospital has sued the hospital for "
        "damages, a local paper reported.",
        "The hospital, however, argued that the operations were carried out properly.",
    )
    hospital = next(a for a in actors if a.name == "the hospital")
    assert hospital.type == "organization"


def test_an_institution_the_article_names_is_no_second_actor() -> None:
    names = _names(
        _actors(
            "A woman who had three operations at Westfield General Hospital has sued the "
            "hospital for damages, a local paper reported.",
            "The hospital, however, argued that the operations were carried out properly.",
        )
    )
    assert "the hospital" not in names


def test_a_company_boss_before_a_full_name_names_a_person() -> None:
    names = _names(
        _actors(
            "The scientist says people alive today could live to a thousand, a claim his "
            "critics call absurd.",
            "His work is funded by rich backers. Software boss Oren Maltby (worth two "
            "billion dollars) donated ten million to the institute.",
        )
    )
    assert "Oren Maltby" in names
