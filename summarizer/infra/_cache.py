"""A content-addressed SQLite cache of briefings, and where the summariser keeps its files.

The key is a hash of everything that decides the output: the cleaned article (body and
the metadata the prompt shows), the model, the prompt (id, version, sha256 of the
template), the schema version and the settings that change the answer (mode, grounding,
strictness, re-asks, temperature, output limit, chunk size). Change any of them and the cache misses.

The database runs in WAL mode with a busy timeout, so a second process can read and write
at the same time and a ``kill -9`` mid-write leaves the last committed state intact.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from summarizer._schema import SCHEMA_VERSION, Briefing, PromptInfo
from summarizer.infra._db import LocalDatabase
from summarizer.infra._settings import Settings, home_dir
from summarizer.input._cleaning import CleanArticle

_T = TypeVar("_T")
KEY_SETTINGS = (
    "mode", "strategy", "grounding", "strict", "max_reasks", "temperature", "max_output_tokens",
    "max_article_tokens",  # chunking: a long article split differently reads differently
)  # fmt: skip
# Each entry upgrades the file by one version (`PRAGMA user_version`); never edit one.
_MIGRATIONS = (
    """
CREATE TABLE IF NOT EXISTS briefings (
    key TEXT PRIMARY KEY,
    article_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt TEXT NOT NULL,
    created REAL NOT NULL,
    briefing TEXT NOT NULL
);
""",
)


def default_cache_path() -> Path:
    """Where ``cache.sqlite`` lives by default."""
    return home_dir("cache") / "cache.sqlite"


def article_digest(article: CleanArticle) -> str:
    """Hash of the cleaned article as the prompt and the briefing see it (body + metadata)."""
    meta = article.meta().model_dump(exclude={"words"})
    return hashlib.sha256(json.dumps(meta, sort_keys=True).encode("utf-8")).hexdigest()


def cache_key(article: CleanArticle, *, model: str, prompt: PromptInfo, settings: Settings) -> str:
    """The content address of a briefing: article, model, prompt, schema and settings."""
    parts = {
        "article": article_digest(article),
        "model": model,
        "prompt": [prompt.id, prompt.version, prompt.sha256],
        "schema": SCHEMA_VERSION,
        "settings": {name: getattr(settings, name, None) for name in KEY_SETTINGS},
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class CacheStats:
    """What ``summarizer cache stats`` shows."""

    path: Path
    entries: int
    bytes: int
    by_model: dict[str, int] = field(default_factory=dict)


class Cache:
    """Briefings by content address. ``Summarizer(cache=Cache())`` checks it before any call.

    ``hits`` and ``misses`` count lookups made through this object. A broken or unwritable
    database never stops a run: it is moved aside or skipped with one `LocalStateWarning`
    (see `LocalDatabase`); ``unavailable`` then says why the cache is off.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self.hits = 0
        self.misses = 0
        self._store = LocalDatabase(self.path, _MIGRATIONS, "cache")

    def __repr__(self) -> str:
        return f"Cache({str(self.path)!r})"

    @property
    def unavailable(self) -> str | None:
        """Why the cache is switched off (it could not be opened or written), else ``None``."""
        return self._store.unavailable

    def lookup(
        self, article: CleanArticle, *, model: str, prompt: PromptInfo, settings: Settings
    ) -> tuple[str, Briefing | None]:
        """The key for this article and summariser, and the cached briefing if there is one."""
        key = cache_key(article, model=model, prompt=prompt, settings=settings)
        return key, self.get(key)

    def get(self, key: str) -> Briefing | None:
        """The briefing stored under ``key``; an unreadable entry counts as a miss."""

        def read(db: sqlite3.Connection) -> tuple[str] | None:
            found = db.execute("SELECT briefing FROM briefings WHERE key = ?", (key,)).fetchone()
            return None if found is None else (str(found[0]),)

        found = self._store.run(read, None)
        briefing = None
        if found is not None:
            try:
                briefing = Briefing.model_validate_json(found[0])
            except ValidationError:
                briefing = None
        if briefing is None:
            self.misses += 1
        else:
            self.hits += 1
        return briefing

    def put(self, key: str, briefing: Briefing) -> None:
        """Store ``briefing`` under ``key`` (replacing any older entry)."""
        prompt = f"{briefing.prompt.id}@{briefing.prompt.version}"
        row = (key, briefing.article.text_sha256 or "", briefing.model, prompt, time.time())
        self._store.run(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO briefings VALUES (?, ?, ?, ?, ?, ?)",
                (*row, briefing.model_dump_json()),
            ),
            None,
        )

    def stats(self) -> CacheStats:
        """Entry count, size on disk, and entries per model."""

        def count(db: sqlite3.Connection) -> tuple[int, dict[str, int]]:
            entries = db.execute("SELECT count(*) FROM briefings").fetchone()[0]
            rows = db.execute(
                "SELECT model, count(*) FROM briefings GROUP BY model ORDER BY 2 DESC"
            )
            return int(entries), {model: count for model, count in rows}

        nothing: tuple[int, dict[str, int]] = (0, {})
        entries, by_model = self._store.run(count, nothing)
        size = sum(p.stat().st_size for p in self._files())
        return CacheStats(path=self.path, entries=entries, bytes=size, by_model=by_model)

    def clear(self) -> int:
        """Delete every entry; return how many there were."""

        def delete(db: sqlite3.Connection) -> int:
            count = db.execute("SELECT count(*) FROM briefings").fetchone()[0]
            db.execute("DELETE FROM briefings")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("VACUUM")
            return int(count)

        return self._store.run(delete, 0)

    def close(self) -> None:
        """Close the database connection (reopened on next use)."""
        self._store.close()

    def _files(self) -> list[Path]:
        names = (self.path.name, self.path.name + "-wal", self.path.name + "-shm")
        return [self.path.with_name(n) for n in names if self.path.with_name(n).exists()]
