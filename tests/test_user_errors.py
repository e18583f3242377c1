"""Messages a careless user or caller gets: each says what was wrong and what was expected."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer import OutputError, Summarizer, summarize
from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"


def test_reask_exhaustion_lists_the_last_validation_errors(seed_text: str) -> None:
    bad = {"summary": 5, "actors": [{"name": "X", "type": "planet"}]}
    with FakeOpenAI(default=Reply(bad)) as server:
        s = Summarizer(model="m", base_url=server.base_url, api_key="sk-x", max_reasks=1)
        with pytest.raises(OutputError) as info:
            s.summarize(seed_text)
    message = str(info.value)
    assert "<failed_attempts>" not in message and "<" not in message
    assert "after 2 attempt(s)" in message
    assert "summary" in message and "string" in message  # the field and what was wrong
    assert "actors.0.type" in message


def test_reask_exhaustion_message_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    with FakeOpenAI(default=Reply({"summary": 5})) as server:
        code = main(["brief", str(SEED), "--base-url", server.base_url, "-m", "m", "--no-cache"])
    err = capsys.readouterr().err
    assert code == 6
    assert "failed_attempts" not in err and "summary: Input should be a valid string" in err


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (123, "str, not int"),
        (None, "str, not NoneType"),
        (b"Officials met.", "decode"),
        (["text"], "str, not list"),
    ],
)
def test_wrong_argument_types_raise_type_error_naming_what_was_expected(
    value: Any, says: str
) -> None:
    with pytest.raises(TypeError, match="article text as str") as info:
        summarize(value, model="offline")
    assert says in str(info.value)
    with pytest.raises(TypeError, match=says):
        Summarizer(model="offline").prepare(value)


async def test_async_api_checks_the_type_too() -> None:
    with pytest.raises(TypeError, match="decode"):
        await Summarizer(model="offline").asummarize(b"bytes")  # type: ignore[arg-type]


@pytest.mark.parametrize("content", ['""""""\n', '" " "\n\n\u201c\u201d \u00ab\u00bb\n', "'' ``"])
def test_a_file_of_only_quotation_marks_is_refused_before_any_call(
    content: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    path = tmp_path / "quotes.txt"
    path.write_text(content, encoding="utf-8")
    with FakeOpenAI(
        default=Reply({"summary": "x", "actors": [], "tensions": [], "quotes": []})
    ) as server:
        code = main(["brief", str(path), "--base-url", server.base_url, "-m", "m"])
        assert server.count == 0
    err = capsys.readouterr().err
    assert code == 4
    assert (
        err.strip() == f"summarizer: error: {path}: the article has no text (no letters or digits)"
    )
    assert main(["brief", str(path), "--model", "offline"]) == 4


# --- the terminal ------------------------------------------------------------------------

CLI = [sys.executable, "-c", "import sys; from summarizer.cli import main; sys.exit(main())"]


def run_cli(*args: str, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_HOME"] = os.environ["SUMMARIZER_HOME"]
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run([*CLI, *args], stderr=subprocess.PIPE, timeout=120, env=env, **kw)


def test_closed_stdin_is_an_input_error_not_a_traceback() -> None:
    done = run_cli(
        "brief", "-", "--model", "offline", stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0)
    )
    err = done.stderr.decode()
    assert done.returncode == 4, err
    assert (
        err.strip().splitlines()[-1]
        == "summarizer: error: stdin is closed; pass a file, or pipe the article in"
    )


def test_closed_stdout_fails_with_one_line_before_any_work() -> None:
    done = run_cli("brief", str(SEED), "--model", "offline", preexec_fn=lambda: os.close(1))
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert err.strip().splitlines()[-1].startswith("summarizer: error: cannot write to stdout")
    assert "Traceback" not in err


def test_stdout_on_a_full_device_is_one_line_and_exit_1() -> None:
    with open("/dev/full", "wb") as full:
        done = run_cli("brief", str(SEED), "--model", "offline", stdout=full)
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert err.strip().splitlines()[-1] == (
        "summarizer: error: cannot write to stdout: No space left on device"
    )


def test_broken_pipe_ends_quietly_as_unix_tools_do() -> None:
    proc = subprocess.Popen(
        [*CLI, "brief", "-", "--model", "offline", "--json"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ},
    )  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    proc.stdout.close()  # the reader went away (`| head` after its lines)
    _, err = proc.communicate(SEED.read_bytes(), timeout=120)
    assert proc.returncode == 1, err
    lines = err.decode().splitlines()
    assert [line for line in lines if not line.startswith("summarizer: using the offline")] == []


def test_brief_to_a_closed_stdout_refuses_before_the_model_call(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    monkeypatch.setattr(sys, "stdout", None)  # what Python sets when descriptor 1 is closed
    with FakeOpenAI(
        default=Reply({"summary": "x", "actors": [], "tensions": [], "quotes": []})
    ) as server:
        code = main(["brief", str(SEED), "--base-url", server.base_url, "-m", "m"])
        assert server.count == 0
    assert code == 1
    assert (
        capsys.readouterr().err.strip()
        == "summarizer: error: cannot write to stdout: stdout is closed"
    )
