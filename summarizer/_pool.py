"""Worker processes for batches where the client's CPU, not the provider, is the limit.

One event loop spends ~10 ms of CPU per article (request building, instructor, JSON
and pydantic validation, grounding), so it tops out near 100 articles/s whatever the
provider allows. `WorkerPool` runs ``workers`` child processes, each with its own event
loop, HTTP client and `Summarizer` built from the parent's settings, and spreads the
run's limits over them: child *i* gets its share of the concurrency and ``rpm / workers``,
``tpm / workers`` (each child's AIMD reacts to the 429s it sees).

The parent keeps everything that must stay single: reading, resuming, writing, the
circuit breaker. Every `CallRecord` a child makes is sent back and given to the parent
summariser's ``on_call`` hook, so call logs and cost meters see every attempt; cache
hits are added to the parent's cache counters. Children ignore Ctrl-C: the parent stops
them, and what they had not sent back runs again on the next (resumed) run.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from summarizer._errors import SummarizerError
from summarizer._results import RecordFailed, failure
from summarizer._schema import Briefing
from summarizer._summarizer import Summarizer
from summarizer.backends._openai import network_loop, shared_async_client
from summarizer.infra._cache import Cache
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._records import CallRecord
from summarizer.infra._settings import Settings
from summarizer.input._read import Record

_START_TIMEOUT_S = 60.0


class WorkerError(SummarizerError):
    """A worker process died with records in flight (they run again on a rerun)."""


@dataclass(frozen=True)
class _Spec:
    """What a child needs to build its summariser (picklable)."""

    settings: Settings
    cache_path: Path | None
    concurrency: int
    rpm: float | None
    tpm: float | None


def shares(total: int, workers: int) -> list[int]:
    """``total`` split over ``workers`` as evenly as whole numbers allow (each at least 1)."""
    return [max(1, total // workers + (i < total % workers)) for i in range(workers)]


class WorkerPool:
    """``workers`` processes summarising records for one batch run.

    Use as an async context manager; `process` has the signature `BatchRun` expects.
    ``concurrency`` caps the requests in flight over all of them (the summariser's
    limiter's, if it has one, wins).

    ``in_process=True`` (what `run_batch` uses): the parent is one of the ``workers`` and
    starts ``workers - 1`` children. It works from the start with the run's whole limits,
    so the first requests leave while the children import the library (~1.5 s of CPU
    each, issue #18); as each child comes up, the parent hands it its share: the parent's
    limiter shrinks at once, and the child gets records once the parent's requests in
    flight are down to the parent's new cap, so the sum never passes the run's.
    """

    def __init__(
        self, summarizer: Summarizer, workers: int, *, concurrency: int, in_process: bool = False
    ) -> None:
        if workers < 2:
            raise ValueError("a pool needs at least 2 workers; run in-process otherwise")
        limiter = summarizer.limiter
        total = limiter.concurrency if limiter is not None else concurrency
        self.workers = workers
        self._hook = summarizer._on_call
        self._cache = summarizer.cache
        rpm = limiter.rpm if limiter is not None and limiter.rpm else None
        tpm = limiter.tpm if limiter is not None and limiter.tpm else None
        self._specs = [
            _Spec(
                settings=summarizer.settings,
                cache_path=summarizer.cache.path if summarizer.cache is not None else None,
                concurrency=share,
                rpm=rpm / workers if rpm is not None else None,
                tpm=tpm / workers if tpm is not None else None,
            )
            for share in shares(max(total, workers), workers)
        ]
        self._local: _Local | None = None
        if in_process:  # the parent takes the first share, and every share until handed over
            whole = RateLimiter(sum(spec.concurrency for spec in self._specs), rpm=rpm, tpm=tpm)
            self._local = _Local(summarizer, whole)
            self._specs = self._specs[1:]
        self._children: list[_Child] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._exit = contextlib.AsyncExitStack()

    async def __aenter__(self) -> WorkerPool:
        self._loop = asyncio.get_running_loop()
        if self._local is not None:  # requests on their own loop, as in one process
            await self._exit.enter_async_context(network_loop(self._local.summarizer.backend))
        ctx = multiprocessing.get_context("spawn")  # no fork: the parent has threads
        with _main_script_left_out():
            self._children = [_Child(ctx, spec, self) for spec in self._specs]
        await self._first_ready()  # the others join as they come up
        return self

    async def _first_ready(self) -> list[_Child | _Local]:
        """The workers ready to work, once there is one; `WorkerError` if none can be."""
        while True:
            ready: list[_Child | _Local] = [c for c in self._children if c.alive and c.enabled]
            if self._local is not None:
                ready.insert(0, self._local)
            if ready:
                return ready
            starting = [c.ready for c in self._children if c.alive and not c.ready.done()]
            if not starting:
                failed = next((c.ready for c in self._children if c.ready.done()), None)
                if failed is not None and failed.exception() is not None:
                    raise failed.exception()  # type: ignore[misc]
                raise WorkerError("every worker process has exited; rerun to resume")
            await asyncio.wait(starting, return_when=asyncio.FIRST_COMPLETED)

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self._exit.aclose()
        finally:
            await asyncio.to_thread(self.close)

    async def process(self, record: Record) -> Briefing:
        """Summarise ``record`` in the least busy child that is up; raise `RecordFailed` on
        failure. The first child up starts work: the run does not wait for the slowest."""
        ready = await self._first_ready()
        return await min(ready, key=_busy).submit(record)

    def close(self) -> None:
        """Stop the children: ask, wait a little, then terminate."""
        for child in self._children:
            child.stop()
        for child in self._children:
            child.join()

    # called from the children's reader threads, through the event loop

    def _on_message(self, child: _Child, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "call" and self._hook is not None:
            self._hook(message[1])
        elif kind == "cache" and self._cache is not None:
            # What the child counted since its last message (the parent's own lookups, as
            # a worker, count on the same `Cache` object).
            (hits, misses), before = message[1], child.cache_counts
            child.cache_counts = (hits, misses)
            self._cache.hits += hits - before[0]
            self._cache.misses += misses - before[1]
        elif kind in ("ok", "failed"):
            future = child.pending.pop(message[1], None)
            if future is None or future.done():
                return
            if kind == "ok":
                future.set_result(Briefing.model_validate_json(message[2]))
            else:
                future.set_exception(RecordFailed(message[2]))

    def _child_up(self, child: _Child) -> None:
        """``child`` is ready: hand it its share of the parent's limits (see the class)."""
        _resolve(child.ready)
        if self._local is None:
            child.enabled = True
            return
        limiter = self._local.limiter
        spec = child.spec
        concurrency = max(1, limiter.concurrency - spec.concurrency)
        rpm = limiter.rpm - spec.rpm if limiter.rpm and spec.rpm else None
        tpm = limiter.tpm - spec.tpm if limiter.tpm and spec.tpm else None
        limiter.shrink(concurrency, rpm, tpm)
        child.handover = asyncio.ensure_future(self._enable(child))

    async def _enable(self, child: _Child) -> None:
        """Give ``child`` records once the parent's requests in flight fit its new cap."""
        assert self._local is not None
        limiter = self._local.limiter
        while limiter.in_flight > limiter.concurrency:
            await asyncio.sleep(0.01)  # answers are on their way: at most one latency
        child.enabled = child.alive


class _Local:
    """The parent process as one of the pool's workers (``in_process=True``)."""

    alive = True

    def __init__(self, summarizer: Summarizer, limiter: RateLimiter) -> None:
        self.limiter = limiter
        self.summarizer = copy.copy(summarizer)  # the same backend, cache and call hook
        self.summarizer.limiter = limiter
        self.pending = 0

    async def submit(self, record: Record) -> Briefing:
        self.pending += 1
        try:
            return await self.summarizer.asummarize(record.text, html=record.html)
        finally:
            self.pending -= 1


class _Child:
    """One worker process, its pipe, and a thread that reads what it sends back."""

    def __init__(self, ctx: Any, spec: _Spec, pool: WorkerPool) -> None:
        assert pool._loop is not None
        self.loop = pool._loop
        self.pool = pool
        self.spec = spec
        self.pending: dict[int, asyncio.Future[Briefing]] = {}
        self.cache_counts = (0, 0)
        self.alive = True
        self.ready: asyncio.Future[None] = self.loop.create_future()
        self.enabled = False  # ready, and handed its share: it gets records
        self.handover: asyncio.Future[None] | None = None
        self._next = 0
        self._send_lock = threading.Lock()
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_child_main, args=(theirs, spec), daemon=True)
        self.proc.start()
        theirs.close()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    async def submit(self, record: Record) -> Briefing:
        job = self._next
        self._next += 1
        future: asyncio.Future[Briefing] = self.loop.create_future()
        self.pending[job] = future
        try:
            with self._send_lock:
                self.conn.send(("job", job, record.id, record.text, record.html))
        except (OSError, ValueError) as err:
            self.pending.pop(job, None)
            raise WorkerError(f"worker process {self.proc.pid} is gone: {err}") from err
        try:
            return await future
        finally:
            self.pending.pop(job, None)

    def _read(self) -> None:
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                self.loop.call_soon_threadsafe(self._died)
                return
            if message[0] == "ready":
                self.loop.call_soon_threadsafe(self.pool._child_up, self)
            else:
                self.loop.call_soon_threadsafe(self.pool._on_message, self, message)

    def _died(self) -> None:
        self.alive = False
        self.proc.join(timeout=1)
        code = self.proc.exitcode
        error = WorkerError(
            f"worker process {self.proc.pid} exited (code {code}) with "
            f"{len(self.pending)} record(s) in flight; rerun to resume them"
        )
        if not self.ready.done():
            self.ready.set_exception(error)
        for future in self.pending.values():
            if not future.done():
                future.set_exception(error)
        self.pending.clear()

    def stop(self) -> None:
        try:
            with self._send_lock:
                self.conn.send(("stop",))
        except (OSError, ValueError):
            pass

    def join(self) -> None:
        self.proc.join(timeout=10)
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(timeout=5)
        self.conn.close()


@contextlib.contextmanager
def _main_script_left_out() -> Iterator[None]:
    """Start children without running the parent's main script in them.

    A spawned child runs the parent's ``__main__`` script (as ``__mp_main__``) before its
    target, in case what it was sent is defined there. The children need nothing from it
    (their target and spec live in this module), and the ``summarizer`` script imports the
    whole CLI: ~0.5 s of CPU per child before its first request. Spawn reads ``__file__``
    only while a process starts, in this thread.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or path is None or getattr(main, "__spec__", None) is not None:
        yield  # `python -m ...`: the child imports that module by name, as it must
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def _busy(worker: _Child | _Local) -> int:
    return worker.pending if isinstance(worker, _Local) else len(worker.pending)


def _resolve(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


# --- the child ---------------------------------------------------------------------------


def _child_main(conn: Connection, spec: _Spec) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    asyncio.run(_serve(conn, spec))


async def _serve(conn: Connection, spec: _Spec) -> None:
    loop = asyncio.get_running_loop()
    settings = spec.settings
    cache = Cache(spec.cache_path) if spec.cache_path is not None else None
    client = None if settings.offline else shared_async_client(settings)

    def send(message: tuple[Any, ...]) -> None:
        conn.send(message)  # only ever from this loop's thread

    def forward(record: CallRecord) -> None:
        send(("call", record))

    summarizer = Summarizer.from_settings(
        settings,
        client=client,
        cache=cache,
        on_call=forward,
        limiter=RateLimiter(spec.concurrency, rpm=spec.rpm, tpm=spec.tpm),
    )
    inbox: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()

    def read() -> None:
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                message = ("stop",)
            loop.call_soon_threadsafe(inbox.put_nowait, message)
            if message[0] == "stop":
                return

    threading.Thread(target=read, daemon=True).start()
    tasks: set[asyncio.Task[None]] = set()

    async def one(job: int, record_id: str, text: str, html: bool | None) -> None:
        try:
            briefing = await summarizer.asummarize(text, html=html)
            send(("ok", job, briefing.model_dump_json()))
        except Exception as err:  # every failure goes back as a Result
            send(("failed", job, failure(record_id, err)))
        if cache is not None:
            send(("cache", (cache.hits, cache.misses)))

    send(("ready",))
    try:
        async with network_loop(summarizer.backend):  # as in one process: `run_batch`
            while (message := await inbox.get())[0] != "stop":
                task = asyncio.create_task(one(*message[1:]))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
            if tasks:
                await asyncio.gather(*tasks)
    finally:
        if client is not None:
            await client.close()
        if cache is not None:
            cache.close()
        conn.close()
