"""The LLM client: openai SDK + instructor, with two kinds of retry kept apart.

- Transport retries (429, 5xx, timeouts, connection errors) happen here, around
  each HTTP request, with tenacity: exponential backoff with jitter, honouring
  ``Retry-After``, bounded in attempts and in elapsed time. The openai client's
  own retries are switched off so the two never multiply.
- Validation re-asks (schema or grounding failed, so the error goes back to the
  model) are instructor's ``max_retries``. A transport error is never fed back
  to the model: instructor only re-asks on parse/validation errors, and every
  other exception raised by the request function ends the call.

Every HTTP attempt is reported to an optional ``on_call`` hook (the call log),
and its usage is summed, so usage and cost include retries and re-asks.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import json
import logging
import re
import ssl
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext
from datetime import datetime, timezone
from typing import Any

import httpx2
import instructor
import openai
from instructor.core import InstructorRetryException
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_any,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from summarizer._errors import (
    BudgetExceededError,
    OutputError,
    ProviderConnectionError,
    ProviderError,
    ProviderTimeoutError,
    RateLimitError,
    SummarizerError,
    TruncatedOutputError,
)
from summarizer._grounding import grounding_context
from summarizer._prompts import PromptTemplate, load_prompt
from summarizer._schema import (
    Extraction,
    PromptInfo,
    Usage,
)
from summarizer.backends import _strategies
from summarizer.backends._base import Calls
from summarizer.backends._network import NetworkLoop
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._records import CallRecord
from summarizer.infra._settings import Settings
from summarizer.input._cleaning import CleanArticle

# instructor logs every failed attempt at ERROR; with no handler configured Python would
# print that to stderr. The library never prints, so give its logger a quiet handler.
logging.getLogger("instructor").addHandler(logging.NullHandler())

# A 400 naming one of these is an endpoint without this mode's structured output.
_SCHEMA_WORDS = re.compile(r"response_format|json_schema|json_object|schema|tool", re.I)
_RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
_INSTRUCTOR_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}


# --- transport retries -------------------------------------------------------


class MalformedResponseError(Exception):
    """A 2xx answer whose body is not a chat completion (not JSON: a proxy's HTML page...).

    A transport fault: retried like a 5xx, never shown to the model as a validation error.
    """

    status_code = 200


def _is_transient(err: BaseException) -> bool:
    if isinstance(err, (openai.APIConnectionError, MalformedResponseError)):  # incl. timeouts
        return True
    return isinstance(err, openai.APIStatusError) and err.status_code in _RETRYABLE_STATUS


def _retry_after(err: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms`` or ``Retry-After``)."""
    response = getattr(err, "response", None)
    if response is None:
        return None
    headers = response.headers
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value) * scale)
        except ValueError:
            continue  # an HTTP date: fall back to our own backoff
    return None


class _Wait:
    """Exponential backoff with jitter, unless the server said how long to wait."""

    def __init__(self) -> None:
        self._backoff = wait_exponential_jitter(multiplier=0.5, max=20.0, jitter=0.5)

    def __call__(self, state: RetryCallState) -> float:
        asked = _retry_after(state.outcome.exception() if state.outcome else None)
        return asked if asked is not None else self._backoff(state)


class _OutOfTime(stop_base):
    """Stop now rather than sleep past the time budget (e.g. a long ``Retry-After``)."""

    def __init__(self, budget: float) -> None:
        self.budget = budget

    def __call__(self, state: RetryCallState) -> bool:
        return (state.seconds_since_start or 0.0) + state.upcoming_sleep > self.budget


class _OutOfArticleTime(stop_base):
    """Stop rather than sleep past the article's time budget (``max_article_seconds``)."""

    def __init__(self, call: Call) -> None:
        self.call = call

    def __call__(self, state: RetryCallState) -> bool:
        left = self.call.seconds_left()
        return left is not None and state.upcoming_sleep >= left


def _retrying_kwargs(settings: Settings, call: Call) -> dict[str, Any]:
    return {
        "retry": retry_if_exception(_is_transient),
        "stop": stop_any(
            stop_after_attempt(settings.max_attempts),
            _OutOfTime(settings.max_retry_seconds),
            _OutOfArticleTime(call),
        ),
        "wait": _Wait(),
        "reraise": True,
    }


