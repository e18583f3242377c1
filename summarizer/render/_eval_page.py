"""The eval report and the comparison of two runs as pages people read (self-contained HTML).

What a reader needs to see why a score moved: the aggregate as a table with metric
names in words, the number of cases (and, where the recorded outputs and the gold
allow, of items) behind every rate, the bootstrap intervals; and per case the gold and
the predicted items with their match status, what grounding rejected and why, and the
summary with its unsupported names or numbers marked.

The match status comes from the report's ``details`` (the missed, spurious and wrong
items of `summarizer.eval._metrics.SectionScore`, at the headline quote threshold),
the predicted items from the run's ``outputs/<case>.json`` and the gold items from the
suite recorded in ``run.json``. Without them the page still shows the details lists.

No script, no external asset: the filters are CSS (a checkbox and ``:has``-free sibling
selectors), and the print rules open every case.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

from summarizer._errors import SummarizerError
from summarizer.eval._compare import Comparison
from summarizer.eval._gold import GoldCase, gold_files
from summarizer.eval._gold import _parse as parse_gold
from summarizer.eval._metrics import COUNT_METRICS, ITEM_SECTIONS
from summarizer.eval._report import Report, fmt, fmt_delta, output_name, report_sections

COUNT_SECTIONS = frozenset({"cost"})

_SECTION_WORDS = {
    "actors": "Actors",
    "quotes": "Quotes",
    "tensions": "Tensions",
    "summary": "Summary",
    "grounding": "Grounding (does the article back the output?)",
    "cost": "Cost",
    "judge": "Faithfulness judge",
}

_WORDS = {
    "precision": "precision",
    "recall": "recall",
    "f1": "F1",
    "type_accuracy": "type accuracy (matched actors)",
    "speaker_accuracy": "speaker accuracy (matched quotes)",
    "attributed_precision": "precision, right speaker",
    "attributed_recall": "recall, right speaker",
    "attributed_f1": "F1, right speaker",
    "not_quote_hits": "predictions that are not quotes",
    "must_mention": "must-mention facts covered",
    "should_mention": "should-mention facts covered",
    "readable": "readable",
    "facts_supported": "names and numbers the article supports",
    "rouge_1": "ROUGE-1",
    "rouge_2": "ROUGE-2",
    "rouge_l": "ROUGE-L",
    "words": "words",
    "within_max_words": "within the word limit",
    "quotes_verbatim": "quotes found verbatim in the article",
    "quotes_in_quote_marks": "quotes inside quotation marks there",
    "evidence_verbatim": "tension evidence verbatim",
    "actors_present": "actors named in the article",
    "rejected": "items grounding rejected (per case)",
    "prompt_tokens": "prompt tokens",
    "completion_tokens": "completion tokens",
    "total_tokens": "total tokens",
    "calls": "HTTP calls",
    "reasks": "re-asks",
    "latency_s": "latency (seconds)",
    "failed": "failed cases",
    "supported": "summary sentences supported",
    "contradicted": "summary sentences contradicted",
    "not_in_article": "summary sentences not in the article",
    "sentences": "summary sentences judged",
}


def metric_words(dotted: str) -> str:
    """``quotes.f1_at_0_3`` -> ``F1 (overlap ≥ 0.3)``: a metric's name for people."""
    _, _, name = dotted.partition(".")
    threshold = ""
    if found := re.fullmatch(r"(.+)_at_(\d)_(\d)", name):
        name, threshold = found[1], f" (overlap ≥ {found[2]}.{found[3]})"
    return _WORDS.get(name, name.replace("_", " ")) + threshold


def section_words(section: str) -> str:
    return _SECTION_WORDS.get(section, section.replace("_", " ").capitalize())


# --- what the page shows per case -------------------------------------------------------


@dataclass
class Item:
    """One gold or predicted item and its match status (a CSS class and a word)."""

    text: str
    status: str  # found, missed, spurious, wrong, notquote, optional, rejected
    label: str
    note: str = ""


