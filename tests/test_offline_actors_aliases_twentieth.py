"""Offline actor rules against aliases of another person (issue #14, twentieth session):
"Mrs Buksh" listed as a form of her husband Asghar Buksh (writer list e; a PolNeAR train
article's "Mrs. Khan" on Khizr Khan), and two people both shown as "Smith". Synthetic
texts; each test fails without its rule."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Actor
from summarizer.backends.offline._extract import extract_offline
from summarizer.eval._gold import GoldActor, GoldCase, GoldSummary
from summarizer.eval._metrics import score_actors
from tests._offline import offline_actors


def _named(actors: list[Actor], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def test_an_honorific_the_pronouns_refute_is_another_person() -> None:
    actors = offline_actors(
        "Kofi Mensah was charged with fraud in Leeds on Monday.",
        "He was released on bail, and Mrs Mensah told the court that she had not known.",
        "Mensah denies the charge. Mrs Mensah said she would stand by him.",
    )
    assert "Mrs Mensah" not in _named(actors, "Kofi Mensah").aliases
    assert "Mrs Mensah" in {a.name for a in actors}  # shown apart from "Mensah", his form


def test_the_other_honorific_goes_to_the_namesake_it_can_be() -> None:
    actors = offline_actors(
        "Asghar Buksh, 40, struck Nasreen Buksh at their home in Leeds.",
        "He was held overnight in a cell.",
        "Mrs Buksh had told police that she was afraid.",
        "Mr Buksh denies the charge, his lawyer said.",
    )
    assert "Mrs Buksh" not in _named(actors, "Asghar Buksh").aliases
    assert "Mr Buksh" in _named(actors, "Asghar Buksh").aliases
    assert "Mrs Buksh" in _named(actors, "Nasreen Buksh").aliases


def test_with_no_pronoun_the_first_honorific_keeps_the_full_name() -> None:
    actors = offline_actors(
        "Asghar Buksh, 40, was charged with assault in Leeds on Monday.",
        "Mr Buksh denies the charge, his lawyer said, and Mrs Buksh told police she was afraid.",
        "Mrs Buksh said she would move away.",
    )
    buksh = _named(actors, "Asghar Buksh")
    assert "Mr Buksh" in buksh.aliases
    assert "Mrs Buksh" not in buksh.aliases


def test_a_quotation_opening_with_he_says_nothing_of_the_name_before() -> None:
    actors = offline_actors(
        "Roxana Leon, 63, a voter in Leeds, said she wanted change but found Mr. Vance too rash.",
        "\u201cHe is not the right person,\u201d said Ms. Leon, a secretary.",
        "\u201cHe lies,\u201d Ms. Leon added.",
    )
    assert "Ms. Leon" in _named(actors, "Roxana Leon").aliases


def test_a_pronoun_beside_another_person_says_nothing_of_the_name() -> None:
    actors = offline_actors(
        "Yara Paik, a student from Busan, met Mr. Vance in Leeds, and he praised his own plan.",
        "Ms. Paik said the meeting was short. He did not answer her questions.",
        "Ms. Paik said she would write to him.",
    )
    assert "Ms. Paik" in _named(actors, "Yara Paik").aliases


def test_people_known_by_one_surname_are_shown_by_their_honorifics() -> None:
    article = CleanArticle(
        paragraphs=[
            "Mr. Smith said the house in Leeds was sold, and Mrs. Smith disagreed with him.",
            "\u201cWe never agreed to sell,\u201d Mrs. Smith said.",
            "\u201cIt was my house,\u201d Mr. Smith said.",
        ]
    )
    extraction = extract_offline(article)
    assert {a.name for a in extraction.actors} >= {"Mr. Smith", "Mrs. Smith"}
    assert [q.speaker for q in extraction.quotes] == ["Mrs. Smith", "Mr. Smith"]


def test_a_tension_between_people_of_one_surname_names_them_apart() -> None:
    article = CleanArticle(
        paragraphs=[
            "Mr. Smith accused Mrs. Smith of lying about the sale of the house in Leeds.",
            "\u201cWe never agreed to sell,\u201d Mrs. Smith said.",
        ]
    )
    [tension] = extract_offline(article).tensions
    assert tension.parties == ["Mr. Smith", "Mrs. Smith"]
    assert tension.description == "Mr. Smith accused Mrs. Smith."


def test_two_spellings_of_the_refuted_honorific_are_one_person() -> None:
    actors = offline_actors(
        "Kofi Mensah was charged with fraud in Leeds on Monday.",
        "He was released on bail, and Mrs Mensah told the court that she had not known.",
        "Mensah denies the charge. Mrs. Mensah said she would stand by him.",
    )
    assert "Mrs Mensah" not in _named(actors, "Kofi Mensah").aliases
    assert _named(actors, "Mrs Mensah").aliases == ["Mrs. Mensah"]


def test_one_person_known_by_a_surname_keeps_it_for_a_name() -> None:
    actors = offline_actors(
        "Mr. Smith said the house in Leeds was sold on Monday.",
        "\u201cIt was my house,\u201d Mr. Smith said.",
    )
    assert [a.name for a in actors] == ["Smith"]


def test_a_titled_surname_is_not_the_relative_named_by_it() -> None:
    actors = offline_actors(
        "Park Tae-woo, the leader of Norland, spoke to the envoy on Monday.",
        "Mr. Park\u2019s father, Park Sung Il, ruled the country until 2011.",
        "Mr. Park said the talks would go on.",
    )
    assert "Mr. Park" in _named(actors, "Park Tae-woo").aliases
    assert "Mr. Park" not in _named(actors, "Park Sung Il").aliases


def test_a_royal_title_is_not_a_form_of_someone_called_mr() -> None:
    actors = offline_actors(
        "Sidi Omar, a shopkeeper in Rabat, said prices had doubled this year.",
        "Mr Omar said he had closed his shop twice.",
        "King Omar promised reforms in a speech on Friday, and King Omar praised the army.",
    )
    assert "King Omar" not in _named(actors, "Sidi Omar").aliases
    assert "King Omar" in {a.name for a in actors}  # shown apart from "Omar"


def test_the_eval_scores_people_shown_by_honorifics_as_by_the_bare_surname() -> None:
    actors = offline_actors(
        "Mr. Smith said the house in Leeds was sold, and Mrs. Smith disagreed with him.",
        "\u201cWe never agreed to sell,\u201d Mrs. Smith said.",
    )
    bare = [a.model_copy(update={"name": "Smith", "aliases": [a.name]}) for a in actors]
    for gold in (
        [("John Smith", ["Mr Smith"]), ("Jane Smith", ["Mrs Smith"])],
        [("Smith", ["Mr. Smith"]), ("Smith", ["Mrs. Smith"])],
    ):
        case = GoldCase(
            id="smiths",
            article="smiths.txt",
            summary=GoldSummary(reference="(actors only)"),
            actors=[GoldActor(name=n, aliases=a, type="person", required=True) for n, a in gold],
        )
        assert score_actors(actors, case).scores == score_actors(bare, case).scores


def test_a_quoted_accusation_finds_its_speaker_by_the_name_shown() -> None:
    article = CleanArticle(
        paragraphs=[
            "Mr. Smith and Mrs. Smith went to court in Leeds on Monday over the house.",
            "\u201cMrs. Smith hid this email for years,\u201d said Mr. Smith.",
        ]
    )
    [tension] = extract_offline(article).tensions
    assert tension.parties == ["Mr. Smith", "Mrs. Smith"]
