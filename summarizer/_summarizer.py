"""`Summarizer`: raw article text in, a validated, grounded `Briefing` out."""

from __future__ import annotations

import asyncio
import functools
import re
import ssl
import time
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import ValidationError

from summarizer import _chunking
from summarizer._errors import GroundingError, InputError, OutputError
from summarizer._grounding import ground
from summarizer._prompts import PromptTemplate, load_prompt
from summarizer._schema import (
    Briefing,
    Extraction,
    PromptInfo,
    Rejection,
    Usage,
    grounding_context,
)
from summarizer.backends.offline._extract import extract_offline
from summarizer.infra._cache import Cache
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._settings import OFFLINE, Settings, load_settings
from summarizer.input._cleaning import CleanArticle, clean_article
from summarizer.input._html import looks_like_html

if TYPE_CHECKING:
    import instructor
    import openai

    from summarizer.backends import _openai, _strategies

# The openai SDK, instructor and the backend built on them are imported where a model is
# called, not here: `import openai` alone costs ~1 s of CPU, which the offline backend and
# `summarizer --help` never need.

MAX_INPUT_CHARS = 400_000  # of article text (plain text as given; a page's cleaned text)
# Raw HTML may be much larger than its article (inline images, scripts, styles): its own cap,
# the same as the most a file or download is read (`input._read.MAX_FILE_BYTES`).
MAX_PAGE_CHARS = 5_000_000
_WORD = re.compile(r"[^\W_]")  # a letter or a digit, in any script
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # below space, not \t \n \r
_T = TypeVar("_T")
_OFFLINE_PROMPT = PromptInfo(id="offline-rules", version="1", sha256="-")


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
    backend; otherwise it calls an OpenAI-compatible endpoint through instructor.
    Every argument left as ``None`` falls back to the environment, then ``.env``,
    then the default (see ``.env.example``).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        client: openai.OpenAI | openai.AsyncOpenAI | None = None,
        mode: str | None = None,
        max_reasks: int | None = None,
        strict: bool | None = None,
        grounding: bool | None = None,
        on_call: _openai.CallHook | None = None,
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
        self.model = self.settings.resolved_model
        self.offline = self.settings.offline and client is None
        self._client = client
        self._on_call = on_call
        self.limiter = limiter  # shared by every HTTP attempt: retries, re-asks, chunks
        self.cache = cache  # LLM briefings only: the offline rules are cheaper than a lookup
        self._prompt: PromptTemplate | None = None
        if not self.offline:
            if client is None:
                self.settings.check_llm()
            self._prompt = load_prompt(self.settings.prompt_name, self.settings.prompt_version)

    @classmethod
    def from_settings(cls, settings: Settings, **objects: Any) -> Summarizer:
        """A summariser with exactly ``settings`` (e.g. another one's ``.settings``).

        ``objects`` are the non-setting arguments: ``client``, ``on_call``, ``cache``,
        ``limiter``. Used to rebuild a summariser in a worker process.
        """
        return cls(**settings.model_dump(), **objects)

    def __repr__(self) -> str:
        where = self.settings.base_url or ("offline" if self.offline else "openai")
        return f"Summarizer(model={self.model!r}, endpoint={where!r}, mode={self.settings.mode!r})"

    @property
    def prompt(self) -> PromptInfo:
        """Id, version and hash of the prompt this summariser sends."""
        return self._prompt.info if self._prompt else _OFFLINE_PROMPT

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
        if self.offline:
            return self._finish(extract_offline(article), article, Usage(), started)
        import openai

        from summarizer.backends import _openai

        if isinstance(self._client, openai.AsyncOpenAI):
            return asyncio.run(self.asummarize_article(article))
        key, cached = self._cache_lookup(article)
        if cached is not None:
            return cached
        client = self._sync_client()
        chunks = _chunking.split_article(article, self.settings.max_article_tokens)
        spend = _openai.ArticleSpend()  # max_tokens_per_article covers every chunk
        parts = [self._extract(client, chunk, spend) for chunk in chunks]
        extraction, usage = _chunking.merge_parts(parts)
        briefing = self._finish(extraction, article, usage, started, chunks=len(chunks))
        return self._cache_store(key, briefing)

    async def asummarize_article(self, article: CleanArticle) -> Briefing:
        """Async twin of `summarize_article`."""
        import openai

        from summarizer.backends import _openai

        if self.offline or isinstance(self._client, openai.OpenAI):
            return await asyncio.to_thread(self.summarize_article, article)
        started = time.monotonic()
        key, cached = self._cache_lookup(article)
        if cached is not None:
            return cached
        client = self._async_client()
        chunks = _chunking.split_article(article, self.settings.max_article_tokens)
        spend = _openai.ArticleSpend()  # max_tokens_per_article covers every chunk
        try:
            parts = await _all([self._aextract(client, chunk, spend) for chunk in chunks])
        finally:
            if not isinstance(self._client, openai.AsyncOpenAI):  # ours, not the caller's
                await client.close()
        extraction, usage = _chunking.merge_parts(parts)
        briefing = self._finish(extraction, article, usage, started, chunks=len(chunks))
        return self._cache_store(key, briefing)

    # --- internals -----------------------------------------------------------

    def _extract(
        self,
        client: openai.OpenAI,
        article: CleanArticle,
        spend: _openai.ArticleSpend | None = None,
    ) -> tuple[Extraction, Usage]:
        """One model call, re-asks included, for an article or one chunk of a long one."""
        import instructor

        from summarizer.backends import _openai

        call = self._new_call(spend)
        plan = self._plan(article)
        call.schema = plan.schema
        create = instructor.patch(
            create=_openai.make_create(client, self.settings, call), mode=self._mode
        )
        try:
            with grounding_context(article.text, enabled=self.settings.grounding):
                answer = create(**plan.request)
        except Exception as err:  # instructor wraps everything; sort it out in one place
            return self._salvage(err, call, plan), call.usage
        return plan.finish(answer), call.usage

    async def _aextract(
        self,
        client: openai.AsyncOpenAI,
        article: CleanArticle,
        spend: _openai.ArticleSpend | None = None,
    ) -> tuple[Extraction, Usage]:
        """Async twin of `_extract`."""
        import instructor

        from summarizer.backends import _openai

        call = self._new_call(spend)
        plan = self._plan(article)
        call.schema = plan.schema
        acreate = instructor.patch(
            create=_openai.make_acreate(client, self.settings, call), mode=self._mode
        )
        try:
            with grounding_context(article.text, enabled=self.settings.grounding):
                answer = await acreate(**plan.request)
        except Exception as err:
            return self._salvage(err, call, plan), call.usage
        return plan.finish(answer), call.usage

    @property
    def _mode(self) -> instructor.Mode:
        from summarizer.backends import _openai

        return _openai.instructor_mode(self.settings.mode)

    def _cache_lookup(self, article: CleanArticle) -> tuple[str | None, Briefing | None]:
        if self.cache is None:
            return None, None
        return self.cache.lookup(
            article, model=self.model, prompt=self.prompt, settings=self.settings
        )

    def _cache_store(self, key: str | None, briefing: Briefing) -> Briefing:
        if self.cache is not None and key is not None:
            self.cache.put(key, briefing)
        return briefing

    def _new_call(self, spend: _openai.ArticleSpend | None = None) -> Any:
        from summarizer.backends import _openai

        return _openai.Call(
            self.settings, self.model, self.prompt, self._on_call, self.limiter, spend
        )

    def _client_kwargs(self) -> dict[str, Any]:
        return client_kwargs(self.settings)

    def _sync_client(self) -> openai.OpenAI:
        import openai

        if isinstance(self._client, openai.OpenAI):
            return self._client.with_options(max_retries=0)
        if self._client is None:
            from summarizer.backends._openai import bound_response

            # the response hook bounds each attempt's total time (SUMMARIZER_TIMEOUT)
            http = openai.DefaultHttpxClient(event_hooks={"response": [bound_response]})
            self._client = openai.OpenAI(**self._client_kwargs(), http_client=http)
        return self._client  # type: ignore[return-value]

    def _async_client(self) -> openai.AsyncOpenAI:
        import openai

        if isinstance(self._client, openai.AsyncOpenAI):
            return self._client.with_options(max_retries=0)
        # A client per call (its connection pool belongs to the running event loop), but one
        # SSL context for all: building it cost ~60 ms of CPU per article and capped throughput.
        http = openai.DefaultAsyncHttpxClient(verify=_ssl_context())
        return openai.AsyncOpenAI(**self._client_kwargs(), http_client=http)

    def _plan(self, article: CleanArticle) -> _strategies.Plan:
        from summarizer.backends import _strategies

        assert self._prompt is not None
        return _strategies.make_plan(self.settings, self._prompt, self.model, article)

    def _request(self, article: CleanArticle) -> dict[str, Any]:
        """The request one article's first model call sends (benchmarks measure it)."""
        return self._plan(article).request

    def _salvage(self, err: Exception, call: Any, plan: _strategies.Plan) -> Extraction:
        """Re-asks ran out: keep the last answer if its schema is valid; grounding drops the rest."""
        from instructor.core import InstructorRetryException

        from summarizer.backends import _openai

        ours = _openai.unwrap(err)
        if ours is not None:  # keep its own cause (the SDK error), not instructor's wrapper
            raise ours from (ours.__cause__ or err)
        if not isinstance(err, InstructorRetryException):
            raise err
        salvaged = plan.parse(call.last_text)
        if salvaged is None:
            raise OutputError(
                f"the model's output failed validation after {call.attempts} attempt(s); "
                f"the last answer: {_last_errors(err)}",
                attempts=call.attempts,
                last_output=call.last_text,
                usage=call.usage,
            ) from err
        extraction, dropped = salvaged
        extraction._salvage_rejected = dropped
        return extraction

    def _finish(
        self,
        extraction: Extraction,
        article: CleanArticle,
        usage: Usage,
        started: float,
        *,
        chunks: int = 1,
    ) -> Briefing:
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
            model=OFFLINE if self.offline else self.model,
            prompt=self.prompt,
            usage=usage,
            rejected=rejected,
            grounding=self.settings.grounding,
            latency_s=round(time.monotonic() - started, 3),
        )


