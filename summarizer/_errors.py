"""One error hierarchy, rooted at :class:`SummarizerError`.

Every message says what went wrong *and* how to fix it. The CLI maps each class
to a one-line message and a distinct exit code (``exit_code``); anything that is
not a ``SummarizerError`` is a bug and keeps its traceback.
"""

from __future__ import annotations

from typing import Any


class SummarizerError(Exception):
    """Root of every error this library raises on purpose."""

    exit_code: int = 1


class ConfigurationError(SummarizerError):
    """A setting is missing or invalid (API key, model, mode, base URL...)."""

    exit_code = 3


class InputError(SummarizerError):
    """The article given cannot be summarised (empty, binary, unreadable, too long)."""

    exit_code = 4


class ProviderError(SummarizerError):
    """The LLM endpoint failed after bounded transport retries.

    Carries the HTTP ``status`` (``None`` for connection errors and timeouts) and
    the provider's own message, so users can tell an outage from a bad request.
    """

    exit_code = 5

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        provider_message: str | None = None,
        attempts: int = 1,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.provider_message = provider_message
        self.attempts = attempts


class RateLimitError(ProviderError):
    """HTTP 429 persisted past the retry budget."""


class ProviderTimeoutError(ProviderError):
    """The endpoint did not answer in time (connect or read timeout)."""


class ProviderConnectionError(ProviderError):
    """The endpoint could not be reached, or dropped the connection."""


class OutputError(SummarizerError):
    """The model's output could not be turned into a valid briefing.

    Carries the number of ``attempts``, the ``last_output`` (raw text of the
    model's last answer) and the ``usage`` summed over every attempt.
    """

    exit_code = 6

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        last_output: str | None = None,
        usage: Any = None,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output
        self.usage = usage


class TruncatedOutputError(OutputError):
    """The model stopped at its token limit (``finish_reason == "length"``)."""


class GroundingError(OutputError):
    """Under ``strict=True``: ungrounded items survived every re-ask."""

    def __init__(self, message: str, *, rejected: list[Any] | None = None, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.rejected = rejected or []


class BudgetExceededError(OutputError):
    """The per-article token or attempt ceiling was reached."""


class SummarizerWarning(UserWarning):
    """Root of the warnings this library issues (``warnings.warn``; it never prints).

    The CLI shows each as one ``summarizer: warning: ...`` line on stderr.
    """


class LocalStateWarning(SummarizerWarning):
    """The cache or the call log could not be used as it was; the work went on without it
    (or with a fresh one, the broken file moved aside)."""


class InputWarning(SummarizerWarning):
    """Something was assumed about the input (e.g. its text encoding) that the user should know."""
