"""Offline actor rules against malformed names and wrong aliases on unseen articles (issue
#14, nineteenth session): kinds found on several tuning sources (AllSides, PolNeAR, the
writer lists). Synthetic texts; each test fails without its rule."""

from __future__ import annotations

from summarizer._schema import Actor
from tests._offline import offline_actors


def _named(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def test_a_regnal_numeral_is_part_of_the_name() -> None:
    actors = offline_actors(
        "Prime Minister Anna Berg asked Queen Matilda III on Wednesday to close Parliament.",
        "Queen Matilda has reigned since 1990, Berg said.",
    )
    names = {a.name for a in actors}
    assert "Matilda III" in names
    assert "Matilda" not in names
    assert "Queen Matilda" in _named(actors, "Matilda III").aliases


def test_a_monarch_is_not_merged_with_an_official_of_the_same_given_name() -> None:
    actors = offline_actors(
        "In his speech, King Omar VI of Norland said the vote was welcome.",
        "Sidi Omar, a senior official of the rival movement, said the vote changed nothing.",
        '"We will keep to our course," Mr Omar said.',
    )
    sidi = _named(actors, "Sidi Omar")
    assert "King Omar" not in sidi.aliases
    assert "Omar VI" in {a.name for a in actors}


def test_a_father_and_son_told_apart_by_their_numerals() -> None:
    actors = offline_actors(
        "During the service, assistant pastor Walter Grieve III asked the congregation to stand.",
        "Grieve's father, the Rev. Walter Grieve Jr., knew the singer for decades.",
    )
    names = {a.name for a in actors}
    assert {"Walter Grieve III", "Walter Grieve Jr"} <= names


def test_a_day_named_before_a_body_is_no_form_of_it() -> None:
    actors = offline_actors(
        "The Senate voted on Tuesday to block the tariff plan.",
        "After Tuesday's Senate vote, the trade office said it would appeal.",
        "The Senate will meet again next month.",
    )
    senate = _named(actors, "Senate")
    assert not any("Tuesday" in alias for alias in senate.aliases)


def test_a_country_named_before_a_body_is_still_a_form_of_it() -> None:
    actors = offline_actors(
        "Norland's Fisheries Ministry said on Monday it would close the bay.",
        "The Fisheries Ministry has closed the bay twice before.",
    )
    ministry = _named(actors, "Fisheries Ministry")
    assert "Norland's Fisheries Ministry" in ministry.aliases


def test_a_quoted_nickname_does_not_cut_the_name() -> None:
    actors = offline_actors(
        '"The state is watching," state Del. Marta "Kit" Vasquez shouted to the crowd.',
        "Vasquez later spoke to reporters about the race.",
    )
    names = {a.name for a in actors}
    assert "Marta Vasquez" in names
    assert "Marta" not in names
    vasquez = _named(actors, "Marta Vasquez")
    assert {'Marta "Kit" Vasquez', "Kit"} <= set(vasquez.aliases)


def test_a_nickname_is_no_person_of_its_own() -> None:
    actors = offline_actors(
        'Drug lord Ramon "El Lobo" Ortega escaped from prison on Saturday.',
        "Ortega fled through a tunnel, officials said.",
        '"El Lobo" Ortega was last caught in 2016, officials said.',
    )
    names = {a.name for a in actors}
    assert names & {"El Lobo", "Lobo"} == set()
    assert "El Lobo" in _named(actors, "Ramon Ortega").aliases


def test_a_given_name_before_a_nickname_is_not_used_alone() -> None:
    actors = offline_actors(
        'Juanito Almeda and Pedro "Chico" Salas of Oakland carried the photos.',
        '"I cried the whole way," Salas said.',
    )
    assert "Pedro" not in _named(actors, "Pedro Salas").aliases


def test_a_given_name_before_a_quoted_word_may_be_used_alone() -> None:
    actors = offline_actors(
        '"We will win," said Hillary Quell at the rally.',
        'Supporters chanted Hillary "Now" until midnight, and Quell waved.',
    )
    assert "Hillary" in _named(actors, "Hillary Quell").aliases
