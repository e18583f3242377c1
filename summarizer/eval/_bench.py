"""External benchmarks: PolNeAR quotes, BASIL main entities, writer-summary ROUGE.

Each benchmark reads a third-party data set from the data folder (``data_dir``,
else ``$SUMMARIZER_DATA_DIR``, else ``../shared/data/external`` next to the
repository), summarises every article with one summariser, scores the
briefings against the set's own annotations and returns a `BenchReport`: one
row per system. Besides the model, each table carries rows computed in the same
run where the set allows (PolNeAR: the textacy peer when installed; writer:
Lead-3 and the writers themselves) and published figures marked as such.

With ``out_dir`` the briefings are recorded as ``outputs/<id>.json`` (the
Briefing JSON or an error record, as in `summarizer.eval.run_suite`) and the
report as ``report.json`` and ``report.md``.

>>> report = run_bench("polnear", Summarizer(model="offline"), split="dev")  # doctest: +SKIP
>>> print(report.to_markdown())  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from summarizer._errors import InputError
from summarizer._schema import Briefing
from summarizer.eval import _bench_basil as basil
from summarizer.eval import _bench_peer as peer
from summarizer.eval import _bench_polnear as polnear
from summarizer.eval import _bench_writer as writer
from summarizer.eval._harness import (
    ProgressCallback,
    SummarizerLike,
    _instance,
    _now,
    _summarize,
    _write_json,
    recorded_settings,
)
from summarizer.eval._report import output_name
from summarizer.infra._files import write_text_atomic
from summarizer.infra._settings import FileSettings

BENCHMARKS = ("polnear", "basil", "writer")
DATA_DIR_ENV = "SUMMARIZER_DATA_DIR"

# Published context for the PolNeAR table (not run here): the SFU Gender Gap
# Tracker's quote extractor on its own annotated Canadian news set.
GGT_PUBLISHED = {"f1_0_3": 0.837, "speaker_named_0_3": 0.865}


class BenchDataError(InputError):
    """A benchmark's data set cannot be found or read."""


class BenchRow(BaseModel):
    """One system's figures in a benchmark table."""

    system: str
    metrics: dict[str, float | None] = Field(default_factory=dict)
    note: str = ""


class BenchReport(BaseModel):
    """One benchmark run: the table (``columns`` × ``rows``) and its provenance.

    ``columns`` maps metric keys to column headers, in table order; shares are
    in [0, 1] (`to_markdown` shows them as percentages), keys in ``counts``
    are counts. ``cases`` holds the model's per-article figures, ``errors``
    the articles whose summariser call failed (scored as empty briefings).
    """

    benchmark: str
    data: str
    split: str | None = None
    articles: int
    run: dict[str, Any] = Field(default_factory=dict)
    columns: dict[str, str]
    counts: list[str] = Field(default_factory=list)
    rows: list[BenchRow]
    notes: list[str] = Field(default_factory=list)
    cases: dict[str, dict[str, Any]] = Field(default_factory=dict)
    errors: dict[str, str] = Field(default_factory=dict)

    def cell(self, row: BenchRow, key: str) -> str:
        """One table cell: a percentage with one decimal, a count, or ``–``."""
        value = row.metrics.get(key)
        if value is None:
            return "–"
        if key in self.counts:
            return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
        return f"{100 * value:.1f}"

    def to_markdown(self) -> str:
        """The table as Markdown, with the run's provenance above and the notes below."""
        head = ["system", *self.columns.values(), "note"]
        lines = [
            f"**{self.benchmark}**{f' ({self.split})' if self.split else ''}: "
            f"{self.articles} articles from `{self.data}`; model `{self.run.get('model')}`, "
            f"{self.run.get('started', '')[:10]}",
            "",
            "| " + " | ".join(head) + " |",
            "|---|" + "---:|" * len(self.columns) + "---|",
        ]
        for row in self.rows:
            cells = [row.system, *(self.cell(row, k) for k in self.columns), row.note]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines += [""] + [f"- {note}" for note in self.notes] if self.notes else []
        return "\n".join(lines)


