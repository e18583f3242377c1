"""The eval metrics on hand-made cases: perfect, empty, aliases, partial quotes, traps."""

from __future__ import annotations

from typing import Any

import pytest

from summarizer._schema import (
    Actor,
    Briefing,
    Extraction,
    PromptInfo,
    Quote,
    Rejection,
    Tension,
    Usage,
)
from summarizer.eval import GoldCase, score_case
from summarizer.eval._metrics import (
    aggregate,
    greedy_match,
    score_actors,
    score_grounding,
    score_quotes,
    score_summary,
    score_tensions,
)

ARTICLE = """\
Russian President Vladimir Putin met Tajik President Emomali Rahmon in Dushanbe on Thursday.

"Our partnership is strong and will grow stronger every single year," Putin told reporters. \
Rahmon answered: "Tajikistan wants respect."

At their last summit Rahmon berated Putin for failing to treat the region's nations with respect.

Russia has a "no limits" partnership with China.
"""

LONG_QUOTE = "Our partnership is strong and will grow stronger every single year,"


def gold_case(**overrides: Any) -> GoldCase:
    data: dict[str, Any] = {
        "id": "case",
        "article": "case.txt",
        "summary": {
            "reference": "Putin met Rahmon in Dushanbe, where Rahmon asked for respect.",
            "must_mention": [["Putin"], ["Rahmon"], ["Dushanbe", "Tajikistan"], ["respect"]],
            "should_mention": [["China"]],
            "max_words": 20,
        },
        "actors": [
            {
                "name": "Vladimir Putin",
                "aliases": ["Putin", "Russian President Vladimir Putin"],
                "type": "person",
                "role": "President of Russia",
                "required": True,
            },
            {
                "name": "Emomali Rahmon",
                "aliases": ["Rahmon"],
                "type": "person",
                "role": "President of Tajikistan",
                "required": True,
            },
            {
                "name": "Russia",
                "aliases": ["Moscow", "Kremlin"],
                "type": "country",
                "role": "state",
                "required": False,
            },
        ],
        "tensions": [
            {
                "parties": ["Emomali Rahmon", "Vladimir Putin"],
                "description": "Rahmon berated Putin for not respecting the region's nations.",
                "evidence": "Rahmon berated Putin for failing to treat the region's nations",
                "required": True,
            }
        ],
        "quotes": [
            {"text": LONG_QUOTE, "speaker": "Vladimir Putin", "required": True},
            {"text": "Tajikistan wants respect.", "speaker": "Emomali Rahmon", "required": True},
        ],
        "not_quotes": ["no limits"],
    }
    data.update(overrides)
    return GoldCase.model_validate(data)


def perfect(gold: GoldCase) -> Extraction:
    return Extraction(
        summary=gold.summary.reference,
        actors=[
            Actor(name=a.name, type=a.type, role=a.role, aliases=a.aliases) for a in gold.actors
        ],
        tensions=[
            Tension(parties=t.parties, description=t.description, evidence=t.evidence)
            for t in gold.tensions
        ],
        quotes=[Quote(text=q.text, speaker=q.speaker) for q in gold.quotes],
    )


def actor(name: str, type_: str = "person", aliases: list[str] | None = None) -> Actor:
    return Actor(name=name, type=type_, role="", aliases=aliases or [])  # type: ignore[arg-type]


PUTIN, RAHMON = actor("Vladimir Putin"), actor("Emomali Rahmon")


# --- perfect and empty --------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = gold_case()
    scores = score_case(perfect(gold), gold, ARTICLE).scores()
    for section in ("actors", "quotes", "tensions"):
        assert scores[section]["f1"] == 1.0, section
    assert scores["quotes"]["f1_at_0_3"] == scores["quotes"]["f1_at_0_8"] == 1.0
    assert scores["quotes"]["speaker_accuracy"] == 1.0
    assert scores["actors"]["type_accuracy"] == 1.0
    assert scores["summary"]["must_mention"] == 1.0
    assert scores["summary"]["rouge_l"] == pytest.approx(1.0)
    assert scores["grounding"]["quotes_verbatim"] == 1.0
    assert scores["grounding"]["evidence_verbatim"] == 1.0
    assert scores["grounding"]["actors_present"] == 1.0


