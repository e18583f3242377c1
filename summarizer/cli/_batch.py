"""`summarizer batch`: many articles into one resumable JSONL file, with progress and a bill."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable
from pathlib import Path
from typing import Annotated, Any

import openai
import typer
from rich.console import Console
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
from rich.table import Table
from rich.text import Text

from summarizer._batch import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_CONSECUTIVE_FAILURES,
    BatchReport,
    Result,
    check_output_path,
    output_lock,
    run_batch,
)
from summarizer._errors import ConfigurationError, InputError
from summarizer._summarizer import Summarizer
from summarizer.backends._openai_batch import DEFAULT_POLL_INTERVAL
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
from summarizer.cli._openai_batch import VIAS, print_status, run_openai_batch
from summarizer.cli._root import app
from summarizer.infra._costs import UsageMeter, format_cost, prices_source
from summarizer.infra._files import check_writable
from summarizer.infra._ratelimit import RateLimiter
from summarizer.infra._settings import load_settings
from summarizer.input._read import check_unique_ids, count_records, iter_records

OUTAGE_EXIT = 75  # EX_TEMPFAIL: the run stopped on an outage; rerunning resumes it
REFUSED_EXIT = ConfigurationError.exit_code  # 401/403: the key, a setting, was refused


class _RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "–/s", style="progress.data.speed")


def _progress(console: Console) -> Progress:
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
) -> tuple[Summarizer, openai.AsyncOpenAI | None]:
    """One shared async client for the whole run (building one per article costs ~0.1 s)."""
    settings = load_settings(**flags.settings())
    if settings.offline:
        return build_summarizer(flags, meter), None
    settings.check_llm()
    from summarizer.backends._openai import shared_async_client  # the SDK: only when used

    client = shared_async_client(settings)
    flags = dataclasses.replace(flags, model=settings.resolved_model)
    return build_summarizer(flags, meter, client=client), client


async def _closing(client: openai.AsyncOpenAI | None, run: Awaitable[BatchReport]) -> BatchReport:
    try:
        return await run
    finally:
        if client is not None:
            await client.close()


@app.command()
def batch(
    source: Annotated[
        Path,
        typer.Argument(
            help='A directory of article files, or a JSONL file of {"id", "text"} (or "html") records; or "status" followed by a Batch API batch id.',
            show_default=False,
        ),
    ],
    batch_id: Annotated[
        str | None,
        typer.Argument(help="With `status`: the batch id to report on.", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="JSONL file of results; rerunning the same command resumes it."
        ),
    ] = None,
    via: Annotated[
        str,
        typer.Option(
            "--via",
            help="sync: call the endpoint per article; openai-batch: the OpenAI Batch API (results re-validated, failures repaired synchronously).",
        ),
    ] = "sync",
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
) -> None:
    """Summarise many articles into a JSONL file: resumable, one line per article.

    Exit code 0 when every record is ok, 1 when any failed (see the "error" of its line),
    75 when an outage (provider failures in a row) stopped it: rerun the same command.
    """
    flags = ModelFlags(
        model, base_url, mode, max_reasks, temperature, max_output_tokens, timeout, strict,
        cache=not no_cache, log=not no_log, strategy=strategy,
    )  # fmt: skip
    if str(source) == "status" and batch_id is not None:
        print_status(flags, batch_id)
        return
    if str(source) == "status" and not source.exists():
        raise typer.BadParameter("status needs the batch id: summarizer batch status BATCH_ID")
    if output is None or batch_id is not None or via not in VIAS:
        raise typer.BadParameter(
            "give SOURCE and --output (or: status BATCH_ID); --via is sync or openai-batch"
        )
    if workers > 1 and via != "sync":
        raise typer.BadParameter("--workers applies to --via sync only")
    # Fail before spending: every check that can fail is made before the first model call.
    if not source.exists():
        raise InputError(f"{source}: no such file or directory")
    check_unique_ids(source)
    check_output_path(source, output)
    check_writable(output)
    with output_lock(output):
        _batch_run(flags, source, output, via, concurrency, rpm, tpm, workers, {
            "retry_failed": retry_failed, "max_consecutive_failures": max_consecutive_failures,
            "poll_interval": poll_interval, "wait": not no_wait,
        })  # fmt: skip


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
    meter = UsageMeter()
    summarizer, client = _summarizer(flags, meter)
    # One limiter for every HTTP attempt of the run (retries, re-asks, chunks); a 429 slows it.
    summarizer.limiter = RateLimiter(concurrency, rpm=rpm, tpm=tpm)
    options = {
        "concurrency": concurrency,
        "retry_failed": given["retry_failed"],
        "max_consecutive_failures": given["max_consecutive_failures"],
    }
    if workers > 1:
        options["workers"] = workers
    if via == "openai-batch":
        found = run_openai_batch(
            summarizer, flags, source, output, options,
            poll_interval=given["poll_interval"], wait=given["wait"],
            closing=lambda run: _closing(client, run),
        )  # fmt: skip
        if found is None:
            return
        report = found
    else:
        report = _run_with_progress(summarizer, client, source, output, options)
    Console(highlight=False).print(_report_table(report, meter, summarizer))
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
    total = count_records(source)
    console = Console(stderr=True)
    with _progress(console) as bar:
        task = bar.add_task("summarising", total=total, failed=0)
        seen = {"skipped": 0, "failed": 0}

        def on_skip(_: str) -> None:
            seen["skipped"] += 1
            bar.update(task, total=total - seen["skipped"])

        def on_result(result: Result) -> None:
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


def _report_table(report: BatchReport, meter: UsageMeter, summarizer: Summarizer) -> Table:
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
