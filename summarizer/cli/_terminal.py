"""The terminal as Unix tools treat it: closed streams, full devices and broken pipes.

- stdout closed (``>&-``): Python sets ``sys.stdout`` to ``None`` and output would vanish
  with exit code 0; a stand-in raises ``EBADF`` on the first write instead, and commands
  that print their result check it before any work (`require_stdout`).
- stdout on a full device or any other write error: one ``cannot write to stdout`` line,
  exit 1 (the same for an output file, named).
- the reader went away (``| head``): no message and no traceback, exit 1 (click's
  convention; restoring SIGPIPE's default action, as C tools have it, would also kill the
  process when the model endpoint resets a connection).
"""

from __future__ import annotations

import errno
import io
import os
import sys

BROKEN_PIPE_EXIT = 1


class ClosedStdout(io.TextIOBase):
    """What ``sys.stdout`` is when file descriptor 1 was closed: every write fails."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")

    def writable(self) -> bool:
        return True


def guard_stdout() -> None:
    """Replace a missing ``sys.stdout`` (descriptor 1 closed) with a `ClosedStdout`."""
    if sys.stdout is None:
        sys.stdout = ClosedStdout()


def require_stdout() -> None:
    """Fail before any work when the result could not be printed (stdout closed)."""
    if isinstance(sys.stdout, ClosedStdout):
        raise OSError(errno.EBADF, "stdout is closed")


def flush_stdout() -> None:
    """Flush now, so a write error surfaces here and not at interpreter exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


def silence_stdout() -> None:
    """Point descriptor 1 at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests capture it)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


def describe_os_error(err: OSError) -> str:
    """One line for a write or read error: the file named, else stdout."""
    reason = err.strerror or str(err)
    if err.filename is not None:
        return f"cannot write {err.filename}: {reason}"
    return f"cannot write to stdout: {reason}"
