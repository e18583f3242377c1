"""The briefing cache: a repeated article costs no model call; anything that matters misses."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import sys
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from summarizer import Summarizer
from summarizer._schema import SCHEMA_VERSION, PromptInfo
from summarizer.cli import main
from summarizer.infra._cache import (
    _MIGRATIONS,
    Cache,
    article_digest,
    cache_key,
    default_cache_path,
)
from summarizer.infra._db import connect
from summarizer.infra._settings import load_settings
from summarizer.input._cleaning import CleanArticle, clean_article
from summarizer.testing import FakeOpenAI, Reply, Status

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"

GOOD: dict[str, Any] = {
    "summary": "Vladimir Putin arrived in Tajikistan for a Russia-Central Asia summit.",
    "actors": [{"name": "Vladimir Putin", "type": "person", "role": "President", "aliases": []}],
    "tensions": [],
    "quotes": [],
}
PROMPT = PromptInfo(id="extract", version="1", sha256="a" * 64)


def make(server: FakeOpenAI, cache: Cache, **kw: Any) -> Summarizer:
    return Summarizer(model="m", base_url=server.base_url, api_key="sk-x", cache=cache, **kw)


def test_repeated_article_makes_zero_calls(seed_text: str, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    with FakeOpenAI(default=Reply(GOOD)) as server:
        first = make(server, cache).summarize(seed_text)
        second = make(server, cache).summarize(seed_text)
    assert server.count == 1
    assert second == first
    assert (cache.hits, cache.misses) == (1, 1)


async def test_async_path_uses_the_cache_too(seed_text: str, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    with FakeOpenAI(default=Reply(GOOD)) as server:
        await make(server, cache).asummarize(seed_text)
        briefing = await make(server, cache).asummarize(seed_text)
    assert server.count == 1 and briefing.summary == GOOD["summary"]


def test_changing_anything_that_shapes_the_answer_misses(seed_text: str, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    with FakeOpenAI(default=Reply(GOOD)) as server:
        make(server, cache).summarize(seed_text)
        make(server, cache, temperature=0.5).summarize(seed_text)
        make(server, cache, max_reasks=0).summarize(seed_text)
        make(server, cache).summarize(seed_text.replace("Wednesday", "Tuesday"))
        make(server, cache, timeout=30).summarize(seed_text)  # transport only: a hit
    assert server.count == 4


def test_key_covers_article_model_prompt_schema_and_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = clean_article(SEED.read_text(encoding="utf-8"))
    base = load_settings(model="m", api_key="k")

    def key(**changes: Any) -> str:
        art = changes.pop("article", article)
        model = changes.pop("model", "m")
        prompt = changes.pop("prompt", PROMPT)
        return cache_key(art, model=model, prompt=prompt, settings=base.model_copy(update=changes))

    variants = [
        key(),
        key(model="m2"),
        key(prompt=PROMPT.model_copy(update={"sha256": "b" * 64})),
        key(prompt=PROMPT.model_copy(update={"version": "2"})),
        key(mode="json"),
        key(grounding=False),
        key(strict=True),
        key(max_reasks=0),
        key(temperature=0.7),
        key(max_output_tokens=100),
        key(max_article_tokens=1000),
        key(article=article.model_copy(update={"title": "Another title"})),
        key(article=article.model_copy(update={"paragraphs": article.paragraphs[:-1]})),
    ]
    with monkeypatch.context() as patched:  # a new briefing schema: old entries do not fit
        home = sys.modules[cache_key.__module__]
        patched.setattr(home, "SCHEMA_VERSION", SCHEMA_VERSION + ".next")
        variants.append(key())
    assert len(set(variants)) == len(variants)
    assert key() == key(timeout=5.0, base_url="http://elsewhere/v1", api_key="other")


def test_a_failed_call_is_not_cached(seed_text: str, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    with FakeOpenAI([Status(400, "bad request")], default=Reply(GOOD)) as server:
        with pytest.raises(Exception, match="HTTP 400"):
            make(server, cache).summarize(seed_text)
        make(server, cache).summarize(seed_text)
    assert server.count == 2 and cache.stats().entries == 1


def test_offline_briefings_are_not_cached(seed_text: str, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    Summarizer(model="offline", cache=cache).summarize(seed_text)
    assert not cache.path.exists()


def test_an_unreadable_entry_is_a_miss(seed_text: str, tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c.sqlite")
    with FakeOpenAI(default=Reply(GOOD)) as server:
        make(server, cache).summarize(seed_text)
        with sqlite3.connect(cache.path) as db:
            db.execute("UPDATE briefings SET briefing = '{\"summary\": 1}'")
        make(server, cache).summarize(seed_text)
    assert server.count == 2


def test_database_is_wal_and_shared_between_connections(seed_text: str, tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    writer, reader = Cache(path), Cache(path)  # as two processes would hold it
    with FakeOpenAI(default=Reply(GOOD)) as server:
        make(server, writer).summarize(seed_text)
        make(server, reader).summarize(seed_text)
    assert server.count == 1
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_location_is_summarizer_home_then_platform_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert default_cache_path() == tmp_path / "summarizer-home" / "cache.sqlite"
    monkeypatch.delenv("SUMMARIZER_HOME")
    assert default_cache_path().parent == Path(platformdirs.user_cache_dir("summarizer"))
    (tmp_path / ".env").write_text("SUMMARIZER_HOME=/srv/briefings\n")
    assert default_cache_path() == Path("/srv/briefings/cache.sqlite")


# --- the CLI -----------------------------------------------------------------------------


@pytest.fixture
def llm(monkeypatch: pytest.MonkeyPatch) -> Any:
    with FakeOpenAI(default=Reply(GOOD)) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        yield server


def test_repeated_brief_makes_zero_calls_unless_no_cache(llm: FakeOpenAI) -> None:
    assert main(["brief", str(SEED)]) == 0
    assert main(["brief", str(SEED), "--format", "html"]) == 0
    assert llm.count == 1
    assert main(["brief", str(SEED), "--no-cache"]) == 0
    assert llm.count == 2


def test_batch_into_a_new_output_is_served_from_the_cache(llm: FakeOpenAI, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    text = SEED.read_text(encoding="utf-8")
    source.write_text("".join(json.dumps({"id": i, "text": f"{text}\n\nUpdate {i}."}) + "\n" for i in range(3)))  # fmt: skip
    assert main(["batch", str(source), "-o", "a.jsonl"]) == 0
    assert main(["batch", str(source), "-o", "b.jsonl"]) == 0
    assert llm.count == 3
    assert len((tmp_path / "b.jsonl").read_text().splitlines()) == 3


def test_cache_stats_and_clear(llm: FakeOpenAI, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["cache", "stats"]) == 0
    out = capsys.readouterr().out
    assert "fake-model" in out and "cache.sqlite" in out
    assert main(["cache", "clear", "--yes"]) == 0
    assert "Removed 1 cached briefing(s)" in capsys.readouterr().out
    assert main(["brief", str(SEED)]) == 0
    assert llm.count == 2


def _open_at_once(path: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        connect(Path(path), _MIGRATIONS).execute("SELECT count(*) FROM briefings").fetchone()
        results.put("ok")
    except sqlite3.Error as err:
        results.put(repr(err))


def test_processes_opening_a_new_cache_at_once_all_succeed(tmp_path: Path) -> None:
    """`batch --workers`: every worker opens the same (maybe new) cache as it starts.

    Before setup was retried, 19 of 180 such opens failed with "database is locked".
    """
    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for round_ in range(25):
        path = str(tmp_path / f"c{round_}.sqlite")
        barrier, results = ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open_at_once, args=(path, barrier, results)) for _ in "abc"]
        for proc in procs:
            proc.start()
        outcomes += [results.get(timeout=30) for _ in procs]
        for proc in procs:
            proc.join(timeout=30)
    assert [o for o in outcomes if o != "ok"] == []


def test_the_key_of_a_fixed_briefing_request_never_changes_by_accident() -> None:
    # Every user's cache is keyed so: a new key format (field names, order, encoding,
    # what is hashed) silently empties them all. Change it on purpose, with SCHEMA_VERSION.
    article = CleanArticle(
        title="Putin visits Tajikistan",
        source="Reuters",
        published="2025-10-08",
        dateline="DUSHANBE",
        credits="Reporting by Jane Doe",
        paragraphs=["Putin arrived on Wednesday.", "He met Rahmon."],
    )
    settings = load_settings(
        model="m", api_key="k", mode="tools", grounding=True, strict=False, max_reasks=2,
        temperature=0.0, max_output_tokens=2000, max_article_tokens=12000,
    )  # fmt: skip
    assert (
        article_digest(article)
        == "caf4ddb34f98da8d371328bd92b50da67354c85db1c16f1b9a9aa5dd484258b9"
    )
    key = cache_key(article, model="m", prompt=PROMPT, settings=settings)
    assert key == "abd56b46de1d788e54df6a1de7242c5cf796374e2db603b8705aae763dc04a20"
