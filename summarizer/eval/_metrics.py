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

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import fmean
from typing import Any

from rouge_score import rouge_scorer

from summarizer._fields import ITEMS
from summarizer._grounding import ArticleIndex, index_article, is_verbatim
from summarizer._schema import Actor, Briefing, Extraction, Quote, Tension, Usage
from summarizer._text import EDGE_PUNCT
from summarizer.eval._faithful import (
    FUNCTION_WORDS,
    checked_items,
    sentences,
    unreadable,
    unsupported,
)
from summarizer.eval._gold import GoldCase, GoldSummary
from summarizer.eval._names import actor_scores, best_match, resolve
from summarizer.eval._text import (
    coverage,
    mentions,
    overlap_both_ways,
    same_name,
    strip_quote_marks,
    token_f1,
    tokens,
)

Prediction = Extraction | Briefing
Scores = dict[str, float | None]

# One section per item kind that has one (`summarizer._fields.ITEMS`, the table's order),
# then the summary, grounding and cost.
ITEM_SECTIONS: tuple[str, ...] = tuple(k.eval_section for k in ITEMS if k.eval_section)
SECTIONS = (*ITEM_SECTIONS, "summary", "grounding", "cost")
# The sections whose metrics are quality (a change can be noise: bootstrap intervals).
QUALITY_SECTIONS = (*ITEM_SECTIONS, "summary", "grounding", "judge")
QUOTE_THRESHOLDS = (0.3, 0.8)  # coverage both ways, as in the SFU Gender Gap Tracker evaluation
HEADLINE_QUOTE_THRESHOLD = 0.8
EVIDENCE_MIN_COVERAGE = 0.5  # share of the gold evidence's words the predicted evidence covers
EVIDENCE_MAX_SENTENCES = 2  # longer evidence is not evidence of one tension
EVIDENCE_MAX_WORDS = 80
DESCRIPTION_MIN_SIMILARITY = 0.45  # content-word F1 of two descriptions

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
    """Every section's score for one case: ``items`` holds one per `ITEM_SECTIONS`."""

    items: dict[str, SectionScore]
    summary: SectionScore
    grounding: SectionScore
    cost: SectionScore

    def sections(self) -> dict[str, SectionScore]:
        rest = {"summary": self.summary, "grounding": self.grounding, "cost": self.cost}
        return {**self.items, **rest}

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


def _gold_names(gold: GoldCase) -> list[list[str]]:
    return [a.names() for a in gold.actors]


def score_actors(predicted: Sequence[Actor], gold: GoldCase) -> SectionScore:
    """Actor precision, recall, F1 (on names, see `summarizer.eval._names`), type accuracy.

    Each predicted actor is paired with at most one gold actor and each gold actor
    with at most one prediction, best name match first. A prediction whose surest
    names name two different gold actors (two full names) matches neither, while a
    name that fits two (a shared surname, "Mr Smith") is ignored; a lone title or a
    generic word ("President", "House") matches nothing.
    """
    names = _gold_names(gold)
    matrix = [actor_scores(p.names(), names) for p in predicted]
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
    attributed: list[int]  # matched predictions whose speaker is the gold speaker
    required: list[int]

    def scores(self, predicted: int) -> Scores:
        found = [j for j in self.required if j in self.pairs.values()]
        p, r, f1 = prf(predicted, len(self.pairs), len(self.required), len(found))
        right = {self.pairs[i] for i in self.attributed}
        ap, ar, af1 = prf(
            predicted,
            len(self.attributed),
            len(self.required),
            sum(1 for j in found if j in right),
        )
        return {
            "precision": p,
            "recall": r,
            "f1": f1,
            "speaker_accuracy": _accuracy(len(self.attributed), len(self.pairs)),
            "attributed_precision": ap,
            "attributed_recall": ar,
            "attributed_f1": af1,
        }


def speaker_is_right(speaker: str, gold_speaker: str, gold: GoldCase) -> bool:
    """Whether a predicted speaker string names the gold speaker's actor, and only it.

    The string alone is matched (not the predicted actor's aliases), against every
    gold actor's names: it must resolve to the gold speaker's actor, not to another
    one or to several ("Biden" when the gold has Joe and Hunter Biden without that
    alias).
    """
    names = _gold_names(gold)
    actor = gold.find_actor(gold_speaker)
    if actor is None:  # a speaker the gold does not list as an actor: compare names only
        return best_match([speaker], [gold_speaker]) > 0
    return resolve(speaker, names) == gold.actors.index(actor)


