"""The harness end to end with a fake summariser: run, rescore, compare, gate, CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from summarizer._errors import OutputError
from summarizer._schema import Actor, Briefing, PromptInfo, Quote, Tension, Usage
from summarizer.cli import main
from summarizer.eval import Report, compare, gate, run_suite, score_run
from summarizer.eval._metrics import SECTIONS

# The seed article's gold as the project ships it: one gold file is a suite of one case.
SEED_GOLD = (
    Path(__file__).resolve().parents[1]
    / "evals"
    / "suites"
    / "dev"
    / "reuters-2025-10-08-putin-tajikistan.gold.json"
)

ALPHA = """\
Russian President Vladimir Putin met Tajik President Emomali Rahmon in Dushanbe on Thursday.

"Our ties are strong," Putin said. Rahmon replied: "Tajikistan wants respect."

At their last summit Rahmon berated Putin for failing to treat the region's nations with respect.
"""

BETA = """\
The European Union imposed new sanctions on Iran on Monday, foreign policy chief Kaja Kallas said.

"Iran must stop supplying drones to Russia," Kallas told reporters in Brussels.
"""


def _actor(name: str, type_: str, aliases: list[str], required: bool = True) -> dict[str, Any]:
    return {"name": name, "aliases": aliases, "type": type_, "role": "", "required": required}


GOLD = {
    "alpha": {
        "summary": {
            "reference": "Putin met Rahmon in Dushanbe, where Rahmon asked for respect.",
            "must_mention": [["Putin"], ["Rahmon"], ["Dushanbe"]],
            "max_words": 40,
        },
        "actors": [
            _actor("Vladimir Putin", "person", ["Putin"]),
            _actor("Emomali Rahmon", "person", ["Rahmon"]),
        ],
        "tensions": [
            {
                "parties": ["Emomali Rahmon", "Vladimir Putin"],
                "description": "Rahmon berated Putin over respect for the region.",
                "evidence": "Rahmon berated Putin for failing to treat the region's nations",
            }
        ],
        "quotes": [
            {"text": "Our ties are strong,", "speaker": "Vladimir Putin"},
            {"text": "Tajikistan wants respect.", "speaker": "Emomali Rahmon"},
        ],
    },
    "beta": {
        "summary": {
            "reference": "The EU imposed sanctions on Iran over drones for Russia.",
            "must_mention": [["EU", "European Union"], ["Iran"], ["sanctions"]],
        },
        "actors": [
            _actor("European Union", "organization", ["EU"]),
            _actor("Iran", "country", []),
            _actor("Kaja Kallas", "person", ["Kallas"]),
        ],
        "tensions": [
            {
                "parties": ["European Union", "Iran"],
                "description": "The EU imposed sanctions on Iran.",
                "evidence": "The European Union imposed new sanctions on Iran",
            }
        ],
        "quotes": [
            {"text": "Iran must stop supplying drones to Russia,", "speaker": "Kaja Kallas"}
        ],
    },
}


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    folder = tmp_path / "suite"
    folder.mkdir()
    for case_id, text in (("alpha", ALPHA), ("beta", BETA)):
        (folder / f"{case_id}.txt").write_text(text, encoding="utf-8")
        gold = {"id": case_id, "article": f"{case_id}.txt", **GOLD[case_id]}
        (folder / f"{case_id}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return folder


def perfect_briefing(case_id: str) -> Briefing:
    """The gold itself as a briefing."""
    gold = GOLD[case_id]
    return Briefing(
        summary=gold["summary"]["reference"],
        actors=[
            Actor(**{k: a[k] for k in ("name", "type", "role", "aliases")}) for a in gold["actors"]
        ],
        tensions=[
            Tension(**{k: t[k] for k in ("parties", "description", "evidence")})
            for t in gold["tensions"]
        ],
        quotes=[Quote(**q) for q in gold["quotes"]],
        model="fake-model",
        prompt=PromptInfo(id="briefing", version="3", sha256="abc"),
        usage=Usage(prompt_tokens=900, completion_tokens=100, total_tokens=1000, calls=1),
        latency_s=0.5,
    )


def _case_of(text: str) -> str:
    return "alpha" if "Dushanbe" in text else "beta"


class FakeSummarizer:
    """Same interface as `summarizer.Summarizer`; answers from a table, or raises."""

    model = "fake-model"
    prompt = PromptInfo(id="briefing", version="3", sha256="abc")

    def __init__(self, answers: dict[str, Briefing | Exception]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def summarize(self, raw_text: str) -> Briefing:
        case_id = _case_of(raw_text)
        self.calls.append(case_id)
        answer = self.answers[case_id]
        if isinstance(answer, Exception):
            raise answer
        return answer

    async def asummarize(self, raw_text: str) -> Briefing:
        return self.summarize(raw_text)


def without_quotes(case_id: str) -> Briefing:
    return perfect_briefing(case_id).model_copy(update={"quotes": []})


@pytest.fixture
def perfect_run(suite: Path, tmp_path: Path) -> tuple[Path, Report]:
    fake = FakeSummarizer({"alpha": perfect_briefing("alpha"), "beta": perfect_briefing("beta")})
    out = tmp_path / "run-a"
    return out, run_suite(suite, fake, out)


def _degraded_run(suite: Path, tmp_path: Path) -> Path:
    """Run B: beta lost its quotes; alpha is as good, only slower (cost is not quality)."""
    slower = perfect_briefing("alpha").model_copy(update={"latency_s": 2.5})
    fake = FakeSummarizer({"alpha": slower, "beta": without_quotes("beta")})
    out = tmp_path / "run-b"
    run_suite(suite, fake, out)
    return out


# --- run and score ----------------------------------------------------------------------


def test_run_writes_outputs_run_record_and_reports(perfect_run: tuple[Path, Report]) -> None:
    out, _ = perfect_run
    for name in ("run.json", "report.json", "report.md", "report.html"):
        assert (out / name).is_file(), name
    stored = json.loads((out / "outputs" / "alpha.json").read_text())
    assert Briefing.model_validate(stored) == perfect_briefing("alpha")
    run = json.loads((out / "run.json").read_text())
    assert run["model"] == "fake-model"
    assert run["prompt"]["version"] == "3"
    assert run["started"] and run["finished"]


def test_report_json_has_every_section_and_the_named_metrics(
    perfect_run: tuple[Path, Report],
) -> None:
    out, _ = perfect_run
    data = json.loads((out / "report.json").read_text())
    assert set(data["aggregate"]) == set(SECTIONS)
    assert set(data["cases"]) == {"alpha", "beta"}
    named = {
        "actors": {"precision", "recall", "f1", "type_accuracy"},
        "quotes": {"f1", "f1_at_0_3", "f1_at_0_8", "speaker_accuracy", "not_quote_hits"},
        "tensions": {"precision", "recall", "f1"},
        "summary": {"must_mention", "should_mention", "rouge_l", "within_max_words"},
        "grounding": {"quotes_verbatim", "evidence_verbatim", "actors_present", "rejected"},
        "cost": {"total_tokens", "calls", "reasks", "latency_s"},
    }
    for section, metrics in named.items():
        assert metrics <= set(data["aggregate"][section]), section
        assert set(data["cases"]["beta"][section]) == set(data["aggregate"][section])
        assert all(isinstance(v, (int, float)) for v in data["aggregate"][section].values())


def test_aggregate_is_the_mean_of_the_cases(suite: Path, tmp_path: Path) -> None:
    report = Report.load(_degraded_run(suite, tmp_path))
    assert report.metric("quotes.recall", "alpha") == 1.0
    assert report.metric("quotes.recall", "beta") == 0.0
    assert report.metric("quotes.recall") == 0.5
    assert report.metric("cost.total_tokens") == 1000.0
    assert report.details["beta"]["quotes"]["missed"] == [
        "Iran must stop supplying drones to Russia,"
    ]


def test_a_failing_case_is_recorded_and_the_run_goes_on(suite: Path, tmp_path: Path) -> None:
    err = OutputError(
        "model output failed validation", attempts=3, usage=Usage(total_tokens=77, calls=3)
    )
    fake = FakeSummarizer({"alpha": perfect_briefing("alpha"), "beta": err})
    seen: list[tuple[int, int, str | None]] = []
    report = run_suite(
        suite, fake, tmp_path / "run", concurrency=1, progress=lambda *a: seen.append(a)
    )
    record = json.loads((tmp_path / "run" / "outputs" / "beta.json").read_text())
    assert record["error"] == "OutputError"
    assert record["usage"]["total_tokens"] == 77
    assert "OutputError" in report.errors["beta"]
    assert report.metric("cost.failed") == 0.5
    assert report.metric("actors.recall", "beta") == 0.0
    assert report.metric("cost.total_tokens", "beta") == 77.0
    assert seen[0] == (0, 2, None) and seen[-1][:2] == (2, 2)


def test_factory_is_called_to_make_the_summarizer(suite: Path, tmp_path: Path) -> None:
    made: list[FakeSummarizer] = []

    def factory() -> FakeSummarizer:
        made.append(FakeSummarizer({c: perfect_briefing(c) for c in ("alpha", "beta")}))
        return made[-1]

    report = run_suite(suite, factory, tmp_path / "run")
    assert len(made) == 1 and sorted(made[0].calls) == ["alpha", "beta"]
    assert report.metric("actors.f1") == 1.0


def test_score_run_reproduces_the_recorded_scores(suite: Path, tmp_path: Path) -> None:
    out = _degraded_run(suite, tmp_path)
    recorded = Report.load(out)
    rescored = score_run(out)
    assert rescored.aggregate == recorded.aggregate
    assert rescored.cases == recorded.cases
    assert rescored.run["model"] == "fake-model"


def test_score_run_can_use_another_suite(
    suite: Path, tmp_path: Path, perfect_run: tuple[Path, Report]
) -> None:
    out, _ = perfect_run
    moved = tmp_path / "moved"
    suite.rename(moved)
    assert score_run(out, moved).metric("quotes.f1") == 1.0


def test_html_report_is_self_contained_and_escaped(suite: Path, tmp_path: Path) -> None:
    spurious = perfect_briefing("alpha").model_copy(
        update={"quotes": [Quote(text="<script>alert(1)</script>", speaker="Putin")]}
    )
    fake = FakeSummarizer({"alpha": spurious, "beta": perfect_briefing("beta")})
    run_suite(suite, fake, tmp_path / "run")
    html = (tmp_path / "run" / "report.html").read_text()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<svg" in html and "<details" in html
    markdown = (tmp_path / "run" / "report.md").read_text()
    assert "| alpha" in markdown and "quotes" in markdown


# --- compare and gate -------------------------------------------------------------------


def test_compare_lists_the_cases_that_changed(
    suite: Path, tmp_path: Path, perfect_run: tuple[Path, Report]
) -> None:
    _, report_a = perfect_run
    comparison = compare(report_a, Report.load(_degraded_run(suite, tmp_path)))
    assert list(comparison.changed_cases) == ["beta"]
    moved = {d.metric: d.delta for d in comparison.changed_cases["beta"]}
    assert moved["quotes.recall"] == -1.0
    assert "actors.f1" not in moved
    deltas = {m.metric: m.delta for m in comparison.metrics}
    assert deltas["quotes.recall"] == -0.5
    assert deltas["actors.f1"] == 0.0


def test_gate_passes_against_its_own_report(perfect_run: tuple[Path, Report]) -> None:
    out, report = perfect_run
    assert gate(report, out / "report.json") == []


def test_gate_fails_when_a_metric_drops_beyond_tolerance(
    suite: Path, tmp_path: Path, perfect_run: tuple[Path, Report]
) -> None:
    baseline, _ = perfect_run
    worse = Report.load(_degraded_run(suite, tmp_path))
    failures = gate(worse, baseline / "report.json")
    names = {f.metric for f in failures}
    assert "quotes.f1" in names and "quotes.f1_at_0_3" in names
    assert "actors.f1" not in names
    failure = next(f for f in failures if f.metric == "quotes.f1")
    assert (failure.expected, failure.actual) == (1.0, 0.5)
    assert "1.000 -> 0.500" in str(failure)


def test_thresholds_file_with_min_max_and_baseline_rules(suite: Path, tmp_path: Path) -> None:
    report = Report.load(_degraded_run(suite, tmp_path))  # quotes.f1_at_0_3 is 0.5
    thresholds = tmp_path / "gate.json"
    rules: dict[str, Any] = {
        "quotes.f1_at_0_3": {"min": 0.6},
        "actors.f1": {"min": 0.9},
        "actors.recall": {"baseline": 1.01, "tolerance": 0.02},  # a drop of 0.01: allowed
        "tensions.f1": {"baseline": 1.01},  # the file's tolerance, 0.02, applies
        "cost.total_tokens": {"max": 900},  # 1000 tokens per article: too many
        "summary.no_such_metric": {"min": 0},
    }
    thresholds.write_text(json.dumps({"tolerance": 0.02, "metrics": rules}))
    failures = {f.metric: f for f in gate(report, thresholds)}
    assert set(failures) == {"quotes.f1_at_0_3", "cost.total_tokens", "summary.no_such_metric"}
    assert "below min 0.6" in str(failures["quotes.f1_at_0_3"])
    assert "above max 900" in str(failures["cost.total_tokens"])
    assert "missing" in str(failures["summary.no_such_metric"])


def test_thresholds_file_in_toml(tmp_path: Path, perfect_run: tuple[Path, Report]) -> None:
    _, report = perfect_run
    thresholds = tmp_path / "gate.toml"
    thresholds.write_text('tolerance = 0.1\n[metrics]\n"quotes.f1" = { baseline = 1.2 }\n')
    [failure] = gate(report, thresholds)
    assert failure.metric == "quotes.f1" and "fell by more than 0.1" in str(failure)


def test_cost_baseline_fails_when_cost_rises(
    tmp_path: Path, perfect_run: tuple[Path, Report]
) -> None:
    _, report = perfect_run
    thresholds = tmp_path / "gate.json"
    rules = {"cost.total_tokens": {"baseline": 800, "tolerance": 100}}
    thresholds.write_text(json.dumps({"metrics": rules}))
    [failure] = gate(report, thresholds)
    assert "rose by more than 100" in str(failure)


# --- CLI --------------------------------------------------------------------------------


def test_cli_score_exits_1_on_regression_and_names_the_metric(
    suite: Path,
    tmp_path: Path,
    perfect_run: tuple[Path, Report],
    capsys: pytest.CaptureFixture[str],
) -> None:
    baseline, _ = perfect_run
    worse = _degraded_run(suite, tmp_path)
    capsys.readouterr()
    assert main(["eval", "score", str(worse), "--baseline", str(baseline / "report.json")]) == 1
    err = capsys.readouterr().err
    assert "quotes.f1: 1.000 -> 0.500" in err
    assert main(["eval", "score", str(baseline), "--baseline", str(baseline / "report.json")]) == 0


def test_cli_compare_shows_deltas_and_changed_cases(
    suite: Path,
    tmp_path: Path,
    perfect_run: tuple[Path, Report],
    capsys: pytest.CaptureFixture[str],
) -> None:
    baseline, _ = perfect_run
    worse = _degraded_run(suite, tmp_path)
    capsys.readouterr()
    assert main(["eval", "compare", str(baseline), str(worse)]) == 0
    out = capsys.readouterr().out
    assert "quotes.recall" in out and "-0.500" in out
    assert "beta" in out and "alpha" not in out.split("changed case")[1]


def test_cli_check_exits_1_on_bad_gold(suite: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "check", str(suite)]) == 0
    gold = json.loads((suite / "beta.gold.json").read_text())
    gold["quotes"][0]["text"] = "Iran must stop everything"
    (suite / "beta.gold.json").write_text(json.dumps(gold))
    assert main(["eval", "check", str(suite)]) == 1
    assert "beta.gold.json: quotes[0] is not verbatim" in capsys.readouterr().out


def test_cli_run_offline_on_the_seed_writes_reports(tmp_path: Path) -> None:
    """The offline backend needs no network."""
    out = tmp_path / "run"
    assert (
        main(["eval", "run", "--suite", str(SEED_GOLD), "--model", "offline", "--out", str(out)])
        == 0
    )
    report = Report.load(out)
    assert report.run["model"] == "offline"
    assert report.metric("cost.failed") == 0.0
    assert main(["eval", "score", str(out), "--baseline", str(out / "report.json")]) == 0


def test_cli_run_records_settings_that_came_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run made with SUMMARIZER_MODE=json in the environment must say so in run.json."""
    monkeypatch.setenv("SUMMARIZER_MODE", "json")
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "1")
    monkeypatch.setenv("SUMMARIZER_MAX_OUTPUT_TOKENS", "1536")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://user:hunter2@127.0.0.1:9/v1")
    out = tmp_path / "run"
    argv = ["eval", "run", "--suite", str(SEED_GOLD), "--model", "offline", "--out", str(out)]
    assert main([*argv, "--no-grounding"]) == 0
    settings = json.loads((out / "run.json").read_text())["settings"]
    assert settings["mode"] == "json"
    assert settings["max_reasks"] == 1
    assert settings["max_output_tokens"] == 1536
    assert settings["grounding"] is False
    assert settings["base_url"] == "http://127.0.0.1:9/v1"
    assert "hunter2" not in (out / "run.json").read_text()


def test_every_eval_command_has_help_text() -> None:
    from summarizer.cli._eval import eval_app

    for command in eval_app.registered_commands:
        assert command.callback is not None and command.callback.__doc__, command.name
