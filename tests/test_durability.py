"""Durability: outputs are replaced atomically, and the SQLite cache and call log survive
``kill -9`` mid-write and several processes writing at once (WAL mode, busy timeout).

The batch output (append one line, flush) is covered by tests/test_batch.py
(`test_sigkill_midway_then_rerun_gives_every_id_exactly_once`, `test_torn_last_line...`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from summarizer._schema import Briefing, PromptInfo, Usage
from summarizer.infra._cache import Cache
from summarizer.infra._calllog import CallLog
from summarizer.infra._files import write_text_atomic
from summarizer.infra._records import CallRecord

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
PROMPT = PromptInfo(id="extract", version="2", sha256="0" * 64)
FORK = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to be quick"
)


def briefing(i: int) -> Briefing:
    return Briefing(summary=f"Briefing number {i}. " + "x" * 2000, model="m", prompt=PROMPT)


def call_record(i: int) -> CallRecord:
    messages = [
        {"role": "system", "content": "instructions"},
        {"role": "user", "content": f"<article>Article {i % 7}: " + "y" * 3000 + "</article>"},
    ]
    return CallRecord(
        started=datetime.now(timezone.utc),
        model="m",
        prompt=PROMPT,
        messages=messages,
        attempt=1,
        latency_s=0.01,
        outcome="ok",
        response_text='{"summary": "s"}' * 50,
        usage=Usage(prompt_tokens=10, completion_tokens=5, total_tokens=15, calls=1),
    )


def _write_forever(home: Path, start: int, done: Any) -> None:
    """Child: write cache entries and call-log rows until killed; count what is committed."""
    cache, log = Cache(home / "cache.sqlite"), CallLog(home / "calls.sqlite", prices={})
    i = start
    while True:
        cache.put(f"key-{i}", briefing(i))
        log(call_record(i))
        with done.get_lock():
            done.value += 1
        i += 1


def _write_n(home: Path, start: int, count: int) -> None:
    cache, log = Cache(home / "cache.sqlite"), CallLog(home / "calls.sqlite", prices={})
    for i in range(start, start + count):
        cache.put(f"key-{i}", briefing(i))
        log(call_record(i))
    os._exit(0)


def _integrity(path: Path) -> str:
    with sqlite3.connect(path) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


# --- SQLite: kill -9 mid-write ---------------------------------------------------------------


@FORK
def test_cache_and_call_log_survive_kill_9_mid_write(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    committed = 0
    for round_ in range(3):  # three kills at different moments
        done = context.Value("i", 0)
        child = context.Process(target=_write_forever, args=(tmp_path, round_ * 100_000, done))
        child.start()
        deadline = time.monotonic() + 20
        while done.value < 20 + 15 * round_:
            assert time.monotonic() < deadline and child.is_alive()
            time.sleep(0.005)
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join()
        assert child.exitcode == -signal.SIGKILL
        committed += done.value
        for name in ("cache.sqlite", "calls.sqlite"):
            assert _integrity(tmp_path / name) == "ok"
        # Every write the child saw committed is there (one more may have landed after).
        assert committed <= _count(tmp_path / "cache.sqlite", "briefings") <= committed + 3
        assert committed <= _count(tmp_path / "calls.sqlite", "calls") <= committed + 3
    cache = Cache(tmp_path / "cache.sqlite")
    assert cache.get("key-0") == briefing(0)  # entries read back whole
    cache.put("after", briefing(1))  # and the database takes new writes
    assert cache.get("after") == briefing(1)
    log = CallLog(tmp_path / "calls.sqlite", prices={})
    assert log.recent(1)[0].outcome == "ok"


# --- SQLite: several processes at once ---------------------------------------------------------


@FORK
def test_several_processes_write_the_cache_and_call_log_at_once(tmp_path: Path) -> None:
    """Fresh databases, so the processes also race to create the schema and switch to WAL."""
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_n, args=(tmp_path, n * 1000, 60)) for n in range(4)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    assert [w.exitcode for w in writers] == [0, 0, 0, 0]
    assert _count(tmp_path / "cache.sqlite", "briefings") == 240
    assert _count(tmp_path / "calls.sqlite", "calls") == 240
    assert _count(tmp_path / "calls.sqlite", "articles") == 7  # each article stored once
    for name in ("cache.sqlite", "calls.sqlite"):
        assert _integrity(tmp_path / name) == "ok"
        with sqlite3.connect(tmp_path / name) as db:
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reader_in_another_process_sees_committed_entries_while_a_writer_holds_on(
    tmp_path: Path,
) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put("k", briefing(1))
    writer = cache._store._conn()
    writer.execute("BEGIN IMMEDIATE")  # a writer in the middle of a transaction
    writer.execute("INSERT OR REPLACE INTO briefings VALUES ('k2', '', 'm', 'p', 0, '{}')")
    script = (
        "import sys; from summarizer.infra._cache import Cache; "
        "print(Cache(sys.argv[1]).get('k').summary[:17])"
    )
    read = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "cache.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    writer.execute("ROLLBACK")
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip() == "Briefing number 1"  # WAL: readers never wait for writers


# --- output files --------------------------------------------------------------------------------

_FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (1500, 1500))
from summarizer.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE semantics of Linux")
def test_brief_output_is_not_damaged_when_the_write_fails_midway(tmp_path: Path) -> None:
    """A full disk (here: a file-size limit) while writing the note leaves the old note."""
    note = tmp_path / "note.md"
    note.write_text("yesterday's note, still good\n", encoding="utf-8")
    env = {**os.environ, "SUMMARIZER_HOME": str(tmp_path / "home"), "PYTHONDONTWRITEBYTECODE": "1"}
    env = {k: v for k, v in env.items() if not k.startswith(("OPENAI_", "SUMMARIZER_MODEL"))}
    args = ["brief", str(SEED), "--model", "offline", "-o", str(note)]
    run = subprocess.run(
        [sys.executable, "-c", _FULL_DISK, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode != 0 and "File too large" in run.stderr
    assert note.read_text(encoding="utf-8") == "yesterday's note, still good\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp


def test_brief_output_is_complete_when_the_write_succeeds(tmp_path: Path) -> None:
    from summarizer.cli import main

    note = tmp_path / "note.md"
    note.write_text("old\n", encoding="utf-8")
    assert main(["brief", str(SEED), "--model", "offline", "-o", str(note)]) == 0
    text = note.read_text(encoding="utf-8")
    assert text.startswith("#") and text.endswith("\n") and "old" not in text[:4]


def test_atomic_write_leaves_the_old_file_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text('{"old": true}\n', encoding="utf-8")

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C between writing and renaming

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, '{"new": true}\n' * 1000)
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
