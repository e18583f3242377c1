"""Cleaning: debris out, body kept, metadata pulled from scraped text and HTML."""

from __future__ import annotations

import json
import re
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.input._cleaning import CleanArticle, clean_article, strip_name_popups

DATA = Path(__file__).resolve().parent / "data" / "cleaning"
SHARED = Path(__file__).resolve().parents[2] / "shared"
# The seed article and its gold as the project ships them (copies of ../shared/seed).
SEED_DIR = Path(__file__).resolve().parents[1] / "evals" / "suites" / "dev"
ALLSIDES_SAMPLE = "data/external/allsides_article_bias_sample/allsides_news_sample200.jsonl"
ALLSIDES = SHARED / ALLSIDES_SAMPLE
needs_allsides = pytest.mark.shared_data(ALLSIDES_SAMPLE)

# A quotation mark: straight or curly double quotes, an opening single quote, or a
# closing one that is not an apostrophe inside a word (as in "Russia’s").
QUOTATION = re.compile(r"[\"“”‘]|(?<!\w)’|’(?!\w)")
# What a dateline may take off the front of a paragraph: "WASHINGTON (Reuters) - ",
# "(CNN) -- ", "EL PASO, Texas — ".
DATELINE_PREFIX = re.compile(r"^.{0,60}?(?:\)\s*(?:--|[-–—―])?|\s(?:--|[-–—―]))\s*")


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stricter than the suite's guard: HTML cleaning may not even resolve a name."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("cleaning tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --- the seed and its gold ---------------------------------------------------


def test_seed_meets_every_gold_metadata_check() -> None:
    gold = json.loads(
        (SEED_DIR / "reuters-2025-10-08-putin-tajikistan.gold.json").read_text("utf-8")
    )
    raw = (SEED_DIR / gold["article"]).read_text("utf-8")
    expected = gold["metadata"]

    article = clean_article(raw)

    assert article.title == expected["title"]
    assert article.source == expected["source"]
    assert article.published == expected["published"]
    assert article.credits == expected["credits"]
    assert article.text.startswith(expected["body_starts_with"])
    assert article.text.endswith(expected["body_ends_with"])
    for debris in expected["boilerplate_absent"]:
        assert debris not in article.text
    assert article.dateline is None  # "(Reuters) -" names no city


def test_seed_records_every_dropped_line() -> None:
    raw = (SEED_DIR / "reuters-2025-10-08-putin-tajikistan.txt").read_text("utf-8")

    removed = clean_article(raw).removed

    assert "Wednesday, October 8, 2025" in removed
    assert "More" in removed
    assert "HomeAsiaRussia's Putin arrives for summit meetings in Tajikistan in Central Asia" in (
        removed
    )
    assert "(Reporting by Reuters; editing by Diane Craft)" in removed
    assert "tagreuters.com2025binary_LYNXNPEL970XM-VIEWIMAGE" in removed
    assert {"RELATED ARTICLES", "Most Popular"} <= set(removed)


# --- never lose body text ----------------------------------------------------


@pytest.fixture(scope="module")
def allsides() -> list[tuple[str, CleanArticle]]:
    """The 200 AllSides articles (real scraping noise), each with its cleaned form."""
    rows = [json.loads(line) for line in ALLSIDES.read_text("utf-8").splitlines()]
    assert len(rows) == 200
    return [(row["text"], clean_article(row["text"])) for row in rows]


def _quoted_paragraphs_lost(raw: str, article: CleanArticle) -> list[str]:
    lost = []
    for paragraph in map(_squash, raw.split("\n\n")):
        paragraph = strip_name_popups(paragraph, [])  # a name's pop-up is no body text
        if not QUOTATION.search(paragraph) or paragraph in article.text:
            continue
        rest = DATELINE_PREFIX.sub("", paragraph, count=1)
        if rest == paragraph or rest not in article.text:
            lost.append(paragraph)
    return lost


