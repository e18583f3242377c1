"""`summarizer batch`: many articles into one resumable JSONL file, with progress and a bill.

`batch SOURCE -o OUT` is short for `batch run SOURCE -o OUT`; `batch status ID`, `batch
requests` and `batch ingest` are the Batch API / vLLM `run_batch` side.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from summarizer._errors import ConfigurationError
from summarizer.cli import _terminal
from summarizer.cli._brief import (
    BaseUrlOpt,
    MaxOutputOpt,
    MaxReasksOpt,
    ModelFlags,
    ModelOpt,
    ModeOpt,
    NoCacheOpt,
    NoLogOpt,
    StrategyOpt,
    StrictOpt,
    TemperatureOpt,
    TimeoutOpt,
    build_summarizer,
)

if TYPE_CHECKING:
    from collections.abc import Awaitable

    import openai
    from rich.console import Console
    from rich.progress import Progress

    from summarizer._batch import BatchReport
    from summarizer._summarizer import Summarizer
    from summarizer.infra._calllog import CallLog
    from summarizer.infra._costs import UsageMeter

# Kept equal to summarizer._batch's and the Batch API module's defaults by a test: importing
# them here would import the engine (and the openai SDK) for `--help`.
DEFAULT_CONCURRENCY = 8
DEFAULT_MAX_CONSECUTIVE_FAILURES = 10
DEFAULT_POLL_INTERVAL = 30.0


class Via(StrEnum):
    """How `batch run` reaches the model."""

    sync = "sync"
    openai_batch = "openai-batch"


class _DefaultRun(TyperGroup):
    """A group whose first argument, when it names no subcommand, is `run`'s SOURCE."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


batch_app = typer.Typer(
    cls=_DefaultRun,
    no_args_is_help=True,
    help="Summarise many articles into a JSONL file (`batch SOURCE -o OUT` runs `batch run`); "
    "Batch API status, and vLLM run_batch requests and results.",
)
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print the summary as one JSON object, not a table.")
]

OUTAGE_EXIT = 75  # EX_TEMPFAIL: the run stopped on an outage; rerunning resumes it
REFUSED_EXIT = ConfigurationError.exit_code  # 401/403: the key, a setting, was refused