@dataclass
class CaseView:
    id: str
    error: str | None
    failing: bool
    changed: bool = False
    chips: list[tuple[str, str]] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    summary: str | None = None
    summary_marks: list[str] = field(default_factory=list)
    summary_missed: list[str] = field(default_factory=list)
    summary_wrong: list[str] = field(default_factory=list)
    grounding: list[str] = field(default_factory=list)
    rejected: list[Item] = field(default_factory=list)
    other: list[tuple[str, list[str]]] = field(default_factory=list)
    moves: list[dict[str, str]] = field(default_factory=list)


_STATUS_WORDS = {
    "found": "found",
    "missed": "missed",
    "spurious": "spurious",
    "wrong": "wrong speaker",
    "wrongtype": "wrong type",
    "notquote": "not a quote",
    "optional": "optional",
}

_CHIPS = (
    ("actors.f1", "actors F1"),
    ("quotes.attributed_f1", "quotes F1, right speaker"),
    ("tensions.f1", "tensions F1"),
    ("summary.must_mention", "must-mention"),
)


def _take(pool: Counter[str], key: str) -> bool:
    if pool[key] > 0:
        pool[key] -= 1
        return True
    return False


def _gold_items(texts: list[tuple[str, bool, str]], missed: list[str]) -> list[Item]:
    pool = Counter(missed)
    items = []
    for text, required, note in texts:
        status = ("missed" if _take(pool, text) else "found") if required else "optional"
        items.append(Item(text, status, _STATUS_WORDS[status], note))
    return items


def _predicted_items(
    texts: list[tuple[str, str, str]], spurious: list[str], wrong: list[str], wrong_kind: str
) -> list[Item]:
    """``texts``: (text, key the details use, note)."""
    pool = Counter(spurious)
    wrong_pool = list(wrong)
    items = []
    for text, key, note in texts:
        if _take(pool, f"{key} (not a quote)"):
            status = "notquote"
        elif _take(pool, key):
            status = "spurious"
        elif hit := next((w for w in wrong_pool if w.startswith(f"{key}: ")), None):
            wrong_pool.remove(hit)
            status = wrong_kind
            note = hit[len(key) + 2 :]
        else:
            status = "found"
        items.append(Item(text, status, _STATUS_WORDS[status], note))
    return items


def _tension_key(parties: list[str], description: str) -> str:
    return f"{' / '.join(parties)}: {description}"


def _case_view(
    case_id: str,
    report: Report,
    output: dict[str, Any] | None,
    gold: GoldCase | None,
) -> CaseView:
    details = report.details.get(case_id, {})
    error = report.errors.get(case_id)
    view = CaseView(id=case_id, error=error, failing=bool(error or _has_differences(details)))
    view.chips = [(label, fmt(report.metric(m, case_id), m)) for m, label in _CHIPS]
    pred = output if output and "error" not in output else None

    def d(section: str, kind: str) -> list[str]:
        return list(details.get(section, {}).get(kind, []))

    # actors
    gold_actors = (
        _gold_items([(a.name, a.required, a.type) for a in gold.actors], d("actors", "missed"))
        if gold
        else None
    )
    pred_actors = (
        _predicted_items(
            [(a["name"], a["name"], a.get("type", "")) for a in pred.get("actors", [])],
            d("actors", "spurious"),
            d("actors", "wrong"),
            "wrongtype",
        )
        if pred
        else None
    )
    view.sections.append(_pair("Actors", "actors", gold_actors, pred_actors, details))
    # quotes
    gold_quotes = (
        _gold_items([(q.text, q.required, q.speaker) for q in gold.quotes], d("quotes", "missed"))
        if gold
        else None
    )
    pred_quotes = (
        _predicted_items(
            [(q["text"], q["text"], q.get("speaker", "")) for q in pred.get("quotes", [])],
            d("quotes", "spurious"),
            d("quotes", "wrong"),
            "wrong",
        )
        if pred
        else None
    )
    view.sections.append(_pair("Quotes", "quotes", gold_quotes, pred_quotes, details))
    # tensions
    gold_tensions = (
        _gold_items(
            [
                (_tension_key(t.parties, t.description), t.required, t.evidence)
                for t in gold.tensions
            ],
            d("tensions", "missed"),
        )
        if gold
        else None
    )
    pred_tensions = (
        _predicted_items(
            [
                (
                    _tension_key(t["parties"], t["description"]),
                    _tension_key(t["parties"], t["description"]),
                    t.get("evidence", ""),
                )
                for t in pred.get("tensions", [])
            ],
            d("tensions", "spurious"),
            [],
            "wrong",
        )
        if pred
        else None
    )
    view.sections.append(_pair("Tensions", "tensions", gold_tensions, pred_tensions, details))
    # summary
    view.summary = pred.get("summary") if pred else None
    view.summary_missed = d("summary", "missed")
    view.summary_wrong = d("summary", "wrong")
    view.summary_marks = [
        w.removeprefix("not in the article: ")
        for w in view.summary_wrong
        if w.startswith("not in the article: ")
    ]
    view.grounding = d("grounding", "wrong")
    for rejected in (pred or {}).get("rejected", []) or []:
        view.rejected.append(
            Item(
                _item_text(rejected.get("item")),
                "rejected",
                str(rejected.get("field", "")),
                str(rejected.get("reason", "")),
            )
        )
    shown = {*ITEM_SECTIONS, "summary", "grounding"}
    view.other = [
        (f"{section_words(s)}: {kind}", items)
        for s, kinds in details.items()
        if s not in shown
        for kind, items in kinds.items()
    ]
    return view