def default_data_dir() -> Path:
    """``$SUMMARIZER_DATA_DIR``, else ``../shared/data/external`` beside the repository
    (or beside the working directory, for an installed package)."""
    configured = FileSettings().data_dir  # env > .env, like every other setting
    if configured is not None:
        return configured.expanduser()
    external = Path("shared", "data", "external")
    repo = Path(__file__).resolve().parents[2]
    candidates = [repo.parent / external, Path.cwd().parent / external]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def _require(path: Path) -> Path:
    if not path.is_file():
        raise BenchDataError(
            f"benchmark data {str(path)!r} not found: pass --data-dir (the folder holding "
            f"polnear/, basil/, llm_news_summ_writer_summaries/) or set {DATA_DIR_ENV}"
        )
    return path


# --- running ----------------------------------------------------------------------------


@dataclass
class _Run:
    """What every benchmark needs to summarise articles and record the results."""

    instance: SummarizerLike
    out_dir: Path | None
    concurrency: int
    progress: ProgressCallback | None
    errors: dict[str, str]

    async def briefings(self, items: Sequence[tuple[str, str]]) -> dict[str, Briefing | None]:
        """Summarise ``(id, text)`` items, ``concurrency`` at a time; a failure gives None."""
        outputs = self.out_dir / "outputs" if self.out_dir else None
        if outputs:
            outputs.mkdir(parents=True, exist_ok=True)
        results: dict[str, Briefing | None] = {}
        gate = asyncio.Semaphore(max(1, self.concurrency))
        if self.progress:
            self.progress(0, len(items), None)

        async def one(item_id: str, text: str) -> None:
            async with gate:
                record = await _summarize(self.instance, text)
            if outputs:
                _write_json(outputs / output_name(item_id), record)
            if "error" in record:
                self.errors[item_id] = f"{record['error']}: {record.get('message', '')}"
                results[item_id] = None
            else:
                results[item_id] = Briefing.model_validate(record)
            if self.progress:
                self.progress(len(results), len(items), item_id)

        await asyncio.gather(*(one(i, t) for i, t in items))
        return {item_id: results[item_id] for item_id, _ in items}


def run_bench(
    name: str,
    summarizer: SummarizerLike | Callable[[], SummarizerLike],
    *,
    data_dir: str | Path | None = None,
    split: str = "test",
    limit: int | None = None,
    concurrency: int = 4,
    out_dir: str | Path | None = None,
    progress: ProgressCallback | None = None,
    settings: Mapping[str, Any] | None = None,
    with_peer: bool = True,
) -> BenchReport:
    """Run benchmark ``name`` (``polnear``, ``basil`` or ``writer``) and return its table.

    ``split`` (``dev``, ``train`` or ``test``) applies to PolNeAR only: tune on dev and train, report
    test. ``limit`` keeps the first N articles. ``with_peer=False`` skips the
    PolNeAR peer. ``settings`` are recorded in the report (secrets left out).
    From async code, await `arun_bench` instead.
    """
    return asyncio.run(
        arun_bench(
            name,
            summarizer,
            data_dir=data_dir,
            split=split,
            limit=limit,
            concurrency=concurrency,
            out_dir=out_dir,
            progress=progress,
            settings=settings,
            with_peer=with_peer,
        )
    )


async def arun_bench(
    name: str,
    summarizer: SummarizerLike | Callable[[], SummarizerLike],
    *,
    data_dir: str | Path | None = None,
    split: str = "test",
    limit: int | None = None,
    concurrency: int = 4,
    out_dir: str | Path | None = None,
    progress: ProgressCallback | None = None,
    settings: Mapping[str, Any] | None = None,
    with_peer: bool = True,
) -> BenchReport:
    """Async twin of `run_bench`."""
    if name not in BENCHMARKS:
        raise BenchDataError(f"unknown benchmark {name!r}: choose {', '.join(BENCHMARKS)}")
    if split not in polnear.SPLITS:
        raise BenchDataError(f"unknown split {split!r}: choose {', '.join(polnear.SPLITS)}")
    data = Path(data_dir) if data_dir is not None else default_data_dir()
    instance = _instance(summarizer)
    out = Path(out_dir) if out_dir is not None else None
    run = _Run(instance, out, concurrency, progress, errors={})
    record = _run_record(instance, settings, concurrency)
    if name == "polnear":
        report = await _polnear(run, data, split, limit, with_peer)
    elif name == "basil":
        report = await _basil(run, data, limit)
    else:
        report = await _writer(run, data, limit)
    record["finished"] = _now()
    report = report.model_copy(update={"run": record, "errors": run.errors})
    if run.errors:
        report.notes.append(
            f"{len(run.errors)} article(s) failed and were scored as empty briefings."
        )
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        write_text_atomic(out / "report.json", report.model_dump_json(indent=2) + "\n")
        write_text_atomic(out / "report.md", report.to_markdown() + "\n")
    return report


