"""The tool's SQLite files are upgraded by numbered migrations (`PRAGMA user_version`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from summarizer.infra._cache import _MIGRATIONS as CACHE
from summarizer.infra._calllog import _MIGRATIONS as CALL_LOG
from summarizer.infra._db import connect

V1 = "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"
V2 = "ALTER TABLE notes ADD COLUMN source TEXT; CREATE INDEX notes_source ON notes(source)"


def version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def test_a_new_file_gets_every_migration_and_its_version(tmp_path: Path) -> None:
    for migrations in (CACHE, CALL_LOG, (V1, V2)):
        db = connect(tmp_path / f"{len(migrations)}-{id(migrations)}.sqlite", migrations)
        assert version(db) == len(migrations)


def test_an_older_file_gets_only_the_migrations_it_lacks(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    connect(path, (V1,)).execute("INSERT INTO notes (text) VALUES ('kept')")
    db = connect(path, (V1, V2))
    assert version(db) == 2
    assert db.execute("SELECT text, source FROM notes").fetchall() == [("kept", None)]
    assert version(connect(path, (V1, V2))) == 2  # opening again changes nothing


def test_a_file_from_before_versions_is_adopted_as_version_1(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript(CACHE[0])  # what the cache created before it kept a version
    old.execute("INSERT INTO briefings VALUES ('k', 'a', 'm', 'p', 0, '{}')")
    old.commit()
    old.close()
    db = connect(path, CACHE)
    assert version(db) == 1 and db.execute("SELECT count(*) FROM briefings").fetchone()[0] == 1
