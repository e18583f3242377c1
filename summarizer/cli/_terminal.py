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
import logging
import os
import sys
import threading

BROKEN_PIPE_EXIT = 1
_settled = {"done": False}  # a command said everything it opened is closed (`settled`)


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


# --- ending at once ------------------------------------------------------------------------
#
# A batch run's process ends with ~1,700 modules loaded (the openai SDK's types, pydantic
# models, aiohttp...); the interpreter's teardown of them took 0.4-0.5 s of CPU and 0.7-0.9 s
# of wall time after the last line was written (docs/PERFORMANCE.md), time the command's
# user waits for nothing. A command that has closed everything it opened (output file,
# call log, cache, worker processes, network thread) says so with `settled`; the console
# script then flushes the standard streams and logging and ends with ``os._exit``.


def unsettle() -> None:
    """At the start of a command: nothing is known to be closed yet."""
    _settled["done"] = False


def settled() -> None:
    """The running command has closed every file, database, thread and process it opened."""
    _settled["done"] = True


def may_exit_at_once() -> bool:
    """Whether the process may skip the interpreter's teardown: the command settled and no
    thread or child process is left that the interpreter would wait for (daemon threads it
    abandons at exit anyway)."""
    main = threading.main_thread()
    if not _settled["done"] or any(
        t is not main and not t.daemon and t.is_alive() for t in threading.enumerate()
    ):
        return False
    processes = sys.modules.get("multiprocessing")
    return processes is None or not processes.active_children()


def exit_at_once(code: int) -> None:
    """Flush stdout, stderr and logging's handlers, then end the process with ``code``."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            try:
                stream.flush()
            except (OSError, ValueError):
                code = code or 1  # what the interpreter's own last flush would have done
    logging.shutdown()
    os._exit(code)
