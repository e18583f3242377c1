"""Committed eval run records are portable: no path of the machine that made them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from summarizer.eval._harness import portable_path

ROOT = Path(__file__).resolve().parent.parent
RECORDS = sorted(
    p
    for pattern in ("run.json", "report.json", "report.md", "report.html")
    for p in (ROOT / "evals" / "runs").glob(f"*/{pattern}")
)
# An absolute POSIX or Windows path: "/x/y/..." not preceded by a word, ".", ":" or "/"
# (so "evals/suites/dev", "../../suites/dev" and "http://host/v1" are not flagged).
_ABSOLUTE = re.compile(r"(?<![\w.:/])/(?:[\w.-]+/)+[\w.-]+|\b[A-Za-z]:\\\\")


def test_the_absolute_path_pattern_flags_what_it_should() -> None:
    assert _ABSOLUTE.search('"suite": "/work/wt-eval/evals/suites/dev"')
    assert _ABSOLUTE.search("suite: /home/ana/repo/evals/suites/dev")
    assert not _ABSOLUTE.search('"suite": "../../suites/dev"')
    assert not _ABSOLUTE.search('"base_url": "http://127.0.0.1:8765/v1"')


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_run_records_hold_no_absolute_path(path: Path) -> None:
    found = _ABSOLUTE.search(path.read_text(encoding="utf-8"))
    assert found is None, f"{path.relative_to(ROOT)} holds {found.group()!r}"


def test_records_name_their_suite_relative_to_the_run_folder(tmp_path: Path) -> None:
    suite = tmp_path / "evals" / "suites" / "dev"
    run = tmp_path / "evals" / "runs" / "r1"
    suite.mkdir(parents=True)
    run.mkdir(parents=True)
    assert portable_path(suite, run) == "../../suites/dev"
    assert (run / portable_path(suite, run)).resolve() == suite.resolve()


def test_every_committed_run_names_a_suite_that_resolves() -> None:
    for run_json in (ROOT / "evals" / "runs").glob("*/run.json"):
        recorded = json.loads(run_json.read_text(encoding="utf-8"))["suite"]
        assert (run_json.parent / recorded).is_dir(), f"{run_json}: {recorded}"


def test_a_partial_run_is_scored_on_the_cases_it_names(tmp_path: Path) -> None:
    import shutil

    from summarizer.eval import score_run

    source = ROOT / "evals" / "runs" / "qwen1.5b-v2-dev-grounded"
    run = tmp_path / "runs" / "partial"
    shutil.copytree(source, run)
    record = json.loads((run / "run.json").read_text(encoding="utf-8"))
    record["suite"] = str(ROOT / "evals" / "suites" / "dev")
    record["case_ids"] = ["allsides-011-white-house-north-korea-talks"]
    (run / "run.json").write_text(json.dumps(record), encoding="utf-8")
    report = score_run(run)
    assert list(report.cases) == ["allsides-011-white-house-north-korea-talks"]


def test_a_run_on_a_single_gold_file_rescores_from_any_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The recorded path is relative to the run folder, whether it names a folder or a file
    (a fresh clone elsewhere failed: the file was looked up from the working directory)."""
    from summarizer.cli import main

    seed = ROOT / "evals" / "suites" / "dev" / "reuters-2025-10-08-putin-tajikistan.gold.json"
    out = tmp_path / "a" / "run"
    assert main(["eval", "run", "--suite", str(seed), "--model", "offline", "--out", str(out)]) == 0
    elsewhere = tmp_path / "b" / "c" / "d"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    assert main(["eval", "score", str(out)]) == 0
