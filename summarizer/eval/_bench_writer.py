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

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from summarizer._text import paragraph_sentences
from summarizer.eval._jsonl import read_jsonl
from summarizer.eval._metrics import _rouge

ROUGE_KEYS = {"rouge_1": "rouge1", "rouge_2": "rouge2", "rouge_l": "rougeL"}


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


def lead3(text: str) -> str:
    """The first three sentences of an article: the classic news-summary baseline."""
    return " ".join(paragraph_sentences(text)[:3])


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