def test_empty_prediction_scores_zero_and_leaves_accuracies_undefined() -> None:
    gold = gold_case()
    empty = Extraction(summary="", actors=[], tensions=[], quotes=[])
    scores = score_case(empty, gold, ARTICLE).scores()
    for section in ("actors", "quotes", "tensions"):
        assert scores[section]["precision"] == scores[section]["recall"] == 0.0, section
        assert scores[section]["f1"] == 0.0
    assert scores["quotes"]["f1_at_0_3"] == 0.0
    assert scores["actors"]["type_accuracy"] is None
    assert scores["quotes"]["speaker_accuracy"] is None
    assert scores["summary"]["must_mention"] == 0.0
    assert scores["summary"]["rouge_l"] == 0.0


def test_nothing_predicted_and_nothing_in_gold_is_perfect() -> None:
    gold = gold_case(quotes=[], tensions=[], not_quotes=[])
    scores = score_quotes([], gold).scores
    assert (scores["precision"], scores["recall"], scores["f1"]) == (1.0, 1.0, 1.0)
    assert score_tensions([], gold).scores["f1"] == 1.0


def test_failed_case_scores_as_empty_with_undefined_grounding() -> None:
    gold = gold_case()
    result = score_case(None, gold, ARTICLE, usage=Usage(total_tokens=42, calls=3))
    scores = result.scores()
    assert scores["actors"]["recall"] == 0.0
    assert scores["grounding"]["quotes_verbatim"] is None
    assert scores["cost"]["failed"] == 1.0
    assert scores["cost"]["total_tokens"] == 42.0


# --- actors -----------------------------------------------------------------------------


def test_short_name_matches_gold_full_name() -> None:
    gold = gold_case()
    for gold_actor in gold.actors:
        gold_actor.aliases = []  # "Putin" is then only a sub-span of "Vladimir Putin"
    result = score_actors([actor("Putin"), actor("Rahmon")], gold)
    assert result.scores["recall"] == 1.0
    assert result.scores["precision"] == 1.0
    assert score_actors([actor("Vlad")], gold).scores["precision"] == 0.0  # whole tokens only


def test_alias_and_leading_the_match_case_insensitively() -> None:
    gold = gold_case()
    result = score_actors([actor("the KREMLIN", "country"), PUTIN], gold)
    # "the KREMLIN" ~ "Kremlin" (Russia, optional): correct for precision, not for recall.
    assert result.scores["precision"] == 1.0
    assert result.scores["recall"] == 0.5
    assert result.missed == ["Emomali Rahmon"]


def test_longer_predicted_name_is_not_a_sub_span_of_gold() -> None:
    # ANNOTATION.md: the prediction may shorten a gold name, not extend it.
    result = score_actors([actor("Vladimir Putin Junior")], gold_case())
    assert result.scores["precision"] == 0.0
    assert result.spurious == ["Vladimir Putin Junior"]


def test_each_gold_actor_is_matched_once() -> None:
    result = score_actors([actor("Putin"), actor("Vladimir Putin"), RAHMON], gold_case())
    assert result.scores["precision"] == pytest.approx(2 / 3)
    assert result.scores["recall"] == 1.0
    assert len(result.spurious) == 1  # one of the two Putins is a duplicate


def test_type_accuracy_counts_matched_actors_only() -> None:
    result = score_actors([PUTIN, actor("Rahmon", "organization"), actor("Nobody")], gold_case())
    assert result.scores["type_accuracy"] == 0.5
    assert result.wrong and "Rahmon" in result.wrong[0]


# --- quotes -----------------------------------------------------------------------------


def test_partial_quote_matches_at_0_3_but_not_at_0_8() -> None:
    gold = gold_case()
    # shares some tokens with LONG_QUOTE, but is neither contained in it nor close to it
    partial = Quote(text="Our partnership is strong and growing", speaker="Putin")
    scores = score_quotes([partial], gold).scores
    assert scores["precision_at_0_3"] == 1.0
    assert scores["recall_at_0_3"] == 0.5
    assert scores["f1_at_0_8"] == 0.0
    # the headline numbers are the 0.8 ones
    assert scores["f1"] == scores["f1_at_0_8"]
    assert scores["precision"] == 0.0


