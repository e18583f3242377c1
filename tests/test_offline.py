"""The offline backend: deterministic rules that must find the seed's quotes and actors,
attribute quotes through speech verbs, skip scare quotes, and stay grounded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import CleanArticle, Summarizer, clean_article
from summarizer._grounding import check, names_match, quoted_verbatim
from summarizer._schema import Extraction
from summarizer.backends.offline._extract import extract_offline, lead_summary

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
ALLSIDES_SAMPLE = "data/external/allsides_article_bias_sample/allsides_news_sample200.jsonl"
ALLSIDES = ROOT.parent / "shared" / ALLSIDES_SAMPLE


def _article(*paragraphs: str) -> CleanArticle:
    return CleanArticle(paragraphs=list(paragraphs))


def _speakers(extraction: Extraction) -> dict[str, str]:
    return {q.text: q.speaker for q in extraction.quotes}


def _has_actor(extraction: Extraction, name: str) -> bool:
    return any(names_match(name, n) for a in extraction.actors for n in a.names())


@pytest.fixture(scope="module")
def seed() -> CleanArticle:
    return clean_article(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_extraction(seed: CleanArticle) -> Extraction:
    return extract_offline(seed)


# --- the seed -----------------------------------------------------------------------


def test_seed_finds_both_belousov_quotes_attributed_to_andrei_belousov(
    seed_extraction: Extraction,
) -> None:
    speakers = _speakers(seed_extraction)
    first = (
        "A lot today depends on cooperation between our two military institutions, "
        "most importantly, stability in Central Asia,"
    )
    assert speakers.get(first) == "Andrei Belousov"
    assert speakers.get("The current situation remains very difficult.") == "Andrei Belousov"


def test_seed_scare_quote_no_limits_is_not_a_quote(seed_extraction: Extraction) -> None:
    assert not any("no limits" in q.text for q in seed_extraction.quotes)


@pytest.mark.parametrize("name", ["Vladimir Putin", "Emomali Rahmon", "Andrei Belousov"])
def test_seed_actors_include_the_leaders(seed_extraction: Extraction, name: str) -> None:
    assert _has_actor(seed_extraction, name)


def test_seed_short_name_resolves_to_the_fullest_form(seed_extraction: Extraction) -> None:
    belousov = next(a for a in seed_extraction.actors if "Belousov" in a.aliases)
    assert belousov.name == "Andrei Belousov"
    assert belousov.type == "person"


def test_seed_finds_the_berating_and_the_strained_relations(seed_extraction: Extraction) -> None:
    pairs = [{p.split()[-1] for p in t.parties} for t in seed_extraction.tensions]
    assert {"Rahmon", "Putin"} in pairs
    assert {"Russia", "Azerbaijan"} in pairs


def test_seed_extraction_has_no_grounding_violations(
    seed: CleanArticle, seed_extraction: Extraction
) -> None:
    assert check(seed_extraction, seed.text) == []


def test_seed_summary_is_the_lead_within_90_words(seed_extraction: Extraction) -> None:
    summary = seed_extraction.summary
    assert summary.startswith("Russian President Vladimir Putin arrived in Tajikistan")
    assert len(summary.split()) <= 90
    assert summary.endswith(".")


def test_summarizer_without_key_or_model_runs_offline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env to read
    briefing = Summarizer().summarize(SEED.read_text(encoding="utf-8"))
    assert briefing.model == "offline"
    assert briefing.rejected == []
    assert {q.speaker for q in briefing.quotes} == {"Andrei Belousov"}


def test_offline_backend_is_deterministic(seed: CleanArticle) -> None:
    assert extract_offline(seed) == extract_offline(seed)


# --- attribution rules on small articles ---------------------------------------------


def test_pronoun_is_resolved_to_the_person_named_before() -> None:
    article = _article(
        "Finance Minister Maria Lopez presented the budget on Monday.",
        '"We will not raise taxes this year," she said.',
    )
    assert _speakers(extract_offline(article)) == {
        "We will not raise taxes this year,": "Maria Lopez"
    }


def test_he_said_after_a_quote_keeps_the_last_speaker() -> None:
    article = _article(
        'Asked about Governor Tom Reed, Senator John Harris told CNN: "The bill will pass."',
        '"It would be a mistake to stop now," he said.',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers["It would be a mistake to stop now,"] == "John Harris"


def test_according_to_attributes_the_quote() -> None:
    article = _article(
        "Prime Minister Anna Berg met union leaders on Tuesday.",
        'The talks were "constructive and long overdue for everyone," according to Berg.',
    )
    assert _speakers(extract_offline(article)) == {
        "constructive and long overdue for everyone,": "Anna Berg"
    }


def test_told_reporters_attributes_to_the_subject() -> None:
    article = _article(
        "President Jacob Moyo visited the flooded district.",
        '"The water will be gone within a week," Moyo told reporters in the capital.',
    )
    extraction = extract_offline(article)
    assert _speakers(extraction) == {"The water will be gone within a week,": "Jacob Moyo"}
    moyo = next(a for a in extraction.actors if a.name == "Jacob Moyo")
    assert "Moyo" in moyo.aliases


def test_inverted_said_with_apposition_makes_the_speaker_an_actor() -> None:
    article = _article(
        '"The party has lost its way on trade and it shows," said Brian Darling, '
        "a Republican strategist."
    )
    extraction = extract_offline(article)
    assert _speakers(extraction) == {
        "The party has lost its way on trade and it shows,": "Brian Darling"
    }
    assert _has_actor(extraction, "Brian Darling")


def test_quote_continued_after_its_attribution_keeps_the_speaker() -> None:
    article = _article(
        "Defence Minister Pavel Orlov held talks in Minsk.",
        '"Our cooperation is growing," the ministry quoted Orlov as saying. '
        '"The next exercises will be larger."',
    )
    speakers = _speakers(extract_offline(article))
    assert speakers == {
        "Our cooperation is growing,": "Pavel Orlov",
        "The next exercises will be larger.": "Pavel Orlov",
    }


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    article = _article(
        'President Jacob Moyo said the so-called "green corridor" would open on Friday.',
        'He said he had read "The Long Road Home of Africa" twice.',
        '"We are ready for the season," Moyo said. The deal has "no limits" at all.',
    )
    assert _speakers(extract_offline(article)) == {"We are ready for the season,": "Jacob Moyo"}


def test_quote_with_an_unnamed_speaker_is_not_given_to_someone_named() -> None:
    # An unnamed speaker is quoted under the article's description of them (#14), never
    # as the person named before.
    article = _article(
        "President Jacob Moyo visited the flooded district.",
        '"Nobody came to help us for three days," a resident said.',
    )
    assert [q.speaker for q in extract_offline(article).quotes] == ["a resident"]


def test_pronoun_with_nobody_named_before_is_dropped() -> None:
    article = _article('"The river rose in an hour and took everything," she said.')
    assert extract_offline(article).quotes == []


def test_unattributed_quote_is_dropped_not_guessed() -> None:
    article = _article(
        "President Jacob Moyo visited the flooded district on Monday.",
        'Posters across the city read "We will rebuild our homes together" in red letters.',
    )
    assert extract_offline(article).quotes == []


def test_article_without_quotation_marks_has_no_quotes() -> None:
    article = _article(
        "Chancellor Lena Vogt said on Monday the coalition would survive the vote.",
        "She added that talks with the opposition would continue next week.",
    )
    extraction = extract_offline(article)
    assert extraction.quotes == []
    assert _has_actor(extraction, "Lena Vogt")


def test_country_named_as_acting_subject_is_an_actor_but_a_mere_location_is_not() -> None:
    article = _article(
        "Prime Minister Anna Berg flew to Kenya on Monday for a trade fair.",
        "Norway has accused Sweden of blocking the fishing deal.",
    )
    extraction = extract_offline(article)
    assert _has_actor(extraction, "Norway")
    assert not _has_actor(extraction, "Kenya")
    assert [set(t.parties) for t in extraction.tensions] == [{"Norway", "Sweden"}]


def test_lead_summary_keeps_whole_sentences_within_the_word_limit() -> None:
    sentence = "The council approved the new budget after a long debate on Tuesday night."
    summary = lead_summary(["WASHINGTON (Reuters) - " + sentence, sentence, sentence], 30)
    assert summary == f"{sentence} {sentence}"


@pytest.mark.parametrize(
    "dateline",
    ["MCALLEN, Texas/WASHINGTON (Reuters) - ", "WASHINGTON/NEW YORK (Reuters) - ", "EL PASO — "],
)
def test_lead_summary_leaves_out_the_dateline_cleaning_takes_off(dateline: str) -> None:
    # The same dateline regex as cleaning (summarizer._text.match_dateline).
    sentence = "The council approved the new budget after a long debate on Tuesday night."
    assert lead_summary([dateline + sentence], 30) == sentence


# --- a real sample ------------------------------------------------------------------


@pytest.fixture(scope="module")
def allsides_articles() -> list[CleanArticle]:
    rows = [json.loads(line) for line in ALLSIDES.read_text(encoding="utf-8").splitlines()]
    return [clean_article(row["text"]) for row in rows if row.get("text")]


@pytest.mark.shared_data(ALLSIDES_SAMPLE)
def test_allsides_sample_from_shared_never_raises_and_quotes_are_verbatim(
    allsides_articles: list[CleanArticle],
) -> None:
    unquoted = []
    for article in allsides_articles:
        extraction = extract_offline(article)
        unquoted += [q.text for q in extraction.quotes if not quoted_verbatim(q.text, article.text)]
    assert len(allsides_articles) >= 100
    assert unquoted == []


# --- summary (issue #14) -------------------------------------------------------------


def test_lead_summary_skips_a_title_line() -> None:
    title = "Mayor Calls Bridge Plan 'A Waste' as Council Votes to Delay Repairs."
    body = "The city council voted on Tuesday to delay repairs to the old river bridge."
    assert lead_summary([title, body]) == body


def test_lead_summary_skips_a_photo_credit() -> None:
    credit = "Workers inspect the bridge on Monday. (AP Photo/Jane Doe, File)"
    body = "The city council voted on Tuesday to delay repairs to the old river bridge."
    assert lead_summary([credit, body]) == body


def test_lead_summary_is_never_cut_inside_a_quotation() -> None:
    sentence = (
        'The mayor told the council on Tuesday that "the bridge will not be safe for '
        'traffic before the end of next year, whatever the engineers say about it."'
    )
    summary = lead_summary([sentence], 15)
    assert summary == "The mayor told the council on Tuesday that …"


def test_lead_summary_passes_over_a_sentence_that_is_mostly_a_quotation() -> None:
    lead = "The city prosecutor said on Wednesday that no video of the crash had been found."
    quoted = 'He added, "Anyone who has such a video needs to give it to the investigators now."'
    news = "Two magazines had reported that a video was recovered from a phone at the site."
    assert lead_summary([lead, quoted, news]) == f"{lead} {news}"


def test_lead_summary_never_stops_inside_a_quotation_the_splitter_breaks() -> None:
    # the splitter breaks after "unsafe." although the quotation runs on
    lead = 'The mayor said on Tuesday: "The bridge is unsafe. We will close it on Monday."'
    news = "Engineers at the city council agreed with her assessment of the old structure."
    summary = lead_summary([f"{lead} {news}"])
    assert summary == f"{lead} {news}"
    assert summary.count('"') % 2 == 0


@pytest.mark.parametrize(
    "caption",
    [
        "A worker inspects the old river bridge in Springfield on Monday. Picture: Jane Doe.",
        "Workers inspect the old river bridge in Springfield on Monday. Photo credit: Jane Doe.",
        "Workers inspect the old river bridge in Springfield, Monday. (Jane Doe/The Times via AP)",
        "Workers inspect the old river bridge in Springfield on Monday. Image: Jane Doe/AFP.",
        "Workers inspect the old river bridge in Springfield on Monday (Jane Doe/Shutterstock).",
    ],
)
def test_lead_summary_leaves_out_a_photo_caption_with_its_credit(caption: str) -> None:
    body = "The city council voted on Tuesday to delay repairs to the old river bridge."
    assert lead_summary([caption, body]) == body


def test_lead_summary_leaves_out_a_sentence_case_title_line() -> None:
    title = "Council delays bridge repairs as mayor warns of the cost"
    body = "The city council voted on Tuesday to delay repairs to the old river bridge."
    assert lead_summary([title, body]) == body


# --- feature leads: the sentence that states the news (issue #14) --------------------

_HARBOUR = (
    "The regional council voted on Tuesday to close the harbour to commercial fishing "
    "boats from next spring, citing falling catches and the cost of dredging."
)
_HARBOUR_NEXT = (
    "Council leader Anna Berg said the harbour would reopen as a marina for pleasure boats.",
    "Fishing crews plan to appeal the harbour decision in the regional court next month.",
)


def test_lead_summary_starts_at_the_news_after_an_anecdote() -> None:
    anecdote = [
        "The elderly woman feeding pigeons by the harbour wall has watched the boats go.",
        "Her husband sold his trawler last winter, after forty years at sea.",
        "She says the quay is quieter now than she has ever known it in her long life.",
    ]
    paragraphs = [*anecdote, _HARBOUR, *_HARBOUR_NEXT]
    summary = lead_summary(paragraphs, title="Council votes to close harbour to fishing boats")
    assert summary.startswith(_HARBOUR)
    assert "pigeons" not in summary
    # without a title the sentence whose words recur in the article is the news too
    assert lead_summary(paragraphs).startswith(_HARBOUR)


@pytest.mark.parametrize(
    "lead",
    [
        "What becomes of a fishing town when the fishing boats can no longer come home?",
        "If you have ever walked along the old quay at dawn, you know the smell of the catch.",
        "Just before dawn, the gulls gather over the quay where the fishing boats once came in.",
        # someone speaks in an 'as' clause: the scene is still the fisherman's
        "Weeks ago, as Mayor Anna Berg warned of the cost, a fisherman sold his old trawler.",
    ],
)
def test_lead_summary_passes_over_a_question_or_a_scene(lead: str) -> None:
    assert lead_summary([lead, _HARBOUR, *_HARBOUR_NEXT]).startswith(_HARBOUR)


def test_lead_summary_passes_over_a_run_of_fragments() -> None:
    fragments = ["Nets and gulls.", "Rust and tides.", "Quiet and empty quays."]
    assert lead_summary([" ".join(fragments), _HARBOUR, *_HARBOUR_NEXT]).startswith(_HARBOUR)


@pytest.mark.parametrize(
    "lead",
    [
        # an unnamed person in a report of an event
        "A man was shot dead on Tuesday outside a bar near the old harbour, police said.",
        # a question asked in the story, after a colon, and the reader in a quotation
        "The mayor asked the council a simple question: Who do you think will pay for it?",
        'The mayor told the crowd on Sunday that "you will not lose your harbour" this year.',
        # a scene that frames someone named saying the news
        "On a grey morning in the port, Mayor Anna Berg announced that the harbour would shut.",
    ],
)
def test_lead_summary_keeps_a_lead_that_states_news(lead: str) -> None:
    assert lead_summary([lead, _HARBOUR, *_HARBOUR_NEXT]).startswith(lead)


def test_lead_summary_keeps_a_scene_that_is_the_headline() -> None:
    lead = "On a grey morning in the port, the council voted to close the harbour to fishing."
    title = "Council to close harbour to fishing"
    summary = lead_summary([lead, _HARBOUR, *_HARBOUR_NEXT], title=title)
    assert summary.startswith(lead)


def test_lead_summary_keeps_a_question_the_next_sentence_leans_on() -> None:
    # the answer opens with a pronoun: the summary cannot start there
    lead = "What becomes of a fishing town when the fishing boats can no longer come home?"
    answer = "It finds out this spring, when the council closes the harbour to fishing boats."
    assert lead_summary([lead, answer, _HARBOUR]).startswith(lead)
