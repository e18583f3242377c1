"""The `summarizer` command line: a thin layer over the public API.

`main(argv) -> int` is what tests call; `run()` is the console-script entry point.
Each command group lives in its own module (`_brief`, `_eval`, ...).
"""

from __future__ import annotations

import sys

import typer

from summarizer.cli import _terminal
from summarizer.cli._app import app, dispatch


def main(argv: list[str] | None = None) -> int:
    """Run the CLI with ``argv`` (without the program name) and return the exit code."""
    return dispatch(argv if argv is not None else sys.argv[1:])


def run() -> None:  # pragma: no cover - console-script shim
    code = main()
    if _terminal.may_exit_at_once():  # a batch closed everything: skip the slow teardown
        _terminal.exit_at_once(code)
    sys.exit(code)


__all__ = ["app", "main", "run", "typer"]
