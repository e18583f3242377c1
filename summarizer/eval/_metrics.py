"""Metrics: one prediction against one gold case, deterministically, with no model.

Matching follows ANNOTATION.md, "How a prediction is matched":

- Names match alias-aware and case-insensitively: a predicted name (or alias)
  matches a gold name (or alias) when it equals it or is a full-token sub-span
  of it ("Putin" ~ "Vladimir Putin"); a leading "the" is ignored.
- Every gold item is matched at most once, greedily by best score.
- Recall counts ``required`` gold items; precision counts a prediction correct
  when it matches any gold item, required or not.

Edge cases, the same for every section:

- nothing predicted and nothing required → precision = recall = F1 = 1.0;
- nothing predicted but something required → precision = recall = F1 = 0.0;
- something predicted but nothing required → recall = 1.0, precision as usual;
- an accuracy over matched pairs (actor type, quote speaker) with no matched
  pair is ``None`` (undefined), and is left out of averages.

Every section is a flat mapping of named numbers (`SectionScore.scores`) plus
the missed, spurious and wrong items behind them, for reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import fmean
from typing import Any

from rapidfuzz import fuzz, utils
from rouge_score import rouge_scorer

from summarizer._grounding import EDGE_PUNCT, ArticleIndex, index_article, is_verbatim
from summarizer._schema import Actor, Briefing, Extraction, Quote, Tension, Usage
from summarizer.eval._gold import GoldCase, GoldSummary
from summarizer.eval._text import (
    mentions,
    names_score,
    same_name,
    span_similarity,
    strip_quote_marks,
    tokens,
)

Prediction = Extraction | Briefing
Scores = dict[str, float | None]

SECTIONS = ("actors", "quotes", "tensions", "summary", "grounding", "cost")
QUOTE_THRESHOLDS = (0.3, 0.8)  # token overlap, as in the SFU Gender Gap Tracker evaluation
HEADLINE_QUOTE_THRESHOLD = 0.8
EVIDENCE_MIN_OVERLAP = 0.5  # span_similarity of two evidence spans
DESCRIPTION_MIN_SIMILARITY = 0.6  # rapidfuzz token_set_ratio / 100 of two descriptions

# Metrics that are counts or amounts rather than shares in [0, 1]; for cost
# metrics lower is better.
COUNT_METRICS = frozenset(
    {
        "quotes.not_quote_hits",
        "summary.words",
        "grounding.rejected",
        "cost.prompt_tokens",
        "cost.completion_tokens",
        "cost.total_tokens",
        "cost.calls",
        "cost.reasks",
        "cost.latency_s",
    }
)


@dataclass(frozen=True)
class SectionScore:
    """Named numbers for one section, and the items behind them."""

    scores: Scores
    missed: list[str] = field(default_factory=list)  # required gold items not found
    spurious: list[str] = field(default_factory=list)  # predictions matching no gold item
    wrong: list[str] = field(default_factory=list)  # matched, but type/speaker is wrong


@dataclass(frozen=True)
class CaseScore:
    """Every section's score for one case."""

    actors: SectionScore
    quotes: SectionScore
    tensions: SectionScore
    summary: SectionScore
    grounding: SectionScore
    cost: SectionScore

    def sections(self) -> dict[str, SectionScore]:
        return {name: getattr(self, name) for name in SECTIONS}

    def scores(self) -> dict[str, Scores]:
        """``{section: {metric: value}}``, the shape of a report's ``cases`` entries."""
        return {name: dict(s.scores) for name, s in self.sections().items()}

    def details(self) -> dict[str, dict[str, list[str]]]:
        """``{section: {"missed"|"spurious"|"wrong": [...]}}``, empty lists left out."""
        out: dict[str, dict[str, list[str]]] = {}
        for name, s in self.sections().items():
            kinds = {"missed": s.missed, "spurious": s.spurious, "wrong": s.wrong}
            kept = {k: list(v) for k, v in kinds.items() if v}
            if kept:
                out[name] = kept
        return out


