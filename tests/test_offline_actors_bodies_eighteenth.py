"""Offline actor rules for bodies missed on articles nobody tuned on (issue #14, eighteenth
session: organisations named as a speaker's employer). Synthetic texts; each test fails
without its rule."""

from __future__ import annotations

from tests._offline import offline_actors


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs)]


def test_an_employer_the_article_names_again_is_an_actor() -> None:
    names = _names(
        "Factory output in the region fell for a third month in May, a survey of purchasing "
        "managers showed on Monday.",
        'Ann Reddle, senior economist at Brindex, said: "Orders are drying up."',
        "The Brindex survey found that export orders fell at the fastest rate in two years.",
    )
    assert "Brindex" in names


def test_an_employer_named_in_full_with_an_acronym_used_again_keeps_its_full_name() -> None:
    actors = offline_actors(
        "Factory output in the region fell for a third month in May, a survey of purchasing "
        "managers showed on Monday.",
        "Tom Velde, chief executive at the Institute of Widgets and Supply (IWS), said "
        "demand was weak.",
        "The IWS survey found that export orders fell at the fastest rate in two years.",
    )
    body = next(a for a in actors if a.name == "Institute of Widgets and Supply")
    assert body.aliases == ["IWS"]


def test_an_experts_employer_named_only_as_such_is_no_actor() -> None:
    names = _names(
        "The two governments signed a trade pact on Tuesday after months of talks that "
        "nearly collapsed twice.",
        '"It is a risky moment," said Joe Marner, an analyst at Brindex.',
        '"Nobody wins a trade war," said Marner of Brindex.',
    )
    assert "Brindex" not in names


def test_a_place_after_a_role_is_no_employer() -> None:
    names = _names(
        "The city council voted on Tuesday to cut the police budget by a tenth after a "
        "long and bitter debate.",
        "Lena Shafe, the mayor of Brockton, Ohio, said the cut went too far.",
        "Brockton had 300 violent crimes last year.",
    )
    assert "Brockton" not in names


def test_a_body_named_once_then_acting_by_its_head_noun_is_an_actor() -> None:
    names = _names(
        "Four schools in the town have been put in special measures after inspections in "
        "the spring, inspectors said on Tuesday.",
        "Two of them, run by the Telmore Co-operative Learning Trust, lost their heads.",
        "The trust has not commented on the reports.",
    )
    assert "Telmore Co-operative Learning Trust" in names


def test_the_head_noun_after_another_body_is_not_the_first_ones() -> None:
    names = _names(
        "The broadcaster has been accused of bias by its own presenters, several of whom "
        "resigned this year.",
        "You can watch it on Brixel Network, or online.",
        "Anna Pole, the editor of the Veritas Media Group, told the host to stay calm. The network said "
        "it would send her abroad.",
    )
    assert "Brixel Network" not in names


def test_the_head_noun_where_two_bodies_hold_it_names_neither() -> None:
    names = _names(
        "Four schools in the town have been put in special measures after inspections in "
        "the spring, inspectors said on Tuesday.",
        "Inspectors visited Phoenix Academy and Lakemoor Academy in March.",
        "The academy has not commented on the reports.",
    )
    assert "Phoenix Academy" not in names and "Lakemoor Academy" not in names