@needs_allsides
def test_every_quoted_paragraph_of_allsides_sample_survives(
    allsides: list[tuple[str, CleanArticle]],
) -> None:
    lost = [
        missing for raw, article in allsides if (missing := _quoted_paragraphs_lost(raw, article))
    ]

    assert lost == []


@needs_allsides
def test_cleaning_200_articles_is_fast() -> None:
    texts = [json.loads(line)["text"] for line in ALLSIDES.read_text("utf-8").splitlines()]

    start = time.perf_counter()
    articles = [clean_article(text) for text in texts]
    elapsed = time.perf_counter() - start

    assert all(article.paragraphs for article in articles)
    assert elapsed < 2.0


@needs_allsides
def test_allsides_debris_is_removed(allsides: list[tuple[str, CleanArticle]]) -> None:
    body = "\n".join(article.text for _, article in allsides)

    for debris in (
        "Story Continued Below",
        "Sign up for Daily Newsletters",
        "SHARE THIS ARTICLE",
        "Enlarge this image",
        "This article is more than",
        "Slideshow (",
        "Click here for reprint permission",
        "Read or Share this story",
        "JUST WATCHED",
    ):
        assert debris not in body


# --- paragraphs ----------------------------------------------------------------


def test_blank_lines_separate_paragraphs_and_whitespace_is_collapsed() -> None:
    raw = "  First   paragraph\there.  \n\n\n    Second one.\n \n\tThird."

    assert clean_article(raw).paragraphs == ["First paragraph here.", "Second one.", "Third."]


def test_single_newlines_separate_paragraphs_when_there_are_no_blank_lines() -> None:
    raw = "One sentence here.\nAnother sentence there.\r\nA third one."

    assert clean_article(raw).paragraphs == [
        "One sentence here.",
        "Another sentence there.",
        "A third one.",
    ]


def test_hard_wrapped_paragraph_is_joined_but_short_header_lines_are_not() -> None:
    raw = (
        "Monday, March 3, 2025\nMore\n\n"
        "The committee met on Monday to consider the proposal and heard evidence\n"
        "from several witnesses before adjourning until the following week.\n\n"
        "Last paragraph."
    )

    article = clean_article(raw)

    assert article.paragraphs == [
        "The committee met on Monday to consider the proposal and heard evidence "
        "from several witnesses before adjourning until the following week.",
        "Last paragraph.",
    ]
    assert article.published == "2025-03-03"


def test_repeated_paragraph_keeps_its_first_copy() -> None:
    caption = "Police escort the truck from an industrial estate in Thurrock, Wednesday."
    raw = f"{caption}\n\n{caption}\n\nLONDON (AP) — Police said on Wednesday that 39 people died."

    article = clean_article(raw)

    assert article.paragraphs == [caption, "Police said on Wednesday that 39 people died."]
    assert article.removed == [caption]


def test_repeat_with_other_quotation_marks_is_still_a_repeat() -> None:
    # Cleaning folds quote marks with the text core's table (one definition), so
    # guillemets, prime marks and acute accents used as quotes all count.
    first = "Protesters carry a sign reading «No war» in front of the embassy, Friday."
    again = 'Protesters carry a sign reading "No war" in front of the embassy, Friday.'
    raw = f"{first}\n\n{again}\n\nLONDON (AP) — Police said on Friday that 39 people marched."

    article = clean_article(raw)

    assert article.paragraphs == [first, "Police said on Friday that 39 people marched."]
    assert article.removed == [again]


# --- robustness ----------------------------------------------------------------


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\t\n", "\x00\x00", "\u200b\ufeff"])
def test_empty_input_gives_no_paragraphs(raw: str) -> None:
    article = clean_article(raw)

    assert article.paragraphs == []
    assert article.text == ""
    assert article.meta().words == 0


def test_nul_bytes_and_control_characters_are_stripped() -> None:
    raw = "Pu\x00tin arri\x07ved\x1b in Dushanbe.\x7f\n\nSecond\u200b paragraph\ud800."

    article = clean_article(raw)

    assert article.paragraphs == ["Putin arrived in Dushanbe.", "Second paragraph."]
    assert len(article.sha256) == 64


