"""The offline backend's opt-in named-entity pass (`ner=True`): organisations spaCy finds
that the rules miss, behind guards; the setting and the error when the extra is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import ConfigurationError, Summarizer
from summarizer._schema import Actor
from summarizer.backends.offline import _ner
from summarizer.infra._settings import load_settings
from tests._offline import offline_actors


@pytest.fixture
def spacy_model() -> None:
    """Skip where the `ner` extra (spaCy and its English model) is not installed."""
    if reason := _ner.ner_unavailable():
        pytest.skip(f"{reason}: pip install 'summarizer[ner]'")


def _names(*paragraphs: str) -> list[str]:
    return [a.name for a in offline_actors(*paragraphs, ner=True)]


# --- the setting and the missing extra (no spaCy needed) ---------------------------------


def test_ner_is_off_by_default_and_follows_argument_env_and_dotenv(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert load_settings().ner is False
    (tmp_path / ".env").write_text("SUMMARIZER_NER=true\n")  # the fixture's working directory
    assert load_settings().ner is True
    monkeypatch.setenv("SUMMARIZER_NER", "false")
    assert load_settings().ner is False  # environment over .env
    assert load_settings(ner=True).ner is True  # argument over environment


def test_ner_without_spacy_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ner, "ner_unavailable", lambda: "spacy is not installed")
    with pytest.raises(ConfigurationError, match=r"pip install 'summarizer\[ner\]'"):
        Summarizer(model="offline", ner=True)
    assert Summarizer(model="offline").prompt.id == "offline-rules"  # the default needs none


# --- what the pass adds (spaCy) -----------------------------------------------------------


@pytest.mark.usefixtures("spacy_model")
def test_organisation_the_rules_miss_is_added_when_it_is_a_subject() -> None:
    text = (
        "Harbor Light Systems wiped the servers last year, Mayor Jane Doe told reporters.",
        "Doe said she had not been told about the deletion.",
    )
    assert "Harbor Light Systems" not in [a.name for a in offline_actors(*text)]
    assert "Harbor Light Systems" in _names(*text)


@pytest.mark.usefixtures("spacy_model")
def test_organisation_named_twice_only_in_passing_is_not_added() -> None:
    text = (
        "Fans of Westbrook Rovers gathered outside the ground on Saturday, police said.",
        "Manager Tom Hale said the club had let down the supporters of Westbrook Rovers.",
    )
    assert "Westbrook Rovers" not in _names(*text)


@pytest.mark.usefixtures("spacy_model")
def test_organisation_named_once_in_passing_is_not_added() -> None:
    assert "Harbor Light Systems" not in _names(
        "Mayor Jane Doe, who once worked at Harbor Light Systems, said the city would cut "
        "its budget.",
        "Doe said the cuts would start in March.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_acronym_never_spelled_out_is_not_added() -> None:
    assert "CNN" not in _names(
        "Mayor Jane Doe told CNN on Monday that the city would cut its budget.",
        "Doe repeated the point on CNN on Tuesday.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_outlet_is_not_added() -> None:
    names = _names(
        "Mayor Jane Doe told the Coastal Financial Review on Monday that the city would cut "
        "its budget.",
        "Doe repeated the point to the Coastal Financial Review on Tuesday.",
    )
    assert "Coastal Financial Review" not in names


@pytest.mark.usefixtures("spacy_model")
def test_name_also_read_as_a_place_is_not_added() -> None:
    assert "Chelsea" not in _names(
        "Chelsea beat Arsenal on Saturday, manager Tom Hale said.",
        "Hale said Chelsea played well.",
        "Fans in Chelsea, London, celebrated.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_spelled_out_acronym_becomes_an_alias() -> None:
    actors = offline_actors(
        "Blue Harbor Partners (BHP) bought the site on Monday, Mayor Jane Doe said.",
        "BHP declined to comment.",
        ner=True,
    )
    assert [a.aliases for a in actors if a.name == "Blue Harbor Partners"] == [["BHP"]]
    assert "BHP" not in [a.name for a in actors]


@pytest.mark.usefixtures("spacy_model")
def test_organisation_the_rules_found_is_not_repeated() -> None:
    text = (
        "The Federal Bureau of Investigation opened an inquiry on Monday, Mayor Jane Doe said.",
        "The FBI declined to comment, and Doe said she would cooperate with the FBI.",
    )
    assert offline_actors(*text, ner=True) == offline_actors(*text)


@pytest.mark.usefixtures("spacy_model")
def test_ner_backend_is_deterministic_and_recorded_on_the_briefing() -> None:
    text = (
        "Harbor Light Systems wiped the servers last year, Mayor Jane Doe told reporters.\n\n"
        "Doe said she had not been told about the deletion."
    )
    summarizer = Summarizer(model="offline", ner=True)
    first, second = summarizer.summarize(text), summarizer.summarize(text)
    assert first.prompt.id == "offline-rules+ner"
    assert "Harbor Light Systems" in [a.name for a in first.actors]
    assert first.actors == second.actors


@pytest.mark.usefixtures("spacy_model")
def test_agent_after_by_is_added_but_not_an_outlet_quoting_someone() -> None:
    assert "Harbor Light Systems" in _names(
        "The servers were wiped by Harbor Light Systems last year, Mayor Jane Doe said.",
        "Doe said she had not been told.",
    )
    assert "Northgate Analytics" not in _names(
        "Mayor Jane Doe was quoted as saying by Northgate Analytics that the budget would be cut.",
        "Doe said the cuts would start in March.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_object_of_a_preposition_before_a_verb_is_no_subject() -> None:
    assert "Harbor Light Systems" not in _names(
        "The audit of Harbor Light Systems found gaps in the books, Mayor Jane Doe said.",
        "Doe said she would act.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_name_only_ever_after_a_place_preposition_is_not_added() -> None:
    assert "Eastleigh" not in _names(
        "Mayor Jane Doe stopped off in Eastleigh in Hampshire on Monday.",
        "Doe travelled to Eastleigh to spell out her plans.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_name_only_ever_qualifying_a_noun_is_not_added() -> None:
    assert "Air Force" not in _names(
        "The Pentagon sent an Air Force bomber task force, Mayor Jane Doe said.",
        "Doe said an Air Force fighter squadron would follow.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_a_hotel_is_not_an_organisation() -> None:
    assert "Harbor Light Hotel" not in _names(
        "Mayor Jane Doe stayed at the Harbor Light Hotel on Monday.",
        "The Harbor Light Hotel is used by visiting ministers, Doe said.",
    )


@pytest.mark.usefixtures("spacy_model")
def test_long_name_of_an_acronym_the_rules_found_is_not_repeated() -> None:
    text = (
        "The FBI opened an inquiry on Monday, Mayor Jane Doe said.",
        "Doe said the Federal Bureau of Investigation's agents had called her.",
    )
    assert offline_actors(*text, ner=True) == offline_actors(*text)


@pytest.mark.usefixtures("spacy_model")
def test_a_family_named_by_a_persons_surname_is_not_an_organisation() -> None:
    assert "Schullers" not in _names(
        "Robert Schuller founded a church in 1955.",
        "With their young family in tow, the Schullers caravanned west, his son said.",
    )


def test_a_states_metonym_is_not_an_organisation() -> None:
    kremlin = _ner._Org(forms=["Kremlin", "Kremlin"], mentions=2, subject=True)
    assert not _ner._kept(("kremlin",), kremlin, [], "")
    firm = _ner._Org(forms=["Harbor Light Systems"], mentions=2, subject=True)
    assert _ner._kept(("harbor", "light", "systems"), firm, [], "")


def test_model_reads_only_sentences_with_a_name_no_rules_actor_holds() -> None:
    text = (
        "Mayor Jane Doe spoke in Washington on Monday.\n\n"
        "Doe flew on to the Russia-Central Asia summit and met Central Asian leaders.\n\n"
        "Central Asian states want the Russia-Central Asia summit held yearly.\n\n"
        "Harbor Light Systems wiped the servers, Doe said.\n\n"
        "Doe said Brightwater Labs had helped, and Brightwater Labs denied it.\n\n"
        "Doe said she once met Kestrel Foods.\n\n"
        "Reporting by Ann Roe; Editing by Tom Hale"
    )
    doe = [a for a in offline_actors(text) if a.name == "Jane Doe"]
    assert _ner._unnamed_sentences(text, doe) == [
        "Harbor Light Systems wiped the servers, Doe said.",
        "Doe said Brightwater Labs had helped, and Brightwater Labs denied it.",
    ]


def _kept(
    name: str, mentions: int = 2, *, subject: bool = True, actors: tuple = (), text: str = ""
) -> bool:
    """The guards on an ORG entity named ``mentions`` times (the model not needed)."""
    org = _ner._Org(forms=[name] * mentions, mentions=mentions, subject=subject)
    return _ner._kept(_ner.name_key(name), org, list(actors), text)


def test_an_outlet_by_a_wire_a_newspaper_word_or_a_masthead_is_not_an_organisation() -> None:
    assert _kept("Harbor Light Systems")
    assert not _kept("Reuters Breaking Desk")  # a wire's name first
    assert not _kept("Westbrook Times Debate")  # a newspaper's word inside
    assert not _kept("Westbrook Today")  # a masthead


def test_a_place_by_its_first_or_last_word_is_not_an_organisation() -> None:
    assert not _kept("Fort Marhollow")
    assert not _kept("Marhollow River")
    assert _kept("Marhollow River Networks")


def test_a_person_by_a_given_name_or_as_a_surname_is_not_an_organisation() -> None:
    assert not _kept("Michael Marhollow")
    assert _kept("Marhollow Partners")
    assert not _kept("Marhollow", 3, text="Michael Marhollow said Marhollow had won.")
    assert not _kept("Marhollow", 3, text="Mr. Marhollow said Marhollow had won.")
    assert _kept("Marhollow", 3, text="The Marhollow board said Marhollow had won.")


def test_a_programme_or_a_plan_is_not_an_organisation() -> None:
    assert not _kept("Nafta")
    assert not _kept("Clean Water Plan")
    assert not _kept("Rural Health Insurance Program")


def test_a_family_named_by_a_persons_surname_in_the_plural_is_not_an_organisation() -> None:
    schuller = Actor(name="Robert Schuller", type="person", role="")
    assert not _kept("Schullers", 3, actors=(schuller,))
    assert _kept("Schullers", 3)


def test_name_only_ever_after_a_place_preposition_is_never_added() -> None:
    org = _ner._Org(forms=["Capanagh Wood"] * 2, mentions=2, subject=True, placed=2)
    assert not _ner._kept(("capanagh", "wood"), org, [], "")
    org.placed = 1
    assert _ner._kept(("capanagh", "wood"), org, [], "")


def test_a_form_that_is_no_names_shape_is_not_an_organisation() -> None:
    for form in ("gentler movement", "Tu-154", "@HarborLight", "Harbor Light of"):
        assert not _kept(form), form
    assert _kept("al-Nusra")


def test_a_subject_is_needed_and_one_word_twice_too() -> None:
    assert not _kept("Marhollow", 1)
    assert not _kept("Marhollow", 3, subject=False)
    assert _kept("Marhollow", 2)
    assert _kept("Harbor Light Systems", 1)
    assert not _kept("Harbor Light Systems", 3, subject=False)
