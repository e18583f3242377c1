"""The offline rules as a `Backend`."""

from __future__ import annotations

import asyncio

from summarizer._schema import Extraction, PromptInfo, Usage
from summarizer.backends._base import Calls
from summarizer.infra._settings import OFFLINE
from summarizer.input._cleaning import CleanArticle


class OfflineBackend:
    """Deterministic rules, no network, no model: free, so neither chunked nor cached.

    With ``ner=True`` (setting ``SUMMARIZER_NER``), spaCy's small English model adds the
    organisations the rules miss (`offline._ner`); it needs ``pip install 'summarizer[ner]'``.
    """

    model = OFFLINE
    max_article_tokens: int | None = None
    cacheable = False  # the rules are cheaper than a lookup

    def __init__(self, *, ner: bool = False) -> None:
        if ner:
            from summarizer.backends.offline._ner import check_ner

            check_ner()  # a missing extra fails here, not on the first article
        self.ner = ner
        # Recorded with every output, so a briefing says whether the model took part.
        self.prompt = PromptInfo(
            id="offline-rules+ner" if ner else "offline-rules", version="1", sha256="-"
        )

    def extract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        extraction = extract_offline(article)
        if self.ner:
            from summarizer.backends.offline._ner import add_entity_orgs

            extraction = add_entity_orgs(article.text, extraction)
        return extraction, Usage()

    async def aextract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        return await asyncio.to_thread(self.extract, article, calls)


def extract_offline(article: CleanArticle) -> Extraction:
    """The rules (`offline._extract`), imported on first use: their patterns cost ~50 ms of
    CPU to compile, which a run with a model never needs (this module is imported for the
    registry of backend names)."""
    from summarizer.backends.offline._extract import extract_offline as rules

    return rules(article)
