"""Batch runs that never lose work: records in, one JSONL line per record out.

Shape of a run::

    reader ──(bounded queue)──> N workers ──(bounded queue)──> one writer ──> OUT.jsonl

- The reader pulls records lazily and skips ids the output already holds, so a rerun
  of the same command resumes where the last one stopped (Ctrl-C, crash, ``kill -9``).
- Each worker passes a `Limiter` before it summarises a record; the default lets
  everything through, a rate limiter (requests or tokens per minute) plugs in here.
- The single writer appends one line per result and flushes it at once, so lines never
  interleave and a finished result is on disk before the next one is written.
- A record that fails is written as ``{"id", "ok": false, "error": {"type", "message"}}``
  and the run goes on. ``retry_failed`` first rewrites the output without those lines
  (temp file + rename, atomically), so they run again and every id keeps exactly one line.
- A torn last line (``kill -9`` mid-write) is cut off before appending; its record runs again.
- A circuit breaker stops the run when the provider is down: after
  ``max_consecutive_failures`` provider failures in a row it stops scheduling, lets the
  records in flight finish and writes what is done. Those failures are not written
  (a success in between writes them, as the bad luck they were), so rerunning the same
  command resumes with them instead of burning the whole input against an outage.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

from summarizer._errors import InputError, SummarizerError
from summarizer._pool import WorkerPool
from summarizer._results import RecordFailed, Result, failure
from summarizer._schema import Briefing, Usage
from summarizer._summarizer import Summarizer
from summarizer.backends._openai import network_loop
from summarizer.infra._files import atomic_file
from summarizer.input._read import Record

DEFAULT_CONCURRENCY = 8
# Articles a run keeps in progress per request slot when a limiter caps the requests. An
# article spends part of its time off the network (cleaning, building the request, parsing,
# validation, grounding, its JSONL line); with only one article per slot, each of those
# moments leaves a slot idle. With two, the next article is ready to send when a slot
# frees (docs/PERFORMANCE.md: at 32 slots and 200 ms, 0.74 -> 0.80 of the limit over two
# workers, 0.51 -> 0.56 in one process). The limiter still caps requests.
PIPELINE_DEPTH = 2
DEFAULT_MAX_CONSECUTIVE_FAILURES = 10


class CircuitBreaker:
    """Trips after ``threshold`` provider outages in a row (``threshold <= 0``: never).

    Outage failures are held back until the provider answers again (then they are
    written) or the breaker trips (then they are dropped, and a rerun does them again).
    """

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self.held: list[Result] = []
        self.tripped: Result | None = None  # the failure that tripped it
        self.dropped = 0

    def admit(self, result: Result) -> list[Result]:
        """The results to write now: ``result`` and any it releases, or none."""
        if result.provider == "refused":  # the key: stop at once, whatever the threshold
            if self.tripped is None or self.tripped.provider != "refused":
                self.tripped = result
            self.dropped += len(self.held) + 1
            self.held = []
            return []
        if self.threshold <= 0 or (not result.ok and result.provider is None):
            return [result]  # it says nothing about the provider
        if result.ok or result.provider == "up":
            released, self.held = self.held, []
            return [*released, result]
        if self.tripped is None:
            self.held.append(result)
            if len(self.held) < self.threshold:
                return []
            self.tripped = result
            self.dropped, self.held = len(self.held), []
            return []
        self.dropped += 1
        return []

    def release(self) -> list[Result]:
        """At the end of a run that did not trip: the held failures, to be written."""
        released, self.held = self.held, []
        return released


# --- the output file ---------------------------------------------------------------------


def check_output_path(source: Path, output: Path) -> None:
    """`InputError` when ``output`` is the input itself (results would be appended to it)."""
    same = source.resolve() == output.resolve()
    if not same and output.exists() and source.exists():
        same = os.path.samefile(source, output)  # a hard link or a symlink to it
    if same:
        raise InputError(f"{output} is the input; write the results to another file")


class OutputLocked(SummarizerError):
    """Another process is writing the same batch output."""


@contextlib.contextmanager
def output_lock(output: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``output`` for a whole run; `OutputLocked` if it is taken.

    Two runs on one output would each summarise (and pay for) every record and write
    each id twice. The lock is ``flock`` on a file of its own (the
    output itself is replaced by ``--retry-failed``, which would orphan a lock held on
    it) named ``NAME.lock`` beside the output; it dies with its process, so a killed run never leaves it stuck. The file is
    left in place: removing it would let a third process lock a new file while the
    second still holds the old one. Without ``fcntl`` (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    path = output.with_name(f"{output.name}.lock")
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise OutputLocked(
                f"{output} is being written by another summarizer batch (pid {holder}); "
                "wait for it to finish, or choose another -o"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@dataclass
class OutputState:
    """What an existing output file already holds."""

    done: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    torn_bytes: int = 0


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        yield from handle


def _line_id(raw: bytes) -> tuple[str, bool] | None:
    try:
        data = json.loads(raw)
        return str(data["id"]), bool(data["ok"])
    except (ValueError, KeyError, TypeError):
        return None


def _end_of_last_line(handle: IO[bytes], size: int) -> int:
    """Offset just past the last newline (0 if there is none), reading backwards in blocks."""
    end = size
    while end > 0:
        start = max(0, end - 65536)
        handle.seek(start)
        cut = handle.read(end - start).rfind(b"\n")
        if cut != -1:
            return start + cut + 1
        end = start
    return 0


def repair_tail(path: Path) -> int:
    """Cut a torn last line (no newline: the writer was killed); return the bytes removed."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return 0
        keep = _end_of_last_line(handle, size)
        handle.truncate(keep)
    return size - keep


