"""The fault matrix: every fault of docs/RELIABILITY.md, through the real openai SDK path.

Each test drives `Summarizer` against the fake OpenAI-compatible server on loopback
(`summarizer.testing.FakeOpenAI`), so the openai client, instructor, tenacity and our
error translation all run as in production. Faults already covered by tests/test_llm.py
(429 with Retry-After, a Retry-After over the time budget, persistent 500, 401,
``finish_reason: "length"``, refusal, empty ``choices``, schema failure on every
attempt, the token budget) are not repeated here; docs/RELIABILITY.md names them.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from tenacity import RetryCallState, Retrying, wait_exponential_jitter
from test_llm import BAD, FABRICATED, GOOD

from summarizer import OutputError, ProviderError, Summarizer
from summarizer._batch import BatchRun
from summarizer._chunking import split_article
from summarizer._errors import (
    BudgetExceededError,
    GroundingError,
    ProviderConnectionError,
    ProviderTimeoutError,
    RateLimitError,
)
from summarizer._schema import Briefing
from summarizer.backends import _openai
from summarizer.backends._openai import _Wait, network_loop, shared_async_client
from summarizer.infra._records import CallRecord
from summarizer.input._read import Record
from summarizer.testing import FakeOpenAI, Hang, Raw, Reply, Reset, Status

# Every quote and the tension's evidence made up; the actors are real.
ALL_FABRICATED: dict[str, Any] = {
    **GOOD,
    "tensions": [
        {
            "parties": ["Emomali Rahmon", "Vladimir Putin"],
            "description": "Rahmon threatened to leave the alliance.",
            "evidence": "Rahmon threatened to quit the Russian-led alliance at once",
        }
    ],
    "quotes": [
        {"text": "Moscow has betrayed us.", "speaker": "Emomali Rahmon"},
        {"text": FABRICATED, "speaker": "Vladimir Putin"},
    ],
}
EMPTY: dict[str, Any] = {"summary": "Officials met.", "actors": [], "tensions": [], "quotes": []}


@pytest.fixture
def real_backoff() -> None:
    """Opt out of `_fast_backoff`: the test is about the backoff itself."""


@pytest.fixture(autouse=True)
def _fast_backoff(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff of ~10 ms instead of ~0.5 s, 1 s, 2 s...: same retries, a faster suite."""
    if "real_backoff" in request.fixturenames:
        return

    def fast(**kw: Any) -> wait_exponential_jitter:
        return wait_exponential_jitter(**{**kw, "multiplier": 0.01, "jitter": 0.01})

    monkeypatch.setattr(_openai, "wait_exponential_jitter", fast)


def make(server: FakeOpenAI | str, **kw: Any) -> Summarizer:
    """A summariser on the real SDK path with small, fast retry bounds."""
    base_url = server if isinstance(server, str) else server.base_url
    kw.setdefault("max_retry_seconds", 10)
    kw.setdefault("max_attempts", 3)
    return Summarizer(model="test-model", base_url=base_url, api_key="sk-test", **kw)


def same_request(server: FakeOpenAI, a: int, b: int) -> bool:
    return server.requests[a]["messages"] == server.requests[b]["messages"]


def seen_by_model(server: FakeOpenAI) -> str:
    return json.dumps([r["messages"] for r in server.requests])


# --- HTTP status faults ------------------------------------------------------------------


def test_429_without_retry_after_backs_off_and_retries(seed_text: str) -> None:
    with FakeOpenAI([Status(429, "slow down"), Reply(GOOD)]) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 2 and same_request(server, 0, 1)
    assert briefing.usage.calls == 1 and briefing.usage.reasks == 0


def test_persistent_429_raises_rate_limit_error_with_status(seed_text: str) -> None:
    with FakeOpenAI(default=Status(429, "quota", headers={"Retry-After": "0"})) as server:
        with pytest.raises(RateLimitError) as info:
            make(server, max_attempts=2).summarize(seed_text)
    assert server.count == 2
    assert info.value.status == 429 and info.value.provider_message == "quota"


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_transient_5xx_is_retried_with_the_same_request(seed_text: str, status: int) -> None:
    with FakeOpenAI([Status(status, headers={"Retry-After": "0"}), Reply(GOOD)]) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 2 and same_request(server, 0, 1)
    assert briefing.usage.reasks == 0 and briefing.rejected == []


@pytest.mark.parametrize("status", [408, 409])
def test_request_timeout_408_and_conflict_409_are_retried(seed_text: str, status: int) -> None:
    with FakeOpenAI([Status(status, headers={"Retry-After": "0"}), Reply(GOOD)]) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 2 and same_request(server, 0, 1)
    assert briefing.usage.reasks == 0