_NOISY_LINES = st.sampled_from(
    [
        "More",
        "Wednesday, October 8, 2025",
        "(Reuters) -",
        "WASHINGTON (AP) — ",
        "HomeAsia",
        "(Reporting by X; editing by Y)",
        "“",
        "’",
        "Slideshow (2 Images)",
        "<html>",
        "<p>",
        "\x00",
        "\ud800",
        "",
        " ",
    ]
)
_ARTICLE_LIKE = st.lists(_NOISY_LINES | st.text(max_size=80), max_size=12).map("\n".join)


def _assert_well_formed(article: CleanArticle) -> None:
    assert all(p and p == _squash(p) for p in article.paragraphs)
    assert article.text == "\n\n".join(article.paragraphs)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", article.text)
    article.meta()  # hashing must work: no lone surrogates left


@settings(max_examples=200, deadline=None)
@given(raw=st.text() | _ARTICLE_LIKE)
def test_any_text_is_cleaned_without_raising(raw: str) -> None:
    _assert_well_formed(clean_article(raw))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.text(max_size=300) | _ARTICLE_LIKE)
def test_any_text_forced_through_html_is_cleaned_without_raising(raw: str) -> None:
    _assert_well_formed(clean_article(raw, html=True))


# --- dates, datelines, credits -------------------------------------------------


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Wednesday, October 8, 2025", "2025-10-08"),
        ("Oct. 8, 2025", "2025-10-08"),
        ("8 October 2025", "2025-10-08"),
        ("2025-10-08", "2025-10-08"),
        ("Published: March 3, 2019", "2019-03-03"),
        ("October 8, 20252:53 PM GMT+2Updated 2 hours ago", "2025-10-08"),
    ],
)
def test_date_line_becomes_published(line: str, iso: str) -> None:
    article = clean_article(f"{line}\n\nThe body of the article.")

    assert article.published == iso
    assert article.paragraphs == ["The body of the article."]
    assert article.removed == [line]


def test_time_stamp_without_year_is_dropped_without_a_date() -> None:
    article = clean_article("Updated at 1:03 p.m. ET\n\nThe body of the article.")

    assert article.published is None
    assert article.paragraphs == ["The body of the article."]


def test_impossible_date_is_kept_as_text() -> None:
    assert clean_article("February 30, 2025").paragraphs == ["February 30, 2025"]


@pytest.mark.parametrize(
    ("first", "dateline", "source", "body"),
    [
        ("(Reuters) -Russian President", None, "Reuters", "Russian President"),
        ("MOSCOW (Reuters) - Russian President", "MOSCOW", "Reuters", "Russian President"),
        ("PALM BEACH, Fla. (Reuters) - Mr Trump", "PALM BEACH, Fla.", "Reuters", "Mr Trump"),
        ("(AP) — The storm", None, "Associated Press", "The storm"),
        ("WASHINGTON (AP) — The Senate", "WASHINGTON", "Associated Press", "The Senate"),
        ("WASHINGTON (CNN) -- As he awaits", "WASHINGTON", "CNN", "As he awaits"),
        ("Washington (CNN) If the President", "Washington", "CNN", "If the President"),
        ("(CNN)For the first time", None, "CNN", "For the first time"),
        ("NEW YORK, Nov. 19 (UPI) — Former", "NEW YORK", "UPI", "Former"),
        ("Aug 27 (Reuters) - Democrat", None, "Reuters", "Democrat"),
        ("ST. LOUIS — Police", "ST. LOUIS", None, "Police"),
        ("EL PASO, Texas — If Beto runs", "EL PASO, Texas", None, "If Beto runs"),
        ("WASHINGTON ― Democrats voted", "WASHINGTON", None, "Democrats voted"),
        # Two places joined by a slash, the first with its state (one dateline regex,
        # the offline rules read paragraphs with the same one).
        (
            "MCALLEN, Texas/WASHINGTON (Reuters) - Flanked",
            "MCALLEN, Texas/WASHINGTON",
            "Reuters",
            "Flanked",
        ),
        ("WASHINGTON/NEW YORK (Reuters) - Banks", "WASHINGTON/NEW YORK", "Reuters", "Banks"),
        ("MCALLEN, Texas/WASHINGTON — Flanked", "MCALLEN, Texas/WASHINGTON", None, "Flanked"),
    ],
)
def test_dateline_is_stripped_into_metadata(
    first: str, dateline: str | None, source: str | None, body: str
) -> None:
    article = clean_article(f"{first} on Wednesday said things.\n\nSecond paragraph.")

    assert article.dateline == dateline
    assert article.source == source
    assert article.paragraphs[0] == f"{body} on Wednesday said things."


