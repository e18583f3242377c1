"""`summarizer eval ...`: the regression eval harness commands.

A thin layer over `summarizer.eval`: it reads flags, shows progress and tables,
and turns a failed check or gate into exit code 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from summarizer.cli._brief import BaseUrlOpt, ModelOpt, ModeOpt, QuietOpt, StrategyOpt
from summarizer.cli._root import env_hint
from summarizer.cli._status import LiveStatus

if TYPE_CHECKING:  # the harness imports rouge-score and nltk: imported when a command runs
    from rich.progress import Progress
    from rich.table import Table

    from summarizer.eval import Judge, Report
    from summarizer.eval._bench import BenchReport
    from summarizer.eval._compare import Comparison
    from summarizer.eval._judge import Agreement

ApiKeyOpt = Annotated[
    Optional[str], typer.Option("--api-key", help=f"API key. {env_hint('OPENAI_API_KEY')}")
]
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the metrics as one JSON object, not a table.")
]


def _value(choice: StrEnum | str | None) -> str | None:
    """The plain string of an enum flag (`--mode`, `--strategy`), for settings and records."""
    return choice.value if isinstance(choice, StrEnum) else choice


eval_app = typer.Typer(
    help="Score briefings against gold suites and gate regressions.", no_args_is_help=True
)

SuiteArg = Annotated[Path, typer.Argument(help="Folder of *.gold.json files (or one gold file).")]
RunDirArg = Annotated[Path, typer.Argument(help="A run folder written by `summarizer eval run`.")]
JudgeOpt = Annotated[
    Optional[str],
    typer.Option(
        "--judge",
        help="Also have this model label each summary sentence supported / contradicted / "
        "not in the article (the same endpoint settings as a summariser; calls logged).",
    ),
]
JudgeBaseUrlOpt = Annotated[
    Optional[str],
    typer.Option(
        "--judge-base-url",
        help=f"The judge's endpoint. {env_hint('OPENAI_BASE_URL')}",
        show_default=False,
    ),
]
ReplayOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--replay",
        help="Call no model: serve the answers a call log (calls.sqlite) recorded for the "
        "same requests, to re-run grounding, the anchored merge and scoring on a recorded run. "
        "A request the log lacks fails its case.",
    ),
]
BaselineOpt = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="A committed report.json, or a thresholds file (JSON/TOML). Exit 1 on regression.",
    ),
]


@eval_app.command("check")
def check(
    suite: SuiteArg,
    strict: Annotated[
        bool, typer.Option(help="Also require single-party tension parties to be actors.")
    ] = False,
) -> None:
    """Validate a gold suite: verbatim quotes and evidence, unique ids, well-formed fields."""
    from summarizer.eval import check_suite
    from summarizer.eval._gold import gold_files

    problems = check_suite(suite, strict=strict)
    for problem in problems:
        typer.echo(problem)
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {suite}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{len(gold_files(suite))} gold file(s) OK in {suite}")


@eval_app.command("run")
def run(
    suite: Annotated[Path, typer.Option("--suite", help="Folder of *.gold.json files.")],
    out: Annotated[Path, typer.Option("--out", help="Run folder to write outputs and reports to.")],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    strategy: StrategyOpt = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Cases summarised at once.")] = 4,
    baseline: BaselineOpt = None,
    no_grounding: Annotated[
        bool, typer.Option("--no-grounding", help="Switch grounding off, to measure it.")
    ] = False,
    judge: JudgeOpt = None,
    judge_base_url: JudgeBaseUrlOpt = None,
    replay: ReplayOpt = None,
    by_article: Annotated[
        bool,
        typer.Option(
            "--by-article",
            help="With --replay: when a request's messages differ from the recorded ones "
            "outside the article (anchored hints after a rules change), serve the answer "
            "recorded for the same article and ids (counted as approximate).",
        ),
    ] = False,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Summarise every case of a suite with a model, record the outputs, score and report."""
    from summarizer.infra._files import check_writable_dir

    check_writable_dir(out)  # before the first model call: paid outputs are never lost
    judged = _judge(judge, judge_base_url, api_key, _value(mode))
    with _replaying(replay, by_article) as endpoint:
        base_url, api_key = endpoint or (base_url, api_key)
        report = _run_suite(
            suite, out, concurrency, judged, quiet, replay, model=model, base_url=base_url,
            api_key=api_key, mode=_value(mode), strategy=_value(strategy),
            grounding=not no_grounding,
        )  # fmt: skip
    _print_report(report, out, as_json=as_json)
    _apply_gate(report, baseline)


