"""Degenerate briefings built from the article text alone must not beat an honest run.

Each strategy below never looks at the gold: it sprays what the article offers
(every capitalised phrase, every quoted span, every paragraph, every pair of
names, the most frequent words, the whole text) at the metric it attacks. The
eval must score each one **below** the honest offline run (the committed
baseline, evals/baselines/offline-dev.json) on that metric, and the gate must fail
it. These are the attacks of issue #13; before its fixes the catch-all briefing
raised every gated metric and passed the gate.

Not attacked here: quote *detection* F1 of the catch-all. Every span between
quotation marks is, by ANNOTATION.md's definition, nearly always a quote, so
spraying them all detects quotes well (0.91 on the dev suite, above the offline
rules' 0.79): what such a briefing cannot do is say who spoke, which is why the
headline is attributed-quote F1.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from summarizer._grounding import index_article
from summarizer._schema import Actor, Extraction, Quote, Tension
from summarizer.eval import Report, gate, load_suite
from summarizer.eval._faithful import sentences
from summarizer.eval._gold import Case
from summarizer.eval._metrics import aggregate, score_case

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "evals" / "suites" / "dev"
BASELINE = ROOT / "evals" / "baselines" / "offline-dev.json"

_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w’'.-]*)*")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _phrases(text: str) -> list[str]:
    return list(dict.fromkeys(m.group(0).rstrip(".’'") for m in _CAPITALISED.finditer(text)))


def _quoted_spans(text: str) -> list[str]:
    index = index_article(text)
    spans = [p.text[a + 1 : b] for p in index.paragraphs for a, b in p.regions]
    return [s for s in dict.fromkeys(spans) if s.strip()]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _actor(name: str, aliases: list[str] | None = None) -> Actor:
    return Actor(name=name, type="person", role="", aliases=aliases or [])


def _empty(summary: str = "") -> Extraction:
    return Extraction(summary=summary, actors=[], tensions=[], quotes=[])


# --- the strategies: article text in, briefing out ----------------------------------------


def catch_all(text: str) -> Extraction:
    """One actor aliased to every capitalised phrase, every quoted span attributed to it,
    one single-party tension per phrase with the whole article as evidence."""
    phrases = _phrases(text)
    everyone = _actor(phrases[0], phrases[1:])
    return Extraction(
        summary=sentences(text)[0],
        actors=[everyone],
        quotes=[Quote(text=q, speaker=phrases[0]) for q in _quoted_spans(text)],
        tensions=[Tension(parties=[p], description=p, evidence=text) for p in phrases],
    )


def capitalised_words_as_actors(text: str) -> Extraction:
    words = list(dict.fromkeys(w.strip("’'") for w in re.findall(r"\b[A-Z][\w’'-]*", text)))
    return Extraction(summary="", actors=[_actor(w) for w in words], tensions=[], quotes=[])


def capitalised_phrases_as_actors(text: str) -> Extraction:
    phrases = _phrases(text)
    return Extraction(summary="", actors=[_actor(p) for p in phrases], tensions=[], quotes=[])


def paragraphs_as_quotes(text: str) -> Extraction:
    """Every paragraph holding a quotation mark, as a quote of its first name."""
    quotes = []
    for para in _paragraphs(text):
        names = _phrases(para)
        if any(ch in para for ch in '"“”') and names:
            quotes.append(Quote(text=para, speaker=names[-1]))
    return Extraction(summary="", actors=[], tensions=[], quotes=quotes)


def quoted_spans_to_nearest_name(text: str) -> Extraction:
    """Every quoted span, attributed to the name closest after it in its paragraph."""
    quotes = []
    for para in _paragraphs(text):
        for span in _quoted_spans(para):
            after = para.split(span, 1)[-1]
            names = _phrases(after) or _phrases(para)
            if names:
                quotes.append(Quote(text=span, speaker=names[0]))
    return Extraction(summary="", actors=[], tensions=[], quotes=quotes)


def every_pair_as_tension(text: str) -> Extraction:
    """Every pair of names that share a sentence, that sentence as evidence."""
    tensions = []
    for sentence in sentences(text):
        names = _phrases(sentence)[:6]
        for a, b in itertools.combinations(names, 2):
            tensions.append(Tension(parties=[a, b], description=sentence, evidence=sentence))
    actors = [_actor(p) for p in _phrases(text)]
    return Extraction(summary="", actors=actors, tensions=tensions, quotes=[])


def keyword_salad(text: str) -> Extraction:
    names = [p for p, _ in Counter(_phrases(text)).most_common(25)]
    return _empty(" ".join(names) + ".")


def frequent_words(text: str) -> Extraction:
    """The article's 90 most frequent words, in order of frequency."""
    counts = Counter(w.lower() for w in _WORD.findall(text))
    return _empty(" ".join(w for w, _ in counts.most_common(90)))


