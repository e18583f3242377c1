"""The one seam between the pipeline and whatever reads the article: `Backend`.

A backend turns one cleaned article (or one chunk of a long one) into an `Extraction`
and the tokens that cost. The pipeline (`Summarizer`) does everything around it:
cleaning, the cache, chunking and merging, grounding, the briefing. It never asks which
backend it holds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

from summarizer._schema import Extraction, PromptInfo, Usage
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._records import CallHook, CallRecord
from summarizer.input._cleaning import CleanArticle


@dataclass
class Calls:
    """What every call made for one article shares: a hook that sees each attempt (the
    call log), the run's rate limiter, and the tokens spent so far on the article (the
    chunks of a long one share ``max_tokens_per_article`` and ``max_article_seconds``)."""

    on_call: CallHook | None = None
    limiter: RateLimiter | None = None
    spent: Usage = field(default_factory=Usage)
    started: float = field(default_factory=time.monotonic)  # max_article_seconds counts from here

    def record(self, record: CallRecord) -> None:
        """Report one attempt to the hook, if any."""
        if self.on_call is not None:
            self.on_call(record)


class Backend(Protocol):
    """Reads a cleaned article and returns its extraction (not yet grounded) and usage.

    ``model`` and ``prompt`` are recorded on every briefing and are part of the cache
    key; a body longer than ``max_article_tokens`` (estimated) is split into chunks
    first (``None``: never split); ``cacheable`` says whether a cache lookup is worth
    it. Raise a `SummarizerError` for what went wrong; put items dropped for not fitting
    the schema in ``extraction._salvage_rejected`` so the briefing lists them.
    """

    @property
    def model(self) -> str: ...

    @property
    def prompt(self) -> PromptInfo: ...

    @property
    def max_article_tokens(self) -> int | None: ...

    @property
    def cacheable(self) -> bool: ...

    def extract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]: ...

    async def aextract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]: ...