@pytest.mark.parametrize("status", [502, 503, 504])
def test_persistent_5xx_raises_provider_error_not_output_error(seed_text: str, status: int) -> None:
    down = Status(status, f"gateway said {status}", headers={"Retry-After": "0"})
    with FakeOpenAI(default=down) as server, pytest.raises(ProviderError) as info:
        make(server, max_attempts=3).summarize(seed_text)
    assert server.count == 3
    assert info.value.status == status and info.value.attempts == 3
    assert info.value.provider_message == f"gateway said {status}"
    assert not isinstance(info.value, OutputError)


def test_retries_stop_at_the_time_budget_before_the_attempt_bound(
    seed_text: str, real_backoff: None
) -> None:
    with FakeOpenAI(default=Status(503)) as server:
        started = time.monotonic()
        with pytest.raises(ProviderError):
            make(server, max_attempts=50, max_retry_seconds=2.5).summarize(seed_text)
        elapsed = time.monotonic() - started
    assert 1 < server.count < 10  # backoff ~0.5 s, 1 s, 2 s...: the budget ends it, not 50
    assert elapsed < 10


def _state(attempt: int, err: BaseException) -> RetryCallState:
    state = RetryCallState(Retrying(), None, (), {})
    state.attempt_number = attempt
    state.set_exception((type(err), err, None))
    return state


def _status_error(status: int, headers: dict[str, str]) -> Exception:
    import openai

    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx2.Response(status, headers=headers, request=request)
    return openai.APIStatusError("x", response=response, body=None)


def test_backoff_grows_with_jitter_and_honours_retry_after(real_backoff: None) -> None:
    wait = _Wait()
    err = _status_error(503, {})
    samples = {n: [wait(_state(n, err)) for _ in range(30)] for n in (1, 2, 3)}
    for n, waits in samples.items():
        base = 0.5 * 2 ** (n - 1)
        assert all(base <= w <= base + 0.5 for w in waits)  # exponential, plus jitter
        assert len(set(waits)) > 1  # jitter: concurrent clients do not retry in lockstep
    assert wait(_state(1, _status_error(429, {"Retry-After": "7"}))) == 7.0
    assert wait(_state(1, _status_error(429, {"retry-after-ms": "250"}))) == 0.25


# --- connection faults -------------------------------------------------------------------


