"""The item kinds are described once (`summarizer._fields.ITEMS`) and every user agrees."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, get_args

from pydantic import create_model

from summarizer._chunking import merge_extractions
from summarizer._fields import ITEM_FIELDS, ITEMS
from summarizer._schema import Briefing, EventNote, Extraction, ItemField, PromptInfo, Quote
from summarizer.backends._answers import parse_without_grounding
from summarizer.eval._metrics import ITEM_SCORERS, SECTIONS
from summarizer.render._markdown import render_markdown


def test_every_item_list_of_extraction_and_briefing_has_a_row() -> None:
    lists = {n for n, f in Extraction.model_fields.items() if "list" in str(f.annotation)}
    assert lists == set(ITEM_FIELDS) == set(get_args(ItemField))
    assert set(ITEM_FIELDS) <= set(Briefing.model_fields)


def test_a_field_added_to_extraction_survives_merging_the_chunks() -> None:
    extended = create_model(
        "Extended", __base__=Extraction, claims=(list[str], ...), language=(str, "")
    )
    empty = {"actors": [], "tensions": [], "quotes": []}
    parts = [
        extended(summary="One.", claims=["a", "b"], language="", **empty),
        extended(summary="Two.", claims=["b", "c"], language="en", **empty),
    ]
    merged = merge_extractions(parts)
    assert merged.claims == ["a", "b", "c"]  # type: ignore[attr-defined]
    assert merged.language == "en"  # type: ignore[attr-defined]


def test_salvage_and_rendering_read_the_table() -> None:
    quote = {"text": "We will win.", "speaker": "X"}
    raw = '{"summary": "S.", "actors": [], "tensions": [], "quotes": [%s, {"text": 1}]}'
    salvaged = parse_without_grounding(raw % str(quote).replace("'", '"'))
    assert salvaged is not None
    extraction, dropped = salvaged
    assert extraction.quotes == [Quote(**quote)] and [d.field for d in dropped] == ["quotes"]
    briefing = Briefing(
        **extraction.model_dump(), model="m", prompt=PromptInfo(id="p", version="1", sha256="-")
    )
    note = render_markdown(briefing)
    assert [k.heading for k in ITEMS if f"## {k.heading}" in note] == [k.heading for k in ITEMS]


def test_every_eval_section_of_the_table_is_scored_and_reported() -> None:
    sections = [k.eval_section for k in ITEMS if k.eval_section]
    assert sorted(ITEM_SCORERS) == sorted(sections)
    assert list(SECTIONS[: len(sections)]) == sections


def test_the_event_notes_draw_their_sections_from_the_table(monkeypatch: Any) -> None:
    from datetime import date

    from summarizer import _fields
    from summarizer.render import _html, _markdown

    renamed = tuple(replace(k, heading=k.heading.upper(), empty=f"none: {k.field}") for k in ITEMS)
    monkeypatch.setattr(_fields, "ITEMS", renamed)
    monkeypatch.setattr(_markdown, "ITEMS", renamed)
    note = EventNote(title="T", summary="S.", sources=[])
    markdown = _markdown.render_event_markdown(note)
    page = _html.render_html(note, generated=date(2026, 1, 1))
    for kind in (k for k in renamed if k.field in EventNote.model_fields):
        assert f"## {kind.heading}" in markdown and f"_{kind.empty}_" in markdown
        assert f"<h2>{kind.heading}</h2>" in page and kind.empty in page
