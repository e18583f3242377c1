"""`batch --workers N`: the same output as one process, limits shared, hooks and cache seen."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from pathlib import Path

import pytest
from test_batch import article, fake, grounded_reply, read_lines, write_jsonl  # noqa: F401

from summarizer._batch import BatchRun, articles_in_progress
from summarizer._pool import WorkerError, WorkerPool, shares
from summarizer._summarizer import Summarizer
from summarizer.cli import main
from summarizer.infra._cache import Cache
from summarizer.infra._calllog import CallLog
from summarizer.infra._ratelimit import RateLimiter
from summarizer.input._read import Record
from summarizer.testing import FakeOpenAI


def test_shares_split_the_total_and_give_each_worker_at_least_one() -> None:
    assert shares(32, 2) == [16, 16]
    assert shares(7, 3) == [3, 2, 2]
    assert sum(shares(33, 4)) == 33
    assert shares(1, 3) == [1, 1, 1]


def test_workers_write_what_one_process_writes(
    fake: FakeOpenAI,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    records = [{"id": f"a{i}", "text": article(i)} for i in range(12)]
    records.append({"id": "bad", "text": article(99) + " POISON"})
    source = write_jsonl(tmp_path / "in.jsonl", records)
    assert main(["batch", str(source), "-o", "one.jsonl", "--no-cache"]) == 1
    capsys.readouterr()
    assert main(["batch", str(source), "-o", "two.jsonl", "--no-cache", "--workers", "2"]) == 1
    report = capsys.readouterr().out

    def by_id(name: str) -> dict[str, dict[str, object]]:
        lines = read_lines(tmp_path / name)
        for line in lines:
            if line["ok"]:
                line["briefing"].pop("latency_s")  # type: ignore[union-attr]
        return {str(line["id"]): line for line in lines}

    assert by_id("two.jsonl") == by_id("one.jsonl")
    assert by_id("two.jsonl")["bad"]["error"] == by_id("one.jsonl")["bad"]["error"]
    assert fake.count == 26
    # The parent's cost meter saw every call the children made.
    calls_row = next(line for line in report.splitlines() if "model calls" in line)
    assert calls_row.split()[-2:] == ["13", "│"] or calls_row.rstrip(" │").endswith("13")


def test_children_send_every_call_to_the_parents_hooks_and_cache_counters(
    fake: FakeOpenAI,  # noqa: F811
    tmp_path: Path,
) -> None:
    seen: list[str] = []
    records = [Record(id=f"r{i}", text=article(i)) for i in range(6)]
    log = CallLog(tmp_path / "calls.sqlite")
    cache = Cache(tmp_path / "cache.sqlite")
    summarizer = Summarizer(
        on_call=lambda r: (seen.append(r.outcome), log(r)), cache=cache, max_reasks=0
    )

    async def run() -> list[object]:
        async with WorkerPool(summarizer, 2, concurrency=4) as pool:
            first = await asyncio.gather(*(pool.process(r) for r in records))
            again = await asyncio.gather(*(pool.process(r) for r in records))
            return [*first, *again]

    briefings = asyncio.run(run())
    assert len(briefings) == 12
    assert seen == ["ok"] * 6  # the second round came from the shared cache
    assert fake.count == 6
    assert cache.hits == 6 and cache.misses == 6
    assert len(log.recent(100)) == 6


def test_the_limits_are_shared_across_the_workers(
    fake: FakeOpenAI,  # noqa: F811
    tmp_path: Path,
) -> None:
    fake.latency = 0.2
    records = [Record(id=f"r{i}", text=article(i)) for i in range(24)]
    summarizer = Summarizer(limiter=RateLimiter(4))

    async def run() -> None:
        async with WorkerPool(summarizer, 2, concurrency=16) as pool:
            await asyncio.gather(*(pool.process(r) for r in records))

    asyncio.run(run())
    assert fake.count == 24
    assert fake.max_in_flight <= 4  # the limiter's 4, not the batch's 16


def test_a_dead_worker_fails_only_its_records_and_the_others_carry_on(
    fake: FakeOpenAI,  # noqa: F811
) -> None:
    # The first four requests are held at the server until the dead worker is killed (a
    # fixed latency let one worker's requests be answered before the other's arrived on
    # a loaded machine, and the four were never in flight together).
    release = threading.Event()

    def held(request: dict[str, object]) -> object:
        release.wait(timeout=30)
        return grounded_reply(request)

    fake._default = held  # type: ignore[assignment]
    records = [Record(id=f"r{i}", text=article(i)) for i in range(8)]
    summarizer = Summarizer(cache=None)

    async def run() -> tuple[list[object], list[object], list[int], BaseException | None]:
        async with WorkerPool(summarizer, 2, concurrency=4) as pool:
            await asyncio.gather(*(c.ready for c in pool._children))  # work starts on the first
            dead = pool._children[0]
            first = [asyncio.create_task(pool.process(r)) for r in records[:4]]
            for _ in range(1500):  # until each worker's two requests reach the server
                if fake.in_flight == 4:
                    break
                await asyncio.sleep(0.02)
            assert fake.in_flight == 4 and len(dead.pending) == 2
            dead_jobs = sorted(dead.pending)
            os.kill(dead.proc.pid, signal.SIGKILL)
            release.set()
            done = await asyncio.gather(*first, return_exceptions=True)
            after = await asyncio.gather(*(pool.process(r) for r in records[4:]))
            for child in pool._children[1:]:
                os.kill(child.proc.pid, signal.SIGKILL)
            for _ in range(200):
                if not any(c.alive for c in pool._children):
                    break
                await asyncio.sleep(0.02)
            try:
                await pool.process(records[0])
            except WorkerError as err:
                return done, list(after), dead_jobs, err
            return done, list(after), dead_jobs, None

    done, after, dead_jobs, err = asyncio.run(run())
    assert dead_jobs == [0, 1]  # the dead worker had r0 and r2 (least busy first)
    failed = [records[i].id for i, d in enumerate(done) if isinstance(d, BaseException)]
    assert failed == ["r0", "r2"]
    assert all("rerun to resume" in str(d) for d in done if isinstance(d, BaseException))
    assert [b.summary for b in after] == [
        f"Article number {i} reports that the council met on Monday" for i in range(4, 8)
    ]  # type: ignore[attr-defined]
    assert err is not None and "rerun to resume" in str(err)


# --- the parent as one of the workers (`in_process=True`, what `batch --workers` runs) ------


def test_the_parent_sends_before_any_child_is_up(
    fake: FakeOpenAI,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The children never report ready here: the run's first requests do not wait for
    # them to import the library (they did: the first request left 3.6-7.8 s after the
    # command started, issue #18).
    monkeypatch.setattr(WorkerPool, "_child_up", lambda self, child: None)
    records = [Record(id=f"r{i}", text=article(i)) for i in range(3)]
    summarizer = Summarizer(cache=None, limiter=RateLimiter(4))

    async def run() -> tuple[list[object], bool]:
        async with WorkerPool(summarizer, 2, concurrency=4, in_process=True) as pool:
            done = await asyncio.gather(*(pool.process(r) for r in records))
            return list(done), any(c.enabled for c in pool._children)

    done, child_used = asyncio.run(asyncio.wait_for(run(), timeout=60))
    assert [b.summary for b in done] == [  # type: ignore[attr-defined]
        f"Article number {i} reports that the council met on Monday" for i in range(3)
    ]
    assert not child_used and fake.count == 3


def test_a_child_gets_its_share_only_once_the_parents_requests_fit_the_rest(
    fake: FakeOpenAI,  # noqa: F811
    tmp_path: Path,
) -> None:
    # The parent starts with all 4 slots; its first requests are held at the server until
    # the child is up. The child then gets 2 slots, and records only once the parent is
    # down to its own 2 in flight: never more than 4 at the server.
    child_up = threading.Event()

    def held(request: dict[str, object]) -> object:
        child_up.wait(timeout=60)
        return grounded_reply(request)

    fake._default = held  # type: ignore[assignment]
    fake.latency = 0.05
    records = [Record(id=f"r{i}", text=article(i)) for i in range(24)]
    summarizer = Summarizer(cache=None, limiter=RateLimiter(4))

    async def run() -> tuple[int, int]:
        async with WorkerPool(summarizer, 2, concurrency=4, in_process=True) as pool:

            async def watch() -> None:
                await pool._children[0].ready
                child_up.set()

            watcher = asyncio.create_task(watch())
            in_progress = articles_in_progress(summarizer, 4)
            report = await BatchRun(
                tmp_path / "out.jsonl", pool.process, concurrency=in_progress
            ).run(records)
            await watcher
            return report.ok, pool._children[0]._next

    ok, child_jobs = asyncio.run(run())
    assert ok == 24 and fake.count == 24
    assert child_jobs > 0  # the child took over part of the work
    assert fake.max_in_flight <= 4
