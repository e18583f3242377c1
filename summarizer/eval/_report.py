"""The eval report: one typed object, written as report.json, report.md and report.html.

``report.json`` is the record (`Report.model_dump`); the Markdown and the HTML
are views of it. The HTML is self-contained (inline CSS and SVG, no scripts, no
external assets) so it can be attached to a pull request or printed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from pydantic import BaseModel, Field

from summarizer.eval._metrics import COUNT_METRICS, SECTIONS, Scores
from summarizer.infra._files import write_text_atomic

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
        return [f"{s}.{n}" for s in _sections(self.aggregate) for n in self.aggregate[s]]

    @classmethod
    def load(cls, path: str | Path) -> Report:
        """Read a report.json, or the report.json inside a run folder."""
        path = Path(path)
        if path.is_dir():
            path = path / "report.json"
        return cls.model_validate_json(path.read_bytes())


def _sections(scores: dict[str, Any]) -> list[str]:
    known = [s for s in SECTIONS if s in scores]
    return known + sorted(set(scores) - set(known))


def write_reports(report: Report, out_dir: str | Path) -> list[Path]:
    """Write report.json, report.md and report.html into ``out_dir``; return their paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    texts = (report.model_dump_json(indent=2), render_markdown(report), render_html(report))
    paths = [out / name for name in REPORT_FILES]
    for path, text in zip(paths, texts, strict=True):
        write_text_atomic(path, text + "\n")
    return paths


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
    for section in _sections(report.aggregate):
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


def render_html(report: Report) -> str:
    """The report as one self-contained HTML page (autoescaped)."""
    return _env(autoescape=True).from_string(_HTML).render(**_view(report)).strip()


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

_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Eval report{% if run.get("model") %}: {{ run.model }}{% endif %}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; margin: 0 0 .4em; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; }
dl.run dt { font-weight: 600; } dl.run dd { margin: 0; }
.sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(21em, 1fr)); gap: 1.5em; }
.section { break-inside: avoid; }
table.bars { border-collapse: collapse; width: 100%; }
table.bars td { padding: 1px 4px; white-space: nowrap; }
table.bars td.num { text-align: right; font-variant-numeric: tabular-nums; width: 4em; }
svg.bar { display: block; }
svg.bar .track { fill: #eee; } svg.bar .fill { fill: #3b6ea5; }
table.cases { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.cases th, table.cases td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: right; }
table.cases th:first-child, table.cases td:first-child { text-align: left; }
table.cases th { font-weight: 600; font-size: .85em; }
tr.error td { color: #a00; }
details { margin: .3em 0; } summary { cursor: pointer; }
details ul { margin: .2em 0 .6em; } .kind { font-weight: 600; }
@media print {
  body { margin: 0; max-width: none; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  details::details-content { display: block; content-visibility: visible; }
  summary { font-weight: 600; }
}
</style>
</head>
<body>
<h1>Eval report{% if run.get("model") %}: {{ run.model }}{% endif %}</h1>
<dl class="run">
{% for key in ["suite", "model", "prompt", "started", "finished", "cases", "failed"] %}
{% if run.get(key) is not none %}
<dt>{{ key }}</dt><dd>{{ run[key] if run[key] is not mapping else (run[key].id ~ " v" ~ run[key].version ~ " (" ~ run[key].sha256[:12] ~ ")") }}</dd>
{% endif %}
{% endfor %}
</dl>

<h2>Aggregate (mean over cases, bootstrap 95 % interval)</h2>
<div class="sections">
{% for section in sections %}
<div class="section">
<h3>{{ section.name }}</h3>
<table class="bars">
{% for row in section.rows %}
<tr><td>{{ row.name }}</td><td class="num">{{ row.text }}</td><td class="num">{{ row.interval }}</td>
<td>{% if row.share and row.value is not none %}<svg class="bar" width="160" height="12" role="img" aria-label="{{ row.text }}"><rect class="track" width="160" height="12"/><rect class="fill" width="{{ (row.value * 160) | round(1) }}" height="12"/></svg>{% endif %}</td></tr>
{% endfor %}
</table>
</div>
{% endfor %}
</div>

<h2>Cases</h2>
<table class="cases">
<thead><tr><th>case</th>{% for c in columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>
{% for case in cases %}
<tr{% if case.error %} class="error"{% endif %}><td>{{ case.id }}</td>{% for cell in case.cells %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}
</tbody>
</table>

<h2>Differences from gold</h2>
{% for case in cases %}
<details>
<summary>{{ case.id }}{% if case.error %}: error{% elif not case.details %}: no differences{% endif %}</summary>
{% if case.error %}<p>{{ case.error }}</p>{% endif %}
{% for section, kinds in case.details.items() %}
{% for kind, items in kinds.items() %}
<div><span class="kind">{{ section }}: {{ labels.get(section ~ "." ~ kind, labels[kind]) }}</span>
<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul></div>
{% endfor %}
{% endfor %}
</details>
{% endfor %}
</body>
</html>
"""