@contextmanager
def _replaying(log: Path | None, by_article: bool) -> Iterator[tuple[str, str] | None]:
    """With a call log: a loopback server answering from it (base URL and key), else None."""
    if log is None:
        yield None
        return
    from summarizer.testing import FakeOpenAI, Replay

    answers = Replay.from_log(log, by_article=by_article)
    with FakeOpenAI(default=answers) as server:
        yield server.base_url, "replay"
    approximate = f", {answers.approximate} by article only" if by_article else ""
    typer.echo(
        f"replayed {answers.served} recorded answer(s) from {log}{approximate}; "
        f"{answers.missed} request(s) not in the log",
        err=True,
    )


def _run_suite(
    suite: Path,
    out: Path,
    concurrency: int,
    judge: Judge | None,
    quiet: bool,
    replay: Path | None,
    **given: Any,
) -> Report:
    from summarizer._summarizer import Summarizer
    from summarizer.eval import run_suite

    grounding = given.pop("grounding")
    mode, strategy = given["mode"], given["strategy"]
    kwargs: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if not grounding:
        kwargs["grounding"] = False
    status = LiveStatus("", enabled=False)  # keeps the last attempt; the bar draws it
    summarizer = Summarizer(on_call=status.hook, **kwargs)
    settings = {"base_url": given["base_url"], "mode": mode, "grounding": grounding}
    settings["strategy"] = strategy
    if replay is not None:  # the endpoint was a loopback replay of this log, not a model
        settings.update(base_url="replay", replay=str(replay))
    with _progress(quiet=quiet, status=status) as bar:
        task = bar.add_task("summarising", total=None, case="")

        def advance(done: int, total: int, case_id: str | None) -> None:
            bar.update(task, completed=done, total=total, case=case_id or "")

        report = run_suite(
            suite,
            summarizer,
            out,
            concurrency=concurrency,
            progress=advance,
            settings=settings,
            judge=judge,
        )
    return report