def _progress(console: Console) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class _RateColumn(ProgressColumn):
        """Articles per second."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f}/s" if speed else "–/s", style="progress.data.speed")

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TimeElapsedColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        console=console,
        disable=not console.is_terminal,
    )


def _summarizer(
    flags: ModelFlags, meter: UsageMeter
) -> tuple[Summarizer, openai.AsyncOpenAI | None, CallLog | None]:
    """The run's summariser, its one shared async client (building one per article costs
    ~0.1 s) and its call log (kept, so that `_close` can close it)."""
    import dataclasses

    from summarizer.infra._settings import load_settings

    settings = load_settings(**flags.settings())
    if settings.offline:
        return build_summarizer(flags, meter), None, None
    settings.check_llm()
    from summarizer.backends._openai import shared_async_client  # the SDK: only when used
    from summarizer.infra._calllog import CallLog

    client = shared_async_client(settings)
    log = CallLog() if flags.log else None
    flags = dataclasses.replace(flags, model=settings.resolved_model, log=False)
    hooks = [hook for hook in (log, meter) if hook is not None]
    return build_summarizer(flags, *hooks, client=client), client, log


def _close(summarizer: Summarizer, log: CallLog | None) -> None:
    """Close the run's call log and cache: their SQLite files are complete and checkpointed
    before the process ends (the console script may then skip the interpreter's teardown)."""
    if log is not None:
        log.close()
    if summarizer.cache is not None:
        summarizer.cache.close()


async def _closing(client: openai.AsyncOpenAI | None, run: Awaitable[BatchReport]) -> BatchReport:
    try:
        return await run
    finally:
        if client is not None:
            await client.close()


SourceArg = Annotated[
    Path,
    typer.Argument(
        help='A directory of article files, or a JSONL file of {"id", "text"} (or "html") records.',
        show_default=False,
    ),
]
OutputOpt = Annotated[
    Path,
    typer.Option(
        "--output", "-o", help="JSONL file of results; rerunning the same command resumes it."
    ),
]


@batch_app.command("run")
def batch(
    source: SourceArg,
    output: OutputOpt,
    via: Annotated[
        Via,
        typer.Option(
            "--via",
            help="sync: call the endpoint per article; openai-batch: the OpenAI Batch API (results re-validated, failures repaired synchronously).",
        ),
    ] = Via.sync,
    poll_interval: Annotated[
        float,
        typer.Option("--poll-interval", min=0, help="Seconds between Batch API status polls."),
    ] = DEFAULT_POLL_INTERVAL,
    no_wait: Annotated[
        bool,
        typer.Option(
            "--no-wait", help="With --via openai-batch: submit, print the batch id, exit."
        ),
    ] = False,
    concurrency: Annotated[
        int,
        typer.Option(
            "--concurrency",
            "-j",
            min=1,
            help="Requests in flight at once (retries, re-asks and chunks included); twice as many articles are in progress.",
        ),
    ] = DEFAULT_CONCURRENCY,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Run the records that failed before again.")
    ] = False,
    max_consecutive_failures: Annotated[
        int,
        typer.Option(
            "--max-consecutive-failures",
            min=0,
            help="Stop (resumably, exit code 75) after this many provider failures in a row; 0 never stops.",
        ),
    ] = DEFAULT_MAX_CONSECUTIVE_FAILURES,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Processes to summarise in: one event loop tops out near 100 articles/s of client CPU; the limits are split between them.",
        ),
    ] = 1,
    rpm: Annotated[
        float | None,
        typer.Option("--rpm", min=1, help="Requests per minute the endpoint allows."),
    ] = None,
    tpm: Annotated[
        float | None,
        typer.Option("--tpm", min=1, help="Tokens per minute the endpoint allows (estimated)."),
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    strategy: StrategyOpt = None,
    max_reasks: MaxReasksOpt = None,
    temperature: TemperatureOpt = None,
    max_output_tokens: MaxOutputOpt = None,
    timeout: TimeoutOpt = None,
    strict: StrictOpt = None,
    no_cache: NoCacheOpt = False,
    no_log: NoLogOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Summarise many articles into a JSONL file: resumable, one line per article.

    Exit code 0 when every record is ok, 1 when any failed (see the "error" of its line),
    75 when an outage (provider failures in a row) stopped it: rerun the same command.
    """
    flags = ModelFlags(
        model, base_url, mode, max_reasks, temperature, max_output_tokens, timeout, strict,
        cache=not no_cache, log=not no_log, strategy=strategy,
    )  # fmt: skip
    if workers > 1 and via is not Via.sync:
        raise typer.BadParameter("--workers applies to --via sync only", param_hint="--workers")
    from summarizer._batch import output_lock

    _check_before_spending(source, output)
    with output_lock(output):
        _batch_run(flags, source, output, via, concurrency, rpm, tpm, workers, {
            "retry_failed": retry_failed, "max_consecutive_failures": max_consecutive_failures,
            "poll_interval": poll_interval, "wait": not no_wait, "json": as_json,
        })  # fmt: skip


def _check_before_spending(source: Path, output: Path) -> None:
    """Every check that can fail, made before the first model call."""
    from summarizer._batch import check_output_path
    from summarizer._errors import InputError
    from summarizer.infra._files import check_writable
    from summarizer.input._read import check_unique_ids

    if not source.exists():
        raise InputError(f"{source}: no such file or directory")
    check_unique_ids(source)
    check_output_path(source, output)
    check_writable(output)


def _batch_run(
    flags: ModelFlags,
    source: Path,
    output: Path,
    via: str,
    concurrency: int,
    rpm: float | None,
    tpm: float | None,
    workers: int,
    given: dict[str, Any],
) -> None:
    from summarizer.infra._costs import UsageMeter

    meter = UsageMeter()
    summarizer, client, log = _summarizer(flags, meter)
    try:
        report = _run(summarizer, client, flags, source, output, via, concurrency, {
            "rpm": rpm, "tpm": tpm, "workers": workers, **given,
        })  # fmt: skip
    finally:
        _close(summarizer, log)
    if report is None:
        return
    print_report(report, meter, summarizer, as_json=given["json"])
    _terminal.settled()  # output, call log, cache, workers and network thread are closed
    exit_for(report)


def _run(
    summarizer: Summarizer,
    client: openai.AsyncOpenAI | None,
    flags: ModelFlags,
    source: Path,
    output: Path,
    via: str,
    concurrency: int,
    given: dict[str, Any],
) -> BatchReport | None:
    """The run itself, by the chosen route; ``None`` when a Batch API job was only submitted."""
    from summarizer.infra._ratelimit import RateLimiter

    rpm, tpm, workers = given["rpm"], given["tpm"], given["workers"]
    # One limiter for every HTTP attempt of the run (retries, re-asks, chunks); a 429 slows it.
    summarizer.limiter = RateLimiter(concurrency, rpm=rpm, tpm=tpm)
    options = {
        "concurrency": concurrency,
        "retry_failed": given["retry_failed"],
        "max_consecutive_failures": given["max_consecutive_failures"],
    }
    if workers > 1:
        options["workers"] = workers
    if via is Via.openai_batch:
        from summarizer.cli._openai_batch import run_openai_batch

        return run_openai_batch(
            summarizer, flags, source, output, options,
            poll_interval=given["poll_interval"], wait=given["wait"],
            closing=lambda run: _closing(client, run),
        )  # fmt: skip
    return _run_with_progress(summarizer, client, source, output, options)


def exit_for(report: BatchReport) -> None:
    """Exit 0 when every record is ok, 1 when any failed, 3 on a refused key, 75 on an outage."""
    if report.stopped is not None and report.stopped.provider == "refused":
        typer.echo(_refused_message(report), err=True)
        raise typer.Exit(REFUSED_EXIT)
    if report.stopped is not None:
        typer.echo(_stopped_message(report), err=True)
        raise typer.Exit(OUTAGE_EXIT)
    if report.any_failed:
        raise typer.Exit(1)


def _refused_message(report: BatchReport) -> str:
    last = report.stopped
    assert last is not None
    return (
        f"summarizer: batch stopped: the key was refused ({last.error}). Nothing more was "
        f"sent; finished results are in {report.output}; check OPENAI_API_KEY and rerun the same "
        "command to resume"
    )


def _stopped_message(report: BatchReport) -> str:
    last = report.stopped
    assert last is not None
    return (
        f"summarizer: batch stopped: the model endpoint looks down ({report.not_written} "
        f"provider failures in a row, not written; last: {last.error_type}: {last.error}). "
        f"Finished results are in {report.output}; rerun the same command to resume"
    )


def _run_with_progress(
    summarizer: Summarizer,
    client: openai.AsyncOpenAI | None,
    source: Path,
    output: Path,
    options: dict[str, Any],
) -> BatchReport:
    """Run the batch under a progress bar on stderr (shown only on a terminal)."""
    import asyncio

    from rich.console import Console

    from summarizer._batch import run_batch
    from summarizer.cli._brief import offline_notice
    from summarizer.input._read import count_records, iter_records

    total = count_records(source)
    offline_notice(summarizer)
    console = Console(stderr=True)
    with _progress(console) as bar:
        task = bar.add_task("summarising", total=total, failed=0)
        seen = {"skipped": 0, "failed": 0}

        def on_skip(_: str) -> None:
            seen["skipped"] += 1
            bar.update(task, total=total - seen["skipped"])

        def on_result(result: Any) -> None:
            seen["failed"] += not result.ok
            bar.update(task, advance=1, failed=seen["failed"])

        run = run_batch(
            summarizer,
            iter_records(source),
            output,
            on_result=on_result,
            on_skip=on_skip,
            **options,
        )
        try:
            return asyncio.run(_closing(client, run))
        except KeyboardInterrupt:
            console.print(f"interrupted: finished results are in {output}; rerun to resume")
            raise typer.Exit(130) from None


def report_figures(
    report: BatchReport, meter: UsageMeter, summarizer: Summarizer
) -> dict[str, Any]:
    """What the summary table shows, as JSON-ready figures (`--json`)."""
    from summarizer.infra._costs import prices_source

    usage = meter.usage
    handled = report.ok + sum(report.failed.values())
    return {
        "output": str(report.output),
        "ok": report.ok,
        "failed": dict(report.failed.most_common()),
        "failed_before": report.failed_before,
        "skipped": report.skipped,
        "stopped": report.stopped is not None,
        "cache_hits": summarizer.cache.hits if summarizer.cache is not None else None,
        "calls": usage.calls,
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "cost_usd": meter.cost,
        "prices": prices_source(),
        "wall_s": round(report.wall_s, 3),
        "articles_per_s": round(handled / report.wall_s, 3) if report.wall_s else 0.0,
    }


def print_report(
    report: BatchReport, meter: UsageMeter, summarizer: Summarizer, *, as_json: bool
) -> None:
    """The summary on stdout: a table, or one JSON object."""
    if as_json:
        typer.echo(json.dumps(report_figures(report, meter, summarizer), indent=2))
        return
    from rich.console import Console

    Console(highlight=False).print(_report_table(report, meter, summarizer))


def _report_table(report: BatchReport, meter: UsageMeter, summarizer: Summarizer) -> Any:
    from rich.table import Table

    from summarizer.infra._costs import format_cost, prices_source

    table = Table(title=f"batch → {report.output}", show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("done (ok)", f"{report.ok:,}")
    for error, count in report.failed.most_common():
        table.add_row(f"[red]failed: {error}[/red]", f"{count:,}")
    if report.failed_before:
        table.add_row("failed earlier (--retry-failed reruns them)", f"{report.failed_before:,}")
    table.add_row("skipped (already in the output)", f"{report.skipped:,}")
    if report.stopped is not None:
        table.add_row("[red]stopped: provider outage (rerun resumes)[/red]", "")
    if summarizer.cache is not None:
        table.add_row("cache hits", f"{summarizer.cache.hits:,}")
    usage = meter.usage
    table.add_row("model calls (retries and re-asks included)", f"{usage.calls:,}")
    table.add_row(
        "tokens (prompt / completion)", f"{usage.prompt_tokens:,} / {usage.completion_tokens:,}"
    )
    cost = format_cost(meter.cost)
    table.add_row(f"estimated cost (prices: {prices_source()})", cost)
    rate = (report.ok + sum(report.failed.values())) / report.wall_s if report.wall_s else 0.0
    table.add_row("wall time", f"{report.wall_s:.1f} s ({rate:.1f} articles/s)")
    return table


@batch_app.command("status")
def status(
    batch_id: Annotated[str, typer.Argument(help="The Batch API batch id.", show_default=False)],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    timeout: TimeoutOpt = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the status as one JSON object.")
    ] = False,
) -> None:
    """Show a Batch API batch's status and request counts."""
    from summarizer.cli._openai_batch import print_status

    print_status(ModelFlags(model, base_url, timeout=timeout), batch_id, as_json=as_json)


@batch_app.command("requests")
def requests(
    source: SourceArg,
    output: OutputOpt,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Include the records that failed before.")
    ] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    strategy: StrategyOpt = None,
    max_reasks: MaxReasksOpt = None,
    temperature: TemperatureOpt = None,
    max_output_tokens: MaxOutputOpt = None,
) -> None:
    """Write OUT.jsonl.requests.jsonl for vLLM's run_batch (nothing is sent); read its results
    back with `summarizer batch ingest`."""
    from summarizer.cli._openai_batch import write_requests

    flags = ModelFlags(
        model, base_url, mode, max_reasks, temperature, max_output_tokens,
        cache=False, log=False, strategy=strategy,
    )  # fmt: skip
    summarizer = build_summarizer(flags)
    if summarizer.offline:
        raise typer.BadParameter(
            "request lines are for a model: set SUMMARIZER_MODEL (or --model) to the model "
            "the server will run",
            param_hint="--model",
        )
    write_requests(summarizer, source, output, retry_failed)


