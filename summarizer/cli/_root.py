"""The root Typer app every command module registers on (imports nothing of the CLI).

Startup matters (`summarizer --help` should answer at once), so command modules import
only typer and the standard library at the top; the library, the openai SDK and Rich are
imported inside the commands that use them (`benchmarks/startup.py` measures it).
"""

from __future__ import annotations

from typing import Annotated

import typer

from summarizer._version import __version__

app = typer.Typer(
    name="summarizer",
    help="Turn news articles into grounded, structured briefing notes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def env_hint(*names: str) -> str:
    """``[env: NAME]`` for a help text; the bracket is escaped, or Rich reads it as markup."""
    return "\\[env: " + ", ".join(names) + "]"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Turn news articles into grounded, structured briefing notes."""
