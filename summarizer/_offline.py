"""The offline backend: deterministic rules, no network, no model (placeholder)."""

from __future__ import annotations

from summarizer._cleaning import CleanArticle
from summarizer._schema import Extraction


def extract_offline(article: CleanArticle) -> Extraction:
    """Rule-based extraction of one cleaned article."""
    lead = " ".join(article.paragraphs[:2])
    return Extraction(summary=lead, actors=[], tensions=[], quotes=[])