# --- shared machinery ---------------------------------------------------------------


def prf(predicted: int, correct: int, required: int, found: int) -> tuple[float, float, float]:
    """Precision, recall and F1 with the edge cases of the module docstring."""
    if predicted == 0 and required == 0:
        return 1.0, 1.0, 1.0
    precision = correct / predicted if predicted else 0.0
    recall = found / required if required else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def greedy_match(scores: Sequence[Sequence[float]], threshold: float) -> dict[int, int]:
    """Pair predictions (rows) with gold items (columns), best score first, each once.

    Only pairs scoring ``>= threshold`` (and above zero) are eligible; ties go
    to the earlier prediction, then the earlier gold item.
    """
    eligible = [
        (-s, i, j)
        for i, row in enumerate(scores)
        for j, s in enumerate(row)
        if s > 0 and s >= threshold
    ]
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(eligible):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _accuracy(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _pred_names(name: str, actors: Sequence[Actor]) -> list[str]:
    """A predicted name plus the aliases of the predicted actor it names, if any."""
    for actor in actors:
        if any(same_name(name, n) for n in actor.names()):
            return [name, *actor.names()]
    return [name]


# --- actors ---------------------------------------------------------------------------


def score_actors(predicted: Sequence[Actor], gold: GoldCase) -> SectionScore:
    """Actor precision, recall, F1 (alias-aware), and type accuracy on matched actors."""
    matrix = [[names_score(p.names(), g.names()) for g in gold.actors] for p in predicted]
    pairs = greedy_match(matrix, threshold=0.0)
    required = [j for j, g in enumerate(gold.actors) if g.required]
    found = [j for j in required if j in pairs.values()]
    precision, recall, f1 = prf(len(predicted), len(pairs), len(required), len(found))
    wrong = [
        f"{predicted[i].name}: type {predicted[i].type}, gold {gold.actors[j].type}"
        for i, j in pairs.items()
        if predicted[i].type != gold.actors[j].type
    ]
    return SectionScore(
        scores={
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "type_accuracy": _accuracy(len(pairs) - len(wrong), len(pairs)),
        },
        missed=[gold.actors[j].name for j in required if j not in found],
        spurious=[p.name for i, p in enumerate(predicted) if i not in pairs],
        wrong=wrong,
    )


# --- quotes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _QuoteMatch:
    pairs: dict[int, int]
    traps: list[int]  # predictions that matched a not_quote
    precision: float
    recall: float
    f1: float


def _match_quotes(predicted: Sequence[Quote], gold: GoldCase, threshold: float) -> _QuoteMatch:
    """Match at one threshold; a prediction closer to a not_quote than to any gold quote
    (and over the threshold) is a trap hit: unmatched, so a false positive."""
    matrix = [[span_similarity(p.text, g.text) for g in gold.quotes] for p in predicted]
    traps = [
        i
        for i, p in enumerate(predicted)
        if (trap := max((span_similarity(p.text, t) for t in gold.not_quotes), default=0.0))
        >= threshold
        and trap >= max(matrix[i], default=0.0)
    ]
    eligible = [[0.0 if i in traps else s for s in row] for i, row in enumerate(matrix)]
    pairs = greedy_match(eligible, threshold)
    required = [j for j, g in enumerate(gold.quotes) if g.required]
    found = sum(1 for j in required if j in pairs.values())
    precision, recall, f1 = prf(len(predicted), len(pairs), len(required), found)
    return _QuoteMatch(pairs, traps, precision, recall, f1)


def _speaker_hits(
    match: _QuoteMatch, predicted: Sequence[Quote], actors: Sequence[Actor], gold: GoldCase
) -> list[int]:
    """Predictions (indices) whose speaker names the gold speaker's actor."""
    return [
        i
        for i, j in match.pairs.items()
        if names_score(
            _pred_names(predicted[i].speaker, actors), gold.actor_names(gold.quotes[j].speaker)
        )
        > 0
    ]


def score_quotes(
    predicted: Sequence[Quote], actors: Sequence[Actor], gold: GoldCase
) -> SectionScore:
    """Quote precision/recall/F1 at token-overlap thresholds 0.3 and 0.8, and speaker accuracy.

    Two quotes match when one contains the other (at least three tokens) or their
    token F1 (lower-cased, punctuation stripped, curly quotes folded) reaches the
    threshold. The headline ``precision``, ``recall`` and ``f1`` (and
    ``speaker_accuracy``, ``not_quote_hits``) are at the **0.8** threshold; the
    ``*_at_0_3`` and ``*_at_0_8`` keys give both. A prediction that matches a
    ``not_quotes`` trap counts as a false positive. ``actors`` are the predicted
    actors, used to read a predicted speaker's aliases.
    """
    per_threshold: dict[float, Scores] = {}
    matches = {t: _match_quotes(predicted, gold, t) for t in QUOTE_THRESHOLDS}
    for t, m in matches.items():
        hits = _speaker_hits(m, predicted, actors, gold)
        per_threshold[t] = {
            "precision": m.precision,
            "recall": m.recall,
            "f1": m.f1,
            "speaker_accuracy": _accuracy(len(hits), len(m.pairs)),
        }
    suffixed = {
        f"{name}_at_{str(t).replace('.', '_')}": value
        for t, scores in per_threshold.items()
        for name, value in scores.items()
    }
    head = matches[HEADLINE_QUOTE_THRESHOLD]
    hits = _speaker_hits(head, predicted, actors, gold)
    return SectionScore(
        scores={
            **per_threshold[HEADLINE_QUOTE_THRESHOLD],
            **suffixed,
            "not_quote_hits": float(len(head.traps)),
        },
        missed=[
            q.text for j, q in enumerate(gold.quotes) if q.required and j not in head.pairs.values()
        ],
        spurious=[
            f"{q.text} (not a quote)" if i in head.traps else q.text
            for i, q in enumerate(predicted)
            if i not in head.pairs
        ],
        wrong=[
            f"{predicted[i].text}: speaker {predicted[i].speaker!r}, "
            f"gold {gold.quotes[j].speaker!r}"
            for i, j in head.pairs.items()
            if i not in hits
        ],
    )


# --- tensions -------------------------------------------------------------------------


def _parties_score(
    pred: Tension, actors: Sequence[Actor], gold_parties: Sequence[str], gold: GoldCase
) -> float:
    """Share of parties paired one-to-one; 0 unless every party of the shorter side pairs."""
    matrix = [
        [names_score(_pred_names(p, actors), gold.actor_names(g)) for g in gold_parties]
        for p in pred.parties
    ]
    paired = len(greedy_match(matrix, threshold=0.0))
    needed = min(len(pred.parties), len(gold_parties))
    if paired == 0 or paired < needed:
        return 0.0
    return paired / max(len(pred.parties), len(gold_parties))


def _text_score(pred: Tension, evidence: str, description: str) -> float:
    """Evidence overlap or description similarity, whichever clears its bar (0 if neither)."""
    overlap = span_similarity(pred.evidence, evidence)
    similar = fuzz.token_set_ratio(pred.description, description, processor=utils.default_process)
    similar /= 100
    best = max(
        overlap if overlap >= EVIDENCE_MIN_OVERLAP else 0.0,
        similar if similar >= DESCRIPTION_MIN_SIMILARITY else 0.0,
    )
    return best


def _tension_label(parties: Sequence[str], description: str) -> str:
    return f"{' / '.join(parties)}: {description}"


def score_tensions(
    predicted: Sequence[Tension], actors: Sequence[Actor], gold: GoldCase
) -> SectionScore:
    """Tension precision, recall and F1.

    A predicted tension matches a gold one when their parties match alias-aware
    (every party of the side with fewer parties pairs with one on the other side)
    **and** either their evidence spans overlap (containment or token F1 >=
    ``EVIDENCE_MIN_OVERLAP``) or their descriptions are similar (rapidfuzz
    token-set ratio >= ``DESCRIPTION_MIN_SIMILARITY``).
    """
    matrix = []
    for p in predicted:
        row = []
        for g in gold.tensions:
            parties = _parties_score(p, actors, g.parties, gold)
            text = _text_score(p, g.evidence, g.description) if parties else 0.0
            row.append(parties + text if text else 0.0)
        matrix.append(row)
    pairs = greedy_match(matrix, threshold=0.0)
    required = [j for j, g in enumerate(gold.tensions) if g.required]
    found = [j for j in required if j in pairs.values()]
    precision, recall, f1 = prf(len(predicted), len(pairs), len(required), len(found))
    return SectionScore(
        scores={"precision": precision, "recall": recall, "f1": f1},
        missed=[
            _tension_label(gold.tensions[j].parties, gold.tensions[j].description)
            for j in required
            if j not in found
        ],
        spurious=[
            _tension_label(t.parties, t.description)
            for i, t in enumerate(predicted)
            if i not in pairs
        ],
    )


# --- summary --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _rouge() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def _coverage(
    summary_tokens: Sequence[str], facts: Sequence[Sequence[str]]
) -> tuple[float, list[str]]:
    """Share of facts mentioned (any alternative, as whole words) and the facts missed."""
    missed = [" | ".join(f) for f in facts if not any(mentions(summary_tokens, a) for a in f)]
    return (1 - len(missed) / len(facts) if facts else 1.0), missed


