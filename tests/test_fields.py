"""The item kinds are described once (`summarizer._fields.ITEMS`) and every user agrees."""

from __future__ import annotations

from typing import get_args

from pydantic import create_model

from summarizer._chunking import merge_extractions
from summarizer._fields import ITEM_FIELDS, ITEMS
from summarizer._schema import Briefing, Extraction, ItemField, PromptInfo, Quote
from summarizer.backends._answers import parse_without_grounding
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
