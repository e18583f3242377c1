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
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import httpx2
import instructor
import openai
from pydantic import BaseModel, ValidationError
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
from summarizer._schema import Actor, Extraction, PromptInfo, Quote, Rejection, Tension, Usage
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._settings import Settings

# instructor logs every failed attempt at ERROR; with no handler configured Python would
# print that to stderr. The library never prints, so give its logger a quiet handler.
logging.getLogger("instructor").addHandler(logging.NullHandler())

_RETRYABLE_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})
_INSTRUCTOR_MODES = {
    "tools": instructor.Mode.TOOLS,
    "json": instructor.Mode.JSON,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "md_json": instructor.Mode.MD_JSON,
}


@dataclass
class CallRecord:
    """One HTTP attempt to the model: what the call log stores."""

    started: datetime
    model: str
    prompt: PromptInfo
    messages: list[dict[str, Any]]
    attempt: int
    latency_s: float
    outcome: str  # "ok", "truncated", "refused", or the error class name
    status: int | None = None
    response_text: str | None = None
    usage: Usage = field(default_factory=Usage)
    error: str | None = None


CallHook = Callable[[CallRecord], None]


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


@dataclass
class ArticleSpend:
    """Usage and time of one article over all its calls: its chunks share the budgets."""

    usage: Usage = field(default_factory=Usage)
    started: float = field(default_factory=time.monotonic)


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
    """State of one article's model call: usage over all attempts, and the attempt hook."""

    def __init__(
        self,
        settings: Settings,
        model: str,
        prompt: PromptInfo,
        hook: CallHook | None,
        limiter: RateLimiter | None = None,
        spend: ArticleSpend | None = None,
    ):
        self.spend = spend or ArticleSpend()  # what max_tokens_per_article is checked against
        self.settings = settings
        self.model = model
        self.prompt = prompt
        self.hook = hook
        self.limiter = limiter
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
        return budget - (time.monotonic() - self.spend.started)

    def attempt_timeout(self) -> float:
        """The total time one HTTP attempt may take: the timeout, cut to the article's budget."""
        left = self.seconds_left()
        timeout = self.settings.timeout
        return timeout if left is None else max(0.05, min(timeout, left))

    def before_request(self) -> None:
        left = self.seconds_left()
        if left is not None and left <= 0:
            spent = self.spend.usage
            raise BudgetExceededError(
                f"time budget of {self.settings.max_article_seconds:g} s per article spent "
                f"after {spent.calls} answer(s) and {self.attempts} attempt(s); raise "
                "SUMMARIZER_MAX_ARTICLE_SECONDS",
                attempts=self.attempts,
                last_output=self.last_text,
                usage=spent,
            )
        budget = self.settings.max_tokens_per_article
        spent = self.spend.usage
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
        if self.hook is None and self.limiter is None:
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
        if self.hook is not None:
            self.hook(record)

    def slot(self, kwargs: dict[str, Any]) -> AbstractContextManager[None]:
        """The limiter's slot for one synchronous HTTP attempt (none without a limiter)."""
        if self.limiter is None:
            return nullcontext()
        self.reserved_tokens = self.limiter.estimate(kwargs)
        return self.limiter.slot_sync(self.reserved_tokens)

    def aslot(self, kwargs: dict[str, Any]) -> AbstractAsyncContextManager[None]:
        """The async twin of `slot`: every attempt, retry and re-ask waits its turn here."""
        if self.limiter is None:
            return nullcontext()
        self.reserved_tokens = self.limiter.estimate(kwargs)
        return self.limiter.slot(self.reserved_tokens)

    def accept(self, completion: Any, kwargs: dict[str, Any], started: float) -> Any:
        """Account for a completion, and fail fast on truncation, refusal or no choices."""
        if not hasattr(completion, "choices"):  # the SDK hands back a body that is not JSON
            raise self.malformed(
                f"the body is not JSON: {str(completion)[:100]!r}", kwargs, started
            )
        usage = _usage_of(completion)
        self.usage = self.usage.add(usage)
        self.spend.usage = self.spend.usage.add(usage)
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


