"""PolNeAR direct quotes: load the corpus, place predicted quotes in the text, score them.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attribution relations
(source, cue, content) in US political news with character offsets. Only the
primary annotator's relations are used. Gold, per article:

- **direct quotes** (content opens with a quotation mark): required, counted by
  recall. A quote the article breaks with its attribution ("X," he said. "Y.")
  is one relation with several content spans;
- **partial quotes** (a quoted fragment inside a paraphrase): allowed, not
  required, as ANNOTATION.md treats them: a prediction that lies inside one is
  not a false positive (``precision_strict`` counts it as one);
- the **speaker** is the source *mention* ("the influential US daily", "he");
  PolNeAR has no coreference, so pronoun speakers are scored apart.

Matching follows the SFU Gender Gap Tracker evaluation (Asr et al. 2021,
``evaluate_quotes.py``): a gold quote is found when the predicted text covers
more than a threshold (0.3, 0.8) of its characters (asymmetric: the gold is the
reference), counting letters and digits only so quotation marks and commas do
not matter. Because ANNOTATION.md asks for one quote per contiguous span, every
prediction is first assigned to the gold quote it overlaps most, and the
predictions assigned to one gold quote are pooled. P/R/F1 are micro-averaged
over all articles, as in the GGT script.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer._schema import Actor, Quote
from summarizer._text import normalize
from summarizer.eval._jsonl import read_jsonl
from summarizer.eval._metrics import _pred_names
from summarizer.eval._text import names_score, tokens

THRESHOLDS = (0.3, 0.8)
SPLITS = ("dev", "test", "train")
# The train split shipped in ../shared is a stratified sample of 200 of its 840 articles.
_FILES = {"train": "polnear_train_sample200.jsonl"}
# Leading titles dropped from a gold mention before matching it against a name
# ("Mr. Steele" ~ "Michael Steele").
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "president",
        "gen",
        "prof",
        "rev",
    ]
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "i", "we", "who", "you", "him", "her", "them"])
_EDGE = " \t\n\"'.,;:!?…"


@dataclass(frozen=True)
class GoldQuote:
    """One attribution's quoted content: its letters/digits positions and its speaker mention."""

    chars: frozenset[int]
    text: str
    direct: bool  # False: a partial quote (allowed, not required)
    speaker: str | None  # the source mention; None when the relation has no source
    pronoun: bool
    antecedent: str | None = None  # pronoun speakers: nearest preceding named source


@dataclass(frozen=True)
class PolnearArticle:
    """One article of a PolNeAR split, with its gold quotes."""

    id: str
    text: str
    quotes: tuple[GoldQuote, ...]

    @property
    def direct(self) -> list[GoldQuote]:
        return [q for q in self.quotes if q.direct]


@dataclass(frozen=True)
class PredictedQuote:
    """A system's quote placed in the article: letters/digits positions, speaker names."""

    chars: frozenset[int]
    speaker_names: tuple[str, ...]
    text: str = ""


# --- loading ----------------------------------------------------------------------------


def polnear_file(data_dir: Path, split: str) -> Path:
    """The JSONL file of a split (``dev``, ``test`` or ``train``: its 200-article sample)."""
    if split not in SPLITS:
        raise ValueError(f"PolNeAR split must be one of {', '.join(SPLITS)}, not {split!r}")
    return data_dir / "polnear" / _FILES.get(split, f"polnear_{split}.jsonl")


def load_polnear(path: Path, limit: int | None = None) -> list[PolnearArticle]:
    """Articles of a PolNeAR JSONL file (see its SOURCE.md), the first ``limit`` if given."""
    return [parse_record(record) for record in read_jsonl(path, limit)]


