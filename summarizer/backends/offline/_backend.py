"""The offline rules as a `Backend`."""

from __future__ import annotations

import asyncio

from summarizer._schema import Extraction, PromptInfo, Usage
from summarizer.backends._base import Calls
from summarizer.infra._settings import OFFLINE
from summarizer.input._cleaning import CleanArticle


class OfflineBackend:
    """Deterministic rules, no network, no model: free, so neither chunked nor cached."""

    model = OFFLINE
    prompt = PromptInfo(id="offline-rules", version="1", sha256="-")
    max_article_tokens: int | None = None
    cacheable = False  # the rules are cheaper than a lookup

    def extract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        return extract_offline(article), Usage()

    async def aextract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        return await asyncio.to_thread(self.extract, article, calls)


def extract_offline(article: CleanArticle) -> Extraction:
    """The rules (`offline._extract`), imported on first use: their patterns cost ~50 ms of
    CPU to compile, which a run with a model never needs (this module is imported for the
    registry of backend names)."""
    from summarizer.backends.offline._extract import extract_offline as rules

    return rules(article)