def test_fragment_matches_at_0_3_only_when_it_covers_enough_of_the_gold_quote() -> None:
    # 6 of the gold quote's 11 words: a partial match, not the quote
    fragment = Quote(text="will grow stronger every single year", speaker="Putin")
    scores = score_quotes([fragment], gold_case()).scores
    assert scores["precision_at_0_3"] == 1.0
    assert scores["precision_at_0_8"] == 0.0
    # 3 of 11 words: not even a partial match (it used to be an exact one)
    tiny = Quote(text="every single year", speaker="Putin")
    assert score_quotes([tiny], gold_case()).scores["precision_at_0_3"] == 0.0


def test_a_span_much_longer_than_the_gold_quote_is_no_match() -> None:
    """Coverage is measured both ways: the paragraph holding a quote is not the quote."""
    paragraph = Quote(text=" ".join(ARTICLE.split("\n\n")[:3]), speaker="Putin")
    scores = score_quotes([paragraph], gold_case()).scores
    assert scores["f1_at_0_3"] == 0.0
    assert scores["f1_at_0_8"] == 0.0


def test_one_prediction_is_credited_for_one_gold_quote_only() -> None:
    both = LONG_QUOTE + " Tajikistan wants respect."
    gold = gold_case(
        quotes=[
            {"text": "Our partnership is strong", "speaker": "Vladimir Putin"},
            {"text": "will grow stronger every single year", "speaker": "Vladimir Putin"},
        ]
    )
    scores = score_quotes([Quote(text=both, speaker="Putin")], gold).scores
    assert scores["recall_at_0_3"] <= 0.5


def test_curly_quotes_and_case_do_not_break_a_match() -> None:
    gold = gold_case(quotes=[{"text": "Tajikistan's respect.", "speaker": "Emomali Rahmon"}])
    pred = Quote(text="tajikistan’s RESPECT", speaker="Rahmon")
    assert score_quotes([pred], gold).scores["f1"] == 1.0


def test_not_quote_is_a_false_positive() -> None:
    gold = gold_case()
    quotes = [
        Quote(text="Tajikistan wants respect.", speaker="Rahmon"),
        Quote(text="no limits", speaker="Russia"),
    ]
    result = score_quotes(quotes, gold)
    assert result.scores["not_quote_hits"] == 1.0
    assert result.scores["precision"] == 0.5
    assert result.spurious == ["no limits (not a quote)"]


def test_speaker_accuracy_is_alias_aware_and_scored_on_matches() -> None:
    gold = gold_case()
    quotes = [
        Quote(text=LONG_QUOTE, speaker="Putin"),  # alias of the gold speaker
        Quote(text="Tajikistan wants respect.", speaker="Vladimir Putin"),  # wrong speaker
        Quote(text="Something nobody said at all", speaker="Rahmon"),  # unmatched: not scored
    ]
    result = score_quotes(quotes, gold)
    assert result.scores["speaker_accuracy"] == 0.5
    assert len(result.wrong) == 1 and "Tajikistan wants respect." in result.wrong[0]


def test_speaker_is_matched_by_its_string_not_by_the_predicted_actors_aliases() -> None:
    """A catch-all actor whose aliases name everyone must not make every speaker right."""
    gold = gold_case()
    quote = Quote(text="Tajikistan wants respect.", speaker="the Tajik leader")
    result = score_quotes([quote], gold)
    assert result.scores["speaker_accuracy"] == 0.0
    assert result.scores["precision"] == 1.0  # detected ...
    assert result.scores["attributed_f1"] == 0.0  # ... but not attributed


def test_attributed_f1_counts_a_quote_only_with_its_right_speaker() -> None:
    gold = gold_case()
    quotes = [
        Quote(text=LONG_QUOTE, speaker="President Vladimir Putin"),
        Quote(text="Tajikistan wants respect.", speaker="Putin"),  # wrong speaker
    ]
    scores = score_quotes(quotes, gold).scores
    assert scores["f1"] == 1.0
    assert scores["speaker_accuracy"] == 0.5
    assert scores["attributed_precision"] == scores["attributed_recall"] == 0.5
    assert scores["attributed_f1_at_0_3"] == 0.5


