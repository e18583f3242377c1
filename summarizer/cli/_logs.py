"""`summarizer logs`: recent model calls from the SQLite call log."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from summarizer.cli._root import app

if TYPE_CHECKING:
    from rich.table import Table

    from summarizer.infra._calllog import LoggedCall

_AGO = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str) -> datetime:
    """``30m``, ``2h``, ``7d``, ``1w`` ago, or an ISO date/time (UTC unless it says)."""
    ago = _AGO.fullmatch(value.strip().lower())
    if ago:
        return datetime.now(UTC) - timedelta(**{_UNITS[ago.group(2)]: float(ago.group(1))})
    try:
        when = datetime.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is neither a duration (30m, 2h, 7d, 1w) nor an ISO date/time "
            "(2025-10-08 or 2025-10-08T14:00)",
            param_hint="--since",
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _table(calls: list[LoggedCall]) -> Table:
    from rich.table import Table

    from summarizer.infra._costs import format_cost

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
    query: Annotated[
        Optional[str],
        typer.Option(
            "--query",
            "-q",
            help="Only calls whose request, response, error or article contain these words "
            "(full-text search).",
        ),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since", help="Only calls since then: 30m, 2h, 7d, 1w ago, or an ISO date/time (UTC)."
        ),
    ] = None,
) -> None:
    """List recent model calls (every attempt, retries and re-asks included), newest first."""
    from summarizer.infra._calllog import CallLog

    after = parse_since(since) if since else None
    log = CallLog()
    calls = []
    if log.path.exists():  # listing must not create the log
        try:
            calls = log.recent(count, model=model, status=status, query=query, since=after)
        finally:
            log.close()
    if as_json:
        typer.echo(json.dumps([c.model_dump() for c in calls], indent=2, ensure_ascii=False))
        return
    if not calls:
        typer.echo(f"No calls logged in {log.path} (matching these filters).")
        return
    from rich.console import Console

    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=200)  # piped: full rows rather than 80 columns
    console.print(_table(calls))
    console.print(f"log: {log.path}", soft_wrap=True)
