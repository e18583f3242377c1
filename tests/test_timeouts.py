"""A total time bound per request and per article, that a trickling server cannot stretch.

The fake server's `Trickle` sends the headers at once and then the body one byte every
``interval`` seconds: a per-read timeout never fires, so before the fix a request hung for
as long as the body lasted (here minutes; with a real trickler, forever). Every test runs
the call in a thread and fails if it is still running after 30 s, so the old behaviour
fails the test instead of hanging the suite.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_llm import GOOD

from summarizer import Summarizer
from summarizer._errors import BudgetExceededError, ProviderTimeoutError
from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Reply, Trickle

TRICKLE = Trickle(Reply(GOOD), interval=0.25)  # ~400 bytes: ~100 s per request untouched
# Wall-clock bounds are loose (the machine is shared, and the first call imports the SDK);
# the per-attempt latencies the call hook sees are the tight check.
SLACK = 8.0


def finishes(work: Callable[[], Any], within: float = 30.0) -> tuple[Any, float]:
    """Run ``work`` in a thread; (its result or exception, seconds) or fail after ``within``."""
    box: dict[str, Any] = {}

    def run() -> None:
        started = time.monotonic()
        try:
            box["result"] = work()
        except BaseException as err:  # handed to the test
            box["result"] = err
        box["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(within)
    assert not thread.is_alive(), f"still running after {within} s: no total time bound"
    return box["result"], box["seconds"]


LATENCIES: list[float] = []


def make(server: FakeOpenAI, **kw: Any) -> Summarizer:
    kw.setdefault("max_retry_seconds", 30)
    LATENCIES.clear()
    hook = lambda record: LATENCIES.append(record.latency_s)  # noqa: E731
    return Summarizer(model="m", base_url=server.base_url, api_key="sk-test", on_call=hook, **kw)


def attempts_cut_at(seconds: float) -> bool:
    """Every attempt ended within ``seconds`` (plus one trickle interval, plus first-call work)."""
    return bool(LATENCIES) and all(latency < seconds + 1.0 for latency in LATENCIES)


def test_trickling_server_cannot_stretch_a_sync_request(seed_text: str) -> None:
    with FakeOpenAI(default=TRICKLE) as server:
        s = make(server, timeout=1.0, max_attempts=2)
        err, seconds = finishes(lambda: s.summarize(seed_text))
    assert isinstance(err, ProviderTimeoutError), err
    assert server.count == 2 and attempts_cut_at(1.0)
    assert seconds < 2 * 1.0 + 1.0 + SLACK  # two attempts of 1 s, one backoff wait (< 1 s)


def test_trickling_server_cannot_stretch_an_async_request(seed_text: str) -> None:
    with FakeOpenAI(default=TRICKLE) as server:
        s = make(server, timeout=1.0, max_attempts=2)
        err, seconds = finishes(lambda: asyncio.run(s.asummarize(seed_text)))
    assert isinstance(err, ProviderTimeoutError), err
    assert server.count == 2 and attempts_cut_at(1.0) and seconds < 3.0 + SLACK


def test_a_trickle_once_is_retried_and_the_article_done(seed_text: str) -> None:
    with FakeOpenAI([TRICKLE, Reply(GOOD)]) as server:
        s = make(server, timeout=1.0, max_attempts=2)
        briefing, seconds = finishes(lambda: s.summarize(seed_text))
    assert briefing.summary == GOOD["summary"] and server.count == 2 and seconds < 2.0 + SLACK


def test_article_time_budget_bounds_all_attempts_together(seed_text: str) -> None:
    with FakeOpenAI(default=TRICKLE) as server:
        s = make(server, timeout=1.0, max_attempts=50, max_article_seconds=2.5)
        err, seconds = finishes(lambda: s.summarize(seed_text))
    assert isinstance(err, (BudgetExceededError, ProviderTimeoutError)), err
    assert "SUMMARIZER_MAX_ARTICLE_SECONDS" in str(err) or isinstance(err, ProviderTimeoutError)
    assert sum(LATENCIES) < 2.5 + 1.0  # the attempts, the last one cut at the budget
    assert seconds < 2.5 + SLACK
    assert server.count <= 4


def test_article_time_budget_holds_on_the_async_path(seed_text: str) -> None:
    with FakeOpenAI(default=TRICKLE) as server:
        s = make(server, timeout=1.0, max_attempts=50, max_article_seconds=2.5)
        err, seconds = finishes(lambda: asyncio.run(s.asummarize(seed_text)))
    assert isinstance(err, (BudgetExceededError, ProviderTimeoutError)), err
    assert sum(LATENCIES) < 2.5 + 1.0 and seconds < 2.5 + SLACK


def test_brief_against_a_trickling_server_ends_with_one_line(
    seed_text: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("SUMMARIZER_MAX_ATTEMPTS", "2")
    path = Path("a.txt")
    path.write_text(seed_text, encoding="utf-8")
    with FakeOpenAI(default=TRICKLE) as server:
        argv = ["brief", str(path), "--base-url", server.base_url, "-m", "m", "--timeout", "1"]
        code, seconds = finishes(lambda: main(argv))
    assert code == 5 and seconds < 3.0 + SLACK
    assert "timed out" in capsys.readouterr().err


def test_batch_client_against_a_trickling_server_is_bounded_too(
    seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("SUMMARIZER_MAX_ATTEMPTS", "2")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": i, "text": f"{seed_text}\n\nNote {i}."}) + "\n" for i in range(3))
    )
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(default=TRICKLE) as server:
        argv = ["batch", str(source), "-o", str(out), "--base-url", server.base_url, "-m", "m",
                "--timeout", "1"]  # fmt: skip
        code, seconds = finishes(lambda: main(argv))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert code == 1 and seconds < 3.0 + SLACK
    assert [line["error"]["type"] for line in lines] == ["ProviderTimeoutError"] * 3
