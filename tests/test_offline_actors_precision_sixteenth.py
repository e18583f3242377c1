"""Offline actor rules that keep spurious actors out on unseen styles (issue #14, sixteenth
session): general classes found on the tuning key lists. Synthetic texts; each test fails
without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer.backends.offline._extract import extract_offline
from tests._offline import offline_actors


def _names(*paragraphs: str) -> set[str]:
    return {a.name for a in offline_actors(*paragraphs)}


def test_a_country_named_as_a_place_is_not_the_subject_of_the_verb_after_it() -> None:
    names = _names(
        "Rebels seized the port of Marvik on Tuesday, the army said.",
        "Commander Ilse Brandt said the army would retake the port within days.",
        "Armed groups in Portugal have claimed they did not take part in the raid.",
        "Brandt said talks would begin in Lisbon.",
    )
    assert "Ilse Brandt" in names
    assert "Portugal" not in names


def test_a_chambers_party_members_named_after_the_party_are_the_party() -> None:
    actors = {
        a.name: a
        for a in offline_actors(
            "The court upheld the farm subsidy law on Thursday, a ruling that keeps aid for "
            "two million growers.",
            "Republicans have vowed to keep fighting the law in the courts and at the polls.",
            "Senator Ada Brisk said the ruling was a loss for taxpayers.",
            "Congressional Republicans have voted more than 40 times to repeal the law.",
        )
    }
    assert "Congressional Republicans" not in actors
    assert "Congressional Republicans" in actors["Republicans"].aliases


def test_a_chamber_named_twice_only_as_a_place_is_no_actor() -> None:
    names = _names(
        "Senator Ada Brisk and Governor Tom Varley campaigned together in Ohio on Monday, "
        "drawing a crowd of some two thousand people to a rally at a county fairground.",
        "Brisk has made her name in the Senate as a critic of the big banks.",
        "Varley said Brisk had fought for workers from her seat in the Senate for years.",
    )
    assert {"Ada Brisk", "Tom Varley"} <= names
    assert "Senate" not in names


def test_a_town_after_a_preposition_is_neither_an_actor_nor_the_speaker() -> None:
    extraction = extract_offline(
        CleanArticle(
            paragraphs=[
                "Ada Brisk, the leader of the county council, wants a fairer share of the "
                "national budget for the towns she serves.",
                "The new depot has changed the area around Kettle Norton's bus station.",
                "Back in Kettle Norton, Ada Brisk has some sympathy for the city council.",
                '"The city probably has greater needs," she says.',
            ]
        )
    )
    assert "Kettle Norton" not in {a.name for a in extraction.actors}
    assert [q.speaker for q in extraction.quotes] == ["Ada Brisk"]


def test_a_name_only_ever_after_a_place_preposition_is_a_place() -> None:
    names = _names(
        "Ada Brisk, the leader of the county council, wants a fairer share of the national "
        "budget for the towns she serves.",
        "The new depot has changed the area around Kettle Norton's bus station.",
        "Brisk said that jobs in Kettle Norton had doubled since the depot opened.",
    )
    assert "Ada Brisk" in names
    assert "Kettle Norton" not in names


def test_a_country_after_a_place_preposition_is_no_target_of_the_noun_before_it() -> None:
    names = _names(
        "Police in Brussels arrested a student, Karim Odell, on Sunday, suspected of "
        "plotting attacks on churches in Portugal.",
        "Odell had lived in the city for two years, his lawyer, Ilse Brandt, said.",
        "Brandt said her client denied the charges.",
    )
    assert {"Karim Odell", "Ilse Brandt"} <= names
    assert "Portugal" not in names


def test_a_country_inside_a_longer_place_name_is_no_mention_of_it() -> None:
    names = _names(
        "Police in Northern Ireland have said a bomb found near a school in Dunmore on Monday "
        "was meant to kill officers, and the threat level in Northern Ireland stays severe.",
        "Chief Constable Ada Brisk said dissident republicans were behind the attack.",
        "Northern Ireland has seen three such attacks this year.",
    )
    assert "Ada Brisk" in names
    assert "Ireland" not in names


def test_a_name_ending_in_an_events_head_word_is_no_person() -> None:
    names = _names(
        "Ada Brisk, the captain of the Dunmore cricket team, was criticised for her batting "
        "during the fifth Harbury Test in Ostby on Monday.",
        "Brisk said she would fight for her place before the next Harbury Test.",
        "Dunmore lost the second Test against the visitors.",
    )
    assert "Ada Brisk" in names
    assert "Harbury Test" not in names