def test_an_ambiguous_speaker_is_not_right() -> None:
    gold = gold_case(
        actors=[
            {"name": "Joe Biden", "type": "person"},
            {"name": "Hunter Biden", "type": "person"},
        ],
        quotes=[{"text": LONG_QUOTE, "speaker": "Joe Biden"}],
    )
    assert (
        score_quotes([Quote(text=LONG_QUOTE, speaker="Biden")], gold).scores["speaker_accuracy"]
        == 0.0
    )
    assert (
        score_quotes([Quote(text=LONG_QUOTE, speaker="Mr. Joe Biden")], gold).scores[
            "speaker_accuracy"
        ]
        == 1.0
    )


# --- tensions ---------------------------------------------------------------------------

EVIDENCE = "Rahmon berated Putin for failing to treat the region's nations with respect"


def tension(parties: list[str], evidence: str = EVIDENCE, description: str = "x") -> Tension:
    return Tension(parties=parties, description=description, evidence=evidence)


def test_tension_matches_with_aliased_parties_in_any_order() -> None:
    result = score_tensions([tension(["Putin", "Rahmon"])], gold_case())
    assert result.scores["f1"] == 1.0


def test_tension_with_wrong_parties_does_not_match_despite_evidence() -> None:
    result = score_tensions([tension(["Putin", "China"])], gold_case())
    assert result.scores["precision"] == 0.0
    assert result.scores["recall"] == 0.0


def test_tension_matches_on_similar_description_without_shared_evidence() -> None:
    pred = tension(
        ["Rahmon", "Putin"],
        evidence="met Tajik President Emomali Rahmon in Dushanbe",
        description="Rahmon berated Putin for not respecting the nations of the region.",
    )
    assert score_tensions([pred], gold_case()).scores["recall"] == 1.0


def test_tension_with_right_parties_but_unrelated_text_does_not_match() -> None:
    pred = tension(
        ["Rahmon", "Putin"],
        evidence="met Tajik President Emomali Rahmon in Dushanbe",
        description="They met on Thursday.",
    )
    assert score_tensions([pred], gold_case()).scores["f1"] == 0.0


def test_one_party_prediction_does_not_match_a_two_party_tension() -> None:
    result = score_tensions([tension(["Rahmon"])], gold_case())
    assert result.scores["precision"] == 0.0


def test_evidence_longer_than_two_sentences_is_not_evidence() -> None:
    whole_article = ARTICLE.replace("\n", " ")
    pred = tension(["Rahmon", "Putin"], evidence=whole_article, description="Trump")
    assert score_tensions([pred], gold_case()).scores["f1"] == 0.0
    short = tension(["Rahmon", "Putin"], evidence="At their last summit " + EVIDENCE + ".")
    assert score_tensions([short], gold_case()).scores["f1"] == 1.0


def test_one_word_cannot_pass_as_a_similar_description() -> None:
    pred = tension(["Rahmon", "Putin"], evidence="met Tajik President", description="Putin")
    assert score_tensions([pred], gold_case()).scores["f1"] == 0.0


# --- summary ----------------------------------------------------------------------------


def test_summary_coverage_counts_facts_by_any_alternative() -> None:
    gold = gold_case()
    scores = score_summary("Putin flew to Tajikistan.", gold.summary).scores
    assert scores["must_mention"] == 0.5  # Putin, and Tajikistan for the Dushanbe fact
    assert scores["should_mention"] == 0.0


def test_summary_coverage_with_no_facts_listed_is_full() -> None:
    gold = gold_case(summary={"reference": "Putin met Rahmon."})
    scores = score_summary("Markets fell.", gold.summary).scores
    assert scores["must_mention"] == scores["should_mention"] == 1.0


def test_summary_coverage_needs_whole_words() -> None:
    gold = gold_case()
    # "Putinism" is not "Putin", "respectful" is not "respect"
    assert score_summary("Putinism is respectful.", gold.summary).scores["must_mention"] == 0.0