def parse_record(record: Mapping[str, Any]) -> PolnearArticle:
    """One JSONL record: the primary annotator's direct and partial quotes."""
    text = record["text"]
    relations = record["annotations"].get(record["primary_annotator"], [])
    named_sources = sorted(
        (span["start"], _span_text(rel["source"]))
        for rel in relations
        if rel.get("has_source") and rel["source"] and not rel.get("source_is_pronoun")
        for span in rel["source"][:1]
    )
    quotes = []
    for rel in relations:
        if rel.get("quote_type") not in ("direct", "partial"):
            continue
        spans = [(s["start"], s["end"]) for s in rel["content"]]
        has_source = bool(rel.get("has_source") and rel["source"])
        pronoun = bool(rel.get("source_is_pronoun")) and has_source
        antecedent = None
        if pronoun:
            start = rel["source"][0]["start"]
            before = [name for at, name in named_sources if at < start]
            antecedent = before[-1] if before else None
        quotes.append(
            GoldQuote(
                chars=alnum_positions(text, spans),
                text=" ".join(text[a:b] for a, b in spans),
                direct=rel["quote_type"] == "direct",
                speaker=_span_text(rel["source"]) if has_source else None,
                pronoun=pronoun,
                antecedent=antecedent,
            )
        )
    return PolnearArticle(id=record["id"], text=text, quotes=tuple(quotes))


def _span_text(spans: Sequence[Mapping[str, Any]]) -> str:
    return " ".join(str(s["text"]) for s in spans)


