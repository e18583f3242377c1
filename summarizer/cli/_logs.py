"""`summarizer logs`: recent model calls from the SQLite call log."""

from __future__ import annotations

import json
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from summarizer.cli._root import app
from summarizer.infra._calllog import CallLog, LoggedCall
from summarizer.infra._costs import format_cost


def _table(calls: list[LoggedCall]) -> Table:
    table = Table(title=f"{len(calls)} most recent call(s)", title_justify="left")
    for column in ("id", "time (UTC)", "model", "prompt", "try", "outcome", "HTTP"):
        table.add_column(column, justify="right" if column in ("id", "try", "HTTP") else "left")
    for column in ("tokens in/out", "cost", "latency", "article"):
        table.add_column(column, justify="left" if column == "article" else "right")
    for c in calls:
        table.add_row(
            str(c.id),
            c.started[:19].replace("T", " "),
            c.model,
            f"{c.prompt_id} v{c.prompt_version}",
            str(c.attempt),
            c.outcome if c.outcome == "ok" else f"[red]{c.outcome}[/red]",
            str(c.status or "–"),
            f"{c.prompt_tokens:,}/{c.completion_tokens:,}",
            format_cost(c.cost_usd),
            f"{c.latency_s:.2f}s",
            (c.article_sha256 or "–")[:12],
        )
    return table


@app.command()
def logs(
    count: Annotated[int, typer.Option("--count", "-n", min=1, help="How many calls.")] = 20,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print full rows (messages, response) as JSON.")
    ] = False,
    model: Annotated[Optional[str], typer.Option("--model", "-m", help="Only this model.")] = None,
    status: Annotated[
        Optional[str],
        typer.Option(
            "--status", help="Only this outcome (ok, truncated, RateLimitError...) or HTTP status."
        ),
    ] = None,
) -> None:
    """List recent model calls (every attempt, retries and re-asks included), newest first."""
    log = CallLog()
    calls = log.recent(count, model=model, status=status) if log.path.exists() else []
    if as_json:
        typer.echo(json.dumps([c.model_dump() for c in calls], indent=2, ensure_ascii=False))
        return
    if not calls:
        typer.echo(f"No calls logged in {log.path} (matching these filters).")
        return
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=200)  # piped: full rows rather than 80 columns
    console.print(_table(calls))
    console.print(f"log: {log.path}", soft_wrap=True)
