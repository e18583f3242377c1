"""The committed eval gate: the offline backend on the dev suite against its baseline.

This is what CI enforces (see scripts/eval-gate.sh): the offline dev run must pass
``evals/baselines/offline-dev.json``, and switching quote extraction off must fail
it with exit 1, naming the quote metric. Each test runs the dev suite offline
(a few seconds).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import summarizer.backends.offline._backend as offline_backend
from summarizer.cli import main
from summarizer.eval._harness import DEFAULT_GATED, load_gate

ROOT = Path(__file__).resolve().parents[1]
DEV_SUITE = ROOT / "evals" / "suites" / "dev"
BASELINE = ROOT / "evals" / "baselines" / "offline-dev.json"


def _run_dev_suite(out: Path) -> int:
    args = ["eval", "run", "--suite", str(DEV_SUITE), "--model", "offline"]
    return main([*args, "--out", str(out), "--baseline", str(BASELINE)])


def test_baseline_is_a_thresholds_file_gating_the_default_metrics() -> None:
    rules = load_gate(BASELINE)
    assert {"quotes.f1", "quotes.f1_at_0_3", "actors.recall"} <= set(rules)
    assert set(rules) <= set(DEFAULT_GATED)
    assert all(rule.baseline is not None for rule in rules.values())


def test_offline_dev_suite_passes_the_committed_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = _run_dev_suite(tmp_path / "run")
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "Gate passed" in captured.out


def test_gate_fails_naming_the_quote_metric_when_quote_extraction_is_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = offline_backend.extract_offline

    def without_quotes(*args: Any, **kwargs: Any) -> Any:
        return real(*args, **kwargs).model_copy(update={"quotes": []})

    monkeypatch.setattr(offline_backend, "extract_offline", without_quotes)
    code = _run_dev_suite(tmp_path / "run")
    err = capsys.readouterr().err
    assert code == 1
    assert "Gate failed" in err
    assert "quotes.f1:" in err
