"""The batch client's HTTP transport: the openai SDK's httpx default against its aiohttp one.

    .venv/bin/python benchmarks/transport.py              # 5 pairs of 640 articles (~2 min)
    .venv/bin/python benchmarks/transport.py --pairs 3 -n 320

Runs `run_batch` (one process, 32 requests in flight, the fake server answering after
200 ms in a child process; see `throughput.py`) with an `AsyncOpenAI` on each transport,
alternating, so that the machine's drift (CPU per article moves by ±20 % between runs on a
shared 2-core box) falls on both alike. Prints each run's client CPU per article and
ratio to the 160 articles/s limit, then each pair's difference and the means.
"""

from __future__ import annotations

import argparse
import statistics

import openai
from throughput import ARTICLE, Server, grounded_payload, run_limiter, summarizer

from summarizer.backends._openai import client_kwargs
from summarizer.infra._settings import Settings

TRANSPORTS = {
    "httpx": openai.DefaultAsyncHttpxClient,
    "aiohttp": openai.DefaultAioHttpClient,
}


def run(base_url: str, transport: str, n: int, concurrency: int) -> tuple[float, float]:
    """(client CPU ms per article, ratio to the limit) of one batch run."""

    def make_client(settings: Settings) -> openai.AsyncOpenAI:
        http = TRANSPORTS[transport]()
        return openai.AsyncOpenAI(**client_kwargs(settings), http_client=http)

    timed = run_limiter(base_url, n, concurrency, None, make_client)
    if timed.failed:
        raise SystemExit(f"{transport}: some articles failed; the figures would mislead")
    return 1000 * timed.cpu / n, n / timed.wall / (concurrency / 0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("-n", type=int, default=640, help="articles per run")
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args(argv)
    server = Server(grounded_payload(), 0.2, None)
    try:
        summarizer(server.base_url, None).summarize(ARTICLE)  # warm up: imports, caches
        print("| pair | httpx CPU ms | aiohttp CPU ms | difference | httpx ratio | aiohttp ratio |")
        print("|---|---|---|---|---|---|")
        rows = []
        for pair in range(1, args.pairs + 1):
            a = run(server.base_url, "httpx", args.n, args.concurrency)
            b = run(server.base_url, "aiohttp", args.n, args.concurrency)
            rows.append((a, b))
            print(
                f"| {pair} | {a[0]:.2f} | {b[0]:.2f} | {b[0] - a[0]:+.2f} | {a[1]:.2f} "
                f"| {b[1]:.2f} |",
                flush=True,
            )
        mean = statistics.mean
        print(
            f"| mean | {mean(a[0] for a, _ in rows):.2f} | {mean(b[0] for _, b in rows):.2f} "
            f"| {mean(b[0] - a[0] for a, b in rows):+.2f} | {mean(a[1] for a, _ in rows):.2f} "
            f"| {mean(b[1] for _, b in rows):.2f} |"
        )
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
