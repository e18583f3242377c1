"""What every model call reports: one `CallRecord` per HTTP attempt, to an optional hook.

The call log, the cost meter and the rate limiter read these; backends write them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from summarizer._schema import PromptInfo, Usage


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
