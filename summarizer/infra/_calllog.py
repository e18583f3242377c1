"""The call log: every HTTP attempt to the model, in SQLite, via the ``on_call`` hook.

Two tables. ``articles`` holds each article once, keyed by the sha256 of the text
between the prompt's ``<article>`` delimiters. ``calls`` holds one row per attempt
(transport retries and re-asks included): time, model, prompt id/version/sha256,
the request messages with the article replaced by a reference to its hash, the raw
response, usage, latency, outcome, HTTP status, error and an estimated cost.

No headers are stored, and anything shaped like an API key or bearer token is
redacted from messages, responses and errors before it is written.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from summarizer.infra._costs import Price, estimate, load_prices
from summarizer.infra._db import LocalDatabase
from summarizer.infra._records import CallHook, CallRecord
from summarizer.infra._settings import home_dir

_ARTICLE = re.compile(r"(<article>)(.*?)(</article>)", re.S)
_SECRETS = re.compile(r"\b(?:sk|rk|pk|key)-[A-Za-z0-9_\-]{6,}|(?i:bearer)\s+[A-Za-z0-9._\-]{6,}")
# Each entry upgrades the file by one version (`PRAGMA user_version`); never edit one.
_MIGRATIONS = (
    """
CREATE TABLE IF NOT EXISTS articles (
    sha256 TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS calls (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_id TEXT,
    prompt_version TEXT,
    prompt_sha256 TEXT,
    article_sha256 TEXT REFERENCES articles(sha256),
    attempt INTEGER,
    latency_s REAL,
    outcome TEXT,
    status INTEGER,
    messages TEXT,
    response TEXT,
    error TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER,
    total_tokens INTEGER,
    cost_usd REAL
);
CREATE INDEX IF NOT EXISTS calls_started ON calls(started);
CREATE INDEX IF NOT EXISTS calls_model ON calls(model);
""",
    # 2: full-text search (`summarizer logs -q`): FTS5 indexes over the calls (model,
    # request messages, response, error) and over the articles, kept in step by triggers;
    # a log made before they existed is indexed in place when it is opened.
    """
CREATE VIRTUAL TABLE IF NOT EXISTS calls_fts USING fts5(
    model, messages, response, error, content='calls', content_rowid='id'
);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    text, content='articles', content_rowid='rowid'
);
CREATE TRIGGER IF NOT EXISTS calls_fts_insert AFTER INSERT ON calls BEGIN
    INSERT INTO calls_fts(rowid, model, messages, response, error)
    VALUES (new.id, new.model, new.messages, new.response, new.error);
END;
CREATE TRIGGER IF NOT EXISTS calls_fts_delete AFTER DELETE ON calls BEGIN
    INSERT INTO calls_fts(calls_fts, rowid, model, messages, response, error)
    VALUES ('delete', old.id, old.model, old.messages, old.response, old.error);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
