"""The eval report: one typed object, written as report.json, report.md and report.html.

``report.json`` is the record (`Report.model_dump`); the Markdown and the HTML
are views of it. The HTML (`summarizer.render._eval_page`) is self-contained (inline
CSS and SVG, no scripts, no external assets) so it can be attached to a pull request or
printed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from pydantic import BaseModel, Field

from summarizer.eval._metrics import COUNT_METRICS, SECTIONS, Scores

REPORT_FILES = ("report.json", "report.md", "report.html")

# The few metrics the per-case tables show, in order.
CASE_COLUMNS = (
    ("actors", "f1"),
    ("quotes", "attributed_f1"),
    ("quotes", "f1"),
    ("quotes", "f1_at_0_3"),
    ("quotes", "speaker_accuracy"),
    ("tensions", "f1"),
    ("summary", "must_mention"),
    ("summary", "facts_supported"),
    ("summary", "rouge_l"),
    ("grounding", "quotes_verbatim"),
    ("cost", "total_tokens"),
    ("cost", "latency_s"),
)


class Report(BaseModel):
    """Scores of one run: ``aggregate`` (means over cases) and ``cases`` by case id.

    Both map a section (actors, quotes, tensions, summary, grounding, cost) to a
    flat object of named numbers; ``None`` marks a metric that is undefined
    there. ``details`` holds each case's missed, spurious and wrong items;
    ``errors`` the cases whose summariser call failed; ``run`` the provenance
    (model, prompt, suite, timestamps, settings).
    """

    run: dict[str, Any] = Field(default_factory=dict)
    aggregate: dict[str, Scores]
    cases: dict[str, dict[str, Scores]]
    intervals: dict[str, dict[str, list[float]]] = Field(default_factory=dict)
    details: dict[str, dict[str, dict[str, list[str]]]] = Field(default_factory=dict)
    errors: dict[str, str] = Field(default_factory=dict)

    def metric(self, dotted: str, case: str | None = None) -> float | None:
        """A metric by ``"section.name"``, from the aggregate or from one case."""
        section, _, name = dotted.partition(".")
        scores = self.aggregate if case is None else self.cases.get(case, {})
        return scores.get(section, {}).get(name)

    def interval(self, dotted: str) -> tuple[float, float] | None:
        """The bootstrap 95 % interval of an aggregate metric, if the report has one."""
        section, _, name = dotted.partition(".")
        found = self.intervals.get(section, {}).get(name)
        return (found[0], found[1]) if found else None

    def metric_names(self) -> list[str]:
        """Every ``"section.name"`` in the aggregate, in report order."""
        return [f"{s}.{n}" for s in report_sections(self.aggregate) for n in self.aggregate[s]]

    @classmethod
    def load(cls, path: str | Path) -> Report:
        """Read a report.json, or the report.json inside a run folder."""
        path = Path(path)
        if path.is_dir():
            path = path / "report.json"
        return cls.model_validate_json(path.read_bytes())


def report_sections(scores: dict[str, Any]) -> list[str]:
    known = [s for s in SECTIONS if s in scores]
    return known + sorted(set(scores) - set(known))


def fmt_delta(value: float | None, metric: str) -> str:
    """A difference between two runs: signed, counts compactly, ``0`` for none."""
    if value is None:
        return "–"
    if abs(value) < 1e-9:
        return "0"
    counted = metric in COUNT_METRICS or metric.startswith("cost.")
    return f"{value:+,.2f}" if counted else f"{value:+.3f}"


def fmt(value: float | None, metric: str = "") -> str:
    """A metric for people: shares with 3 decimals, counts compactly, ``–`` if undefined."""
    if value is None:
        return "–"
    if metric in COUNT_METRICS or metric.startswith("cost."):
        return (
            f"{value:.2f}"
            if metric.endswith("latency_s")
            else f"{value:,.1f}".rstrip("0").rstrip(".")
        )
    return f"{value:.3f}"


def _view(report: Report) -> dict[str, Any]:
    """What both templates need, computed once."""
    sections = []
    for section in report_sections(report.aggregate):
        rows = []
        for name, value in report.aggregate[section].items():
            dotted = f"{section}.{name}"
            share = dotted not in COUNT_METRICS and not dotted.startswith("cost.")
            found = report.interval(dotted)
            interval = f"{fmt(found[0], dotted)}–{fmt(found[1], dotted)}" if found else ""
            rows.append(
                {
                    "name": name,
                    "value": value,
                    "text": fmt(value, dotted),
                    "share": share,
                    "interval": interval,
                }
            )
        sections.append({"name": section, "rows": rows})
    columns = [f"{s}.{n}" for s, n in CASE_COLUMNS]
    cases = [
        {
            "id": case_id,
            "cells": [fmt(report.metric(c, case_id), c) for c in columns],
            "error": report.errors.get(case_id),
            "details": report.details.get(case_id, {}),
        }
        for case_id in report.cases
    ]
    return {
        "labels": _LABELS,
        "report": report,
        "run": report.run,
        "sections": sections,
        "columns": columns,
        "cases": cases,
    }


_LABELS = {
    "missed": "missed (required in gold, not predicted)",
    "spurious": "spurious (predicted, matches no gold item)",
    "wrong": "wrong (matched, but the type or speaker differs)",
    "grounding.wrong": "not grounded in the article",
    "summary.missed": "must_mention facts not mentioned",
}


def render_markdown(report: Report) -> str:
    """The report as Markdown: run, aggregate per section, one row per case, errors."""
    return _env(autoescape=False).from_string(_MARKDOWN).render(**_view(report)).strip()


def _env(*, autoescape: bool) -> Environment:
    env = Environment(
        autoescape=autoescape, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["cell"] = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    return env


_MARKDOWN = """\
# Eval report{% if run.get("model") %}: {{ run.model }}{% endif %}


{% for key in ["suite", "model", "prompt", "started", "finished", "cases", "failed"] %}
{% if run.get(key) is not none %}
- **{{ key }}**: {{ run[key] if run[key] is not mapping else (run[key].id ~ " v" ~ run[key].version) }}
{% endif %}
{% endfor %}

## Aggregate (mean over cases, bootstrap 95 % interval)

{% for section in sections %}
### {{ section.name }}

| metric | value | 95 % interval |
|---|---:|---:|
{% for row in section.rows %}
| {{ row.name }} | {{ row.text }} | {{ row.interval }} |
{% endfor %}

{% endfor %}
## Cases

| case | {{ columns | join(" | ") }} |
|---|{% for c in columns %}---:|{% endfor %}

{% for case in cases %}
| {{ case.id | cell }}{% if case.error %} (error){% endif %} | {{ case.cells | join(" | ") }} |
{% endfor %}
{% if report.errors %}

## Errors

{% for case_id, message in report.errors.items() %}
- `{{ case_id }}`: {{ message | cell }}
{% endfor %}
{% endif %}
"""


def output_name(case_id: str) -> str:
    """The file name of a case's output (ids are path-safe already; this makes sure)."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", case_id) + ".json"