def _provider_message(err: BaseException) -> str:
    body = getattr(err, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
    return str(getattr(err, "message", None) or err)


def scrub(text: str, secret: str | None) -> str:
    """``text`` without ``secret`` (the API key), should a server echo it in an error."""
    return text.replace(secret, "[redacted]") if secret and len(secret) >= 8 else text


def _refused(err: BaseException) -> bool:
    """A connection refused or reset that the SDK reports as a timeout.

    The aiohttp transport (the batch client's) maps every aiohttp connection error,
    "connection refused" included, to a connect *timeout*; the OS error underneath says
    which it was, so the user is told to start the server, not to raise the timeout.
    """
    chain = list(_causes(err))
    timed_out = any(isinstance(e, TimeoutError) for e in chain)
    return not timed_out and any(isinstance(e, ConnectionError) for e in chain)


def _causes(err: BaseException, limit: int = 50) -> Iterator[BaseException]:
    """``err`` and what caused it, nearest first (bounded: a chain can loop)."""
    current: BaseException | None = err
    for _ in range(limit):
        if current is None:
            return
        yield current
        current = current.__cause__ or current.__context__


def translate_error(
    err: BaseException, attempts: int, secret: str | None = None
) -> SummarizerError:
    """Turn an openai SDK exception into this library's hierarchy (the one place it happens)."""
    message = scrub(_provider_message(err), secret)[:300]
    if isinstance(err, MalformedResponseError):
        return ProviderError(
            f"the model endpoint answered with a body that is not a chat completion after "
            f"{attempts} attempt(s): {message}; check that OPENAI_BASE_URL is an "
            "OpenAI-compatible /v1 endpoint",
            status=200,
            provider_message=message,
            attempts=attempts,
        )
    if isinstance(err, openai.APITimeoutError) and not _refused(err):
        return ProviderTimeoutError(
            f"the model endpoint timed out after {attempts} attempt(s); raise "
            "SUMMARIZER_TIMEOUT or check the server",
            attempts=attempts,
        )
    if isinstance(err, openai.APIConnectionError):
        return ProviderConnectionError(
            f"could not reach the model endpoint after {attempts} attempt(s): {message}; "
            "check OPENAI_BASE_URL and that the server is running",
            attempts=attempts,
        )
    if isinstance(err, openai.APIStatusError):
        status = err.status_code
        cls = RateLimitError if status == 429 else ProviderError
        hint = {
            401: "check OPENAI_API_KEY",
            403: "check the key's permissions",
            404: "check SUMMARIZER_MODEL and OPENAI_BASE_URL",
            429: "lower the concurrency or wait for the rate limit to reset",
        }.get(status, "the provider failed; try again later")
        if status == 400 and _SCHEMA_WORDS.search(message):
            hint = (
                "the endpoint may not support this mode's response_format, schema or tools: "
                "try SUMMARIZER_MODE=md_json (the schema goes in the prompt only)"
            )
        return cls(
            f"the model endpoint answered HTTP {status} after {attempts} attempt(s): "
            f"{message} ({hint})",
            status=status,
            provider_message=message,
            attempts=attempts,
        )
    return ProviderError(f"model call failed: {type(err).__name__}: {message}", attempts=attempts)


# --- one summarise call ------------------------------------------------------


def _completion_text(completion: Any) -> str | None:
    """The raw text the model answered with: tool-call arguments or message content."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return "".join(c.function.arguments or "" for c in calls)
    return message.content


def _usage_of(completion: Any) -> Usage:
    usage = getattr(completion, "usage", None)
    if usage is None:
        return Usage(calls=1)
    prompt = usage.prompt_tokens or 0
    done = usage.completion_tokens or 0
    return Usage(
        prompt_tokens=prompt,
        completion_tokens=done,
        total_tokens=usage.total_tokens or prompt + done,
        calls=1,
    )


# --- the total time bound of one HTTP attempt ----------------------------------------------
#
# httpx's timeouts are per network operation: a server that sends its headers and then one
# byte every few seconds never trips a read timeout, and held a request forever. Each
# attempt therefore gets a deadline: the async path wraps the request in
# `asyncio.wait_for` (headers and body, any transport); the sync path, which has no event
# loop to cancel from, checks the deadline after every chunk of the body (`bound_response`,
# an httpx response hook on the clients this library builds) and caps each read at the
# time left.

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "summarizer_deadline", default=None
)


class _DeadlineStream(httpx2.SyncByteStream):
    """A response body that raises `httpx.ReadTimeout` once the attempt's deadline passed."""

    def __init__(self, inner: Any, deadline: float, request: httpx2.Request) -> None:
        self._inner = inner
        self._deadline = deadline
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._inner:
            if time.monotonic() > self._deadline:
                raise httpx2.ReadTimeout(
                    "the response took longer than SUMMARIZER_TIMEOUT in all",
                    request=self._request,
                )
            yield chunk

    def close(self) -> None:
        self._inner.close()


def bound_response(response: httpx2.Response) -> None:
    """httpx response hook: bound the body's total read time by the attempt's deadline."""
    deadline = _DEADLINE.get()
    if deadline is not None:
        response.stream = _DeadlineStream(response.stream, deadline, response.request)


def attempt_timed_out(client: Any, seconds: float) -> openai.APITimeoutError:
    """The SDK's timeout error for an attempt cut at its deadline (retried like any timeout)."""
    url = f"{str(getattr(client, 'base_url', '')).rstrip('/')}/chat/completions"
    return openai.APITimeoutError(request=httpx2.Request("POST", url))


class Call:
    """State of one model call (an article or a chunk): usage over all attempts, the
    last answer, and the per-article `Calls` (hook, rate limiter, tokens spent)."""

    def __init__(self, settings: Settings, model: str, prompt: PromptInfo, calls: Calls):
        self.calls = calls  # what max_tokens_per_article is checked against
        self.settings = settings
        self.model = model
        self.prompt = prompt
        self.limiter = calls.limiter
        self.reserved_tokens = 0  # what the limiter holds for the attempt in flight
        self.usage = Usage()
        self.attempts = 0
        self.last_text: str | None = None
        self.secret: str | None = None  # the API key, scrubbed from logged errors
        self.schema: dict[str, Any] | None = None  # json mode: the schema llama.cpp decodes to

    def seconds_left(self) -> float | None:
        """Time left in the article's budget (``max_article_seconds``); ``None``: no budget."""
        budget = self.settings.max_article_seconds
        if budget is None:
            return None
        return budget - (time.monotonic() - self.calls.started)

    def attempt_timeout(self) -> float:
        """The total time one HTTP attempt may take: the timeout, cut to the article's budget."""
        left = self.seconds_left()
        timeout = self.settings.timeout
        return timeout if left is None else max(0.05, min(timeout, left))

    def before_request(self) -> None:
        left = self.seconds_left()
        if left is not None and left <= 0:
            spent = self.calls.spent
            raise BudgetExceededError(
                f"time budget of {self.settings.max_article_seconds:g} s per article spent "
                f"after {spent.calls} answer(s) and {self.attempts} attempt(s); raise "
                "SUMMARIZER_MAX_ARTICLE_SECONDS",
                attempts=self.attempts,
                last_output=self.last_text,
                usage=spent,
            )
        budget = self.settings.max_tokens_per_article
        spent = self.calls.spent
        if budget is not None and spent.total_tokens >= budget:
            raise BudgetExceededError(
                f"token budget of {budget} per article spent after {spent.calls} call(s); "
                "raise SUMMARIZER_MAX_TOKENS_PER_ARTICLE",
                attempts=spent.calls,
                last_output=self.last_text,
                usage=spent,
            )
        self.attempts += 1

    def record(self, kwargs: dict[str, Any], started: float, outcome: str, **extra: Any) -> None:
        if self.calls.on_call is None and self.limiter is None:
            return
        record = CallRecord(
            started=datetime.now(timezone.utc),
            model=self.model,
            prompt=self.prompt,
            messages=list(kwargs.get("messages", [])),
            attempt=self.attempts,
            latency_s=time.monotonic() - started,
            outcome=outcome,
            **extra,
        )
        if self.limiter is not None:  # a 429 slows every request of the run down
            self.limiter.observe(record, self.reserved_tokens)
        self.calls.record(record)

    def slot(self, kwargs: dict[str, Any]) -> AbstractContextManager[None]:
        """The limiter's slot for one synchronous HTTP attempt (none without a limiter)."""
        if self.limiter is None:
            return nullcontext()
        self.reserved_tokens = self.limiter.estimate(kwargs)
        return self.limiter.slot_sync(self.reserved_tokens)

    def accept(self, completion: Any, kwargs: dict[str, Any], started: float) -> Any:
        """Account for a completion, and fail fast on truncation, refusal or no choices."""
        if not hasattr(completion, "choices"):  # the SDK hands back a body that is not JSON
            raise self.malformed(
                f"the body is not JSON: {str(completion)[:100]!r}", kwargs, started
            )
        usage = _usage_of(completion)
        self.usage = self.usage.add(usage)
        self.calls.spent = self.calls.spent.add(usage)
        self.last_text = _completion_text(completion)
        choices = getattr(completion, "choices", None) or []
        finish = getattr(choices[0], "finish_reason", None) if choices else None
        refusal = getattr(choices[0].message, "refusal", None) if choices else None
        outcome = "ok"
        error: SummarizerError | None = None
        if not choices:
            outcome = "no_choices"
            error = ProviderError("the model endpoint returned no choices", status=200)
        elif finish == "length":
            outcome = "truncated"
            error = TruncatedOutputError(
                f"the model stopped at its output limit ({self.settings.max_output_tokens} "
                "tokens) before finishing; raise SUMMARIZER_MAX_OUTPUT_TOKENS",
                attempts=self.attempts,
                last_output=self.last_text,
                usage=self.usage,
            )
        elif refusal:
            outcome = "refused"
            error = OutputError(f"the model refused: {refusal[:200]}", usage=self.usage)
        self.record(kwargs, started, outcome, response_text=self.last_text, usage=usage)
        if error is not None:
            raise error
        return completion

    def failed(self, err: BaseException, kwargs: dict[str, Any], started: float) -> None:
        status = getattr(err, "status_code", None)
        error = scrub(str(err), self.secret)[:300]
        self.record(kwargs, started, type(err).__name__, status=status, error=error)

    def malformed(self, detail: str, kwargs: dict[str, Any], started: float) -> Exception:
        """Log a 2xx answer that is not a chat completion; the error to raise (and retry)."""
        err = MalformedResponseError(detail)
        self.failed(err, kwargs, started)
        return err


def with_json_schema(
    kwargs: dict[str, Any], schema: dict[str, Any] | None = None
) -> dict[str, Any]:
    """In ``json`` mode, send the schema inside ``response_format`` too.

    instructor's json mode asks for ``{"type": "json_object"}`` and puts the schema only
    in the prompt; llama.cpp then constrains decoding to *any* JSON, and a small model
    drops required fields or invents enum values. With ``"schema"`` present, llama.cpp
    builds its grammar from it (measured: an article that failed the schema three times
    in a row came back valid on every attempt).
    """
    if kwargs.get("response_format") != {"type": "json_object"}:
        return kwargs
    schema = schema or Extraction.model_json_schema()
    return {**kwargs, "response_format": {"type": "json_object", "schema": schema}}


def make_create(client: openai.OpenAI, settings: Settings, call: Call) -> Callable[..., Any]:
    """A ``chat.completions.create`` with transport retries, for instructor to patch."""
    call.secret = getattr(client, "api_key", None)

    def attempt(**kwargs: Any) -> Any:
        call.before_request()
        with call.slot(kwargs):
            started = time.monotonic()
            timeout = call.attempt_timeout()
            deadline = _DEADLINE.set(started + timeout)
            try:
                completion = client.chat.completions.create(
                    **with_json_schema(kwargs, call.schema), timeout=timeout
                )
            except openai.APIError as err:
                call.failed(err, kwargs, started)
                raise
            except json.JSONDecodeError as err:  # a 2xx body that is not JSON
                raise call.malformed(f"the body is not JSON ({err.msg})", kwargs, started) from err
            finally:
                _DEADLINE.reset(deadline)
        return call.accept(completion, kwargs, started)

    def create(**kwargs: Any) -> Any:
        try:
            for trying in Retrying(**_retrying_kwargs(settings, call)):
                with trying:
                    return attempt(**kwargs)
        except (openai.APIError, MalformedResponseError) as err:
            raise translate_error(err, call.attempts, call.secret) from err
        raise AssertionError("unreachable")  # pragma: no cover

    return create


def make_acreate(
    client: openai.AsyncOpenAI,
    settings: Settings,
    call: Call,
    network: NetworkLoop[openai.AsyncOpenAI] | None = None,
) -> Callable[..., Any]:
    """The async twin of `make_create`. With a ``network`` loop (a batch run), the slot and
    the HTTP request live there, with its client; the rest stays on the caller's loop."""
    call.secret = getattr(client, "api_key", None)

    async def attempt(**kwargs: Any) -> Any:
        call.before_request()
        body = with_json_schema(kwargs, call.schema)
        timeout = call.attempt_timeout()
        limiter = call.limiter
        call.reserved_tokens = limiter.estimate(kwargs) if limiter is not None else 0
        if network is None:
            started, sent = await send(client, body, timeout, limiter, call.reserved_tokens)
        else:
            sending = send(network.client, body, timeout, limiter, call.reserved_tokens)
            started, sent = await network.run(sending)
        if isinstance(sent, TimeoutError):  # the total bound (headers and body), not one read
            cut = attempt_timed_out(client, timeout)
            call.failed(cut, kwargs, started)
            raise cut from sent
        if isinstance(sent, openai.APIError):
            call.failed(sent, kwargs, started)
            raise sent
        if isinstance(sent, json.JSONDecodeError):  # a 2xx body that is not JSON
            raise call.malformed(f"the body is not JSON ({sent.msg})", kwargs, started) from sent
        return call.accept(sent, kwargs, started)

    async def acreate(**kwargs: Any) -> Any:
        try:
            async for trying in AsyncRetrying(**_retrying_kwargs(settings, call)):
                with trying:
                    return await attempt(**kwargs)
        except (openai.APIError, MalformedResponseError) as err:
            raise translate_error(err, call.attempts, call.secret) from err
        raise AssertionError("unreachable")  # pragma: no cover

    return acreate


def structured_create(client: openai.OpenAI, settings: Settings, call: Call) -> Callable[..., Any]:
    """The one blocking path to a structured answer: instructor (re-asks, ``mode``) over
    `make_create` (transport retries, deadlines, one call record per attempt). The
    backend's extraction and the eval's judge both ask through it."""
    return instructor.patch(
        create=make_create(client, settings, call), mode=instructor_mode(settings.mode)
    )


async def send(
    client: openai.AsyncOpenAI,
    body: dict[str, Any],
    timeout: float,
    limiter: RateLimiter | None,
    tokens: int,
) -> tuple[float, Any]:
    """One HTTP attempt in a limiter slot: when it was sent, and the completion or the error.

    The slot is handed back as soon as the answer is in, before anything is done with it.
    Errors are returned, not raised, so the caller logs them with the time it was sent.

    The body goes out through the client's public ``post`` (the SDK's way to call an
    endpoint by path), not ``client.chat.completions.create``: that resource lives in
    ``openai.resources``, whose import (every resource of the API) cost ~0.45 s of CPU
    before a batch's first request, and its ``create`` re-walks the body against the
    SDK's parameter types (~0.4 ms per attempt) to hand on the same JSON: instructor
    built it from plain dicts. Same headers (the key as a bearer token), same
    ``ChatCompletion`` back, same errors; the SDK's retries stay off (they are ours).
    """
    async with limiter.slot(tokens) if limiter is not None else nullcontext():
        started = time.monotonic()
        request = client.post(
            "/chat/completions",
            body=body,
            cast_to=ChatCompletion,
            options={"timeout": timeout, "max_retries": 0, "security": {"bearer_auth": True}},
        )
        try:
            return started, await asyncio.wait_for(request, timeout)
        except (TimeoutError, openai.APIError, json.JSONDecodeError) as err:
            return started, err


def unwrap(err: BaseException) -> SummarizerError | None:
    """Our own error hidden inside instructor's wrapper, if any."""
    return next((e for e in _causes(err) if isinstance(e, SummarizerError)), None)


def instructor_mode(name: str) -> instructor.Mode:
    return _INSTRUCTOR_MODES[name]


# --- clients -----------------------------------------------------------------


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
    client = openai.AsyncOpenAI(**client_kwargs(settings), http_client=_aiohttp_client())
    _BATCH_CLIENTS.add(client)
    return client


# The clients `shared_async_client` made: a batch run may send their requests from a loop of
# its own (`network_loop`), through a copy of them. A caller's own client is used as it is.
_BATCH_CLIENTS: weakref.WeakSet[openai.AsyncOpenAI] = weakref.WeakSet()


@asynccontextmanager
async def network_loop(backend: object) -> AsyncIterator[None]:
    """For a batch run: send ``backend``'s requests from a `NetworkLoop` of their own.

    Only for the batch client (`shared_async_client`): the loop sends through a copy of
    it with an HTTP client of its own, which it closes at the end. Anything else runs as
    before, on the caller's loop.
    """
    if not isinstance(backend, OpenAIBackend) or backend.network is not None:
        yield
        return
    source = backend._client
    if not isinstance(source, openai.AsyncOpenAI) or source not in _BATCH_CLIENTS:
        yield
        return
    network = NetworkLoop(lambda: source.copy(http_client=_aiohttp_client()))
    backend.network = network
    try:
        yield
    finally:
        backend.network = None
        await asyncio.to_thread(network.close, lambda client: client.close())


def sync_client(settings: Settings, client: Any = None) -> openai.OpenAI:
    """``client`` (the caller's) without SDK retries, or a new one for ``settings`` whose
    response hook bounds each attempt's total time (SUMMARIZER_TIMEOUT)."""
    if isinstance(client, openai.OpenAI):
        return client.with_options(max_retries=0)
    if client is not None:
        raise TypeError(f"expected an openai.OpenAI client, not {type(client).__name__}")
    http = openai.DefaultHttpxClient(event_hooks={"response": [bound_response]})
    return openai.OpenAI(**client_kwargs(settings), http_client=http)


def _aiohttp_client() -> openai.DefaultAioHttpClient:
    """The SDK's aiohttp transport, with the one SSL context: loading the CA bundle for each
    client cost ~40 ms, and a batch builds two before its first request (its own and the
    network loop's)."""
    return openai.DefaultAioHttpClient(verify=_ssl_context())


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """The SSL context the openai client would build (CA bundle loaded once)."""
    return httpx2.create_ssl_context()


# --- the backend -------------------------------------------------------------


class OpenAIBackend:
    """Any OpenAI-compatible endpoint, through instructor: the prompt, the request,
    transport retries, re-asks (with grounding as the validator) and salvage.

    ``client`` may be the caller's own `openai.OpenAI` or `openai.AsyncOpenAI`; either
    serves both `extract` and `aextract`.
    """

    cacheable = True

    def __init__(
        self, settings: Settings, client: openai.OpenAI | openai.AsyncOpenAI | None = None
    ) -> None:
        if client is None:
            settings.check_llm()
        self.settings = settings
        self.model = settings.resolved_model
        self.template: PromptTemplate = load_prompt(settings.prompt_name, settings.prompt_version)
        self._client = client
        self.network: NetworkLoop[openai.AsyncOpenAI] | None = None  # set by `network_loop`

    @property
    def prompt(self) -> PromptInfo:
        return self.template.info

    @property
    def max_article_tokens(self) -> int | None:
        return self.settings.max_article_tokens

    def __repr__(self) -> str:
        where = self.settings.base_url or "openai"
        return (
            f"OpenAIBackend(model={self.model!r}, endpoint={where!r}, mode={self.settings.mode!r})"
        )

    def extract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        """One model call, re-asks included, for an article or one chunk of a long one."""
        if isinstance(self._client, openai.AsyncOpenAI):
            return asyncio.run(self.aextract(article, calls))
        call, plan = self._start(article, calls)
        patched = structured_create(self._sync_client(), self.settings, call)
        try:
            with grounding_context(article.text, enabled=self.settings.grounding):
                answer = patched(**plan.request)
        except Exception as err:  # instructor wraps everything; sort it out in one place
            return salvage(err, call, plan), call.usage
        return plan.finish(answer), call.usage

    async def aextract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        """Async twin of `extract`."""
        if isinstance(self._client, openai.OpenAI):
            return await asyncio.to_thread(self.extract, article, calls)
        call, plan = self._start(article, calls)
        client = self._async_client()
        create = make_acreate(client, self.settings, call, self.network)
        patched = instructor.patch(create=create, mode=self.mode)
        try:
            with grounding_context(article.text, enabled=self.settings.grounding):
                answer = await patched(**plan.request)
        except Exception as err:
            return salvage(err, call, plan), call.usage
        finally:
            if not isinstance(self._client, openai.AsyncOpenAI):  # ours, not the caller's
                await client.close()
        return plan.finish(answer), call.usage

    @property
    def mode(self) -> instructor.Mode:
        return instructor_mode(self.settings.mode)

    def plan(self, article: CleanArticle) -> _strategies.Plan:
        """What one call for ``article`` sends, and how its answer becomes an `Extraction`."""
        return _strategies.make_plan(self.settings, self.template, self.model, article)

    def request(self, article: CleanArticle) -> dict[str, Any]:
        """instructor's arguments for ``article``: model, messages, response model, limits."""
        return self.plan(article).request

    def _start(self, article: CleanArticle, calls: Calls) -> tuple[Call, _strategies.Plan]:
        call = Call(self.settings, self.model, self.prompt, calls)
        plan = self.plan(article)
        call.schema = plan.schema
        return call, plan

    def _sync_client(self) -> openai.OpenAI:
        if self._client is None:
            self._client = sync_client(self.settings)
        return sync_client(self.settings, self._client)

    def _async_client(self) -> openai.AsyncOpenAI:
        if isinstance(self._client, openai.AsyncOpenAI):
            return self._client.with_options(max_retries=0)
        # A client per call (its connection pool belongs to the running event loop), but one
        # SSL context for all: building it cost ~60 ms of CPU per article and capped throughput.
        http = openai.DefaultAsyncHttpxClient(verify=_ssl_context())
        return openai.AsyncOpenAI(**client_kwargs(self.settings), http_client=http)


def salvage(err: Exception, call: Call, plan: _strategies.Plan) -> Extraction:
    """Re-asks ran out: keep the last answer if its schema is valid; grounding drops the rest.

    An answer that cannot be used at all (cut at the output limit, or no valid schema
    after the re-asks) raises `OutputError`, except under the anchored strategy: there
    the rules' items are the floor, so the briefing is the rules' alone and the unusable
    answer is listed in ``rejected`` with the reason (#15: the LLM path never returns
    less than the rules would). Transport and API errors always raise.
    """
    ours = unwrap(err)
    if ours is None and not isinstance(err, InstructorRetryException):
        raise err
    salvaged = plan.parse(call.last_text) if ours is None else None
    if salvaged is None:
        if ours is None:
            ours = OutputError(
                f"the model's output failed validation after {call.attempts} attempt(s); "
                f"the last answer: {_last_errors(err)}",
                attempts=call.attempts,
                last_output=call.last_text,
                usage=call.usage,
            )
            ours.__cause__ = err
        if isinstance(ours, OutputError) and isinstance(plan, _strategies.AnchoredPlan):
            return plan.rules_only(call.last_text, str(ours))
        # keep its own cause (the SDK error), not instructor's wrapper
        raise ours from (ours.__cause__ or err)
    extraction, dropped = salvaged
    extraction._salvage_rejected = dropped
    return extraction


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
