"""Running the app: commands registered, errors mapped to one line and an exit code."""

from __future__ import annotations

import warnings
from typing import Any

import typer

from summarizer._errors import SummarizerError, SummarizerWarning
from summarizer.cli import _batch, _brief, _cache, _eval, _logs, _terminal  # noqa: F401
from summarizer.cli._root import app

USAGE_EXIT = 2


def _register_commands() -> None:
    """Add the command groups once (each command module registers its own commands)."""
    if not app.registered_groups:
        app.add_typer(_batch.batch_app, name="batch")
        app.add_typer(_eval.eval_app, name="eval")
        app.add_typer(_cache.cache_app, name="cache")


_register_commands()


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def _show_warning(
    message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any
) -> None:
    typer.echo(f"summarizer: warning: {message}", err=True)


def dispatch(argv: list[str]) -> int:
    """Run the app; map `SummarizerError` to a one-line message and its exit code.

    The library's warnings (`SummarizerWarning`: a broken cache moved aside, an encoding
    assumed) are shown as one ``summarizer: warning: ...`` line each.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("always", SummarizerWarning)  # the library warns once itself
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], *args: Any, **kw: Any) -> None:
            if issubclass(category, SummarizerWarning):
                _show_warning(message, category)
            else:
                shown(message, category, *args, **kw)

        warnings.showwarning = show
        return _dispatch(argv)


def _dispatch(argv: list[str]) -> int:
    """Typer runs in standalone mode: usage errors print their message and exit 2, Ctrl-C
    exits 130, a broken pipe exits 1, shell completion requests are answered; every exit
    is a `SystemExit`, whose code `main` returns."""
    _terminal.guard_stdout()
    _terminal.unsettle()
    try:
        try:
            app(args=argv, prog_name="summarizer", standalone_mode=True)
            code = 0
        except SystemExit as exc:
            code = _exit_code(exc.code)
        _terminal.flush_stdout()
        return code
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as Unix tools do
        _terminal.silence_stdout()
        return _terminal.BROKEN_PIPE_EXIT
    except OSError as err:  # a full disk, a closed stdout: one line, never a traceback
        _terminal.silence_stdout()
        typer.echo(f"summarizer: error: {_terminal.describe_os_error(err)}", err=True)
        return 1
    except SummarizerError as err:
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        typer.echo(f"summarizer: error: {message}", err=True)
        return err.exit_code
