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
import compileall
import functools
import heapq
import json
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import openai

import summarizer as summarizer_package
from summarizer import Summarizer, _batch
from summarizer._batch import BatchRun, articles_in_progress, run_batch
from summarizer._pool import WorkerPool
from summarizer.backends._openai import shared_async_client
from summarizer.backends.offline._extract import extract_offline
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._settings import Settings
from summarizer.input._read import Record
from summarizer.testing import FakeOpenAI, Lognormal, Reply

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt").read_text("utf-8")


# --- the server, in its own process ------------------------------------------------------


def _serve(conn: Any, payload: dict[str, Any], latency: float | Lognormal, rpm: int | None) -> None:
    with FakeOpenAI(default=Reply(payload), latency=latency, rpm=rpm) as server:
        conn.send(server.base_url)
        while (asked := conn.recv()) != "stop":
            message: dict[str, Any] = {
                "count": server.count,
                "rate_limited": server.rate_limited,
                "max_in_flight": server.max_in_flight,
            }
            if asked == "spans":  # the request times, for the latency scenario
                message |= {"arrived": list(server.arrived), "spans": list(server.spans)}
                message["latencies"] = list(server.latencies)
            conn.send(message)


class Server:
    """A fresh fake server (fresh RPM window and counters) in a child process."""

    def __init__(
        self, payload: dict[str, Any], latency: float | Lognormal, rpm: int | None
    ) -> None:
        ctx = mp.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, payload, latency, rpm), daemon=True)
        self._proc.start()
        self.base_url: str = self._conn.recv()

    def stats(self) -> dict[str, int]:
        self._conn.send("stats")
        return dict(self._conn.recv())

    def spans(self) -> dict[str, Any]:
        """Counters, plus every request's arrival, (arrival, answer) and latency."""
        self._conn.send("spans")
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
        async with WorkerPool(s, workers, concurrency=concurrency, in_process=True) as pool:
            # The parent is one of the workers (as `--workers` runs); wait for the children.
            while not all(child.enabled for child in pool._children):
                await asyncio.sleep(0.01)
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


# --- the latency scenario: the `summarizer batch` command, answers of varying latency ---------


@dataclass
class Run:
    """One run of the latency scenario, with the server's record of every request."""

    method: str
    n: int
    concurrency: int
    started: float  # wall clock (time.time()) when the command (or the in-process run) started
    ended: float
    cpu_s: float
    failed: int
    server: dict[str, Any]
    command: bool  # a `summarizer batch` command: its start-up counts
    load: float = 0.0  # the 1-minute load average when it started

    def line(self) -> str:
        s = self.server
        lat, spans, arrived = s["latencies"], s["spans"], s["arrived"]
        c = self.concurrency
        first, last_sent = min(arrived), max(arrived)
        last_answer = max(end for _, end in spans)
        mean = sum(lat) / len(lat)
        wall = self.ended - self.started
        # Slot occupancy while requests were left to send: mean requests in flight / slots.
        steady = occupancy(spans, first, last_sent) / c if last_sent > first else float("nan")
        busy = sum(lat) / (c * (last_answer - first))  # = achieved / (c / mean latency)
        ideal = sum(lat) / (c * ideal_makespan(lat, c))  # a client with no overhead
        total = sum(lat) / (c * wall)
        start = f"{first - self.started:.2f}" if self.command else "-"
        return (
            f"| {self.method} | {self.n} | {c} | {wall:.1f} | {start} | "
            f"{(self.n - self.failed) / wall:.1f} | {c / mean:.1f} | {steady:.2f} | "
            f"{busy:.2f} | {ideal:.2f} | {total:.2f} | {s['rate_limited']} | "
            f"{s['max_in_flight']} | {self.failed} | {1000 * self.cpu_s / self.n:.1f} "
            f"| {self.load:.1f} |"
        )


