"""The harness: run a summariser over a suite, rescore a recorded run, compare runs, gate.

A run folder holds everything needed to rescore it without a model::

    RUN_DIR/run.json              model, prompt, suite path, timestamps, settings
    RUN_DIR/outputs/<case>.json   the Briefing JSON, or {"error", "message", ...}
    RUN_DIR/report.{json,md,html} the scores (see `summarizer.eval._report`)
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer._errors import ConfigurationError, SummarizerError
from summarizer._schema import Briefing, Usage
from summarizer.eval._gold import Case, SuiteError, load_suite
from summarizer.eval._judge import Judge
from summarizer.eval._metrics import (
    COUNT_METRICS,
    QUALITY_SECTIONS,
    CaseScore,
    aggregate,
    score_case,
)
from summarizer.eval._report import REPORT_FILES, Report, fmt, output_name, render_markdown
from summarizer.eval._stats import bootstrap_intervals
from summarizer.infra._files import write_text_atomic
from summarizer.render._eval_page import render_report_page

# Cost varies from run to run even when nothing changed; a case "changes" on quality.

ProgressCallback = Callable[[int, int, "str | None"], None]
"""Called as ``progress(done, total, case_id)``: once with ``(0, total, None)``, then per case."""

_SECRET = re.compile(r"key|secret|token|password", re.IGNORECASE)


class SummarizerLike(Protocol):
    """What the harness needs: ``summarize(raw_text) -> Briefing`` (``asummarize`` is used
    instead when present)."""

    def summarize(self, raw_text: str) -> Briefing: ...


# --- running --------------------------------------------------------------------------


def run_suite(
    suite_dir: str | Path,
    summarizer: SummarizerLike | Callable[[], SummarizerLike],
    out_dir: str | Path,
    *,
    concurrency: int = 4,
    progress: ProgressCallback | None = None,
    settings: Mapping[str, Any] | None = None,
    judge: Judge | None = None,
) -> Report:
    """Summarise every case of a suite, record the outputs in ``out_dir``, score and report.

    ``summarizer`` is a `summarizer.Summarizer` (or anything with the same
    ``summarize``/``asummarize``), or a zero-argument factory returning one.
    Up to ``concurrency`` cases run at once. A case whose call raises is
    recorded as an error and scored as an empty prediction; the run goes on.
    ``settings`` are recorded in run.json (anything named like a key or secret
    is left out). ``judge`` (a `summarizer.eval.Judge`) adds the ``judge`` section: each
    summary sentence labelled supported / contradicted / not in the article, its
    verdicts kept in ``out_dir/judge/``. Writes run.json, outputs/ and report.{json,md,html}.
    From async code, await `arun_suite` instead.
    """
    return asyncio.run(
        arun_suite(
            suite_dir,
            summarizer,
            out_dir,
            concurrency=concurrency,
            progress=progress,
            settings=settings,
            judge=judge,
        )
    )


async def arun_suite(
    suite_dir: str | Path,
    summarizer: SummarizerLike | Callable[[], SummarizerLike],
    out_dir: str | Path,
    *,
    concurrency: int = 4,
    progress: ProgressCallback | None = None,
    settings: Mapping[str, Any] | None = None,
    judge: Judge | None = None,
) -> Report:
    """Async twin of `run_suite`."""
    cases = load_suite(suite_dir)
    instance = _instance(summarizer)
    out = Path(out_dir)
    outputs = out / "outputs"
    outputs.mkdir(parents=True, exist_ok=True)
    run = _run_record(suite_dir, instance, settings, concurrency)
    run["suite"] = portable_path(suite_dir, out)
    _write_json(out / "run.json", run)
    done = 0
    gate_ = asyncio.Semaphore(max(1, concurrency))
    if progress:
        progress(0, len(cases), None)

    async def one(case: Case) -> None:
        nonlocal done
        async with gate_:
            record = await _summarize(instance, case.article_text)
        _write_json(outputs / output_name(case.id), record)
        done += 1
        if progress:
            progress(done, len(cases), case.id)

    await asyncio.gather(*(one(case) for case in cases))
    run["finished"] = _now()
    report = await asyncio.to_thread(_score, cases, outputs, run, _with_cache(judge, out))
    _write_json(out / "run.json", report.run)
    write_reports(report, out)
    return report


def _instance(summarizer: SummarizerLike | Callable[[], SummarizerLike]) -> SummarizerLike:
    if hasattr(summarizer, "summarize") or hasattr(summarizer, "asummarize"):
        return summarizer  # type: ignore[return-value]
    if callable(summarizer):
        return summarizer()
    raise TypeError("summarizer must have summarize()/asummarize(), or be a factory of one")


def _run_record(
    suite_dir: str | Path,
    instance: SummarizerLike,
    settings: Mapping[str, Any] | None,
    concurrency: int,
) -> dict[str, Any]:
    prompt = getattr(instance, "prompt", None)
    return {
        "suite": str(suite_dir),
        "model": getattr(instance, "model", None),
        "prompt": prompt.model_dump() if isinstance(prompt, BaseModel) else None,
        "strategy": getattr(getattr(instance, "settings", None), "strategy", None),
        "started": _now(),
        "finished": None,
        "settings": recorded_settings(instance, settings, concurrency),
    }


# What decides a model's output besides the model and the prompt: recorded with every
# run, whether it came from an argument, the environment or .env.
_EFFECTIVE = (
    "base_url",
    "mode",
    "strategy",
    "grounding",
    "strict",
    "max_reasks",
    "max_output_tokens",
    "max_article_tokens",
    "temperature",
    "timeout",
)


def recorded_settings(
    instance: Any, settings: Mapping[str, Any] | None, concurrency: int
) -> dict[str, Any]:
    """The settings a run.json keeps: the summariser's effective ones, then the caller's.

    A run recorded with ``SUMMARIZER_MODE=json`` in the environment must say so, or
    nobody can reproduce it. Caller values that are ``None`` (an option not given) do not
    hide the effective value; caller keys named like a key or secret are left out.
    """
    effective = getattr(instance, "settings", None)
    record = {name: getattr(effective, name) for name in _EFFECTIVE if hasattr(effective, name)}
    if isinstance(record.get("base_url"), str):  # never keep user:password@ from a URL
        record["base_url"] = re.sub(r"//[^/@]*@", "//", record["base_url"])
    for key, value in (settings or {}).items():
        if value is not None and not _SECRET.search(key):
            record[key] = value
    return {**record, "concurrency": concurrency}


async def _summarize(instance: SummarizerLike, text: str) -> dict[str, Any]:
    """Call the summariser once; return the Briefing JSON or an error record."""
    started = time.monotonic()
    try:
        if hasattr(instance, "asummarize"):
            result = await instance.asummarize(text)
        else:
            result = await asyncio.to_thread(instance.summarize, text)
        return Briefing.model_validate(result).model_dump(mode="json")
    except Exception as err:  # one failing case must not sink the run; the report lists it
        return error_record(err, time.monotonic() - started)


def error_record(err: BaseException, latency_s: float) -> dict[str, Any]:
    """What outputs/<case>.json holds for a failed call: class, message, usage, latency."""
    usage = getattr(err, "usage", None)
    return {
        "error": type(err).__name__,
        "message": str(err),
        "usage": usage.model_dump() if isinstance(usage, Usage) else None,
        "latency_s": round(latency_s, 3),
    }


def write_reports(report: Report, out_dir: str | Path) -> list[Path]:
    """Write report.json, report.md and report.html into ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    texts = (
        report.model_dump_json(indent=2),
        render_markdown(report),
        render_report_page(report, out),
    )
    paths = [out / name for name in REPORT_FILES]
    for path, text in zip(paths, texts, strict=True):
        write_text_atomic(path, text + "\n")
    return paths


