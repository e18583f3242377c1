"""Local state that heals: a broken cache or call log never stops the work.

A cache or call log that cannot be opened, or is corrupt, is moved aside (or skipped) with
one warning and the run goes on; `cache stats`, `cache clear` and `logs` work on a broken
database; a home that cannot be written works without cache or log, with a warning.

We run as root, where ``chmod`` does not stop writes: an unwritable home is a path under a
regular FILE (``mkdir`` fails for root too), and a read-only home is tested in a
subprocess that drops to ``nobody`` with ``os.setuid`` after its imports.
"""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
GOOD: dict[str, Any] = {
    "summary": "Vladimir Putin arrived in Tajikistan for a Russia-Central Asia summit.",
    "actors": [{"name": "Vladimir Putin", "type": "person", "role": "President", "aliases": []}],
    "tensions": [],
    "quotes": [],
}


def home() -> Path:
    return Path(os.environ["SUMMARIZER_HOME"])


def garbage(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database\n" * 200)


def partly_corrupt(path: Path) -> None:
    """A real database of the tool, with entries, whose first page (the schema) is intact
    and whose other pages are not: it opens, and queries fail with "database disk image
    is malformed"."""
    text = SEED.read_text(encoding="utf-8")
    with FakeOpenAI(default=Reply(GOOD)) as server:
        for i in range(3):
            source = path.parent.parent / f"filler-{i}.txt"
            source.write_text(text + f"\n\nNote {i}.", encoding="utf-8")
            assert main(["brief", str(source), "--base-url", server.base_url, "-m", "m"]) == 0
    gc.collect()  # close the CLI's connections
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    assert len(data) > 8192
    data[4096:] = b"Z" * (len(data) - 4096)
    path.write_bytes(bytes(data))


def brief_llm(server: FakeOpenAI, *extra: str) -> int:
    return main(["brief", str(SEED), "--base-url", server.base_url, "-m", "m", *extra])


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")


def warnings_in(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("summarizer: warning:")]


@pytest.mark.parametrize("damage", [garbage, partly_corrupt], ids=["garbage", "malformed"])
@pytest.mark.parametrize("name", ["cache.sqlite", "calls.sqlite"])
def test_brief_moves_a_broken_database_aside_with_one_warning_and_goes_on(
    damage: Any, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(home() / name)
    capsys.readouterr()
    broken = (home() / name).read_bytes()
    with FakeOpenAI(default=Reply(GOOD)) as server:
        assert brief_llm(server) == 0
        assert brief_llm(server) == 0  # the fresh database works: the cache hits
    out, err = capsys.readouterr()
    assert "Putin" in out and "Traceback" not in err
    warned = warnings_in(err)
    assert len(warned) == 1, err
    assert name in warned[0] and "moved" in warned[0]
    aside = [p for p in home().iterdir() if p.name.startswith(name + ".broken")]
    assert [p.read_bytes()[:16] for p in aside] == [broken[:16]]  # kept, not deleted
    assert server.count == 1  # the second run hit the cache
    db = sqlite3.connect(home() / name)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_batch_with_a_broken_cache_and_log_writes_every_record_ok(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    garbage(home() / "cache.sqlite")
    garbage(home() / "calls.sqlite")
    text = SEED.read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": f"a{i}", "text": text + f"\n\nNote {i}."}) + "\n" for i in range(6)
        )
    )
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(default=Reply(GOOD)) as server:
        code = main(
            ["batch", str(source), "-o", str(out), "--base-url", server.base_url, "-m", "m"]
        )
    err = capsys.readouterr().err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert code == 0, err
    assert [line["ok"] for line in lines] == [True] * 6
    assert len(warnings_in(err)) == 2  # one for the cache, one for the call log


@pytest.mark.parametrize("damage", [garbage, partly_corrupt], ids=["garbage", "malformed"])
def test_cache_stats_and_clear_work_on_a_broken_cache(
    damage: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    damage(home() / "cache.sqlite")
    capsys.readouterr()
    assert main(["cache", "stats"]) == 0
    out, err = capsys.readouterr()
    assert "total" in out and len(warnings_in(err)) == 1 and "Traceback" not in err
    damage(home() / "cache.sqlite")
    capsys.readouterr()
    assert main(["cache", "clear", "--yes"]) == 0
    out, err = capsys.readouterr()
    assert "Removed 0" in out and len(warnings_in(err)) == 1


@pytest.mark.parametrize("damage", [garbage, partly_corrupt], ids=["garbage", "malformed"])
def test_logs_works_on_a_broken_call_log(damage: Any, capsys: pytest.CaptureFixture[str]) -> None:
    damage(home() / "calls.sqlite")
    capsys.readouterr()
    assert main(["logs"]) == 0
    out, err = capsys.readouterr()
    assert "No calls logged" in out and len(warnings_in(err)) == 1
    assert main(["logs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_unwritable_home_works_without_cache_or_log_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("a regular file: nothing can be created under it, not even by root")
    monkeypatch.setenv("SUMMARIZER_HOME", str(blocker / "home"))
    with FakeOpenAI(default=Reply(GOOD)) as server:
        assert brief_llm(server) == 0
        assert brief_llm(server) == 0
    out, err = capsys.readouterr()
    assert "Putin" in out and "Traceback" not in err
    warned = warnings_in(err)
    assert len(warned) == 4, err  # cache and log, once per run
    assert any("cache" in w and "without" in w for w in warned)
    assert server.count == 2  # no cache to hit
    assert main(["cache", "stats"]) == 0
    assert main(["logs"]) == 0
    assert main(["cache", "clear"]) == 1  # nothing can be cleared: say so, not "Removed 0"
    err = capsys.readouterr().err
    assert "cannot" in err and "Traceback" not in err


def test_library_warns_through_the_warnings_module_and_never_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from summarizer import Cache, Summarizer
    from summarizer._errors import LocalStateWarning

    garbage(home() / "cache.sqlite")
    with FakeOpenAI(default=Reply(GOOD)) as server:
        s = Summarizer(model="m", base_url=server.base_url, cache=Cache())
        with pytest.warns(LocalStateWarning, match="moved it aside") as caught:
            s.summarize(SEED.read_text(encoding="utf-8"))
            s.summarize(SEED.read_text(encoding="utf-8"))
    assert len(caught) == 1
    assert capsys.readouterr() == ("", "")


_NOBODY = """
import os, sys
import summarizer.cli, summarizer._summarizer
import instructor, openai, httpx
from summarizer.testing import FakeOpenAI, Reply
from summarizer.cli import main
os.environ["OPENAI_API_KEY"] = "sk-test"
good = {"summary": "Vladimir Putin arrived.", "actors": [{"name": "Vladimir Putin",
        "type": "person", "role": "President", "aliases": []}], "tensions": [], "quotes": []}
with FakeOpenAI(default=Reply(good)) as server:
    url = ["--base-url", server.base_url, "-m", "m"]
    # as root, once, without cache or log: every module the run needs is imported
    assert main(["brief", sys.argv[1], "--no-cache", "--no-log", *url]) == 0, "warm-up"
    os.setgid(65534); os.setuid(65534)  # now drop root: the home is read-only to us
    code = main(["brief", "-", *url])
sys.exit(code)
"""


@pytest.mark.skipif(
    not hasattr(os, "setuid") or os.geteuid() != 0, reason="needs root to drop to nobody"
)
def test_read_only_home_as_another_user_works_without_cache_or_log() -> None:
    base = Path(tempfile.mkdtemp(prefix="summarizer-ro-"))
    try:
        base.chmod(0o755)
        ro_home = base / "home"
        ro_home.mkdir(mode=0o555)
        ro_home.chmod(0o555)  # owned by root, not writable by nobody
        env = {**os.environ, "SUMMARIZER_HOME": str(ro_home)}
        done = subprocess.run(
            [sys.executable, "-c", _NOBODY, str(SEED)],
            input=SEED.read_bytes(), capture_output=True, env=env, timeout=120, cwd=base,
        )  # fmt: skip
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert b"Putin" in done.stdout and "Traceback" not in err
    assert len(warnings_in(err)) == 2, err  # the cache and the call log, each once