LATENCY_HEADER = (
    "| method | N | concurrency | wall s | first request s | articles/s | limit/s "
    "| steady ratio | ratio first request → last answer | same, client with no overhead "
    "| total ratio | 429s | max in flight | failed | client CPU ms/article | load average |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def occupancy(spans: list[tuple[float, float]], start: float, end: float) -> float:
    """Mean number of requests in flight at the server between ``start`` and ``end``."""
    held = sum(max(0.0, min(b, end) - max(a, start)) for a, b in spans)
    return held / (end - start)


def ideal_makespan(latencies: list[float], concurrency: int) -> float:
    """First request to last answer for a client with no overhead: each request goes out
    the moment a slot frees and gets the next latency in the server's sequence."""
    slots, end = [0.0] * concurrency, 0.0
    for latency in latencies:
        done = heapq.heappop(slots) + latency
        heapq.heappush(slots, done)
        end = max(end, done)
    return end


def batch_command(source: Path, output: Path, concurrency: int, workers: int) -> list[str]:
    """The `summarizer batch` command line the latency scenario runs."""
    command = ["summarizer", "batch", str(source), "-o", str(output)]
    command += ["--concurrency", str(concurrency), "--no-cache"]
    return command + (["--workers", str(workers)] if workers > 1 else [])


CHECKOUT: Path | None = None  # --checkout: the commands run that checkout's package


def run_command(base_url: str, tmp: Path, n: int, concurrency: int, workers: int) -> Run:
    """`summarizer batch` as a user runs it: a new process, timed from its start (with
    ``--checkout DIR``, that checkout's package: the fake server and the figures stay)."""
    source = tmp / f"articles-{n}.jsonl"
    if not source.exists():
        source.write_text(
            "".join(json.dumps({"id": r.id, "text": r.text}) + "\n" for r in _records(n))
        )
    output = tmp / f"out-{concurrency}-{workers}-{time.monotonic_ns()}.jsonl"
    command = batch_command(source, output, concurrency, workers)
    command[0] = str(Path(sys.executable).with_name("summarizer"))
    env = os.environ | {
        "OPENAI_BASE_URL": base_url,
        "OPENAI_API_KEY": "sk-fake",
        "SUMMARIZER_MODEL": "fake",
        "SUMMARIZER_HOME": str(tmp / "home"),  # a call log of its own, as a user's would be
    }
    if CHECKOUT is not None:
        env["PYTHONPATH"] = str(CHECKOUT)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    ended = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    label = " ".join(batch_command(Path("articles.jsonl"), Path("out.jsonl"), concurrency, workers))
    return Run(f"`{label}`", n, concurrency, started, ended, cpu, _failed_lines(output), {}, True)


def run_in_process(name: str, base_url: str, n: int, concurrency: int) -> Run:
    """The naive rows, in this process (imported and warmed up: no start-up counted)."""
    run = {"sequential": run_sequential, "gather": run_gather}[name]
    started, cpu = time.time(), time.process_time()
    failed = run(base_url, n, concurrency, None)
    ended, cpu = time.time(), time.process_time() - cpu
    method = "sequential loop" if name == "sequential" else "asyncio.gather, no limiter"
    slots = 1 if name == "sequential" else concurrency
    return Run(method, n, slots, started, ended, cpu, failed, {}, False)


def latency_scenario(args: argparse.Namespace, payload: dict[str, Any]) -> list[Run]:
    n = args.n or 800
    latency: float | Lognormal = args.latency
    if args.distribution == "lognormal":
        latency = Lognormal(mean=args.latency, sigma=args.sigma, seed=args.seed)
    plan: list[tuple[str, Callable[[str, Path], Run]]] = []
    for spec in args.runs.split(","):
        concurrency, _, workers = spec.partition("x")
        c, w = int(concurrency), int(workers or 1)
        plan.append((spec, functools.partial(_command_run, n=n, concurrency=c, workers=w)))
    if not args.no_naive:
        plan.append(
            ("sequential", lambda url, _: run_in_process("sequential", url, args.n_sequential, 1))
        )
        # Compared with the first command's limit; its max in flight shows it has no cap.
        first = int(args.runs.split(",")[0].partition("x")[0])
        plan.append(("gather", lambda url, _: run_in_process("gather", url, n, first)))
    runs = []
    # An installed wheel has its bytecode compiled at install (pip does it); a checkout
    # run with PYTHONDONTWRITEBYTECODE=1 would compile every module of ours at every start.
    package = CHECKOUT / "summarizer" if CHECKOUT else Path(summarizer_package.__file__).parent
    compileall.compile_dir(package, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        warm = Server(payload, 0.0, None)  # the first command pays for a cold disk cache
        try:
            run_command(warm.base_url, Path(tmp), 2, 2, 1)
            summarizer(warm.base_url, None).summarize(ARTICLE)  # the in-process rows' imports
        finally:
            warm.close()
        for _, run in plan:
            server = Server(payload, latency, None)
            load = os.getloadavg()[0]
            try:
                result = run(server.base_url, Path(tmp))
                result.server, result.load = server.spans(), load
            finally:
                server.close()
            runs.append(result)
            print(result.line(), flush=True)
    return runs


def _command_run(base_url: str, tmp: Path, *, n: int, concurrency: int, workers: int) -> Run:
    return run_command(base_url, tmp, n, concurrency, workers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scenario", choices=["concurrency", "rpm", "both", "latency"], default="both"
    )
    parser.add_argument("-n", type=int, default=None, help="articles for the limiter run")
    parser.add_argument("--n-sequential", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument(
        "--latency", type=float, default=0.2, help="seconds (the mean if lognormal)"
    )
    parser.add_argument("--distribution", choices=["fixed", "lognormal"], default="fixed")
    parser.add_argument("--sigma", type=float, default=0.5, help="lognormal: sigma of log latency")
    parser.add_argument("--seed", type=int, default=0, help="lognormal: the latencies' seed")
    parser.add_argument(
        "--runs",
        default="64,128x2",
        help="latency scenario: the commands, C (--concurrency C) or CxW (and --workers W)",
    )
    parser.add_argument("--no-naive", action="store_true", help="latency: skip the naive rows")
    parser.add_argument(
        "--checkout",
        type=Path,
        default=None,
        help="latency: run the commands with another checkout's package (before/after)",
    )
    parser.add_argument("--rpm", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2, help="processes for the workers row")
    parser.add_argument(
        "--articles-per-slot",
        type=int,
        default=_batch.PIPELINE_DEPTH,
        help="articles the batch rows keep in progress per request slot (1: the old engine)",
    )
    args = parser.parse_args(argv)
    global CHECKOUT
    CHECKOUT = args.checkout.resolve() if args.checkout else None
    _batch.PIPELINE_DEPTH = args.articles_per_slot  # read by articles_in_progress()
    payload = grounded_payload()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    if args.scenario == "latency":
        shape = (
            f"lognormal, sigma {args.sigma}, seed {args.seed}"
            if args.distribution == "lognormal"
            else "fixed"
        )
        code = f"the checkout {CHECKOUT}" if CHECKOUT else f"this checkout ({ROOT})"
        print(
            f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC; latency {args.latency:g} s "
            f"({shape}); {os.cpu_count()} CPUs, load average {load}; commands run {code}"
        )
        print(LATENCY_HEADER)
        latency_scenario(args, payload)
        return 0
    names = ["concurrency", "rpm"] if args.scenario == "both" else [args.scenario]
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
