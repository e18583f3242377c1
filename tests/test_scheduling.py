"""The batch engine's scheduling: request slots capped and kept busy; the fake server's latencies.

No timing assertions: the order of events (which request reached the server before which
answer was post-processed) is what is checked. Timings live in benchmarks/throughput.py.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import types
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from summarizer import Summarizer
from summarizer._batch import run_batch
from summarizer._pool import _main_script_left_out
from summarizer.backends._openai import shared_async_client
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._records import CallRecord
from summarizer.input._read import Record
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


# --- request slots: capped, and refilled while answers are still being processed ----------


def good_reply(request: dict[str, Any]) -> Reply:
    """A briefing that passes grounding for any article of `article` (its first sentence)."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    body = " ".join(user.split("<article>")[-1].split("</article>")[0].split())
    return Reply({"summary": body.split(". ")[0], "actors": [], "tensions": [], "quotes": []})


def article(i: int) -> str:
    return f"Article number {i} reports that the council met on Monday. It voted {i} times."


def records(n: int) -> list[Record]:
    return [Record(id=f"a{i}", text=article(i)) for i in range(n)]


@contextlib.asynccontextmanager
async def batch_summarizer(server: FakeOpenAI, **objects: Any) -> AsyncIterator[Summarizer]:
    """A summariser on the batch client, as `summarizer batch` builds it."""
    settings = Summarizer(model="m", base_url=server.base_url, api_key="sk-x").settings
    async with shared_async_client(settings) as client:
        yield Summarizer.from_settings(settings, client=client, **objects)


async def test_never_more_requests_in_flight_than_the_concurrency(tmp_path: Path) -> None:
    latency = Lognormal(0.01, 0.5, seed=5)
    with FakeOpenAI(default=good_reply, latency=latency) as server:
        async with batch_summarizer(server, limiter=RateLimiter(3)) as s:
            report = await run_batch(s, records(30), tmp_path / "out.jsonl", concurrency=3)
    assert report.ok == 30 and server.count == 30
    assert server.max_in_flight <= 3


async def test_a_freed_slot_is_refilled_before_the_answer_is_post_processed(
    tmp_path: Path,
) -> None:
    # Two slots, four articles. The server holds the first answer until the two other
    # articles wait for a slot; the first answer's post-processing (the call-log hook, on
    # the batch's event loop) then waits for the server to see the third request. On one
    # event loop that request could only be sent after the post-processing: it never
    # came (the hook gave up after 10 s). Now the slot is refilled by the network loop.
    limiter = RateLimiter(concurrency=2)
    third_request = threading.Event()

    arrivals = itertools.count(1)  # the order respond is entered in (next() is atomic)

    def respond(request: dict[str, Any]) -> Reply:
        # Not len(server.requests): the second request may be recorded before the first
        # one's respond runs, and both would then count as the second.
        seen = next(arrivals)
        if seen >= 3:
            third_request.set()
        give_up = time.monotonic() + 10
        while seen == 1 and limiter.stats.max_queued < 2 and time.monotonic() < give_up:
            time.sleep(0.005)
        # The second answer waits for the third request: were it answered at once, its
        # freed slot could let the third and fourth articles in before both queued (seen
        # under load), and the third request would not depend on the first answer's slot.
        while seen == 2 and not third_request.is_set() and time.monotonic() < give_up:
            time.sleep(0.005)
        return good_reply(request)

    refilled: list[bool] = []

    def post_processing(record: CallRecord) -> None:
        if not refilled:
            refilled.append(third_request.wait(timeout=10))

    with FakeOpenAI(default=respond) as server:
        async with batch_summarizer(server, limiter=limiter, on_call=post_processing) as s:
            report = await run_batch(s, records(4), tmp_path / "out.jsonl", concurrency=2)
    assert report.ok == 4
    assert limiter.stats.max_queued == 2  # the two other articles were waiting for a slot
    assert refilled == [True]  # the third request left while the first answer was processed
    assert server.max_in_flight <= 2


