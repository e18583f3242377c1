"""A live status line on stderr while a model works, so a slow model never looks hung.

Only when stderr is a terminal (scripts, pipes and CI see nothing) and not ``--quiet``.
The library never prints: it reports each HTTP attempt through the ``on_call`` hook
(`summarizer.infra._records.CallRecord`); `LiveStatus.hook` turns those into words and a
small thread redraws one line (elapsed seconds, the attempt, tokens so far) twice a second.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the records import pydantic's models: `--help` must not
    from summarizer.infra._records import CallRecord


def describe(record: CallRecord | None) -> str:
    """What the model is doing after ``record`` (the last finished attempt)."""
    if record is None:
        return "attempt 1: waiting for the model"
    if record.outcome == "ok":
        return f"attempt {record.attempt} answered; waiting (a re-ask if it was invalid)"
    return f"attempt {record.attempt} failed ({record.outcome}); attempt {record.attempt + 1}"


class LiveStatus:
    """``with LiveStatus("briefing", enabled=...) as status: ... on_call=status.hook``."""

    def __init__(
        self,
        label: str,
        *,
        enabled: bool = True,
        stream: TextIO | None = None,
        interval: float = 0.5,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.enabled = enabled and _is_terminal(self.stream)
        self.interval = interval
        self.started = time.monotonic()
        self.last: CallRecord | None = None
        self.tokens = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def hook(self, record: CallRecord) -> None:
        """The ``on_call`` hook: remember the attempt (called from the library's threads)."""
        with self._lock:
            self.last = record
            self.tokens += record.usage.total_tokens

    def line(self) -> str:
        with self._lock:
            last, tokens = self.last, self.tokens
        elapsed = time.monotonic() - self.started
        parts = [f"summarizer: {self.label} {elapsed:.0f} s", describe(last)]
        if tokens:
            parts.append(f"{tokens:,} tokens so far")
        return " · ".join(parts)

    def _draw(self, text: str) -> None:
        width = shutil.get_terminal_size((80, 24)).columns - 1
        try:
            self.stream.write("\r\x1b[K" + text[:width])
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: stop drawing
            self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._draw(self.line())
            self._stop.wait(self.interval)

    def __enter__(self) -> LiveStatus:
        self.started = time.monotonic()
        if self.enabled:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._draw("")  # clear the line


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
