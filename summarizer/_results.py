"""The outcome of one batch record (`Result`), shared by the batch engine and its worker
processes: a briefing, or the error class and message, and what it says of the provider."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from summarizer._errors import InputError, ProviderError, SummarizerError
from summarizer._schema import Briefing

_MESSAGE_CHARS = 500
# Client errors about one request (an article too long for the context...): the provider
# is up, and a rerun would fail the same way, so they never trip the breaker.
_ARTICLE_STATUSES = frozenset({400, 413, 422})
# The key was refused: every other request would be refused too, so the run stops at once.
_REFUSED_STATUSES = frozenset({401, 403})


@dataclass(frozen=True)
class Result:
    """The outcome of one record, as written to the output file."""

    id: str
    briefing: Briefing | None = None
    error_type: str | None = None
    error: str | None = None
    # What the outcome says about the provider: "up" (it answered), "down" (outage), or
    # None (no model call was made, e.g. an empty article). Not written to the file.
    provider: str | None = field(default=None, compare=False)

    @property
    def ok(self) -> bool:
        return self.briefing is not None

    def line(self) -> str:
        """The JSON line (without its newline)."""
        data: dict[str, Any] = {"id": self.id, "ok": self.ok}
        if self.briefing is not None:
            data["briefing"] = self.briefing.model_dump(mode="json")
        else:
            data["error"] = {"type": self.error_type, "message": self.error}
        return json.dumps(data, ensure_ascii=False)


def failure(record_id: str, err: BaseException) -> Result:
    """A failed record: its error class and the first line of the message."""
    message = (str(err).splitlines() or [type(err).__name__])[0][:_MESSAGE_CHARS]
    provider = None
    if isinstance(err, ProviderError):
        provider = "up" if err.status in _ARTICLE_STATUSES else "down"
        if err.status in _REFUSED_STATUSES:
            provider = "refused"
    elif isinstance(err, SummarizerError) and not isinstance(err, InputError):
        provider = "up"  # it answered; the answer failed validation
    return Result(id=record_id, error_type=type(err).__name__, error=message, provider=provider)


class RecordFailed(Exception):
    """A record failed elsewhere (a worker process), which already made its `Result`."""

    def __init__(self, result: Result) -> None:
        super().__init__(result.error)
        self.result = result
