"""`summarizer brief` and `summarizer schema`, and the settings flags shared with `batch`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from summarizer.cli._root import app, env_hint
from summarizer.cli._status import LiveStatus
from summarizer.cli._terminal import require_stdout

if TYPE_CHECKING:  # imported by the commands when they run: `--help` stays fast
    import openai

    from summarizer._summarizer import Summarizer
    from summarizer.infra._records import CallHook

OFFLINE_NOTICE = (
    "summarizer: using the offline baseline (rules, no LLM). To use a model, set "
    "OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL + SUMMARIZER_MODEL (a local server); "
    "see README 'Using an LLM'."
)


class Mode(StrEnum):
    """How instructor asks for structured output: the settings' ``MODES`` (a test keeps them equal)."""

    tools = "tools"
    json = "json"
    json_schema = "json_schema"
    md_json = "md_json"


ModelOpt = Annotated[
    Optional[str],
    typer.Option("--model", "-m", help=f"Model name, or 'offline'. {env_hint('SUMMARIZER_MODEL')}"),
]
BaseUrlOpt = Annotated[
    Optional[str],
    typer.Option("--base-url", help=f"OpenAI-compatible endpoint. {env_hint('OPENAI_BASE_URL')}"),
]
ModeOpt = Annotated[
    Optional[Mode],
    typer.Option(
        "--mode",
        help=f"How instructor asks for structured output. {env_hint('SUMMARIZER_MODE')}",
        case_sensitive=False,
    ),
]


class Strategy(StrEnum):
    """How the model hands back quotes and evidence: the settings' ``STRATEGIES``."""

    free = "free"
    anchored = "anchored"


StrategyOpt = Annotated[
    Optional[Strategy],
    typer.Option(
        "--strategy",
        help="free (the model copies quotes and evidence) or anchored (it answers with "
        "sentence and quotation ids; code fills in the text). "
        f"{env_hint('SUMMARIZER_STRATEGY')}",
        case_sensitive=False,
    ),
]
MaxReasksOpt = Annotated[
    Optional[int],
    typer.Option(
        "--max-reasks", min=0, help=f"Validation re-asks. {env_hint('SUMMARIZER_MAX_REASKS')}"
    ),
]
TemperatureOpt = Annotated[
    Optional[float],
    typer.Option(
        "--temperature",
        min=0,
        help=f"Sampling temperature. {env_hint('SUMMARIZER_TEMPERATURE')}",
    ),
]
MaxOutputOpt = Annotated[
    Optional[int],
    typer.Option(
        "--max-output-tokens",
        min=1,
        help=f"Output tokens per call. {env_hint('SUMMARIZER_MAX_OUTPUT_TOKENS')}",
    ),
]
TimeoutOpt = Annotated[
    Optional[float],
    typer.Option(
        "--timeout",
        help=f"Total seconds per request, headers and body. {env_hint('SUMMARIZER_TIMEOUT')}",
    ),
]
StrictOpt = Annotated[
    Optional[bool],
    typer.Option(
        "--strict/--no-strict",
        help=f"Fail instead of dropping ungrounded items. {env_hint('SUMMARIZER_STRICT')}",
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
    mode: Mode | str | None = None
    max_reasks: int | None = None
    temperature: float | None = None
    max_output_tokens: int | None = None
    timeout: float | None = None
    strict: bool | None = None
    cache: bool = True
    log: bool = True
    strategy: Strategy | str | None = None

    def settings(self) -> dict[str, Any]:
        """The flags given, as `Summarizer` keyword arguments."""
        given = {n: getattr(self, n) for n in _SETTING_FLAGS if getattr(self, n) is not None}
        for name in ("mode", "strategy"):  # enums from the flags, plain strings for settings
            if isinstance(given.get(name), StrEnum):
                given[name] = given[name].value
        return given


def build_summarizer(
    flags: ModelFlags, *extra_hooks: CallHook, client: openai.AsyncOpenAI | None = None
) -> Summarizer:
    """A `Summarizer` from CLI flags, with the default cache and call log unless switched off
    (the offline rules call no model and are not cached: neither is opened for them)."""
    from summarizer._summarizer import Summarizer
    from summarizer.infra._settings import load_settings

    if client is None and load_settings(**flags.settings()).offline:
        return Summarizer(on_call=combine(*extra_hooks), **flags.settings())
    from summarizer.infra._cache import Cache
    from summarizer.infra._calllog import CallLog

    hook = combine(CallLog() if flags.log else None, *extra_hooks)
    cache = Cache() if flags.cache else None
    return Summarizer(on_call=hook, cache=cache, client=client, **flags.settings())


def combine(*hooks: CallHook | None) -> CallHook | None:
    """`combine_hooks`, imported when called."""
    from summarizer.infra._calllog import combine_hooks

    return combine_hooks(*hooks)


def offline_notice(summarizer: Summarizer) -> None:
    """Say on stderr that the offline rules run; called once the input has been read, so a
    missing file or an empty stdin is reported alone."""
    if summarizer.offline:
        typer.echo(OFFLINE_NOTICE, err=True)


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
    from summarizer._errors import InputError
    from summarizer._multi import SourcedBriefing, merge
    from summarizer.input._read import read_articles
    from summarizer.render._html import render_html
    from summarizer.render._markdown import render_event_markdown, render_markdown

    articles = read_articles(sources)
    if len(articles) > 1:
        offline_notice(summarizer)
        note = brief_event(summarizer, articles)
        if fmt is NoteFormat.md:
            return render_event_markdown(note)
        return note.model_dump_json(indent=2) if fmt is NoteFormat.json else render_html(note)
    try:
        clean = summarizer.prepare(articles[0].text, html=articles[0].html)
    except InputError as err:  # say which input it was, as for several articles
        name = "stdin" if articles[0].name == "-" else articles[0].name
        raise InputError(f"{name}: {err}") from err
    offline_notice(summarizer)  # once the input is known good: never before its error
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
        from summarizer.infra._files import check_writable

        check_writable(output)  # before the model call: a paid result is never lost
    status = LiveStatus("briefing", enabled=not quiet)
    summarizer = build_summarizer(flags, status.hook)
    with status:
        text = _render(summarizer, sources, _pick_format(fmt, as_json, output))
    if output is None:
        typer.echo(text)
        return
    from summarizer.infra._files import write_text_atomic

    write_text_atomic(output, text if text.endswith("\n") else text + "\n")
    typer.echo(f"summarizer: wrote {output}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Briefing output."""
    from summarizer._schema import briefing_json_schema

    typer.echo(json.dumps(briefing_json_schema(), indent=2))
