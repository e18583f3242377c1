"""A fake OpenAI-compatible server on loopback, for tests and benchmarks.

It speaks enough of ``POST /v1/chat/completions`` (and ``GET /v1/models``) for
the real openai SDK and instructor to talk to it in every mode: it answers
through a tool call when the request offers tools, with a fenced block when
asked for Markdown JSON, and with plain JSON content otherwise. Replies are
scripted, faults included::

    with FakeOpenAI([Status(429, headers={"Retry-After": "0"}), Reply(payload)]) as server:
        Summarizer(model="m", base_url=server.base_url, api_key="sk-x").summarize(text)
        assert server.count == 2

Latency is fixed (``latency=0.2``) or drawn per request from a seeded distribution
(``latency=Lognormal(mean=1.0, sigma=0.5, seed=7)``): the same seed gives the same
latencies, in the order the requests arrive (``server.latencies``).

Loopback only; it never contacts anything else.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Union


@dataclass
class Reply:
    """A completion whose content is ``payload`` (a dict is sent as JSON)."""

    payload: Any
    finish_reason: str = "stop"
    prompt_tokens: int = 100
    completion_tokens: int = 50
    refusal: str | None = None
    delay: float = 0.0


@dataclass
class Status:
    """An HTTP error status with an OpenAI-style error body."""

    code: int
    message: str = "fake error"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Raw:
    """Bytes sent as they are (a body that is not JSON, an empty ``choices`` list...)."""

    body: bytes
    code: int = 200
    content_type: str = "application/json"
    delay: float = 0.0


@dataclass
class Reset:
    """Announce a body, send part of it, then drop the connection."""

    delay: float = 0.0


@dataclass
class Hang:
    """Do not answer for ``seconds`` (longer than the client's timeout)."""

    seconds: float = 30.0


@dataclass
class Trickle:
    """Send the headers of ``reply`` at once, then its body one byte every ``interval`` s.

    A per-read timeout never fires (a byte always comes in time), so only a total bound
    per request ends it. The server stops when the client hangs up.
    """

    reply: Reply
    interval: float = 5.0


@dataclass(frozen=True)
class Lognormal:
    """Answer latency drawn per request: lognormal with this ``mean`` (seconds) and ``sigma``.

    ``sigma`` is the standard deviation of the latency's logarithm (0.5: most answers
    between 0.4x and 2.5x the median, a long right tail, as LLM endpoints show). ``seed``
    makes the sequence reproducible.
    """

    mean: float
    sigma: float = 0.5
    seed: int | None = 0

    def sampler(self) -> Callable[[], float]:
        """A function drawing the next latency; a new sampler starts the sequence again."""
        rng = random.Random(self.seed)
        mu = math.log(self.mean) - self.sigma**2 / 2  # E[exp(N(mu, s^2))] = exp(mu + s^2/2)
        return lambda: rng.lognormvariate(mu, self.sigma)


Step = Union[Reply, Status, Raw, Reset, Hang, Trickle]
Responder = Callable[[dict[str, Any]], Step]


def completion_body(request: dict[str, Any], reply: Reply) -> dict[str, Any]:
    """The chat-completion JSON for ``reply``, shaped for the request's mode."""
    content = reply.payload if isinstance(reply.payload, str) else json.dumps(reply.payload)
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": reply.refusal}
    tools = request.get("tools") or []
    if tools and reply.refusal is None:
        name = tools[0]["function"]["name"]
        message["content"] = None
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": name, "arguments": content}}
        ]
    elif _wants_markdown(request) and not isinstance(reply.payload, str):
        message["content"] = f"Here is the JSON:\n```json\n{content}\n```"
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason}],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        },
    }


def _wants_markdown(request: dict[str, Any]) -> bool:
    return "response_format" not in request and "tools" not in request


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default backlog is 5: a client opening 32 connections at once had
    # the rest of its SYNs dropped and retried after a second, which looked like latency.
    request_queue_size = 256


