"""Replaying a call log: recorded answers served again, so the code after the model
(resolution, the anchored merge, grounding, scoring) re-runs with no model call."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer import CallLog, ConfigurationError, ProviderError, Summarizer
from summarizer.testing import FakeOpenAI, Replay, Reply, request_key
from tests.test_anchored import ARTICLE, answer


def anchored(server: FakeOpenAI, **kw: Any) -> Summarizer:
    """Prompt v2 unless told (its answers name quote candidates, which `answer` finds)."""
    kw.setdefault("max_retry_seconds", 5)
    kw.setdefault("prompt_version", "2")
    return Summarizer(
        model="test-model",
        base_url=server.base_url,
        api_key="sk-x",
        mode="json",
        strategy="anchored",
        **kw,
    )


def record(tmp_path: Path) -> tuple[Path, Any]:
    """A live run (one invalid answer re-asked, then a good one) logged to calls.sqlite."""
    log = tmp_path / "calls.sqlite"
    steps = [
        lambda req: Reply(
            answer(req, quotes=[{"id": "Q99", "speaker": "x"}]),
            prompt_tokens=900,
            completion_tokens=300,
        ),
        lambda req: Reply(answer(req), prompt_tokens=1200, completion_tokens=200),
    ]
    queue = list(steps)
    with FakeOpenAI(default=lambda req: queue.pop(0)(req)) as server:
        briefing = anchored(server, on_call=CallLog(log)).summarize(ARTICLE)
    assert server.count == 2
    return log, briefing


def test_a_replayed_run_gives_the_recorded_briefing_and_usage(tmp_path: Path) -> None:
    log, live = record(tmp_path)
    replay = Replay.from_log(log)
    with FakeOpenAI(default=replay) as server:
        again = anchored(server).summarize(ARTICLE)
    assert (replay.served, replay.missed) == (2, 0)  # the re-ask is replayed too
    assert again.quotes == live.quotes and again.tensions == live.tensions
    assert again.summary == live.summary and again.actors == live.actors
    assert again.usage.prompt_tokens == live.usage.prompt_tokens == 2100
    assert again.usage.completion_tokens == 500


def test_a_request_the_log_never_saw_is_a_clear_error_not_an_answer(tmp_path: Path) -> None:
    log, _ = record(tmp_path)
    replay = Replay.from_log(log)
    with FakeOpenAI(default=replay) as server:
        with pytest.raises(ProviderError, match=r"no answer recorded in .*calls\.sqlite"):
            anchored(server).summarize(ARTICLE.replace("Tuesday", "Monday"))
    assert replay.missed == 1 and server.count == 1  # a 404 is not retried


def test_the_key_ignores_key_order_and_matches_the_logged_messages(tmp_path: Path) -> None:
    log, _ = record(tmp_path)
    replay = Replay.from_log(log)
    first = next(iter(CallLog(log).recent(limit=-1)))
    assert first.messages  # the article is stored by reference, the key resolves it
    messages = [{"content": "c", "role": "user"}]
    assert request_key(messages) == request_key([{"role": "user", "content": "c"}])
    assert len(replay.replies) == 2


def test_replaying_a_missing_log_says_which_file() -> None:
    with pytest.raises(ConfigurationError, match=r"no call log at /nowhere/calls\.sqlite"):
        Replay.from_log("/nowhere/calls.sqlite")


SEED_GOLD = Path(__file__).resolve().parents[1] / "evals/suites/dev"
SEED_CASE = SEED_GOLD / "reuters-2025-10-08-putin-tajikistan.gold.json"


def test_eval_run_replay_rescores_a_logged_run_without_a_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.cli import main
    from summarizer.eval import Report, run_suite

    log = tmp_path / "calls.sqlite"
    reply = {"summary": "Putin visited Tajikistan.", "actors": [], "quotes": [], "tensions": []}
    with FakeOpenAI(default=Reply(reply, prompt_tokens=1234, completion_tokens=56)) as server:
        live = anchored(server, on_call=CallLog(log), prompt_version=None)  # the newest, as below
        run_suite(SEED_CASE, live, tmp_path / "live", concurrency=1)
    out = tmp_path / "replayed"
    argv = ["eval", "run", "--suite", str(SEED_CASE), "--out", str(out), "--model", "test-model"]
    argv += ["--mode", "json", "--strategy", "anchored", "--replay", str(log), "--quiet"]
    assert main(argv) == 0
    assert "replayed 1 recorded answer(s)" in capsys.readouterr().err
    before, after = Report.load(tmp_path / "live"), Report.load(out)
    assert after.metric("quotes.f1") == before.metric("quotes.f1")
    assert after.run["settings"]["replay"] == str(log)
    assert after.run["settings"]["base_url"] == "replay"  # not the loopback port


def test_by_article_serves_the_answer_for_the_same_article_when_the_hints_changed(
    tmp_path: Path,
) -> None:
    """The offline rules changed since the recording: the hint lines differ, the numbered
    article (and so every id) is the same."""
    import sqlite3

    log, live = record(tmp_path)
    with sqlite3.connect(log) as db:
        db.execute("UPDATE calls SET messages = replace(messages, 'Helen Okafor', 'H. Okafor')")
    strict, loose = Replay.from_log(log), Replay.from_log(log, by_article=True)
    with FakeOpenAI(default=strict) as server, pytest.raises(ProviderError):
        anchored(server).summarize(ARTICLE)
    with FakeOpenAI(default=loose) as server:
        again = anchored(server).summarize(ARTICLE)
    assert (loose.served, loose.approximate, loose.missed) == (0, 2, 0)
    assert again.quotes == live.quotes and again.tensions == live.tensions
    with FakeOpenAI(default=loose) as server, pytest.raises(ProviderError):
        anchored(server).summarize(ARTICLE.replace("Tuesday", "Monday"))  # another article