@eval_app.command("score")
def score(
    run_dir: RunDirArg,
    suite: Annotated[
        Path | None, typer.Option("--suite", help="Score against this suite, not the recorded one.")
    ] = None,
    baseline: BaselineOpt = None,
    judge: JudgeOpt = None,
    judge_base_url: JudgeBaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rescore a recorded run (no model calls, but the judge's with --judge) and rewrite
    its reports."""
    from summarizer.eval import score_run, write_reports

    judge_ = _judge(judge, judge_base_url, api_key, _value(mode))
    report = score_run(run_dir, suite, judge=judge_)
    write_reports(report, run_dir)
    _print_report(report, run_dir, as_json=as_json)
    _apply_gate(report, baseline)


@eval_app.command("judge")
def judge_agreement(
    gold: Annotated[
        Path, typer.Argument(help="Hand-labelled summary sentences (evals/judge/gold.jsonl).")
    ],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for the verdicts (judge/, reused on the next run) and agreement.json.",
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N summaries of the gold.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the agreement as one JSON object, not a table.")
    ] = False,
) -> None:
    """Measure how well a model judges faithfulness: its labels against a hand-labelled gold."""
    from rich.console import Console

    from summarizer.eval import agreement, load_judge_gold

    items = load_judge_gold(gold)[:limit]
    judge = _judge(model, base_url, api_key, _value(mode), cache_dir=out / "judge" if out else None)
    assert judge is not None
    articles = _articles(gold, [item.source for item in items])
    verdicts = [judge.judge(articles[item.source], item.summary) for item in items]
    result = agreement(items, verdicts)
    record = {"judge": judge.info, "gold": str(gold), "summaries": len(items)}
    record.update(result.as_dict())
    console = Console(highlight=False, stderr=as_json)  # --json: stdout holds only the JSON
    if as_json:
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
    else:
        console.print(_agreement_table(result, f"{judge!r} against {gold}"))
        for d in result.disagreements:
            console.print(
                f"{d['case']}: gold {d['gold']}, judge {d['judge']}: {d['sentence'][:100]}"
            )
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / "agreement.json").write_text(
            json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        console.print(f"Verdicts and agreement: {out}")


def _agreement_table(result: Agreement, title: str) -> Table:
    from rich.table import Table

    from summarizer.eval._report import fmt

    table = Table(title=title)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("sentences", str(result.sentences))
    table.add_row("agreement (3 labels)", fmt(result.accuracy))
    table.add_row("Cohen's kappa", fmt(result.kappa))
    table.add_row("false sentences caught", f"{result.false_caught}/{result.false_total}")
    table.add_row("supported sentences flagged", f"{result.true_flagged}/{result.true_total}")
    return table


def _articles(gold: Path, sources: list[str]) -> dict[str, str]:
    """Each gold summary's article text: the suite case named by its recorded run."""
    from summarizer.eval._gold import load_suite

    root = gold.resolve().parent.parent.parent  # evals/judge/gold.jsonl -> the repository
    found: dict[str, str] = {}
    suites: dict[Path, dict[str, str]] = {}
    for source in sources:
        output = root / source
        run = json.loads((output.parent.parent / "run.json").read_text(encoding="utf-8"))
        suite = Path(run["suite"])
        if not suite.is_absolute():
            suite = root / suite
        if not suite.is_dir():
            suite = root / "evals" / "suites" / suite.name
        if suite not in suites:
            suites[suite] = {c.id: c.article_text for c in load_suite(suite)}
        found[source] = suites[suite][output.stem]
    return found


def _judge(
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    mode: str | None,
    cache_dir: Path | None = None,
) -> Judge | None:
    """A judge with the default call log, or ``None`` without a model."""
    if model is None:
        return None
    from summarizer.eval import Judge
    from summarizer.infra._calllog import CallLog

    return Judge(
        model, base_url=base_url, api_key=api_key, mode=mode, on_call=CallLog(), cache_dir=cache_dir
    )


@eval_app.command("compare")
def compare_runs(
    a: Annotated[Path, typer.Argument(help="Run A: a run folder or its report.json.")],
    b: Annotated[Path, typer.Argument(help="Run B: a run folder or its report.json.")],
    html: Annotated[
        Optional[Path],
        typer.Option(
            "--html",
            help="Also write the comparison as one self-contained HTML page to this file.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the deltas and changed cases as JSON.")
    ] = False,
) -> None:
    """Show two runs side by side: metric deltas (B - A), whether each is beyond the noise
    (a paired bootstrap 95 % interval over the cases that excludes zero), and the cases
    that changed."""
    from rich.console import Console

    from summarizer.eval import Report, compare
    from summarizer.infra._files import write_text_atomic
    from summarizer.render._eval_page import render_compare_page

    report_a, report_b = Report.load(a), Report.load(b)
    comparison = compare(report_a, report_b)
    console = Console(highlight=False, stderr=as_json)  # --json: stdout holds only the JSON
    if html is not None:
        page = render_compare_page(
            comparison,
            report_a,
            report_b,
            a if a.is_dir() else a.parent,
            b if b.is_dir() else b.parent,
            label_a=f"A: {a}",
            label_b=f"B: {b}",
        )
        write_text_atomic(html, page + "\n")
    if as_json:
        typer.echo(json.dumps(_comparison_json(comparison, a, b), indent=2))
        if html is not None:
            console.print(f"Page: {html}")
        return
    console.print(_comparison_table(comparison, a, b))
    if comparison.changed_cases:
        console.print(_changed_cases_table(comparison))
    else:
        console.print("No case changed on quality metrics.")
    for label, ids in (("only in A", comparison.only_in_a), ("only in B", comparison.only_in_b)):
        if ids:
            console.print(f"{label}: {', '.join(ids)}")
    if html is not None:
        console.print(f"Page: {html}")


@eval_app.command("bench")
def bench(
    name: Annotated[
        str,
        typer.Argument(help="polnear (quotes), basil (main entities) or writer (summary ROUGE)."),
    ],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    api_key: ApiKeyOpt = None,
    mode: ModeOpt = None,
    strategy: StrategyOpt = None,
    split: Annotated[
        str,
        typer.Option(
            help="PolNeAR split: dev or train (its 200-article sample; tune on these) or test (report)."
        ),
    ] = "test",
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N articles.")] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Folder holding polnear/, basil/, llm_news_summ_writer_summaries/. "
            "(env: SUMMARIZER_DATA_DIR; default: ../shared/data/external beside the repo)",
        ),
    ] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Articles summarised at once.")] = 4,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for outputs/<id>.json, report.json and report.md."),
    ] = None,
    peer: Annotated[
        bool, typer.Option("--peer/--no-peer", help="PolNeAR: also run textacy if installed.")
    ] = True,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the report as JSON, not a Markdown table.")
    ] = False,
) -> None:
    """Score a model on an external benchmark, beside baselines and peers run the same way."""
    from summarizer._summarizer import Summarizer
    from summarizer.eval._bench import run_bench
    from summarizer.infra._files import check_writable_dir

    if out is not None:
        check_writable_dir(out)  # before the first model call

    given = {
        "model": model, "base_url": base_url, "api_key": api_key, "mode": _value(mode),
        "strategy": _value(strategy),
    }  # fmt: skip
    kwargs: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    summarizer = Summarizer(**kwargs)
    settings = {"base_url": base_url, "mode": _value(mode), "split": split, "limit": limit}
    with _progress() as bar:
        task = bar.add_task(f"bench {name}", total=None, case="")

        def advance(done: int, total: int, case_id: str | None) -> None:
            bar.update(task, completed=done, total=total, case=case_id or "")

        report = run_bench(
            name,
            summarizer,
            data_dir=data_dir,
            split=split,
            limit=limit,
            concurrency=concurrency,
            out_dir=out,
            progress=advance,
            settings=settings,
            with_peer=peer,
        )
    if as_json:
        typer.echo(report.model_dump_json(indent=2))
        return
    _print_bench(report, out)


