"""The faithfulness judge against the fake OpenAI server: labels, cache, call log, gate."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.eval import Judge, agreement, gate, load_judge_gold, score_run
from summarizer.eval._judge import Verdict
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "evals" / "judge" / "gold.jsonl"
ARTICLE = "Putin invited Rahmon to Moscow on Tuesday. Rahmon declined.\n"


def _numbered(request: dict[str, Any]) -> list[int]:
    user = request["messages"][-1]["content"]
    summary = user.split("<summary>", 1)[1]
    return [int(n) for n in re.findall(r"^(\d+)\. ", summary, re.M)]


def label_all(label: str) -> Any:
    """A fake judge that gives every numbered sentence the same label."""

    def answer(request: dict[str, Any]) -> Reply:
        labels = [{"sentence": n, "label": label, "reason": "r"} for n in _numbered(request)]
        return Reply({"labels": labels})

    return answer


def judge_for(server: FakeOpenAI, **kw: Any) -> Judge:
    return Judge("judge-model", base_url=server.base_url, api_key="sk-test", **kw)


def test_judge_labels_each_sentence_and_logs_every_call(tmp_path: Path) -> None:
    calls: list[Any] = []
    replies = [Reply({"labels": [
        {"sentence": 1, "label": "contradicted", "reason": "Putin invited Rahmon"},
        {"sentence": 2, "label": "supported"},
    ]})]  # fmt: skip
    with FakeOpenAI(replies) as server:
        judge = judge_for(server, on_call=calls.append, cache_dir=tmp_path)
        verdict = judge.judge(ARTICLE, "Rahmon invited Putin to Moscow. Rahmon declined.")
        assert verdict.labels == ["contradicted", "supported"]
        assert verdict.scores()["supported"] == 0.5
        assert verdict.faults() == [
            "contradicted: Rahmon invited Putin to Moscow. (Putin invited Rahmon)"
        ]
        assert len(calls) == 1 and calls[0].prompt.id == "judge"
        # the prompt numbers the sentences and carries the article as data
        sent = server.requests[0]["messages"][-1]["content"]
        assert "<article>" in sent and "1. Rahmon invited Putin to Moscow." in sent
        # cached: the same summary again makes no call
        again = judge.judge(ARTICLE, "Rahmon invited Putin to Moscow. Rahmon declined.")
        assert again.cached and again.labels == verdict.labels
        assert server.count == 1


def test_a_sentence_the_judge_skips_is_unlabelled_not_supported() -> None:
    with FakeOpenAI([Reply({"labels": [{"sentence": 2, "label": "supported"}]})]) as server:
        verdict = judge_for(server).judge(ARTICLE, "One thing. Another thing.")
    assert verdict.labels == ["unlabelled", "supported"]
    assert verdict.scores()["supported"] == 0.5


def test_agreement_counts_caught_false_sentences_and_kappa() -> None:
    gold = load_judge_gold(GOLD)
    perfect = [
        Verdict(
            [s.text for s in g.sentences], [s.label for s in g.sentences], [""] * len(g.sentences)
        )
        for g in gold
    ]
    result = agreement(gold, perfect)
    assert result.accuracy == 1.0 and result.kappa == pytest.approx(1.0)
    assert result.false_caught == result.false_total >= 3
    yes_man = [Verdict(v.sentences, ["supported"] * len(v.labels), v.reasons) for v in perfect]
    lazy = agreement(gold, yes_man)
    assert lazy.false_caught == 0 and lazy.kappa == pytest.approx(0.0)


def test_the_judge_gold_holds_the_three_false_local_model_summaries() -> None:
    gold = {g.source: g for g in load_judge_gold(GOLD)}
    run = "evals/runs/qwen1.5b-v2-dev-grounded/outputs/"
    for case in (
        "allsides-169-iraq-pm-resign",  # inverted cause
        "basil-2016-trump-vicente-fox-feud-nyt",  # inverted invitation
        "cnndm-germanwings-video-lubitz",  # a claim the article never makes
    ):
        item = gold[f"{run}{case}.json"]
        assert item.sentences[0].label != "supported", case
        recorded = json.loads((ROOT / item.source).read_text(encoding="utf-8"))
        assert recorded["summary"] == item.summary


def test_score_run_with_a_judge_adds_the_judge_section(tmp_path: Path) -> None:
    run = tmp_path / "run"
    shutil.copytree(ROOT / "evals" / "runs" / "qwen1.5b-v2-grounded", run)
    with FakeOpenAI(default=label_all("not_in_article")) as server:
        report = score_run(run, ROOT / "evals" / "suites" / "dev-llm", judge=judge_for(server))
        calls = server.count
        assert calls == len(report.cases)
        assert report.metric("judge.supported") == 0.0
        assert report.metric("judge.not_in_article") == 1.0
        assert report.run["judge"]["model"] == "judge-model"
        assert report.interval("judge.supported") == (0.0, 0.0)
        assert any("judge" in d for d in report.details.values())
        # verdicts are kept in the run folder: a rescore makes no call
        score_run(run, ROOT / "evals" / "suites" / "dev-llm", judge=judge_for(server))
        assert server.count == calls
    assert list((run / "judge").glob("*.json"))


def test_gate_guards_faithfulness_only_where_it_was_measured(tmp_path: Path) -> None:
    run = tmp_path / "run"
    shutil.copytree(ROOT / "evals" / "runs" / "qwen1.5b-v2-grounded", run)
    suite = ROOT / "evals" / "suites" / "dev-llm"
    with FakeOpenAI(default=label_all("supported")) as server:
        good = score_run(run, suite, judge=judge_for(server, cache_dir=tmp_path / "a"))
    with FakeOpenAI(default=label_all("contradicted")) as server:
        bad = score_run(run, suite, judge=judge_for(server, cache_dir=tmp_path / "b"))
    baseline = tmp_path / "baseline.json"
    baseline.write_text(good.model_dump_json(), encoding="utf-8")
    failed = {f.metric for f in gate(bad, baseline)}
    assert {"judge.supported", "judge.contradicted"} <= failed
    assert not any(
        m.startswith("judge.") for m in {f.metric for f in gate(score_run(run, suite), baseline)}
    )


def test_cli_judge_prints_agreement_with_the_gold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with FakeOpenAI(default=label_all("supported")) as server:
        code = main(
            ["eval", "judge", str(GOLD), "--model", "judge-model", "--base-url",
             server.base_url, "--api-key", "sk-test", "--out", str(tmp_path)],
        )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0, out
    assert "false sentences caught" in out
    record = json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))
    assert record["false_sentences_caught"].startswith("0/")
    assert record["judge"]["id"] == "judge"
    # the verdicts are reused: a second run (here on the first 3 summaries) makes no call
    with FakeOpenAI() as server:
        code = main(
            ["eval", "judge", str(GOLD), "--model", "judge-model", "--base-url",
             server.base_url, "--api-key", "sk-test", "--out", str(tmp_path), "--limit", "3"],
        )  # fmt: skip
        assert code == 0 and server.count == 0
    assert json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))["summaries"] == 3
    capsys.readouterr()
    code = main(
        ["eval", "judge", str(GOLD), "--model", "judge-model", "--base-url", "http://127.0.0.1:9",
         "--api-key", "sk-test", "--out", str(tmp_path), "--limit", "3", "--json"],
    )  # fmt: skip
    printed = json.loads(capsys.readouterr().out)  # --json: only the JSON on stdout
    assert code == 0 and printed == json.loads((tmp_path / "agreement.json").read_text())
