"""A backend defined here, with no openai anywhere, runs through the whole pipeline:
`Summarizer` and `summarizer brief`, with grounding, the cache and the call log."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from summarizer import Cache, CallLog, Summarizer
from summarizer._schema import Actor, Extraction, PromptInfo, Quote, Usage
from summarizer.backends import Calls, register_backend, unregister_backend
from summarizer.cli import main
from summarizer.infra._records import CallRecord
from summarizer.infra._settings import Settings
from summarizer.input._cleaning import CleanArticle

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
REAL = "the current situation remains very"  # inside quotation marks in the seed article
MADE_UP = "We shall never leave Central Asia."


class ScriptedBackend:
    """Answers every article with one real and one made-up quote; logs one call each."""

    model = "scripted-test"
    prompt = PromptInfo(id="scripted", version="1", sha256="0" * 64)
    max_article_tokens: int | None = None
    cacheable = True

    def __init__(self) -> None:
        self.articles = 0

    def extract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        self.articles += 1
        usage = Usage(prompt_tokens=len(article.text) // 4, completion_tokens=50, calls=1)
        usage = usage.model_copy(update={"total_tokens": usage.prompt_tokens + 50})
        calls.record(self._record(article, usage))
        start = article.text.lower().index(REAL)
        real = article.text[start : start + len(REAL)]
        extraction = Extraction(
            summary="Putin arrived in Tajikistan for a summit.",
            actors=[Actor(name="Andrei Belousov", type="person", role="Defence Minister")],
            tensions=[],
            quotes=[
                Quote(text=real, speaker="Andrei Belousov"),
                Quote(text=MADE_UP, speaker="Andrei Belousov"),
            ],
        )
        return extraction, usage

    async def aextract(self, article: CleanArticle, calls: Calls) -> tuple[Extraction, Usage]:
        return self.extract(article, calls)

    def _record(self, article: CleanArticle, usage: Usage) -> CallRecord:
        return CallRecord(
            started=datetime.now(timezone.utc),
            model=self.model,
            prompt=self.prompt,
            messages=[{"role": "user", "content": article.text}],
            attempt=1,
            latency_s=0.0,
            outcome="ok",
            response_text="{}",
            usage=usage,
        )


@pytest.fixture
def scripted() -> Iterator[ScriptedBackend]:
    backend = ScriptedBackend()

    def factory(settings: Settings) -> ScriptedBackend:
        return backend

    register_backend(backend.model, factory)
    yield backend
    unregister_backend(backend.model)


def _grounded(quotes: list[dict[str, str]] | list[Quote]) -> list[str]:
    return [q["text"] if isinstance(q, dict) else q.text for q in quotes]


def test_own_backend_runs_through_summarizer_with_grounding_cache_and_call_log(
    tmp_path: Path,
) -> None:
    backend = ScriptedBackend()
    log = CallLog(tmp_path / "log.sqlite")
    summarizer = Summarizer(backend=backend, cache=Cache(tmp_path / "cache.sqlite"), on_call=log)
    first = summarizer.summarize(SEED.read_text())
    again = summarizer.summarize(SEED.read_text())
    assert first.model == "scripted-test" and first.prompt.id == "scripted"
    assert [q.text.lower() for q in first.quotes] == [REAL]  # grounding kept the real one
    assert [r.item["text"] for r in first.rejected] == [MADE_UP]  # and dropped the other
    assert again == first and backend.articles == 1  # the second came from the cache
    assert [c.model for c in log.recent()] == ["scripted-test"]


async def test_own_backend_runs_through_the_async_pipeline(tmp_path: Path) -> None:
    summarizer = Summarizer(backend=ScriptedBackend())
    briefing = await summarizer.asummarize(SEED.read_text())
    assert [q.text.lower() for q in briefing.quotes] == [REAL]


def test_registered_backend_runs_through_summarizer_brief(
    scripted: ScriptedBackend, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["brief", "--model", "scripted-test", "--format", "json", str(SEED)]
    assert main(args) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 0
    again = json.loads(capsys.readouterr().out)
    assert first["model"] == "scripted-test"
    assert [q.lower() for q in _grounded(first["quotes"])] == [REAL]
    assert [r["item"]["text"] for r in first["rejected"]] == [MADE_UP]
    assert again == first and scripted.articles == 1  # cached by the CLI's default cache
    assert [c.model for c in CallLog().recent()] == ["scripted-test"]  # the CLI's call log
