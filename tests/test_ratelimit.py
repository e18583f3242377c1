"""The rate limiter: token-bucket arithmetic, AIMD, and the cap on requests in flight."""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from test_llm import BAD, GOOD

from summarizer import Summarizer
from summarizer._schema import PromptInfo, Usage
from summarizer.infra._ratelimit import RateLimiter, TokenBucket
from summarizer.infra._records import CallRecord
from summarizer.testing import FakeOpenAI, Reply, Status


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def record(outcome: str = "ok", status: int | None = None, tokens: int = 0) -> CallRecord:
    return CallRecord(
        started=datetime.now(timezone.utc),
        model="m",
        prompt=PromptInfo(id="p", version="1", sha256="-"),
        messages=[],
        attempt=1,
        latency_s=0.2,
        outcome=outcome,
        status=status,
        usage=Usage(total_tokens=tokens),
    )


RATE_LIMITED = record("RateLimitError", 429)


# --- token bucket arithmetic ---------------------------------------------------------


def test_bucket_wait_time_is_the_deficit_over_the_rate() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=2.0, capacity=2.0, clock=clock)
    assert bucket.wait_time(1) == 0.0
    bucket.take(2)
    assert bucket.wait_time(1) == pytest.approx(0.5)
    clock.now += 0.5
    assert bucket.wait_time(1) == 0.0
    bucket.take(1)
    assert bucket.wait_time(1) == pytest.approx(0.5)


def test_bucket_refills_up_to_its_capacity_only() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=10.0, capacity=5.0, level=0.0, clock=clock)
    clock.now += 60.0  # a long idle spell banks a bucketful, not 600
    for _ in range(5):
        assert bucket.wait_time(1) == 0.0
        bucket.take(1)
    assert bucket.wait_time(1) == pytest.approx(0.1)


def test_bucket_request_larger_than_capacity_waits_for_a_full_bucket_then_owes() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=100.0, capacity=100.0, level=0.0, clock=clock)
    assert bucket.wait_time(300) == pytest.approx(1.0)
    clock.now += 1.0
    bucket.take(300)
    assert bucket.wait_time(1) == pytest.approx(2.01)  # the 200 owed, then one more


def test_bucket_give_back_settles_estimate_against_usage() -> None:
    clock = Clock()
    bucket = TokenBucket(rate=10.0, capacity=100.0, clock=clock)
    bucket.take(100)
    bucket.give_back(60)  # reserved 100, used 40
    assert bucket.wait_time(60) == 0.0
    bucket.take(60)
    bucket.give_back(-10)  # used more than reserved: the debt delays the next caller
    assert bucket.wait_time(1) == pytest.approx(1.1)


def test_limiter_rpm_bucket_starts_with_one_request_and_paces_the_rest() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=8, rpm=600, clock=clock)  # 10 per second
    assert limiter._try_take(0) == 0.0
    assert limiter._try_take(0) == pytest.approx(0.1)
    clock.now += 0.1
    assert limiter._try_take(0) == 0.0


def test_limiter_tpm_takes_estimated_tokens() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=8, tpm=60_000, clock=clock)  # 1000 tokens per second
    request = {"messages": [{"role": "user", "content": "x" * 400}], "max_tokens": 50}
    estimate = limiter.estimate(request)
    assert 150 <= estimate <= 200  # ~100 prompt tokens + 50 output tokens
    assert limiter._try_take(estimate) == 0.0
    assert limiter._try_take(1000) == pytest.approx(estimate / 1000)
    assert RateLimiter(concurrency=8).estimate(request) == 0  # no TPM: nothing to reserve


def test_observed_usage_settles_the_tpm_reservation() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=8, tpm=6000, clock=clock)  # a bucketful: 100 tokens
    assert limiter._try_take(100) == 0.0
    limiter.observe(record(tokens=40), reserved_tokens=100)
    assert limiter._try_take(60) == 0.0  # the 60 reserved but not used came back
    assert limiter._try_take(1) > 0.0  # and no more than that


def test_a_limiter_without_tpm_ignores_reserved_tokens() -> None:
    limiter = RateLimiter(concurrency=8)
    limiter.observe(record(tokens=40), reserved_tokens=100)  # nothing to settle, no error
    assert limiter.allowed == 8


# --- AIMD -------------------------------------------------------------------------------


def test_429_halves_concurrency_and_rate_and_success_recovers_them() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=32, rpm=600, clock=clock)
    limiter.observe(RATE_LIMITED)
    assert limiter.allowed == 16 and limiter.rate_share == 0.5
    assert limiter._requests.rate == pytest.approx(5.0)
    for _ in range(2000):
        limiter.observe(record("ok"))
    assert limiter.allowed == 32 and limiter.rate_share == 1.0
    assert limiter._requests.rate == pytest.approx(10.0)
    assert limiter.stats.rate_limited == 1 and limiter.stats.decreases == 1


