"""Writing output files so that a crash, a full disk or ``kill -9`` never leaves half a file."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_file(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file object whose content replaces ``path`` all at once when the block ends.

    It writes a temp file in the same folder, fsyncs and renames it over ``path``: a
    reader sees the old file or the new one, never a mix; if writing fails (disk full,
    the process killed), the old file is left as it was and the temp file is removed.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise _naming(err, path) from err
    text: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    try:
        with os.fdopen(fd, mode, **text) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as err:
        Path(temp).unlink(missing_ok=True)
        raise _naming(err, path) from err
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _naming(err: OSError, path: Path) -> OSError:
    """``err`` with ``path`` as its file name (a failed write says which file it was)."""
    if err.filename == str(path):
        return err
    return type(err)(err.errno, err.strerror or str(err), str(path))


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` all at once (see `atomic_file`)."""
    with atomic_file(path) as out:
        out.write(text)


def check_writable(path: Path) -> None:
    """Raise `OSError` (naming ``path``) unless a file can be written there; writes nothing.

    Called before the first model call, so a result that was paid for is never lost to
    an output path that could not take it: the folder is created if needed, a probe file
    is made in it and removed, and an existing ``path`` must be a file that opens for
    appending (opening it does not change it).
    """
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if path.parent.exists() and not path.parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path.parent):
            pass
        if path.exists():
            with path.open("ab"):
                pass
    except OSError as err:
        raise _naming(err, path) from err


def check_writable_dir(path: Path) -> None:
    """Raise `OSError` (naming ``path``) unless files can be written in the folder ``path``
    (created if needed); called before the first model call, like `check_writable`."""
    try:
        if path.exists() and not path.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as err:
        raise _naming(err, path) from err