class FakeOpenAI:
    """The server. ``steps`` are served in order; then ``default`` (a step or a responder)."""

    def __init__(
        self,
        steps: Iterable[Step] = (),
        *,
        default: Step | Responder | None = None,
        latency: float | Lognormal = 0.0,
        rpm: int | None = None,
    ) -> None:
        self._steps: deque[Step] = deque(steps)
        self._default = default
        self.latency = latency
        self._draw: tuple[Lognormal, Callable[[], float]] | None = None
        self.rpm = rpm
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.latencies: list[float] = []  # the latency each request got, in arrival order
        # Wall-clock times (time.time(), comparable across processes), for benchmarks: each
        # request's arrival, and (arrival, answer sent) of each request answered.
        self.arrived: list[float] = []
        self.spans: list[tuple[float, float]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.rate_limited = 0
        self._window: deque[float] = deque()
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), self._handler())
        # A short poll interval: `close` waits for the serve loop to notice (0.5 s by default).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/v1"

    @property
    def count(self) -> int:
        """Chat-completion requests received so far."""
        return len(self.requests)

    def push(self, *steps: Step) -> None:
        with self._lock:
            self._steps.extend(steps)

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- serving -------------------------------------------------------------

    def _next_step(self, request: dict[str, Any]) -> Step:
        with self._lock:
            if self._over_rpm():
                self.rate_limited += 1
                return Status(429, "rate limit (fake rpm)", headers={"Retry-After": "1"})
            if self._steps:
                return self._steps.popleft()
        default = self._default
        if default is None:
            return Status(500, "the fake server has no reply scripted for this request")
        return default(request) if callable(default) else default

    def _next_latency(self) -> float:
        """This request's latency (called under the lock, so draws follow arrival order)."""
        if isinstance(self.latency, Lognormal):
            if self._draw is None or self._draw[0] is not self.latency:  # set or replaced
                self._draw = (self.latency, self.latency.sampler())
            latency = self._draw[1]()
        else:
            latency = float(self.latency)
        self.latencies.append(latency)
        return latency

    def _over_rpm(self) -> bool:
        if self.rpm is None:
            return False
        now = time.monotonic()
        while self._window and now - self._window[0] >= 60.0:
            self._window.popleft()
        if len(self._window) >= self.rpm:
            return True
        self._window.append(now)
        return False

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle on, the client's delayed ACK
            # adds ~40 ms to every request.
            disable_nagle_algorithm = True
            _arrived: float | None = None  # the POST being answered (`_answered`)

            def log_message(self, *args: Any) -> None:  # keep test output clean
                return

            def do_GET(self) -> None:
                body = {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}
                self._send(200, json.dumps(body).encode())

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    arrived = time.time()
                    fake.arrived.append(arrived)
                    fake.requests.append(request)
                    fake.headers.append(dict(self.headers))
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                    latency = fake._next_latency()
                self._arrived = arrived
                try:
                    time.sleep(latency)
                    self._serve(fake._next_step(request), request)
                finally:
                    self._answered()

            def _answered(self) -> None:
                """The request is answered: counted out when its answer starts to go out.
                Counted after the write, a busy server thread could still count it when
                the client's next request (which the answer let it send) came in, and a
                client at its cap looked one over (seen at 17 for a cap of 16)."""
                arrived, self._arrived = self._arrived, None
                if arrived is not None:
                    with fake._lock:
                        fake.in_flight -= 1
                        fake.spans.append((arrived, time.time()))

            def _serve(self, step: Step, request: dict[str, Any]) -> None:
                if isinstance(step, Hang):
                    time.sleep(step.seconds)
                    return
                if isinstance(step, Trickle):
                    self._trickle(json.dumps(completion_body(request, step.reply)).encode(), step)
                    return
                time.sleep(step.delay)
                if isinstance(step, Reply):
                    self._send(200, json.dumps(completion_body(request, step)).encode())
                elif isinstance(step, Status):
                    error = {"error": {"message": step.message, "type": "fake", "code": None}}
                    self._send(step.code, json.dumps(error).encode(), step.headers)
                elif isinstance(step, Raw):
                    self._send(step.code, step.body, content_type=step.content_type)
                elif isinstance(step, Reset):
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    self.wfile.write(b'{"id": "chatcmpl-')
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(2)

            def _trickle(self, body: bytes, step: Trickle) -> None:
                self._answered()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.flush()
                try:
                    for i in range(len(body)):
                        time.sleep(step.interval)
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                except OSError:  # the client gave up and closed the connection
                    self.close_connection = True

            def _send(
                self,
                code: int,
                body: bytes,
                headers: dict[str, str] | None = None,
                content_type: str = "application/json",
            ) -> None:
                self._answered()
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler


