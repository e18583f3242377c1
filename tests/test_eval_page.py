"""The eval report page and the comparison page: what a reader sees, from real runs."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

from test_eval_harness import (  # noqa: F401  (suite is a fixture)
    FakeSummarizer,
    perfect_briefing,
    suite,
    without_quotes,
)

from summarizer._schema import Quote, Rejection
from summarizer.cli import main
from summarizer.eval import run_suite
from summarizer.render._eval_page import metric_words


def _text(page: str) -> str:
    """The page's visible text, roughly: tags dropped, entities decoded, spaces squeezed."""
    no_style = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", no_style)))


def _flawed_run(suite: Path, out: Path) -> str:  # noqa: F811
    """alpha: one quote with the wrong speaker, one invented quote, a rejected tension and
    a summary naming someone the article does not; beta: no quotes."""
    alpha = perfect_briefing("alpha")
    alpha = alpha.model_copy(
        update={
            "quotes": [
                Quote(text="Our ties are strong,", speaker="Emomali Rahmon"),
                Quote(text="We are brothers forever.", speaker="Vladimir Putin"),
            ],
            "summary": "Putin met Rahmon in Dushanbe with Angela Merkel.",
            "rejected": [
                Rejection(
                    field="tensions",
                    item={"parties": ["Putin", "NATO"], "description": "x", "evidence": "y"},
                    reason="evidence is not in the article word for word: 'y'",
                )
            ],
        }
    )
    fake = FakeSummarizer({"alpha": alpha, "beta": without_quotes("beta")})
    run_suite(suite, fake, out)
    return (out / "report.html").read_text(encoding="utf-8")


def test_metric_names_are_words() -> None:
    assert metric_words("quotes.f1_at_0_3") == "F1 (overlap ≥ 0.3)"
    assert metric_words("quotes.speaker_accuracy") == "speaker accuracy (matched quotes)"
    assert metric_words("cost.latency_s") == "latency (seconds)"


def test_report_page_shows_counts_statuses_rejections_and_marks(
    suite: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    page = _flawed_run(suite, tmp_path / "run")
    text = _text(page)
    # n beside the rates: 2 predicted quotes in alpha, 1 matched (wrong speaker); 3 required
    # gold quotes in all, 1 found.
    assert "speaker accuracy (matched quotes) 0.000 1 case; 0 of 1 matched quotes" in text
    assert "1 of 2 predicted quotes matched" in text
    assert "1 of 3 required gold quotes found" in text
    assert "speaker_accuracy" not in text and "precision_at_0_3" not in text
    # the bootstrap interval is there
    assert "recall 0.250 2 cases; 1 of 3 required gold quotes found 0.000 – 0.500" in text
    # match status per item, gold and predicted
    assert 'class="wrong" data-label="item"><span class="st">wrong speaker</span>Our ties' in page
    assert "speaker 'Emomali Rahmon', gold 'Vladimir Putin'" in text
    assert (
        'class="spurious" data-label="item"><span class="st">spurious</span>We are brothers' in page
    )
    assert 'class="missed" data-label="item"><span class="st">missed</span>Iran must stop' in page
    assert '<span class="st">found</span>Vladimir Putin' in page
    # what grounding rejected, with the reason
    assert "Rejected by grounding (1)" in text
    assert "Putin / NATO: x — evidence is not in the article word for word" in text
    # the unsupported name in the summary is marked
    assert re.search(r"<mark[^>]*>Angela</mark> <mark[^>]*>Merkel</mark>", page)
    # the filter, no script, no network
    assert 'id="only-failures"' in page and "only failures (2 of 2 cases)" in text
    assert "<script" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "@media print" in page


def test_compare_html_writes_deltas_noise_and_opens_changed_cases(
    suite: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    both = {"alpha": perfect_briefing("alpha"), "beta": perfect_briefing("beta")}
    run_suite(suite, FakeSummarizer(both), tmp_path / "a")
    worse = {"alpha": perfect_briefing("alpha"), "beta": without_quotes("beta")}
    run_suite(suite, FakeSummarizer(worse), tmp_path / "b")
    out = tmp_path / "cmp.html"
    code = main(["eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--html", str(out)])
    assert code in (0, None)
    page = out.read_text(encoding="utf-8")
    text = _text(page)
    assert "recall 1.000 0.500 -0.500" in text  # quotes: beta lost its one quote
    assert "within noise" in text  # two cases cannot show a change beyond the noise
    assert re.search(r'<details class="case changed" id="case-beta" data-label="case" open>', page)
    assert re.search(r'<details class="case same" id="case-alpha" data-label="case">', page)
    assert 'id="only-changed"' in page and "only changed cases (1 of 2)" in text
    assert "<script" not in page
    # B's side of beta shows the quote as missed
    beta = page[page.index('id="case-beta"') :]
    assert '<span class="st">missed</span>Iran must stop' in beta


def test_report_page_without_outputs_falls_back_to_the_details(
    suite: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "run"
    _flawed_run(suite, out)
    from summarizer.eval import Report
    from summarizer.render._eval_page import render_report_page

    page = render_report_page(Report.load(out), None)  # no run folder: no outputs, no gold
    assert "We are brothers forever." in page and "missed" in page
    data = json.loads((out / "report.json").read_text())
    assert data["details"]["alpha"]["quotes"]["spurious"] == ["We are brothers forever."]