def test_capitalised_abbreviation_is_not_a_dateline() -> None:
    article = clean_article("U.S. — China relations soured on Monday.")

    assert article.dateline is None
    assert article.text == "U.S. — China relations soured on Monday."


def test_file_photo_caption_is_not_mistaken_for_a_dateline() -> None:
    raw = "FILE - In this March 29, 2018, file photo, a spokesman listens.\n\nBody."

    article = clean_article(raw)

    assert article.dateline is None
    assert article.paragraphs[0].startswith("FILE - In this")


def test_credit_glued_to_last_paragraph_is_moved_out() -> None:
    raw = "First.\n\nThe talks ended late. (Reporting by Jane Doe; Editing by John Roe)"

    article = clean_article(raw)

    assert article.paragraphs == ["First.", "The talks ended late."]
    assert article.credits == "Reporting by Jane Doe; Editing by John Roe"


def test_prose_starting_like_a_credit_is_kept() -> None:
    raw = "First.\n\nEditing by committee is never easy, he said."

    article = clean_article(raw)

    assert article.credits is None
    assert article.paragraphs[-1] == "Editing by committee is never easy, he said."


# --- debris --------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "RELATED ARTICLES",
        "Most Popular",
        "Advertisement",
        "ADVERTISEMENT",
        "Story Continued Below",
        "Slideshow (2 Images)",
        "tagreuters.com2025binary_LYNXNPEL970XM-VIEWIMAGE",
        "FILE PHOTO: Russian President Vladimir Putin attends a meeting in Moscow, Russia, "
        "October 1, 2025. REUTERS/Maxim Shemetov/File Photo",
        "U.S. President Donald Trump speaks in Washington, U.S., January 24, 2018. "
        "REUTERS/Yuri Gripas",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Sign up for Daily Newsletters Manage Newsletters",
        "Sign up here.",
        "Read more",
        "Syria: 500 Douma patients had chemical attack symptoms, says WHO Read more",
        "Related: Tesla is going big in China",
        "More:White House departures: Who's been fired and who resigned",
        "SHARE THIS ARTICLE Share Tweet Post Email",
        "LISTEN TO ARTICLE 5:33 SHARE THIS ARTICLE Share Tweet Post Email",
        "Enlarge this image toggle caption Patrick Semansky/AP Patrick Semansky/AP",
        "This article is more than 1 year old",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "Home > World > Asia",
        "___",
        "(Refiles to fix truncated attribution in par 24.)",
    ],
)
def test_debris_line_is_removed_and_recorded(line: str) -> None:
    raw = f"MOSCOW (Reuters) - The body starts here.\n\n{line}\n\nThe body ends here."

    article = clean_article(raw)

    assert article.paragraphs == ["The body starts here.", "The body ends here."]
    assert article.removed == [line]


