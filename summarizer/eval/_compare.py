"""Two runs side by side: every aggregate metric's difference, with a paired bootstrap
interval for the quality metrics, and the cases whose quality moved."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.eval._metrics import QUALITY_SECTIONS
from summarizer.eval._report import Report
from summarizer.eval._stats import Interval, beyond_noise, paired_difference


@dataclass(frozen=True)
class MetricDelta:
    """One metric in two runs; for quality metrics, how sure the difference is.

    ``interval`` is a paired bootstrap 95 % interval of the mean per-case
    difference (B - A) over the cases both runs scored; ``beyond_noise`` says
    whether it excludes zero. Both are ``None`` for cost and per-case deltas.
    """

    metric: str
    a: float | None
    b: float | None
    interval: Interval | None = None
    beyond_noise: bool | None = None

    @property
    def delta(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a


@dataclass(frozen=True)
class Comparison:
    """Run B against run A: every aggregate metric, and the cases whose quality changed."""

    metrics: list[MetricDelta]
    changed_cases: dict[str, list[MetricDelta]] = field(default_factory=dict)
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)


def compare(report_a: Report, report_b: Report) -> Comparison:
    """Side by side: aggregate deltas (B - A) with a paired bootstrap interval for each
    quality metric (is the difference larger than the noise?), and per case the quality
    metrics that moved."""
    names = list(dict.fromkeys([*report_a.metric_names(), *report_b.metric_names()]))
    common = sorted(report_a.cases.keys() & report_b.cases.keys())
    metrics = []
    for m in names:
        interval = None
        if m.split(".")[0] in QUALITY_SECTIONS:
            paired = paired_difference(
                [report_a.metric(m, c) for c in common], [report_b.metric(m, c) for c in common]
            )
            interval = paired[1] if paired else None
        metrics.append(
            MetricDelta(m, report_a.metric(m), report_b.metric(m), interval, beyond_noise(interval))
        )
    changed: dict[str, list[MetricDelta]] = {}
    for case in common:
        moved = [
            MetricDelta(m, a, b)
            for m in names
            if m.split(".")[0] in QUALITY_SECTIONS
            and _differ(a := report_a.metric(m, case), b := report_b.metric(m, case))
        ]
        if moved:
            changed[case] = moved
    return Comparison(
        metrics=metrics,
        changed_cases=dict(sorted(changed.items())),
        only_in_a=sorted(report_a.cases.keys() - report_b.cases.keys()),
        only_in_b=sorted(report_b.cases.keys() - report_a.cases.keys()),
    )


def _differ(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is not b
    return abs(a - b) > 1e-9
