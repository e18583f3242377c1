"""The regression eval harness: gold suites, metrics, runs, reports, comparisons and gates.

>>> from summarizer.eval import load_suite, run_suite, gate  # doctest: +SKIP
>>> report = run_suite("evals/suites/dev", Summarizer(model="offline"), "runs/x")  # doctest: +SKIP
>>> gate(report, "evals/baseline.json")  # doctest: +SKIP
[]
"""

from summarizer.eval._bench import BenchReport, run_bench
from summarizer.eval._compare import Comparison, compare
from summarizer.eval._gold import Case, GoldCase, SuiteError, check_suite, load_suite
from summarizer.eval._harness import (
    GateFailure,
    arun_suite,
    gate,
    run_suite,
    score_run,
    write_reports,
)
from summarizer.eval._judge import Judge, Verdict, agreement, load_judge_gold
from summarizer.eval._metrics import CaseScore, score_case
from summarizer.eval._report import Report

__all__ = [
    "BenchReport",
    "Case",
    "CaseScore",
    "Comparison",
    "GateFailure",
    "GoldCase",
    "Judge",
    "Report",
    "SuiteError",
    "Verdict",
    "agreement",
    "arun_suite",
    "check_suite",
    "compare",
    "gate",
    "load_judge_gold",
    "load_suite",
    "run_bench",
    "run_suite",
    "score_case",
    "score_run",
    "write_reports",
]