@batch_app.command("ingest")
def ingest(
    results: Annotated[
        Path,
        typer.Argument(
            help="Results in the Batch API's output format (vLLM run_batch's -o file).",
            show_default=False,
        ),
    ],
    source: SourceArg,
    output: OutputOpt,
    concurrency: Annotated[
        int,
        typer.Option("--concurrency", "-j", min=1, help="Requests in flight for repairs."),
    ] = DEFAULT_CONCURRENCY,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    strategy: StrategyOpt = None,
    max_reasks: MaxReasksOpt = None,
    temperature: TemperatureOpt = None,
    max_output_tokens: MaxOutputOpt = None,
    timeout: TimeoutOpt = None,
    strict: StrictOpt = None,
    no_cache: NoCacheOpt = False,
    no_log: NoLogOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Read run_batch / Batch API results back into OUT.jsonl: each re-validated (schema and
    grounding); one that fails goes through the synchronous path, re-asks included."""
    from summarizer.cli._openai_batch import ingest_results
    from summarizer.infra._costs import UsageMeter

    flags = ModelFlags(
        model, base_url, mode, max_reasks, temperature, max_output_tokens, timeout, strict,
        cache=not no_cache, log=not no_log, strategy=strategy,
    )  # fmt: skip
    meter = UsageMeter()
    summarizer, client, log = _summarizer(flags, meter)
    options = {
        "concurrency": concurrency,
        "max_consecutive_failures": DEFAULT_MAX_CONSECUTIVE_FAILURES,
    }
    from summarizer._batch import output_lock

    _check_before_spending(source, output)
    try:
        with output_lock(output):
            report = ingest_results(
                summarizer, results, source, output, options, lambda run: _closing(client, run)
            )
    finally:
        _close(summarizer, log)
    print_report(report, meter, summarizer, as_json=as_json)
    exit_for(report)
