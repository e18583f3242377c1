"""The live status of `summarizer brief`: shown on a terminal, absent when piped or --quiet.

The real command runs in a subprocess whose stderr is a pseudo-terminal (the pty module),
against the fake OpenAI server with a short reply delay and one invalid answer (a re-ask).
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
GOOD = {
    "summary": "Putin arrived in Tajikistan for summit meetings.",
    "actors": [{"name": "Putin", "type": "person", "role": "president", "aliases": []}],
    "tensions": [],
    "quotes": [],
}
BAD = {"summary": 5}  # fails validation: the model is asked again
CLI = [sys.executable, "-c", "from summarizer.cli import main; raise SystemExit(main())"]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pty is POSIX only")


def _server() -> FakeOpenAI:
    return FakeOpenAI([Reply(BAD, delay=1.2), Reply(GOOD, delay=1.2)], default=Reply(GOOD))


def _env(server: FakeOpenAI) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        OPENAI_BASE_URL=server.base_url,
        OPENAI_API_KEY="sk-test",
        SUMMARIZER_MODEL="fake-model",
        SUMMARIZER_MAX_REASKS="2",
        COLUMNS="200",
    )
    return env


def _brief_on_a_terminal(server: FakeOpenAI, *flags: str) -> tuple[int, str, str]:
    """Run `summarizer brief` with stderr on a pseudo-terminal; (exit code, stdout, stderr)."""
    return _on_a_terminal(server, "brief", str(SEED), "--no-cache", *flags)


def _on_a_terminal(server: FakeOpenAI, *args: str) -> tuple[int, str, str]:
    """Run `summarizer ARGS` with stderr on a pseudo-terminal; (exit code, stdout, stderr)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*CLI, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=_env(server),
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    out, _ = proc.communicate(timeout=30)
    return proc.returncode, out.decode(), seen.decode(errors="replace")


def test_status_on_a_terminal_shows_elapsed_attempt_and_reask() -> None:
    with _server() as server:
        code, out, err = _brief_on_a_terminal(server)
    assert code == 0, err
    assert "Putin arrived in Tajikistan" in out  # the note itself is on stdout, unchanged
    assert "summarizer: briefing 0 s · attempt 1: waiting for the model" in err
    assert "attempt 1 answered; waiting (a re-ask if it was invalid)" in err
    assert " tokens so far" in err
    assert "briefing 1 s" in err or "briefing 2 s" in err  # elapsed time moves
    assert err.rstrip().endswith("\x1b[K")  # the line is cleared at the end


def test_quiet_turns_the_status_off() -> None:
    with _server() as server:
        code, _, err = _brief_on_a_terminal(server, "--quiet")
    assert code == 0, err
    assert "attempt" not in err and "\x1b[K" not in err


def test_no_status_when_stderr_is_piped() -> None:
    with _server() as server:
        proc = subprocess.run(
            [*CLI, "brief", str(SEED), "--no-cache"],
            capture_output=True,
            env=_env(server),
            timeout=60,
            check=False,
        )
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "attempt" not in err and "\x1b[K" not in err and "\r" not in err
    assert server.count == 2  # the re-ask happened all the same


def test_eval_run_shows_the_attempt_beside_its_progress_bar(tmp_path: Path) -> None:
    suite = tmp_path / "suite"
    suite.mkdir()
    for name in (SEED.stem + ".gold.json", SEED.name):
        (suite / name).write_bytes((ROOT / "evals" / "suites" / "dev" / name).read_bytes())
    args = ("eval", "run", "--suite", str(suite), "--out", str(tmp_path / "run"))
    with _server() as server:
        code, _, err = _on_a_terminal(server, *args)
    assert code == 0, err
    assert "attempt 1: waiting for the model" in err
    assert "attempt 1 answered; waiting (a re-ask if it was invalid)" in err
    with _server() as server:
        code, _, err = _on_a_terminal(server, *args, "--quiet")
    assert code == 0, err
    assert "attempt" not in err
