"""`summarizer cache stats|clear`: the content-addressed briefing cache."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from summarizer.infra._cache import Cache

cache_app = typer.Typer(
    help="Inspect or clear the briefing cache (a repeated article costs no model call).",
    no_args_is_help=True,
)


@cache_app.command("stats")
def stats() -> None:
    """Show where the cache is, how many briefings it holds, its size, and entries per model."""
    found = Cache().stats()
    table = Table()
    table.add_column("model")
    table.add_column("briefings", justify="right")
    for model, count in found.by_model.items():
        table.add_row(model, f"{count:,}")
    table.add_row("[bold]total[/bold]", f"[bold]{found.entries:,}[/bold]")
    console = Console(highlight=False)
    console.print(table)
    console.print(f"{found.bytes / 1e6:.2f} MB on disk", soft_wrap=True)
    console.print(f"cache: {found.path}", soft_wrap=True)


@cache_app.command("clear")
def clear() -> None:
    """Delete every cached briefing."""
    cache = Cache()
    removed = cache.clear()
    if cache.unavailable is not None:
        typer.echo(f"summarizer: error: cannot clear the cache at {cache.path}", err=True)
        raise typer.Exit(1)
    typer.echo(f"Removed {removed:,} cached briefing(s) from {cache.path}")
