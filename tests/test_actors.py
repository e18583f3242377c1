"""The one actor-merge algorithm (summarizer._actors), as chunk merging and multi-source
notes use it: both callers merge the same actors the same way."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer._actors import group_actors
from summarizer._chunking import merge_extractions
from summarizer._given_names import shown_form, title_kind, titles_of_other_kinds
from summarizer._multi import merge_actors
from summarizer._schema import Actor, Extraction


def actor(name: str, *aliases: str, type: Any = "person", role: str = "r") -> Actor:
    return Actor(name=name, type=type, role=role, aliases=list(aliases))


SOURCES = [
    [actor("Vladimir Putin"), actor("Barack Obama"), actor("Michelle Obama")],
    [actor("Putin", role=""), actor("Obama"), actor("Russia", "Moscow", type="country")],
    [actor("Moscow", type="country"), actor("Russian President Vladimir Putin")],
]


def by_chunks(sources: list[list[Actor]]) -> list[Actor]:
    return merge_extractions(
        [Extraction(summary="S.", actors=a, tensions=[], quotes=[]) for a in sources]
    ).actors


def by_articles(sources: list[list[Actor]]) -> dict[str, list[str]]:
    merged, _ = merge_actors([(str(i), a) for i, a in enumerate(sources, 1)])
    return {m.name: m.aliases for m in merged}


def test_one_algorithm_groups_alias_aware_and_never_guesses() -> None:
    groups, where = group_actors(SOURCES)
    assert [g.name for g in groups] == [
        "Vladimir Putin",
        "Barack Obama",
        "Michelle Obama",
        "Obama",  # fits Barack and Michelle: its own group, not a guess
        "Russia",
    ]
    assert where == [[0, 1, 2], [0, 3, 4], [4, 0]]
    assert groups[0].aliases == ["Putin", "Russian President Vladimir Putin"]


@pytest.mark.parametrize("merge", [by_chunks, by_articles], ids=["chunks", "articles"])
def test_chunks_and_articles_merge_actors_alike(merge: Any) -> None:
    merged = merge(SOURCES)
    names = [a.name for a in merged] if isinstance(merged, list) else list(merged)
    assert sorted(names) == ["Barack Obama", "Michelle Obama", "Obama", "Russia", "Vladimir Putin"]


def test_a_chunk_keeps_the_first_role_that_says_something() -> None:
    [merged] = by_chunks([[actor("Putin", role="")], [actor("Vladimir Putin", role="president")]])
    assert (merged.name, merged.role) == ("Vladimir Putin", "president")


def test_two_actors_of_one_chunk_stay_apart_as_in_one_article() -> None:
    merged = by_chunks([[actor("Putin"), actor("Vladimir Putin")], [actor("Lavrov")]])
    assert [a.name for a in merged] == ["Putin", "Vladimir Putin", "Lavrov"]


def test_the_display_name_is_never_a_titled_alias() -> None:
    [merged] = by_chunks([[actor("Vladimir Putin", "Russian President Vladimir Putin")], []])
    assert merged.name == "Vladimir Putin"
    assert by_articles([[actor("Russian President Vladimir Putin")], [actor("Vladimir Putin")]])[
        "Vladimir Putin"
    ] == ["Russian President Vladimir Putin"]


@pytest.mark.parametrize("merge", [by_chunks, by_articles], ids=["chunks", "articles"])
def test_mr_and_mrs_of_one_surname_stay_two_people(merge: Any) -> None:
    merged = merge([[actor("Mr. Smith")], [actor("Mrs. Smith")]])
    names = [a.name for a in merged] if isinstance(merged, list) else list(merged)
    assert names == ["Mr. Smith", "Mrs. Smith"]


def test_a_titled_surname_does_not_join_a_full_name_of_the_other_gender() -> None:
    merged = by_chunks([[actor("John Smith", "Mr Smith")], [actor("Mrs Smith")]])
    assert [(a.name, a.aliases) for a in merged] == [
        ("John Smith", ["Mr Smith"]),
        ("Mrs Smith", []),
    ]
    merged = by_chunks([[actor("John Smith")], [actor("Mrs Smith")]])  # by the given name
    assert [a.name for a in merged] == ["John Smith", "Mrs Smith"]
    merged = by_chunks([[actor("Smith", "Mr Smith")], [actor("Mrs Smith")]])  # by its alias
    assert [a.name for a in merged] == ["Smith", "Mrs Smith"]
    [merged_one] = by_chunks([[actor("Jane Smith")], [actor("Mrs. Smith")]])
    assert merged_one.aliases == ["Mrs. Smith"]  # the same gender still merges


@pytest.mark.parametrize("merge", [by_chunks, by_articles], ids=["chunks", "articles"])
def test_people_shown_by_one_surname_are_shown_by_their_honorifics(merge: Any) -> None:
    merged = merge([[actor("Smith", "Mr. Smith")], [actor("Smith", "Mrs. Smith")]])
    shown = [(a.name, a.aliases) for a in merged] if isinstance(merged, list) else merged
    assert dict(shown) == {"Mr. Smith": [], "Mrs. Smith": []}  # "Smith" names neither


@pytest.mark.parametrize("merge", [by_chunks, by_articles], ids=["chunks", "articles"])
def test_namesakes_are_shown_by_the_honorific_form_the_members_give_most(merge: Any) -> None:
    # the offline rules' rule (`shown_form`, as `Registry.shown` picks the form the article
    # writes most): "Mrs. Smith" twice over "Mrs Smith" once, not the first member's form
    sources = [
        [actor("Smith", "Mr. Smith"), actor("Smith", "Mrs Smith")],
        [actor("Smith", "Mrs. Smith")],
        [actor("Smith", "Mrs. Smith")],
    ]
    merged = merge(sources)
    names = [a.name for a in merged] if isinstance(merged, list) else list(merged)
    assert sorted(names) == ["Mr. Smith", "Mrs. Smith"]  # (articles: most sources first)


def test_the_shown_form_is_the_titled_form_written_most_the_first_if_even() -> None:
    core = ("smith",)
    assert shown_form(["Smith", "Mrs Smith", "Mrs. Smith", "Mrs. Smith"], core) == "Mrs. Smith"
    assert shown_form(["Mrs Smith", "Mrs. Smith"], core) == "Mrs Smith"
    assert shown_form(["Smith", "Mrs. Jane Smith", "Dr. Smith"], core) == ""  # no such form
    assert shown_form(["King Omar", "Omar"], ("omar",)) == "King Omar"


def test_a_title_kind_needs_a_name_after_the_title() -> None:
    names = ("King Omar", "Crown Prince Omar", "Prince", "Crown Prince", "Mr Omar", "Omar")
    assert [title_kind(n) for n in names] == ["royal", "royal", "", "", "honorific", ""]


def test_a_titled_surname_does_not_join_a_group_another_member_says_is_the_other_gender() -> None:
    merged = by_chunks([[actor("Asghar Buksh")], [actor("Mr Buksh")], [actor("Mrs Buksh")]])
    assert [(a.name, a.aliases) for a in merged] == [
        ("Asghar Buksh", ["Mr Buksh"]),
        ("Mrs Buksh", []),
    ]


def test_a_royal_title_does_not_join_someone_called_mr() -> None:
    merged = by_chunks([[actor("Sidi Omar", "Mr Omar", "Omar")], [actor("King Omar", "Omar")]])
    assert [a.name for a in merged] == ["Sidi Omar", "King Omar"]
    [merged_one] = by_chunks([[actor("Omar VI", "King Omar")], [actor("King Omar VI")]])
    assert merged_one.name == "Omar VI"  # the same kind still merges


def test_titles_of_other_kinds_need_a_titled_name_on_each_side() -> None:
    # One definition for the offline rules (`_other_title_kind`) and actor merging
    # (`ActorGroup._differs`): a royal and an honorific are two people; a bare name is no clash.
    assert titles_of_other_kinds({"King Mohammed"}, {"Mr Mohammed", "Sidi Mohammed"})
    assert not titles_of_other_kinds({"King Mohammed"}, {"Sidi Mohammed"})
    assert not titles_of_other_kinds({"Mr Mohammed"}, {"Mrs Mohammed"})
    assert not titles_of_other_kinds({"King Mohammed", "Mr Mohammed"}, {"Mr Mohammed"})
