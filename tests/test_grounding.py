"""Every grounding rule, on hand-made articles and on the seed."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer._grounding import check, ground, is_verbatim, names_match, quoted_verbatim
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
    with pytest.raises(ValueError, match="quote 1"):
        Extraction.model_validate(data, context={"article": ARTICLE})
    Extraction.model_validate(data, context={"article": ARTICLE, "grounding": False})


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