def scan_output(path: Path) -> OutputState:
    """Ids already written (ok or failed), after cutting a torn last line."""
    state = OutputState(torn_bytes=repair_tail(path))
    if not path.exists():
        return state
    for raw in _lines(path):
        found = _line_id(raw)
        if found is None:
            continue
        record_id, ok = found
        state.done.add(record_id)
        if ok:
            state.failed.discard(record_id)
        else:
            state.failed.add(record_id)
    return state


def drop_failed(path: Path, failed: set[str]) -> None:
    """Rewrite ``path`` without the lines of ``failed`` ids: temp file, fsync, rename."""
    with atomic_file(path, "wb") as out:
        for raw in _lines(path):
            found = _line_id(raw)
            if found is None or found[0] not in failed:
                out.write(raw)


def prepare_output(path: Path, *, retry_failed: bool = False) -> OutputState:
    """Scan (and repair) the output; with ``retry_failed`` drop failed lines so they rerun."""
    state = scan_output(path)
    if retry_failed and state.failed:
        drop_failed(path, state.failed)
        state.done -= state.failed
        state.failed = set()
    return state


# --- the engine ----------------------------------------------------------------------------


class Limiter(Protocol):
    """Gates each record before it is summarised (e.g. requests or tokens per minute)."""

    async def acquire(self, record: Record) -> None:
        """Wait until ``record`` may be sent."""

    def release(self, record: Record, usage: Usage | None) -> None:
        """``record`` is done; ``usage`` is what it spent (``None`` if unknown)."""


class NoLimit:
    """The default `Limiter`: lets every record through at once."""

    async def acquire(self, record: Record) -> None:
        return None

    def release(self, record: Record, usage: Usage | None) -> None:
        return None


Process = Callable[[Record], Awaitable[Briefing]]
"""Summarises one record; raises on failure (`RecordFailed` when the `Result` is made)."""


OnResult = Callable[[Result], None]
OnSkip = Callable[[str], None]


@dataclass
class BatchReport:
    """What a run did. ``failed_before`` counts failures left in the file by earlier runs."""

    output: Path
    ok: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    failed_before: int = 0
    torn_bytes: int = 0
    wall_s: float = 0.0
    stopped: Result | None = None  # the provider failure that tripped the circuit breaker
    not_written: int = 0  # failures the breaker dropped: a rerun does them again

    @property
    def any_failed(self) -> bool:
        """Whether the output holds any failed record (from this run or an earlier one)."""
        return bool(self.failed) or self.failed_before > 0