def _run_record(
    instance: SummarizerLike, settings: Mapping[str, Any] | None, concurrency: int
) -> dict[str, Any]:
    prompt = getattr(instance, "prompt", None)
    return {
        "model": getattr(instance, "model", None),
        "prompt": prompt.model_dump() if isinstance(prompt, BaseModel) else None,
        "started": _now(),
        "finished": None,
        "settings": recorded_settings(instance, settings, concurrency),
    }


def _system(instance: SummarizerLike) -> str:
    return f"summarizer ({getattr(instance, 'model', None) or 'model'})"


# --- PolNeAR --------------------------------------------------------------------------

POLNEAR_COLUMNS = {
    "precision_0_3": "P@0.3",
    "recall_0_3": "R@0.3",
    "f1_0_3": "F1@0.3",
    "precision_strict_0_3": "strict P@0.3",
    "precision_0_8": "P@0.8",
    "recall_0_8": "R@0.8",
    "f1_0_8": "F1@0.8",
    "precision_strict_0_8": "strict P@0.8",
    "speaker_named_0_3": "named speaker acc.@0.3",
    "named_0_3": "n",
    "speaker_pronoun_0_3": "pronoun speaker acc.@0.3 (named referent)",
    "pronoun_0_3": "n",
    "pronoun_unnamed_0_3": "pronoun, no named referent",
    "speaker_pronoun_nearest_mention_0_3": "pronoun acc.@0.3 (old: nearest mention)",
    "pronoun_nearest_mention_0_3": "n",
    "predicted": "quotes predicted",
}
_POLNEAR_COUNTS = [
    "named_0_3",
    "pronoun_0_3",
    "pronoun_unnamed_0_3",
    "pronoun_nearest_mention_0_3",
    "named_0_8",
    "pronoun_0_8",
    "pronoun_unnamed_0_8",
    "pronoun_nearest_mention_0_8",
    "predicted",
    "gold",
]


async def _polnear(
    run: _Run, data: Path, split: str, limit: int | None, with_peer: bool
) -> BenchReport:
    path = _require(polnear.polnear_file(data, split))
    articles = polnear.load_polnear(path, limit)
    briefings = await run.briefings([(a.id, a.text) for a in articles])
    placed = {
        a.id: polnear.locate(a.text, b.quotes, b.actors) if (b := briefings[a.id]) else []
        for a in articles
    }
    rows = [BenchRow(system=_system(run.instance), metrics=polnear.score_polnear(articles, placed))]
    notes = [
        f"{sum(len(a.direct) for a in articles)} gold direct quotes "
        f"({sum(q.pronoun for a in articles for q in a.direct)} with a pronoun speaker); "
        f"{sum(not q.direct for a in articles for q in a.quotes)} partial quotes are allowed, "
        "not required.",
        f"{sum(not p.chars for ps in placed.values() for p in ps)} predicted quote(s) "
        "could not be placed in the article text.",
    ]
    if with_peer:
        row, note = await asyncio.to_thread(_textacy_row, articles)
        rows.append(row)
        notes += [note] if note else []
    rows.append(
        BenchRow(
            system="SFU Gender Gap Tracker (published)",
            metrics=dict(GGT_PUBLISHED),
            note="published, on its own set: context only",
        )
    )
    notes.append(
        "SFU Gender Gap Tracker figures are published ones (Asr et al. 2021, PLOS ONE) on "
        "GGT's own annotated Canadian news articles, not on PolNeAR; not a same-run comparison."
    )
    cases = {
        a.id: {
            "gold": len(a.direct),
            "predicted": len(placed[a.id]),
            "found_0_3": polnear.score_article(a, placed[a.id], 0.3).found,
            "found_0_8": polnear.score_article(a, placed[a.id], 0.8).found,
        }
        for a in articles
    }
    return BenchReport(
        benchmark="polnear",
        data=str(path),
        split=split,
        articles=len(articles),
        columns=POLNEAR_COLUMNS,
        counts=_POLNEAR_COUNTS,
        rows=rows,
        notes=notes,
        cases=cases,
    )