# --- output -----------------------------------------------------------------------------


def _progress(*, quiet: bool = False, status: LiveStatus | None = None) -> Progress:
    """A progress bar on stderr, only when it is a terminal and not ``--quiet``."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class _StatusColumn(ProgressColumn):
        """The last model attempt and the tokens so far, from a `LiveStatus`'s hook."""

        def __init__(self, status: LiveStatus) -> None:
            super().__init__()
            self.status = status

        def render(self, task: Task) -> Text:
            return Text(self.status.line().split(" · ", 1)[-1], style="dim")

    console = Console(stderr=True)
    columns: list[ProgressColumn | str] = [
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[case]}"),
    ]
    if status is not None:
        columns.append(_StatusColumn(status))
    return Progress(
        *columns,
        console=console,
        transient=True,
        disable=quiet or not console.is_terminal,
    )


def _print_report(report: Report, run_dir: Path, *, as_json: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    from summarizer.eval._report import CASE_COLUMNS, fmt

    if as_json:
        metrics = {f"{s}.{n}": report.metric(f"{s}.{n}") for s, n in CASE_COLUMNS}
        figures = {
            "run_dir": str(run_dir),
            "cases": report.run.get("cases", len(report.cases)),
            "metrics": metrics,
            "errors": report.errors,
        }
        typer.echo(json.dumps(figures, indent=2))
        return
    table = Table(title=f"{report.run.get('cases', len(report.cases))} case(s)")
    table.add_column("metric")
    table.add_column("mean", justify="right")
    for section, name in CASE_COLUMNS:
        metric = f"{section}.{name}"
        table.add_row(metric, fmt(report.metric(metric), metric))
    console = Console(highlight=False)
    console.print(table)
    for case_id, message in report.errors.items():
        console.print(f"[red]error[/red] {case_id}: {message.splitlines()[0]}", markup=True)
    console.print(f"Reports: {run_dir / 'report.html'} (and report.json, report.md)")


def _apply_gate(report: Report, baseline: Path | None) -> None:
    if baseline is None:
        return
    from summarizer.eval import gate

    failures = gate(report, baseline)
    if not failures:
        typer.echo(f"Gate passed against {baseline}.")
        return
    typer.echo(f"Gate failed against {baseline}: {len(failures)} metric(s) regressed", err=True)
    for failure in failures:
        typer.echo(f"  {failure}", err=True)
    raise typer.Exit(1)


def _comparison_json(comparison: Comparison, a: Path, b: Path) -> dict[str, Any]:
    return {
        "a": str(a),
        "b": str(b),
        "metrics": [
            {
                "metric": m.metric,
                "a": m.a,
                "b": m.b,
                "delta": m.delta,
                "interval": list(m.interval) if m.interval else None,
                "beyond_noise": m.beyond_noise,
            }
            for m in comparison.metrics
        ],
        "changed_cases": {
            case_id: [{"metric": d.metric, "a": d.a, "b": d.b} for d in deltas]
            for case_id, deltas in comparison.changed_cases.items()
        },
        "only_in_a": list(comparison.only_in_a),
        "only_in_b": list(comparison.only_in_b),
    }


def _comparison_table(comparison: Comparison, a: Path, b: Path) -> Table:
    from rich.table import Table

    from summarizer.eval._report import fmt, fmt_delta

    table = Table(title="Aggregate (B - A); 95 % interval of the paired per-case difference")
    for column in ("metric", f"A: {a}", f"B: {b}", "delta", "95 % interval", "beyond noise"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for m in comparison.metrics:
        interval = (
            f"{fmt_delta(m.interval[0], m.metric)} … {fmt_delta(m.interval[1], m.metric)}"
            if m.interval
            else ""
        )
        noise = "" if m.beyond_noise is None else ("yes" if m.beyond_noise else "no")
        table.add_row(
            m.metric,
            fmt(m.a, m.metric),
            fmt(m.b, m.metric),
            fmt_delta(m.delta, m.metric),
            interval,
            noise,
        )
    return table


def _changed_cases_table(comparison: Comparison) -> Table:
    from rich.table import Table

    from summarizer.eval._report import fmt

    table = Table(title=f"{len(comparison.changed_cases)} changed case(s)")
    table.add_column("case")
    table.add_column("A -> B")
    for case_id, deltas in comparison.changed_cases.items():
        moves = "; ".join(
            f"{d.metric} {fmt(d.a, d.metric)} -> {fmt(d.b, d.metric)}" for d in deltas
        )
        table.add_row(case_id, moves)
    return table


def _print_bench(report: BenchReport, out: Path | None) -> None:
    typer.echo(report.to_markdown())
    if out is not None:
        typer.echo(f"Report: {out / 'report.md'} (and report.json, outputs/)")