# --- scoring --------------------------------------------------------------------------


def score_run(
    run_dir: str | Path, suite_dir: str | Path | None = None, *, judge: Judge | None = None
) -> Report:
    """Rescore a recorded run with no model call (but the judge's, when one is given).

    The suite is the one recorded in run.json unless ``suite_dir`` overrides it.
    ``judge`` adds the ``judge`` section; its verdicts are kept in ``run_dir/judge/``,
    so a second rescore with the same judge makes no call.
    Nothing is written: pass the result to `write_reports` to refresh the files.
    """
    run_path = Path(run_dir)
    run_file = run_path / "run.json"
    run = json.loads(run_file.read_text(encoding="utf-8")) if run_file.is_file() else {}
    recorded = run.get("suite")
    if not (suite_dir or recorded):
        raise SuiteError(f"{run_file} records no suite: pass the suite folder explicitly")
    suite = Path(suite_dir) if suite_dir else _recorded_suite(run_path, str(recorded))
    run["suite"] = portable_path(suite, run_path)
    run["rescored"] = _now()
    cases = load_suite(suite)
    if run.get("case_ids"):  # a partial run names the cases it covers; the rest are not failures
        wanted = set(run["case_ids"])
        cases = [c for c in cases if c.id in wanted]
    return _score(cases, run_path / "outputs", run, _with_cache(judge, run_path))