def test_429s_of_one_congestion_event_decrease_once() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=32, clock=clock, cooldown_s=1.0)
    for _ in range(10):  # ten requests in flight all hit the same limit
        limiter.observe(RATE_LIMITED)
    assert limiter.allowed == 16
    clock.now += 1.5
    limiter.observe(RATE_LIMITED)
    assert limiter.allowed == 8
    assert limiter.stats.rate_limited == 11 and limiter.stats.decreases == 2


def test_a_429_exactly_one_cooldown_later_is_a_new_congestion_event() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=32, clock=clock, cooldown_s=1.0)
    limiter.observe(RATE_LIMITED)
    clock.now += 1.0
    limiter.observe(RATE_LIMITED)
    assert limiter.allowed == 8 and limiter.stats.decreases == 2


def test_each_success_adds_one_over_the_window() -> None:
    limiter = RateLimiter(concurrency=8)
    limiter.observe(RATE_LIMITED)  # 4 allowed
    for _ in range(4):  # 4 + 1/4 + 1/4.25 + ... = 4.92
        limiter.observe(record("ok"))
    assert limiter.allowed == 4
    limiter.observe(record("ok"))  # 5.12
    assert limiter.allowed == 5


def test_concurrency_never_drops_below_one() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=4, rpm=60, clock=clock)
    for _ in range(20):
        clock.now += 2
        limiter.observe(RATE_LIMITED)
    assert limiter.allowed == 1
    assert limiter.rate_share == pytest.approx(0.05)  # the floor: never stops altogether


def test_429_drains_the_bucket_so_no_burst_follows() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=8, rpm=600, burst_s=1.0, clock=clock)
    clock.now += 10  # bucket full: 10 requests banked
    limiter.observe(RATE_LIMITED)
    assert limiter._try_take(0) == pytest.approx(0.2)  # at the halved rate of 5 per second


def test_other_errors_neither_slow_down_nor_speed_up() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=8, rpm=600, clock=clock)
    limiter.observe(RATE_LIMITED)
    assert (limiter.allowed, limiter.rate_share) == (4, 0.5)
    for status in (500, 502, 503, None, 400, 408):  # each past the cooldown of the 429
        clock.now += 5
        limiter.observe(record("InternalServerError", status))
    # Six wrongful speed-ups would reach 5 slots and 62 % of the rate; one wrongful
    # slow-down (outside the cooldown now) would halve both again.
    assert (limiter.allowed, limiter.rate_share) == (4, 0.5)
    assert limiter.stats.decreases == 1 and limiter.stats.rate_limited == 1


# --- slots ------------------------------------------------------------------------------


async def test_slots_are_capped_and_handed_over_in_order() -> None:
    limiter = RateLimiter(concurrency=2)
    order: list[int] = []
    gate = asyncio.Event()

    async def work(i: int) -> None:
        async with limiter.slot():
            order.append(i)
            await gate.wait()

    tasks = [asyncio.create_task(work(i)) for i in range(5)]
    await asyncio.sleep(0.01)
    assert order == [0, 1] and limiter.in_flight == 2
    gate.set()
    await asyncio.gather(*tasks)
    assert order == [0, 1, 2, 3, 4]
    assert limiter.in_flight == 0 and limiter.stats.max_in_flight == 2


async def test_cancelled_waiter_does_not_leak_a_slot() -> None:
    limiter = RateLimiter(concurrency=1)
    await limiter.acquire()
    waiting = asyncio.create_task(limiter.acquire())
    await asyncio.sleep(0.01)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    limiter.release()
    assert limiter.in_flight == 0
    async with limiter.slot():
        assert limiter.in_flight == 1


async def test_a_shrunk_limiter_lets_its_requests_in_flight_finish_and_waits_below_the_new_cap() -> (
    None
):
    # A worker process took over part of the share: the requests in flight finish, and
    # none is sent until fewer than the new cap are in flight.
    limiter = RateLimiter(concurrency=4)
    for _ in range(4):
        await limiter.acquire()
    limiter.shrink(2, rpm=60, tpm=None)
    assert (limiter.concurrency, limiter.allowed, limiter.rpm) == (2, 2, None)  # rpm stays off
    waiting = asyncio.create_task(limiter.acquire())
    limiter.release()
    limiter.release()
    await asyncio.sleep(0.01)
    assert not waiting.done() and limiter.in_flight == 2  # 2 in flight: the new cap
    limiter.release()
    await asyncio.wait_for(waiting, 1)
    assert limiter.in_flight == 2
    limiter._speed_up()  # a success can't win back what was handed over
    assert limiter.allowed == 2


