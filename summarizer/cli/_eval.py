"""`summarizer eval ...`: the regression eval harness commands."""

from __future__ import annotations

import typer

eval_app = typer.Typer(help="Score briefings against gold suites and gate regressions.", no_args_is_help=True)