def score_summary(summary: str, gold: GoldSummary) -> SectionScore:
    """must_mention / should_mention coverage, ROUGE-1/2/L F-measure, length.

    Coverage is 1.0 when the gold lists no facts. ROUGE uses rouge-score with
    Porter stemming against ``gold.reference``; an empty summary scores 0.
    ``within_max_words`` is 1.0 or 0.0 (1.0 when the gold sets no limit).
    """
    summary_tokens = tokens(summary)
    must, missed_must = _coverage(summary_tokens, gold.must_mention)
    should, _ = _coverage(summary_tokens, gold.should_mention)
    words = len(summary.split())
    rouge: dict[str, Any] = _rouge().score(gold.reference, summary) if summary.strip() else {}

    def fmeasure(key: str) -> float:
        return float(rouge[key].fmeasure) if key in rouge else 0.0

    return SectionScore(
        scores={
            "must_mention": must,
            "should_mention": should,
            "rouge_1": fmeasure("rouge1"),
            "rouge_2": fmeasure("rouge2"),
            "rouge_l": fmeasure("rougeL"),
            "words": float(words),
            "within_max_words": float(gold.max_words is None or words <= gold.max_words),
        },
        missed=missed_must,
    )


# --- grounding and cost ---------------------------------------------------------------


def _in(quote: str, index: ArticleIndex) -> bool:
    """Whether a quote's words occur in the article, with or without the quotation marks.

    Punctuation at the ends does not count, as in grounding: "He is not welcome." is
    verbatim where the article has “He is not welcome,” Mr. Fox said.
    """
    return index.contains(strip_quote_marks(quote).strip(EDGE_PUNCT))


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 1.0


