"""Name matching in the eval (summarizer.eval._names): name forms match, titles alone do not."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.eval._names import actor_scores, name_key, name_match, resolve

FAST = settings(
    max_examples=int(os.environ.get("SUMMARIZER_PROPERTY_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("Donald J. Trump", "Donald Trump"),  # middle initial
        ("President Donald Trump", "Donald Trump"),  # title in front
        ("Prime Minister Adel Abdul-Mahdi", "Adel Abdul-Mahdi"),
        ("Russian President Vladimir Putin", "Vladimir Putin"),
        ("Secretary of State Mike Pompeo", "Mike Pompeo"),
        ("Putin's", "Putin"),  # possessive
        ("Putin’s", "Vladimir Putin"),  # curly possessive, and a sub-span
        ("Pena Nieto", "Peña Nieto"),  # accents
        ("Peña Nieto", "Enrique Pena Nieto"),
        ("US", "United States"),  # country forms
        ("U.S.", "the United States"),
        ("the U.S.", "US"),
        ("UK", "Britain"),
        ("U.K.", "United Kingdom"),
        ("Great Britain", "UK"),
        ("the KREMLIN", "Kremlin"),
        ("Kim", "Kim Jong Un"),
    ],
)
def test_name_forms_match(predicted: str, gold: str) -> None:
    assert name_match(predicted, gold) > 0


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [
        ("President", "President Donald Trump"),  # a lone title
        ("the president", "The president"),  # ... even where the gold lists it
        ("Prime Minister", "Prime Minister Adel Abdul-Mahdi"),
        ("House", "House Democrats"),  # a generic word inside a longer name
        ("House", "White House"),
        ("U.S.", "U.S. Senate"),  # a country form inside a longer name
        ("Chair", "Chair Jerome Powell"),
        ("Vlad", "Vladimir Putin"),  # whole tokens only
        ("Vladimir Putin Junior", "Vladimir Putin"),  # a prediction may not extend the gold
        ("Supreme Court", "Court"),
    ],
)
def test_titles_generic_words_and_fragments_do_not_match(predicted: str, gold: str) -> None:
    assert name_match(predicted, gold) == 0


def test_title_words_before_a_generic_word_are_part_of_the_name() -> None:
    assert name_key("Supreme Court") == ("supreme", "court")
    assert name_key("Justice Department") == ("justice", "department")


def test_resolve_refuses_an_ambiguous_name() -> None:
    actors = [["Joe Biden"], ["Hunter Biden"]]
    assert resolve("Biden", actors) is None
    assert resolve("Joe Biden", actors) == 0
    assert resolve("Biden", [["Joe Biden", "Biden"], ["Hunter Biden"]]) == 0  # an exact alias


def test_an_actor_whose_names_equal_two_gold_actors_matches_neither() -> None:
    gold = [["Vladimir Putin", "Putin"], ["Emomali Rahmon", "Rahmon"], ["Russia"]]
    catch_all = ["Putin", "Rahmon", "Russia", "Dushanbe"]
    assert actor_scores(catch_all, gold) == [0.0, 0.0, 0.0]
    assert actor_scores(["Vladimir Putin", "Putin"], gold) == [1.0, 0.0, 0.0]


def test_a_name_that_fits_two_actors_vaguely_is_skipped_and_the_next_name_counts() -> None:
    bidens = [["Joe Biden"], ["Hunter Biden"]]
    assert actor_scores(["Biden"], bidens) == [0.0, 0.0]
    assert actor_scores(["Biden", "Joe Biden"], bidens) == [1.0, 0.0]


def test_an_exact_match_keeps_only_its_own_actor() -> None:
    gold = [["Vladimir Putin", "Putin"], ["Volodymyr Zelensky"]]
    assert actor_scores(["Putin", "Zelensky"], gold) == [1.0, 0.0]
    assert actor_scores(["Zelensky"], gold) == [0.0, 0.5]
    assert actor_scores(["Putin", "Volodymyr Zelensky"], gold) == [0.0, 0.0]  # two exact: none


# Two people who share a surname: keys set "Mr" and "Mrs" aside, so both have the key "smith".
SMITHS = [["John Smith", "Mr Smith"], ["Jane Smith", "Mrs Smith"]]


@pytest.mark.parametrize(
    ("predicted", "gold", "scores"),
    [
        (["John Smith", "Mr Smith"], SMITHS, [1.0, 0.0]),
        (["Jane Smith", "Mrs. Smith"], SMITHS, [0.0, 1.0]),
        (["John Smith", "Smith"], SMITHS, [1.0, 0.0]),  # "Smith" alone is ambiguous
        (["Jane Smith", "Mrs Smith"], [["John Smith", "Mr Smith"], ["Jane Smith"]], [0.0, 1.0]),
    ],
)
def test_a_full_name_names_its_actor_though_a_surname_alias_fits_two(
    predicted: list[str], gold: list[list[str]], scores: list[float]
) -> None:
    assert actor_scores(predicted, gold) == scores


def test_two_full_names_of_two_actors_sharing_a_surname_match_neither() -> None:
    assert actor_scores(["John Smith", "Jane Smith"], SMITHS) == [0.0, 0.0]
    assert actor_scores(["John Smith", "Mr Smith", "Jane Smith"], SMITHS) == [0.0, 0.0]
    assert actor_scores(["Smith"], SMITHS) == [0.0, 0.0]  # ambiguous, and nothing else


def test_resolve_takes_the_title_the_gold_writes_when_keys_tie() -> None:
    assert resolve("Mrs. Smith", SMITHS) == 1
    assert resolve("Mr Smith", SMITHS) == 0
    assert resolve("Smith", SMITHS) is None
    assert resolve("Ms Smith", SMITHS) is None  # written by neither: still two actors


_GIVEN = st.sampled_from(["John", "Jane", "Ann", "Tom"])
_SURNAME = st.sampled_from(["Smith", "Lee", "Brown"])
_TITLE = st.sampled_from(["", "Mr ", "Mrs. ", "Ms ", "Dr. "])


@st.composite
def _people(draw: st.DrawFn) -> list[list[str]]:
    """2 to 4 gold people with distinct full names, many sharing a surname, each with
    some of: the surname alone or titled, the given name."""
    pairs = draw(st.lists(st.tuples(_GIVEN, _SURNAME), min_size=2, max_size=4, unique=True))
    people = []
    for given_name, surname in pairs:
        titled = draw(st.lists(_TITLE, max_size=2, unique=True))
        extra = [f"{t}{surname}" for t in titled] + ([given_name] if draw(st.booleans()) else [])
        people.append([f"{given_name} {surname}", *extra])
    return people


@FAST
@given(_people(), st.data())
def test_an_actor_predicted_with_its_gold_names_scores_one_against_them(
    gold: list[list[str]], data: st.DataObject
) -> None:
    j = data.draw(st.integers(0, len(gold) - 1))
    names = data.draw(st.permutations(gold[j]))
    scores = actor_scores(names, gold)
    assert scores[j] == 1.0
    assert all(s == 0.0 for k, s in enumerate(scores) if k != j)


@FAST
@given(_people())
def test_an_actor_with_two_gold_full_names_scores_nothing(gold: list[list[str]]) -> None:
    assert actor_scores([gold[0][0], gold[1][0]], gold) == [0.0] * len(gold)


def test_middle_initials_are_dropped_but_not_first_or_last_letters() -> None:
    assert name_key("J. K. Rowling") == ("j", "rowling")
    assert name_key("President Trump") == ("trump",)