# --- replaying a call log -------------------------------------------------------------


def request_key(messages: list[dict[str, Any]]) -> str:
    """What identifies a request in a call log: its messages, the article by its hash.

    The call log stores messages with the article swapped for its sha256 and anything
    shaped like a key redacted (`summarizer.infra._calllog`); the key is taken the same
    way, so a live request and its logged twin get the same one.
    """
    from summarizer.infra._calllog import redact, split_article

    stored, _, _ = split_article(messages)
    return _canonical(json.loads(redact(json.dumps(stored, ensure_ascii=False)) or "[]"))


def _canonical(messages: Any) -> str:
    text = json.dumps(messages, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Replay:
    """A responder for `FakeOpenAI` that answers each request with the answer a call log
    recorded for the same messages: re-run the code after the model (grounding, the
    anchored merge, scoring) on a recorded run, with no model and no spend::

        with FakeOpenAI(default=Replay.from_log("calls.sqlite")) as server:
            Summarizer(model="m", base_url=server.base_url, api_key="x", mode="json",
                       strategy="anchored").summarize(text)

    Usage (tokens) is served as recorded, and with ``latency=True`` the recorded latency
    too. A request the log never saw (another prompt, article, setting or re-ask) gets
    HTTP 404 naming the log, so a replay never invents an answer; ``served`` and
    ``missed`` count both.

    ``by_article=True`` also serves a request whose messages differ from the recorded
    ones outside the article (the anchored strategy's hint lines change when the offline
    rules do) the answer recorded for the same article text, ids and re-ask round; those
    are counted in ``approximate``: the model saw other hints, so it might have answered
    otherwise.
    """

    def __init__(
        self,
        replies: dict[str, Reply],
        source: str = "the call log",
        by_article: dict[str, Reply] | None = None,
    ) -> None:
        self.replies = replies
        self.source = source
        self.by_article = by_article or {}
        self.served = 0
        self.approximate = 0
        self.missed = 0
        self._lock = threading.Lock()

    @classmethod
    def from_log(
        cls, path: str | Path, *, latency: bool = False, by_article: bool = False
    ) -> Replay:
        """Every answered call of the log at ``path`` (the latest, when one repeats)."""
        from summarizer._errors import ConfigurationError
        from summarizer.infra._calllog import CallLog

        if not Path(path).is_file():
            raise ConfigurationError(f"no call log at {path}: pass the calls.sqlite to replay")
        log = CallLog(path)
        replies: dict[str, Reply] = {}
        articles: dict[str, Reply] = {}
        for call in sorted(log.recent(limit=-1, status="ok"), key=lambda c: c.id):
            if call.response is None:
                continue
            reply = Reply(
                call.response,
                prompt_tokens=call.prompt_tokens,
                completion_tokens=call.completion_tokens,
                delay=call.latency_s if latency else 0.0,
            )
            replies[_canonical(call.messages)] = reply
            if by_article and call.article_sha256:
                articles[_article_key(call.article_sha256, call.messages)] = reply
        log.close()
        return cls(replies, str(path), articles)

    def __call__(self, request: dict[str, Any]) -> Step:
        messages = request.get("messages") or []
        reply = self.replies.get(request_key(messages))
        loose = None
        if reply is None and self.by_article:
            from summarizer.infra._calllog import split_article

            _, sha, _ = split_article(messages)
            loose = self.by_article.get(_article_key(sha, messages)) if sha else None
        with self._lock:
            if reply is not None:
                self.served += 1
            elif loose is not None:
                self.approximate += 1
            else:
                self.missed += 1
        if reply is None and loose is None:
            return Status(404, f"no answer recorded in {self.source} for this request")
        return reply or loose  # type: ignore[return-value]


def _article_key(sha: str, messages: list[dict[str, Any]]) -> str:
    """The article's hash and the re-ask round (assistant turns before this request)."""
    return f"{sha}:{sum(m.get('role') == 'assistant' for m in messages)}"