def test_a_shrunk_limiter_paces_at_its_new_rates() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=4, rpm=120, tpm=1200, clock=clock)
    limiter.shrink(2, rpm=60, tpm=600)
    assert (limiter.rpm, limiter.tpm) == (60, 600)
    assert limiter._requests.rate == 1.0 and limiter._requests.capacity == 1.0
    assert limiter._tokens.rate == 10.0 and limiter._tokens.level <= 10.0


def test_threads_share_the_cap() -> None:
    limiter = RateLimiter(concurrency=3)
    seen: list[int] = []
    lock = threading.Lock()

    def work() -> None:
        with limiter.slot_sync():
            with lock:
                seen.append(limiter.in_flight)
            threading.Event().wait(0.01)

    threads = [threading.Thread(target=work) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(seen) <= 3 and limiter.in_flight == 0 and limiter.stats.acquired == 12


# --- through the summariser, against the fake server ------------------------------------


def make(server: FakeOpenAI, limiter: RateLimiter, **kw: Any) -> Summarizer:
    return Summarizer(model="m", base_url=server.base_url, api_key="sk-x", limiter=limiter, **kw)


async def test_concurrency_cap_holds_at_the_server(seed_text: str) -> None:
    limiter = RateLimiter(concurrency=4)
    with FakeOpenAI(default=Reply(GOOD), latency=0.05) as server:
        s = make(server, limiter)
        briefings = await asyncio.gather(*(s.asummarize(seed_text) for _ in range(16)))
    assert len(briefings) == 16 and server.count == 16
    assert server.max_in_flight <= 4
    assert limiter.stats.acquired == 16 and limiter.in_flight == 0


async def test_reasks_and_retries_pass_through_the_limiter(seed_text: str) -> None:
    limiter = RateLimiter(concurrency=2)
    steps = [Status(429, headers={"Retry-After": "0"}), Reply(BAD), Reply(GOOD)]
    with FakeOpenAI(steps, default=Reply(GOOD)) as server:
        briefing = await make(server, limiter).asummarize(seed_text)
    assert server.count == 3  # a transport retry, then a re-ask
    assert limiter.stats.acquired == 3
    assert limiter.stats.rate_limited == 1 and limiter.stats.decreases == 1
    assert briefing.usage.reasks == 1


def test_sync_summarize_uses_the_limiter_too(seed_text: str) -> None:
    limiter = RateLimiter(concurrency=2)
    with FakeOpenAI([Reply(BAD)], default=Reply(GOOD)) as server:
        make(server, limiter).summarize(seed_text)
    assert server.count == 2 and limiter.stats.acquired == 2 and limiter.in_flight == 0


async def test_429s_from_the_server_lower_the_concurrency(seed_text: str) -> None:
    limiter = RateLimiter(concurrency=8)
    with FakeOpenAI(default=Reply(GOOD), rpm=4) as server:
        s = make(server, limiter, max_attempts=1)
        results = await asyncio.gather(
            *(s.asummarize(seed_text) for _ in range(8)), return_exceptions=True
        )
    assert server.rate_limited == 4
    assert sum(isinstance(r, Exception) for r in results) == 4
    assert limiter.stats.rate_limited == 4 and limiter.allowed < 8


def test_batch_cli_shares_one_limiter_with_its_rpm_and_tpm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.cli import main
    from summarizer.infra import _ratelimit

    made: list[RateLimiter] = []

    class Recording(RateLimiter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(_ratelimit, "RateLimiter", Recording)  # the CLI imports it when run
    records = tmp_path / "in.jsonl"
    lines = [
        {"id": str(i), "text": f"The council met on Monday. It voted {i} times."} for i in range(4)
    ]
    records.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    empty = {"summary": "The council met.", "actors": [], "tensions": [], "quotes": []}
    with FakeOpenAI(default=Reply(empty)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "test-model")
        argv = ["batch", str(records), "-o", str(tmp_path / "out.jsonl"), "-j", "2"]
        code = main([*argv, "--rpm", "6000", "--tpm", "1000000", "--no-cache", "--no-log"])
    assert code == 0 and len(made) == 1
    limiter = made[0]
    assert (limiter.concurrency, limiter.rpm, limiter.tpm) == (2, 6000, 1_000_000)
    assert limiter.stats.acquired == server.count == 4


def test_usage_without_a_reservation_settles_nothing() -> None:
    clock = Clock()
    limiter = RateLimiter(concurrency=8, tpm=6000, clock=clock)  # a bucketful: 100 tokens
    limiter.observe(record(tokens=40))  # no tokens were reserved for it
    assert limiter._try_take(100) == 0.0