def make_acreate(client: openai.AsyncOpenAI, settings: Settings, call: Call) -> Callable[..., Any]:
    """The async twin of `make_create`."""
    call.secret = getattr(client, "api_key", None)

    async def attempt(**kwargs: Any) -> Any:
        call.before_request()
        async with call.aslot(kwargs):
            started = time.monotonic()
            timeout = call.attempt_timeout()
            request = client.chat.completions.create(
                **with_json_schema(kwargs, call.schema), timeout=timeout
            )
            try:
                completion = await asyncio.wait_for(request, timeout)
            except TimeoutError as err:  # the total bound (headers and body), not one read
                cut = attempt_timed_out(client, timeout)
                call.failed(cut, kwargs, started)
                raise cut from err
            except openai.APIError as err:
                call.failed(err, kwargs, started)
                raise
            except json.JSONDecodeError as err:  # a 2xx body that is not JSON
                raise call.malformed(f"the body is not JSON ({err.msg})", kwargs, started) from err
        return call.accept(completion, kwargs, started)

    async def acreate(**kwargs: Any) -> Any:
        try:
            async for trying in AsyncRetrying(**_retrying_kwargs(settings, call)):
                with trying:
                    return await attempt(**kwargs)
        except (openai.APIError, MalformedResponseError) as err:
            raise translate_error(err, call.attempts, call.secret) from err
        raise AssertionError("unreachable")  # pragma: no cover

    return acreate


# --- salvage after re-asks ran out -------------------------------------------

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)


_ITEM_MODELS: dict[str, type[BaseModel]] = {"actors": Actor, "tensions": Tension, "quotes": Quote}


def json_object(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    fenced = _FENCE.search(raw)
    text = fenced.group(1) if fenced else raw
    start, end = text.find("{"), text.rfind("}")
    if start == -1 or end <= start:
        return None
    try:
        data = json.loads(text[start : end + 1])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _valid_items(field: str, items: Any) -> tuple[list[BaseModel], list[Rejection]]:
    """Keep the items of one list that fit the schema; list the others as rejected."""
    kept: list[BaseModel] = []
    dropped: list[Rejection] = []
    for item in items if isinstance(items, list) else []:
        try:
            kept.append(_ITEM_MODELS[field].model_validate(item))
        except ValidationError as err:
            reason = f"does not fit the schema: {err.errors()[0]['msg']}"
            shown = item if isinstance(item, dict) else {"value": item}
            dropped.append(Rejection(field=field, item=shown, reason=reason))  # type: ignore[arg-type]
    return kept, dropped


def parse_without_grounding(raw: str | None) -> tuple[Extraction, list[Rejection]] | None:
    """Salvage the model's last answer item by item, with no grounding check.

    A small model often gets most of the answer right and one item wrong (an actor
    typed "location", a quote without a speaker): keep what fits the schema and list
    the rest as rejected, rather than failing the whole article. ``None`` when the
    answer is not a JSON object with at least one of the lists, and a summary or a
    valid item.
    """
    data = json_object(raw)
    if data is None:
        return None
    fields: dict[str, Any] = {}
    dropped: list[Rejection] = []
    for name in _ITEM_MODELS:
        fields[name], rejected = _valid_items(name, data.get(name))
        dropped += rejected
    summary = data.get("summary")
    answered_lists = any(isinstance(data.get(name), list) for name in _ITEM_MODELS)
    if not answered_lists or (not isinstance(summary, str) and not any(fields.values())):
        return None
    fields["summary"] = summary if isinstance(summary, str) else ""
    return Extraction.model_validate(fields), dropped


def unwrap(err: BaseException) -> SummarizerError | None:
    """Our own error hidden inside instructor's wrapper, if any."""
    return next((e for e in _causes(err) if isinstance(e, SummarizerError)), None)


def instructor_mode(name: str) -> instructor.Mode:
    return _INSTRUCTOR_MODES[name]


@functools.lru_cache(maxsize=8)
def response_model(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` wrapped for instructor once: given a plain model, instructor builds a new
    wrapper class (and its JSON schema) on every call, a few ms of CPU each."""
    return instructor.openai_schema(model)  # type: ignore[no-any-return]
