"""Quotations that run on into the next paragraph (issue #14).

One definition of quoted regions (`summarizer._text.quote_regions`) serves grounding,
the offline backend and the eval's gold check, so each case is checked through all
three. Every text is a short synthetic article written for the test.
"""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._grounding import ground, quoted_verbatim
from summarizer._text import layout, quote_regions
from summarizer.backends.offline._extract import extract_offline


def _inner(paragraphs: list[str]) -> list[list[str]]:
    """The text of every region, double and single, paragraph by paragraph."""
    return [
        [p[a + 1 : b] for a, b in double + single]
        for p, (double, single) in zip(paragraphs, quote_regions(paragraphs), strict=True)
    ]


def _extract(paragraphs: list[str]) -> dict[str, str]:
    """Offline quotes that survive grounding, text -> speaker."""
    article = CleanArticle(paragraphs=paragraphs)
    kept, _ = ground(extract_offline(article), article.text)
    return {q.text: q.speaker for q in kept.quotes}


SINGLE = [
    "Council leader Ann Hale spoke to the Courier on Monday.",
    "She told the newspaper: 'The budget is gone and nobody will say so.",
    "'We are cutting libraries to pay for roads,' she added.",
]

MIXED = [
    "Trust director Omar Reed said on Monday: ‘Nobody is facing up to the cost of this.",
    "'It is a fantasy to pretend otherwise, and voters know it.’",
]

DOUBLE = [
    "Mayor Dana Ruiz said in a statement on Friday:",
    "“I have no idea who wrote the letter, and I had nothing to do with it.",
    "The council knew about the bridge for years and did nothing at all.”",
]


def test_single_quotation_runs_on_when_the_next_paragraph_reopens_it() -> None:
    assert _inner(SINGLE)[1] == ["The budget is gone and nobody will say so."]
    text = "\n\n".join(SINGLE)
    assert quoted_verbatim("The budget is gone and nobody will say so.", text)
    assert _extract(SINGLE)["The budget is gone and nobody will say so."] == "Ann Hale"


def test_curly_single_opened_then_reopened_straight_and_closed_curly() -> None:
    assert _inner(MIXED) == [
        ["Nobody is facing up to the cost of this."],
        ["It is a fantasy to pretend otherwise, and voters know it."],
    ]
    assert _extract(MIXED) == {
        "Nobody is facing up to the cost of this.": "Omar Reed",
        "It is a fantasy to pretend otherwise, and voters know it.": "Omar Reed",
    }


def test_double_quotation_closed_in_the_next_paragraph_without_reopening() -> None:
    closing = "The council knew about the bridge for years and did nothing at all."
    assert _inner(DOUBLE)[2] == [closing]
    assert quoted_verbatim(closing, "\n\n".join(DOUBLE))
    assert _extract(DOUBLE)[closing] == "Dana Ruiz"
    assert layout("\n\n".join(DOUBLE))[2].inside_quote(5)


def test_a_quotation_runs_through_a_paragraph_without_marks_to_its_close() -> None:
    paragraphs = [DOUBLE[1], "We never met the contractor and never took a cent.", DOUBLE[2]]
    assert _inner(paragraphs)[1] == ["We never met the contractor and never took a cent."]


def test_narration_after_an_unclosed_quotation_is_not_quoted() -> None:
    paragraphs = [
        'Ruiz said: "We will win this.',
        "The rally drew about 5,000 people to the square.",
        '"It was the best night of my life," said supporter Lee Moss.',
    ]
    inner = _inner(paragraphs)
    assert inner[1] == []
    assert inner[2] == ["It was the best night of my life,"]


def test_an_apostrophe_left_open_is_not_carried_on() -> None:
    paragraphs = [
        "Sales fell since the '90s, the report by Ann Hale said.",
        "The firm's results were flat, and the players' union was silent.",
    ]
    assert _inner(paragraphs) == [[], []]
    assert not quoted_verbatim("90s, the report", "\n\n".join(paragraphs))