def _item_text(item: Any) -> str:
    if isinstance(item, dict):
        if "text" in item:
            return f"{item['text']} ({item.get('speaker', '?')})"
        if "parties" in item:
            return _tension_key(list(item["parties"]), str(item.get("description", "")))
        if "name" in item:
            return str(item["name"])
        return json.dumps(item, ensure_ascii=False)
    return str(item)


def _pair(
    title: str,
    section: str,
    gold: list[Item] | None,
    predicted: list[Item] | None,
    details: dict[str, dict[str, list[str]]],
) -> dict[str, Any]:
    """Gold and predicted items side by side; the bare details lists when either is unknown."""
    kinds = details.get(section, {})
    return {
        "title": title,
        "gold": gold,
        "predicted": predicted,
        "fallback": [(k, v) for k, v in kinds.items()] if gold is None or predicted is None else [],
    }


def _has_differences(details: dict[str, dict[str, list[str]]]) -> bool:
    return any(
        items
        for section, kinds in details.items()
        if section in (*ITEM_SECTIONS, "summary", "grounding", "judge")
        for items in kinds.values()
    )


# --- pooled counts beside the rates -----------------------------------------------------


def _counts(views: list[CaseView]) -> dict[str, str]:
    """``metric -> "4 of 4 matched quotes"`` pooled over the cases whose items are known."""
    totals: Counter[str] = Counter()
    known: Counter[str] = Counter()
    for view in views:
        for pair in view.sections:
            noun = pair["title"].lower()
            if pair["predicted"] is not None:
                known[f"{noun}.pred"] += 1
                for item in pair["predicted"]:
                    totals[f"{noun}.predicted"] += 1
                    totals[f"{noun}.{item.status}"] += 1
            if pair["gold"] is not None:
                known[f"{noun}.gold"] += 1
                for item in pair["gold"]:
                    if item.status != "optional":
                        totals[f"{noun}.required"] += 1
                        totals[f"{noun}.gold_{item.status}"] += 1
    out: dict[str, str] = {}
    for noun in ITEM_SECTIONS:
        if known[f"{noun}.pred"]:
            predicted = totals[f"{noun}.predicted"]
            unmatched = totals[f"{noun}.spurious"] + totals[f"{noun}.notquote"]
            matched = predicted - unmatched
            wrong = totals[f"{noun}.wrong"] + totals[f"{noun}.wrongtype"]
            out[f"{noun}.precision"] = f"{matched} of {predicted} predicted {noun} matched"
            if noun == "quotes":
                out["quotes.speaker_accuracy"] = f"{matched - wrong} of {matched} matched quotes"
                out["quotes.attributed_precision"] = (
                    f"{matched - wrong} of {predicted} predicted quotes, right speaker"
                )
                out["quotes.not_quote_hits"] = f"{totals['quotes.notquote']} in all"
                out["grounding.quotes_verbatim"] = f"of {predicted} predicted quotes"
                out["grounding.quotes_in_quote_marks"] = f"of {predicted} predicted quotes"
            if noun == "actors":
                out["actors.type_accuracy"] = f"{matched - wrong} of {matched} matched actors"
                out["grounding.actors_present"] = f"of {predicted} predicted actors"
            if noun == "tensions":
                out["grounding.evidence_verbatim"] = f"of {predicted} predicted tensions"
        if known[f"{noun}.gold"]:
            required = totals[f"{noun}.required"]
            found = totals[f"{noun}.gold_found"]
            out[f"{noun}.recall"] = f"{found} of {required} required gold {noun} found"
    rejected = sum(len(v.rejected) for v in views)
    out["grounding.rejected"] = f"{rejected} in all"
    return out


