"""Long articles: split between paragraphs, extract each chunk, merge, ground on the whole."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from summarizer import Summarizer
from summarizer._chunking import (
    merge_extractions,
    merge_summaries,
    split_article,
    split_paragraphs,
)
from summarizer._fields import ITEMS
from summarizer._grounding import ground
from summarizer._schema import Actor, Extraction, PromptInfo, Quote, Tension, Usage
from summarizer._text import CHARS_PER_TOKEN
from summarizer.backends.offline._extract import extract_offline
from summarizer.input._cleaning import CleanArticle
from summarizer.testing import FakeOpenAI, Reply

DEV = Path(__file__).resolve().parent.parent / "evals" / "suites" / "dev"
BASIL = [
    DEV / f"basil-2016-trump-vicente-fox-feud-{outlet}.txt" for outlet in ("fox", "nyt", "hpo")
]
ARTICLE = re.compile(r"<article>\n(.*?)\n</article>", re.S)
HEADER = re.compile(r"\A(?:(?:Title|Source|Published): .*\n)*\n?")


def paragraphs(count: int, size: int) -> list[str]:
    return [f"Paragraph {i} " + "word " * ((size - 13) // 5) for i in range(count)]


# --- splitting ---------------------------------------------------------------


def test_article_within_budget_is_one_chunk_unchanged() -> None:
    article = CleanArticle(paragraphs=paragraphs(10, 400))
    assert split_article(article, max_tokens=6000) == [article]


def test_long_article_splits_between_paragraphs_within_budget() -> None:
    paras = paragraphs(30, 450)
    chunks = split_paragraphs(paras, max_tokens=1000)
    assert [p for chunk in chunks for p in chunk] == paras  # nothing lost, order kept
    assert len(chunks) == 4  # ~13,500 characters, at most 4,000 per chunk
    assert all(len("\n\n".join(c)) <= 1000 * CHARS_PER_TOKEN for c in chunks)


def test_chunks_are_balanced_not_greedy() -> None:
    chunks = split_paragraphs(paragraphs(11, 400), max_tokens=1000)  # a bit over one budget
    assert len(chunks) == 2
    assert abs(len(chunks[0]) - len(chunks[1])) <= 1  # not 9 + 2


def test_oversize_paragraph_is_split_between_sentences() -> None:
    sentence = "The minister said the talks would go on. "
    giant = (sentence * 100).strip()  # ~4,100 characters, one paragraph
    chunks = split_paragraphs(["Lead paragraph.", giant, "Last paragraph."], max_tokens=300)
    pieces = [p for chunk in chunks for p in chunk]
    assert all(len("\n\n".join(c)) <= 300 * CHARS_PER_TOKEN for c in chunks)
    assert all(p.endswith(".") for p in pieces)  # cut after a full stop, never mid-sentence
    assert " ".join(pieces[1:-1]) == giant


def test_text_without_sentences_is_cut_between_words() -> None:
    chunks = split_paragraphs(["word " * 2000], max_tokens=250)
    assert all(len("\n\n".join(c)) <= 1000 for c in chunks)
    assert " ".join(p for c in chunks for p in c).split() == ["word"] * 2000


def test_chunks_keep_the_article_metadata() -> None:
    article = CleanArticle(title="T", source="Reuters", paragraphs=paragraphs(30, 450))
    chunks = split_article(article, max_tokens=1000)
    assert len(chunks) == 4
    assert all(c.title == "T" and c.source == "Reuters" for c in chunks)


def test_budget_is_a_setting_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MAX_ARTICLE_TOKENS", "1234")
    assert Summarizer(model="offline").settings.max_article_tokens == 1234
    assert Summarizer(model="offline", max_article_tokens=99_999).settings.max_article_tokens == (
        99_999
    )


# --- merging -----------------------------------------------------------------


def person(name: str, *aliases: str, type: Any = "person") -> Actor:
    return Actor(name=name, type=type, role="r", aliases=list(aliases))


def part(
    actors: list[Actor],
    quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
    tensions: list[tuple[list[str], str, str]] = (),  # type: ignore[assignment]
    summary: str = "S.",
) -> Extraction:
    return Extraction(
        summary=summary,
        actors=actors,
        quotes=[Quote(text=t, speaker=s) for t, s in quotes],
        tensions=[Tension(parties=p, description=d, evidence=e) for p, d, e in tensions],
    )


def test_actors_merge_alias_aware_and_the_fuller_name_wins() -> None:
    merged = merge_extractions(
        [part([person("Putin")]), part([person("Vladimir Putin", "the Kremlin leader")])]
    )
    assert [a.name for a in merged.actors] == ["Vladimir Putin"]
    assert merged.actors[0].aliases == ["Putin", "the Kremlin leader"]


def test_an_alias_naming_the_same_actor_merges_whatever_the_type() -> None:
    merged = merge_extractions(
        [
            part([person("Donald Trump", "Trump")]),
            part([person("Trump", type="organization")]),
        ]
    )
    assert [a.name for a in merged.actors] == ["Donald Trump"]


def test_people_sharing_a_surname_and_a_namesake_organisation_stay_apart() -> None:
    merged = merge_extractions(
        [
            part([person("Donald Trump", "Trump")]),
            part([person("Melania Trump", "Mrs. Trump")]),
            part([person("Trump administration", type="organization")]),
        ]
    )
    assert [a.name for a in merged.actors] == [
        "Donald Trump",
        "Melania Trump",
        "Trump administration",
    ]


def test_speakers_and_parties_take_the_merged_name() -> None:
    merged = merge_extractions(
        [
            part([person("Vladimir Putin"), person("Emomali Rahmon")]),
            part(
                [person("Putin"), person("Rahmon")],
                quotes=[("We are friends", "Putin")],
                tensions=[(["Rahmon", "Putin"], "Rahmon berated Putin.", "Rahmon berated Putin")],
            ),
        ]
    )
    assert merged.quotes[0].speaker == "Vladimir Putin"
    assert merged.tensions[0].parties == ["Emomali Rahmon", "Vladimir Putin"]


def test_repeated_quotes_and_tensions_are_kept_once() -> None:
    actors = [person("Vicente Fox", "Fox"), person("Donald Trump", "Trump")]
    feud = (
        ["Vicente Fox", "Donald Trump"],
        "Fox and Trump feud over the wall.",
        "Fox mocked Trump",
    )
    merged = merge_extractions(
        [
            part(actors, quotes=[("I’m not going to pay for that wall,", "Fox")], tensions=[feud]),
            part(
                actors,
                quotes=[
                    ("I'm not going to pay for that wall", "Vicente Fox"),  # the same words
                    ("not going to pay", "Vicente Fox"),  # quoted again, shorter: its own item
                ],
                tensions=[
                    (["Donald Trump", "Vicente Fox"], "Trump and Fox feud over the wall.", "x y z"),
                    (["Donald Trump", "Mexico"], "Trump wants Mexico to pay.", "Fox mocked Trump."),
                    (["Donald Trump", "Mexico"], "Mexico will not pay.", "Mexico will pay"),
                ],
            ),
        ]
    )
    assert [q.text for q in merged.quotes] == [
        "I’m not going to pay for that wall,",
        "not going to pay",
    ]
    assert [t.evidence for t in merged.tensions] == ["Fox mocked Trump", "Mexico will pay"]


def test_summary_is_the_first_chunks_plus_new_sentences_within_90_words() -> None:
    first = "Trump will visit Mexico on Wednesday. He will meet President Enrique Pena Nieto."
    later = [
        "Trump will visit Mexico on Wednesday to meet Pena Nieto.",  # nothing new
        "Former president Vicente Fox said the visit was a political stunt.",  # new
        "Protesters gathered outside the embassy " + "and chanted " * 40 + "slogans.",  # too long
    ]
    merged = merge_summaries([first, *later])
    assert merged.startswith(first)
    assert "Vicente Fox said" in merged and "Protesters" not in merged
    assert "to meet Pena Nieto" not in merged
    assert len(merge_summaries(["word " * 120])) <= len("word " * 90)


# --- end to end, against the fake server -------------------------------------


def chunk_responder(request: dict[str, Any]) -> Reply:
    """The offline rules' briefing of whatever chunk arrives, minus anything ungrounded."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    body = HEADER.sub("", ARTICLE.search(user).group(1))  # type: ignore[union-attr]
    chunk = CleanArticle(paragraphs=[p for p in body.split("\n\n") if p.strip()])
    extraction, _ = ground(extract_offline(chunk), chunk.text)
    return Reply(extraction.model_dump())