@pytest.mark.parametrize(
    "line",
    [
        "FILE PHOTO: A protester holds a sign reading “No war” in Moscow. REUTERS/Staff",
        "Trump’s ‘get ready’ threat to Moscow isn’t just careless | Peter Beaumont Read more",
        "More:‘Do this outside’: New claims over Saudi Arabia’s Jamal Khashoggi",
    ],
)
def test_caption_or_link_with_a_quotation_is_kept(line: str) -> None:
    # A quotation may be the news itself, so the unsure rules leave such lines alone.
    article = clean_article(f"The body starts here.\n\n{line}\n\nThe body ends here.")

    assert line in article.paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "More than 100 people were hurt.",
        "Copyright holders have sued the company, which denies wrongdoing.",
        "He said: “Read more books.”",
        "Advertisement spending rose 4% last year, the company said.",
        "He was 88 years old.",
    ],
)
def test_prose_resembling_debris_is_kept(line: str) -> None:
    article = clean_article(f"The body starts here.\n\n{line}\n\nThe body ends here.")

    assert article.paragraphs == ["The body starts here.", line, "The body ends here."]


@pytest.mark.parametrize(
    "start, cap",
    [
        ("Sign up for the draft was slow at first, officials said, and", 40),
        ("FILE PHOTO evidence was shown to the court on Monday, and", 80),
        ("Home > World was the menu the rebels copied, and", 12),
    ],
)
def test_a_long_paragraph_that_starts_like_boilerplate_is_kept(start: str, cap: int) -> None:
    # Each debris rule has a word cap: past it, the line is a real paragraph.
    filler = " ".join(["the talks went on"] * (cap // 4 + 1)) + "."
    line = f"{start} {filler}"
    assert len(line.split()) > cap
    article = clean_article(f"The body starts here.\n\n{line}\n\nThe body ends here.")

    assert article.paragraphs == ["The body starts here.", line, "The body ends here."]


# --- headline --------------------------------------------------------------------


def test_lone_title_case_headline_above_the_body_becomes_the_title() -> None:
    raw = (
        "Pompeo: 'We Continue To Make Progress' With North Korea\n\n"
        "Enlarge this image toggle caption AP AP\n\n"
        "U.S. Secretary of State Mike Pompeo wrapped up his fourth visit on Sunday."
    )

    article = clean_article(raw)

    assert article.title == "Pompeo: 'We Continue To Make Progress' With North Korea"
    assert article.paragraphs == [
        "U.S. Secretary of State Mike Pompeo wrapped up his fourth visit on Sunday."
    ]


def test_headline_right_above_the_dateline_becomes_the_title() -> None:
    raw = "Storm hits the coast\n\nMIAMI (Reuters) - A storm hit the coast on Monday."

    article = clean_article(raw)

    assert article.title == "Storm hits the coast"
    assert article.paragraphs == ["A storm hit the coast on Monday."]


def test_unsure_first_line_stays_in_the_body() -> None:
    # A standfirst in sentence case, no dateline: not clearly a headline.
    raw = (
        "National security adviser doubled down on the tweet, upping pressure on Iran\n\n"
        "Donald Trump plans to make Iran pay a price few countries have ever paid."
    )

    article = clean_article(raw)

    assert article.title is None
    assert len(article.paragraphs) == 2


def test_byline_above_the_dateline_is_not_a_title() -> None:
    raw = "By Steve Holland and Andrew Osborn\n\nWASHINGTON (Reuters) - The United States left."

    article = clean_article(raw)

    assert article.title is None
    assert article.paragraphs[0] == "By Steve Holland and Andrew Osborn"


# --- HTML ----------------------------------------------------------------------


@pytest.mark.usefixtures("no_sockets")
def test_html_page_is_extracted_offline_and_cleaned() -> None:
    page = (DATA / "article.html").read_text("utf-8")

    article = clean_article(page)

    assert article.title == "Harbour authority approves new ferry terminal"
    assert article.published == "2024-03-14"
    assert article.source == "Reuters"  # the wire named in the dateline beats the site name
    assert article.dateline == "PORTSMOUTH"
    assert article.credits == "Reporting by Jane Doe; Editing by John Roe"
    assert article.text.startswith("The harbour authority on Thursday approved plans")
    assert '"This is the biggest investment in the port for a generation,"' in article.text
    assert article.text.endswith("according to documents published last month.")
    for leaked in ("Marker", "marker", "font-family", "window.", "<", "Home World"):
        assert leaked not in article.text


@pytest.mark.usefixtures("no_sockets")
def test_html_metadata_fills_source_when_text_names_none() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Council votes on budget</title>"
        '<meta property="og:site_name" content="Example Gazette">'
        '<meta name="date" content="2023-05-02"></head><body><article>'
        "<h1>Council votes on budget</h1>"
        "<p>The city council voted on Tuesday to approve next year's budget after a long "
        "debate about spending on roads, schools and parks in the northern districts.</p>"
        "<p>“We have made hard choices,” the mayor said after the vote, which passed by a "
        "margin of seven to four after an amendment on library hours failed.</p>"
        "</article></body></html>"
    )

    article = clean_article(page)

    assert article.source == "Example Gazette"
    assert article.title == "Council votes on budget"
    assert article.published == "2023-05-02"
    assert article.text.startswith("The city council voted on Tuesday")
    assert "“We have made hard choices,” the mayor said" in article.text


@pytest.mark.usefixtures("no_sockets")
def test_html_fragment_is_extracted_when_forced() -> None:
    article = clean_article("<p>Hello there, “quoted” world.</p>", html=True)

    assert article.paragraphs == ["Hello there, “quoted” world."]


def test_text_mentioning_tags_is_not_treated_as_html() -> None:
    raw = "The <p> tag starts a paragraph.\n\nUse a < b when comparing."

    assert clean_article(raw).paragraphs == [
        "The <p> tag starts a paragraph.",
        "Use a < b when comparing.",
    ]


def test_html_can_be_refused() -> None:
    page = "<!DOCTYPE html><html><body><p>Body text.</p></body></html>"

    assert clean_article(page, html=False).paragraphs == [page]


# --- small rules, exactly (mutation testing found them unchecked) ----------------------


def test_meta_carries_every_field_of_the_cleaned_article() -> None:
    article = clean_article(
        "Putin Arrives In Dushanbe For Summit\n\n"
        "DUSHANBE, Oct 8 (Reuters) - Putin arrived on Wednesday for talks.\n\n"
        "He met Rahmon.\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)"
    )
    meta = article.meta()
    assert meta.title == article.title == "Putin Arrives In Dushanbe For Summit"
    assert (meta.source, meta.dateline) == ("Reuters", "DUSHANBE")
    assert meta.credits == article.credits and article.credits
    assert meta.published == article.published
    assert meta.text_sha256 == article.sha256 and meta.words == len(article.text.split())


def test_two_credit_lines_are_joined_with_a_semicolon() -> None:
    article = clean_article(
        "The talks went on late into the night in Dushanbe.\n\n"
        "Reporting by Jane Doe\n\nEditing by John Roe"
    )
    assert article.credits == "Reporting by Jane Doe; Editing by John Roe"


@pytest.mark.parametrize(
    "line",
    [
        "Share this article: Facebook · Twitter · Email",  # no "tweet" at all
        "Tweet this story",  # no "share" at all
        "SHARE | TWEET | EMAIL",  # tokens are words once edge marks are stripped
    ],
)
def test_share_bars_are_debris(line: str) -> None:
    article = clean_article(f"The body starts here.\n\n{line}\n\nThe body ends here.")
    assert article.removed == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Shares: Facebook Twitter",  # a share word list without "share" or "tweet" itself
        " ".join(["share", "this", "story"] * 7),  # 21 words: past the cap, not a share bar
    ],
)
def test_lines_of_share_words_that_are_not_share_bars_are_kept(line: str) -> None:
    article = clean_article(f"The body starts here.\n\n{line}\n\nThe body ends here.")
    assert line in article.paragraphs


