"""Reading articles: files, directories, stdin, URLs, and JSONL record files for batches.

Everything here turns "where the article is" into text plus a hint whether it is HTML;
cleaning happens later, in the same pipeline for every kind of input. Records of a
batch are read lazily, one at a time, so a 100,000-line file never sits in memory.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx

from summarizer._errors import InputError, InputWarning
from summarizer.input._encoding import NotText, decode

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MAX_DOWNLOAD_BYTES = 5_000_000
MAX_FILE_BYTES = MAX_DOWNLOAD_BYTES  # read no more of a file or stdin than this
_USER_AGENT = "summarizer/0.1 (+https://github.com/; news briefing tool)"


@dataclass(frozen=True)
class Article:
    """One article to summarise: where it came from, its raw text, and whether it is HTML."""

    name: str
    text: str
    html: bool | None = None  # None: let cleaning sniff it

    @property
    def label(self) -> str:
        """A short name for notes: the file name, or the host of a URL."""
        if is_url(self.name):
            return httpx.URL(self.name).host or self.name
        return Path(self.name).name if self.name != "-" else "stdin"


@dataclass(frozen=True)
class Record:
    """One item of a batch: a stable id and its article (or why it could not be read)."""

    id: str
    text: str = ""
    html: bool | None = None
    error: str | None = None  # a malformed input line: recorded as a failure, never skipped


def is_url(source: str) -> bool:
    """Whether ``source`` is an http(s) URL."""
    return source.startswith(("http://", "https://"))


def _decode(data: bytes, name: str) -> str:
    """Text of ``data``, in the encoding it is in; a warning names it when not UTF-8."""
    try:
        text, encoding = decode(data)
    except NotText as err:
        raise InputError(f"{name}: looks like a binary file, not article text") from err
    if encoding != "utf-8":
        warnings.warn(f"{name}: not UTF-8; read as {encoding}", InputWarning, stacklevel=3)
    return text


def _read_at_most(handle: IO[Any], name: str) -> Any:
    """At most `MAX_FILE_BYTES` of ``handle``: a huge file never sits in memory."""
    data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name}: larger than {MAX_FILE_BYTES:,} bytes; pass one article")
    return data


def _read_stdin() -> str:
    if sys.stdin is None:  # descriptor 0 closed (`<&-`)
        raise InputError("stdin is closed; pass a file, or pipe the article in")
    binary = getattr(sys.stdin, "buffer", None)  # bytes: invalid UTF-8 must not crash
    if binary is None:
        return str(_read_at_most(sys.stdin, "stdin"))
    return _decode(_read_at_most(binary, "stdin"), "stdin")


def read_input(source: str) -> str:
    """Text of a file, or of stdin for ``-``; `InputError` naming the input otherwise."""
    if source == "-":
        return _read_stdin()
    path = Path(source)
    if not path.exists():
        raise InputError(f"{source}: no such file")
    if path.is_dir():
        raise InputError(f"{source}: is a directory; pass article files")
    if not path.is_file():  # a fifo or a device could block forever or never end
        raise InputError(f"{source}: not a regular file; pipe it in with '-' instead")
    try:
        with path.open("rb") as handle:
            data = _read_at_most(handle, source)
    except OSError as err:
        raise InputError(f"{source}: cannot read ({err.strerror})") from err
    return _decode(data, source)


def fetch_url(url: str, *, timeout: float = 20.0, client: httpx.Client | None = None) -> Article:
    """Download a web page (redirects followed, size capped); `InputError` on any failure."""
    own = client is None
    http = client or httpx.Client(follow_redirects=True, timeout=timeout)
    try:
        with http.stream("GET", url, headers={"User-Agent": _USER_AGENT}) as response:
            response.raise_for_status()
            data = _read_capped(response, url)
            kind = response.headers.get("content-type", "")
    except httpx.HTTPStatusError as err:
        raise InputError(f"{url}: the server answered HTTP {err.response.status_code}") from err
    except httpx.HTTPError as err:
        raise InputError(f"{url}: could not download ({type(err).__name__}: {err})") from err
    finally:
        if own:
            http.close()
    is_html = "html" in kind or None
    return Article(name=url, text=_decode(data, url), html=is_html)


def _read_capped(response: httpx.Response, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_DOWNLOAD_BYTES:
            raise InputError(f"{url}: page is larger than {MAX_DOWNLOAD_BYTES:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def article_files(directory: Path) -> list[Path]:
    """Article files of a directory (text, Markdown, HTML), sorted, hidden files skipped."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file()
        and p.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )


