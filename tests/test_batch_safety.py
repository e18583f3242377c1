"""Batch never loses or double-pays a record, and fails before spending.

- duplicate ids in the input are an error before any model call (not "skipped");
- the output may not be the input;
- one process at a time writes an output (an exclusive lock; the second refuses);
- a refused key (401/403) stops the run at once with the provider's message;
- an output path that cannot be written is refused before the first model call.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Reply, Status

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
EMPTY = {"summary": "The council met.", "actors": [], "tensions": [], "quotes": []}


def article(i: int) -> str:
    return f"Article number {i} reports that the council met on Monday. It voted {i} times."


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Any:
    with FakeOpenAI(default=Reply(EMPTY)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        monkeypatch.setenv("SUMMARIZER_MAX_RETRY_SECONDS", "5")
        yield server


def last_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.strip().splitlines()[-1]


def test_duplicate_ids_are_an_error_before_any_call(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a1", "text": article(1)}),
        json.dumps({"id": 42, "text": article(2)}),
        json.dumps({"id": "line-5", "text": article(3)}),  # collides with line 5's fallback
        json.dumps({"id": "a1", "text": article(4)}),
        "{not json",  # no id: its fallback id is line-5
        json.dumps({"id": "42", "text": article(5)}),  # 42 and "42" are one id
        *[json.dumps({"id": f"u{i}", "text": article(10 + i)}) for i in range(6)],
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out)]) == 4
    message = last_error(capsys)
    assert fake.count == 0 and not out.exists()
    assert message.startswith(f"summarizer: error: {source}: 3 ids occur more than once")
    for said in ("'a1' (lines 1, 4)", "'42' (lines 2, 6)", "'line-5' (lines 3, 5)"):
        assert said in message
    assert "give each record its own id; nothing was sent" in message


def test_output_may_not_be_the_input(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": article(1)}) + "\n")
    before = source.read_bytes()
    (tmp_path / "sub").mkdir()
    for output in (str(source), str(tmp_path / "sub" / ".." / "in.jsonl")):
        assert main(["batch", str(source), "-o", output]) == 4
        assert last_error(capsys).endswith("is the input; write the results to another file")
    assert source.read_bytes() == before and fake.count == 0


_HOLD = """
import sys, time
from pathlib import Path
from summarizer._batch import output_lock
with output_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(60)
"""


def test_a_second_process_on_the_same_output_refuses(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": article(i)}) + "\n" for i in range(5)))
    out = tmp_path / "out.jsonl"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(out)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert main(["batch", str(source), "-o", str(out)]) == 1
        message = last_error(capsys)
    finally:
        holder.kill()
        holder.wait()
    assert fake.count == 0
    assert message == (
        f"summarizer: error: {out} is being written by another summarizer batch "
        f"(pid {holder.pid}); wait for it to finish, or choose another -o"
    )
    assert main(["batch", str(source), "-o", str(out)]) == 0  # the lock died with its holder
    assert fake.count == 5


def test_two_batch_processes_at_once_never_pay_twice(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": article(i)}) + "\n" for i in range(30)))
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(default=Reply(EMPTY), latency=0.05) as server:
        env = {"OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": "sk-test"}
        code = "import sys; from summarizer.cli import main; sys.exit(main(sys.argv[1:]))"
        args = [sys.executable, "-c", code, "batch", str(source), "-o", str(out), "-m", "m"]
        full_env = {**os.environ, **env}
        procs = [
            subprocess.Popen(args, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        results = [p.communicate(timeout=120) for p in procs]
        codes = sorted(p.returncode for p in procs)
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    refusals = [err for _, err in results if b"is being written by another" in err]
    if codes == [0, 0]:  # the second started after the first had finished: it resumed
        assert not refusals
    else:
        assert codes == [0, 1] and len(refusals) == 1
    assert sorted(ids, key=int) == [str(i) for i in range(30)]  # each id once
    assert server.count == 30  # never paid twice


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_key_stops_the_batch_at_once_with_the_provider_message(
    status: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": article(i)}) + "\n" for i in range(20)))
    out = tmp_path / "out.jsonl"
    refused = Status(status, "Incorrect API key provided: sk-wrong. You can find your key at ...")
    with FakeOpenAI(default=refused) as server:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
        code = main(
            ["batch", str(source), "-o", str(out), "--base-url", server.base_url, "-m", "m",
             "--concurrency", "1"]
        )  # fmt: skip
    message = last_error(capsys)
    assert server.count <= 2  # the articles in progress (two per request slot), not 20
    assert code == 3
    assert f"HTTP {status}" in message and "Incorrect API key provided" in message
    assert "looks down" not in message
    assert "OPENAI_API_KEY" in message
    assert not out.exists() or out.read_text() == ""  # nothing written: a rerun redoes them
    assert "Nothing more was sent" in message


def test_a_refused_key_with_concurrency_stops_after_the_requests_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": article(i)}) + "\n" for i in range(60)))
    with FakeOpenAI(default=Status(401, "bad key")) as server:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-wrong")
        code = main(
            ["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--base-url",
             server.base_url, "-m", "m", "--concurrency", "4", "--max-consecutive-failures", "0"]
        )  # fmt: skip
    assert code == 3 and server.count <= 8  # the articles in progress (2 per slot), not 60
    assert "HTTP 401" in last_error(capsys)


def test_batch_output_that_cannot_be_written_fails_before_any_call(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": article(1)}) + "\n")
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file: no folder can be made under it, not even by root")
    assert main(["batch", str(source), "-o", str(blocker / "out.jsonl")]) == 1
    message = last_error(capsys)
    assert message == f"summarizer: error: cannot write {blocker / 'out.jsonl'}: Not a directory"
    assert fake.count == 0
    assert main(["batch", str(source), "-o", str(tmp_path)]) == 1  # a directory
    assert "Is a directory" in last_error(capsys) and fake.count == 0


def test_brief_output_that_cannot_be_written_fails_before_the_model_call(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file")
    note = blocker / "notes" / "note.md"
    assert main(["brief", str(SEED), "-o", str(note)]) == 1
    assert last_error(capsys) == f"summarizer: error: cannot write {note}: Not a directory"
    assert fake.count == 0  # nothing paid for and lost
    assert main(["brief", str(SEED), "-o", str(tmp_path)]) == 1
    assert "Is a directory" in last_error(capsys) and fake.count == 0


def test_brief_output_on_a_full_disk_is_one_line(
    fake: FakeOpenAI,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno
    import os

    real_fsync = os.fsync

    def full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    note = tmp_path / "note.md"
    assert main(["brief", str(SEED), "-o", str(note)]) == 1
    assert last_error(capsys) == f"summarizer: error: cannot write {note}: No space left on device"
    assert not note.exists()


def test_eval_run_output_folder_that_cannot_be_written_fails_before_any_call(
    fake: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file")
    suite = ROOT / "evals" / "suites" / "dev"
    for out in (blocker, blocker / "run"):
        assert main(["eval", "run", "--suite", str(suite), "--out", str(out)]) == 1
        assert last_error(capsys) == f"summarizer: error: cannot write {out}: Not a directory"
    assert fake.count == 0
