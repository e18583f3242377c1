"""The command follows the conventions of llm, ruff and uv: usage errors exit 2 and list the
choices, --version, `python -m summarizer`, completion, env hints in --help, --json wherever
a table is printed, confirmation before deleting, search in the log, a fast start."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import summarizer
from summarizer.cli import main
from summarizer.cli._brief import Mode, Strategy
from summarizer.infra._settings import MODES, STRATEGIES
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
SEED_GOLD = ROOT / "evals" / "suites" / "dev" / "reuters-2025-10-08-putin-tajikistan.gold.json"
PAYLOAD = {
    "summary": "Putin met Rahmon in Dushanbe.",
    "actors": [{"name": "Vladimir Putin", "type": "person", "role": "President", "aliases": []}],
    "tensions": [],
    "quotes": [],
}


def _run(
    *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """``python -m summarizer ARGS``: the real command, this checkout's package first."""
    env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI([Reply(PAYLOAD)] * 20) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        yield server


# --- usage errors, version, python -m, completion, help ----------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["brief", "--mode", "bogus", "x.txt"],
        ["batch", "in.jsonl", "-o", "out.jsonl", "--via", "bogus"],
        ["eval", "run", "--suite", ".", "--out", "o", "--mode", "bogus"],
        ["brief", "--strategy", "bogus", "x.txt"],
    ],
)
def test_an_unknown_choice_is_a_usage_error_that_lists_the_choices(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "bogus" in err and "Traceback" not in err
    assert any(choice in err for choice in ("json_schema", "openai-batch", "anchored"))


def test_the_choices_are_the_settings_choices() -> None:
    assert tuple(m.value for m in Mode) == MODES
    assert tuple(s.value for s in Strategy) == STRATEGIES


def test_version_flag_and_python_dash_m(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"summarizer {summarizer.__version__}"
    done = _run("--version")
    assert done.returncode == 0 and done.stdout.strip() == f"summarizer {summarizer.__version__}"


def test_shell_completion_is_on() -> None:
    done = _run("--help")
    assert "--install-completion" in done.stdout
    env = {
        **os.environ,
        "_SUMMARIZER_COMPLETE": "complete_bash",
        "COMP_WORDS": "summarizer ca",
        "COMP_CWORD": "1",
    }
    done = subprocess.run(
        [sys.executable, "-m", "summarizer"], capture_output=True, text=True, env=env, timeout=120
    )
    assert "cache" in done.stdout.split()


def test_env_hints_are_visible_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    done = _run("brief", "--help")
    for name in ("SUMMARIZER_MODEL", "OPENAI_BASE_URL", "SUMMARIZER_MODE", "SUMMARIZER_TIMEOUT"):
        assert f"[env: {name}]" in done.stdout, name


def test_help_and_the_offline_brief_do_not_import_the_sdks() -> None:
    """What makes `summarizer --help` slow: openai alone is ~1 s of CPU."""
    code = (
        "import sys\n"
        "from summarizer.cli import main\n"
        "main(sys.argv[1:])\n"
        "heavy = [m for m in ('openai', 'instructor', 'trafilatura', 'rouge_score', 'nltk')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    for args in (["--help"], ["brief", "--model", "offline", str(SEED)]):
        done = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
        )
        assert "HEAVY []" in done.stderr, (args, done.stderr[-500:])
    # `--help` does not even build pydantic's models (the status line's records, the schema).
    done = subprocess.run(
        [sys.executable, "-c", code.replace("'nltk'", "'nltk', 'pydantic'"), "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "HEAVY []" in done.stderr, done.stderr[-500:]


# --- notices ---------------------------------------------------------------------------


def test_offline_notice_only_once_the_input_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", "no-such-file.txt"]) == 4
    err = capsys.readouterr().err
    assert "no-such-file.txt" in err and "offline baseline" not in err
    (tmp_path / "empty.txt").write_text("  \n")
    assert main(["brief", str(tmp_path / "empty.txt")]) == 4
    err = capsys.readouterr().err
    assert "empty.txt" in err and "offline baseline" not in err
    assert main(["brief", str(SEED)]) == 0
    assert "offline baseline" in capsys.readouterr().err


# --- --json wherever a table is printed ----------------------------------------------------


def test_batch_summary_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out.jsonl"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["ok"] == 1 and figures["failed"] == {} and figures["calls"] == 0
    assert figures["prices"].startswith("genai-prices ")


def test_cache_stats_as_json(llm: FakeOpenAI, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["cache", "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["entries"] == 1 and figures["by_model"] == {"fake-model": 1}
    assert figures["path"].endswith("cache.sqlite") and figures["bytes"] > 0


def test_eval_tables_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "run"
    argv = ["eval", "run", "--suite", str(SEED_GOLD), "--model", "offline", "--out", str(out)]
    assert main([*argv, "--json"]) == 0
    run = json.loads(capsys.readouterr().out)
    assert run["cases"] == 1 and "quotes.f1" in run["metrics"]
    assert main(["eval", "score", str(out), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["metrics"] == run["metrics"]
    assert main(["eval", "compare", str(out), str(out), "--json"]) == 0
    compared = json.loads(capsys.readouterr().out)
    assert compared["changed_cases"] == {} and compared["metrics"]


# --- cache clear asks ----------------------------------------------------------------------


def _answer(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_cache_clear_asks_first(
    llm: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", str(SEED)]) == 0
    _answer(monkeypatch, "n\n")
    assert main(["cache", "clear"]) == 1
    assert "Delete 1 cached briefing(s)" in capsys.readouterr().out
    assert main(["cache", "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"] == 1
    _answer(monkeypatch, "y\n")
    assert main(["cache", "clear"]) == 0
    assert "Removed 1 cached briefing(s)" in capsys.readouterr().out


def test_cache_clear_yes_does_not_ask(llm: FakeOpenAI, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(SEED)]) == 0
    assert main(["cache", "clear", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "Delete" not in out and "Removed 1 cached briefing(s)" in out


# --- logs -q and --since -------------------------------------------------------------------


def _logged(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["logs", "--json", *argv]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_logs_search_and_since(llm: FakeOpenAI, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(SEED), "--no-cache"]) == 0
    assert len(_logged(capsys)) == 1
    assert len(_logged(capsys, "-q", "Dushanbe")) == 1  # in the model's answer
    assert len(_logged(capsys, "-q", "Tajikistan")) == 1  # in the article
    assert _logged(capsys, "-q", "zeppelin") == []
    assert len(_logged(capsys, "-q", 'Dushanbe AND "OR (')) == 1  # words, never FTS syntax
    assert _logged(capsys, "-q", "Dushanbe OR xylophone") == []  # every word must be there
    assert len(_logged(capsys, "--since", "1h")) == 1
    assert _logged(capsys, "--since", "2999-01-01") == []
    assert main(["logs", "--since", "yesterday-ish"]) == 2


def test_a_log_made_before_search_is_migrated_in_place(
    llm: FakeOpenAI, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.infra._calllog import default_log_path

    assert main(["brief", str(SEED), "--no-cache"]) == 0
    path = default_log_path()
    with sqlite3.connect(path) as db:  # back to a log of version 1, before search
        for name in ("calls_fts", "articles_fts"):
            db.execute(f"DROP TABLE {name}")
        for trigger in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
            db.execute(f"DROP TRIGGER {trigger[0]}")
        db.execute("PRAGMA user_version = 1")
    assert len(_logged(capsys, "-q", "Dushanbe")) == 1  # its row is indexed on opening
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2


# --- batch status / requests / ingest as their own subcommands ------------------------------


def test_batch_requests_then_ingest_reads_run_batch_results_back(
    llm: FakeOpenAI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summarizer.testing import completion_body

    source = tmp_path / "in.jsonl"
    text = SEED.read_text(encoding="utf-8")
    source.write_text("".join(json.dumps({"id": f"r{i}", "text": text}) + "\n" for i in range(2)))
    out = tmp_path / "out.jsonl"
    assert main(["batch", "requests", str(source), "-o", str(out)]) == 0
    requests_file = Path(capsys.readouterr().out.strip())
    lines = [json.loads(line) for line in requests_file.read_text().splitlines()]
    assert len(lines) == 2 and all(line["body"]["model"] == "fake-model" for line in lines)
    assert llm.count == 0  # nothing was sent

    # What vLLM's run_batch writes: one result line per request; the second one an error.
    results = tmp_path / "results.jsonl"
    good = completion_body(lines[0]["body"], Reply(PAYLOAD))
    rows = [
        {"custom_id": lines[0]["custom_id"], "response": {"status_code": 200, "body": good}},
        {"custom_id": lines[1]["custom_id"], "response": None, "error": {"message": "x"}},
    ]
    results.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert main(["batch", "ingest", str(results), str(source), "-o", str(out), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["ok"] == 2
    assert llm.count == 1  # only the error line was repaired on the synchronous path
    written = {json.loads(line)["id"] for line in out.read_text().splitlines()}
    assert written == {"r0", "r1"}


def test_batch_requests_take_strategy_free_over_an_anchored_environment(
    llm: FakeOpenAI,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Request lines are free-strategy only; the flag must override SUMMARIZER_STRATEGY, as
    # the error message tells the user to do.
    monkeypatch.setenv("SUMMARIZER_STRATEGY", "anchored")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "r0", "text": SEED.read_text(encoding="utf-8")}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["batch", "requests", str(source), "-o", str(out)]) == 3  # configuration
    assert "--strategy free" in capsys.readouterr().err
    assert main(["batch", "requests", str(source), "-o", str(out), "--strategy", "free"]) == 0
    requests_file = Path(capsys.readouterr().out.strip())
    assert len(requests_file.read_text().splitlines()) == 1
    # Ingest's repairs are briefings beside the batch's own lines: free too, never anchored.
    results = tmp_path / "results.jsonl"
    results.write_text("")
    ingest = ["batch", "ingest", str(results), str(source), "-o", str(out)]
    assert main(ingest) == 3
    assert "--strategy free" in capsys.readouterr().err
    assert not out.exists() or not out.read_text()
    assert main([*ingest, "--strategy", "free"]) == 0
    assert json.loads(out.read_text())["id"] == "r0"
    assert llm.count == 1  # the one repair, sent as a free request


def test_batch_ingest_without_requests_says_what_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "results.jsonl"
    results.write_text("")
    argv = ["batch", "ingest", str(results), str(SEED), "-o", str(tmp_path / "o.jsonl")]
    assert main(argv) == 4
    assert "summarizer batch requests" in capsys.readouterr().err


def test_batch_subcommands_have_their_own_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", "--help"]) == 0
    out = capsys.readouterr().out
    for name in ("run", "status", "requests", "ingest"):
        assert name in out
    assert main(["batch", "status"]) == 2  # the id is required


def test_the_batch_flags_defaults_are_the_engines() -> None:
    """cli/_batch.py repeats three defaults so `--help` need not import the engine."""
    from summarizer import _batch
    from summarizer.backends import _openai_batch
    from summarizer.cli import _batch as cli_batch

    assert cli_batch.DEFAULT_CONCURRENCY == _batch.DEFAULT_CONCURRENCY
    assert cli_batch.DEFAULT_MAX_CONSECUTIVE_FAILURES == _batch.DEFAULT_MAX_CONSECUTIVE_FAILURES
    assert cli_batch.DEFAULT_POLL_INTERVAL == _openai_batch.DEFAULT_POLL_INTERVAL


@pytest.mark.parametrize(
    "argv",
    [
        ["batch", "MISSING", "-o", "OUT"],
        ["batch", "run", "MISSING", "-o", "OUT", "--workers", "2"],
        ["batch", "requests", "MISSING", "-o", "OUT", "--model", "m"],
        ["batch", "ingest", "RESULTS", "MISSING", "-o", "OUT", "--model", "m"],
    ],
)
def test_a_missing_batch_input_is_one_line_and_exit_4(argv: list[str], tmp_path: Path) -> None:
    paths = {name: str(tmp_path / name.lower()) for name in ("MISSING", "OUT", "RESULTS")}
    Path(paths["RESULTS"]).write_text("")
    env = {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_API_KEY": "sk-test"}
    done = _run(*(paths.get(arg, arg) for arg in argv), env=env)
    assert done.returncode == 4, done.stderr[-800:]
    assert done.stderr == f"summarizer: error: {paths['MISSING']}: no such file or directory\n"
    assert not Path(paths["OUT"]).exists()


# --- no private imports of the dependencies ------------------------------------------------

# instructor's public names: the package itself and `instructor.core` (where its 1.x
# deprecation warnings send callers). Anything else (instructor.processing...) is internal
# and changed between 1.x minor releases.
_PUBLIC_SUBMODULES = {"instructor": {"instructor", "instructor.core"}}


def _third_party_imports(path: Path) -> Iterator[str]:
    import ast

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_no_private_module_of_a_dependency_is_imported() -> None:
    package = ROOT / "summarizer"
    private = []
    for path in sorted(package.rglob("*.py")):
        for name in _third_party_imports(path):
            top = name.split(".")[0]
            if top == "summarizer" or top in sys.stdlib_module_names:
                continue
            hidden = any(part.startswith("_") for part in name.split("."))
            allowed = _PUBLIC_SUBMODULES.get(top)
            if hidden or (allowed is not None and name not in allowed):
                private.append(f"{path.relative_to(ROOT)}: {name}")
    assert private == []