def _file_article(path: Path) -> Article:
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return Article(name=str(path), text=read_input(str(path)), html=html)


def read_articles(sources: list[str]) -> list[Article]:
    """Articles named on a command line: files, ``-`` (stdin), directories and URLs."""
    articles: list[Article] = []
    for source in sources:
        if is_url(source):
            articles.append(fetch_url(source))
        elif source != "-" and Path(source).is_dir():
            files = article_files(Path(source))
            if not files:
                raise InputError(f"{source}: no article files ({', '.join(ARTICLE_SUFFIXES)})")
            articles.extend(_file_article(p) for p in files)
        elif source == "-":
            articles.append(Article(name="-", text=read_input("-")))
        else:
            articles.append(_file_article(Path(source)))
    return articles


# --- batch records -----------------------------------------------------------------------


def iter_records(source: Path) -> Iterator[Record]:
    """Records of a batch input, read lazily: a directory of articles or a JSONL file."""
    if source.is_dir():
        return _directory_records(source)
    if not source.is_file():
        raise InputError(f"{source}: no such file or directory")
    return _jsonl_records(source)


def count_records(source: Path) -> int:
    """How many records ``source`` holds, counted without keeping them (for progress)."""
    if source.is_dir():
        return len(article_files(source))
    count = 0
    with source.open("rb") as handle:
        for line in handle:
            count += bool(line.strip())
    return count


def check_unique_ids(source: Path, *, shown: int = 5) -> None:
    """`InputError` listing the ids that occur more than once in a JSONL input.

    Checked before any model call: a duplicate would otherwise be skipped as "already
    done" (its article never summarised) or, run twice, paid for twice. Ids compare as
    strings, so ``42`` and ``"42"`` are one id, and a malformed line's fallback id
    (``line-N``) counts too. A directory's ids (relative paths) are unique by nature.
    """
    if source.is_dir():
        return
    lines: dict[str, list[int]] = {}
    with source.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                lines.setdefault(parse_record(line, number).id, []).append(number)
    repeated = {rid: numbers for rid, numbers in lines.items() if len(numbers) > 1}
    if not repeated:
        return
    listed = "; ".join(
        f"{rid!r} (lines {', '.join(map(str, numbers))})"
        for rid, numbers in list(repeated.items())[:shown]
    )
    more = f"; and {len(repeated) - shown} more" if len(repeated) > shown else ""
    raise InputError(
        f"{source}: {len(repeated)} ids occur more than once: {listed}{more}; "
        "give each record its own id; nothing was sent"
    )


def _directory_records(directory: Path) -> Iterator[Record]:
    for path in article_files(directory):
        record_id = path.relative_to(directory).as_posix()
        try:
            article = _file_article(path)
        except InputError as err:
            yield Record(id=record_id, error=str(err))
            continue
        yield Record(id=record_id, text=article.text, html=article.html)


def _jsonl_records(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield parse_record(line, number)


def parse_record(line: str, number: int) -> Record:
    """One JSONL line: ``{"id", "text"}`` or ``{"id", "html"}``; a bad line becomes an error."""
    fallback = f"line-{number}"
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as err:
        return Record(id=fallback, error=f"line {number} is not JSON ({err.msg})")
    if not isinstance(data, dict):
        return Record(id=fallback, error=f"line {number} is not a JSON object")
    record_id = str(data["id"]) if data.get("id") not in (None, "") else fallback
    for key, html in (("text", None), ("html", True)):
        if isinstance(data.get(key), str):
            return Record(id=record_id, text=data[key], html=html)
    return Record(id=record_id, error=f"line {number} has no 'text' or 'html' string")
