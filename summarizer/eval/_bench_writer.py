"""Writer summaries: ROUGE of the briefing summary against freelance writers' summaries.

The references come from Zhang et al., "Benchmarking Large Language Models for
News Summarization" (TACL 2024): 109 CNN/DM and XSum articles, each with one to
four summaries written by hired writers. A summary is scored against the
best-matching reference (rouge-score's ``score_multi``: per ROUGE variant, the
reference with the highest F-measure), with Porter stemming as in the suite
metrics, and the F-measures are averaged over articles. Rows computed in the
same run give context: Lead-3 (the first three sentences) and the writers
themselves (each writer summary against the other writers', leave-one-out).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from summarizer.eval._jsonl import read_jsonl
from summarizer.eval._metrics import _rouge

ROUGE_KEYS = {"rouge_1": "rouge1", "rouge_2": "rouge2", "rouge_l": "rougeL"}

# A sentence ends at . ! or ? (closing quotes/brackets may follow) before white space
# and a capital, digit or opening quote; a known abbreviation or an initial is no end.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "st",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "ltd",
        "vs",
        "u.s",
        "u.k",
        "u.n",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
    ]
)


@dataclass(frozen=True)
class WriterArticle:
    """One article and its writer summaries."""

    id: str
    text: str
    references: tuple[str, ...]


def writer_file(data_dir: Path) -> Path:
    return data_dir / "llm_news_summ_writer_summaries" / "writer_summaries_by_article.jsonl"


def load_writer(path: Path, limit: int | None = None) -> list[WriterArticle]:
    """Articles of ``writer_summaries_by_article.jsonl``, the first ``limit`` if given."""
    return [
        WriterArticle(r["article_id"], r["article"], tuple(r["writer_summaries"]))
        for r in read_jsonl(path, limit)
    ]


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, paragraph by paragraph (a light rule-based splitter)."""
    out: list[str] = []
    for para in text.splitlines():
        pieces = [p for p in _BOUNDARY.split(para.strip()) if p]
        merged: list[str] = []
        for piece in pieces:
            last = merged[-1].split()[-1].rstrip(".").lower() if merged else ""
            if merged and (last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last)):
                merged[-1] = f"{merged[-1]} {piece}"
            else:
                merged.append(piece)
        out += merged
    return out


def lead3(text: str) -> str:
    """The first three sentences of an article: the classic news-summary baseline."""
    return " ".join(sentences(text)[:3])


def rouge_best(summary: str, references: Sequence[str]) -> dict[str, float]:
    """ROUGE-1/2/L F-measure against the best-matching reference (0 for an empty summary)."""
    if not summary.strip() or not references:
        return dict.fromkeys(ROUGE_KEYS, 0.0)
    scores = _rouge().score_multi(list(references), summary)
    return {key: float(scores[name].fmeasure) for key, name in ROUGE_KEYS.items()}


def score_summaries(
    articles: Sequence[WriterArticle], summaries: Mapping[str, str]
) -> dict[str, float | None]:
    """Mean ROUGE-1/2/L over articles and mean summary ``words`` (a missing summary is empty)."""
    per_article = [rouge_best(summaries.get(a.id, ""), a.references) for a in articles]
    out: dict[str, float | None] = {
        key: fmean(s[key] for s in per_article) if per_article else None for key in ROUGE_KEYS
    }
    words = [len(summaries.get(a.id, "").split()) for a in articles]
    out["words"] = fmean(words) if words else None
    return out


def score_writers(articles: Sequence[WriterArticle]) -> dict[str, float | None]:
    """Each writer summary against the article's other writer summaries.

    Averaged over an article's writers, then over articles; articles with a single
    writer summary are left out (``articles`` counts the rest).
    """
    per_article: list[dict[str, float]] = []
    words: list[float] = []
    for article in articles:
        refs = article.references
        if len(refs) < 2:
            continue
        scores = [rouge_best(s, refs[:i] + refs[i + 1 :]) for i, s in enumerate(refs)]
        per_article.append({key: fmean(s[key] for s in scores) for key in ROUGE_KEYS})
        words.append(fmean(len(s.split()) for s in refs))
    out: dict[str, float | None] = {
        key: fmean(s[key] for s in per_article) if per_article else None for key in ROUGE_KEYS
    }
    out["words"] = fmean(words) if words else None
    out["articles"] = float(len(per_article))
    return out
