"""The SQLite files the tool keeps for itself (cache, call log): opening them in WAL mode,
upgrading their schema by numbered migrations (``PRAGMA user_version``), and healing or
skipping a broken file so it never stops the work."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from summarizer._errors import LocalStateWarning

_T = TypeVar("_T")
Migrations = Sequence[str]

_SETUP_ATTEMPTS = 100  # x 50 ms: how long opening waits out other processes' setup


def connect(path: Path, migrations: Migrations) -> sqlite3.Connection:
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
            migrate(db, migrations)
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

    def __init__(self, path: Path, migrations: Migrations, what: str) -> None:
        self.path = path
        self.what = what
        self._migrations = migrations
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
            self._db = connect(self.path, self._migrations)
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


def migrate(db: sqlite3.Connection, migrations: Migrations) -> None:
    """Apply the migrations the file has not seen yet, each with its version, atomically.

    A file from before versions were kept reads 0; the first migration only creates what
    does not exist, so such a file is adopted as version 1 unchanged.
    """
    if _version(db) >= len(migrations):
        return  # up to date: no write lock (a reader must not wait for a busy writer)
    db.execute("BEGIN IMMEDIATE")  # one process migrates; the others then see the version
    try:
        version = _version(db)
        for number, script in enumerate(migrations[version:], version + 1):
            for statement in statements(script):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def statements(script: str) -> list[str]:
    """The statements of ``script``, a trigger's body kept whole (it holds semicolons).

    Not `executescript`: that commits, and a migration must apply with its version or not
    at all.
    """
    found, current = [], ""
    for piece in script.split(";"):
        current += piece + ";"
        if sqlite3.complete_statement(current):  # not a ";" inside a trigger or a string
            if current.strip(" \n\t;"):
                found.append(current.strip())
            current = ""
    if current.strip(" \n\t;"):
        found.append(current.strip())  # unterminated: SQLite reports it when run
    return found


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])