def test_same_headline_ignores_quotes_case_and_a_glued_section() -> None:
    from summarizer.input._cleaning import _same_headline, _same_text

    title = "Russia's Putin visits Tajikistan"
    assert _same_headline("HomeWorldRussia’s Putin visits Tajikistan", title)
    assert _same_headline("ElsewhereRussia's Putin visits Tajikistan", title)  # unknown section
    assert _same_headline(title, "RUSSIA'S PUTIN VISITS TAJIKISTAN.")
    assert not _same_headline("Big news Russia's Putin visits Tajikistan", title)  # a space: prose
    assert not _same_headline("WorldPutin wins", "Putin wins")  # under 15 characters: unsure
    assert not _same_headline("Putin visits Tajikistan", "Rahmon visits Tajikistan")
    assert not _same_headline("", "")
    assert _same_text("Putin “wins”", 'Putin "wins"') and not _same_text(
        "Putin wins", "Putin wins."
    )


def test_a_breadcrumb_is_stripped_only_when_home_starts_it() -> None:
    from summarizer.input._cleaning import _strip_breadcrumb

    assert _strip_breadcrumb("HomeWorldAsiaRussia's Putin") == "Russia's Putin"
    assert _strip_breadcrumb("WorldAsiaRussia's Putin") == "WorldAsiaRussia's Putin"
    assert _strip_breadcrumb("Homeless people in Europe") == "Homeless people in Europe"


