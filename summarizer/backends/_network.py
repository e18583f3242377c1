"""A batch run's HTTP requests on an event loop of their own, in a thread.

On one event loop, a request slot freed by an answer was refilled only when the loop got
round to the next article's request, and the loop was busy with the CPU work of the
answers that had come in with it (parsing, validation, grounding, the output line): at
64 requests in flight it ran through a whole wave's post-processing before sending
anything (issue #18). Here the rate limiter's slots and the HTTP requests live on a
second loop, in a thread: when an answer frees a slot, the request queued for it is sent
by that loop at once. The main loop keeps the CPU work; Python hands the interpreter to
the network thread within the switch interval (5 ms) whenever it has something to do.

The network loop's client belongs to it: the aiohttp session binds to the loop that first
uses it, so the loop builds the client, uses it for every request and closes it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

_T = TypeVar("_T")
_C = TypeVar("_C")


class NetworkLoop(Generic[_C]):
    """An event loop in a daemon thread and the client it sends with (``make_client()``).

    `run` runs a coroutine there and awaits it from the caller's loop; cancelling the
    caller cancels it. `close` closes the client on its loop and stops the thread.
    """

    def __init__(self, make_client: Callable[[], _C]) -> None:
        self.loop = asyncio.new_event_loop()
        self.client: _C = make_client()
        self._thread = threading.Thread(
            target=self.loop.run_forever, name="summarizer-network", daemon=True
        )
        self._thread.start()

    async def run(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        """``await coroutine`` on the network loop, from any other loop."""
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()  # the request stops too, and its slot is handed back
            raise

    def close(self, closing: Callable[[_C], Coroutine[Any, Any, Any]] | None = None) -> None:
        """Run ``closing(client)`` on the loop, cancel what is left, stop and join the thread."""
        if self.loop.is_closed():
            return

        async def shut() -> None:
            if closing is not None:
                await closing(self.client)
            current = asyncio.current_task()
            rest = [t for t in asyncio.all_tasks() if t is not current]
            for task in rest:
                task.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(shut(), self.loop).result(timeout=30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=30)
            if not self._thread.is_alive():
                self.loop.close()
