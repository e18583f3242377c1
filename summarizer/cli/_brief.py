"""`summarizer brief` and `summarizer schema`, and the settings flags shared with `batch`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Optional

import openai
import typer

from summarizer._errors import InputError
from summarizer._schema import briefing_json_schema
from summarizer._summarizer import Summarizer
from summarizer.cli._root import app
from summarizer.cli._status import LiveStatus
from summarizer.cli._terminal import require_stdout
from summarizer.infra._cache import Cache
from summarizer.infra._calllog import CallLog, combine_hooks
from summarizer.infra._files import check_writable, write_text_atomic
from summarizer.infra._records import CallHook
from summarizer.input._read import read_articles
from summarizer.render._markdown import render_event_markdown, render_markdown

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
StrategyOpt = Annotated[
    Optional[str],
    typer.Option(
        "--strategy",
        help="free (the model copies quotes and evidence) or anchored (it answers with "
        "sentence and quotation ids; code fills in the text). [env: SUMMARIZER_STRATEGY]",
    ),
]
MaxReasksOpt = Annotated[
    Optional[int],
    typer.Option("--max-reasks", help="Validation re-asks. [env: SUMMARIZER_MAX_REASKS]"),
]
TemperatureOpt = Annotated[
    Optional[float],
    typer.Option("--temperature", help="Sampling temperature. [env: SUMMARIZER_TEMPERATURE]"),
]
MaxOutputOpt = Annotated[
    Optional[int],
    typer.Option(
        "--max-output-tokens", help="Output tokens per call. [env: SUMMARIZER_MAX_OUTPUT_TOKENS]"
    ),
]
TimeoutOpt = Annotated[
    Optional[float],
    typer.Option(
        "--timeout", help="Total seconds per request, headers and body. [env: SUMMARIZER_TIMEOUT]"
    ),
]
StrictOpt = Annotated[
    Optional[bool],
    typer.Option(
        "--strict/--no-strict",
        help="Fail instead of dropping ungrounded items. [env: SUMMARIZER_STRICT]",
        show_default=False,
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the briefing cache.")
]
NoLogOpt = Annotated[bool, typer.Option("--no-log", help="Do not log model calls to SQLite.")]


_SETTING_FLAGS = (
    "model", "base_url", "mode", "strategy", "max_reasks", "temperature", "max_output_tokens", "timeout", "strict"
)  # fmt: skip


QuietOpt = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="No live status on stderr (shown only when stderr is a terminal)."
    ),
]


@dataclass
class ModelFlags:
    """The settings flags every summarising command takes (``None``: env, ``.env``, default)."""

    model: str | None = None
    base_url: str | None = None
    mode: str | None = None
    max_reasks: int | None = None
    temperature: float | None = None
    max_output_tokens: int | None = None
    timeout: float | None = None
    strict: bool | None = None
    cache: bool = True
    log: bool = True
    strategy: str | None = None

    def settings(self) -> dict[str, Any]:
        """The flags given, as `Summarizer` keyword arguments."""
        return {n: getattr(self, n) for n in _SETTING_FLAGS if getattr(self, n) is not None}


def build_summarizer(
    flags: ModelFlags, *extra_hooks: CallHook, client: openai.AsyncOpenAI | None = None
) -> Summarizer:
    """A `Summarizer` from CLI flags, with the default cache and call log unless switched off."""
    hook = combine_hooks(CallLog() if flags.log else None, *extra_hooks)
    cache = Cache() if flags.cache else None
    summarizer = Summarizer(on_call=hook, cache=cache, client=client, **flags.settings())
    if summarizer.offline:
        typer.echo(OFFLINE_NOTICE, err=True)
    return summarizer


class NoteFormat(StrEnum):
    """Output formats of `summarizer brief`."""

    md = "md"
    json = "json"
    html = "html"


def _pick_format(fmt: NoteFormat | None, as_json: bool, output: Path | None) -> NoteFormat:
    if as_json:
        return NoteFormat.json
    if fmt is not None:
        return fmt
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"json": NoteFormat.json, "html": NoteFormat.html, "htm": NoteFormat.html}.get(
        suffix, NoteFormat.md
    )


def _render(summarizer: Summarizer, sources: list[str], fmt: NoteFormat) -> str:
    from summarizer import brief_event
    from summarizer._multi import SourcedBriefing, merge
    from summarizer.render._html import render_html

    articles = read_articles(sources)
    if len(articles) > 1:
        note = brief_event(summarizer, articles)
        if fmt is NoteFormat.md:
            return render_event_markdown(note)
        return note.model_dump_json(indent=2) if fmt is NoteFormat.json else render_html(note)
    try:
        clean = summarizer.prepare(articles[0].text, html=articles[0].html)
    except InputError as err:  # say which input it was, as for several articles
        name = "stdin" if articles[0].name == "-" else articles[0].name
        raise InputError(f"{name}: {err}") from err
    briefing = summarizer.summarize_article(clean)
    if fmt is NoteFormat.html:
        return render_html(merge([SourcedBriefing(articles[0], clean, briefing)]))
    return (
        briefing.model_dump_json(indent=2) if fmt is NoteFormat.json else render_markdown(briefing)
    )


@app.command()
def brief(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Article files (text or HTML), directories, http(s) URLs, or - for stdin. "
            "Several articles on one event give one joint note.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the note to this file.")
    ] = None,
    fmt: Annotated[
        Optional[NoteFormat],
        typer.Option(
            "--format", "-f", help="md, json or html (default: from -o's suffix, else md)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    mode: ModeOpt = None,
    strategy: StrategyOpt = None,
    max_reasks: MaxReasksOpt = None,
    temperature: TemperatureOpt = None,
    max_output_tokens: MaxOutputOpt = None,
    timeout: TimeoutOpt = None,
    strict: StrictOpt = None,
    no_cache: NoCacheOpt = False,
    no_log: NoLogOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Print the briefing note of one article, or one joint note of several on one event."""
    flags = ModelFlags(
        model, base_url, mode, max_reasks, temperature, max_output_tokens, timeout, strict,
        cache=not no_cache, log=not no_log, strategy=strategy,
    )  # fmt: skip
    if output is None:
        require_stdout()
    else:
        check_writable(output)  # before the model call: a paid result is never lost
    status = LiveStatus("briefing", enabled=not quiet)
    summarizer = build_summarizer(flags, status.hook)
    with status:
        text = _render(summarizer, sources, _pick_format(fmt, as_json, output))
    if output is None:
        typer.echo(text)
        return
    write_text_atomic(output, text if text.endswith("\n") else text + "\n")
    typer.echo(f"summarizer: wrote {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Briefing output."""
    typer.echo(json.dumps(briefing_json_schema(), indent=2))
