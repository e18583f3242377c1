"""The one helper the offline actor tests share: the rules run on a few invented paragraphs."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Actor
from summarizer.backends.offline._extract import extract_offline


def offline_actors(*paragraphs: str) -> list[Actor]:
    """The offline backend's actors for an article made of ``paragraphs``."""
    return extract_offline(CleanArticle(paragraphs=list(paragraphs))).actors
