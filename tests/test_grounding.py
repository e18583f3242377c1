"""Every grounding rule, on hand-made articles and on the seed."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer._grounding import (
    check,
    ground,
    grounding_context,
    is_verbatim,
    names_match,
    quoted_verbatim,
)
from summarizer._schema import Extraction

ARTICLE = (
    "Foreign Minister Anna Berg said on Monday that talks had failed.\n\n"
    "\u201cWe will not sign this deal,\u201d Berg told reporters. \u201cNot now, not ever.\u201d\n\n"
    "Norway and Sweden have been locked in a dispute over fishing rights since 2019.\n\n"
    "Critics called it a \u201cno limits\u201d partnership. She said the talks would resume."
)


def extraction(**kw: Any) -> Extraction:
    base: dict[str, Any] = {
        "summary": "Talks failed.",
        "actors": [
            {
                "name": "Anna Berg",
                "type": "person",
                "role": "Foreign Minister",
                "aliases": ["Berg"],
            },
            {"name": "Norway", "type": "country", "role": "party to the dispute"},
            {"name": "Sweden", "type": "country", "role": "party to the dispute"},
        ],
        "tensions": [],
        "quotes": [],
    }
    base.update(kw)
    return Extraction.model_validate(base)


def quote(text: str, speaker: str = "Anna Berg") -> dict[str, str]:
    return {"text": text, "speaker": speaker}


def test_quote_verbatim_inside_curly_marks_passes() -> None:
    ex = extraction(quotes=[quote("We will not sign this deal,"), quote("Not now, not ever.")])
    assert check(ex, ARTICLE) == []


def test_quote_with_straight_quotes_and_extra_whitespace_matches_curly_article() -> None:
    assert quoted_verbatim('"We will  not sign\nthis deal"', ARTICLE)


def test_fabricated_quote_is_a_violation() -> None:
    ex = extraction(quotes=[quote("We will sign next week.")])
    [violation] = check(ex, ARTICLE)
    assert violation.field == "quotes" and "not in the article" in violation.message


def test_narrative_sentence_outside_quotation_marks_is_not_a_quote() -> None:
    ex = extraction(quotes=[quote("talks had failed")])
    [violation] = check(ex, ARTICLE)
    assert "not inside quotation marks" in violation.message


def test_quote_spanning_two_quoted_segments_is_rejected() -> None:
    # Both halves are quoted, but the attribution between them is not.
    assert not quoted_verbatim("We will not sign this deal, Berg told reporters.", ARTICLE)


def test_speaker_must_be_an_actor_alias_aware() -> None:
    assert check(extraction(quotes=[quote("Not now, not ever.", "Berg")]), ARTICLE) == []
    [violation] = check(extraction(quotes=[quote("Not now, not ever.", "Olaf Lund")]), ARTICLE)
    assert "speaker 'Olaf Lund'" in violation.message


def test_tension_evidence_must_be_verbatim_and_parties_actors() -> None:
    good = {
        "parties": ["Norway", "Sweden"],
        "description": "A fishing dispute.",
        "evidence": "Norway and Sweden have been locked in a dispute over fishing rights",
    }
    assert check(extraction(tensions=[good]), ARTICLE) == []
    invented = {**good, "evidence": "Norway threatened Sweden with sanctions"}
    assert "not in the article" in check(extraction(tensions=[invented]), ARTICLE)[0].message
    stranger = {**good, "parties": ["Norway", "Denmark"]}
    assert "Denmark" in check(extraction(tensions=[stranger]), ARTICLE)[0].message
    short = {**good, "evidence": "dispute"}
    assert "too short" in check(extraction(tensions=[short]), ARTICLE)[0].message


def test_evidence_of_exactly_the_minimum_length_is_accepted() -> None:
    three = {
        "parties": ["Norway", "Sweden"],
        "description": "A dispute.",
        "evidence": "over fishing rights",
    }
    assert check(extraction(tensions=[three]), ARTICLE) == []
    two = {**three, "evidence": "fishing rights"}
    [violation] = check(extraction(tensions=[two]), ARTICLE)
    assert "too short" in violation.message


def test_a_name_inside_a_longer_word_is_not_a_mention_at_either_end() -> None:
    berg = [{"name": "Berg", "type": "person", "role": "x"}]
    for article in ("Goldberg spoke.", "Bergen is a city.", "Goldbergen is not a place."):
        [violation] = check(extraction(actors=berg), article)
        assert "'Berg'" in violation.message, article
    assert check(extraction(actors=berg), "Goldberg and Berg spoke.") == []


def test_actor_must_occur_in_article_as_whole_words() -> None:
    ex = extraction(actors=[{"name": "Finland", "type": "country", "role": "x"}])
    assert "Finland" in check(ex, ARTICLE)[0].message
    # "Berg" inside "Bergen" would not count; here it occurs as a word.
    assert not check(extraction(actors=[{"name": "Berg", "type": "person", "role": "x"}]), ARTICLE)
    bergen = "Bergen is a city."
    assert check(extraction(actors=[{"name": "Berg", "type": "person", "role": "x"}]), bergen)


def test_ground_drops_cascade_and_lists_reasons() -> None:
    ex = extraction(
        actors=[
            {"name": "Anna Berg", "type": "person", "role": "FM", "aliases": ["Berg", "Annie"]},
            {"name": "Olaf Lund", "type": "person", "role": "invented"},
        ],
        quotes=[quote("Not now, not ever."), quote("We will not sign this deal,", "Olaf Lund")],
    )
    kept, rejected = ground(ex, ARTICLE)
    assert [a.name for a in kept.actors] == ["Anna Berg"]
    assert kept.actors[0].aliases == ["Berg"]  # the made-up alias is pruned
    assert [q.text for q in kept.quotes] == ["Not now, not ever."]
    assert sorted(r.field for r in rejected) == ["actors", "quotes"]


def test_ground_is_identity_on_grounded_extraction() -> None:
    ex = extraction(quotes=[quote("Not now, not ever.")])
    kept, rejected = ground(ex, ARTICLE)
    assert rejected == [] and kept == ex


def test_validator_runs_only_with_article_context() -> None:
    data = extraction(quotes=[quote("Invented words here.")]).model_dump()
    Extraction.model_validate(data)  # no context: schema only
    with pytest.raises(ValueError, match="quote 1"), grounding_context(ARTICLE):
        Extraction.model_validate(data)
    with grounding_context(ARTICLE, enabled=False):
        Extraction.model_validate(data)


def test_single_quote_regions_ignore_apostrophes() -> None:
    text = "The minister's aide said 'we are ready' on Friday. Russia's stance is firm."
    assert quoted_verbatim("we are ready", text)
    assert not quoted_verbatim("s aide said", text)
    assert not quoted_verbatim("s stance is firm", text)


def test_names_match_is_full_token_and_case_insensitive() -> None:
    assert names_match("Putin", "Vladimir Putin")
    assert names_match("vladimir putin", "President Vladimir Putin")
    assert not names_match("Put", "Vladimir Putin")


def test_seed_gold_quotes_are_grounded(seed_text: str) -> None:
    from summarizer import clean_article

    body = clean_article(seed_text).text
    assert quoted_verbatim("The current situation remains very difficult.", body)
    assert is_verbatim("with which Russia has had strained relations in recent months", body)


def test_stray_opening_curly_mark_restarts_the_quotation() -> None:
    # Real AllSides text: the show title never gets its closing mark.
    text = (
        "Warner said on NBC\u2019s \u201cMeet the Press. \u201cI really would feel much "
        "better if there were other Americans in the room.\u201d"
    )
    assert quoted_verbatim("I really would feel much better if there were other Americans", text)
    assert not quoted_verbatim("Warner said on NBC", text)


def test_nested_curly_quotation_counts_as_quoted() -> None:
    # Real BASIL text: a tweet that itself quotes a phrase.
    text = "Trump tweeted: \u201cHe apologized for using the \u201cf bomb.\u201d\u201d Fox replied."
    assert quoted_verbatim("He apologized for using the \u201cf bomb.\u201d", text)
    assert quoted_verbatim("f bomb.", text)
    assert not quoted_verbatim("Fox replied.", text)


def test_quote_case_differs_from_the_article_still_inside_quotation_marks() -> None:
    """Grounding's verbatim check ignores case, so "inside quotation marks" must too:
    a partial quote the model starts with a capital was rejected as not quoted."""
    article = "The minister called the plan “a betrayal of our farmers,” and left.\n"
    assert quoted_verbatim("A betrayal of our farmers", article)
    extraction = Extraction.model_validate(
        {
            "summary": "s",
            "actors": [{"name": "The minister", "type": "person", "role": "", "aliases": []}],
            "tensions": [],
            "quotes": [{"text": "A betrayal of our farmers", "speaker": "The minister"}],
        }
    )
    assert check(extraction, article) == []


# --- what the re-ask says, exactly (the model reads these messages) -------------------


def test_violations_name_their_field_and_number_from_one() -> None:
    lund = {"name": "Olaf Lund", "type": "person", "role": "invented"}
    good_tension = {
        "parties": ["Norway", "Sweden"],
        "description": "A fishing dispute.",
        "evidence": "locked in a dispute over fishing rights",
    }
    ex = extraction(
        actors=[*extraction().model_dump()["actors"], lund],
        quotes=[quote("Not now, not ever."), quote("We will sign next week.")],
        tensions=[good_tension, {**good_tension, "parties": []}],
    )
    assert [(v.field, v.index, v.message) for v in check(ex, ARTICLE)] == [
        ("actors", 4, "actor 'Olaf Lund': neither the name nor an alias occurs in the article"),
        ("quotes", 2, "quote 2 the text is not in the article word for word: 'We will sign next week.'"),
        ("tensions", 2, "tension 2 has no parties"),
    ]  # fmt: skip


def test_a_quote_in_its_own_marks_but_outside_the_articles_is_told_apart() -> None:
    [violation] = check(extraction(quotes=[quote('"talks had failed"')]), ARTICLE)
    assert violation.message == (
        "quote 1 the text is in the article but not inside quotation marks: '\"talks had failed\"'"
    )


def test_end_punctuation_the_article_has_not_there_is_forgiven() -> None:
    # "deal." where the article has "deal,"; evidence ending "rights." mid-sentence.
    tension = {
        "parties": ["Norway", "Sweden"],
        "description": "A fishing dispute.",
        "evidence": "locked in a dispute over fishing rights.",
    }
    ex = extraction(quotes=[quote("We will not sign this deal.")], tensions=[tension])
    assert check(ex, ARTICLE) == []


# --- ground(): what is kept -----------------------------------------------------------


def test_ground_keeps_a_grounded_tension_and_drops_one_whose_party_was_dropped() -> None:
    tension = {
        "parties": ["Norway", "Sweden"],
        "description": "A fishing dispute.",
        "evidence": "locked in a dispute over fishing rights",
    }
    finland = {"name": "Finland", "type": "country", "role": "invented"}
    leaning = {**tension, "parties": ["Norway", "Finland"]}
    ex = extraction(
        actors=[*extraction().model_dump()["actors"], finland], tensions=[tension, leaning]
    )
    kept, rejected = ground(ex, ARTICLE)
    assert [t.model_dump() for t in kept.tensions] == [tension]
    assert [(r.field, r.reason) for r in rejected] == [
        ("actors", "actor 'Finland': neither the name nor an alias occurs in the article"),
        ("tensions", "parties ['Finland'] are not among the actors"),
    ]


# --- names ----------------------------------------------------------------------------


def test_an_exact_name_wins_over_an_earlier_actor_it_is_part_of() -> None:
    from summarizer._grounding import find_actor
    from summarizer._schema import Actor

    anna = Actor(name="Anna Berg", type="person", role="FM")
    berg = Actor(name="Berg", type="organization", role="a firm")
    assert find_actor("Berg", [anna, berg]) is berg
    assert find_actor("Anna", [anna, berg]) is anna  # no exact match: the sub-span


def test_a_name_with_no_letters_or_digits_is_never_mentioned() -> None:
    text = "Talks failed — again. He said so."
    for name in ("—", "...", " "):
        [violation] = check(
            extraction(actors=[{"name": name, "type": "person", "role": "x"}]), text
        )
        assert violation.field == "actors", name


def test_names_in_scripts_without_spaces_need_no_word_boundary() -> None:
    # Chinese writes no spaces; Korean glues particles to names ("윤석열은" = Yoon + topic).
    text = "习近平说，会谈很成功。윤석열은 회담이 성공적이었다고 말했다."
    for name in ("习近平", "윤석열"):
        assert check(extraction(actors=[{"name": name, "type": "person", "role": "x"}]), text) == []


# --- British-style single quotes -------------------------------------------------------


def test_single_quotes_open_at_the_start_of_a_paragraph() -> None:
    assert quoted_verbatim("We are ready", "'We are ready,' the minister said.")


def test_an_apostrophe_inside_a_single_quoted_quotation_neither_opens_nor_closes() -> None:
    text = "He said 'the minister's aide is ready' on Friday. Russia's stance is firm."
    assert quoted_verbatim("the minister's aide is ready", text)
    assert not quoted_verbatim("s stance is firm", text)
