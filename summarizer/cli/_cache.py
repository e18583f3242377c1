"""`summarizer cache stats|clear`: the content-addressed briefing cache."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from summarizer.infra._cache import Cache

cache_app = typer.Typer(
    help="Inspect or clear the briefing cache (a repeated article costs no model call).",
    no_args_is_help=True,
)


@cache_app.command("stats")
def stats(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as one JSON object.")
    ] = False,
) -> None:
    """Show where the cache is, how many briefings it holds, its size, and entries per model."""
    from summarizer.infra._cache import Cache

    cache = Cache()
    try:
        found = cache.stats()
    finally:
        cache.close()  # in-process callers (tests, `main`) must not keep the file open
    if as_json:
        figures = {
            "path": str(found.path),
            "entries": found.entries,
            "bytes": found.bytes,
            "by_model": found.by_model,
        }
        typer.echo(json.dumps(figures, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

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
def clear(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete every cached briefing (asks first, unless --yes)."""
    from summarizer.infra._cache import Cache

    cache = Cache()
    try:
        _clear(cache, yes)
    finally:
        cache.close()


def _clear(cache: Cache, yes: bool) -> None:
    if not yes:
        entries = cache.stats().entries
        if cache.unavailable is not None:  # nothing to ask about: say so at once
            _cannot_clear(cache.path)
        if not typer.confirm(f"Delete {entries:,} cached briefing(s) from {cache.path}?"):
            typer.echo("Nothing deleted.", err=True)
            raise typer.Exit(1)
    removed = cache.clear()
    if cache.unavailable is not None:
        _cannot_clear(cache.path)
    typer.echo(f"Removed {removed:,} cached briefing(s) from {cache.path}")


def _cannot_clear(path: object) -> None:
    typer.echo(f"summarizer: error: cannot clear the cache at {path}", err=True)
    raise typer.Exit(1)