@pytest.fixture
def unaccepting_port() -> Iterator[int]:
    """A port whose accept queue is full: a new connection's SYN is dropped (connect hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.1)
    yield port
    for sock in [*fillers, listener]:
        sock.close()


def _cause_chain(err: BaseException) -> list[type[BaseException]]:
    seen: list[type[BaseException]] = []
    current: BaseException | None = err
    while current is not None and len(seen) < 20:
        seen.append(type(current))
        current = current.__cause__ or current.__context__
    return seen


def test_connect_timeout_is_retried_then_raises_timeout_error(
    seed_text: str, unaccepting_port: int
) -> None:
    url = f"http://127.0.0.1:{unaccepting_port}/v1"
    attempts: list[CallRecord] = []
    with pytest.raises(ProviderTimeoutError) as info:
        make(url, timeout=0.3, max_attempts=2, on_call=attempts.append).summarize(seed_text)
    assert info.value.attempts == 2 and len(attempts) == 2
    assert httpx2.ConnectTimeout in _cause_chain(info.value)
    assert "SUMMARIZER_TIMEOUT" in str(info.value)


def test_connection_refused_raises_connection_error_naming_the_setting(seed_text: str) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    with pytest.raises(ProviderConnectionError) as info:
        make(f"http://127.0.0.1:{port}/v1", max_attempts=2).summarize(seed_text)
    assert info.value.attempts == 2 and "OPENAI_BASE_URL" in str(info.value)


def test_read_timeout_is_retried_then_succeeds(seed_text: str) -> None:
    with FakeOpenAI([Hang(2.0), Reply(GOOD)]) as server:
        briefing = make(server, timeout=0.3).summarize(seed_text)
    assert server.count == 2 and same_request(server, 0, 1)
    assert briefing.usage.calls == 1


def test_persistent_read_timeout_raises_timeout_error_in_bounded_time(seed_text: str) -> None:
    with FakeOpenAI(default=Hang(3.0)) as server:
        started = time.monotonic()
        with pytest.raises(ProviderTimeoutError) as info:
            make(server, timeout=0.3, max_attempts=2).summarize(seed_text)
        assert time.monotonic() - started < 10
    assert server.count == 2 and info.value.status is None
    assert httpx2.ReadTimeout in _cause_chain(info.value)


def test_connection_reset_mid_body_is_retried(seed_text: str) -> None:
    with FakeOpenAI([Reset(), Reply(GOOD)]) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 2 and same_request(server, 0, 1)
    assert briefing.usage.calls == 1 and briefing.usage.reasks == 0


def test_persistent_reset_raises_connection_error(seed_text: str) -> None:
    with FakeOpenAI(default=Reset()) as server, pytest.raises(ProviderConnectionError):
        make(server, max_attempts=2).summarize(seed_text)
    assert server.count == 2


# --- bodies that are not a chat completion -----------------------------------------------

NOT_JSON = [
    pytest.param(b"{not json", "application/json", id="json-content-type"),
    pytest.param(b"<html>502 Bad Gateway</html>", "text/html", id="html-content-type"),
]


@pytest.mark.parametrize(("body", "content_type"), NOT_JSON)
def test_body_that_is_not_json_is_retried_as_a_transport_fault(
    seed_text: str, body: bytes, content_type: str
) -> None:
    with FakeOpenAI([Raw(body, content_type=content_type), Reply(GOOD)]) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 2
    assert same_request(server, 0, 1)  # retried as it was: not turned into a re-ask
    assert briefing.usage.reasks == 0


@pytest.mark.parametrize(("body", "content_type"), NOT_JSON)
def test_persistent_body_that_is_not_json_raises_provider_error(
    seed_text: str, body: bytes, content_type: str
) -> None:
    with FakeOpenAI(default=Raw(body, content_type=content_type)) as server:
        with pytest.raises(ProviderError) as info:
            make(server, max_attempts=2, max_reasks=2).summarize(seed_text)
    assert server.count == 2  # max_attempts, not max_reasks + 1
    assert info.value.status == 200 and "not a chat completion" in str(info.value)
    assert "Expecting" not in seen_by_model(server)  # the parse error never went to the model


# --- validation faults -------------------------------------------------------------------


def test_json_failing_the_schema_is_reasked_with_the_error(seed_text: str) -> None:
    with FakeOpenAI([Reply({"summary": "only a summary"}), Reply(GOOD)]) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 2
    reask = json.dumps(server.requests[1]["messages"])
    assert "actors" in reask and "Field required" in reask
    assert briefing.usage.reasks == 1 and briefing.usage.total_tokens == 300


def test_reply_fabricating_every_quote_is_reasked_then_salvaged_empty(seed_text: str) -> None:
    with FakeOpenAI(default=Reply(ALL_FABRICATED)) as server:
        briefing = make(server, max_reasks=1).summarize(seed_text)
    assert server.count == 2
    reask = json.dumps(server.requests[1]["messages"])
    assert "quote 1" in reask and "quote 2" in reask and "tension 1" in reask
    assert briefing.quotes == [] and briefing.tensions == []
    assert [a.name for a in briefing.actors] == [a["name"] for a in GOOD["actors"]]
    dropped = {r.field: r for r in briefing.rejected}
    assert {r.item.get("text") for r in briefing.rejected if r.field == "quotes"} == {
        "Moscow has betrayed us.",
        FABRICATED,
    }
    assert "not in the article" in dropped["tensions"].reason


def test_reply_fabricating_every_quote_raises_under_strict(seed_text: str) -> None:
    with FakeOpenAI(default=Reply(ALL_FABRICATED)) as server, pytest.raises(GroundingError) as info:
        make(server, max_reasks=1, strict=True).summarize(seed_text)
    assert len(info.value.rejected) == 3
    assert info.value.usage.total_tokens == 300


def test_transport_fault_between_reasks_never_reaches_the_model(seed_text: str) -> None:
    steps = [
        Reply(BAD),
        Status(503, "upstream 503 boom", headers={"Retry-After": "0"}),
        Reply(GOOD),
    ]
    with FakeOpenAI(steps) as server:
        briefing = make(server).summarize(seed_text)
    assert server.count == 3
    assert same_request(server, 1, 2)  # the re-ask after the 503 is the same re-ask
    assert "boom" not in seen_by_model(server) and "503" not in seen_by_model(server)
    assert briefing.usage.calls == 2 and briefing.usage.reasks == 1


# --- spending bounds ---------------------------------------------------------------------


def test_attempts_per_article_are_bounded_by_attempts_times_asks(seed_text: str) -> None:
    """Every ask (first + re-asks) gets at most ``max_attempts`` HTTP attempts."""
    flip = iter(range(1000))

    def flaky_fabricator(request: dict[str, Any]) -> Reply | Status:
        return Status(503, headers={"Retry-After": "0"}) if next(flip) % 2 else Reply(BAD)

    with FakeOpenAI(default=flaky_fabricator) as server:
        briefing = make(server, max_attempts=2, max_reasks=2).summarize(seed_text)
    assert server.count <= 3 * 2
    assert briefing.usage.calls == 3  # three answers: first ask and two re-asks
    assert FABRICATED not in [q.text for q in briefing.quotes]


def test_usage_counts_every_attempt_and_the_hook_sees_failed_ones(seed_text: str) -> None:
    records: list[CallRecord] = []
    steps = [Status(500, headers={"Retry-After": "0"}), Reply(BAD), Reset(), Reply(GOOD)]
    with FakeOpenAI(steps) as server:
        briefing = make(server, on_call=records.append).summarize(seed_text)
    assert server.count == 4
    assert [r.outcome for r in records] == [
        "InternalServerError",
        "ok",
        "APIConnectionError",
        "ok",
    ]
    assert briefing.usage.total_tokens == sum(r.usage.total_tokens for r in records) == 300
    assert briefing.usage.calls == 2 and briefing.usage.reasks == 1


def _long_article(paragraphs: int) -> str:
    para = (
        "The council of the city of Springfield met on Monday to debate the budget for "
        "the coming year, and its members argued for hours about roads and schools."
    )
    return "\n\n".join(f"{para} Item {i}." for i in range(paragraphs))


def test_token_budget_holds_for_the_whole_article_not_each_chunk() -> None:
    text = _long_article(30)  # ~5,000 characters: 4+ chunks at 300 tokens each
    with FakeOpenAI(default=Reply(EMPTY)) as server:
        summarizer = make(server, max_article_tokens=300, max_tokens_per_article=300)
        with pytest.raises(BudgetExceededError) as info:
            summarizer.summarize(text)
    assert server.count == 2  # 150 + 150 tokens: the budget is spent, the third chunk waits
    assert info.value.usage.total_tokens == 300  # the article's usage, both chunks


async def test_token_budget_holds_for_concurrent_chunks_of_one_article() -> None:
    text = _long_article(30)
    with FakeOpenAI(default=Reply(GOOD, delay=0.05)) as server:  # its actors are not in it
        summarizer = make(server, max_article_tokens=300, max_tokens_per_article=300)
        chunks = len(split_article(summarizer.prepare(text), 300))
        with pytest.raises(BudgetExceededError):
            await summarizer.asummarize(text)
    # Concurrent chunks may each have one request in flight when the shared budget runs out
    # (2 answers of 150 tokens spend it): at most 2 + chunks requests. A budget per chunk
    # would give every chunk its own 300 tokens: 2 x chunks requests.
    assert chunks >= 4 and server.count <= 2 + chunks


# --- a slow server at the concurrency limit ------------------------------------------------


async def test_slow_server_at_the_concurrency_limit_finishes_every_article(
    tmp_path: Path,
) -> None:
    records = [
        Record(id=str(i), text=f"Officials met on Monday in town {i}. They agreed on a plan.")
        for i in range(12)
    ]
    with FakeOpenAI(default=Reply(EMPTY), latency=0.2) as server:
        summarizer = make(server)

        async def process(record: Record) -> Briefing:
            return await summarizer.asummarize(record.text)

        started = time.monotonic()
        report = await BatchRun(tmp_path / "out.jsonl", process, concurrency=3).run(records)
        elapsed = time.monotonic() - started
    assert report.ok == 12 and not report.failed
    assert server.max_in_flight <= 3  # never more requests in flight than the limit
    assert elapsed < 20


# --- the batch engine's client: the SDK's aiohttp transport ------------------------------
# `summarizer batch` (and its worker processes) share one `shared_async_client`, which
# speaks HTTP through aiohttp rather than httpx, from an event loop of its own in a thread
# (`network_loop`): each fault must end the same way there.


@contextlib.asynccontextmanager
async def batch_client_summarizer(base_url: str, **kw: Any) -> AsyncIterator[Summarizer]:
    settings = make(base_url, **kw).settings
    async with shared_async_client(settings) as client:
        summarizer = Summarizer.from_settings(settings, client=client)
        async with network_loop(summarizer.backend):
            assert summarizer.backend.network is not None  # type: ignore[attr-defined]
            yield summarizer


async def test_batch_client_uses_the_aiohttp_transport() -> None:
    client = shared_async_client(make("http://127.0.0.1:9/v1").settings)
    assert isinstance(client._client, openai.DefaultAioHttpClient)
    await client.close()


TRANSIENT = [
    pytest.param(Status(503, headers={"Retry-After": "0"}), id="503"),
    pytest.param(Hang(2.0), id="read-timeout"),
    pytest.param(Reset(), id="reset-mid-body"),
    pytest.param(Raw(b"{not json"), id="not-json"),
]


def _timeout(fault: Any) -> float:
    # Short only where the fault is a hang: on a loaded machine a 0.5 s bound can expire
    # before the server thread has even read a prompt answer, and the test measures load.
    return 0.5 if isinstance(fault, Hang) else 10.0


@pytest.mark.parametrize("fault", TRANSIENT)
async def test_batch_client_retries_each_transient_fault_with_the_same_request(
    seed_text: str, fault: Any
) -> None:
    with FakeOpenAI([fault, Reply(GOOD)]) as server:
        async with batch_client_summarizer(server.base_url, timeout=_timeout(fault)) as s:
            briefing = await s.asummarize(seed_text)
    assert server.count == 2 and same_request(server, 0, 1)
    assert briefing.usage.calls == 1 and briefing.usage.reasks == 0


PERSISTENT = [
    pytest.param(Status(503, headers={"Retry-After": "0"}), ProviderError, id="503"),
    pytest.param(Hang(3.0), ProviderTimeoutError, id="read-timeout"),
    pytest.param(Reset(), ProviderConnectionError, id="reset-mid-body"),
    pytest.param(Raw(b"<html>502</html>", content_type="text/html"), ProviderError, id="html"),
]


@pytest.mark.parametrize(("fault", "error"), PERSISTENT)
async def test_batch_client_translates_each_persistent_fault(
    seed_text: str, fault: Any, error: type[Exception]
) -> None:
    with FakeOpenAI(default=fault) as server:
        async with batch_client_summarizer(
            server.base_url, timeout=_timeout(fault), max_attempts=2
        ) as s:
            with pytest.raises(error) as info:
                await s.asummarize(seed_text)
    assert server.count == 2 and info.value.attempts == 2  # type: ignore[attr-defined]
    assert not isinstance(info.value, OutputError)  # never mistaken for the model's fault


async def test_batch_client_connection_refused_names_the_setting(seed_text: str) -> None:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    async with batch_client_summarizer(f"http://127.0.0.1:{port}/v1", max_attempts=2) as s:
        with pytest.raises(ProviderConnectionError) as info:
            await s.asummarize(seed_text)
    assert info.value.attempts == 2 and "OPENAI_BASE_URL" in str(info.value)


async def test_batch_client_connect_timeout_raises_timeout_error(
    seed_text: str, unaccepting_port: int
) -> None:
    url = f"http://127.0.0.1:{unaccepting_port}/v1"
    async with batch_client_summarizer(url, timeout=0.3, max_attempts=2) as s:
        with pytest.raises(ProviderTimeoutError) as info:
            await s.asummarize(seed_text)
    assert info.value.attempts == 2 and "SUMMARIZER_TIMEOUT" in str(info.value)


def test_backoff_is_capped_at_twenty_seconds(real_backoff: None) -> None:
    assert _Wait()(_state(30, _status_error(503, {}))) == 20.0


def test_an_unreadable_retry_after_ms_falls_back_to_retry_after() -> None:
    headers = {"retry-after-ms": "soon", "Retry-After": "3"}
    assert _Wait()(_state(1, _status_error(429, headers))) == 3.0


def test_a_wait_with_no_outcome_yet_is_the_backoff(real_backoff: None) -> None:
    state = RetryCallState(Retrying(), None, (), {})
    state.attempt_number = 1
    assert 0.5 <= _Wait()(state) <= 1.0


def test_the_time_budget_counts_the_time_spent_and_the_sleep_to_come() -> None:
    from summarizer.backends._openai import _OutOfTime

    def state(spent: float | None, sleep: float) -> RetryCallState:
        s = RetryCallState(Retrying(), None, (), {})
        s.outcome_timestamp = None if spent is None else s.start_time + spent
        s.upcoming_sleep = sleep
        return s

    out = _OutOfTime(10.0)
    assert not out(state(None, 9.5))  # nothing spent yet: 9.5 s fits in 10
    assert out(state(5.0, 6.0))  # 11 s: over
    assert not out(state(4.0, 6.0))  # exactly 10 s: still inside
