"""Offline actor rules that keep spurious actors out on unseen styles (issue #14,
seventeenth session): kinds of junk found on the tuning key lists (sports reports, live
commentary, broadcasters named as a reporter's qualifier, a nation's police beside the
force's name). Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer.backends.offline._extract import extract_offline
from tests._offline import offline_actors


def _names(*paragraphs: str) -> set[str]:
    return {a.name for a in offline_actors(*paragraphs)}


def test_a_race_named_like_a_person_is_no_actor() -> None:
    names = _names(
        "Ned Harlow is lined up to ride Copper Kettle in the Grand National at Aintree on "
        "April 11.",
        "Harlow had been expected to partner Sam Winder, who was pulled out on Monday.",
        "The trainer Rob Dane said: \"It's a great ride to get and I'm looking forward to it.\"",
        "Harlow rode Copper Kettle to fourth in last year's Grand National.",
        "The Grand National field will be finalised next week.",
    )
    assert {"Ned Harlow", "Rob Dane"} <= names
    assert "Grand National" not in names


_COMMENTARY = (
    "Millwall and Walsall drew 0-0 at The Den on Saturday, a result that leaves both sides "
    "short of the play-off places.",
    "Match ends, Millwall 0, Walsall 0.",
    "Second Half ends, Millwall 0, Walsall 0.",
    "Foul by Tom Brandy (Millwall).",
    "Attempt missed. Jon Fyfe (Walsall) left footed shot from outside the box is high.",
    "Second Half begins Millwall 0, Walsall 0.",
    "Attempt blocked. Tom Brandy (Millwall) right footed shot is blocked.",
    "Attempt saved. Jon Fyfe (Walsall) header is saved.",
    "First Half ends, Millwall 0, Walsall 0.",
)


def test_a_match_half_in_live_commentary_is_no_person() -> None:
    names = _names(*_COMMENTARY)
    assert {"Tom Brandy", "Jon Fyfe"} <= names
    assert "Second Half" not in names


def test_a_commentary_label_before_a_participle_is_no_organisation() -> None:
    names = _names(*_COMMENTARY)
    assert "Walsall" in names
    assert "Attempt" not in names


def test_a_broadcaster_named_as_a_reporters_qualifier_is_no_person() -> None:
    names = _names(
        "Drivers ignored the closure of the Marston bypass on Monday and drove through the "
        "cones, police said, as roadworks caused long delays across the county.",
        "Officers on site had problems with drivers ignoring the closure, according to BBC "
        "Radio Oxford travel reporter Sal Dunmore.",
        "She said diversions had led to lengthy delays in Oxford and beyond.",
        "Oxford council said the works would finish on Friday.",
    )
    assert "Sal Dunmore" in names
    assert "Radio Oxford" not in names


def test_a_club_before_a_person_noun_is_no_speaker() -> None:
    extraction = extract_offline(
        CleanArticle(
            paragraphs=[
                "Rob Garnet admitted his side had fallen short in his first season in charge "
                "of the club.",
                '"In future I will be better - definitely," said the former Lisbon and Porto '
                "Rovers coach.",
                '"This season has been a massive lesson for me."',
                'He added: "We have a lot of beautiful things to fight for."',
            ]
        )
    )
    assert "Porto Rovers" not in {a.name for a in extraction.actors}
    assert {q.speaker for q in extraction.quotes} == {"Rob Garnet"}


def test_a_nations_police_beside_the_one_named_force_is_that_force() -> None:
    actors = {
        a.name: a
        for a in offline_actors(
            "Nine British nationals have been detained in Turkey trying to cross into Syria, "
            "the Foreign Office said.",
            "The three were arrested following a tip-off from British police and flown back home.",
            "Around half of those who went are believed to have returned, the Metropolitan "
            "Police has said.",
            "Turkish officials said they had not been warned promptly enough by British "
            "police to stop the schoolgirls, and British police denied this.",
        )
    }
    assert "British police" not in actors
    assert "British police" in actors["Metropolitan Police"].aliases


def test_a_country_named_only_as_where_someone_goes_is_no_party() -> None:
    names = _names(
        "Omar Farid, 34, was jailed for life on Friday for killing his wife at their home in "
        "Leeds.",
        "The court heard that his wife went to Pakistan on holiday last year and had made plans "
        "to move to Pakistan with another man.",
        "Farid told a doctor that he feared his wife would take their youngest son back to "
        "Pakistan and never return.",
        "Judge Alan Reeve said Farid had shown no remorse.",
    )
    assert {"Omar Farid", "Alan Reeve"} <= names
    assert "Pakistan" not in names


def test_a_country_named_thrice_as_a_party_is_still_one() -> None:
    names = _names(
        "Omar Farid, the trade minister, said on Friday that talks with Pakistan would resume.",
        "Farid said the government would put pressure on Pakistan over the border dispute.",
        "He said the sanctions imposed on Pakistan would stay in place until the talks end.",
    )
    assert "Pakistan" in names


def test_a_country_named_only_after_in_the_is_no_party() -> None:
    names = _names(
        "Omar Farid, 34, was jailed for life on Friday for killing his wife at their home in "
        "Leeds.",
        "Farid had lived in the Netherlands as a boy, studied in the Netherlands and worked "
        "across the Netherlands for a decade, the court heard.",
        "Judge Alan Reeve said Farid had shown no remorse.",
    )
    assert {"Omar Farid", "Alan Reeve"} <= names
    assert "Netherlands" not in names


def test_a_month_after_by_is_no_source() -> None:
    names = _names(
        "The Ministry of Justice has launched a consultation on sentences for killers, after "
        "a campaign by the parents of a murdered man.",
        "Sue Harlow said the changes would spare other families.",
        "A response to the Ministry of Justice consultation, which closes on 1 February, is "
        "due to be published by May.",
    )
    assert {"Ministry of Justice", "Sue Harlow"} <= names
    assert "May" not in names


_SURVEY = (
    "Factory output fell at its fastest pace in three years in May, a survey of purchasing "
    "managers found.",
    "Firms blamed weak demand at home and uncertainty ahead of the EU referendum.",
    "Rob Dunning, an economist at the survey's compiler, said the slowdown was broad.",
)


def test_a_body_only_ever_qualifying_a_noun_is_no_actor() -> None:
    names = _names(
        *_SURVEY,
        '"Much of this is the uncertainty created by the EU referendum," said Lee Harlow of '
        "the manufacturers' group.",
    )
    assert {"Rob Dunning", "Lee Harlow"} <= names
    assert "EU" not in names


def test_a_body_named_once_as_itself_beside_a_qualifier_is_still_repeated() -> None:
    names = _names(*_SURVEY, "Exporters said the EU had already cut its orders.")
    assert "EU" in names


def test_a_service_named_only_as_a_qualifier_is_no_person() -> None:
    names = _names(
        "The Pentagon has sent an aircraft carrier and an Air Force bomber task force to the "
        "Gulf in recent weeks, officials said.",
        "The new forces include an engineering unit, an Air Force fighter squadron and drone "
        "units.",
        "Defense Secretary Mark Esper said the deployment was defensive.",
    )
    assert {"Pentagon", "Mark Esper"} <= names
    assert "Air Force" not in names


def test_a_country_a_thing_is_sent_to_is_still_a_party() -> None:
    names = _names(
        "Omar Farid, 34, was jailed for life on Friday for killing his wife at their home in "
        "Leeds.",
        "The court heard that he had sent a warning to Iran.",
        "Farid had delivered a formal protest to Iran, the court heard.",
        "He said his brother would send an envoy to Iran.",
    )
    assert "Iran" in names


def test_a_capitalised_kind_after_a_or_an_is_no_body() -> None:
    names = _names(
        "The island nation formally became a State Party to the Hague Convention on Monday, "
        "its foreign minister said.",
        "Foreign Minister Ana Pelu said the country would take on all the duties of a State "
        "Party to the Convention.",
        "A Homeland Security spokesman said the agency welcomed the move.",
    )
    assert {"Ana Pelu", "Homeland Security"} <= names
    assert "State Party" not in names