def _match_quotes(predicted: Sequence[Quote], gold: GoldCase, threshold: float) -> _QuoteMatch:
    """Match at one threshold, one-to-one.

    Two quotes match when each covers at least ``threshold`` of the other's words
    (`overlap_both_ways`). A prediction that matches a not_quote at least as well as
    any gold quote is a trap hit: unmatched, so a false positive.
    """
    matrix = [[overlap_both_ways(p.text, g.text) for g in gold.quotes] for p in predicted]
    traps = [
        i
        for i, p in enumerate(predicted)
        if (trap := max((overlap_both_ways(p.text, t) for t in gold.not_quotes), default=0.0))
        >= threshold
        and trap >= max(matrix[i], default=0.0)
    ]
    eligible = [[0.0 if i in traps else s for s in row] for i, row in enumerate(matrix)]
    pairs = greedy_match(eligible, threshold)
    attributed = [
        i
        for i, j in pairs.items()
        if speaker_is_right(predicted[i].speaker, gold.quotes[j].speaker, gold)
    ]
    required = [j for j, g in enumerate(gold.quotes) if g.required]
    return _QuoteMatch(pairs, traps, attributed, required)


def score_quotes(predicted: Sequence[Quote], gold: GoldCase) -> SectionScore:
    """Quote detection and attribution at coverage thresholds 0.3 and 0.8.

    A predicted quote matches a gold quote when it covers at least the threshold of
    the gold quote's words **and** the gold quote covers at least the threshold of
    the prediction's words (a paragraph holding a quote is not that quote, nor is a
    three-word fragment of it). Each prediction and each gold quote is used once,
    best overlap first.

    ``precision``/``recall``/``f1``: detection. ``speaker_accuracy``: share of
    matched quotes whose speaker string names the gold speaker's actor (see
    `speaker_is_right`). ``attributed_*``: a quote counts only if it matches **and**
    its speaker is right, the headline figure. Unsuffixed keys are at **0.8**;
    ``*_at_0_3`` and ``*_at_0_8`` give both. ``not_quote_hits``: predictions that
    match a ``not_quotes`` trap (false positives).
    """
    matches = {t: _match_quotes(predicted, gold, t) for t in QUOTE_THRESHOLDS}
    per_threshold = {t: m.scores(len(predicted)) for t, m in matches.items()}
    suffixed = {
        f"{name}_at_{str(t).replace('.', '_')}": value
        for t, scores in per_threshold.items()
        for name, value in scores.items()
    }
    head = matches[HEADLINE_QUOTE_THRESHOLD]
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
            if i not in head.attributed
        ],
    )


# --- tensions -------------------------------------------------------------------------


def _party_index(name: str, gold: GoldCase) -> int | str:
    """A gold party's actor (index), or its own name when the gold lists no such actor."""
    actor = gold.find_actor(name)
    return gold.actors.index(actor) if actor is not None else name


def _parties_score(parties: Sequence[tuple[str, int | None]], wanted: Sequence[int | str]) -> float:
    """Share of parties that agree, or 0 unless **every** gold party is named by a predicted one.

    ``parties`` are the predicted parties with the gold actor each resolves to
    (`summarizer.eval._names.resolve`); ``wanted`` the gold parties' actors, or the
    name of a diffuse party the gold does not list as an actor (matched by name).
    No partial credit: a one-party prediction does not match a two-party tension.
    """
    named: set[int | str | None] = set()
    for party, j in parties:
        named.add(j)
        named.update(w for w in wanted if isinstance(w, str) and best_match([party], [w]) > 0)
    if not all(w in named for w in wanted):
        return 0.0
    return len(wanted) / max(len(parties), len(wanted))


@lru_cache(maxsize=1024)
def evidence_is_valid(evidence: str) -> bool:
    """Whether a predicted evidence span is short enough to state one tension:
    at most two sentences and 80 words (the whole article overlaps everything)."""
    return (
        len(sentences(evidence)) <= EVIDENCE_MAX_SENTENCES
        and len(tokens(evidence)) <= EVIDENCE_MAX_WORDS
    )


def _content_stems(text: str) -> list[str]:
    return [w[:5] for w in tokens(text) if w not in FUNCTION_WORDS]


def description_similarity(a: str, b: str) -> float:
    """F1 of the two descriptions' content words (function words dropped, words cut to
    five letters as a crude stem: "criticised" ~ "criticized"). Both descriptions count
    whole, so one word ("Trump") cannot score high against a sentence: at most 0.4
    against four content words."""
    return token_f1(_content_stems(a), _content_stems(b))