@pytest.fixture
def long_text() -> str:
    if not all(p.exists() for p in BASIL):
        pytest.skip("dev suite not present")
    return "\n\n".join(p.read_text(encoding="utf-8") for p in BASIL)


@pytest.mark.parametrize("use_async", [False, True])
async def test_long_article_is_chunked_merged_and_grounded_on_the_whole(
    long_text: str, use_async: bool
) -> None:
    with FakeOpenAI(default=chunk_responder) as server:
        s = Summarizer(model="m", base_url=server.base_url, api_key="sk-x", max_article_tokens=600)
        article = s.prepare(long_text)
        chunks = split_article(article, 600)
        briefing = await s.asummarize(long_text) if use_async else s.summarize(long_text)
    assert len(chunks) >= 3 and server.count == len(chunks)
    sent = [ARTICLE.search(r["messages"][-1]["content"]).group(1) for r in server.requests]  # type: ignore[union-attr]
    assert all(len(HEADER.sub("", body)) <= 600 * CHARS_PER_TOKEN for body in sent)
    assert briefing.rejected == []  # chunk-grounded items are grounded in the whole article
    assert briefing.usage.calls == len(chunks) and briefing.usage.reasks == 0
    per_chunk = [chunk_responder(r).payload for r in server.requests]
    kept = [q.text for q in briefing.quotes]
    assert len(kept) >= max(len(p["quotes"]) for p in per_chunk)
    assert {q["text"] for p in per_chunk for q in p["quotes"]} == set(kept)  # every one, once
    assert len(kept) == len(set(kept))
    names = [a.name for a in briefing.actors]
    assert len(names) == len(set(names))  # one entry per actor across chunks
    assert len(briefing.summary.split()) <= 90


