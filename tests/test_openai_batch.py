"""`summarizer batch --via openai-batch`: upload, poll, re-validate with grounding, repair, resume."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends._openai_batch import ENDPOINT, sidecar_path
from summarizer.cli import main
from summarizer.testing import Reply, completion_body

SAID = re.compile(r"(?:Mayor|Governor|Minister) (\w+ \w+) said [\"“]([^\"”]+)[\"”]")
ARTICLES = {
    "a1": 'Mayor Jane Smith said "we will rebuild the bridge" at a council meeting on Monday. The vote was unanimous.',
    "a2": 'Governor Tom Brown said "the budget is balanced" in a speech on Tuesday. Critics disagreed.',
    "a3": 'Minister Ann Lee said "talks will resume next week" after meeting envoys on Wednesday. No date was set.',
}
FABRICATED = "we will raise taxes"


def _user_text(body: dict[str, Any]) -> str:
    return " ".join(m["content"] for m in body["messages"] if m["role"] == "user")


def briefing_reply(body: dict[str, Any], *, fabricate: bool = False) -> Reply:
    """A grounded answer for the article in ``body``; ``fabricate``: a quote it never had."""
    found = SAID.search(_user_text(body))
    assert found is not None, "the request does not carry a test article"
    name, quote = found.groups()
    if fabricate and name == "Tom Brown":
        quote = FABRICATED
    actor = {"name": name, "type": "person", "role": "official", "aliases": []}
    return Reply(
        {
            "summary": f"{name} spoke.",
            "actors": [actor],
            "tensions": [],
            "quotes": [{"text": quote, "speaker": name}],
        }
    )


class FakeBatchAPI:
    """Files, Batches and chat completions on loopback. A batch is ``in_progress`` on its
    first poll and ``completed`` on the next; its results fabricate a quote for Tom Brown."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.polls: dict[str, int] = {}
        self.uploads: list[bytes] = []
        self.chat_requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FakeBatchAPI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # --- endpoints -------------------------------------------------------------------

    def upload(self, content_type: str, raw: bytes) -> dict[str, Any]:
        message = BytesParser().parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + raw)
        parts = {
            part.get_param("name", header="content-disposition"): part
            for part in message.get_payload()
        }  # type: ignore[union-attr]
        data = parts["file"].get_payload(decode=True)
        purpose = parts["purpose"].get_payload()
        assert purpose == "batch"
        file_id = self._store(data)
        self.uploads.append(data)
        return {
            "id": file_id, "object": "file", "bytes": len(data), "created_at": int(time.time()),
            "filename": "requests.jsonl", "purpose": "batch", "status": "processed",
        }  # fmt: skip

    def _store(self, data: bytes) -> str:
        with self._lock:
            file_id = f"file-{len(self.files) + 1}"
            self.files[file_id] = data
        return file_id

    def create_batch(self, request: dict[str, Any]) -> dict[str, Any]:
        assert request["endpoint"] == ENDPOINT and request["completion_window"] == "24h"
        lines = self.files[request["input_file_id"]].decode().splitlines()
        batch = {
            "id": f"batch_{len(self.batches) + 1}", "object": "batch", "endpoint": ENDPOINT,
            "input_file_id": request["input_file_id"], "completion_window": "24h",
            "status": "validating", "created_at": int(time.time()),
            "metadata": request.get("metadata"), "output_file_id": None, "error_file_id": None,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
        }  # fmt: skip
        self.batches[batch["id"]] = batch
        return batch

    def retrieve(self, batch_id: str) -> dict[str, Any]:
        batch = self.batches[batch_id]
        self.polls[batch_id] = self.polls.get(batch_id, 0) + 1
        if self.polls[batch_id] == 1:
            batch["status"] = "in_progress"
        elif batch["status"] != "completed":
            self._complete(batch)
        return batch

    def _complete(self, batch: dict[str, Any]) -> None:
        out = []
        for raw in self.files[batch["input_file_id"]].decode().splitlines():
            line = json.loads(raw)
            body = completion_body(line["body"], briefing_reply(line["body"], fabricate=True))
            response = {"status_code": 200, "request_id": "req", "body": body}
            out.append({"id": "br", "custom_id": line["custom_id"], "response": response, "error": None})  # fmt: skip
        data = "".join(json.dumps(line) + "\n" for line in out).encode()
        batch["output_file_id"] = self._store(data)
        batch["status"] = "completed"
        batch["request_counts"]["completed"] = len(out)

    def chat(self, request: dict[str, Any]) -> dict[str, Any]:
        self.chat_requests.append(request)
        return completion_body(request, briefing_reply(request))

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if match := re.fullmatch(r"/v1/batches/([\w-]+)", path):
                    self._json(fake.retrieve(match.group(1)))
                elif match := re.fullmatch(r"/v1/files/([\w-]+)/content", path):
                    self._send(fake.files[match.group(1)], "application/octet-stream")
                else:
                    self._json({"error": {"message": "not found"}}, 404)

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/v1/files":
                    self._json(fake.upload(self.headers["Content-Type"], raw))
                elif self.path == "/v1/batches":
                    self._json(fake.create_batch(json.loads(raw)))
                elif self.path == "/v1/chat/completions":
                    self._json(fake.chat(json.loads(raw)))
                else:
                    self._json({"error": {"message": "not found"}}, 404)

            def _json(self, body: dict[str, Any], code: int = 200) -> None:
                self._send(json.dumps(body).encode(), "application/json", code)

            def _send(self, body: bytes, content_type: str, code: int = 200) -> None:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler


