"""The real local LLM for the end-to-end tier (`pytest -m e2e`).

`local_llm` is session-scoped: one llama.cpp server for the whole run.

- With ``SUMMARIZER_E2E_BASE_URL`` set (e.g. ``http://127.0.0.1:8765/v1`` from
  ``scripts/local-llm.sh start``), the tests use that server and leave it running.
- Otherwise the fixture runs ``scripts/local-llm.sh model`` and ``start`` on a free
  loopback port and stops the server when the session ends.

Missing llama-cpp-python is a failure, not a skip: this tier is run on purpose.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "local-llm.sh"

# Resolved when pytest loads this file, before any fixture can point HOME or
# XDG_CACHE_HOME at a temporary directory: the 1.1 GB model is assembled once
# into the user's real cache, not into every test run's tmp dir.
_MODEL_DIR = os.environ.get("SUMMARIZER_MODEL_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "summarizer" / "models"
)
_SCRIPT_TIMEOUT_S = 600  # model assembly (~1.1 GB copy + sha256) plus the server's start


@dataclass(frozen=True)
class LocalLLM:
    """An OpenAI-compatible server: where it is and which model id to send."""

    base_url: str
    model: str


def _free_loopback_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _served_model(base_url: str) -> str:
    """The first model id the server lists (GET /models)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{base_url.rstrip('/')}/models", timeout=10) as resp:
        return str(json.load(resp)["data"][0]["id"])


def _script(command: str, env: dict[str, str]) -> None:
    done = subprocess.run(
        ["bash", str(SCRIPT), command],
        env=env,
        capture_output=True,
        text=True,
        timeout=_SCRIPT_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(
            f"scripts/local-llm.sh {command} failed (exit {done.returncode}):\n"
            f"{done.stderr.strip()}\n{done.stdout.strip()}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def local_llm() -> Iterator[LocalLLM]:
    """A running local inference server for the whole session."""
    external = os.environ.get("SUMMARIZER_E2E_BASE_URL")
    if external:
        model = os.environ.get("SUMMARIZER_E2E_MODEL") or _served_model(external)
        yield LocalLLM(base_url=external.rstrip("/"), model=model)
        return

    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail(
            "llama-cpp-python is not installed in this environment "
            f"({sys.prefix}): run `scripts/local-llm.sh install` (one-off; it builds "
            "llama.cpp for a few minutes), or point SUMMARIZER_E2E_BASE_URL at a running server.",
            pytrace=False,
        )

    port = _free_loopback_port()
    env = {
        **os.environ,
        "VENV": sys.prefix,  # the interpreter running pytest has llama_cpp
        "SUMMARIZER_MODEL_DIR": _MODEL_DIR,
        "SUMMARIZER_LLM_PORT": str(port),
    }
    _script("model", env)
    try:
        _script("start", env)
        base_url = f"http://127.0.0.1:{port}/v1"
        yield LocalLLM(base_url=base_url, model=_served_model(base_url))
    finally:
        _script("stop", env)