def _text_score(pred: Tension, evidence: str, description: str) -> float:
    """Evidence coverage or description similarity, whichever clears its bar (0 if neither)."""
    overlap = coverage(pred.evidence, evidence)[0] if evidence_is_valid(pred.evidence) else 0.0
    similar = description_similarity(pred.description, description)
    return max(
        overlap if overlap >= EVIDENCE_MIN_COVERAGE else 0.0,
        similar if similar >= DESCRIPTION_MIN_SIMILARITY else 0.0,
    )


def _tension_label(parties: Sequence[str], description: str) -> str:
    return f"{' / '.join(parties)}: {description}"


def score_tensions(predicted: Sequence[Tension], gold: GoldCase) -> SectionScore:
    """Tension precision, recall and F1, one-to-one.

    A predicted tension matches a gold one when every gold party is named by one of
    its parties (`_parties_score`) **and** either its evidence is valid (at most two
    sentences, 80 words) and covers at least half of the gold evidence's words, or
    its description is similar (`description_similarity` >= 0.45).
    """
    names = _gold_names(gold)
    wanted = [[_party_index(party, gold) for party in g.parties] for g in gold.tensions]
    resolved: dict[str, int | None] = {}
    matrix = []
    for p in predicted:
        row = []
        for x in p.parties:
            if x not in resolved:
                resolved[x] = resolve(x, names)
        mine = [(x, resolved[x]) for x in p.parties]
        for g, parties_wanted in zip(gold.tensions, wanted, strict=True):
            parties = _parties_score(mine, parties_wanted)
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


def score_summary(summary: str, gold: GoldSummary, article_text: str | None = None) -> SectionScore:
    """must_mention / should_mention coverage, readability, facts supported, ROUGE, length.

    ``readable`` is 1.0 when the summary is a text of sentences within
    ``max_words`` (`summarizer.eval._faithful.unreadable`); an unreadable summary
    earns **no** must/should-mention credit (a keyword list or the whole article
    mentions everything). ``facts_supported``: share of the summary's named
    entities, numbers and dates found in the article (1.0 when it has none; only
    with ``article_text``); the unsupported ones are listed under ``wrong``.
    Coverage is 1.0 when the gold lists no facts. ROUGE uses rouge-score with
    Porter stemming against ``gold.reference``; an empty summary scores 0.
    ``within_max_words`` is 1.0 or 0.0 (1.0 when the gold sets no limit).
    """
    summary_tokens = tokens(summary)
    problem = unreadable(summary, gold.max_words)
    if problem is not None and summary.strip():
        summary_tokens = ()
    must, missed_must = _coverage(summary_tokens, gold.must_mention)
    should, _ = _coverage(summary_tokens, gold.should_mention)
    words = len(summary.split())
    rouge: dict[str, Any] = _rouge().score(gold.reference, summary) if summary.strip() else {}

    def fmeasure(key: str) -> float:
        return float(rouge[key].fmeasure) if key in rouge else 0.0

    scores: Scores = {
        "must_mention": must,
        "should_mention": should,
        "readable": float(problem is None),
    }
    wrong = [f"not readable: {problem}"] if problem is not None and summary.strip() else []
    if article_text is not None:
        missing = unsupported(summary, article_text)
        checked = len(checked_items(summary))
        scores["facts_supported"] = 1.0 - len(missing) / checked if checked else 1.0
        wrong += [f"not in the article: {item}" for item in missing]
    scores |= {
        "rouge_1": fmeasure("rouge1"),
        "rouge_2": fmeasure("rouge2"),
        "rouge_l": fmeasure("rougeL"),
        "words": float(words),
        "within_max_words": float(gold.max_words is None or words <= gold.max_words),
    }
    return SectionScore(scores=scores, missed=missed_must, wrong=wrong)


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
        items={
            kind.eval_section: ITEM_SCORERS[kind.eval_section](getattr(pred, kind.field), gold)
            for kind in ITEMS
            if kind.eval_section
        },
        summary=score_summary(pred.summary, gold.summary, article_text),
        grounding=score_grounding(prediction, article_text),
        cost=score_cost(usage or Usage(), latency_s or 0.0, failed=prediction is None),
    )


# How each item kind's eval section is scored; a kind the table gives an eval section
# needs its scorer here (tests/test_fields.py checks every one has one).
ITEM_SCORERS: dict[str, Callable[[Any, GoldCase], SectionScore]] = {
    "actors": score_actors,
    "quotes": score_quotes,
    "tensions": score_tensions,
}


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