def portable_path(path: str | Path, run_dir: str | Path) -> str:
    """``path`` as a run record keeps it: relative to the run folder, so a record made on
    one machine (or checkout) rescores on another; absolute only when no relative path
    exists (another drive)."""
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path(run_dir).resolve())).as_posix()
    except ValueError:
        return str(Path(path).resolve())


def _recorded_suite(run_dir: Path, recorded: str) -> Path:
    """The suite a run.json names: relative to the run folder (today's records), else to
    the working directory (records made before paths were kept relative)."""
    beside = run_dir / recorded
    return beside if beside.exists() else Path(recorded)


def _with_cache(judge: Judge | None, run_dir: Path) -> Judge | None:
    """The judge, keeping its verdicts in the run folder unless it has its own cache."""
    if judge is not None and judge.cache_dir is None:
        judge.cache_dir = run_dir / "judge"
    return judge


def _score(
    cases: list[Case], outputs: Path, run: dict[str, Any], judge: Judge | None = None
) -> Report:
    scores: dict[str, dict[str, dict[str, float | None]]] = {}
    details: dict[str, dict[str, dict[str, list[str]]]] = {}
    errors: dict[str, str] = {}
    for case in cases:
        result, error, summary = _score_output(case, outputs / output_name(case.id), run)
        scores[case.id] = result.scores()
        if result.details():
            details[case.id] = result.details()
        if error:
            errors[case.id] = error
        if judge is not None:
            judged, faults = _judge_case(judge, case, summary)
            scores[case.id]["judge"] = judged
            if faults:
                details.setdefault(case.id, {})["judge"] = {"wrong": faults}
    run = {**run, "cases": len(cases), "failed": len(errors)}
    if judge is not None:
        run["judge"] = judge.info
    return Report(
        run=run,
        aggregate=aggregate(list(scores.values())),
        cases=scores,
        intervals=bootstrap_intervals(list(scores.values()), QUALITY_SECTIONS),
        details=details,
        errors=errors,
    )


def _judge_case(
    judge: Judge, case: Case, summary: str | None
) -> tuple[dict[str, float | None], list[str]]:
    """The judge's scores for one case's summary; a failed judge call leaves them undefined."""
    empty: dict[str, float | None] = dict.fromkeys(
        ("supported", "contradicted", "not_in_article", "sentences")
    )
    if not summary:
        return empty, []
    try:
        verdict = judge.judge(case.article_text, summary)
    except SummarizerError as err:  # one failed judgement must not sink the rescore
        return empty, [f"judge failed: {str(err).splitlines()[0]}"]
    return verdict.scores(), verdict.faults()


