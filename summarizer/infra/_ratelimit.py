"""Client-side rate limiting: a concurrency cap, token buckets for RPM and TPM, and AIMD.

One `RateLimiter` is shared by every request of a run. Every HTTP attempt (a first
try, a transport retry, a validation re-ask, a chunk of a long article) passes
through `RateLimiter.slot`, and every attempt's `CallRecord` is shown to
`RateLimiter.observe`:

- **concurrency**: at most ``concurrency`` requests in flight, granted first come,
  first served;
- **token buckets**: ``rpm`` requests and ``tpm`` tokens per minute, refilled
  continuously, holding at most ``burst_s`` seconds' worth. Requests that hold a slot
  queue for the buckets first come, first served; only the head of the queue sleeps,
  and it takes its share only once the bucket holds it. So sends are paced, and an
  event loop that stalled (CPU-bound work) releases at most a bucketful at once, not
  every request that fell due meanwhile. A fresh bucket holds one request's worth:
  the limiter cannot know what was sent before it. A request asking for more tokens
  than a bucketful waits for a full bucket and leaves it in debt;
- **AIMD**: a 429 halves the allowed concurrency and the bucket rates
  (multiplicative decrease, at most once per ``cooldown_s``: the other requests
  already in flight hit the same limit) and drains the buckets; each success adds
  ``1/concurrency`` of a slot and ``recovery`` of the configured rate back (additive
  increase), so the limiter probes its way back up to the configured ceiling.

Waiting works from any event loop and from threads (``slot_sync``), so one limiter
can serve `Summarizer.summarize` and `Summarizer.asummarize` alike.
"""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

from summarizer._text import CHARS_PER_TOKEN
from summarizer.infra._records import CallRecord

Clock = Callable[[], float]


class TokenBucket:
    """``rate`` units per second, holding at most ``capacity``; it may go into debt."""

    def __init__(
        self, rate: float, capacity: float, *, level: float | None = None, clock: Clock
    ) -> None:
        if rate <= 0 or capacity <= 0:
            raise ValueError("a token bucket needs a positive rate and capacity")
        self.rate = rate
        self.capacity = capacity
        self.level = capacity if level is None else level
        self._clock = clock
        self._updated = clock()

    def _refill(self) -> None:
        now = self._clock()
        self.level = min(self.capacity, self.level + (now - self._updated) * self.rate)
        self._updated = now

    def wait_time(self, amount: float) -> float:
        """Seconds until ``amount`` can be taken (a bucketful, if ``amount`` is more)."""
        self._refill()
        need = min(amount, self.capacity) - 1e-9  # float dust must not cost another sleep
        return 0.0 if self.level >= need else (need - self.level) / self.rate

    def take(self, amount: float) -> None:
        """Take ``amount`` (the level may go below zero: a debt later callers wait out)."""
        self._refill()
        self.level -= amount

    def give_back(self, amount: float) -> None:
        """Return ``amount`` (negative: charge more), e.g. once real usage is known."""
        self._refill()
        self.level = min(self.capacity, self.level + amount)

    def set_rate(self, rate: float) -> None:
        self._refill()
        self.rate = rate

    def drain(self) -> None:
        """Empty the bucket: no burst right after the provider pushed back."""
        self._refill()
        self.level = min(self.level, 0.0)


@dataclass
class LimiterStats:
    """What a limiter did: for benchmarks, logs and tests."""

    acquired: int = 0
    max_in_flight: int = 0
    max_queued: int = 0  # most requests waiting for a slot at once: work was ready to send
    rate_limited: int = 0  # 429s observed
    decreases: int = 0  # multiplicative decreases applied (at most one per cooldown)
    waited_s: float = 0.0  # total time the head of the pacing queue slept for the buckets


class _Waiter:
    """Someone queued for a slot: an asyncio task (any loop) or a thread."""

    def __init__(self, loop: asyncio.AbstractEventLoop | None) -> None:
        self.loop = loop
        self.granted = False
        self.future = loop.create_future() if loop is not None else None
        self.event = threading.Event() if loop is None else None

    def wake(self) -> bool:
        """Tell the waiter its slot is ready; ``False`` if its event loop is gone."""
        if self.loop is None:
            assert self.event is not None
            self.event.set()
            return True
        try:
            self.loop.call_soon_threadsafe(self._resolve)
        except RuntimeError:  # the loop was closed under a waiter that never got cancelled
            return False
        return True

    def _resolve(self) -> None:
        if self.future is not None and not self.future.done():
            self.future.set_result(None)


