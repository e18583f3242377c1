"""Secret hygiene: a canary API key used through a full run never shows up anywhere.

The run: `brief` (ok, to a file, and failing), `batch` with failures and `--retry-failed`,
`eval run`, `logs` and `cache stats`, against a fake server that fails in the ways that
carry text back (an HTTP error whose message echoes the key, as some proxies do; an
HTML error page echoing it; a fabricated quote that is re-asked). Then every file under the test's
folder (SUMMARIZER_HOME, outputs, run folder, SQLite databases with their WAL files)
and all captured stdout/stderr are searched for the key, as are the reprs, messages and
attributes of the errors raised. Two canaries: an ``sk-`` key (which the call log's
redaction pattern would also mask) and one in no known key format (which only never
writing it can keep out).
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import ProviderError, Summarizer
from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Raw, Reply, Status

ROOT = Path(__file__).resolve().parent.parent
DEV_SUITE = ROOT / "evals" / "suites" / "dev"
ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
CANARIES = ["sk-proj-c4n4ryK3yDoNotLeak0123456789", "C4N4RYc0ffee5eed0dd1234567890abcdef"]
NEWS = (
    "The city council voted on Monday to approve the budget, officials said.\n\n"
    '"We are pleased with the result," said Mayor Jane Doe.\n\n'
)


def verbose_server(canary: str) -> Any:
    """Answers by the article's marker word; its errors echo the key back, as a leaky proxy's."""

    def respond(request: dict[str, Any]) -> Reply | Status | Raw:
        user = request["messages"][-1]["content"]
        article = (ARTICLE.search(user) or re.search(r".*", user, re.S)).group(0)  # type: ignore[union-attr]
        if "BADKEY" in article:
            return Status(401, f"Incorrect API key provided: {canary}")
        if "OUTAGE" in article:
            return Status(503, f"upstream refused Authorization: Bearer {canary}")
        if "GARBLED" in article:
            return Raw(
                f"<html>proxy error for key {canary}</html>".encode(), content_type="text/html"
            )
        actors = [{"name": "Jane Doe", "type": "person", "role": "Mayor", "aliases": []}]
        quotes = [{"text": "We are pleased with the result,", "speaker": "Jane Doe"}]
        if "FABRICATE" in article:
            quotes.append({"text": "We will raise every tax.", "speaker": "Jane Doe"})
        return Reply({"summary": "The council approved the budget.", "actors": actors,
                      "tensions": [], "quotes": quotes})  # fmt: skip

    return respond


@pytest.fixture(params=CANARIES, ids=["sk-key", "unknown-format-key"])
def canary(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every address a socket connects to during the test (on top of the network guard)."""
    seen: list[Any] = []
    guarded = socket.socket.connect

    def recording(self: socket.socket, address: Any) -> Any:
        seen.append(address)
        return guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", recording)
    yield seen


def files_containing(folder: Path, secret: str) -> list[str]:
    needle = secret.encode()
    return [
        str(path.relative_to(folder))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".env" and needle in path.read_bytes()
    ]


def small_suite(tmp_path: Path) -> Path:
    suite = tmp_path / "suite"
    suite.mkdir()
    for gold in sorted(DEV_SUITE.glob("*.gold.json"))[:2]:
        shutil.copy(gold, suite / gold.name)
        text = gold.with_name(gold.name.replace(".gold.json", ".txt"))
        shutil.copy(text, suite / text.name)
    return suite


def test_canary_key_never_leaves_the_authorization_header(
    canary: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    connections: list[Any],
) -> None:
    (tmp_path / ".env").write_text(f"OPENAI_API_KEY={canary}\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "badkey.txt").write_text(NEWS + "BADKEY", encoding="utf-8")
    records = [
        {"id": "ok", "text": NEWS},
        {"id": "badkey", "text": NEWS + "BADKEY"},
        {"id": "outage", "text": NEWS + "OUTAGE"},
        {"id": "garbled", "text": NEWS + "GARBLED"},
        {"id": "fabricated", "text": NEWS + "FABRICATE"},
        {"id": "empty", "text": " "},
    ]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    monkeypatch.setenv("SUMMARIZER_MAX_ATTEMPTS", "2")
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "1")
    with FakeOpenAI(default=verbose_server(canary)) as server:
        url = server.base_url
        model = ["--model", "fake-model", "--base-url", url]
        assert main(["brief", "ok.txt", *model]) == 0
        assert main(["brief", "ok.txt", *model, "-o", "note.html", "--no-cache"]) == 0
        assert main(["brief", "ok.txt", *model, "--json", "-o", "note.json", "--no-cache"]) == 0
        assert main(["brief", "badkey.txt", *model]) == 5
        batch = ["batch", "in.jsonl", "-o", "out.jsonl", *model]
        assert main(batch) == 3  # the 401 of "badkey" stops the run (a refused key)
        assert main([*batch, "--retry-failed"]) == 3
        suite = small_suite(tmp_path)
        run = ["eval", "run", "--suite", str(suite), "--out", "run", *model, "--api-key", canary]
        main(run)  # its exit code is the gate's business; the key is ours
        assert main(["logs", "--json", "-n", "200"]) == 0
        assert main(["cache", "stats"]) == 0
    captured = capsys.readouterr()
    streams = {"stdout": captured.out, "stderr": captured.err}
    assert [name for name, text in streams.items() if canary in text] == []
    assert files_containing(tmp_path, canary) == []
    # The tool did write what we searched: the call log, the cache, outputs, the run.
    home = tmp_path / "summarizer-home"
    assert (home / "calls.sqlite").exists() and (home / "cache.sqlite").exists()
    assert (tmp_path / "out.jsonl").exists() and (tmp_path / "run" / "run.json").exists()
    assert "Incorrect API key provided: [redacted]" in captured.err
    # The key went to the configured endpoint, in the Authorization header, and nowhere else.
    assert server.count > 10
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    assert {tuple(address) for address in connections} == {("127.0.0.1", port)}
    for headers in server.headers:
        lowered = {k.lower(): v for k, v in headers.items()}
        assert lowered["authorization"] == f"Bearer {canary}"
    assert (canary in json.dumps(server.requests)) is False  # never in a request body


def test_canary_key_is_not_in_error_messages_reprs_or_attributes(canary: str) -> None:
    with FakeOpenAI(default=verbose_server(canary)) as server:
        summarizer = Summarizer(model="m", base_url=server.base_url, api_key=canary, max_attempts=2)
        raised: list[ProviderError] = []
        for marker in ("BADKEY", "OUTAGE", "GARBLED"):
            with pytest.raises(ProviderError) as info:
                summarizer.summarize(NEWS + marker)
            raised.append(info.value)
    shown = [repr(summarizer), repr(summarizer.settings), str(summarizer.settings)]
    for err in raised:
        shown += [str(err), repr(err), repr(err.args), str(err.provider_message)]
    assert [text[:80] for text in shown if canary in text] == []
    assert all("[redacted]" in str(err) for err in raised)


def test_dotenv_is_git_ignored() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        lines = (ROOT / ".gitignore").read_text().splitlines()
        assert ".env" in [line.strip() for line in lines]
        return
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".env"], cwd=ROOT, check=False, capture_output=True
    )
    assert ignored.returncode == 0
    example = subprocess.run(
        ["git", "check-ignore", "-q", ".env.example"], cwd=ROOT, check=False, capture_output=True
    )
    assert example.returncode == 1  # the documented example is committed, not ignored