def frequent_words_as_sentences(text: str) -> Extraction:
    """The same 90 words, dressed as six "sentences" with capitals and periods."""
    words = [w for w, _ in Counter(w.lower() for w in _WORD.findall(text)).most_common(90)]
    chunks = [words[i : i + 15] for i in range(0, len(words), 15)]
    return _empty(" ".join(" ".join(c).capitalize() + "." for c in chunks))


def whole_article(text: str) -> Extraction:
    return _empty(text)


def empty(text: str) -> Extraction:
    return _empty()


Strategy = Callable[[str], Extraction]

# strategy -> the metrics it attacks
ATTACKS: dict[str, tuple[Strategy, tuple[str, ...]]] = {
    "catch-all": (
        catch_all,
        (
            "actors.f1",
            "quotes.attributed_f1",
            "quotes.speaker_accuracy",
            "tensions.f1",
        ),
    ),
    "capitalised words": (capitalised_words_as_actors, ("actors.f1",)),
    "capitalised phrases": (capitalised_phrases_as_actors, ("actors.f1",)),
    "paragraphs as quotes": (
        paragraphs_as_quotes,
        ("quotes.f1", "quotes.f1_at_0_3", "grounding.quotes_in_quote_marks"),
    ),
    "quoted spans, nearest name": (
        quoted_spans_to_nearest_name,
        ("quotes.attributed_f1", "quotes.attributed_f1_at_0_3"),
    ),
    "every pair a tension": (every_pair_as_tension, ("tensions.f1",)),
    "keyword salad": (keyword_salad, ("summary.must_mention",)),
    "90 frequent words": (frequent_words, ("summary.must_mention",)),
    "90 frequent words as sentences": (frequent_words_as_sentences, ("summary.must_mention",)),
    "whole article": (whole_article, ("summary.must_mention",)),
    "empty": (
        empty,
        ("actors.f1", "quotes.attributed_f1", "tensions.f1", "summary.must_mention"),
    ),
}


@cache
def _cases() -> tuple[Case, ...]:
    return tuple(load_suite(SUITE))


@cache
def _report(strategy: Strategy) -> Report:
    scores = {
        c.id: score_case(strategy(c.article_text), c.gold, c.article_text).scores()
        for c in _cases()
    }
    return Report(aggregate=aggregate(list(scores.values())), cases=scores)


def _honest(metric: str) -> float:
    rules = json.loads(BASELINE.read_text(encoding="utf-8"))["metrics"]
    return float(rules[metric]["baseline"])


@pytest.mark.parametrize("name", list(ATTACKS))
def test_degenerate_strategy_scores_below_the_honest_offline_run(name: str) -> None:
    strategy, metrics = ATTACKS[name]
    report = _report(strategy)
    for metric in metrics:
        value = report.metric(metric)
        assert value is None or value < _honest(metric), (
            f"{name} scores {metric} {value:.3f}, honest offline {_honest(metric):.3f}"
        )


@pytest.mark.parametrize("name", list(ATTACKS))
def test_the_gate_fails_every_degenerate_strategy(name: str) -> None:
    strategy, metrics = ATTACKS[name]
    failures = {f.metric for f in gate(_report(strategy), BASELINE)}
    assert set(metrics) & failures


def test_the_gate_fails_the_catch_all_briefing_on_every_metric_it_attacks() -> None:
    failures = {f.metric for f in gate(_report(catch_all), BASELINE)}
    _, attacked = ATTACKS["catch-all"]
    assert set(attacked) - {"quotes.speaker_accuracy"} <= failures