class RateLimiter:
    """Concurrency cap + RPM/TPM token buckets + AIMD, shared by every request of a run.

    ``RateLimiter(concurrency=32, rpm=600, tpm=200_000)``; hand it to
    ``Summarizer(..., limiter=...)``. ``burst_s`` sizes the buckets (seconds of
    rate they can bank); ``decrease`` is the multiplicative factor on a 429,
    ``recovery`` the share of the configured rate won back per success.
    """

    def __init__(
        self,
        concurrency: int = 8,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        burst_s: float = 1.0,
        decrease: float = 0.5,
        recovery: float = 0.02,
        cooldown_s: float = 1.0,
        min_rate_share: float = 0.05,
        clock: Clock = time.monotonic,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if not 0 < decrease < 1:
            raise ValueError("decrease must be between 0 and 1")
        self.concurrency = concurrency
        self.rpm = rpm
        self.tpm = tpm
        self.stats = LimiterStats()
        self._decrease, self._recovery, self._cooldown = decrease, recovery, cooldown_s
        self._min_share = min_rate_share
        self._clock = clock
        self._window = float(concurrency)  # AIMD-controlled concurrency
        self._share = 1.0  # AIMD-controlled share of the configured rates
        self._last_decrease = -math.inf
        self._burst_s = burst_s
        self._requests = self._bucket(rpm, burst_s, first=1.0)
        self._tokens = self._bucket(tpm, burst_s, first=None)
        self._in_flight = 0
        self._waiters: deque[_Waiter] = deque()  # for a slot
        self._pacing: deque[_Waiter] = deque()  # holding a slot, queued for the buckets
        self._pacing_busy = False
        self._lock = threading.Lock()

    def _bucket(self, per_minute: float | None, burst_s: float, first: float | None) -> Any:
        if per_minute is None:
            return None
        if per_minute <= 0:
            raise ValueError("rpm and tpm must be positive")
        rate = per_minute / 60.0
        capacity = max(1.0, rate * burst_s)
        return TokenBucket(rate, capacity, level=first, clock=self._clock)

    def __repr__(self) -> str:
        return (
            f"RateLimiter(concurrency={self.concurrency}, rpm={self.rpm}, tpm={self.tpm}, "
            f"allowed={self.allowed}, rate_share={self._share:.2f})"
        )

    # --- state ---------------------------------------------------------------

    @property
    def allowed(self) -> int:
        """Requests allowed in flight right now (AIMD lowers it after a 429)."""
        return max(1, int(self._window))

    @property
    def rate_share(self) -> float:
        """Share of the configured RPM/TPM currently used (1.0 until a 429)."""
        return self._share

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def shrink(self, concurrency: int, rpm: float | None, tpm: float | None) -> None:
        """Lower the limits to these (a share handed over to another process).

        Requests in flight finish; a new one waits until fewer than ``concurrency`` are in
        flight, so the one who takes over the share waits for `in_flight` to come down
        before it sends (the sum never passes the run's cap). Rates not configured at the
        start stay off.
        """
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        with self._lock:
            self.concurrency = concurrency
            self._window = min(self._window, float(concurrency))
            if self._requests is not None and rpm is not None:
                self.rpm = rpm
            if self._tokens is not None and tpm is not None:
                self.tpm = tpm
            for bucket, per_minute in ((self._requests, self.rpm), (self._tokens, self.tpm)):
                if bucket is not None and per_minute is not None:
                    bucket.capacity = max(1.0, per_minute / 60.0 * self._burst_s)
                    bucket.level = min(bucket.level, bucket.capacity)
            self._set_share(self._share)

    def estimate(self, request: dict[str, Any]) -> int:
        """Tokens to reserve for a chat request: prompt chars / 4 plus its ``max_tokens``.

        ``0`` when no TPM limit is set (nothing to reserve, nothing to compute).
        """
        if self._tokens is None:
            return 0
        sent = {k: request.get(k) for k in ("messages", "tools", "response_format")}
        chars = len(json.dumps(sent, ensure_ascii=False, default=str))
        return chars // CHARS_PER_TOKEN + int(request.get("max_tokens") or 0)

    # --- acquiring and releasing ----------------------------------------------

    @asynccontextmanager
    async def slot(self, tokens: int = 0) -> AsyncIterator[None]:
        """``async with limiter.slot(estimated_tokens):`` around one HTTP attempt."""
        await self.acquire(tokens)
        try:
            yield
        finally:
            self.release()

    @contextmanager
    def slot_sync(self, tokens: int = 0) -> Iterator[None]:
        """The blocking twin of `slot`, for threads and the sync client."""
        self.acquire_sync(tokens)
        try:
            yield
        finally:
            self.release()

    async def acquire(self, tokens: int = 0) -> None:
        """Wait for a slot, then for the buckets to hold one request and ``tokens``."""
        await self._await_turn(self._enter(asyncio.get_running_loop()), self._leave_slots)
        try:
            if self._paced:
                await self._await_turn(self._enter_pacing(asyncio.get_running_loop()), self._pass)
                try:
                    while (wait := self._try_take(tokens)) > 0:
                        await asyncio.sleep(wait)
                finally:
                    self._pass()
        except BaseException:  # cancelled while paced: hand the slot back
            self.release()
            raise

    def acquire_sync(self, tokens: int = 0) -> None:
        """The blocking twin of `acquire`."""
        waiter = self._enter(None)
        if waiter is not None:
            assert waiter.event is not None
            waiter.event.wait()
        if self._paced:
            waiter = self._enter_pacing(None)
            if waiter is not None:
                assert waiter.event is not None
                waiter.event.wait()
            try:
                while (wait := self._try_take(tokens)) > 0:
                    time.sleep(wait)
            finally:
                self._pass()

    def release(self) -> None:
        """Give a slot back (after the response, or the error, arrived)."""
        with self._lock:
            self._in_flight -= 1
            self._grant()

    @staticmethod
    async def _await_turn(waiter: _Waiter | None, give_up: Callable[[_Waiter], None]) -> None:
        if waiter is None:
            return
        assert waiter.future is not None
        try:
            await waiter.future
        except BaseException:
            give_up(waiter)
            raise

    # --- slots (concurrency) ---------------------------------------------------

    def _enter(self, loop: asyncio.AbstractEventLoop | None) -> _Waiter | None:
        """Take a free slot at once (``None``), or queue and return the waiter."""
        with self._lock:
            if not self._waiters and self._in_flight < self.allowed:
                self._take_slot()
                return None
            waiter = _Waiter(loop)
            self._waiters.append(waiter)
            self.stats.max_queued = max(self.stats.max_queued, len(self._waiters))
            return waiter

    def _leave_slots(self, waiter: _Waiter) -> None:
        with self._lock:
            if not waiter.granted:
                self._waiters.remove(waiter)
                return
        self.release()  # the slot was granted as the wait was cancelled

    def _take_slot(self) -> None:
        self._in_flight += 1
        self.stats.acquired += 1
        self.stats.max_in_flight = max(self.stats.max_in_flight, self._in_flight)

    def _grant(self) -> None:
        """Hand free slots to the longest waiters (called with the lock held)."""
        while self._waiters and self._in_flight < self.allowed:
            waiter = self._waiters.popleft()
            waiter.granted = True
            self._take_slot()
            if not waiter.wake():
                self._in_flight -= 1

    # --- pacing (token buckets): one sleeper at a time, first come first served --

    @property
    def _paced(self) -> bool:
        return self._requests is not None or self._tokens is not None

    def _enter_pacing(self, loop: asyncio.AbstractEventLoop | None) -> _Waiter | None:
        """Become the head of the pacing queue at once (``None``), or queue behind it."""
        with self._lock:
            if not self._pacing_busy:
                self._pacing_busy = True
                return None
            waiter = _Waiter(loop)
            self._pacing.append(waiter)
            return waiter

    def _pass(self, waiter: _Waiter | None = None) -> None:
        """Leave the pacing queue: hand the head on (or drop out if never at the head)."""
        with self._lock:
            if waiter is not None and not waiter.granted:
                self._pacing.remove(waiter)
                return
            while self._pacing:
                head = self._pacing.popleft()
                head.granted = True
                if head.wake():
                    return
            self._pacing_busy = False

    def _try_take(self, tokens: int) -> float:
        """Take one request and ``tokens`` if the buckets hold them (0.0); else the wait."""
        with self._lock:
            wait = 0.0
            if self._requests is not None:
                wait = self._requests.wait_time(1)
            if self._tokens is not None and tokens:
                wait = max(wait, self._tokens.wait_time(tokens))
            if wait > 0:
                self.stats.waited_s += wait
                return wait
            if self._requests is not None:
                self._requests.take(1)
            if self._tokens is not None and tokens:
                self._tokens.take(tokens)
            return 0.0

    # --- feedback --------------------------------------------------------------

    def observe(self, record: CallRecord, reserved_tokens: int = 0) -> None:
        """Feed one attempt's outcome: a 429 slows down, a success speeds back up.

        With a TPM limit, the tokens reserved for the attempt are settled against
        the usage the provider reported.
        """
        with self._lock:
            used = record.usage.total_tokens
            if self._tokens is not None and reserved_tokens and used:
                self._tokens.give_back(reserved_tokens - used)
            if record.status == 429:
                self._slow_down()
            elif record.outcome == "ok":
                self._speed_up()
            self._grant()

    def _slow_down(self) -> None:
        self.stats.rate_limited += 1
        now = self._clock()
        if now - self._last_decrease < self._cooldown:
            return  # the same congestion event, seen by another request in flight
        self._last_decrease = now
        self.stats.decreases += 1
        self._window = max(1.0, self._window * self._decrease)
        self._set_share(max(self._min_share, self._share * self._decrease))
        for bucket in (self._requests, self._tokens):
            if bucket is not None:
                bucket.drain()

    def _speed_up(self) -> None:
        self._window = min(float(self.concurrency), self._window + 1.0 / self._window)
        if self._share < 1.0:
            self._set_share(min(1.0, self._share + self._recovery))

    def _set_share(self, share: float) -> None:
        self._share = share
        for bucket, per_minute in ((self._requests, self.rpm), (self._tokens, self.tpm)):
            if bucket is not None and per_minute is not None:
                bucket.set_rate(per_minute / 60.0 * share)
