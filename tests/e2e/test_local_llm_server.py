"""The local llama.cpp server speaks the OpenAI protocol in JSON mode."""

from __future__ import annotations

import json
from typing import Any

import pytest
from openai import OpenAI

pytestmark = pytest.mark.e2e

ARTICLE = (
    "The city council of Riverton voted 7-2 on Tuesday to close the Elm Street bridge "
    'for repairs. Mayor Ana Ruiz said the closure would last "about six weeks". '
    "Local businesses warned that the detour could cut their sales."
)

SCHEMA = {
    "type": "object",
    "properties": {
        "headline": {"type": "string"},
        "people": {"type": "array", "items": {"type": "string"}},
        "vote_for": {"type": "integer"},
    },
    "required": ["headline", "people", "vote_for"],
}


def test_json_mode_returns_parseable_json_with_usage(local_llm):
    client = OpenAI(base_url=local_llm.base_url, api_key="local", timeout=300, max_retries=0)

    # llama-cpp-python answers HTTP 500 to {"type": "json_schema"}. {"type": "json_object"}
    # is JSON mode; the "schema" key (not in the SDK's types, hence Any) makes the server
    # constrain the output to that schema by grammar, not just to any JSON.
    response_format: Any = {"type": "json_object", "schema": SCHEMA}
    response = client.chat.completions.create(
        model=local_llm.model,
        messages=[
            {"role": "system", "content": "Extract facts from the news text as JSON."},
            {"role": "user", "content": ARTICLE},
        ],
        response_format=response_format,
        temperature=0,
        max_tokens=200,
    )

    choice = response.choices[0]
    assert choice.finish_reason == "stop", choice
    data = json.loads(choice.message.content or "")
    assert set(SCHEMA["required"]) <= data.keys()
    assert isinstance(data["people"], list)
    assert response.usage is not None
    assert response.usage.prompt_tokens > 0
    assert response.usage.completion_tokens > 0
    assert response.usage.total_tokens > 0