def test_worker_processes_start_without_running_the_main_script(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A spawned child runs the parent's __main__ script unless it has no __file__ while
    # the child starts; the `summarizer` script would import the whole CLI in each child.
    main = types.ModuleType("__main__")
    main.__file__ = "/usr/bin/summarizer"
    monkeypatch.setitem(sys.modules, "__main__", main)
    with _main_script_left_out():
        assert getattr(sys.modules["__main__"], "__file__", None) is None
    assert main.__file__ == "/usr/bin/summarizer"  # put back for everything else


# --- start-up: what is imported before the first request leaves ----------------------------

# Run in a fresh interpreter: an audit hook notes the modules loaded when the command first
# connects to the server, then the `summarizer batch` command runs as the console script does.
_FIRST_CONNECT_PROBE = """
import json, os, sys
port, seen = int(os.environ["PROBE_PORT"]), {}
def hook(event, args):
    if event == "socket.connect" and not seen and isinstance(args[1], tuple):
        if int(args[1][1]) == port:
            seen["modules"] = sorted(sys.modules)
sys.addaudithook(hook)
from summarizer.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "at_first_request": seen.get("modules"),
                  "at_exit": sorted(sys.modules)}))
"""


def modules_at_first_request(tmp_path: Path, *extra: str) -> dict[str, Any]:
    """Run `summarizer batch` on three articles in a new process; the modules it had loaded
    when its first request left, and at its end."""
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(f'{{"id": "a{i}", "text": "{article(i)}"}}\n' for i in range(3)))
    with FakeOpenAI(default=good_reply) as server:
        env = {
            **os.environ,
            "OPENAI_BASE_URL": server.base_url,
            "OPENAI_API_KEY": "sk-x",
            "SUMMARIZER_MODEL": "m",
            "PROBE_PORT": server.base_url.rsplit(":", 1)[1].split("/")[0],
        }
        argv = ["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--no-cache", *extra]
        done = subprocess.run(
            [sys.executable, "-c", _FIRST_CONNECT_PROBE, *argv],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert found["code"] == 0 and found["at_first_request"] is not None, found["code"]
    return found


def test_a_batch_sends_without_importing_every_openai_resource(tmp_path: Path) -> None:
    # `client.chat.completions.create` imports `openai.resources`, the SDK's every API
    # resource (~0.45 s of CPU), at the first request; the batch posts the body itself.
    found = modules_at_first_request(tmp_path)
    assert "openai.resources" not in found["at_exit"]
    assert "openai" in found["at_first_request"]  # the SDK's client sent it


def test_a_batch_with_a_model_never_compiles_the_offline_rules(tmp_path: Path) -> None:
    # The offline backend is imported for the registry of model names; its rules' patterns
    # (~50 ms of CPU) are for the offline baseline and the anchored strategy's hints.
    found = modules_at_first_request(tmp_path)
    assert "summarizer.backends.offline" in found["at_first_request"]
    assert "summarizer.backends.offline._extract" not in found["at_exit"]


# --- the end: everything written and closed, then no interpreter teardown ------------------

# The console script (`summarizer.cli.run`) with an exit handler that tells whether the
# interpreter's teardown ran: a settled batch ends at once, after its own closing.
_CONSOLE_SCRIPT = """
import atexit, sys
atexit.register(lambda: sys.stderr.write("interpreter teardown ran\\n"))
from summarizer.cli import run
run()
"""


@pytest.mark.parametrize("workers", [1, 2])
def test_a_batch_ends_at_once_with_its_output_log_and_report_complete(
    tmp_path: Path, workers: int
) -> None:
    n = 12
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(f'{{"id": "a{i}", "text": "{article(i)}"}}\n' for i in range(n)))
    out, home = tmp_path / "out.jsonl", tmp_path / "home"
    with FakeOpenAI(default=good_reply) as server:
        env = {
            **os.environ,
            "OPENAI_BASE_URL": server.base_url,
            "OPENAI_API_KEY": "sk-x",
            "SUMMARIZER_MODEL": "m",
            "SUMMARIZER_HOME": str(home),
        }
        argv = ["batch", str(source), "-o", str(out), "--json", "--workers", str(workers)]
        done = subprocess.run(
            [sys.executable, "-c", _CONSOLE_SCRIPT, *argv],
            capture_output=True, text=True, env=env, timeout=180, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "interpreter teardown ran" not in done.stderr  # it ended at once
    assert json.loads(done.stdout)["ok"] == n  # the report, whole, through a pipe
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["id"] for line in lines if line["ok"]) == sorted(f"a{i}" for i in range(n))
    logs = list(home.rglob("calls.sqlite"))
    assert len(logs) == 1
    assert not logs[0].with_name("calls.sqlite-wal").exists()  # closed: checkpointed
    with contextlib.closing(sqlite3.connect(logs[0])) as db:
        assert db.execute("SELECT count(*) FROM calls").fetchone()[0] == n
    caches = list(home.rglob("cache.sqlite*"))
    assert all(not path.name.endswith("-wal") for path in caches), caches


def test_a_batch_that_fails_keeps_the_interpreters_exit(tmp_path: Path) -> None:
    # An error before the run settled (here: no such input) takes the ordinary way out.
    done = subprocess.run(
        [sys.executable, "-c", _CONSOLE_SCRIPT, "batch", str(tmp_path / "no"), "-o", "x"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_API_KEY": "k"},
    )  # fmt: skip
    assert done.returncode == 4
    assert "interpreter teardown ran" in done.stderr
