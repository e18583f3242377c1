"""`summarizer brief` and `summarizer schema`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer._errors import InputError
from summarizer._render import render_markdown
from summarizer._schema import briefing_json_schema
from summarizer._summarizer import Summarizer
from summarizer.cli._app import app

OFFLINE_NOTICE = (
    "summarizer: using the offline baseline (rules, no LLM). To use a model, set "
    "OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL + SUMMARIZER_MODEL (a local server); "
    "see README 'Using an LLM'."
)

ModelOpt = Annotated[
    Optional[str],
    typer.Option("--model", "-m", help="Model name, or 'offline'. [env: SUMMARIZER_MODEL]"),
]
BaseUrlOpt = Annotated[
    Optional[str],
    typer.Option("--base-url", help="OpenAI-compatible endpoint. [env: OPENAI_BASE_URL]"),
]
ModeOpt = Annotated[
    Optional[str],
    typer.Option(
        "--mode", help="instructor mode: tools|json|json_schema|md_json. [env: SUMMARIZER_MODE]"
    ),
]


def read_input(source: str) -> str:
    """Text of a file, or of stdin for ``-``; `InputError` naming the input otherwise."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file")
    if path.is_dir():
        raise InputError(f"{source}: is a directory; pass article files")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{source}: cannot read ({err.strerror})") from err
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: looks like a binary file, not article text")
    return data.decode("utf-8", errors="replace")


def build_summarizer(model: str | None, base_url: str | None, mode: str | None) -> Summarizer:
    """A `Summarizer` from CLI flags; tells stderr when the offline baseline serves."""
    summarizer = Summarizer(model=model, base_url=base_url, mode=mode)
    if summarizer.offline:
        typer.echo(OFFLINE_NOTICE, err=True)
    return summarizer


@app.command()
def brief(
    source: Annotated[str, typer.Argument(help="Article file (text or HTML), or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Briefing as JSON.")] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
) -> None:
    """Print the briefing note of one article."""
    text = read_input(source)
    summarizer = build_summarizer(model, base_url, mode)
    briefing = summarizer.summarize(text, html=source.lower().endswith((".html", ".htm")) or None)
    typer.echo(briefing.model_dump_json(indent=2) if as_json else render_markdown(briefing))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Briefing output."""
    typer.echo(json.dumps(briefing_json_schema(), indent=2))