def score_grounding(prediction: Prediction | None, article_text: str) -> SectionScore:
    """How much of the prediction the article itself backs (the gold plays no part).

    ``quotes_verbatim``: share of quotes whose text occurs in the article;
    ``quotes_in_quote_marks``: share that occur inside quotation marks there;
    ``evidence_verbatim``: share of tension evidence found verbatim;
    ``actors_present``: share of actors whose name or an alias occurs as whole
    words; ``rejected``: how many items the summariser's grounding dropped.
    Text is compared after `summarizer._grounding.normalize`. A share over no
    items is 1.0; with no prediction (the case failed) every value is ``None``.
    """
    keys = ("quotes_verbatim", "quotes_in_quote_marks", "evidence_verbatim", "actors_present")
    if prediction is None:
        return SectionScore(scores={**dict.fromkeys(keys), "rejected": None})
    index = index_article(article_text)
    quotes = prediction.quotes
    rejected = prediction.rejected if isinstance(prediction, Briefing) else []
    ungrounded = [
        f"quote {'not inside quotation marks' if _in(q.text, index) else 'not in the article'}: "
        + q.text
        for q in quotes
        if not index.quoted(q.text)
    ]
    ungrounded += [
        f"evidence not in the article: {t.evidence}"
        for t in prediction.tensions
        if not is_verbatim(t.evidence, article_text)
    ]
    return SectionScore(
        scores={
            "quotes_verbatim": _share([_in(q.text, index) for q in quotes]),
            "quotes_in_quote_marks": _share([index.quoted(q.text) for q in quotes]),
            "evidence_verbatim": _share(
                [
                    is_verbatim(t.evidence.strip(EDGE_PUNCT), article_text)
                    for t in prediction.tensions
                ]
            ),
            "actors_present": _share(
                [any(index.mentions(n) for n in a.names()) for a in prediction.actors]
            ),
            "rejected": float(len(rejected)),
        },
        wrong=ungrounded,
    )


