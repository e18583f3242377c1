"""`summarizer batch --via openai-batch`, `batch status ID`, `batch requests` and `batch
ingest`: the Batch API and vLLM's run_batch. Imported only when one of them runs."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any

import openai
import typer

from summarizer._batch import BatchReport
from summarizer._errors import ConfigurationError, InputError
from summarizer._summarizer import Summarizer
from summarizer.backends import _openai_batch
from summarizer.backends._openai import translate_error
from summarizer.cli._brief import ModelFlags
from summarizer.infra._settings import load_settings
from summarizer.input._read import iter_records


def batch_client(flags: ModelFlags) -> openai.OpenAI:
    """A client for the Files and Batches endpoints (its own transport retries: no re-asks here)."""
    settings = load_settings(**flags.settings())
    if settings.offline:
        raise ConfigurationError(
            "--via openai-batch needs a model endpoint: set OPENAI_API_KEY (and "
            "SUMMARIZER_MODEL, or OPENAI_BASE_URL for a compatible server)"
        )
    settings.check_llm()
    key = settings.api_key.get_secret_value() if settings.api_key else "not-needed"
    return openai.OpenAI(api_key=key, base_url=settings.base_url, timeout=settings.timeout)


def _on_status(batch: Any) -> None:
    counts = batch.request_counts
    done = f" {counts.completed}/{counts.total} done, {counts.failed} failed" if counts else ""
    typer.echo(f"batch {batch.id}: {batch.status}{done}", err=True)


def run_openai_batch(
    summarizer: Summarizer,
    flags: ModelFlags,
    source: Path,
    output: Path,
    options: dict[str, Any],
    *,
    poll_interval: float,
    wait: bool,
    closing: Callable[[Awaitable[BatchReport]], Coroutine[Any, Any, BatchReport]],
) -> BatchReport | None:
    """Submit (or resume) the batch, wait for it, and write OUT.jsonl; ``None``: nothing to write
    yet (``--no-wait``) or nothing to do."""
    client = batch_client(flags)
    try:
        state = _openai_batch.submit(
            summarizer, client, iter_records(source), output, retry_failed=options["retry_failed"]
        )
        if state is None:
            typer.echo(f"nothing to do: every record is already in {output}", err=True)
            return None
        if state.status == _openai_batch.WRITTEN:
            raise InputError(
                f"{output}'s requests were written for vLLM run_batch (`summarizer batch "
                f"requests`): read its results with `summarizer batch ingest`, or delete "
                f"{_openai_batch.sidecar_path(output)} to submit to the Batch API"
            )
        if state.batch_id:
            typer.echo(f"batch {state.batch_id} ({len(state.ids)} requests)", err=True)
            if not wait:
                typer.echo(state.batch_id)
                return None
        results = _results(client, state, output, poll_interval)
    except openai.APIError as err:
        raise translate_error(err, 1, client.api_key) from err
    finally:
        client.close()
    return _ingest(summarizer, state, results, source, output, options, closing, "the batch")


def _ingest(
    summarizer: Summarizer,
    state: _openai_batch.BatchState,
    results: dict[str, dict[str, Any]],
    source: Path,
    output: Path,
    options: dict[str, Any],
    closing: Callable[[Awaitable[BatchReport]], Coroutine[Any, Any, BatchReport]],
    origin: str,
) -> BatchReport:
    """Write a line per record from the results (``origin`` names them for the count line)."""
    stats = _openai_batch.IngestStats()
    run = _openai_batch.ingest(
        summarizer,
        state,
        results,
        iter_records(source),
        output,
        concurrency=options["concurrency"],
        max_consecutive_failures=options["max_consecutive_failures"],
        stats=stats,
    )
    report = asyncio.run(closing(run))
    typer.echo(
        f"from {origin}: {stats.from_batch}; repaired on the synchronous path: {stats.repaired}",
        err=True,
    )
    return report


def _results(
    client: openai.OpenAI, state: _openai_batch.BatchState, output: Path, poll_interval: float
) -> dict[str, dict[str, Any]]:
    if not state.batch_id:
        return {}
    batch = _openai_batch.wait(
        client, state.batch_id, poll_interval=poll_interval, on_status=_on_status
    )
    _openai_batch.check_finished(batch, output)
    return _openai_batch.download(client, batch)


def write_requests(summarizer: Summarizer, source: Path, output: Path, retry_failed: bool) -> None:
    """Write OUT.jsonl.requests.jsonl (for vLLM run_batch) and its sidecar; upload nothing."""
    state = _openai_batch.submit(
        summarizer, None, iter_records(source), output, retry_failed=retry_failed
    )
    if state is None:
        typer.echo(f"nothing to do: every record is already in {output}", err=True)
        return
    path = _openai_batch.requests_path(output)
    typer.echo(
        f"{len(state.ids)} request(s) in {path} ({len(state.sync)} record(s) for the "
        f"synchronous path at ingest); run them, then `summarizer batch ingest RESULTS.jsonl`",
        err=True,
    )
    typer.echo(str(path))


def ingest_results(
    summarizer: Summarizer,
    results_path: Path,
    source: Path,
    output: Path,
    options: dict[str, Any],
    closing: Callable[[Awaitable[BatchReport]], Coroutine[Any, Any, BatchReport]],
) -> BatchReport:
    """Read a results file (Batch API output format) back into OUT.jsonl, re-validated."""
    state = _openai_batch.BatchState.load(_openai_batch.sidecar_path(output))
    if state is None:
        raise InputError(
            f"no requests were written for {output} ({_openai_batch.sidecar_path(output)} is "
            "missing): run `summarizer batch requests SOURCE -o OUT` (or --via openai-batch) first"
        )
    results = _openai_batch.read_results(results_path)
    return _ingest(summarizer, state, results, source, output, options, closing, "the results")


def print_status(flags: ModelFlags, batch_id: str, *, as_json: bool = False) -> None:
    """Print a batch's status and request counts."""
    import json

    client = batch_client(flags)
    try:
        info = _openai_batch.status(client, batch_id)
    finally:
        client.close()
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    typer.echo(
        f"{info['id']}: {info['status']} ({info['completed']}/{info['total']} completed, "
        f"{info['failed']} failed)"
    )
