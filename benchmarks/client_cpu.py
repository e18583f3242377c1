"""Where the client's CPU goes per article: the steps of one summarise call, timed apart.

    .venv/bin/python benchmarks/client_cpu.py          # ~20 s

Times (``timeit``, best of 5 repeats) the steps that run for every article of a batch,
on the bundled Reuters example and a briefing that passes grounding for it:

- ``clean``: `Summarizer.prepare` (cleaning the raw text);
- ``ground``: one grounding pass (the validator runs one, the final check another);
- ``instructor check``: ``reject_async_validators`` on the response model, which
  instructor 1.17 runs six times per call: twice on its own and twice inside each of
  the two ``prepare_response_model`` calls;
- ``openai transform``: the SDK's request ``transform`` of a captured request body
  (tools schema included), once per HTTP attempt.

Then one whole `Summarizer.summarize` against the fake server (no latency), for scale.
Loopback only. The figures move with the machine's load: compare rows of one run.
"""

from __future__ import annotations

import timeit
from collections.abc import Callable
from typing import Any

from instructor.v2.core.response_model import prepare_response_model
from instructor.v2.validation.async_validators import reject_async_validators
from openai._utils._transform import transform
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from throughput import ARTICLE, grounded_payload

from summarizer import Summarizer
from summarizer._grounding import ground
from summarizer._schema import Extraction
from summarizer.backends import _answers
from summarizer.testing import FakeOpenAI, Reply


def best_us(step: Callable[[], Any], number: int) -> float:
    """Microseconds per call, best of five repeats (the least disturbed by the machine)."""
    return 1e6 * min(timeit.repeat(step, number=number, repeat=5)) / number


def main() -> int:
    offline = Summarizer(model="offline")
    article = offline.prepare(ARTICLE)
    payload = grounded_payload()
    extraction = Extraction.model_validate(payload)
    model = _answers.response_model(Extraction)
    with FakeOpenAI(default=Reply(payload)) as server:
        online = Summarizer(model="fake", base_url=server.base_url, api_key="sk-fake")
        online.summarize(ARTICLE)  # warm up, and capture a real request body
        body = {k: v for k, v in server.requests[0].items() if k != "stream"}
        rows = [
            ("clean (Summarizer.prepare)", 1, best_us(lambda: offline.prepare(ARTICLE), 200)),
            ("ground (one pass)", 2, best_us(lambda: ground(extraction, article.text), 500)),
            ("instructor reject_async_validators, outside prepare", 2, best_us(lambda: reject_async_validators(model), 500)),
            ("instructor prepare_response_model", 2, best_us(lambda: prepare_response_model(model), 500)),
            ("openai request transform", 1, best_us(lambda: transform(body, CompletionCreateParamsNonStreaming), 500)),
            ("whole summarize (sync; the fake server's time included)", 1, best_us(lambda: online.summarize(ARTICLE), 50)),
        ]  # fmt: skip
    print("| step | µs per call | calls per article | µs per article |")
    print("|---|---|---|---|")
    for name, calls, us in rows:
        print(f"| {name} | {us:.0f} | {calls} | {us * calls:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