# --- every field survives chunking ---------------------------------------------------


class _OnePerChunk:
    """A backend that finds one item of every kind in each chunk it is sent."""

    model = "one-per-chunk"
    prompt = PromptInfo(id="one-per-chunk", version="1", sha256="0" * 64)
    max_article_tokens: int | None = 50  # one paragraph a chunk
    cacheable = False

    def extract(self, article: CleanArticle, calls: Any) -> tuple[Extraction, Usage]:
        n = re.search(r"Mayor(\d+)", article.text).group(1)  # type: ignore[union-attr]
        mayor, rival = f"Mayor{n} Smith", f"Governor{n} Jones"
        found = Extraction(
            summary=f"Chunk {n}.",
            actors=[Actor(name=mayor, type="person", role="mayor"),
                    Actor(name=rival, type="person", role="governor")],
            tensions=[Tension(parties=[mayor, rival], description=f"Row {n}.",
                              evidence=f"{mayor} rejected the plan of {rival}")],
            quotes=[Quote(text=f"Bridge number {n} will be built", speaker=mayor)],
        )  # fmt: skip
        return found, Usage(calls=1)

    async def aextract(self, article: CleanArticle, calls: Any) -> tuple[Extraction, Usage]:
        return self.extract(article, calls)


def test_a_chunked_article_keeps_every_field_of_every_chunk() -> None:
    paragraphs = [
        f"Mayor{n} Smith rejected the plan of Governor{n} Jones on Monday in the hall. "
        f"“Bridge number {n} will be built,” Mayor{n} Smith said after the long meeting."
        for n in range(4)
    ]
    briefing = Summarizer(backend=_OnePerChunk()).summarize("\n\n".join(paragraphs))
    assert briefing.usage.calls == 4 and briefing.rejected == []
    for kind in ITEMS:  # every list of the table, one item or more from each chunk
        found = getattr(briefing, kind.field)
        per_chunk = 2 if kind.field == "actors" else 1
        assert len(found) == 4 * per_chunk, kind.field
    assert briefing.summary.startswith("Chunk 0.")
