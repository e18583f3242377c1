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
import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

import platformdirs
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from summarizer._errors import LocalStateWarning
from summarizer._schema import SCHEMA_VERSION, Briefing, PromptInfo
from summarizer.infra._settings import Settings
from summarizer.input._cleaning import CleanArticle

_T = TypeVar("_T")
APP_NAME = "summarizer"
KEY_SETTINGS = (
    "mode", "strategy", "grounding", "strict", "max_reasks", "temperature", "max_output_tokens",
    "max_article_tokens",  # chunking: a long article split differently reads differently
)  # fmt: skip
_SCHEMA = """
CREATE TABLE IF NOT EXISTS briefings (
    key TEXT PRIMARY KEY,
    article_sha256 TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt TEXT NOT NULL,
    created REAL NOT NULL,
    briefing TEXT NOT NULL
);
"""


class FileSettings(BaseSettings):
    """Where files live: ``SUMMARIZER_HOME`` and ``SUMMARIZER_PRICES`` (env > ``.env``)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)

    home: Path | None = Field(default=None, validation_alias="SUMMARIZER_HOME")
    prices: Path | None = Field(default=None, validation_alias="SUMMARIZER_PRICES")


def home_dir(kind: Literal["cache", "data"]) -> Path:
    """``SUMMARIZER_HOME`` if set, else the platform's user cache or data directory."""
    home = FileSettings().home
    if home is not None:
        return home.expanduser()
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP_NAME))
    return Path(platformdirs.user_data_dir(APP_NAME))


def default_cache_path() -> Path:
    """Where ``cache.sqlite`` lives by default."""
    return home_dir("cache") / "cache.sqlite"


_SETUP_ATTEMPTS = 100  # x 50 ms: how long opening waits out other processes' setup


def connect(path: Path, schema: str) -> sqlite3.Connection:
    """Open (creating it if needed) a WAL-mode database safe for several threads and processes.

    Switching a new file to WAL and creating the tables take locks that SQLite does not
    wait for with the busy timeout: several processes opening the same new database at
    once (``batch --workers``) got "database is locked" on 1 open in 10. Setup is retried.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(_SETUP_ATTEMPTS):
        db = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout=30000")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(schema)
            return db
        except sqlite3.OperationalError as err:
            db.close()
            if "locked" not in str(err) or attempt == _SETUP_ATTEMPTS - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")  # pragma: no cover


_CORRUPT = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def _is_corrupt(err: BaseException) -> bool:
    name = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    return name.startswith(_CORRUPT) or "malformed" in text or "not a database" in text


class LocalDatabase:
    """A SQLite file the tool keeps for itself (cache, call log) that never stops the work.

    Every use goes through `run`. A file that is corrupt ("file is not a database",
    "database disk image is malformed") is moved aside to ``NAME.broken-<time>`` (its WAL
    files with it) and a fresh one is started; a file that cannot be opened or written (a
    read-only home, a full disk, a lock held past the busy timeout) is switched off for the
    life of this object. Either way `LocalStateWarning` is issued once per object and the
    operation returns its ``default``: a cache miss, a call not logged, an empty listing.
    """

    def __init__(self, path: Path, schema: str, what: str) -> None:
        self.path = path
        self.what = what
        self._schema = schema
        self._db: sqlite3.Connection | None = None
        self._inode: int | None = None
        self.unavailable: str | None = None  # why it was switched off
        self._warned = False
        self._lock = threading.RLock()

    def run(self, operation: Callable[[sqlite3.Connection], _T], default: _T) -> _T:
        """``operation(connection)``, healing or skipping a broken database (see the class)."""
        with self._lock:
            for healed in (False, True):
                if self.unavailable is not None:
                    return default
                try:
                    return operation(self._conn())
                except sqlite3.DatabaseError as err:
                    if _is_corrupt(err) and not healed:
                        self._move_aside(err)
                        continue
                    self._switch_off(f"{type(err).__name__}: {err}")
                except OSError as err:
                    self._switch_off(f"{err.strerror or err}")
            return default

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = connect(self.path, self._schema)
            self._inode = _inode(self.path)
        return self._db

    def close(self) -> None:
        """Close the connection (reopened on next use)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _move_aside(self, err: BaseException) -> None:
        self.close()
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}-{os.getpid()}")
        # Another process may have moved it already and started a fresh one: leave that be.
        if self._inode is None or _inode(self.path) == self._inode:
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
                except FileNotFoundError:
                    pass
                except OSError as move_err:
                    self._switch_off(f"it is corrupt ({err}) and cannot be moved ({move_err})")
                    return
        self._inode = None
        self._warn(
            f"the {self.what} {self.path} was unreadable ({err}); moved it aside to "
            f"{aside.name} and started a new one"
        )

    def _switch_off(self, reason: str) -> None:
        self.close()
        self.unavailable = reason
        self._warn(f"cannot use the {self.what} at {self.path} ({reason}); going on without it")

    def _warn(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            warnings.warn(message, LocalStateWarning, stacklevel=4)


def _inode(path: Path) -> int | None:
    try:
        return path.stat().st_ino
    except OSError:
        return None


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
        self._store = LocalDatabase(self.path, _SCHEMA, "cache")

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
