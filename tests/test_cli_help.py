"""Every `summarizer` command and command group has help text, and `--help` works for it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer

from summarizer.cli import app, main
from summarizer.cli._app import _register_commands


def _walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    for name, sub in (getattr(command, "commands", None) or {}).items():
        yield from _walk(sub, (*path, name))


def _commands() -> list[tuple[tuple[str, ...], Any]]:
    _register_commands()
    return list(_walk(typer.main.get_command(app)))


COMMANDS = _commands()


def _name(path: tuple[str, ...]) -> str:
    return " ".join(path) or "(root)"


def test_the_new_commands_are_registered() -> None:
    paths = {_name(path) for path, _ in COMMANDS}
    assert {"brief", "batch", "logs", "cache stats", "cache clear", "schema"} <= paths
    assert {"batch run", "batch status", "batch requests", "batch ingest"} <= paths


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[_name(p) for p, _ in COMMANDS])
def test_command_and_its_options_have_help_text(path: tuple[str, ...], command: Any) -> None:
    assert (command.help or "").strip(), f"`summarizer {_name(path)}` has no help text"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert (param.help or "").strip(), f"option {param.opts} of {_name(path)} has no help"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[_name(p) for p, _ in COMMANDS])
def test_help_flag_prints_usage_and_exits_zero(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*path, "--help"]) == 0
    assert "Usage" in capsys.readouterr().out


def test_bad_option_value_is_a_usage_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from summarizer.cli import main

    assert (
        main(
            [
                "eval",
                "run",
                "--suite",
                ".",
                "--model",
                "offline",
                "--out",
                "o",
                "--concurrency",
                "abc",
            ]
        )
        == 2
    )
    assert "Traceback" not in capsys.readouterr().err
