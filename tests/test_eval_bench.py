"""External benchmarks: loaders and scorers on tiny hand-made samples, the runner, the CLI.

Tests whose names contain ``shared`` read ``../shared/data/external`` (marker
``shared_data``: skipped when it is absent, a failure in CI).
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from summarizer._schema import Actor, Briefing, PromptInfo, Quote
from summarizer._text import paragraph_sentences
from summarizer.cli import main
from summarizer.eval import _bench_peer as peer
from summarizer.eval._bench import BenchDataError, BenchReport, default_data_dir, run_bench
from summarizer.eval._bench_basil import BasilArticle, load_basil, score_basil
from summarizer.eval._bench_polnear import (
    PolnearArticle,
    PredictedQuote,
    alnum_positions,
    load_polnear,
    locate,
    parse_record,
    score_article,
    score_polnear,
    speaker_matches,
)
from summarizer.eval._bench_writer import (
    WriterArticle,
    lead3,
    load_writer,
    rouge_best,
    score_summaries,
    score_writers,
)

EXTERNAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "external"
needs_shared = pytest.mark.shared_data(
    "data/external/polnear", "data/external/basil", "data/external/llm_news_summ_writer_summaries"
)

# --- a tiny PolNeAR record ----------------------------------------------------------------

PN_TEXT = (
    "Senator Jo Roe spoke on Monday.\n\n"
    "“We will win,” Roe said. “We always do.”\n\n"
    "She called the plan “a disaster” in a statement.\n\n"
    "“Nobody asked us,” he said."
)


def _span(text: str, needle: str) -> dict[str, Any]:
    start = PN_TEXT.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle}


def _relation(content: list[str], source: str, quote_type: str, pronoun: bool = False) -> Any:
    return {
        "id": "E",
        "source": [_span(PN_TEXT, source)],
        "cue": [],
        "content": [_span(PN_TEXT, c) for c in content],
        "has_source": True,
        "quote_type": quote_type,
        "source_is_pronoun": pronoun,
    }


PN_RECORD = {
    "id": "pn-1",
    "text": PN_TEXT,
    "primary_annotator": "a1",
    "annotations": {
        "a1": [
            {**_relation(["spoke"], "Senator Jo Roe", "indirect")},
            _relation(["“We will win,”", "“We always do.”"], "Roe", "direct"),
            _relation(["the plan “a disaster”"], "She", "partial", pronoun=True),
            _relation(["“Nobody asked us,”"], "he", "direct", pronoun=True),
        ],
        "a2": [],
    },
}


@pytest.fixture
def pn_article() -> PolnearArticle:
    return parse_record(PN_RECORD)


def _pred(text: str, speaker: str = "Jo Roe") -> PredictedQuote:
    start = PN_TEXT.index(text)
    return PredictedQuote(alnum_positions(PN_TEXT, [(start, start + len(text))]), (speaker,), text)


def test_polnear_record_keeps_direct_and_partial_quotes_of_the_primary_annotator(
    pn_article: PolnearArticle,
) -> None:
    kinds = [(q.direct, q.speaker, q.pronoun) for q in pn_article.quotes]
    assert kinds == [(True, "Roe", False), (False, "She", True), (True, "he", True)]
    assert len(pn_article.direct) == 2
    # the quote broken by its attribution is one gold quote with both spans' letters
    assert pn_article.quotes[0].chars == alnum_positions(
        PN_TEXT, [(PN_TEXT.index("“We will"), PN_TEXT.index(" Roe said"))]
    ) | alnum_positions(PN_TEXT, [(PN_TEXT.index("“We always"), PN_TEXT.index("\n\nShe"))])


def test_pronoun_speaker_gets_the_nearest_preceding_named_source(
    pn_article: PolnearArticle,
) -> None:
    assert pn_article.quotes[2].antecedent == "Roe"  # "She" is a pronoun too: skipped
    # The new reference: the name heading the nearest mention (Roe's gender is not
    # shown, so it does not disagree with "he"; "Jo" is no given name the lexicon knows).
    assert pn_article.quotes[2].referent == "Roe"


def _pronoun_record(text: str, sources: list[str], quote: str, pronoun_at: str) -> Any:
    """A record whose sources are indirect attributions and whose last relation is a
    direct quote with a pronoun speaker (the pronoun is the first occurrence of
    ``pronoun_at``'s last word inside ``pronoun_at``)."""

    def span(needle: str, base: int = 0) -> dict[str, Any]:
        start = text.index(needle, base)
        return {"start": start, "end": start + len(needle), "text": needle}

    where = text.index(pronoun_at)
    word = pronoun_at.split()[-1]
    pron = span(word, where + pronoun_at.rindex(word))
    rels = [
        {"source": [span(s)], "content": [span(s)], "has_source": True, "quote_type": "indirect"}
        for s in sources
    ]
    rels.append(
        {
            "source": [pron],
            "content": [span(quote)],
            "has_source": True,
            "quote_type": "direct",
            "source_is_pronoun": True,
        }
    )
    return {"id": "pn-r", "text": text, "primary_annotator": "a", "annotations": {"a": rels}}


def test_pronoun_referent_passes_over_a_description_to_the_name() -> None:
    text = (
        "Gov. John Kasich said on Saturday that he was ready.\n\n"
        "The Ohio governor said he would not support mass deportation.\n\n"
        "“We can do better,” he said."
    )
    record = _pronoun_record(
        text, ["Gov. John Kasich", "The Ohio governor"], "“We can do better,”", "” he"
    )
    quote = parse_record(record).direct[0]
    assert quote.antecedent == "The Ohio governor"  # the old reference
    assert quote.referent == "John Kasich"


def test_pronoun_referent_is_the_name_that_ends_a_mention() -> None:
    text = (
        "Alabama Democratic Party chairwoman Nancy Worley pledged her vote to Clinton. "
        "“We need to bring a close to this primary,” she said."
    )
    record = _pronoun_record(
        text,
        ["Alabama Democratic Party chairwoman Nancy Worley"],
        "“We need to bring a close to this primary,”",
        "” she",
    )
    assert parse_record(record).direct[0].referent == "Nancy Worley"


def test_pronoun_referent_agrees_in_gender() -> None:
    text = (
        "Mary Smith said she was tired. Tom Jones said he agreed with the plan. "
        "Later, “We did it,” she said."
    )
    record = _pronoun_record(text, ["Mary Smith", "Tom Jones"], "“We did it,”", "” she")
    quote = parse_record(record).direct[0]
    assert quote.antecedent == "Tom Jones"
    assert quote.referent == "Mary Smith"


def test_pronoun_referent_reads_a_bare_surname_as_the_full_name_of_that_gender() -> None:
    text = (
        "Hillary Clinton said she would win. Bill Clinton said he agreed. "
        "Clinton told the crowd about the plan. “We did it,” she said."
    )
    record = _pronoun_record(
        text, ["Hillary Clinton", "Bill Clinton", "Clinton"], "“We did it,”", "” she"
    )
    assert parse_record(record).direct[0].referent == "Hillary Clinton"


def test_pronoun_referent_takes_a_speaker_named_as_a_sentence_subject() -> None:
    text = (
        "Donald Trump said he would go to Mexico. Enrique Pena Nieto said he was ready. "
        "Trump almost seemed to agree. “We will work together,” he said."
    )
    record = _pronoun_record(
        text, ["Donald Trump", "Enrique Pena Nieto"], "“We will work together,”", "” he"
    )
    quote = parse_record(record).direct[0]
    assert quote.antecedent == "Enrique Pena Nieto"
    assert quote.referent == "Trump"


def test_pronoun_referent_passes_over_an_outlet_or_a_group() -> None:
    text = (
        "Bernie Sanders said he was angry. The Times wrote that the tax code was rigged. "
        "“It is time,” he said."
    )
    record = _pronoun_record(text, ["Bernie Sanders", "The Times"], "“It is time,”", "” he")
    quote = parse_record(record).direct[0]
    assert quote.antecedent == "The Times"
    assert quote.referent == "Bernie Sanders"


def test_pronoun_referent_is_none_for_other_pronouns() -> None:
    text = "Mary Smith said she agreed. “We did it,” I said."
    record = _pronoun_record(text, ["Mary Smith"], "“We did it,”", "” I")
    assert parse_record(record).direct[0].referent is None


def test_score_polnear_scores_pronouns_by_referent_and_keeps_the_old_figure() -> None:
    text = (
        "Gov. John Kasich said on Saturday that he was ready.\n\n"
        "The Ohio governor said he would not support mass deportation.\n\n"
        "“We can do better,” he said."
    )
    article = parse_record(
        _pronoun_record(
            text, ["Gov. John Kasich", "The Ohio governor"], "“We can do better,”", "” he"
        )
    )
    start = text.index("We can")
    pred = PredictedQuote(alnum_positions(text, [(start, start + 14)]), ("John Kasich",), "")
    scores = score_polnear([article], {"pn-r": [pred]})
    assert scores["speaker_pronoun_0_3"] == 1.0 and scores["pronoun_0_3"] == 1
    assert scores["speaker_pronoun_nearest_mention_0_3"] == 0.0
    assert scores["pronoun_nearest_mention_0_3"] == 1 and scores["pronoun_unnamed_0_3"] == 0


def test_locate_places_quotes_whatever_their_quotation_marks_and_case() -> None:
    quotes = [
        Quote(text='"we will win,"', speaker="Roe"),
        Quote(text="Nobody   asked us", speaker="Roe"),
        Quote(text="not in the article", speaker="Roe"),
    ]
    actors = [Actor(name="Jo Roe", type="person", role="", aliases=["Roe"])]
    placed = locate(PN_TEXT, quotes, actors)
    assert placed[0].chars == _pred("We will win").chars
    assert placed[1].chars == _pred("Nobody asked us").chars
    assert placed[2].chars == frozenset()
    assert "Jo Roe" in placed[0].speaker_names  # the speaker's aliases come along


def test_locate_gives_a_repeated_quote_the_next_occurrence() -> None:
    text = '"Yes we can," he said. Later: "Yes we can," she said.'
    placed = locate(text, [Quote(text="Yes we can", speaker="x")] * 2, [])
    assert placed[0].chars != placed[1].chars
    assert min(placed[1].chars) > max(placed[0].chars)


def test_pieces_of_a_broken_quote_are_pooled_into_one_match(pn_article: PolnearArticle) -> None:
    preds = [_pred("We will win"), _pred("We always do")]
    counts = score_article(pn_article, preds, 0.8)
    assert (counts.found, counts.correct, counts.predicted) == (1, 2, 2)


def test_half_a_quote_matches_at_0_3_but_not_at_0_8(pn_article: PolnearArticle) -> None:
    preds = [_pred("We will win")]
    assert score_article(pn_article, preds, 0.3).found == 1
    assert score_article(pn_article, preds, 0.8).found == 0
    assert score_article(pn_article, preds, 0.8).correct == 0  # a false positive there


def test_partial_quote_is_allowed_but_not_required(pn_article: PolnearArticle) -> None:
    counts = score_article(pn_article, [_pred("a disaster")], 0.8)
    assert (counts.found, counts.correct, counts.correct_strict) == (0, 1, 0)


def test_duplicate_and_stray_predictions_are_false_positives(pn_article: PolnearArticle) -> None:
    preds = [_pred("We will win"), _pred("We will win"), _pred("Senator Jo Roe spoke")]
    counts = score_article(pn_article, preds, 0.3)
    assert (counts.found, counts.correct, counts.predicted) == (1, 1, 3)


def test_speaker_matches_names_alias_aware_both_ways() -> None:
    assert speaker_matches(["Donald Trump"], "Mr. Trump")
    assert speaker_matches(["Chris Low"], "Chris Low at FTN Financial")
    assert speaker_matches(["Jerry Nadler"], "Rep. Jerry Nadler, a Democrat from New York")
    assert not speaker_matches(["The Washington Post"], "the influential US daily")
    assert not speaker_matches([], "Roe")


def test_score_polnear_is_micro_averaged_with_named_and_pronoun_speakers_apart(
    pn_article: PolnearArticle,
) -> None:
    preds = [
        _pred("We will win", "Jo Roe"),
        _pred("We always do", "Jo Roe"),
        _pred("Nobody asked us", "Somebody Else"),
    ]
    scores = score_polnear([pn_article], {"pn-1": preds})
    assert scores["precision_0_8"] == scores["recall_0_8"] == scores["f1_0_8"] == 1.0
    assert scores["speaker_named_0_8"] == 1.0 and scores["named_0_8"] == 1
    assert scores["speaker_pronoun_0_8"] == 0.0 and scores["pronoun_0_8"] == 1
    assert scores["pronoun_unnamed_0_8"] == 0
    assert scores["speaker_pronoun_nearest_mention_0_8"] == 0.0
    assert scores["pronoun_nearest_mention_0_8"] == 1
    assert (scores["predicted"], scores["gold"]) == (3, 2)


def test_score_polnear_with_no_prediction_has_undefined_precision(
    pn_article: PolnearArticle,
) -> None:
    scores = score_polnear([pn_article], {})
    assert scores["precision_0_3"] is None and scores["recall_0_3"] == 0.0
    assert scores["f1_0_3"] is None


def test_load_polnear_reads_jsonl_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "pn.jsonl"
    path.write_text(json.dumps(PN_RECORD) + "\n" + json.dumps({**PN_RECORD, "id": "pn-2"}) + "\n")
    assert [a.id for a in load_polnear(path)] == ["pn-1", "pn-2"]
    assert [a.id for a in load_polnear(path, limit=1)] == ["pn-1"]


# --- BASIL ------------------------------------------------------------------------------


def _actor(name: str, *aliases: str) -> Actor:
    return Actor(name=name, type="person", role="", aliases=list(aliases))


def test_basil_recall_is_alias_aware_and_split_by_named_in_text() -> None:
    articles = [
        BasilArticle(
            "b1", "Barack Obama spoke. Obama left.", ("Barack Obama", "Republican Lawmakers")
        ),
        BasilArticle("b2", "Michael Steele resigned.", ("Michael Steele",)),
    ]
    predictions = {"b1": [_actor("Obama")], "b2": [_actor("RNC chair", "Michael Steele")]}
    scores = score_basil(articles, predictions)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["recall_macro"] == pytest.approx((0.5 + 1.0) / 2)
    assert scores["in_text"] == pytest.approx(2 / 3)
    assert scores["recall_in_text"] == 1.0
    assert scores["actors_per_article"] == 1.0


def test_basil_longer_prediction_does_not_match_a_shorter_entity() -> None:
    # the eval's name matching: a prediction may shorten a gold name, not extend it
    articles = [BasilArticle("b1", "Trump.", ("Trump",))]
    assert score_basil(articles, {"b1": [_actor("President Donald Trump")]})["recall"] == 0.0
    assert score_basil(articles, {"b1": [_actor("Donald Trump", "Trump")]})["recall"] == 1.0


def test_load_basil_reads_main_entities(tmp_path: Path) -> None:
    path = tmp_path / "basil.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "T", "main_entities": ["A B"]}) + "\n")
    assert load_basil(path) == [BasilArticle("x", "T", ("A B",))]


# --- writer summaries -----------------------------------------------------------------


def test_lead3_sentences_do_not_end_at_abbreviations_or_initials() -> None:
    # Lead-3 splits with the text core's splitter, paragraph by paragraph.
    text = "Mr. Smith met U.S. officials. He left at 5 p.m. on Monday! Did J. Doe come?\nNew line."
    assert paragraph_sentences(text) == [
        "Mr. Smith met U.S. officials.",
        "He left at 5 p.m. on Monday!",
        "Did J. Doe come?",
        "New line.",
    ]


def test_lead3_is_the_first_three_sentences() -> None:
    assert lead3("One is here. Two is here.\n\nThree is here. Four is here.") == (
        "One is here. Two is here. Three is here."
    )


def test_rouge_uses_the_best_matching_reference() -> None:
    refs = ["the cat sat on the mat", "stocks fell sharply in Tokyo"]
    assert rouge_best("stocks fell sharply in Tokyo", refs)["rouge_1"] == 1.0
    assert rouge_best("", refs) == {"rouge_1": 0.0, "rouge_2": 0.0, "rouge_l": 0.0}


def test_score_summaries_averages_over_articles_and_missing_is_empty() -> None:
    articles = [WriterArticle("w1", "", ("a b c",)), WriterArticle("w2", "", ("d e f",))]
    scores = score_summaries(articles, {"w1": "a b c"})
    assert scores["rouge_1"] == 0.5 and scores["words"] == 1.5


def test_writers_leave_one_out_skips_single_reference_articles() -> None:
    articles = [
        WriterArticle("w1", "", ("a b c d", "a b c d")),
        WriterArticle("w2", "", ("only one",)),
    ]
    scores = score_writers(articles)
    assert scores["rouge_1"] == 1.0 and scores["articles"] == 1


def test_load_writer_reads_references(tmp_path: Path) -> None:
    path = tmp_path / "w.jsonl"
    record = {"article_id": "w1", "article": "Text.", "writer_summaries": ["S1", "S2"]}
    path.write_text(json.dumps(record) + "\n")
    assert load_writer(path) == [WriterArticle("w1", "Text.", ("S1", "S2"))]


# --- the runner and the CLI -------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "external"
    for folder in ("polnear", "basil", "llm_news_summ_writer_summaries"):
        (root / folder).mkdir(parents=True)
    (root / "polnear" / "polnear_test.jsonl").write_text(json.dumps(PN_RECORD) + "\n")
    (root / "polnear" / "polnear_dev.jsonl").write_text(
        json.dumps({**PN_RECORD, "id": "pn-dev"}) + "\n"
    )
    (root / "polnear" / "polnear_train_sample200.jsonl").write_text(
        json.dumps({**PN_RECORD, "id": "pn-train"}) + "\n"
    )
    basil_record = {"id": "b1", "text": PN_TEXT, "main_entities": ["Jo Roe", "Acme Corp"]}
    (root / "basil" / "basil_articles.jsonl").write_text(json.dumps(basil_record) + "\n")
    writer_record = {
        "article_id": "w1",
        "article": PN_TEXT,
        "writer_summaries": ["Senator Jo Roe said they will win.", "Roe spoke."],
    }
    (root / "llm_news_summ_writer_summaries" / "writer_summaries_by_article.jsonl").write_text(
        json.dumps(writer_record) + "\n"
    )
    return root


class FakeSummarizer:
    model = "fake-model"
    prompt = PromptInfo(id="briefing", version="1", sha256="abc")

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def summarize(self, raw_text: str) -> Briefing:
        if self.fail:
            raise RuntimeError("model down")
        return Briefing(
            summary="Senator Jo Roe said they will win.",
            actors=[_actor("Jo Roe", "Roe")],
            quotes=[
                Quote(text="We will win,", speaker="Roe"),
                Quote(text="We always do.", speaker="Roe"),
            ],
            model=self.model,
            prompt=self.prompt,
        )


def test_run_bench_polnear_records_outputs_and_report(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bench"
    report = run_bench("polnear", FakeSummarizer(), data_dir=data_dir, out_dir=out, with_peer=False)
    model_row = report.rows[0]
    assert model_row.system == "summarizer (fake-model)"
    assert model_row.metrics["recall_0_8"] == 0.5 and model_row.metrics["precision_0_8"] == 1.0
    assert report.rows[-1].system.startswith("SFU Gender Gap Tracker")
    assert (out / "outputs" / "pn-1.json").is_file()
    saved = BenchReport.model_validate_json((out / "report.json").read_text())
    assert saved.run["model"] == "fake-model" and saved.split == "test"
    assert "| summarizer (fake-model) | 100.0 | 50.0 |" in (out / "report.md").read_text()


def test_run_bench_polnear_dev_split(data_dir: Path) -> None:
    report = run_bench("polnear", FakeSummarizer(), data_dir=data_dir, split="dev", with_peer=False)
    assert report.split == "dev" and list(report.cases) == ["pn-dev"]


def test_run_bench_polnear_train_split_reads_the_train_sample(data_dir: Path) -> None:
    report = run_bench(
        "polnear", FakeSummarizer(), data_dir=data_dir, split="train", with_peer=False
    )
    assert report.split == "train" and list(report.cases) == ["pn-train"]


def test_run_bench_failed_article_is_scored_empty_and_listed(data_dir: Path) -> None:
    report = run_bench("basil", FakeSummarizer(fail=True), data_dir=data_dir)
    assert report.errors == {"b1": "RuntimeError: model down"}
    assert report.rows[0].metrics["recall"] == 0.0
    assert any("failed" in note for note in report.notes)


def test_run_bench_writer_has_lead3_and_writer_rows(data_dir: Path) -> None:
    report = run_bench("writer", FakeSummarizer(), data_dir=data_dir)
    assert [r.system for r in report.rows] == [
        "summarizer (fake-model)",
        "Lead-3",
        "writers (leave-one-out)",
    ]
    assert report.rows[0].metrics["rouge_1"] == 1.0


def test_peer_row_says_why_it_did_not_run(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(peer, "textacy_unavailable", lambda: "textacy not installed")
    report = run_bench("polnear", FakeSummarizer(), data_dir=data_dir)
    row = next(r for r in report.rows if r.system.startswith("textacy"))
    assert row.metrics == {} and row.note == "not run: textacy not installed"
    assert "| – |" in report.to_markdown()


def test_textacy_peer_finds_direct_quotes_per_paragraph() -> None:
    reason = peer.textacy_unavailable()  # loads spaCy: only here, not at collection
    if reason:
        pytest.skip(reason)
    found, refused = peer.textacy_quotes(
        'The mayor spoke.\n\n"We will rebuild the bridge," the mayor said.\n\n"Unclosed, he said.'
    )
    assert refused == 1
    assert [q.text for q in found] == ['"We will rebuild the bridge,"']
    assert any("mayor" in name for name in found[0].speaker_names)


def test_missing_data_says_how_to_point_at_it(tmp_path: Path) -> None:
    with pytest.raises(BenchDataError, match="--data-dir"):
        run_bench("basil", FakeSummarizer(), data_dir=tmp_path)


def test_data_dir_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_DATA_DIR", str(tmp_path))
    assert default_data_dir() == tmp_path


def test_data_dir_comes_from_the_dotenv_file(tmp_path: Path) -> None:
    # The benches read configuration through the one settings reader (env > .env).
    data = tmp_path / "bench-data"
    data.mkdir()
    (tmp_path / ".env").write_text(f"SUMMARIZER_DATA_DIR={data}\n", encoding="utf-8")
    assert default_data_dir() == data


def test_cli_bench_basil_offline_prints_the_table(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli-bench"
    args = ["eval", "bench", "basil", "--model", "offline", "--data-dir", str(data_dir)]
    code = main([*args, "--out", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "| summarizer (offline) |" in printed and "recall (micro)" in printed
    assert (out / "report.json").is_file()
    assert main([*args, "--json"]) == 0  # the same report, as JSON on stdout
    printed_json = json.loads(capsys.readouterr().out)
    assert printed_json["rows"][0]["system"] == "summarizer (offline)"


def test_cli_bench_rejects_an_unknown_benchmark_or_split(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval", "bench", "nope", "--model", "offline"]) == 4
    assert "choose polnear, basil, writer" in capsys.readouterr().err
    args = ["eval", "bench", "polnear", "--split", "holdout", "--data-dir", str(data_dir)]
    assert main(args) == 4
    assert "choose dev, test, train" in capsys.readouterr().err


def test_cli_bench_missing_data_is_an_input_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["eval", "bench", "writer", "--model", "offline", "--data-dir", str(tmp_path)])
    assert code == 4
    assert "SUMMARIZER_DATA_DIR" in capsys.readouterr().err


# --- the real data sets (../shared) -----------------------------------------------------


@needs_shared
def test_shared_polnear_test_has_84_articles_and_427_direct_quotes() -> None:
    articles = load_polnear(EXTERNAL / "polnear" / "polnear_test.jsonl")
    assert len(articles) == 84
    assert sum(len(a.direct) for a in articles) == 427
    assert all(q.chars for a in articles for q in a.direct)


@needs_shared
def test_shared_polnear_direct_quotes_agree_with_the_convenience_field() -> None:
    path = EXTERNAL / "polnear" / "polnear_dev.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records[:20]:
        article = parse_record(record)
        assert [q.speaker for q in article.direct] == [
            q["speaker_mention"] for q in record["direct_quotes"]
        ]


@needs_shared
def test_shared_basil_and_writer_sizes() -> None:
    basil = load_basil(EXTERNAL / "basil" / "basil_articles.jsonl")
    assert len(basil) == 300 and sum(len(a.main_entities) for a in basil) == 612
    path = EXTERNAL / "llm_news_summ_writer_summaries" / "writer_summaries_by_article.jsonl"
    writer = load_writer(path)
    assert len(writer) == 109 and sum(len(a.references) for a in writer) == 302


def test_pronoun_referent_skips_a_name_inside_a_quotation() -> None:
    text = (
        "Nancy Pelosi told reporters, “Mary Smith said it is not our fight.” "
        "She added, “It is our fight.”"
    )
    record = _pronoun_record(text, ["Nancy Pelosi", "Mary Smith"], "“It is our fight.”", "She")
    assert parse_record(record).direct[0].referent == "Nancy Pelosi"


def test_pronoun_referent_takes_a_person_the_gold_names_as_no_source() -> None:
    text = (
        "Darryl Perry said the race was over. Dan Fishman, the campaign director, has "
        "walked away from each rally with new names. “It is getting easier,” he said."
    )
    record = _pronoun_record(text, ["Darryl Perry"], "“It is getting easier,”", "” he")
    assert parse_record(record).direct[0].referent == "Dan Fishman"


def test_pronoun_referent_reads_a_title_before_of_as_no_name() -> None:
    text = (
        "Tom Jones said he would stay home. Former Secretary of State Mary Smith told the "
        "crowd that the plan had failed. “We did it,” she said."
    )
    record = _pronoun_record(
        text, ["Tom Jones", "Former Secretary of State Mary Smith"], "“We did it,”", "” she"
    )
    referent = parse_record(record).direct[0].referent
    assert referent is not None and speaker_matches(["Mary Smith"], referent)


def test_pronoun_referent_takes_a_subject_after_an_opening_clause() -> None:
    text = (
        "Tom Jones said he would run. Paul Brown said he would not. When the debate turned "
        "to taxes, Jones attacked the plan. “It is a disaster,” he said."
    )
    record = _pronoun_record(text, ["Tom Jones", "Paul Brown"], "“It is a disaster,”", "” he")
    assert parse_record(record).direct[0].referent == "Jones"


def _referent(text: str, sources: list[str], quote: str, pronoun_at: str) -> str | None:
    return parse_record(_pronoun_record(text, sources, quote, pronoun_at)).direct[0].referent


def test_pronoun_referent_reads_no_sentence_end_inside_a_quotation() -> None:
    # the quotation's "No." ends no sentence: Kate Lane opens the one before the pronoun's
    text = (
        "Tom Jones said he would campaign in the state. Kate Lane did not want the help. "
        "“No. I would not ask anyone to come,” she said."
    )
    quote = "“No. I would not ask anyone to come,”"
    assert _referent(text, ["Tom Jones"], quote, "” she") == "Kate Lane"


def test_pronoun_referent_takes_a_subject_after_a_connective() -> None:
    text = (
        "Tom Jones said he would campaign for Kate Lane. But Lane is not interested. "
        "“I will run my own race,” she said."
    )
    assert _referent(text, ["Tom Jones"], "“I will run my own race,”", "” she") == "Lane"


def test_pronoun_referent_takes_a_subject_after_a_title() -> None:
    text = (
        "Tom Jones said he would wait. Former Ohio governor Ed Reed, one of the plan's "
        "backers, was blunt. “Absolutely not,” he said."
    )
    assert _referent(text, ["Tom Jones"], "“Absolutely not,”", "” he") == "Ed Reed"


def test_pronoun_referent_reads_no_sentence_end_after_an_initial() -> None:
    # "scholar A.E. Dick Howard" is an object, not a sentence's subject
    text = (
        "Jim Cole said he had consulted scholar A.E. Dick Howard about the order. "
        "“I want to be clear. It is legal,” he said."
    )
    assert _referent(text, ["Jim Cole"], "“I want to be clear. It is legal,”", "” he") == "Jim Cole"


def test_pronoun_referent_reads_no_gender_off_a_pronoun_inside_a_quotation() -> None:
    # the quoted "He" is Jones, not Kate Lane
    text = (
        "Tom Jones met voters. Kate Lane answered at once: “He is wrong about the plan.” "
        "“We will win,” she said."
    )
    assert _referent(text, ["Tom Jones", "Kate Lane"], "“We will win,”", "” she") == "Kate Lane"


def test_pronoun_referent_looks_past_a_sentence_of_the_same_pronoun() -> None:
    text = (
        "Tom Jones spoke first. Ray Walsh had close ties to the mayor. But on Sunday he "
        "endorsed the governor. “We need a fighter,” he said."
    )
    assert _referent(text, ["Tom Jones"], "“We need a fighter,”", "” he") == "Ray Walsh"


def test_pronoun_referent_takes_a_subject_after_an_asked_clause() -> None:
    text = (
        "Tom Jones said he would vote for Paul Brown. Paul Brown thanked him. Asked whether "
        "he would back Democrats, Jones demurred. “I tell nobody what to do,” he said."
    )
    sources = ["Tom Jones", "Paul Brown"]
    assert _referent(text, sources, "“I tell nobody what to do,”", "” he") == "Jones"


def test_pronoun_referent_reads_a_name_past_a_parenthesis() -> None:
    text = (
        "Tom Jones said he would wait. Clark County (Nev.) Sheriff Joe Lomb, a hard-liner, "
        "backed the wall. He said, “It will be built.”"
    )
    sources = ["Tom Jones", "Clark County (Nev.) Sheriff Joe Lomb"]
    referent = _referent(text, sources, "“It will be built.”", "backed the wall. He")
    assert referent is not None and speaker_matches(["Joe Lomb"], referent)


def test_pronoun_referent_reads_no_weekday_as_a_name() -> None:
    # a weekday heading a gold mention would hide the pronoun that shows Biden's gender
    text = (
        "Tom Jones said he would wait. Sarah Hill said she agreed. Vice President Joe Biden "
        "weighed in, telling a reporter on Monday, “They are both qualified,” he said."
    )
    sources = ["Tom Jones", "Sarah Hill", "Monday"]
    referent = _referent(text, sources, "“They are both qualified,”", "” he")
    assert referent is not None and speaker_matches(["Joe Biden"], referent)


def test_pronoun_referent_takes_a_former_titled_subject() -> None:
    text = (
        "Tom Jones said he would wait. Former Rep. Chris Shaw backed Kate Lane while the "
        "race was open. “She is my next choice,” he said."
    )
    assert _referent(text, ["Tom Jones"], "“She is my next choice,”", "” he") == "Chris Shaw"


def test_pronoun_referent_reads_gender_off_a_subject_pronoun_first() -> None:
    # "scolded him": "him" is the man scolded, "she said" shows Kate Lane's gender
    text = (
        "Tom Jones said he would defend the pills. Sen. Kate Lane (D-Mo.) scolded him: “The "
        "science is against you,” she said. “I do not understand why you need to go there.”"
    )
    sources = ["Tom Jones", "Sen. Kate Lane"]
    assert _referent(text, sources, "“The science is against you,”", "” she") == "Kate Lane"


def test_pronoun_referent_takes_the_one_asked_a_question() -> None:
    # "Hannity asked Trump how high the wall would be. ¶ “...,” he told Hannity.": the one
    # asked answers, though the asker opens the sentence (issue #14, ninth session)
    text = (
        "Ray Walsh toured the border. Tom Jones hosted the show. Jones asked Walsh how high "
        "the wall would be.\n“It could be 40 feet,” he told Jones."
    )
    sources = ["Tom Jones", "Ray Walsh"]
    assert _referent(text, sources, "“It could be 40 feet,”", "” he") == "Walsh"


def test_pronoun_referent_takes_one_asked_only_outside_the_pronoun_s_own_sentence() -> None:
    # "What got under her skin, she said, was ... when a young man asked Clinton why ...":
    # the sentence is the pronoun's, so the one asked in it is not whom "she" names
    text = (
        "Sarah Hill ran for mayor. Kate Lane has backed her for years. What hurt her most, "
        "she said, was a town hall where a young man asked Hill why voters distrust her. "
        "“I was angry,” she said."
    )
    sources = ["Kate Lane", "Sarah Hill"]
    assert _referent(text, sources, "“I was angry,”", "” she") == "Kate Lane"


def test_pronoun_referent_takes_a_name_a_sentence_presents() -> None:
    # "Then there's Axelrod." names him mid-sentence (issue #14, ninth session)
    text = (
        "Ray Walsh's aides praised the plan. Tom Jones wrote a column about it. Then there's "
        "Walsh.\n"
        "“It is bewildering,” he wrote last October."
    )
    sources = ["Tom Jones", "Ray Walsh"]
    assert _referent(text, sources, "“It is bewildering,”", "” he") == "Walsh"


def test_pronoun_referent_reads_gender_off_a_full_name_s_given_name() -> None:
    # "Jeff Weaver" is a man though the next pronoun is the quoted woman's "she": a full
    # name's given name says its gender (issue #14, tenth session)
    text = (
        "Kate Lane spoke first. Later Jeff Weaver endorsed the plan.\n"
        "“It is the right call,” she said."
    )
    sources = ["Kate Lane", "Jeff Weaver"]
    assert _referent(text, sources, "“It is the right call,”", "” she") == "Kate Lane"


def test_pronoun_referent_reads_no_given_name_off_a_headline_run() -> None:
    # "Tom Jones Calls Lane" is a headline's run of capitals, not a man named Lane
    text = (
        "Tom Jones Calls Lane a fraud\n"
        "Jones attacked Lane on Monday, and he did not stop there. Lane answered on Tuesday.\n"
        "“He is wrong,” she said."
    )
    sources = ["Tom Jones", "Lane"]
    assert _referent(text, sources, "“He is wrong,”", "” she") == "Lane"


def test_the_pronoun_reference_and_the_rules_read_one_given_name_list() -> None:
    # one definition, outside the backend: the eval imports no backend's private lexicon
    from summarizer import _given_names
    from summarizer.backends.offline import _lexicon
    from summarizer.eval import _bench_polnear

    for module in (_lexicon, _bench_polnear):
        assert module.MALE_NAMES is _given_names.MALE_NAMES
        assert module.FEMALE_NAMES is _given_names.FEMALE_NAMES
    assert "backends" not in inspect.getsource(_bench_polnear)
