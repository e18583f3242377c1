"""Layout in a real browser: the eval report, the comparison page and a briefing note,
opened in headless Chromium at desktop (1300 px) and phone (390 px) widths, have no two
labelled elements overlapping and nothing overflowing horizontally.

Skipped, with the reason, when no chromium binary is found; under CI (``CI=true``, set by
.ci/run, which installs chromium) a missing chromium fails instead of skipping.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from summarizer.eval import Report, compare, score_run
from summarizer.render._eval_page import render_compare_page, render_report_page

ROOT = Path(__file__).resolve().parents[1]
RUNS = ROOT / "evals" / "runs"
WIDTHS = (1300, 390)


def _layout() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "layout_check", ROOT / "scripts" / "layout_check.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


layout = _layout()


@pytest.fixture(scope="module")
def chromium() -> str:
    found = layout.find_chromium()
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI=true but no chromium binary: .ci/run must install it")
        pytest.skip("no chromium binary on PATH (apt-get install -y chromium)")
    return str(found)


def _problems(page: Path, chromium: str) -> dict[int, list[str]]:
    return {w: layout.check(page, w, chromium)["problems"] for w in WIDTHS}


def _rescored(name: str, tmp: Path) -> tuple[Path, Report]:
    run = tmp / name
    shutil.copytree(RUNS / name, run)
    return run, score_run(run, ROOT / "evals" / "suites" / "dev")


def test_the_checker_sees_an_overlap_and_an_overflow(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><body>"
        '<div data-label="a" style="position:absolute;left:10px;top:10px;width:200px">one</div>'
        '<div data-label="b" style="position:absolute;left:100px;top:12px;width:200px">two</div>'
        '<table><tr><td style="white-space:nowrap;padding-left:1000px">wide</td></tr></table>'
        "</body></html>",
        encoding="utf-8",
    )
    found = _problems(page, chromium)
    assert any("div[a] 'one' overlaps div[b] 'two'" in p for p in found[1300]), found
    assert any("page overflows horizontally" in p for p in found[390]), found


def test_report_page_has_no_overlap_and_no_overflow(chromium: str, tmp_path: Path) -> None:
    run, report = _rescored("qwen1.5b-v2-dev-grounded", tmp_path)
    page = tmp_path / "report.html"
    page.write_text(render_report_page(report, run), encoding="utf-8")
    assert _problems(page, chromium) == {1300: [], 390: []}


def test_compare_page_has_no_overlap_and_no_overflow(chromium: str, tmp_path: Path) -> None:
    run_a, report_a = _rescored("qwen1.5b-v2-dev-ungrounded", tmp_path)
    run_b, report_b = _rescored("qwen1.5b-v2-dev-grounded", tmp_path)
    page = tmp_path / "compare.html"
    page.write_text(
        render_compare_page(compare(report_a, report_b), report_a, report_b, run_a, run_b),
        encoding="utf-8",
    )
    assert _problems(page, chromium) == {1300: [], 390: []}


def test_briefing_note_has_no_overlap_and_no_overflow(chromium: str, tmp_path: Path) -> None:
    from summarizer.cli import main

    note = tmp_path / "note.html"
    sources = [
        ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt",
        ROOT / "evals" / "suites" / "dev" / "allsides-011-white-house-north-korea-talks.txt",
    ]
    code = main(["brief", "--model", "offline", *map(str, sources), "-o", str(note)])
    assert code in (0, None) and note.is_file()
    assert _problems(note, chromium) == {1300: [], 390: []}