def test_summary_over_max_words_is_flagged() -> None:
    gold = gold_case()
    assert score_summary("word " * 21, gold.summary).scores["within_max_words"] == 0.0
    assert score_summary("word " * 20, gold.summary).scores["within_max_words"] == 1.0


def test_rouge_rewards_overlap_with_the_reference() -> None:
    gold = gold_case()
    close = score_summary("Putin met Rahmon in Dushanbe.", gold.summary).scores["rouge_l"]
    far = score_summary("Markets fell sharply on Friday.", gold.summary).scores["rouge_l"]
    assert far == 0.0
    assert close is not None and 0.0 < close < 1.0


def test_unreadable_summary_earns_no_must_mention_credit() -> None:
    gold = gold_case()
    salad = "Putin Rahmon Dushanbe Tajikistan respect China summit."
    scores = score_summary(salad, gold.summary).scores
    assert scores["must_mention"] == 0.0 and scores["readable"] == 0.0
    frequency_list = "The of to and Putin Rahmon in Dushanbe respect Tajikistan."
    assert score_summary(frequency_list, gold.summary).scores["must_mention"] == 0.0
    too_long = "Putin met Rahmon in Dushanbe and asked for respect. " * 3
    assert score_summary(too_long, gold.summary).scores["must_mention"] == 0.0
    good = "Putin met Rahmon in Dushanbe, where Rahmon asked for respect."
    assert score_summary(good, gold.summary).scores["must_mention"] == 1.0


def test_facts_not_in_the_article_are_listed() -> None:
    gold = gold_case()
    summary = "Putin met Rahmon in Moscow on Thursday with 300 aides."
    result = score_summary(summary, gold.summary, ARTICLE)
    assert result.scores["facts_supported"] == 0.5  # Rahmon, Thursday / Moscow, 300
    assert result.wrong == ["not in the article: Moscow", "not in the article: 300"]
    ok = score_summary(
        "Vladimir Putin's talks with Rahmon were in Dushanbe.", gold.summary, ARTICLE
    )
    assert ok.scores["facts_supported"] == 1.0


# --- grounding and cost -----------------------------------------------------------------


def _briefing(**fields: Any) -> Briefing:
    base: dict[str, Any] = {
        "summary": "s",
        "model": "m",
        "prompt": PromptInfo(id="p", version="1", sha256="h"),
    }
    return Briefing(**(base | fields))


def test_grounding_is_checked_against_the_article_not_the_gold() -> None:
    briefing = _briefing(
        actors=[PUTIN, actor("Xi Jinping")],
        quotes=[
            Quote(text="“Tajikistan wants respect.”", speaker="Rahmon"),
            Quote(text="We will never surrender", speaker="Putin"),
        ],
        tensions=[tension(["Rahmon", "Putin"]), tension(["a", "b"], evidence="made up words here")],
        rejected=[Rejection(field="quotes", item={"text": "x"}, reason="not verbatim")],
    )
    scores = score_grounding(briefing, ARTICLE).scores
    assert scores["quotes_verbatim"] == 0.5
    assert scores["evidence_verbatim"] == 0.5
    assert scores["actors_present"] == 0.5
    assert scores["rejected"] == 1.0


def test_words_outside_quotation_marks_are_verbatim_but_not_quoted() -> None:
    briefing = _briefing(quotes=[Quote(text="met Tajik President Emomali Rahmon", speaker="x")])
    scores = score_grounding(briefing, ARTICLE).scores
    assert scores["quotes_verbatim"] == 1.0
    assert scores["quotes_in_quote_marks"] == 0.0


def test_end_punctuation_is_ignored_as_grounding_ignores_it() -> None:
    """The metric must not call a quote unverbatim that grounding rightly let through."""
    briefing = _briefing(
        quotes=[Quote(text="Tajikistan wants respect,", speaker="Rahmon")],
        tensions=[tension(["Rahmon", "Putin"], evidence="Tajikistan wants respect!")],
    )
    scores = score_grounding(briefing, ARTICLE).scores
    assert scores["quotes_verbatim"] == 1.0
    assert scores["quotes_in_quote_marks"] == 1.0
    assert scores["evidence_verbatim"] == 1.0