# --- loading what the report does not hold ----------------------------------------------


def load_outputs(run_dir: Path | None, case_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The recorded outputs of a run folder, by case id (missing or unreadable ones left out)."""
    if run_dir is None:
        return {}
    found: dict[str, dict[str, Any]] = {}
    for case_id in case_ids:
        path = run_dir / "outputs" / output_name(case_id)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            found[case_id] = data
    return found


def load_gold(report: Report, run_dir: Path | None) -> dict[str, GoldCase]:
    """The gold cases of the suite the report or the run folder's run.json records
    (relative to the run folder, the current folder, or absolute); empty when none can be
    read."""
    recorded = [report.run.get("suite")]
    if run_dir is not None and (run_dir / "run.json").is_file():  # the run's own record
        with contextlib.suppress(OSError, ValueError):
            recorded.append(json.loads((run_dir / "run.json").read_text("utf-8")).get("suite"))
    candidates: list[Path] = []
    for suite in recorded:
        if not isinstance(suite, str) or not suite:
            continue
        if run_dir is not None and not Path(suite).is_absolute():
            candidates.append(run_dir / suite)
        candidates.append(Path(suite))
    for candidate in candidates:
        if candidate.exists():
            try:
                cases = [parse_gold(p) for p in gold_files(candidate)]
            except (SummarizerError, OSError, ValueError):  # a broken suite: no gold shown
                return {}
            return {c.id: c for c in cases}
    return {}


# --- the pages --------------------------------------------------------------------------


def _aggregate_rows(report: Report, counts: dict[str, str]) -> list[dict[str, Any]]:
    groups = []
    for section in report_sections(report.aggregate):
        rows = []
        for name, value in report.aggregate[section].items():
            dotted = f"{section}.{name}"
            if name.endswith("_at_0_8"):  # the same as the unsuffixed headline figure
                continue
            share = dotted not in COUNT_METRICS and section not in COUNT_SECTIONS
            defined = sum(
                1 for c in report.cases.values() if c.get(section, {}).get(name) is not None
            )
            found = report.interval(dotted)
            rows.append(
                {
                    "id": dotted,
                    "words": metric_words(dotted),
                    "value": value,
                    "text": fmt(value, dotted),
                    "share": share and value is not None,
                    "n": f"{defined} case{'s' if defined != 1 else ''}",
                    "pooled": counts.get(dotted, ""),
                    "interval": f"{fmt(found[0], dotted)} – {fmt(found[1], dotted)}"
                    if found
                    else "",
                }
            )
        groups.append({"name": section, "words": section_words(section), "rows": rows})
    return groups


def _run_facts(run: dict[str, Any]) -> list[tuple[str, str]]:
    facts = []
    for key in ("suite", "model", "prompt", "started", "finished", "rescored", "cases", "failed"):
        value = run.get(key)
        if value is None:
            continue
        if isinstance(value, dict):
            value = f"{value.get('id')} v{value.get('version')}"
        facts.append((key, str(value)))
    return facts


def _views(report: Report, run_dir: Path | None) -> list[CaseView]:
    ids = list(report.cases)
    outputs = load_outputs(run_dir, ids)
    gold = load_gold(report, run_dir)
    return [_case_view(c, report, outputs.get(c), gold.get(c)) for c in ids]


def render_report_page(report: Report, run_dir: str | Path | None = None) -> str:
    """One run's report page; ``run_dir`` (the run folder) supplies outputs and the suite."""
    folder = Path(run_dir) if run_dir is not None else None
    views = _views(report, folder)
    failing = sum(1 for v in views if v.failing)
    return (
        _env()
        .from_string(_PAGE)
        .render(
            title="Eval report" + (f": {report.run['model']}" if report.run.get("model") else ""),
            compare=False,
            facts=_run_facts(report.run),
            groups=_aggregate_rows(report, _counts(views)),
            cases=views,
            filter_id="only-failures",
            filter_label=f"only failures ({failing} of {len(views)} cases)",
            filter_class="ok",
        )
        .strip()
    )


def render_compare_page(
    comparison: Comparison,
    report_a: Report,
    report_b: Report,
    run_a: str | Path | None = None,
    run_b: str | Path | None = None,
    *,
    label_a: str = "A",
    label_b: str = "B",
) -> str:
    """Two runs on one page: per-metric deltas with their noise, the changed cases open,
    each showing A's and B's items side by side."""
    delta = fmt_delta

    groups: dict[str, list[dict[str, Any]]] = {}
    for m in comparison.metrics:
        section = m.metric.split(".")[0]
        if m.metric.endswith("_at_0_8"):  # the same as the unsuffixed headline figure
            continue
        groups.setdefault(section, []).append(
            {
                "words": metric_words(m.metric),
                "a": fmt(m.a, m.metric),
                "b": fmt(m.b, m.metric),
                "delta": delta(m.delta, m.metric),
                "interval": (
                    f"{delta(m.interval[0], m.metric)} – {delta(m.interval[1], m.metric)}"
                    if m.interval
                    else ""
                ),
                "noise": (
                    ""
                    if m.beyond_noise is None
                    else ("beyond noise" if m.beyond_noise else "within noise")
                ),
                "beyond": bool(m.beyond_noise),
                "changed": m.delta is not None and abs(m.delta) > 1e-9,
            }
        )
    views_a = {v.id: v for v in _views(report_a, Path(run_a) if run_a else None)}
    views_b = {v.id: v for v in _views(report_b, Path(run_b) if run_b else None)}
    cases = []
    for case_id in sorted(views_a.keys() & views_b.keys()):
        moves = comparison.changed_cases.get(case_id, [])
        cases.append(
            {
                "id": case_id,
                "changed": bool(moves),
                "moves": [
                    {
                        "words": f"{section_words(d.metric.split('.')[0])}: {metric_words(d.metric)}",
                        "a": fmt(d.a, d.metric),
                        "b": fmt(d.b, d.metric),
                        "delta": delta(d.delta, d.metric),
                    }
                    for d in moves
                ],
                "a": views_a[case_id],
                "b": views_b[case_id],
            }
        )
    changed = sum(1 for c in cases if c["changed"])
    return (
        _env()
        .from_string(_COMPARE)
        .render(
            title=f"Eval comparison: {label_b} against {label_a}",
            label_a=label_a,
            label_b=label_b,
            facts_a=_run_facts(report_a.run),
            facts_b=_run_facts(report_b.run),
            groups=[
                {"name": s, "words": section_words(s), "rows": rows} for s, rows in groups.items()
            ],
            cases=cases,
            only_in_a=comparison.only_in_a,
            only_in_b=comparison.only_in_b,
            filter_id="only-changed",
            filter_label=f"only changed cases ({changed} of {len(cases)})",
            filter_class="same",
        )
        .strip()
    )


def _mark(text: str, marks: list[str]) -> Any:
    """The summary, escaped, with each unsupported name or number in ``<mark>``."""
    if not marks:
        return escape(text)
    words = "|".join(re.escape(m) for m in sorted(set(marks), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
    out = Markup("")
    last = 0
    for hit in pattern.finditer(text):
        out += escape(text[last : hit.start()])
        out += Markup('<mark title="not in the article">') + escape(hit[0]) + Markup("</mark>")
        last = hit.end()
    return out + escape(text[last:])


def _env() -> Environment:
    env = Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["mark"] = _mark
    env.filters["slug"] = lambda text: re.sub(r"[^A-Za-z0-9_-]", "-", str(text))
    env.globals["status_words"] = _STATUS_WORDS
    return env


_STYLE = """\
<style>
:root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --bar: #3b6ea5; --track: #e6eaef;
  --found: #1a7f37; --missed: #b35900; --spurious: #8250df; --wrong: #cf222e; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
  margin: 0 auto; max-width: 72rem; padding: 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
h3 { font-size: 1rem; margin: 0; } h4 { font-size: .95rem; margin: .8rem 0 .3rem; }
dl.run { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1rem 1rem;
  margin: 0; font-size: .92rem; }
dl.run dt { font-weight: 600; color: var(--muted); } dl.run dd { margin: 0; }
.runs { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
table.agg { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
table.agg th, table.agg td { padding: .25rem .5rem; border-bottom: 1px solid var(--line);
  text-align: left; vertical-align: top; }
table.agg thead th { font-size: .85rem; color: var(--muted); }
table.agg tbody th { font-size: 1rem; padding-top: 1rem; border-bottom: 2px solid var(--ink); }
table.agg td.num { text-align: right; white-space: nowrap; }
table.agg td.n { color: var(--muted); font-size: .88rem; }
table.agg td.barcell { width: 130px; }
svg.bar { display: block; width: 120px; height: 10px; margin-top: .35rem; }
svg.bar .track { fill: var(--track); } svg.bar .fill { fill: var(--bar); }
tr.beyond td { background: #fff8c5; } td.noise { white-space: nowrap; }
.filter { margin: 1rem 0; font-weight: 600; }
.case { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; padding: 0; }
.case > summary { cursor: pointer; padding: .5rem .75rem; list-style-position: inside; }
.case > summary h3 { display: inline; }
.case .body { padding: 0 .75rem .75rem; }
.chips { display: flex; flex-wrap: wrap; gap: .3rem .6rem; margin-top: .3rem; font-size: .85rem;
  color: var(--muted); }
.chip b { color: var(--ink); font-variant-numeric: tabular-nums; }
.verdict { font-size: .8rem; font-weight: 600; padding: 0 .4rem; border-radius: 3px; margin-left: .4rem; }
.verdict.fail { background: #ffebe9; color: var(--wrong); } .verdict.ok { background: #dafbe1; color: var(--found); }
.pair { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .3rem 1.2rem; }
.pair h5 { margin: .2rem 0; font-size: .85rem; color: var(--muted); }
ul.items { list-style: none; padding: 0; margin: 0; }
ul.items li { padding: .15rem 0 .15rem .5rem; border-left: 3px solid var(--line); margin: .2rem 0; }
.st { display: inline-block; font-size: .75rem; font-weight: 700; text-transform: uppercase;
  letter-spacing: .02em; margin-right: .4rem; }
li.found { border-color: var(--found); } li.found .st { color: var(--found); }
li.missed { border-color: var(--missed); } li.missed .st { color: var(--missed); }
li.spurious, li.notquote { border-color: var(--spurious); }
li.spurious .st, li.notquote .st { color: var(--spurious); }
li.wrong, li.wrongtype, li.rejected { border-color: var(--wrong); }
li.wrong .st, li.wrongtype .st, li.rejected .st { color: var(--wrong); }
li.optional .st { color: var(--muted); }
.note { color: var(--muted); font-size: .88rem; }
.summary-text { background: #f6f8fa; padding: .5rem .75rem; border-radius: 4px; margin: .3rem 0; }
mark { background: #ffd8b5; }
.error { color: var(--wrong); }
.sides { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
.sides > div { min-width: 0; }
table.moves { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: .4rem 0; }
table.moves td, table.moves th { padding: .15rem .5rem; border-bottom: 1px solid var(--line); text-align: left; }
#only-failures:checked ~ .cases .case.ok, #only-changed:checked ~ .cases .case.same { display: none; }
@media (max-width: 700px) {
  body { font-size: 14px; padding: .6rem; }
  table.agg td.barcell, table.agg th.barcell { display: none; }
  table.agg td.n { font-size: .8rem; }
  .pair, .sides { grid-template-columns: minmax(0, 1fr); }
  table.cmp th.iv, table.cmp td.iv { display: none; }
  table.agg th, table.agg td { padding: .25rem .3rem; }
  table.agg td.noise { white-space: normal; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .filter, .filter-box { display: none; }
  .case { break-inside: avoid-page; }
  details::details-content { display: block; content-visibility: visible; }
  details > .body { display: block; }
  table.agg tr { break-inside: avoid; }
}
</style>"""

_MACROS = """\
{% macro items_list(items) %}
<ul class="items">
{% for item in items %}
<li class="{{ item.status }}" data-label="item"><span class="st">{{ item.label }}</span>{{ item.text }}{% if item.note %} <span class="note">— {{ item.note }}</span>{% endif %}</li>
{% else %}
<li class="note">none</li>
{% endfor %}
</ul>
{% endmacro %}
{% macro case_body(case) %}
{% if case.error %}<p class="error">Failed: {{ case.error }}</p>{% endif %}
{% for pair in case.sections %}
{% if pair.gold is none or pair.predicted is none %}
{% if pair.fallback %}
<h4>{{ pair.title }}</h4>
{% for kind, items in pair.fallback %}
<div class="note">{{ kind }}</div>
<ul class="items">{% for item in items %}<li class="{{ kind }}">{{ item }}</li>{% endfor %}</ul>
{% endfor %}
{% endif %}
{% elif pair.gold or pair.predicted %}
<h4>{{ pair.title }}</h4>
<div class="pair" data-label="pair">
<div><h5>gold</h5>{{ items_list(pair.gold) }}</div>
<div><h5>predicted</h5>{{ items_list(pair.predicted) }}</div>
</div>
{% endif %}
{% endfor %}
{% if case.summary is not none or case.summary_missed or case.summary_wrong %}
<h4>Summary</h4>
{% if case.summary is not none %}<p class="summary-text" data-label="summary">{{ case.summary | mark(case.summary_marks) }}</p>{% endif %}
{% if case.summary_missed %}<div class="note">must-mention facts not mentioned</div>
<ul class="items">{% for f in case.summary_missed %}<li class="missed"><span class="st">missed</span>{{ f }}</li>{% endfor %}</ul>{% endif %}
{% if case.summary_wrong %}<div class="note">marked in the summary: not backed by the article</div>
<ul class="items">{% for f in case.summary_wrong %}<li class="wrong"><span class="st">unsupported</span>{{ f }}</li>{% endfor %}</ul>{% endif %}
{% endif %}
{% if case.grounding %}
<h4>Not grounded in the article</h4>
<ul class="items">{% for f in case.grounding %}<li class="wrong">{{ f }}</li>{% endfor %}</ul>
{% endif %}
{% if case.rejected %}
<h4>Rejected by grounding ({{ case.rejected | length }})</h4>
<ul class="items">{% for item in case.rejected %}<li class="rejected"><span class="st">{{ item.label }}</span>{{ item.text }} <span class="note">— {{ item.note }}</span></li>{% endfor %}</ul>
{% endif %}
{% for title, items in case.other %}
<h4>{{ title }}</h4>
<ul class="items">{% for f in items %}<li class="wrong">{{ f }}</li>{% endfor %}</ul>
{% endfor %}
{% endmacro %}
"""

_HEAD = (
    """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
"""
    + _STYLE
    + """
</head>
"""
)

_PAGE = (
    _MACROS
    + _HEAD
    + """\
<body>
<h1 data-label="title">{{ title }}</h1>
<dl class="run" data-label="run">
{% for key, value in facts %}<dt>{{ key }}</dt><dd>{{ value }}</dd>
{% endfor %}
</dl>

<h2>Aggregate</h2>
<p class="note">Mean over cases; every case weighs the same. <i>n</i>: the cases where the
metric is defined and, where the recorded outputs and gold allow, the items pooled over
them. Interval: bootstrap 95 % over cases. Quote figures are at word overlap ≥ 0.8
both ways unless marked 0.3 (report.json has both).</p>
<table class="agg" data-label="aggregate">
<thead><tr><th>metric</th><th class="num">value</th><th>n</th><th class="num">95 % interval</th><th class="barcell"></th></tr></thead>
{% for group in groups %}
<tbody>
<tr><th colspan="5">{{ group.words }}</th></tr>
{% for row in group.rows %}
<tr data-metric="{{ row.id }}"><td data-label="metric">{{ row.words }}</td><td class="num" data-label="value">{{ row.text }}</td><td class="n" data-label="n">{{ row.n }}{% if row.pooled %}; {{ row.pooled }}{% endif %}</td><td class="num" data-label="interval">{{ row.interval }}</td>
<td class="barcell">{% if row.share %}<svg class="bar" viewBox="0 0 120 10" role="img" aria-label="{{ row.text }}" data-label="bar"><rect class="track" width="120" height="10"/><rect class="fill" width="{{ (row.value * 120) | round(1) }}" height="10"/></svg>{% endif %}</td></tr>
{% endfor %}
</tbody>
{% endfor %}
</table>

<h2>Cases</h2>
<input type="checkbox" id="{{ filter_id }}" class="filter-box"><label class="filter" for="{{ filter_id }}"> {{ filter_label }}</label>
<div class="cases">
{% for case in cases %}
<details class="case {{ 'fail' if case.failing else 'ok' }}" id="case-{{ case.id | slug }}" data-label="case">
<summary><h3>{{ case.id }}</h3><span class="verdict {{ 'fail' if case.failing else 'ok' }}">{{ 'error' if case.error else ('differs from gold' if case.failing else 'matches gold') }}</span>
<div class="chips">{% for label, value in case.chips %}<span class="chip">{{ label }} <b>{{ value }}</b></span>{% endfor %}</div></summary>
<div class="body">{{ case_body(case) }}</div>
</details>
{% endfor %}
</div>
</body>
</html>
"""
)

_COMPARE = (
    _MACROS
    + _HEAD
    + """\
<body>
<h1 data-label="title">{{ title }}</h1>
<div class="runs">
<div data-label="run-a"><h3>{{ label_a }}</h3><dl class="run">{% for key, value in facts_a %}<dt>{{ key }}</dt><dd>{{ value }}</dd>{% endfor %}</dl></div>
<div data-label="run-b"><h3>{{ label_b }}</h3><dl class="run">{% for key, value in facts_b %}<dt>{{ key }}</dt><dd>{{ value }}</dd>{% endfor %}</dl></div>
</div>

<h2>Aggregate: B − A</h2>
<p class="note">Interval: paired bootstrap 95 % of the per-case difference over the cases
both runs scored; a change is beyond the noise when it excludes zero (highlighted).</p>
<table class="agg cmp" data-label="aggregate">
<thead><tr><th>metric</th><th class="num">A</th><th class="num">B</th><th class="num">B − A</th><th class="num iv">95 % interval</th><th>noise</th></tr></thead>
{% for group in groups %}
<tbody>
<tr><th colspan="6">{{ group.words }}</th></tr>
{% for row in group.rows %}
<tr{% if row.beyond %} class="beyond"{% endif %}><td data-label="metric">{{ row.words }}</td><td class="num">{{ row.a }}</td><td class="num">{{ row.b }}</td><td class="num" data-label="delta">{{ row.delta }}</td><td class="num iv">{{ row.interval }}</td><td class="noise">{{ row.noise }}</td></tr>
{% endfor %}
</tbody>
{% endfor %}
</table>
{% if only_in_a %}<p>Only in A: {{ only_in_a | join(", ") }}</p>{% endif %}
{% if only_in_b %}<p>Only in B: {{ only_in_b | join(", ") }}</p>{% endif %}

<h2>Cases</h2>
<input type="checkbox" id="{{ filter_id }}" class="filter-box"><label class="filter" for="{{ filter_id }}"> {{ filter_label }}</label>
<div class="cases">
{% for case in cases %}
<details class="case {{ 'changed' if case.changed else 'same' }}" id="case-{{ case.id | slug }}" data-label="case"{% if case.changed %} open{% endif %}>
<summary><h3>{{ case.id }}</h3><span class="verdict {{ 'fail' if case.changed else 'ok' }}">{{ 'changed' if case.changed else 'unchanged' }}</span></summary>
<div class="body">
{% if case.moves %}
<table class="moves" data-label="moves"><thead><tr><th>metric</th><th>A</th><th>B</th><th>B − A</th></tr></thead>
<tbody>{% for m in case.moves %}<tr><td>{{ m.words }}</td><td>{{ m.a }}</td><td>{{ m.b }}</td><td>{{ m.delta }}</td></tr>{% endfor %}</tbody></table>
{% endif %}
<div class="sides">
<div data-label="side-a"><h3>A</h3>{{ case_body(case.a) }}</div>
<div data-label="side-b"><h3>B</h3>{{ case_body(case.b) }}</div>
</div>
</div>
</details>
{% endfor %}
</div>
</body>
</html>
"""
)
