"""Where the client's CPU goes per article: the steps of one summarise call, timed apart.

    .venv/bin/python benchmarks/client_cpu.py          # ~40 s
    PYTHONPATH=/path/to/an/older/checkout .venv/bin/python benchmarks/client_cpu.py  # before

Times (``timeit``, best of 5 repeats) the steps that run for every article of a batch,
on the bundled Reuters example and a briefing that passes grounding for it, in the order
they run, each marked ours or a dependency's:

- ``clean``: `Summarizer.prepare` (cleaning the raw text);
- ``request``: the backend's plan (prompt rendered, messages, response model);
- ``instructor check``: ``reject_async_validators`` on the response model, which
  instructor runs six times per call: twice on its own and twice inside each of the two
  ``prepare_response_model`` calls;
- ``openai transform``: the SDK's request ``transform`` of a captured request body (the
  sync path's ``chat.completions.create``; a batch posts its body with ``client.post``
  and skips it since #18: 0 calls per article in a batch);
- ``openai response``: the SDK building its ``ChatCompletion`` from the answer's JSON;
- ``validate``: the answer's JSON validated into the response model without grounding
  (pydantic), and the grounding validator's pass (``check``);
- ``ground``: the final grounding pass; ``briefing``: the `Briefing` built;
- ``jsonl line``: the output line; ``call log``: one attempt written to SQLite.

Then one whole `Summarizer.summarize` against the fake server (no latency), for scale,
and one whole `asummarize` on the batch client (what each article of `summarizer batch`
runs). The sums per article of ours and of the dependencies' steps close the table.
Loopback only. The figures move with the machine's load: compare rows of one run, or
runs made back to back.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

from instructor.v2.core.response_model import prepare_response_model
from instructor.v2.validation.async_validators import reject_async_validators
from openai._models import construct_type
from openai._utils._transform import transform
from openai.types.chat import ChatCompletion
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from throughput import ARTICLE, grounded_payload

from summarizer import Summarizer
from summarizer._grounding import check, ground
from summarizer._results import Result
from summarizer._schema import Extraction, Usage
from summarizer.backends import _answers
from summarizer.backends._openai import shared_async_client
from summarizer.infra._calllog import CallLog
from summarizer.infra._records import CallRecord
from summarizer.testing import FakeOpenAI, Reply, completion_body


def best_us(step: Callable[[], Any], number: int) -> float:
    """Microseconds per call, best of five repeats (the least disturbed by the machine)."""
    return 1e6 * min(timeit.repeat(step, number=number, repeat=5)) / number


def main() -> int:
    offline = Summarizer(model="offline")
    article = offline.prepare(ARTICLE)
    payload = grounded_payload()
    extraction = Extraction.model_validate(payload)
    model = _answers.response_model(Extraction)
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(default=Reply(payload)) as server:
        log = CallLog(Path(tmp) / "calls.sqlite")
        records: list[CallRecord] = []
        online = Summarizer(
            model="fake", base_url=server.base_url, api_key="sk-fake", on_call=records.append
        )
        briefing = online.summarize(ARTICLE)  # warm up, and capture a real request body
        body = {k: v for k, v in server.requests[0].items() if k != "stream"}
        answer = completion_body(body, Reply(payload))
        arguments = answer["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"]
        backend = online.backend
        result = Result(id="a1", briefing=briefing)
        started = time.monotonic()
        rows = [
            ("clean (Summarizer.prepare)", "ours", 1, best_us(lambda: offline.prepare(ARTICLE), 200)),
            ("request: plan, prompt, messages", "ours", 1, best_us(lambda: backend.plan(article), 500)),  # type: ignore[attr-defined]
            ("instructor reject_async_validators, outside prepare", "instructor", 2, best_us(lambda: reject_async_validators(model), 500)),
            ("instructor prepare_response_model", "instructor", 2, best_us(lambda: prepare_response_model(model), 500)),
            ("openai request transform (sync path only: a batch posts the body)", "openai", 0, best_us(lambda: transform(body, CompletionCreateParamsNonStreaming), 500)),
            ("openai response: ChatCompletion from JSON", "openai", 1, best_us(lambda: construct_type(type_=ChatCompletion, value=answer), 500)),
            ("validate the answer (pydantic, no grounding)", "pydantic", 1, best_us(lambda: Extraction.model_validate_json(arguments), 500)),
            ("grounding validator (check)", "ours", 1, best_us(lambda: check(extraction, article.text), 500)),
            ("ground (final pass)", "ours", 1, best_us(lambda: ground(extraction, article.text), 500)),
            ("briefing (Summarizer._finish without grounding)", "ours", 1, best_us(lambda: finish(online, extraction, article, started), 500)),
            ("jsonl line", "ours", 1, best_us(result.line, 500)),
            ("call log: one attempt to SQLite", "ours", 1, best_us(lambda: log(records[0]), 200)),
            ("whole summarize (sync; the fake server's time included)", "all", 1, best_us(lambda: online.summarize(ARTICLE), 50)),
            ("whole asummarize on the batch client (async; the server's time included)", "all", 1, batch_us(online.settings, 50)),
        ]  # fmt: skip
        log.close()
    print("| step | whose | µs per call | calls per article | µs per article |")
    print("|---|---|---|---|---|")
    for name, whose, calls, us in rows:
        print(f"| {name} | {whose} | {us:.0f} | {calls} | {us * calls:.0f} |")
    steps = [(whose, us * calls) for _, whose, calls, us in rows if whose != "all"]
    ours = sum(us for whose, us in steps if whose == "ours")
    theirs = sum(us for whose, us in steps if whose != "ours")
    print(f"| **sum of the steps: ours** | | | | {ours:.0f} |")
    print(f"| **sum of the steps: dependencies** | | | | {theirs:.0f} |")
    return 0


def batch_us(settings: Any, number: int) -> float:
    """Microseconds per `asummarize` on the batch client, best of five runs of ``number``."""

    async def runs() -> float:
        async with shared_async_client(settings) as client:
            s = Summarizer.from_settings(settings, client=client)
            await s.asummarize(ARTICLE)  # warm up
            best = float("inf")
            for _ in range(5):
                started = time.perf_counter()
                for _ in range(number):
                    await s.asummarize(ARTICLE)
                best = min(best, time.perf_counter() - started)
            return 1e6 * best / number

    return asyncio.run(runs())


def finish(s: Summarizer, extraction: Extraction, article: Any, started: float) -> Any:
    """The briefing step alone: `Summarizer._finish` with grounding switched off."""
    grounding = s.settings.grounding
    s.settings.grounding = False
    try:
        return s._finish(extraction, article, Usage(calls=1), started)
    finally:
        s.settings.grounding = grounding


if __name__ == "__main__":
    raise SystemExit(main())
