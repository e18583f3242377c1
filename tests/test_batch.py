"""`summarizer batch`: one line per record, failures recorded, resume after a kill, no lost work."""

from __future__ import annotations

import asyncio
import itertools
import json
import multiprocessing
import os
import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import Summarizer
from summarizer._batch import BatchRun, prepare_output, repair_tail, run_batch
from summarizer._schema import Briefing, PromptInfo, Usage
from summarizer.cli import main
from summarizer.infra._ratelimit import RateLimiter
from summarizer.input._read import Record, iter_records, parse_record
from summarizer.testing import FakeOpenAI, Reply, Status

ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)


def grounded_reply(request: dict[str, Any]) -> Reply | Status:
    """A valid briefing of any article (its first sentence); HTTP 400 for a poisoned one."""
    user = next((m["content"] for m in request.get("messages", []) if m["role"] == "user"), "")
    found = ARTICLE.search(user)
    body = " ".join((found.group(1) if found else user).split())
    if "POISON" in body:
        return Status(400, "this article cannot be processed")
    summary = body.split(". ")[0][:200]
    return Reply({"summary": summary, "actors": [], "tensions": [], "quotes": []})


def article(i: int) -> str:
    return f"Article number {i} reports that the council met on Monday. It voted {i} times."


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=grounded_reply) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        monkeypatch.setenv("SUMMARIZER_MAX_RETRY_SECONDS", "5")
        yield server


def test_jsonl_batch_writes_one_valid_line_per_record(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"id": f"a{i}", "text": article(i)} for i in range(6)]
    records.append({"id": "page", "html": "<html><body><p>" + article(99) + "</p></body></html>"})
    source = write_jsonl(tmp_path / "in.jsonl", records)
    assert main(["batch", str(source), "-o", "out.jsonl"]) == 0
    lines = read_lines(tmp_path / "out.jsonl")
    assert sorted(line["id"] for line in lines) == sorted(r["id"] for r in records)
    assert all(line["ok"] for line in lines)
    briefings = {line["id"]: Briefing.model_validate(line["briefing"]) for line in lines}
    assert briefings["a3"].summary.startswith("Article number 3")
    assert fake.count == 7
    assert "done (ok)" in capsys.readouterr().out