INSERT INTO calls_fts(calls_fts) VALUES ('rebuild');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
""",
)
_COLUMNS = (
    "id, started, model, prompt_id, prompt_version, prompt_sha256, article_sha256, attempt, "
    "latency_s, outcome, status, messages, response, error, prompt_tokens, completion_tokens, "
    "total_tokens, cost_usd"
)
_ANSWERED = {"ok", "truncated", "refused", "no_choices"}


def default_log_path() -> Path:
    """Where ``calls.sqlite`` lives by default."""
    return home_dir("data") / "calls.sqlite"


def redact(text: str | None) -> str | None:
    """Mask anything that looks like an API key or a bearer token."""
    return None if text is None else _SECRETS.sub("[redacted]", text)


def article_reference(sha256: str) -> str:
    """What the logged messages hold in place of the article text."""
    return f"[article sha256:{sha256}]"


def split_article(
    messages: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], str | None, str | None]:
    """Messages with the article replaced by a reference to its hash; the article and its hash.

    The article is the longest ``<article>...</article>`` span of a user message (the
    system prompt may name the delimiters; re-asks do not repeat the article).
    """
    stored = list(messages)
    spans = [
        (len(m.group(2)), i, m)
        for i, message in enumerate(messages)
        if message.get("role") == "user" and isinstance(message.get("content"), str)
        for m in _ARTICLE.finditer(message["content"])
    ]
    if not spans:
        return stored, None, None
    _, index, match = max(spans, key=lambda span: span[0])
    text = match.group(2)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    content = messages[index]["content"]
    swapped = content[: match.start(2)] + article_reference(sha) + content[match.end(2) :]
    stored[index] = {**messages[index], "content": swapped}
    return stored, sha, text


class LoggedCall(BaseModel):
    """One row of the call log, as ``summarizer logs`` shows it."""

    id: int
    started: str
    model: str
    prompt_id: str | None
    prompt_version: str | None
    prompt_sha256: str | None
    article_sha256: str | None
    attempt: int
    latency_s: float
    outcome: str
    status: int | None
    messages: list[dict[str, Any]]
    response: str | None
    error: str | None
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cost_usd: float | None


class CallLog:
    """A call hook that writes every attempt to SQLite: ``Summarizer(on_call=CallLog())``.

    A broken or unwritable log never stops a run: it is moved aside or skipped with one
    `LocalStateWarning` (see `summarizer.infra._cache.LocalDatabase`).
    """

    def __init__(self, path: Path | str | None = None, *, prices: dict[str, Price] | None = None):
        self.path = Path(path) if path is not None else default_log_path()
        self._prices = prices
        self._store = LocalDatabase(self.path, _MIGRATIONS, "call log")

    def __repr__(self) -> str:
        return f"CallLog({str(self.path)!r})"

    @property
    def unavailable(self) -> str | None:
        """Why the log is switched off (it could not be opened or written), else ``None``."""
        return self._store.unavailable

    def __call__(self, record: CallRecord) -> None:
        messages, sha, text = split_article(record.messages)
        if self._prices is None:
            self._prices = load_prices()
        row = _row(record, messages, sha, estimate(record.model, record.usage, self._prices))

        def write(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            try:
                if sha is not None:
                    db.execute("INSERT OR IGNORE INTO articles VALUES (?, ?)", (sha, text))
                db.execute(f"INSERT INTO calls ({_COLUMNS}) VALUES ({', '.join('?' * 18)})", row)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

        self._store.run(write, None)

    def recent(
        self,
        limit: int = 20,
        *,
        model: str | None = None,
        status: str | None = None,
        query: str | None = None,
        since: datetime | None = None,
    ) -> list[LoggedCall]:
        """The latest calls, newest first; ``status`` matches the outcome or the HTTP status,
        ``query`` the words of the request, response, error or article (full-text search),
        ``since`` the calls started at or after it."""
        where, args = _filters(model, status, query, since)
        sql = f"SELECT {_COLUMNS} FROM calls {where} ORDER BY id DESC LIMIT ?"
        nothing: list[Any] = []
        rows = self._store.run(lambda db: db.execute(sql, (*args, limit)).fetchall(), nothing)
        return [_logged(row) for row in rows]

    def article(self, sha256: str) -> str | None:
        """The article text stored under ``sha256``."""

        def read(db: sqlite3.Connection) -> str | None:
            found = db.execute("SELECT text FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
            return None if found is None else str(found[0])

        return self._store.run(read, None)

    def close(self) -> None:
        """Close the database connection (reopened on next use)."""
        self._store.close()


def _row(
    record: CallRecord, messages: list[dict[str, Any]], sha: str | None, cost: float | None
) -> tuple[Any, ...]:
    status = (
        record.status
        if record.status is not None
        else (200 if record.outcome in _ANSWERED else None)
    )
    usage = record.usage
    return (
        None,
        record.started.isoformat(timespec="milliseconds"),
        record.model,
        record.prompt.id,
        record.prompt.version,
        record.prompt.sha256,
        sha,
        record.attempt,
        round(record.latency_s, 4),
        record.outcome,
        status,
        redact(json.dumps(messages, ensure_ascii=False)),
        redact(record.response_text),
        redact(record.error),
        usage.prompt_tokens,
        usage.completion_tokens,
        usage.total_tokens,
        cost,
    )


def fts_query(text: str) -> str:
    """``text`` as an FTS5 query of its words, each quoted: no word is read as an operator."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def _filters(
    model: str | None,
    status: str | None,
    query: str | None = None,
    since: datetime | None = None,
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    args: list[Any] = []
    if query and query.strip():
        clauses.append(
            "(id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?) OR article_sha256 IN "
            "(SELECT sha256 FROM articles WHERE rowid IN "
            "(SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))"
        )
        args += [fts_query(query)] * 2
    if since is not None:
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        clauses.append("started >= ?")
        args.append(since.astimezone(UTC).isoformat(timespec="milliseconds"))
    if model:
        clauses.append("model = ?")
        args.append(model)
    if status:
        if status.isdigit():
            clauses.append("status = ?")
            args.append(int(status))
        else:
            clauses.append("lower(outcome) = lower(?)")
            args.append(status)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), args


def _logged(row: Iterable[Any]) -> LoggedCall:
    names = [c.strip() for c in _COLUMNS.split(",")]
    data = dict(zip(names, row, strict=True))
    data["messages"] = json.loads(data["messages"] or "[]")
    return LoggedCall.model_validate(data)


def combine_hooks(*hooks: CallHook | None) -> CallHook | None:
    """One call hook that calls each given hook in turn (``None`` entries skipped)."""
    live = [h for h in hooks if h is not None]
    if not live:
        return None
    if len(live) == 1:
        return live[0]

    def hook(record: CallRecord) -> None:
        for each in live:
            each(record)

    return hook
