"""The briefing's item kinds, described once: one row per list of items.

Each row says which model one item has (salvage validates items one by one against
it), how grounding checks it, where the briefing note shows it and which section of
the eval scores it. Salvage, chunk merging, rejections, rendering and the eval read
this table; `docs/ARCHITECTURE.md` ("Add a field") lists what else a new kind needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from summarizer._schema import Actor, ItemField, Quote, Tension


@dataclass(frozen=True)
class ItemKind:
    """One list of items of a briefing (``actors``, ``tensions``, ``quotes``)."""

    field: ItemField  # the list's name on `Extraction` and `Briefing`
    model: type[BaseModel]  # one item
    grounding: str  # the rule `summarizer._grounding` applies, in words
    heading: str  # its section in the briefing note
    empty: str  # what the note says when the list is empty
    line: Callable[[Any], str]  # one item as a line of the Markdown note
    label: str  # the key that names a rejected item ("name", "text", "evidence")
    eval_section: str | None  # the section of the eval scores that measures it


def _actor_line(a: Actor) -> str:
    role = f" — {a.role}" if a.role.strip() else ""
    aliases = f" · also: {', '.join(a.aliases)}" if a.aliases else ""
    return f"- **{a.name}** ({a.type}){role}{aliases}"


def _tension_line(t: Tension) -> str:
    return f"- **{' vs '.join(t.parties)}**: {t.description}\n  > {t.evidence}"


def _quote_line(q: Quote) -> str:
    return f"- **{q.speaker}**: “{q.text}”"


ITEMS: tuple[ItemKind, ...] = (
    ItemKind(
        "actors", Actor, "its name or an alias occurs in the article",
        "Key actors", "No actors found.", _actor_line, "name", "actors",
    ),
    ItemKind(
        "tensions", Tension, "its evidence is in the article word for word; parties are actors",
        "Tensions", "No stated tensions found.", _tension_line, "evidence", "tensions",
    ),
    ItemKind(
        "quotes", Quote, "verbatim inside quotation marks in the article; speaker is an actor",
        "Quotes", "No direct quotes found.", _quote_line, "text", "quotes",
    ),
)  # fmt: skip
ITEM_FIELDS: tuple[str, ...] = tuple(kind.field for kind in ITEMS)
ITEM_MODELS: dict[str, type[BaseModel]] = {kind.field: kind.model for kind in ITEMS}
ITEM_LABELS: dict[str, str] = {kind.field: kind.label for kind in ITEMS}