def test_directory_batch_uses_relative_paths_as_ids(fake: FakeOpenAI, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.txt").write_text(article(1))
    (folder / "sub" / "two.html").write_text(f"<html><body><p>{article(2)}</p></body></html>")
    (folder / ".hidden.txt").write_text(article(3))
    assert main(["batch", str(folder), "-o", "out.jsonl"]) == 0
    assert {line["id"] for line in read_lines(tmp_path / "out.jsonl")} == {
        "one.txt",
        "sub/two.html",
    }


def test_failures_are_recorded_with_their_class_and_the_batch_goes_on(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    good = [{"id": f"ok{i}", "text": article(i)} for i in range(4)]
    write_jsonl(source, [*good[:2], {"id": "empty", "text": "   "}, {"id": "bad", "text": "POISON " + article(5)}, *good[2:]])  # fmt: skip
    with source.open("a") as handle:
        handle.write("{not json\n")
    assert main(["batch", str(source), "-o", "out.jsonl"]) == 1
    lines = {line["id"]: line for line in read_lines(tmp_path / "out.jsonl")}
    assert len(lines) == 7 and all(lines[g["id"]]["ok"] for g in good)
    assert lines["empty"]["error"]["type"] == "InputError"
    assert lines["bad"]["error"]["type"] == "ProviderError"
    assert "HTTP 400" in lines["bad"]["error"]["message"]
    assert lines["line-7"]["error"]["type"] == "InputError"
    assert "not JSON" in lines["line-7"]["error"]["message"]
    assert "failed: InputError" in capsys.readouterr().out


def test_rerun_skips_done_ids_and_makes_no_calls(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(5)])
    assert main(["batch", str(source), "-o", "out.jsonl", "--no-cache"]) == 0
    calls = fake.count
    assert main(["batch", str(source), "-o", "out.jsonl", "--no-cache"]) == 0
    assert fake.count == calls
    assert [line["id"] for line in read_lines(tmp_path / "out.jsonl")].count("3") == 1


def test_torn_last_line_is_cut_and_its_record_runs_again(fake: FakeOpenAI, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(4)])
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), "--no-cache"]) == 0
    whole = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(whole[:3]) + whole[3][: len(whole[3]) // 2])  # as a kill -9 leaves it
    lost = json.loads(whole[3])["id"]
    before = fake.count
    assert main(["batch", str(source), "-o", str(out), "--no-cache"]) == 0
    ids = [line["id"] for line in read_lines(out)]
    assert sorted(ids) == ["0", "1", "2", "3"] and ids[-1] == lost
    assert fake.count == before + 1


def test_repair_tail_keeps_complete_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a", "ok": true}\n{"id": "b", "o')
    assert repair_tail(path) == len(b'{"id": "b", "o')
    assert path.read_bytes() == b'{"id": "a", "ok": true}\n'
    assert repair_tail(path) == 0
    path.write_bytes(b'{"id": "torn')
    repair_tail(path)
    assert path.read_bytes() == b""


def test_retry_failed_reruns_only_failures_and_keeps_one_line_per_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": article(i)} for i in range(5)])
    out = tmp_path / "out.jsonl"
    flaky = [Status(400, "bad luck")]  # the first request fails, everything after succeeds
    with FakeOpenAI(flaky, default=grounded_reply) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        args = ["batch", str(source), "-o", str(out), "--concurrency", "1"]
        assert main(args) == 1
        failed = [line["id"] for line in read_lines(out) if not line["ok"]]
        assert len(failed) == 1
        assert main(args) == 1 and server.count == 5  # a plain rerun keeps the failure
        assert main([*args, "--retry-failed"]) == 0
        assert server.count == 6
    lines = read_lines(out)
    assert sorted(line["id"] for line in lines) == ["0", "1", "2", "3", "4"]
    assert all(line["ok"] for line in lines)
    assert not list(tmp_path.glob(".out.jsonl.*"))  # the temp file of the rewrite is gone


def test_prepare_output_drops_failed_lines_atomically(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "ok": true}\n{"id": "b", "ok": false}\n{"id": "c", "ok": true}\n')
    state = prepare_output(out, retry_failed=True)
    assert state.done == {"a", "c"} and not state.failed
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["a", "c"]


# --- the engine --------------------------------------------------------------------------


def _briefing(record: Record) -> Briefing:
    return Briefing(
        summary=record.text, model="m", prompt=PromptInfo(id="p", version="1", sha256="-")
    )


async def test_reader_is_lazy_and_its_queue_is_bounded(tmp_path: Path) -> None:
    pulled = 0

    def endless() -> Iterator[Record]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield Record(id=str(i), text="x")

    async def never(record: Record) -> Briefing:
        await asyncio.Event().wait()
        raise AssertionError

    run = BatchRun(tmp_path / "out.jsonl", never, concurrency=4)
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(run.run(endless()), timeout=0.3)
    assert pulled <= 4 + 2 * 4 + 1  # in the workers + in the queue + one waiting to be put


async def test_limiter_gates_every_record_and_sees_its_usage(tmp_path: Path) -> None:
    class Counting:
        def __init__(self) -> None:
            self.acquired: list[str] = []
            self.released: list[Usage | None] = []

        async def acquire(self, record: Record) -> None:
            self.acquired.append(record.id)

        def release(self, record: Record, usage: Usage | None) -> None:
            self.released.append(usage)

    async def process(record: Record) -> Briefing:
        spent = Usage(prompt_tokens=100 + int(record.id), total_tokens=110 + int(record.id))
        return _briefing(record).model_copy(update={"usage": spent})

    limiter = Counting()
    records = [Record(id=str(i), text=f"t{i}") for i in range(5)]
    report = await BatchRun(tmp_path / "o.jsonl", process, limiter=limiter).run(records)
    assert sorted(limiter.acquired) == ["0", "1", "2", "3", "4"]
    assert report.ok == 5
    spent = sorted((u.prompt_tokens, u.total_tokens) for u in limiter.released if u is not None)
    assert spent == [(100 + i, 110 + i) for i in range(5)]  # each record's own usage


async def test_articles_queue_behind_busy_request_slots_and_the_cap_holds(
    tmp_path: Path,
) -> None:
    # Two articles per request slot: when a slot frees, the next article is already
    # cleaned and waiting for it, instead of the slot idling while one is prepared.
    limiter = RateLimiter(concurrency=2)
    with FakeOpenAI(default=grounded_reply, latency=0.05) as server:
        s = Summarizer(model="m", base_url=server.base_url, api_key="sk-x", limiter=limiter)
        records = [Record(id=str(i), text=article(i)) for i in range(8)]
        report = await run_batch(s, records, tmp_path / "out.jsonl", concurrency=2)
    assert report.ok == 8 and server.count == 8
    assert server.max_in_flight <= 2  # requests: still the limiter's cap
    assert limiter.stats.max_queued == 2  # articles: twice as many in progress


async def test_results_finished_before_cancellation_are_written(tmp_path: Path) -> None:
    async def process(record: Record) -> Briefing:
        if record.id != "0":
            await asyncio.Event().wait()
        return _briefing(record)

    out = tmp_path / "out.jsonl"
    records = [Record(id=str(i), text="t") for i in range(3)]
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(BatchRun(out, process).run(records), timeout=0.3)
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["0"]


def test_record_without_id_or_text_becomes_a_failure_not_a_skip() -> None:
    assert parse_record('{"text": "hello"}', 4).id == "line-4"
    assert (
        parse_record('{"id": 7, "body": "x"}', 1).error == "line 1 has no 'text' or 'html' string"
    )
    assert parse_record("[1, 2]", 2).error == "line 2 is not a JSON object"


def test_jsonl_records_are_read_lazily(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": "t"} for i in range(2)])
    records = iter_records(source)
    assert next(records).id == "0"
    # A line added after the first record was taken is still read: nothing was read ahead
    # into memory (an eager read, at the call or at the first record, would miss it).
    with source.open("a", encoding="utf-8") as more:
        more.write(json.dumps({"id": 2, "text": "t"}) + "\n")
    assert [r.id for r in records] == ["1", "2"]


async def test_a_duplicate_id_within_one_input_runs_once(tmp_path: Path) -> None:
    # The CLI refuses such an input before spending; the engine, for library callers,
    # still runs an id once: the first record wins, the later one is skipped.
    seen: list[str] = []

    async def process(record: Record) -> Briefing:
        seen.append(record.text or "")
        return _briefing(record)

    out = tmp_path / "out.jsonl"
    records = [Record(id="a", text="first"), Record(id="b", text="b"), Record(id="a", text="again")]
    report = await BatchRun(out, process, concurrency=1).run(records)
    assert seen == ["first", "b"] and report.skipped == 1
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [(x["id"], x["briefing"]["summary"]) for x in lines] == [("a", "first"), ("b", "b")]


def test_an_ok_line_clears_an_earlier_failure_of_the_same_id_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "ok": false}\n{"id": "b", "ok": false}\n{"id": "a", "ok": true}\n')
    state = prepare_output(out)
    assert state.done == {"a", "b"} and state.failed == {"b"}
    assert prepare_output(out, retry_failed=True).done == {"a"}  # "a" is not run again
    assert {"id": "a", "ok": True} in [json.loads(x) for x in out.read_text().splitlines()]


# --- a real kill -9 ------------------------------------------------------------------------


def _batch_child(args: list[str]) -> None:
    os._exit(main(args))


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to be quick"
)
def test_sigkill_midway_then_rerun_gives_every_id_exactly_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The acceptance run in small: scripts/batch-kill-resume.py does it with real subprocesses."""
    total = 40
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": f"r{i}", "text": article(i)} for i in range(total)])  # fmt: skip
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(default=grounded_reply, latency=0.1) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        args = ["batch", str(source), "-o", str(out), "--concurrency", "4"]
        child = multiprocessing.get_context("fork").Process(target=_batch_child, args=(args,))
        child.start()
        deadline = time.monotonic() + 30
        while count_lines(out) < total * 0.4:
            assert time.monotonic() < deadline and child.is_alive()
            time.sleep(0.01)
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        written = count_lines(out)
        assert 0 < written < total
        assert main(args) == 0
        ids = [line["id"] for line in read_lines(out)]
        assert len(ids) == total and set(ids) == {f"r{i}" for i in range(total)}
        before = server.count
        assert main(args) == 0
        assert server.count == before  # the third run makes no call


def test_a_torn_line_longer_than_a_read_block_is_cut_back_to_the_last_newline(
    tmp_path: Path,
) -> None:
    # repair_tail reads backwards in 64 KiB blocks: the newline is two blocks back.
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"id": "a", "ok": true}\n' + b"x" * 150_000)
    assert repair_tail(out) == 150_000
    assert out.read_bytes() == b'{"id": "a", "ok": true}\n'


def test_a_newline_at_the_very_start_of_a_long_torn_file_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"\n" + b"x" * 65_536)  # the last block ends one byte after the newline
    assert repair_tail(out) == 65_536
    assert out.read_bytes() == b"\n"
    no_newline = tmp_path / "torn.jsonl"
    no_newline.write_bytes(b"x" * 10)
    assert repair_tail(no_newline) == 10 and no_newline.read_bytes() == b""