def alnum_positions(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Positions of the letters and digits of ``text`` inside ``spans``."""
    return frozenset(i for a, b in spans for i in range(a, min(b, len(text))) if text[i].isalnum())


# --- placing predictions ----------------------------------------------------------------


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` lower-cased with quote characters folded and white space collapsed,
    and for each character of the result the index of the original character."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(text):
        for c in " " if ch.isspace() else normalize(ch).lower():
            if c.isspace():
                if space:
                    continue
                c, space = " ", True
            else:
                space = False
            out.append(c)
            where.append(i)
    return "".join(out), where


def locate(text: str, quotes: Sequence[Quote], actors: Sequence[Actor]) -> list[PredictedQuote]:
    """Place a briefing's quotes in the original article text.

    Each quote's text (quotation marks and edge punctuation stripped, quote
    characters and white space normalised, case ignored) is looked up in order;
    a repeated text takes the next occurrence. A quote not found gets no
    positions, so it can only be a false positive.
    """
    folded, where = _folded(text)
    taken: set[int] = set()
    placed = []
    for quote in quotes:
        needle = normalize(quote.text).lower().strip(_EDGE)
        chars: frozenset[int] = frozenset()
        start = folded.find(needle) if needle else -1
        while start != -1 and start in taken:
            start = folded.find(needle, start + 1)
        if start != -1:
            taken.add(start)
            end = where[start + len(needle) - 1] + 1
            chars = alnum_positions(text, [(where[start], end)])
        names = tuple(_pred_names(quote.speaker, actors)) if quote.speaker else ()
        placed.append(PredictedQuote(chars=chars, speaker_names=names, text=quote.text))
    return placed


# --- scoring ----------------------------------------------------------------------------


@dataclass
class _Counts:
    predicted: int = 0
    correct: int = 0  # predictions pooled into a found direct quote, or inside a partial one
    correct_strict: int = 0  # ... into a found direct quote only
    gold: int = 0
    found: int = 0
    named: int = 0
    named_right: int = 0
    pronoun: int = 0
    pronoun_right: int = 0

    def add(self, other: _Counts) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def speaker_matches(names: Sequence[str], mention: str) -> bool:
    """Whether a predicted speaker (name and aliases) names the gold mention.

    Alias-aware both ways, with `names_score`: the predicted name is a sub-span
    of the mention ("Chris Low" ~ "Chris Low at FTN Financial") or the mention,
    leading titles dropped, is a sub-span of a predicted name ("Mr. Trump" ~
    "Donald Trump").
    """
    if not names:
        return False
    if names_score(names, [mention]) > 0:
        return True
    words = list(tokens(mention))
    while len(words) > 1 and words[0] in _HONORIFICS | {"the"}:
        words = words[1:]
    return names_score([" ".join(words)], names) > 0


def is_pronoun(mention: str) -> bool:
    """Whether a speaker mention is a bare pronoun ("he", "She", "who")."""
    return tokens(mention) in {(p,) for p in _PRONOUNS}


def _assign(gold: Sequence[GoldQuote], preds: Sequence[PredictedQuote]) -> dict[int, list[int]]:
    """Each prediction to the gold quote it overlaps most (none if it overlaps none)."""
    groups: dict[int, list[int]] = {}
    for i, pred in enumerate(preds):
        overlaps = [len(pred.chars & g.chars) for g in gold]
        if overlaps and max(overlaps) > 0:
            groups.setdefault(overlaps.index(max(overlaps)), []).append(i)
    return groups


def score_article(
    article: PolnearArticle, preds: Sequence[PredictedQuote], threshold: float
) -> _Counts:
    """Counts for one article at one threshold (see the module docstring)."""
    counts = _Counts(predicted=len(preds), gold=len(article.direct))
    for j, members in _assign(article.quotes, preds).items():
        gold = article.quotes[j]
        if not gold.direct:
            counts.correct += sum(
                len(preds[i].chars & gold.chars) / len(preds[i].chars) > threshold for i in members
            )
            continue
        covered: set[int] = set()
        useful = []  # a prediction adding nothing to the pool is a duplicate
        for i in sorted(members, key=lambda i: -len(preds[i].chars & gold.chars)):
            new = (preds[i].chars & gold.chars) - covered
            if new:
                useful.append(i)
                covered |= new
        if not gold.chars or len(covered) / len(gold.chars) <= threshold:
            continue
        counts.found += 1
        counts.correct += len(useful)
        counts.correct_strict += len(useful)
        _score_speaker(counts, gold, preds[useful[0]])
    return counts


def _score_speaker(counts: _Counts, gold: GoldQuote, pred: PredictedQuote) -> None:
    if gold.speaker is None:
        return
    if not gold.pronoun and not is_pronoun(gold.speaker):
        counts.named += 1
        counts.named_right += speaker_matches(pred.speaker_names, gold.speaker)
    elif gold.antecedent is not None:
        counts.pronoun += 1
        counts.pronoun_right += speaker_matches(pred.speaker_names, gold.antecedent)


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def score_polnear(
    articles: Sequence[PolnearArticle], predictions: Mapping[str, Sequence[PredictedQuote]]
) -> dict[str, float | None]:
    """Micro-averaged quote P/R/F1 and speaker accuracy at each threshold.

    Keys end in ``_0_3`` / ``_0_8``: ``precision``, ``precision_strict``,
    ``recall``, ``f1``, ``speaker_named`` (accuracy on found quotes whose gold
    speaker is a name or description), ``speaker_pronoun`` (on found quotes whose
    gold speaker is a pronoun, against the nearest preceding non-pronoun source
    mention: a heuristic), ``named``/``pronoun`` (how many such quotes); plus
    ``predicted`` and ``gold`` counts. An article missing from ``predictions``
    has predicted nothing.
    """
    out: dict[str, float | None] = {}
    for t in THRESHOLDS:
        total = _Counts()
        for article in articles:
            total.add(score_article(article, predictions.get(article.id, ()), t))
        key = str(t).replace(".", "_")
        precision = _ratio(total.correct, total.predicted)
        recall = _ratio(total.found, total.gold)
        out |= {
            f"precision_{key}": precision,
            f"precision_strict_{key}": _ratio(total.correct_strict, total.predicted),
            f"recall_{key}": recall,
            f"f1_{key}": _f1(precision, recall),
            f"speaker_named_{key}": _ratio(total.named_right, total.named),
            f"speaker_pronoun_{key}": _ratio(total.pronoun_right, total.pronoun),
            f"named_{key}": float(total.named),
            f"pronoun_{key}": float(total.pronoun),
        }
        out["predicted"], out["gold"] = float(total.predicted), float(total.gold)
    return out


_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-empty lines of ``text`` with their start offsets (for peers that work per paragraph)."""
    return [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]