def _score_output(
    case: Case, path: Path, run: dict[str, Any]
) -> tuple[CaseScore, str | None, str | None]:
    """Score one recorded output; a missing, failed or invalid one scores as a failure.

    Returns the scores, the error (if the case failed) and the summary (if any).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        return score_case(None, case.gold, case.article_text), f"no usable output: {err}", None
    if "error" in data:
        usage = Usage.model_validate(data.get("usage") or {})
        result = score_case(
            None, case.gold, case.article_text, usage=usage, latency_s=data.get("latency_s")
        )
        return result, f"{data['error']}: {data.get('message', '')}", None
    try:
        briefing = Briefing.model_validate(data)
    except ValidationError as err:
        return score_case(None, case.gold, case.article_text), f"invalid output: {err}", None
    if run.get("model") is None:
        run["model"] = briefing.model
    if run.get("prompt") is None:
        run["prompt"] = briefing.prompt.model_dump()
    return score_case(briefing, case.gold, case.article_text), None, briefing.summary


# --- gating ---------------------------------------------------------------------------

DEFAULT_TOLERANCE = 0.02
DEFAULT_GATED = (
    "actors.recall",
    "actors.f1",
    "quotes.attributed_f1",
    "quotes.attributed_f1_at_0_3",
    "quotes.f1",
    "quotes.f1_at_0_3",
    "quotes.speaker_accuracy",
    "quotes.not_quote_hits",
    "tensions.f1",
    "summary.must_mention",
    "summary.readable",
    "summary.facts_supported",
    "summary.rouge_l",
    "grounding.quotes_verbatim",
    "grounding.quotes_in_quote_marks",
    "grounding.evidence_verbatim",
    "grounding.actors_present",
    "judge.supported",
    "judge.contradicted",
)


class GateRule(BaseModel):
    """One gated metric: hard bounds and/or a baseline with a tolerance (see `gate`)."""

    model_config = ConfigDict(extra="forbid")

    min: float | None = None
    max: float | None = None
    baseline: float | None = None
    tolerance: float | None = Field(None, ge=0)


class _Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")

    tolerance: float = Field(DEFAULT_TOLERANCE, ge=0)
    metrics: dict[str, GateRule]


@dataclass(frozen=True)
class GateFailure:
    """A gated metric that regressed: its name, the reference value, the new value, the rule."""

    metric: str
    expected: float | None
    actual: float | None
    rule: str

    def __str__(self) -> str:
        return f"{self.metric}: {fmt(self.expected, self.metric)} -> {fmt(self.actual, self.metric)} ({self.rule})"


_LOWER_SHARES = frozenset({"judge.contradicted", "judge.not_in_article"})


def lower_is_better(metric: str) -> bool:
    """Cost, not-quote hits, grounding rejections and sentences the judge faults:
    smaller is better."""
    return (
        metric.startswith("cost.")
        or metric in COUNT_METRICS - {"summary.words"}
        or metric in _LOWER_SHARES
    )


def gate(report: Report, baseline_file: str | Path) -> list[GateFailure]:
    """The gated metrics that regressed (an empty list means the gate passes).

    ``baseline_file`` is either

    - a committed ``report.json`` (or a run folder holding one): every metric of
      ``DEFAULT_GATED`` may fall by at most ``DEFAULT_TOLERANCE`` (0.02,
      absolute) below its value there; or
    - a thresholds file, JSON or TOML (``.toml``)::

          {"tolerance": 0.02,
           "metrics": {"quotes.f1_at_0_3": {"min": 0.5},
                       "actors.recall": {"baseline": 0.7, "tolerance": 0.03},
                       "cost.total_tokens": {"max": 6000}}}

      Each metric (``"section.name"`` as in report.json's ``aggregate``) takes
      ``min`` and/or ``max`` (hard bounds) and/or ``baseline`` (may get worse by
      at most its ``tolerance``, else the file's ``tolerance``, default 0.02).
      "Worse" is lower, except for cost, ``quotes.not_quote_hits`` and
      ``grounding.rejected``, where it is higher.

    A gated metric missing from ``report`` (or undefined there) fails, except the
    judge's: faithfulness is gated where it was measured (``--judge``), not required.
    """
    failures = []
    for metric, rule in load_gate(baseline_file).items():
        if metric.startswith("judge.") and report.metric(metric) is None:
            continue
        failure = _check(metric, rule, report.metric(metric))
        if failure:
            failures.append(failure)
    return failures


def load_gate(baseline_file: str | Path) -> dict[str, GateRule]:
    """The gate rules in a baseline report or a thresholds file (see `gate`)."""
    path = Path(baseline_file)
    if path.is_dir():
        path = path / "report.json"
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (OSError, ValueError) as err:
        raise ConfigurationError(f"cannot read baseline {str(path)!r}: {err}") from err
    if isinstance(data, dict) and "aggregate" in data:
        try:
            baseline = Report.model_validate(data)
        except ValidationError as err:
            raise ConfigurationError(f"baseline report {str(path)!r} is malformed: {err}") from err
        return {
            m: GateRule(baseline=value, tolerance=DEFAULT_TOLERANCE)
            for m in DEFAULT_GATED
            if (value := baseline.metric(m)) is not None
        }
    try:
        thresholds = _Thresholds.model_validate(data)
    except ValidationError as err:
        raise ConfigurationError(
            f"baseline {str(path)!r} is neither a report.json nor a thresholds file "
            f'({{"tolerance": 0.02, "metrics": {{"quotes.f1": {{"min": 0.5}}}}}}): {err}'
        ) from err
    return {
        m: rule.model_copy(
            update={
                "tolerance": rule.tolerance if rule.tolerance is not None else thresholds.tolerance
            }
        )
        for m, rule in thresholds.metrics.items()
    }


def _check(metric: str, rule: GateRule, actual: float | None) -> GateFailure | None:
    reference = (
        rule.baseline
        if rule.baseline is not None
        else (rule.min if rule.min is not None else rule.max)
    )
    if actual is None:
        return GateFailure(metric, reference, None, "missing from the report")
    eps = 1e-9
    if rule.min is not None and actual < rule.min - eps:
        return GateFailure(metric, rule.min, actual, f"below min {rule.min:g}")
    if rule.max is not None and actual > rule.max + eps:
        return GateFailure(metric, rule.max, actual, f"above max {rule.max:g}")
    if rule.baseline is None:
        return None
    tolerance = rule.tolerance if rule.tolerance is not None else DEFAULT_TOLERANCE
    worse = actual - rule.baseline if lower_is_better(metric) else rule.baseline - actual
    if worse > tolerance + eps:
        verb = "rose" if lower_is_better(metric) else "fell"
        return GateFailure(metric, rule.baseline, actual, f"{verb} by more than {tolerance:g}")
    return None


# --- files ----------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _write_json(path: Path, data: Any) -> None:
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
