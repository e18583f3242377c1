"""`Summarizer`: raw article text in, a validated, grounded `Briefing` out.

The pipeline only: clean → (cache) → backend (per chunk of a long article) → merge →
ground → briefing. Which backend reads the article (`summarizer.backends`) is decided
once, when the summariser is built.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Coroutine
from typing import Any, TypeVar

from summarizer import _chunking
from summarizer._errors import GroundingError, InputError
from summarizer._grounding import ground
from summarizer._schema import Briefing, Extraction, PromptInfo, Rejection, Usage
from summarizer.backends import Backend, Calls, backend_for
from summarizer.infra._cache import Cache
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._records import CallHook
from summarizer.infra._settings import OFFLINE, Settings, load_settings
from summarizer.input._cleaning import CleanArticle, clean_article
from summarizer.input._html import looks_like_html

MAX_INPUT_CHARS = 400_000  # of article text (plain text as given; a page's cleaned text)
# Raw HTML may be much larger than its article (inline images, scripts, styles): its own cap,
# the same as the most a file or download is read (`input._read.MAX_FILE_BYTES`).
MAX_PAGE_CHARS = 5_000_000
_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # below space, not \t \n \r
_T = TypeVar("_T")


def check_type(raw: object) -> None:
    """`TypeError` naming what was expected when ``raw`` is not the article's text (a str)."""
    if isinstance(raw, str):
        return
    if isinstance(raw, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"pass the article text as str, not {type(raw).__name__}: decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise TypeError(f"pass the article text as str, not {type(raw).__name__}")


def check_input(raw: str, html: bool | None = None) -> None:
    """Reject input no briefing can be made of, saying what is wrong."""
    check_type(raw)
    if not raw or not raw.strip():
        raise InputError("the article is empty; pass the text of a news article")
    if "\x00" in raw[:10_000] or len(_CONTROL_CHARS.findall(raw, 0, 4096)) > 40:
        raise InputError("the input looks like binary data, not article text")
    if not _WORD.search(raw):  # only quotation marks, dashes, punctuation...
        raise InputError("the article has no text (no letters or digits)")
    if html is None:
        html = looks_like_html(raw)
    if html and len(raw) > MAX_PAGE_CHARS:
        raise InputError(
            f"the page is {len(raw):,} characters; the limit is {MAX_PAGE_CHARS:,}. "
            "Pass the article's page only"
        )
    if not html and len(raw) > MAX_INPUT_CHARS:
        raise InputError(
            f"the article is {len(raw):,} characters; the limit is {MAX_INPUT_CHARS:,}. "
            "Pass the article body only"
        )


def check_cleaned(article: CleanArticle) -> None:
    """The text limit, on the text the model would see (a page's markup does not count)."""
    if len(article.text) > MAX_INPUT_CHARS:
        raise InputError(
            f"the article text is {len(article.text):,} characters after cleaning; the limit "
            f"is {MAX_INPUT_CHARS:,}. Pass one article"
        )


class Summarizer:
    """Turns news articles into grounded briefings.

    With no model and no API key configured it runs the deterministic ``offline``
    backend; otherwise it calls an OpenAI-compatible endpoint through instructor, or
    the ``backend`` you pass (see `summarizer.backends.Backend`). Every argument left
    as ``None`` falls back to the environment, then ``.env``, then the default (see
    ``.env.example``).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        client: Any = None,
        backend: Backend | None = None,
        mode: str | None = None,
        max_reasks: int | None = None,
        strict: bool | None = None,
        grounding: bool | None = None,
        on_call: CallHook | None = None,
        cache: Cache | None = None,
        limiter: RateLimiter | None = None,
        **settings: Any,
    ) -> None:
        self.settings: Settings = load_settings(
            model=model,
            base_url=base_url,
            api_key=api_key,
            mode=mode,
            max_reasks=max_reasks,
            strict=strict,
            grounding=grounding,
            **settings,
        )
        if client is not None and self.settings.model is None:
            self.settings = self.settings.model_copy(update={"model": "gpt-4.1-mini"})
        self.backend: Backend = backend or backend_for(self.settings, client)
        self.model = self.backend.model
        self._on_call = on_call
        self.limiter = limiter  # shared by every HTTP attempt: retries, re-asks, chunks
        self.cache = cache

    @classmethod
    def from_settings(cls, settings: Settings, **objects: Any) -> Summarizer:
        """A summariser with exactly ``settings`` (e.g. another one's ``.settings``).

        ``objects`` are the non-setting arguments: ``client``, ``backend``, ``on_call``,
        ``cache``, ``limiter``. Used to rebuild a summariser in a worker process.
        """
        return cls(**settings.model_dump(), **objects)

    def __repr__(self) -> str:
        where = self.settings.base_url or ("offline" if self.offline else "openai")
        return f"Summarizer(model={self.model!r}, endpoint={where!r}, mode={self.settings.mode!r})"

    @property
    def offline(self) -> bool:
        """Whether the offline rules read the articles (no model, no network)."""
        return self.model == OFFLINE

    @property
    def prompt(self) -> PromptInfo:
        """Id, version and hash of the prompt this summariser sends."""
        return self.backend.prompt

    # --- public API ----------------------------------------------------------

    def summarize(self, raw_text: str, *, html: bool | None = None) -> Briefing:
        """Clean ``raw_text`` (scraped text or HTML) and return its grounded briefing."""
        article = self.prepare(raw_text, html=html)
        return self.summarize_article(article)

    async def asummarize(self, raw_text: str, *, html: bool | None = None) -> Briefing:
        """Async twin of `summarize`."""
        article = self.prepare(raw_text, html=html)
        return await self.asummarize_article(article)

    def prepare(self, raw_text: str, *, html: bool | None = None) -> CleanArticle:
        """Validate and clean the input; raise `InputError` when nothing usable is left."""
        check_input(raw_text, html)
        article = clean_article(raw_text, html=html)
        check_cleaned(article)
        if not article.paragraphs:
            raise InputError("no article text left after cleaning (was it only page furniture?)")
        if not _WORD.search(article.text):  # only quotation marks, dashes, punctuation...
            raise InputError("the article has no text (no letters or digits)")
        return article

    def summarize_article(self, article: CleanArticle) -> Briefing:
        """Briefing of an already-cleaned article."""
        started = time.monotonic()
        key, cached = self._cache_lookup(article)
        if cached is not None:
            return cached
        chunks = self._chunks(article)
        calls = self._calls()  # max_tokens_per_article covers every chunk
        parts = [self.backend.extract(chunk, calls) for chunk in chunks]
        return self._cache_store(key, self._merge(parts, article, started, len(chunks)))

    async def asummarize_article(self, article: CleanArticle) -> Briefing:
        """Async twin of `summarize_article`: the chunks of a long article run concurrently."""
        started = time.monotonic()
        key, cached = self._cache_lookup(article)
        if cached is not None:
            return cached
        chunks = self._chunks(article)
        calls = self._calls()
        parts = await _all([self.backend.aextract(chunk, calls) for chunk in chunks])
        return self._cache_store(key, self._merge(parts, article, started, len(chunks)))

    # --- internals -----------------------------------------------------------

    def _chunks(self, article: CleanArticle) -> list[CleanArticle]:
        limit = self.backend.max_article_tokens
        return [article] if limit is None else _chunking.split_article(article, limit)

    def _calls(self) -> Calls:
        return Calls(on_call=self._on_call, limiter=self.limiter)

    def _merge(
        self,
        parts: list[tuple[Extraction, Usage]],
        article: CleanArticle,
        started: float,
        chunks: int,
    ) -> Briefing:
        extraction, usage = _chunking.merge_parts(parts)
        return self._finish(extraction, article, usage, started, chunks=chunks)

    def _cache_lookup(self, article: CleanArticle) -> tuple[str | None, Briefing | None]:
        if self.cache is None or not self.backend.cacheable:
            return None, None
        return self.cache.lookup(
            article, model=self.model, prompt=self.prompt, settings=self.settings
        )

    def _cache_store(self, key: str | None, briefing: Briefing) -> Briefing:
        if self.cache is not None and key is not None:
            self.cache.put(key, briefing)
        return briefing

    def _finish(
        self,
        extraction: Extraction,
        article: CleanArticle,
        usage: Usage,
        started: float,
        *,
        chunks: int = 1,
    ) -> Briefing:
        """Ground the extraction against the whole article and make the briefing."""
        rejected: list[Rejection] = list(extraction._salvage_rejected)
        if self.settings.grounding:
            extraction, ungrounded = ground(extraction, article.text)
            rejected += ungrounded
            if rejected and self.settings.strict:
                raise GroundingError(
                    f"{len(rejected)} ungrounded item(s) after re-asks: {rejected[0].reason}",
                    rejected=rejected,
                    usage=usage,
                )
        usage = usage.model_copy(update={"reasks": max(0, usage.calls - chunks)})
        return Briefing(
            **extraction.model_dump(),
            article=article.meta(),
            model=self.model,
            prompt=self.prompt,
            usage=usage,
            rejected=rejected,
            grounding=self.settings.grounding,
            latency_s=round(time.monotonic() - started, 3),
        )


async def _all(coroutines: list[Coroutine[Any, Any, _T]]) -> list[_T]:
    """Run concurrently (the chunks of a long article); the first error cancels the rest."""
    tasks = [asyncio.ensure_future(c) for c in coroutines]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        raise


def summarize(raw_text: str, **kwargs: Any) -> Briefing:
    """One-shot helper: ``Summarizer(**kwargs).summarize(raw_text)``."""
    return Summarizer(**kwargs).summarize(raw_text)
