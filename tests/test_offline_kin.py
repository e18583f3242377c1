"""The words for a relative: one lexicon entry (`_lexicon.KIN`, with the gender each says)
that every rule reading a relation derives its words from."""

from __future__ import annotations

import subprocess
import sys

import pytest

from summarizer.backends.offline._lexicon import KIN
from summarizer.backends.offline._names import (
    _FEMALE_RELATIVES,
    _FEMALE_ROLES,
    _KIN_NAMED,
    _KIN_RUNS,
    _LETTER_RUN,
    _MALE_ROLES,
    _RELATIONS,
    _role_gender,
)
from summarizer.backends.offline._quotes import _KIN_SUBJECT
from tests._offline import offline_actors


@pytest.mark.parametrize("word", sorted(KIN))
def test_every_relative_word_reaches_every_rule_that_reads_a_relation(word: str) -> None:
    gender = KIN[word]
    assert word in _RELATIONS  # "Mr. Kim's father": a relative, set aside for the son
    assert _KIN_NAMED.search(f"found his {word} Milo in a field")["name"] == "Milo"
    assert _LETTER_RUN.match(word)[0] in _KIN_RUNS  # type: ignore[index]
    subject = _KIN_SUBJECT.match(f"Her {word}, Milo, 41, said")
    assert subject is not None and subject["name"] == "Milo"
    assert _role_gender(f"his {word}") == ({gender} if gender else set())
    assert (word in _FEMALE_RELATIVES) == (gender == "f")  # not the president his namesake
    assert (word in _FEMALE_ROLES, word in _MALE_ROLES) == (gender == "f", gender == "m")


def test_a_word_added_to_the_lexicon_reaches_each_use() -> None:
    # the sets are derived when the rules are imported: a word added to KIN before then
    # is in every one of them, with no second list to edit
    code = """
from summarizer.backends.offline._lexicon import KIN
KIN["godson"] = "m"
from summarizer.backends.offline import _names, _quotes
assert "godson" in _names._RELATIONS and "godson" in _names._MALE_ROLES
assert _names._KIN_NAMED.search("his godson Milo")["name"] == "Milo"
assert "godson" in _names._KIN_RUNS
assert _quotes._KIN_SUBJECT.match("His godson, Milo, said")
"""
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("word", ["daughter", "aunt", "stepmother", "cousin", "fiancée"])
def test_a_person_named_by_a_relation_and_then_a_given_name_alone_is_an_actor(word: str) -> None:
    # "her aunt Milo ... Milo ... Milo": the article names the relative by the given name
    # alone after introducing her by the relation (aunt, cousin, stepmother came with KIN)
    actors = offline_actors(
        f"Dale Roe found her {word} Milo in a field near the river.",
        "By noon Milo was warm again, and Milo ate.",
        "Doctors said Milo was fine.",
    )
    assert "Milo" in {a.name for a in actors}
