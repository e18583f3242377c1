"""Name matching in the eval (summarizer.eval._names): name forms match, titles alone do not."""

from __future__ import annotations

import pytest

from summarizer.eval._names import actor_scores, name_key, name_match, resolve


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


def test_middle_initials_are_dropped_but_not_first_or_last_letters() -> None:
    assert name_key("J. K. Rowling") == ("j", "rowling")
    assert name_key("President Trump") == ("trump",)