def _last_errors(err: Exception, limit: int = 4) -> str:
    """The validation errors of the last attempt, one ``field: problem`` each."""
    attempts = getattr(err, "failed_attempts", None) or []
    last = attempts[-1].exception if attempts else err
    if isinstance(last, ValidationError):
        problems = [
            f"{'.'.join(str(part) for part in e['loc']) or 'answer'}: {e['msg']}"
            for e in last.errors()
        ]
        more = f" (and {len(problems) - limit} more)" if len(problems) > limit else ""
        return "; ".join(problems[:limit]) + more
    text = str(last).splitlines()
    return (text[0] if text else type(last).__name__)[:200]


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """The openai client arguments for ``settings``: key, endpoint, timeout, no SDK retries."""
    key = settings.api_key.get_secret_value() if settings.api_key else "not-needed"
    return {
        "api_key": key,
        "base_url": settings.base_url,
        "max_retries": 0,  # transport retries are ours (tenacity); never both
        "timeout": settings.timeout,
    }


def shared_async_client(settings: Settings) -> openai.AsyncOpenAI:
    """One async client for a whole run (building one per article costs ~0.1 s of CPU).

    It speaks HTTP through the SDK's aiohttp transport (``openai.DefaultAioHttpClient``,
    the ``openai[aiohttp]`` extra), which the SDK offers for concurrency: at 32 requests
    in flight it took the client's CPU per article from 8.6 to 7.7 ms (five alternating
    pairs, `benchmarks/transport.py`, docs/PERFORMANCE.md). Proxies and CA bundles from
    the environment apply as with the default transport; the fault matrix runs on both.
    """
    import openai

    return openai.AsyncOpenAI(**client_kwargs(settings), http_client=openai.DefaultAioHttpClient())


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """The SSL context the openai client would build (CA bundle loaded once)."""
    import httpx2

    return httpx2.create_ssl_context()


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