def test_title_case_needs_most_long_words_capitalised() -> None:
    from summarizer.input._cleaning import _is_title_case

    assert _is_title_case("Putin Arrives In Dushanbe")
    assert _is_title_case("Putin Visits Tajikistan Again today")  # 4 of 5: exactly 0.8
    assert not _is_title_case("Putin Visits Tajikistan for talks")  # 3 of 4: under 0.8
    assert not _is_title_case("Putin arrives in Dushanbe")  # 2 of 3 long words
    assert _is_title_case("Putin Wins")  # two long words suffice
    assert not _is_title_case("Putin")  # one does not
    assert _is_title_case("Putin 2025 Wins 9999")  # numbers are not counted as words
    assert _is_title_case("Talk Show Host")  # four-letter words count


def test_hard_wrapped_lines_are_long_and_even() -> None:
    from summarizer.input._cleaning import _is_hard_wrapped

    line = "x" * 60
    assert _is_hard_wrapped([line, line, "end."])
    assert not _is_hard_wrapped([line])  # one line is not wrapped
    assert not _is_hard_wrapped(["x" * 121, "x" * 121])  # too long for a wrap width
    assert _is_hard_wrapped(["x" * 120, "x" * 120, "x"])  # exactly the widest wrap
    assert not _is_hard_wrapped(["x" * 100, "x" * 59, "x"])  # uneven: under 0.6 of the longest
    assert _is_hard_wrapped(["x" * 100, "x" * 60, "x"])  # exactly 0.6
    assert not _is_hard_wrapped(["x" * 39, "x" * 39, "x"])  # short lines: a header block
    assert _is_hard_wrapped(["x" * 40, "x" * 40, "x"])


def test_a_linked_names_related_headline_popup_is_cut_out_of_the_sentence() -> None:
    # The Hill scrapes a politician's pop-up inline: the full legal name, the surname glued
    # to related headlines, then "MORE". The sentence keeps the name as it wrote it.
    raw = (
        "Lead paragraph about the budget vote that the committee held on a quiet Tuesday.\n\n"
        "Sen. Ann Vole Annabel (Ann) Ruth VoleSenators clash over farm bill Budget talks "
        "stall again MORE (R-Ore.) said the plan was sound, and Speaker Tom Reed Tom Hale "
        "Reed Voters weigh in on the tax bill MORE told reporters he agreed.\n\n"
        "Ms. Vole spoke again in the afternoon, calling it 'MORE THAN A TWEAK' to the bill."
    )
    article = clean_article(raw)
    assert article.paragraphs[1] == (
        "Sen. Ann Vole (R-Ore.) said the plan was sound, and Speaker Tom Reed told "
        "reporters he agreed."
    )
    assert article.paragraphs[2].endswith("'MORE THAN A TWEAK' to the bill.")
    assert any(line.startswith("Annabel (Ann) Ruth VoleSenators") for line in article.removed)