@pytest.fixture
def api(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeBatchAPI]:
    with FakeBatchAPI() as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        yield server


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": key, "text": text}) for key, text in ARTICLES.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def results(path: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {line["id"]: line for line in lines}


BATCH = ["--via", "openai-batch", "--poll-interval", "0"]


def test_batch_api_results_are_grounded_and_a_fabricated_quote_is_repaired(
    api: FakeBatchAPI, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), *BATCH]) == 0

    assert len(api.uploads) == 1 and len(api.batches) == 1
    sent = [json.loads(line) for line in api.uploads[0].decode().splitlines()]
    assert {line["method"] for line in sent} == {"POST"}
    assert {line["url"] for line in sent} == {ENDPOINT}
    assert all(line["body"]["model"] == "fake-model" and line["body"]["tools"] for line in sent)
    assert api.polls["batch_1"] >= 2  # in_progress, then completed

    # Exactly the article whose batch result fabricated a quote went the synchronous way.
    assert len(api.chat_requests) == 1
    assert "Tom Brown" in _user_text(api.chat_requests[0])

    lines = results(out)
    assert set(lines) == set(ARTICLES) and all(line["ok"] for line in lines.values())
    quotes = {key: [q["text"] for q in line["briefing"]["quotes"]] for key, line in lines.items()}
    assert quotes["a2"] == ["the budget is balanced"]
    assert FABRICATED not in json.dumps(lines)
    assert quotes["a1"] == ["we will rebuild the bridge"]
    assert lines["a1"]["briefing"]["usage"]["calls"] == 1  # the batch line's usage
    assert json.loads(sidecar_path(out).read_text())["status"] == "ingested"

    # Rerun: nothing uploaded, nothing called, nothing written twice.
    assert main(["batch", str(source), "-o", str(out), *BATCH]) == 0
    assert len(api.uploads) == 1 and len(api.chat_requests) == 1
    assert len(out.read_text().splitlines()) == 3


def test_no_wait_submits_and_a_rerun_resumes_polling_without_uploading_again(
    api: FakeBatchAPI, source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), *BATCH, "--no-wait"]) == 0
    assert capsys.readouterr().out.strip() == "batch_1"
    assert not out.exists() and sidecar_path(out).exists()

    assert main(["batch", "status", "batch_1"]) == 0
    assert "batch_1: in_progress (0/3 completed, 0 failed)" in capsys.readouterr().out
    assert main(["batch", "status", "batch_1", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["id"] == "batch_1" and status["status"] == "completed" and status["total"] == 3

    assert main(["batch", str(source), "-o", str(out), *BATCH]) == 0
    assert len(api.uploads) == 1 and len(api.batches) == 1
    assert set(results(out)) == set(ARTICLES)


def test_results_already_written_are_skipped_when_ingesting(
    api: FakeBatchAPI, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), "-o", str(out), *BATCH, "--no-wait"]) == 0
    # An earlier ingest was killed after writing a2 (the one needing the synchronous path).
    done = {"id": "a2", "ok": False, "error": {"type": "X", "message": "kept"}}
    out.write_text(json.dumps(done) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(out), *BATCH]) == 1  # a2 failed earlier
    assert api.chat_requests == []  # a2 was not redone
    lines = results(out)
    assert set(lines) == set(ARTICLES) and lines["a2"]["error"]["message"] == "kept"


def test_batch_status_needs_an_id_and_via_must_be_known(
    source: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["batch", "status", "-o", "out.jsonl"]) == 2  # status takes an id, not -o
    assert "batch status" in capsys.readouterr().err
    assert main(["batch", "status"]) == 2
    assert "Missing argument" in capsys.readouterr().err
    assert main(["batch", str(source), "-o", "out.jsonl", "--via", "carrier-pigeon"]) == 2
    err = capsys.readouterr().err
    assert "sync" in err and "openai-batch" in err
    assert not Path("out.jsonl").exists()


def test_a_batch_request_is_the_body_the_synchronous_path_sends() -> None:
    """request_body builds the body through instructor's public `patch`, not its internals."""
    from summarizer import Summarizer
    from summarizer.backends._openai_batch import request_body
    from summarizer.input._cleaning import clean_article
    from summarizer.testing import FakeOpenAI

    text = ARTICLES["a1"]
    with FakeOpenAI([briefing_reply({"messages": [{"role": "user", "content": text}]})]) as llm:
        summarizer = Summarizer(model="fake-model", base_url=llm.base_url, api_key="sk-test")
        summarizer.summarize(text)
        assert request_body(summarizer, clean_article(text)) == llm.requests[0]
