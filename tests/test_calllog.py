"""The call log (every attempt, article stored once, no keys) and cost estimates."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from summarizer import ConfigurationError, Summarizer
from summarizer._schema import Usage
from summarizer.cli import main
from summarizer.infra._calllog import CallLog, redact
from summarizer.infra._costs import (
    Price,
    UsageMeter,
    estimate,
    format_cost,
    load_prices,
    maintained_price,
    price_of,
)
from summarizer.testing import FakeOpenAI, Reply, Status

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"

GOOD: dict[str, Any] = {
    "summary": "Vladimir Putin arrived in Tajikistan for a Russia-Central Asia summit.",
    "actors": [
        {"name": "Vladimir Putin", "type": "person", "role": "President", "aliases": ["Putin"]}
    ],
    "tensions": [],
    "quotes": [],
}
FABRICATED = {**GOOD, "quotes": [{"text": "We shall never leave.", "speaker": "Vladimir Putin"}]}
CANARY = "sk-canary-7f3a9c1e5b2d4f6a8c0e"
BODY_MARK = "Kremlin announcement said Putin would take part"  # a sentence of the seed article


def run_with_retry_and_reask(log: CallLog, meter: UsageMeter | None = None, **kw: Any) -> Any:
    steps = [Status(429, "slow down", headers={"Retry-After": "0"}), Reply(FABRICATED), Reply(GOOD)]
    with FakeOpenAI(steps) as server:
        hooks = [h for h in (log, meter) if h is not None]
        summarizer = Summarizer(
            model=kw.pop("model", "gpt-4.1-mini"),
            base_url=server.base_url,
            api_key=kw.pop("api_key", "sk-test"),
            on_call=lambda record: [hook(record) for hook in hooks],
            **kw,
        )
        return summarizer.summarize(SEED.read_text(encoding="utf-8"))


def test_every_attempt_is_logged_retries_and_reasks_included(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.sqlite")
    briefing = run_with_retry_and_reask(log)
    calls = list(reversed(log.recent()))
    assert [(c.attempt, c.outcome, c.status) for c in calls] == [
        (1, "RateLimitError", 429),
        (2, "ok", 200),
        (3, "ok", 200),
    ]
    assert sum(c.total_tokens for c in calls) == briefing.usage.total_tokens == 300
    assert all(c.prompt_id == "extract" and len(c.prompt_sha256 or "") == 64 for c in calls)
    assert "slow down" in (calls[0].error or "")
    assert json.loads(calls[2].response or "{}")["summary"] == GOOD["summary"]
    assert "quote 1" in json.dumps(calls[2].messages), "the re-ask is logged as sent"


def test_article_text_is_stored_once_and_referenced_by_hash(tmp_path: Path) -> None:
    log = CallLog(tmp_path / "calls.sqlite")
    run_with_retry_and_reask(log)
    calls = log.recent()
    shas = {c.article_sha256 for c in calls}
    [sha] = shas
    assert isinstance(sha, str) and len(sha) == 64 and int(sha, 16) >= 0  # a sha256, in hex
    for call in calls:
        sent = json.dumps(call.messages, ensure_ascii=False)
        assert BODY_MARK not in sent and f"[article sha256:{sha}]" in sent
    assert BODY_MARK in (log.article(sha) or "")
    with sqlite3.connect(log.path) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_api_key_never_reaches_the_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = CallLog(tmp_path / "home" / "calls.sqlite")
    leaky = Status(401, f"Incorrect API key provided: {CANARY}.")  # some providers echo it
    with FakeOpenAI([leaky], default=Reply(GOOD)) as server:
        summarizer = Summarizer(
            model="m", base_url=server.base_url, api_key=CANARY, on_call=log, max_retry_seconds=5
        )
        with pytest.raises(Exception, match="HTTP 401"):
            summarizer.summarize(SEED.read_text(encoding="utf-8"))
        summarizer.summarize(SEED.read_text(encoding="utf-8"))
        assert any(CANARY in str(h) for h in server.headers), "the canary was really sent"
    log.close()
    assert log.recent()[1].outcome == "AuthenticationError"
    for file in (tmp_path / "home").iterdir():  # the database, its WAL and shared memory
        assert CANARY.encode() not in file.read_bytes(), file.name
        assert CANARY[3:].encode() not in file.read_bytes(), file.name


def test_redact_masks_keys_and_bearer_tokens() -> None:
    assert redact(f"key {CANARY} and Bearer abc.def-123456") == "key [redacted] and [redacted]"
    assert redact("nothing secret here") == "nothing secret here"


def test_cli_logs_every_call_and_lists_them(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeOpenAI([Status(429, "slow", headers={"Retry-After": "0"})], default=Reply(GOOD)) as server:  # fmt: skip
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", CANARY)
        assert main(["brief", str(SEED), "--model", "gpt-4.1-mini"]) == 0
        assert main(["brief", str(SEED), "--model", "local-llama", "--no-cache"]) == 0
        assert main(["brief", str(SEED), "--model", "quiet", "--no-log"]) == 0
    capsys.readouterr()
    assert main(["logs", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["model"] for r in rows] == ["local-llama", "gpt-4.1-mini", "gpt-4.1-mini"]
    assert rows[0]["cost_usd"] is None and rows[1]["cost_usd"] > 0
    assert main(["logs", "--json", "--status", "429"]) == 0
    assert [r["outcome"] for r in json.loads(capsys.readouterr().out)] == ["RateLimitError"]
    assert main(["logs", "--json", "-n", "1", "--model", "gpt-4.1-mini", "--status", "ok"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["logs"]) == 0
    table = capsys.readouterr().out
    assert "local-llama" in table and "unknown price" in table and CANARY not in table


def test_logs_with_nothing_logged_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs"]) == 0
    assert "No calls logged" in capsys.readouterr().out


# --- costs -------------------------------------------------------------------------------


def test_cost_counts_retries_and_reasks(tmp_path: Path) -> None:
    meter = UsageMeter()
    run_with_retry_and_reask(CallLog(tmp_path / "c.sqlite"), meter)
    assert meter.usage.calls == 3 and meter.usage.prompt_tokens == 200
    assert meter.cost == pytest.approx((200 * 0.40 + 100 * 1.60) / 1e6)


def test_maintained_prices_match_snapshots_and_leave_unknown_models_unpriced() -> None:
    prices = load_prices()
    assert prices == {}  # no SUMMARIZER_PRICES: every price comes from genai-prices
    assert price_of("gpt-4.1-mini-2025-04-14", prices) == price_of("gpt-4.1-mini", prices)
    assert price_of("gpt-4.1-2025-04-14", prices) == price_of("gpt-4.1", prices)
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=1_000_000)
    assert estimate("gpt-4.1-mini", usage, prices) == pytest.approx(2.00)
    assert estimate("qwen2.5:7b-instruct", usage, prices) is None
    assert estimate("m", usage, prices) is None  # the test suites' fake model names
    assert format_cost(None) == "unknown price"


def test_maintained_prices_need_no_network() -> None:
    """genai-prices' bundled data is read; nothing is fetched (the suite refuses sockets)."""
    maintained_price.cache_clear()
    assert maintained_price("gpt-4o-mini") == Price(0.15, 0.60)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("prices.json", '{"local-llama": {"input": 1.0, "output": 2.0}, "gpt-4.1-mini": {"input": 9, "output": 9}}'),
        ("prices.toml", '[local-llama]\ninput = 1.0\noutput = 2.0\n["gpt-4.1-mini"]\ninput = 9\noutput = 9\n'),
    ],
)  # fmt: skip
def test_prices_can_be_overridden_by_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, content: str
) -> None:
    (tmp_path / name).write_text(content)
    monkeypatch.setenv("SUMMARIZER_PRICES", str(tmp_path / name))
    prices = load_prices()
    usage = Usage(prompt_tokens=1_000_000, completion_tokens=500_000)
    assert estimate("local-llama", usage, prices) == pytest.approx(2.0)
    assert estimate("gpt-4.1-mini", usage, prices) == pytest.approx(13.5)
    assert (estimate("gpt-4o", usage, prices) or 0.0) > 0.0  # the maintained prices stay
    assert estimate("local-llama-7b", usage, prices) == pytest.approx(2.0)  # a prefix + "-"


def test_a_broken_price_file_says_how_to_fix_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "prices.json").write_text('{"m": {"in": 1}}')
    monkeypatch.setenv("SUMMARIZER_PRICES", str(tmp_path / "prices.json"))
    with pytest.raises(ConfigurationError, match="SUMMARIZER_PRICES"):
        load_prices()