def score_cost(usage: Usage, latency_s: float, *, failed: bool = False) -> SectionScore:
    """Tokens, calls, re-asks and latency of one article; ``failed`` is 1.0 for an error."""
    return SectionScore(
        scores={
            "prompt_tokens": float(usage.prompt_tokens),
            "completion_tokens": float(usage.completion_tokens),
            "total_tokens": float(usage.total_tokens),
            "calls": float(usage.calls),
            "reasks": float(usage.reasks),
            "latency_s": float(latency_s),
            "failed": float(failed),
        }
    )


# --- one case, many cases -------------------------------------------------------------


def score_case(
    prediction: Prediction | None,
    gold: GoldCase,
    article_text: str,
    *,
    usage: Usage | None = None,
    latency_s: float | None = None,
) -> CaseScore:
    """Score one prediction against one gold case.

    ``prediction=None`` means the case failed: it is scored as an empty
    prediction (so recall suffers), grounding is ``None`` and ``cost.failed`` is
    1.0. ``usage``/``latency_s`` override (or, for a failure, supply) the cost;
    otherwise they come from the `Briefing` (an `Extraction` has none: zeros).
    """
    empty = Extraction(summary="", actors=[], tensions=[], quotes=[])
    pred = prediction or empty
    if isinstance(prediction, Briefing):
        usage = usage or prediction.usage
        latency_s = prediction.latency_s if latency_s is None else latency_s
    return CaseScore(
        actors=score_actors(pred.actors, gold),
        quotes=score_quotes(pred.quotes, pred.actors, gold),
        tensions=score_tensions(pred.tensions, pred.actors, gold),
        summary=score_summary(pred.summary, gold.summary),
        grounding=score_grounding(prediction, article_text),
        cost=score_cost(usage or Usage(), latency_s or 0.0, failed=prediction is None),
    )


def aggregate(cases: Sequence[dict[str, Scores]]) -> dict[str, Scores]:
    """Mean of every metric over the cases where it is defined (``None`` if nowhere).

    Macro-averaged: every case weighs the same, whatever its number of items.
    """
    out: dict[str, Scores] = {}
    for case in cases:
        for section, scores in case.items():
            for name in scores:
                out.setdefault(section, {})[name] = None
    for section, names in out.items():
        for name in names:
            values = [v for c in cases if (v := c.get(section, {}).get(name)) is not None]
            names[name] = fmean(values) if values else None
    return out
