"""Reading the model's answer: a JSON object out of raw text, and salvage item by item.

Used when re-asks ran out (the last answer is kept for what fits the schema) and by the
Batch API path, whose answers come back as text.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

import instructor
from pydantic import BaseModel, ValidationError

from summarizer._fields import ITEM_MODELS
from summarizer._schema import Extraction, Rejection

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)


def json_object(raw: str | None) -> dict[str, Any] | None:
    if not raw:
        return None
    fenced = _FENCE.search(raw)
    text = fenced.group(1) if fenced else raw
    start, end = text.find("{"), text.rfind("}")
    if start == -1 or end <= start:
        return None
    try:
        data = json.loads(text[start : end + 1])
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _valid_items(field: str, items: Any) -> tuple[list[BaseModel], list[Rejection]]:
    """Keep the items of one list that fit the schema; list the others as rejected."""
    kept: list[BaseModel] = []
    dropped: list[Rejection] = []
    for item in items if isinstance(items, list) else []:
        try:
            kept.append(ITEM_MODELS[field].model_validate(item))
        except ValidationError as err:
            reason = f"does not fit the schema: {err.errors()[0]['msg']}"
            shown = item if isinstance(item, dict) else {"value": item}
            dropped.append(Rejection(field=field, item=shown, reason=reason))  # type: ignore[arg-type]
    return kept, dropped


def parse_without_grounding(raw: str | None) -> tuple[Extraction, list[Rejection]] | None:
    """Salvage the model's last answer item by item, with no grounding check.

    A small model often gets most of the answer right and one item wrong (an actor
    typed "location", a quote without a speaker): keep what fits the schema and list
    the rest as rejected, rather than failing the whole article. ``None`` when the
    answer is not a JSON object with at least one of the lists, and a summary or a
    valid item.
    """
    data = json_object(raw)
    if data is None:
        return None
    fields: dict[str, Any] = {}
    dropped: list[Rejection] = []
    for name in ITEM_MODELS:
        fields[name], rejected = _valid_items(name, data.get(name))
        dropped += rejected
    summary = data.get("summary")
    answered_lists = any(isinstance(data.get(name), list) for name in ITEM_MODELS)
    if not answered_lists or (not isinstance(summary, str) and not any(fields.values())):
        return None
    fields["summary"] = summary if isinstance(summary, str) else ""
    return Extraction.model_validate(fields), dropped


@functools.lru_cache(maxsize=8)
def response_model(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` wrapped for instructor once: given a plain model, instructor builds a new
    wrapper class (and its JSON schema) on every call, a few ms of CPU each."""
    return instructor.openai_schema(model)  # type: ignore[no-any-return]
