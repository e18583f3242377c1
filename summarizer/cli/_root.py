"""The root Typer app every command module registers on (imports nothing of the CLI)."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="summarizer",
    help="Turn news articles into grounded, structured briefing notes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