def _textacy_row(articles: Sequence[polnear.PolnearArticle]) -> tuple[BenchRow, str | None]:
    reason = peer.textacy_unavailable()
    if reason:
        return BenchRow(system="textacy direct_quotations", note=f"not run: {reason}"), None
    found: dict[str, list[polnear.PredictedQuote]] = {}
    refused = 0
    for article in articles:
        found[article.id], skipped = peer.textacy_quotes(article.text)
        refused += skipped
    row = BenchRow(
        system=peer.textacy_label(),
        metrics=polnear.score_polnear(articles, found),
        note="peer, same run",
    )
    return row, (
        f"textacy refused {refused} paragraph(s) whose quotation marks do not pair up "
        "(no quotes from them)."
    )


# --- BASIL ----------------------------------------------------------------------------

BASIL_COLUMNS = {
    "recall": "recall (micro)",
    "recall_macro": "recall (macro)",
    "recall_in_text": "recall, entities named in text",
    "actors_per_article": "actors/article",
}


async def _basil(run: _Run, data: Path, limit: int | None) -> BenchReport:
    path = _require(basil.basil_file(data))
    articles = basil.load_basil(path, limit)
    briefings = await run.briefings([(a.id, a.text) for a in articles])
    actors = {a.id: b.actors if (b := briefings[a.id]) else [] for a in articles}
    metrics = basil.score_basil(articles, actors)
    notes = [
        f"{metrics['entities']:.0f} main entities; {_pct(metrics['in_text'])} of them are "
        "named verbatim in their article (the rest are descriptions such as "
        "'Republican Lawmakers' or non-actors such as 'birthright citizenship').",
    ]
    cases = {
        a.id: {
            "main_entities": list(a.main_entities),
            "missed": [e for e in a.main_entities if not basil.entity_found(e, actors[a.id])],
            "actors": len(actors[a.id]),
        }
        for a in articles
    }
    return BenchReport(
        benchmark="basil",
        data=str(path),
        articles=len(articles),
        columns=BASIL_COLUMNS,
        counts=["actors_per_article", "entities"],
        rows=[BenchRow(system=_system(run.instance), metrics=metrics)],
        notes=notes,
        cases=cases,
    )


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


# --- writer summaries -----------------------------------------------------------------

WRITER_COLUMNS = {
    "rouge_1": "ROUGE-1",
    "rouge_2": "ROUGE-2",
    "rouge_l": "ROUGE-L",
    "words": "words",
}


async def _writer(run: _Run, data: Path, limit: int | None) -> BenchReport:
    path = _require(writer.writer_file(data))
    articles = writer.load_writer(path, limit)
    briefings = await run.briefings([(a.id, a.text) for a in articles])
    summaries = {a.id: b.summary if (b := briefings[a.id]) else "" for a in articles}
    humans = writer.score_writers(articles)
    rows = [
        BenchRow(system=_system(run.instance), metrics=writer.score_summaries(articles, summaries)),
        BenchRow(
            system="Lead-3",
            metrics=writer.score_summaries(
                articles, {a.id: writer.lead3(a.text) for a in articles}
            ),
            note="first three sentences, same run",
        ),
        BenchRow(
            system="writers (leave-one-out)",
            metrics=humans,
            note=f"each writer summary vs the others; {humans['articles']:.0f} articles "
            "with 2+ writers",
        ),
    ]
    cases = {
        a.id: writer.rouge_best(summaries[a.id], a.references) | {"references": len(a.references)}
        for a in articles
    }
    return BenchReport(
        benchmark="writer",
        data=str(path),
        articles=len(articles),
        columns=WRITER_COLUMNS,
        counts=["words", "articles"],
        rows=rows,
        notes=[f"{sum(len(a.references) for a in articles)} writer summaries."],
        cases=cases,
    )