class BatchRun:
    """One run over ``records`` writing to ``output``; ``process`` summarises one record."""

    def __init__(
        self,
        output: Path,
        process: Process,
        *,
        concurrency: int = DEFAULT_CONCURRENCY,
        limiter: Limiter | None = None,
        on_result: OnResult | None = None,
        on_skip: OnSkip | None = None,
        max_consecutive_failures: int = DEFAULT_MAX_CONSECUTIVE_FAILURES,
    ) -> None:
        self.output = output
        self.process = process
        self.concurrency = max(1, concurrency)
        self.breaker = CircuitBreaker(max_consecutive_failures)
        self.limiter: Limiter = limiter or NoLimit()
        self.on_result = on_result
        self.on_skip = on_skip
        self._todo: asyncio.Queue[Record | None] = asyncio.Queue(maxsize=2 * self.concurrency)
        self._done: asyncio.Queue[Result | None] = asyncio.Queue(maxsize=2 * self.concurrency)

    async def run(self, records: Iterable[Record], *, retry_failed: bool = False) -> BatchReport:
        """Summarise every record not yet in the output; return what happened."""
        started = time.monotonic()
        state = prepare_output(self.output, retry_failed=retry_failed)
        report = BatchReport(
            self.output, failed_before=len(state.failed), torn_bytes=state.torn_bytes
        )
        self.output.parent.mkdir(parents=True, exist_ok=True)
        with self.output.open("a", encoding="utf-8", newline="\n") as out:
            writer = asyncio.create_task(self._write(out, report))
            workers = [asyncio.create_task(self._work()) for _ in range(self.concurrency)]
            try:
                await self._read(records, state.done, report)
                await asyncio.gather(*workers)
                await self._done.put(None)
                await writer
                for result in self.breaker.release():
                    self._emit(out, result, report)
            finally:
                for task in (*workers, writer):
                    task.cancel()
                self._drain(out, report)  # results finished before a Ctrl-C still get written
                os.fsync(out.fileno())
        report.wall_s = time.monotonic() - started
        report.stopped, report.not_written = self.breaker.tripped, self.breaker.dropped
        return report

    async def _read(self, records: Iterable[Record], done: set[str], report: BatchReport) -> None:
        queued: set[str] = set()
        for record in records:
            if self.breaker.tripped is not None:
                break  # an outage: stop reading; a rerun resumes here
            if record.id in done or record.id in queued:
                report.skipped += 1
                if self.on_skip is not None:
                    self.on_skip(record.id)
                continue
            queued.add(record.id)
            await self._todo.put(record)
        for _ in range(self.concurrency):
            await self._todo.put(None)

    async def _work(self) -> None:
        while (record := await self._todo.get()) is not None:
            if self.breaker.tripped is None:  # after an outage, queued records wait for a rerun
                # The breaker sees each result as it comes, so it trips without delay.
                for admitted in self.breaker.admit(await self._one(record)):
                    await self._done.put(admitted)

    async def _one(self, record: Record) -> Result:
        if record.error is not None:
            return failure(record.id, InputError(record.error))
        await self.limiter.acquire(record)
        usage: Usage | None = None
        try:
            briefing = await self.process(record)
            usage = briefing.usage
            return Result(id=record.id, briefing=briefing)
        except RecordFailed as err:  # a worker process made the Result already
            return err.result
        except SummarizerError as err:
            usage = getattr(err, "usage", None)
            return failure(record.id, err)
        except Exception as err:  # one broken article must not stop the other 99,999
            return failure(record.id, err)
        finally:
            self.limiter.release(record, usage if isinstance(usage, Usage) else None)

    async def _write(self, out: IO[str], report: BatchReport) -> None:
        while (result := await self._done.get()) is not None:
            self._emit(out, result, report)

    def _drain(self, out: IO[str], report: BatchReport) -> None:
        while not self._done.empty():
            result = self._done.get_nowait()
            if result is not None:
                self._emit(out, result, report)

    def _emit(self, out: IO[str], result: Result, report: BatchReport) -> None:
        out.write(result.line() + "\n")
        out.flush()
        if result.ok:
            report.ok += 1
        else:
            report.failed[result.error_type or "Error"] += 1
        if self.on_result is not None:
            self.on_result(result)


def articles_in_progress(summarizer: Summarizer, concurrency: int) -> int:
    """How many articles a run keeps in progress for ``concurrency`` requests in flight.

    With a limiter (which caps the requests, re-asks and chunks included) the run keeps
    `PIPELINE_DEPTH` articles per slot; without one, each article is its own cap.
    """
    return concurrency * PIPELINE_DEPTH if summarizer.limiter is not None else concurrency


async def run_batch(
    summarizer: Summarizer,
    records: Iterable[Record],
    output: Path,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    retry_failed: bool = False,
    limiter: Limiter | None = None,
    on_result: OnResult | None = None,
    on_skip: OnSkip | None = None,
    max_consecutive_failures: int = DEFAULT_MAX_CONSECUTIVE_FAILURES,
    workers: int = 1,
) -> BatchReport:
    """Summarise ``records`` with ``summarizer`` into ``output`` (resumable); see `BatchRun`.

    ``concurrency`` articles at once; when the summariser has a limiter (which caps the
    requests in flight), `articles_in_progress` articles, so its slots stay busy.

    ``workers > 1`` summarises in that many processes (`summarizer._pool.WorkerPool`),
    for runs where one event loop's CPU, not the provider, is the limit.
    """

    async def process(record: Record) -> Briefing:
        return await summarizer.asummarize(record.text, html=record.html)

    def batch_run(process: Process) -> BatchRun:
        return BatchRun(
            output,
            process,
            concurrency=articles_in_progress(summarizer, concurrency),
            limiter=limiter,
            on_result=on_result,
            on_skip=on_skip,
            max_consecutive_failures=max_consecutive_failures,
        )

    if workers <= 1:
        async with network_loop(summarizer.backend):  # slots refilled while answers are processed
            return await batch_run(process).run(records, retry_failed=retry_failed)
    # The parent is one of the workers: it sends while the children start (`WorkerPool`).
    async with WorkerPool(summarizer, workers, concurrency=concurrency, in_process=True) as pool:
        return await batch_run(pool.process).run(records, retry_failed=retry_failed)
