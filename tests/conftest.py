"""Shared fixtures: an isolated environment and a guard against real network calls."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # third-party data sets only: tests that read them skip without it
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
SEED_GOLD = ROOT / "evals" / "suites" / "dev" / "reuters-2025-10-08-putin-tajikistan.gold.json"

# CI sets it: a `shared_data` test that does not run there (data absent, or a skip) fails.
REQUIRE_SHARED = "SUMMARIZER_REQUIRE_SHARED_DATA"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):  # AF_UNIX paths are local by nature
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: would need DNS, i.e. the network


def _guarded(real: Any) -> Any:
    def connect(self: socket.socket, address: Any) -> Any:
        if not _is_loopback(address):
            raise RuntimeError(f"test tried to reach the network: {address!r} (only loopback)")
        return real(self, address)

    return connect


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.shared_data("data/...")``: skip, saying what is absent from ../shared."""
    marker = item.get_closest_marker("shared_data")
    if marker is None:
        return
    missing = [p for p in (marker.args or (".",)) if not (SHARED / p).exists()]
    if missing:
        pytest.skip(f"shared data absent: {SHARED / missing[0]}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """With SUMMARIZER_REQUIRE_SHARED_DATA=1 (CI), a skipped `shared_data` test fails."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get(REQUIRE_SHARED) and item.get_closest_marker("shared_data"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"{REQUIRE_SHARED} is set, so this shared_data test must run: {reason}"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded(_real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_real_connect_ex))


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user key, endpoint, model, .env or home directory leaks into a test."""
    import os

    for name in list(os.environ):
        if name.startswith(("OPENAI_", "SUMMARIZER_", "AZURE_OPENAI")):
            monkeypatch.delenv(name, raising=False)
    home = tmp_path / "summarizer-home"
    monkeypatch.setenv("SUMMARIZER_HOME", str(home))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def _empty_memo_caches() -> None:
    """Each test starts with the package's ``lru_cache`` memos of results empty.

    A memoised article index would let a test pass without running the code it tests.
    Mutation testing (scripts/mutation.py, mutmut) needs this twice over: it maps each
    function to the tests that call it, and it forks every mutant's run from a process
    that already ran the tests on the unmutated code. Loaded singletons (``maxsize=1``:
    an SSL context, a ROUGE scorer, a spaCy pipeline) are kept: they compute nothing.
    """
    for clear in _memo_clearers():
        clear()


def _memo_clearers() -> list[Any]:
    import sys

    found = []
    for name, module in list(sys.modules.items()):
        if name == "summarizer" or name.startswith("summarizer."):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and info().maxsize != 1:
                    found.append(value.cache_clear)
    return found


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
