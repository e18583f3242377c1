"""Throughput at the limit: the rate limiter against a naive loop and an unbounded gather.

    .venv/bin/python benchmarks/throughput.py                 # both scenarios (~1 min)
    .venv/bin/python benchmarks/throughput.py --scenario concurrency -n 200
    .venv/bin/python benchmarks/throughput.py --scenario rpm --rpm 300 -n 100

Every article is the bundled Reuters example, summarised by a real `Summarizer` (the
openai SDK, instructor, grounding) against the fake OpenAI server
(`summarizer.testing.FakeOpenAI`) answering after a fixed latency, optionally with an
RPM limit (a 60-second sliding window that answers 429 past it). The server runs in a
child process so that its CPU does not count against the client.

For each scenario it prints, from one run: achieved articles/s, the limit
``min(concurrency / latency, RPM / 60)``, their ratio, the 429s the server sent,
the most requests it saw in flight, failures, the client's CPU per article, and the
median latency of an HTTP attempt as the client saw it (over the server's latency: time
a request held its slot waiting for a busy event loop), for

- ``batch, 1 process``: ``run_batch`` with ``Summarizer(limiter=RateLimiter(concurrency,
  rpm))`` and the batch client: what ``summarizer batch --concurrency --rpm`` does;
- ``batch, N worker processes``: the same over a ``WorkerPool`` (``--workers N``);
- ``sequential``: a plain loop over ``Summarizer.summarize``;
- ``gather``: ``asyncio.gather`` over every article with no limiter (in the RPM
  scenario with more articles than the RPM, so that the window fills and it trips);
- ``raw HTTP``: the captured request body posted by bare aiohttp at the same
  concurrency: what the fake server and loopback allow with next to no client work;
- ``limiter alone``: the limiter around ``asyncio.sleep(latency)``, no HTTP, no CPU
  work: the limiter's own efficiency.

``cpu ceiling`` = 1 / (client CPU seconds per article): above it the client, not the
limiter, is the bottleneck. Loopback only; timings depend on the machine's load, which
is printed with them.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import multiprocessing as mp
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import openai

from summarizer import Summarizer, _batch
from summarizer._batch import BatchRun, articles_in_progress, run_batch
from summarizer._pool import WorkerPool
from summarizer.backends._openai import shared_async_client
from summarizer.backends.offline._extract import extract_offline
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._settings import Settings
from summarizer.input._read import Record
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt").read_text("utf-8")


# --- the server, in its own process ------------------------------------------------------


def _serve(conn: Any, payload: dict[str, Any], latency: float, rpm: int | None) -> None:
    with FakeOpenAI(default=Reply(payload), latency=latency, rpm=rpm) as server:
        conn.send(server.base_url)
        while conn.recv() == "stats":
            conn.send(
                {
                    "count": server.count,
                    "rate_limited": server.rate_limited,
                    "max_in_flight": server.max_in_flight,
                }
            )


class Server:
    """A fresh fake server (fresh RPM window and counters) in a child process."""

    def __init__(self, payload: dict[str, Any], latency: float, rpm: int | None) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, payload, latency, rpm), daemon=True)
        self._proc.start()
        self.base_url: str = self._conn.recv()

    def stats(self) -> dict[str, int]:
        self._conn.send("stats")
        return dict(self._conn.recv())

    def close(self) -> None:
        self._conn.send("stop")
        self._proc.join(timeout=10)


def grounded_payload() -> dict[str, Any]:
    """A reply that passes grounding for the example article (the offline rules' briefing)."""
    article = Summarizer(model="offline").prepare(ARTICLE)
    return extract_offline(article).model_dump()


# --- the ways to run N articles ----------------------------------------------------------


@dataclass
class Timed:
    failed: int
    wall: float
    cpu: float  # client CPU seconds: this process, plus the workers in the workers row
    startup: float | None = None


@dataclass
class Row:
    scenario: str
    method: str
    n: int
    wall_s: float
    limit: float
    cpu_s: float
    failed: int
    server: dict[str, int]
    attempt_ms: float | None = None  # median attempt latency

    @property
    def rate(self) -> float:
        return (self.n - self.failed) / self.wall_s

    def line(self) -> str:
        cpu_ms = 1000 * self.cpu_s / self.n
        ceiling = f"{1000 / cpu_ms:.0f}" if cpu_ms > 0.05 else "-"
        return (
            f"| {self.scenario} | {self.method} | {self.n} | {self.wall_s:.1f} | {self.rate:.1f} "
            f"| {self.limit:.1f} | {self.rate / self.limit:.2f} | {self.server['rate_limited']} "
            f"| {self.server['max_in_flight']} | {self.failed} | {cpu_ms:.1f} | {ceiling} "
            f"| {f'{self.attempt_ms:.0f}' if self.attempt_ms is not None else '-'} |"
        )


# Each HTTP attempt's latency as the client saw it (request built, sent, answered, read):
# past the server's 200 ms, the time a request held its slot waiting for the busy loop.
ATTEMPTS: list[float] = []


def summarizer(base_url: str, limiter: RateLimiter | None, client: Any = None) -> Summarizer:
    return Summarizer(
        model="fake",
        base_url=base_url,
        api_key="sk-fake",
        client=client,
        limiter=limiter,
        on_call=lambda record: ATTEMPTS.append(record.latency_s),
    )


async def _gather(s: Summarizer, n: int) -> int:
    results = await asyncio.gather(
        *(s.asummarize(ARTICLE) for _ in range(n)), return_exceptions=True
    )
    return sum(isinstance(r, BaseException) for r in results)


async def _with_client(base_url: str, limiter: RateLimiter | None, n: int) -> int:
    """One shared async client for the run, as `summarizer batch` uses."""
    async with openai.AsyncOpenAI(base_url=base_url, api_key="sk-fake", max_retries=0) as client:
        return await _gather(summarizer(base_url, limiter, client), n)


def _records(n: int) -> list[Record]:
    return [Record(id=f"a{i}", text=ARTICLE) for i in range(n)]


def _failed_lines(path: Path) -> int:
    return sum(not json.loads(line)["ok"] for line in path.read_text("utf-8").splitlines())


def run_limiter(
    base_url: str,
    n: int,
    concurrency: int,
    rpm: int | None,
    make_client: Callable[[Settings], openai.AsyncOpenAI] = shared_async_client,
) -> Timed:
    """`summarizer batch -j C --rpm R`: the batch engine, one process, JSONL output."""

    async def main(out: Path) -> None:
        settings = summarizer(base_url, None).settings
        async with make_client(settings) as c:  # by default the batch CLI's client
            s = summarizer(base_url, RateLimiter(concurrency, rpm=rpm), c)
            await run_batch(s, _records(n), out, concurrency=concurrency)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        started, cpu = time.perf_counter(), time.process_time()
        asyncio.run(main(out))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        return Timed(_failed_lines(out), wall, cpu)


def run_workers(base_url: str, n: int, concurrency: int, rpm: int | None, workers: int) -> Timed:
    """`summarizer batch -j C --rpm R --workers W`, timed once the worker processes are up.

    Their start-up (each imports the library: ~2 s) is reported, not counted: it is paid
    once per run, and the runs that need workers last minutes to hours. Each child then
    summarises one article untimed, as the other rows warm up with one.
    """

    async def main(out: Path) -> Timed:
        s = summarizer(base_url, RateLimiter(concurrency, rpm=rpm))
        began = time.perf_counter()
        async with WorkerPool(s, workers, concurrency=concurrency) as pool:
            startup = time.perf_counter() - began
            pids = [child.proc.pid for child in pool._children]
            # One article per child first, as the other rows warm up with one article.
            await asyncio.gather(*(pool.process(r) for r in _records(workers)))
            cpu0, started = _cpu(pids) + time.process_time(), time.perf_counter()
            in_progress = articles_in_progress(s, concurrency)  # as run_batch does
            await BatchRun(out, pool.process, concurrency=in_progress).run(_records(n))
            wall = time.perf_counter() - started
            cpu = _cpu(pids) + time.process_time() - cpu0
        return Timed(_failed_lines(out), wall, cpu, startup)

    with tempfile.TemporaryDirectory() as tmp:
        return asyncio.run(main(Path(tmp) / "out.jsonl"))


def _cpu(pids: list[int]) -> float:
    """User + system CPU seconds of these (live) processes, from /proc."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def run_gather(base_url: str, n: int, concurrency: int, rpm: int | None) -> int:
    return asyncio.run(_with_client(base_url, None, n))


def run_sequential(base_url: str, n: int, concurrency: int, rpm: int | None) -> int:
    s, failed = summarizer(base_url, None), 0
    for _ in range(n):
        try:
            s.summarize(ARTICLE)
        except Exception:
            failed += 1
    return failed


@functools.cache
def request_body() -> bytes:
    """The body `Summarizer` posts for the example article (captured from a fake server)."""
    with FakeOpenAI(default=Reply(grounded_payload())) as server:
        summarizer(server.base_url, None).summarize(ARTICLE)
        return json.dumps(server.requests[0]).encode()


def run_raw_http(base_url: str, n: int, concurrency: int, rpm: int | None) -> int:
    """The same request body posted ``n`` times, ``concurrency`` at once, by bare aiohttp:
    what the fake server and loopback allow with next to no client work."""
    body, url = request_body(), f"{base_url}/chat/completions"
    headers = {"Content-Type": "application/json", "Authorization": "Bearer sk-fake"}

    async def main() -> int:
        gate = asyncio.Semaphore(concurrency)
        async with aiohttp.ClientSession() as session:

            async def one() -> bool:
                async with gate, session.post(url, data=body, headers=headers) as response:
                    await response.read()
                    return response.status == 200

            return sum(not ok for ok in await asyncio.gather(*(one() for _ in range(n))))

    return asyncio.run(main())


def limiter_alone(n: int, concurrency: int, rpm: int | None, latency: float) -> Row:
    limiter = RateLimiter(concurrency, rpm=rpm)
    in_flight = peak = 0

    async def one() -> None:
        nonlocal in_flight, peak
        async with limiter.slot():
            in_flight += 1
            peak = max(peak, in_flight)
            await asyncio.sleep(latency)
            in_flight -= 1

    async def main() -> None:
        await asyncio.gather(*(one() for _ in range(n)))

    started, cpu = time.perf_counter(), time.process_time()
    asyncio.run(main())
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    server = {"rate_limited": 0, "max_in_flight": peak}
    return Row("", "limiter alone", n, wall, 0.0, cpu, 0, server)


# --- scenarios ----------------------------------------------------------------------------


def _timed(run: Callable[[str, int, int, int | None], int]) -> Callable[..., Timed]:
    def timed(base_url: str, n: int, concurrency: int, rpm: int | None) -> Timed:
        started, cpu = time.perf_counter(), time.process_time()
        failed = run(base_url, n, concurrency, rpm)
        return Timed(failed, time.perf_counter() - started, time.process_time() - cpu)

    return timed


def scenario(name: str, args: argparse.Namespace, payload: dict[str, Any]) -> list[Row]:
    rpm = args.rpm if name == "rpm" else None
    limit = args.concurrency / args.latency
    if rpm is not None:
        limit = min(limit, rpm / 60)
    # Concurrency: 20 full waves of requests, so a partial last wave costs little.
    n = args.n or (20 * args.concurrency if rpm is None else int(rpm / 60 * 20))
    n_gather = n if rpm is None else rpm + max(20, rpm // 5)  # past the window: it trips
    workers = functools.partial(run_workers, workers=args.workers)
    plan: list[tuple[str, Callable[..., Timed], int]] = [
        ("batch, 1 process", run_limiter, n),
        (f"batch, {args.workers} worker processes", workers, n),
        ("sequential", _timed(run_sequential), args.n_sequential),
        ("gather (no limiter)", _timed(run_gather), n_gather),
    ]
    if rpm is None:
        request_body()  # captured before the clock starts
        plan.append(("raw HTTP (no summariser)", _timed(run_raw_http), n))
    rows = []
    for method, run, count in plan:
        server = Server(payload, args.latency, rpm)
        try:
            summarizer(server.base_url, None).summarize(ARTICLE)  # warm up: imports, caches
            before = server.stats()
            ATTEMPTS.clear()
            timed = run(server.base_url, count, args.concurrency, rpm)
            attempt_ms = 1000 * statistics.median(ATTEMPTS) if ATTEMPTS else None
            after = server.stats()
        finally:
            server.close()
        stats = {k: after[k] - before[k] for k in ("count", "rate_limited")}
        stats["max_in_flight"] = after["max_in_flight"]
        if timed.startup is not None:
            method += f" (start-up {timed.startup:.1f} s, not timed)"
        rows.append(
            Row(name, method, count, timed.wall, limit, timed.cpu, timed.failed, stats, attempt_ms)
        )
    # 10x the articles: no CPU work, and fewer partial waves at the end
    alone = limiter_alone(n * 10 if rpm is None else n, args.concurrency, rpm, args.latency)
    alone.scenario, alone.limit = name, limit
    rows.append(alone)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["concurrency", "rpm", "both"], default="both")
    parser.add_argument("-n", type=int, default=None, help="articles for the limiter run")
    parser.add_argument("--n-sequential", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--rpm", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2, help="processes for the workers row")
    parser.add_argument(
        "--articles-per-slot",
        type=int,
        default=_batch.PIPELINE_DEPTH,
        help="articles the batch rows keep in progress per request slot (1: the old engine)",
    )
    args = parser.parse_args(argv)
    _batch.PIPELINE_DEPTH = args.articles_per_slot  # read by articles_in_progress()
    payload = grounded_payload()
    names = ["concurrency", "rpm"] if args.scenario == "both" else [args.scenario]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"concurrency {args.concurrency}, latency {args.latency * 1000:.0f} ms, "
        f"rpm {args.rpm} (rpm scenario); {args.articles_per_slot} articles in progress per "
        f"request slot; {os.cpu_count()} CPUs, load average {load}"
    )
    print(
        "| scenario | method | N | wall s | articles/s | limit/s | ratio | 429s | max in flight "
        "| failed | client CPU ms/article | cpu ceiling/s | median attempt ms |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in names:
        for row in scenario(name, args, payload):
            print(row.line(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