def test_cost_comes_from_the_briefing() -> None:
    usage = Usage(prompt_tokens=100, completion_tokens=20, total_tokens=120, calls=2, reasks=1)
    scores = score_case(_briefing(usage=usage, latency_s=1.5), gold_case(), ARTICLE).scores()
    assert scores["cost"]["total_tokens"] == 120.0
    assert scores["cost"]["reasks"] == 1.0
    assert scores["cost"]["latency_s"] == 1.5
    assert scores["cost"]["failed"] == 0.0


# --- machinery --------------------------------------------------------------------------


def test_greedy_match_takes_the_best_pair_first() -> None:
    # prediction 0 fits gold 0 a bit, prediction 1 fits gold 0 best and gold 1 not at all
    assert greedy_match([[0.5, 0.4], [0.9, 0.0]], threshold=0.3) == {1: 0, 0: 1}
    assert greedy_match([[0.5, 0.2], [0.9, 0.0]], threshold=0.3) == {1: 0}


def test_aggregate_is_the_mean_over_defined_values() -> None:
    cases = [
        {"quotes": {"f1": 1.0, "speaker_accuracy": None}},
        {"quotes": {"f1": 0.5, "speaker_accuracy": 0.25}},
    ]
    assert aggregate(cases) == {"quotes": {"f1": 0.75, "speaker_accuracy": 0.25}}


# --- edges the CI gate leans on (mutation testing found them unchecked) ----------------


def test_recall_with_nothing_required_is_one() -> None:
    from summarizer.eval._metrics import prf

    assert prf(predicted=2, correct=1, required=0, found=0) == pytest.approx((0.5, 1.0, 2 / 3))
    optional = [{"text": LONG_QUOTE, "speaker": "Vladimir Putin", "required": False}]
    scores = score_quotes([Quote(text=LONG_QUOTE, speaker="Putin")], gold_case(quotes=optional))
    assert (scores.scores["precision"], scores.scores["recall"]) == (1.0, 1.0)


def test_a_prediction_as_close_to_a_not_quote_as_to_a_gold_quote_is_a_trap() -> None:
    # "alpha bravo charlie delta echo" covers 4/5 of itself in each and all of each:
    # 0.8 both ways, a tie at the headline threshold. A tie goes to the trap.
    gold = gold_case(
        quotes=[{"text": "bravo charlie delta echo", "speaker": "Vladimir Putin"}],
        not_quotes=["alpha bravo charlie delta"],
    )
    result = score_quotes([Quote(text="alpha bravo charlie delta echo", speaker="Putin")], gold)
    assert result.scores["not_quote_hits"] == 1.0
    assert result.scores["f1_at_0_8"] == 0.0 and result.scores["f1_at_0_3"] == 0.0
    assert result.spurious == ["alpha bravo charlie delta echo (not a quote)"]


def test_a_trap_is_removed_before_matching_even_when_it_also_fits_a_gold_quote() -> None:
    gold = gold_case(
        quotes=[{"text": "bravo charlie delta echo foxtrot", "speaker": "Vladimir Putin"}],
        not_quotes=["bravo charlie delta echo"],
    )
    trap = Quote(text="bravo charlie delta echo", speaker="Putin")  # 0.8 of the quote, 1.0 trap
    result = score_quotes([trap], gold)
    assert (result.scores["precision_at_0_3"], result.scores["recall_at_0_3"]) == (0.0, 0.0)
    assert result.missed == ["bravo charlie delta echo foxtrot"]


def test_a_prediction_closer_to_a_gold_quote_than_to_a_not_quote_matches() -> None:
    gold = gold_case(
        quotes=[{"text": "bravo charlie delta echo", "speaker": "Vladimir Putin"}],
        not_quotes=["charlie delta echo foxtrot golf hotel"],  # 0.5 of it: under 0.8
    )
    result = score_quotes([Quote(text="bravo charlie delta echo", speaker="Putin")], gold)
    assert result.scores["not_quote_hits"] == 0.0 and result.scores["f1"] == 1.0


