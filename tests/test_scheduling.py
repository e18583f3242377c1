"""The batch engine's scheduling: request slots capped and kept busy; the fake server's latencies.

No timing assertions: the order of events (which request reached the server before which
answer was post-processed) is what is checked. Timings live in benchmarks/throughput.py.
"""

from __future__ import annotations

import math
import statistics

import httpx
import pytest

from summarizer.testing import FakeOpenAI, Lognormal, Reply

# --- the fake server's latency distribution ------------------------------------------------


def test_lognormal_latencies_are_reproducible_with_a_seed() -> None:
    draws = [Lognormal(1.0, 0.5, seed=7).sampler() for _ in range(3)]
    first, again, _ = ([draw() for _ in range(200)] for draw in draws)
    other = Lognormal(1.0, 0.5, seed=8).sampler()
    assert first == again
    assert first != [other() for _ in range(200)]


def test_lognormal_has_the_mean_and_sigma_asked_for() -> None:
    draw = Lognormal(1.0, 0.5, seed=1).sampler()
    values = [draw() for _ in range(20000)]
    assert statistics.fmean(values) == pytest.approx(1.0, rel=0.02)
    assert statistics.stdev(math.log(v) for v in values) == pytest.approx(0.5, rel=0.02)
    assert all(v > 0 for v in values)


def test_the_server_serves_the_seeded_latencies_in_arrival_order() -> None:
    latency = Lognormal(0.002, 0.5, seed=3)  # short: the test waits for them
    expected = latency.sampler()
    with FakeOpenAI(default=Reply({"ok": True}), latency=latency) as server:
        with httpx.Client() as client:
            for _ in range(5):
                client.post(f"{server.base_url}/chat/completions", json={"model": "m"})
    assert server.latencies == [expected() for _ in range(5)]
    assert len(server.spans) == 5 and all(a <= b for a, b in server.spans)
