"""Word lists the rules and the NER pass share: each written once (the lexicon, the text
core) and derived where a rule reads it, so a word added once reaches every use."""

from __future__ import annotations

import re

import pytest

from summarizer._text import COMPASS_POINTS, GENERIC, REGION_OPENERS
from summarizer.backends.offline._describe import _RELATIONS
from summarizer.backends.offline._lexicon import (
    HEADLINE_TENSION_RELATIONS,
    NOT_NAMES,
    OUTLET_BY_VERBS,
    PLACE_HEADS,
    REPORTED_BY_VERBS,
    SITE_HEADS,
    SOURCE_BY_VERBS,
    TENSION_RELATIONS,
)
from summarizer.backends.offline._names import (
    _COMPASS_BEFORE,
    _PLACE_HEADS,
    _PLACE_STARTS,
    _SOURCE_BY,
)
from summarizer.backends.offline._ner import _NEVER_ORGS, _REPORTED, _a_place


@pytest.mark.parametrize("verb", sorted(SOURCE_BY_VERBS | OUTLET_BY_VERBS))
def test_a_verb_before_by_reaches_the_source_rule_and_the_ner_pass_as_its_kind_says(
    verb: str,
) -> None:
    # the source rules take the agent of a publishing verb as a cited source; the NER pass
    # takes the agent of an outlet's verb as no agent of the story's events
    assert REPORTED_BY_VERBS <= SOURCE_BY_VERBS & OUTLET_BY_VERBS
    source = _SOURCE_BY.search(f"a letter first {verb} by the Daily Planet")
    assert (source is not None and source["name"] == "Daily Planet") == (verb in SOURCE_BY_VERBS)
    assert bool(_REPORTED.search(f"He was {verb} as saying ")) == (verb in OUTLET_BY_VERBS)


@pytest.mark.parametrize("head", sorted(PLACE_HEADS | SITE_HEADS))
def test_a_place_head_reaches_the_rules_and_the_ner_pass(head: str) -> None:
    assert head in _PLACE_HEADS  # a "person" so named is a place (`_named_no_one`)
    # a head of a place's name that no person's or body's holds: never a name's word (the
    # rules) and a place's name (the NER pass); a built place's, at a name's end only
    assert (head in NOT_NAMES) == (head in PLACE_HEADS) == _a_place(f"Hudson {head}")


@pytest.mark.parametrize("word", REGION_OPENERS)
def test_a_compass_word_reaches_each_rule_that_reads_one(word: str) -> None:
    assert word in _NEVER_ORGS and word.lower() in GENERIC
    compass = word in COMPASS_POINTS  # "Central" takes no "-ern" and opens bodies' names too
    assert (word in _PLACE_STARTS) == compass  # not "Central Intelligence Agency"
    assert bool(_COMPASS_BEFORE.search(f"in {word}ern ")) == compass
    assert bool(_COMPASS_BEFORE.search(f"in {word} ")) == compass
    assert (f"{word}ern" in NOT_NAMES) == compass


@pytest.mark.parametrize("cue", TENSION_RELATIONS + HEADLINE_TENSION_RELATIONS)
def test_every_relation_cue_of_the_lexicon_has_a_sentence_to_describe_it(cue: str) -> None:
    # a relation cue the tension rules find ("strained", "at odds", "square off") is
    # described by the first of `_describe._RELATIONS` its word opens with: a cue added to
    # the lexicon with none would fail at its first tension (`next` of nothing)
    words = re.match(r"(?:[a-z ]|\\s\+)+", cue)
    assert words is not None, cue
    word = words.group().replace("\\s+", " ")
    assert any(re.match(pattern, word) for pattern, _ in _RELATIONS), cue