def test_grounding_scores_and_reasons_have_their_names() -> None:
    briefing = _briefing(
        actors=[PUTIN],
        quotes=[
            Quote(text="met Tajik President Emomali Rahmon", speaker="x"),
            Quote(text="We will never surrender", speaker="Putin"),
            Quote(text="Tajikistan wants respect.", speaker="Rahmon"),
        ],
        tensions=[tension(["Rahmon", "Putin"], evidence="made up words here")],
    )
    result = score_grounding(briefing, ARTICLE)
    assert result.scores == {
        "quotes_verbatim": pytest.approx(2 / 3),
        "quotes_in_quote_marks": pytest.approx(1 / 3),
        "evidence_verbatim": 0.0,
        "actors_present": 1.0,
        "rejected": 0.0,
    }
    assert result.wrong == [
        "quote not inside quotation marks: met Tajik President Emomali Rahmon",
        "quote not in the article: We will never surrender",
        "evidence not in the article: made up words here",
    ]
    assert score_grounding(None, ARTICLE).scores == dict.fromkeys(result.scores)


def test_summary_scores_have_their_names_and_list_what_is_wrong() -> None:
    gold = gold_case()
    result = score_summary("Putin met Rahmon in Dushanbe.", gold.summary, ARTICLE)
    assert {"rouge_1", "rouge_2", "rouge_l", "words", "must_mention"} <= set(result.scores)
    assert result.scores["words"] == 5.0
    assert 0.0 < result.scores["rouge_2"] < result.scores["rouge_1"] < 1.0
    assert result.missed == ["respect"]
    nothing_to_check = score_summary("The talks went well.", gold.summary, ARTICLE)
    assert nothing_to_check.scores["facts_supported"] == 1.0  # no names, numbers or dates


def test_cost_scores_have_their_names_and_latency_can_be_overridden() -> None:
    usage = Usage(prompt_tokens=100, completion_tokens=20, total_tokens=120, calls=2, reasks=1)
    briefing = _briefing(usage=usage, latency_s=1.5)
    assert score_case(briefing, gold_case(), ARTICLE, latency_s=4.0).scores()["cost"] == {
        "prompt_tokens": 100.0,
        "completion_tokens": 20.0,
        "total_tokens": 120.0,
        "calls": 2.0,
        "reasks": 1.0,
        "latency_s": 4.0,
        "failed": 0.0,
    }
    failed = score_case(None, gold_case(), ARTICLE).scores()["cost"]
    assert (failed["latency_s"], failed["failed"]) == (0.0, 1.0)


def test_case_details_list_what_was_missed_spurious_or_wrong_and_nothing_empty() -> None:
    gold = gold_case()
    prediction = Extraction(
        summary="Putin met Rahmon in Paris in 1999.",
        actors=[PUTIN, RAHMON],
        tensions=[tension(["Putin", "China"], description="Trade row.")],
        quotes=[Quote(text="Tajikistan wants respect.", speaker="Putin")],
    )
    details = score_case(prediction, gold, ARTICLE).details()
    assert details["tensions"] == {
        "missed": [
            "Emomali Rahmon / Vladimir Putin: Rahmon berated Putin for not respecting the "
            "region's nations."
        ],
        "spurious": ["Putin / China: Trade row."],
    }
    assert details["quotes"] == {
        "missed": [LONG_QUOTE],
        "wrong": ["Tajikistan wants respect.: speaker 'Putin', gold 'Emomali Rahmon'"],
    }
    assert "Paris" in " ".join(details["summary"]["wrong"])  # checked against the article
    assert "actors" not in details  # nothing missed, spurious or wrong there


def test_a_speaker_the_gold_lists_as_no_actor_is_matched_by_name() -> None:
    gold = gold_case(quotes=[{"text": LONG_QUOTE, "speaker": "Dmitry Peskov"}])
    right = score_quotes([Quote(text=LONG_QUOTE, speaker="Peskov")], gold)
    wrong = score_quotes([Quote(text=LONG_QUOTE, speaker="Lavrov")], gold)
    assert right.scores["speaker_accuracy"] == 1.0
    assert wrong.scores["speaker_accuracy"] == 0.0
