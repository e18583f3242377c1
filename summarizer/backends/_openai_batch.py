"""Very large jobs through the OpenAI Batch API (or vLLM's ``run_batch``): same requests, async.

Shape of a run::

    records ─> request lines ─> files.create ─> batches.create ─> poll ─> output file
                                                                          │
    OUT.jsonl <── the batch engine (`BatchRun`) <── re-validate each result locally

- Each request line carries the very body the synchronous path sends (instructor builds it
  for the configured mode), so the JSONL also runs under
  ``python -m vllm.entrypoints.openai.run_batch -i REQUESTS -o RESULTS --model MODEL``.
- Results are checked here, schema **and** grounding against their article. One that fails
  (or is missing, truncated, or an error line) goes through the normal synchronous path,
  re-asks included: the Batch API cannot re-ask.
- State lives in a sidecar, ``OUT.jsonl.batch.json`` (batch id, input file id, custom_id →
  record id). Rerunning resumes polling the same batch instead of uploading again, and
  results already in OUT.jsonl (by id) are skipped, as in every batch run.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

import instructor
import openai
from openai.types.chat import ChatCompletion
from pydantic import ValidationError

from summarizer import _chunking
from summarizer._batch import (
    DEFAULT_CONCURRENCY,
    BatchReport,
    BatchRun,
    articles_in_progress,
    prepare_output,
)
from summarizer._errors import ConfigurationError, InputError, ProviderError
from summarizer._grounding import check
from summarizer._schema import Briefing
from summarizer._summarizer import Summarizer
from summarizer.backends import _answers, _openai
from summarizer.input._cleaning import CleanArticle
from summarizer.input._read import Record

ENDPOINT: Final = "/v1/chat/completions"
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
DEFAULT_POLL_INTERVAL = 30.0
WRITTEN = "written"  # the status of requests written for vLLM run_batch, not uploaded
OnStatus = Callable[[Any], None]


def sidecar_path(output: Path) -> Path:
    """Where the batch state of ``output`` is kept: ``OUT.jsonl.batch.json``."""
    return output.with_name(output.name + ".batch.json")


def requests_path(output: Path) -> Path:
    """Where the request lines are written (and kept, for vLLM): ``OUT.jsonl.requests.jsonl``."""
    return output.with_name(output.name + ".requests.jsonl")


@dataclass
class BatchState:
    """What a submitted batch is: enough to resume polling and to map results back."""

    batch_id: str
    input_file_id: str
    ids: dict[str, str]  # custom_id -> record id
    sync: list[str] = field(default_factory=list)  # records for the synchronous path
    status: str = "submitted"  # ... "ingested" once every result is in OUT.jsonl

    def save(self, path: Path) -> None:
        """Write atomically (temp file + rename): a torn sidecar would lose the batch id."""
        temp = path.with_name(path.name + ".tmp")
        temp.write_text(json.dumps(asdict(self), indent=1), encoding="utf-8")
        os.replace(temp, path)

    @classmethod
    def load(cls, path: Path) -> BatchState | None:
        if not path.exists():
            return None
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as err:
            raise InputError(f"{path} is not a batch state file ({err}); delete it") from err


# --- requests ------------------------------------------------------------------------------


class _Captured(Exception):
    """Carries the body instructor built out of the `create` it was given."""

    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__("request body captured")
        self.body = body


def _capture(**body: Any) -> Any:
    raise _Captured(body)


def check_free_strategy(summarizer: Summarizer) -> None:
    """Refuse a strategy other than free: the results are re-validated as `Extraction` when
    they come back, and an anchored answer holds ids only its run's article index resolves
    (the repairs at ingest must be free briefings too, like the lines they stand beside)."""
    if summarizer.settings.strategy != "free":
        raise ConfigurationError(
            "the Batch API path (`batch run --via openai-batch`, `batch requests`, `batch "
            "ingest`) supports the free strategy only: pass --strategy free, or run anchored "
            "briefings with `summarizer batch run --via sync`"
        )


def request_body(summarizer: Summarizer, article: CleanArticle) -> dict[str, Any]:
    """The chat-completions body the synchronous path sends for ``article``.

    Built through instructor's public `instructor.patch`, exactly as the synchronous path
    builds it, with a `create` that keeps the body instead of sending it.
    """
    check_free_strategy(summarizer)
    backend = _openai_backend(summarizer)
    create = instructor.patch(create=_capture, mode=backend.mode)
    try:
        create(**{**backend.request(article), "max_retries": 0})
    except Exception as err:  # instructor wraps what `create` raises
        captured = next((e for e in _openai._causes(err) if isinstance(e, _Captured)), None)
        if captured is None:
            raise
        return captured.body
    raise AssertionError("instructor.patch returned without calling create")  # pragma: no cover


def _openai_backend(summarizer: Summarizer) -> _openai.OpenAIBackend:
    """The Batch API speaks the openai backend's requests: another backend cannot use it."""
    if not isinstance(summarizer.backend, _openai.OpenAIBackend):
        raise ConfigurationError(f"the Batch API path needs an LLM, not {summarizer.model!r}")
    return summarizer.backend


def request_line(custom_id: str, body: dict[str, Any]) -> str:
    """One line of the Batch API input file (also vLLM ``run_batch``'s input)."""
    line = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
    return json.dumps(line, ensure_ascii=False)


def write_requests(
    summarizer: Summarizer, records: Iterable[Record], done: set[str], path: Path
) -> tuple[dict[str, str], list[str]]:
    """Write the request lines of the records not ``done``; return (custom_id → id, sync ids).

    Records that cannot be sent as one request (bad input, long enough to be chunked) go
    to the synchronous path, which fails or chunks them as a plain batch run would.
    """
    ids: dict[str, str] = {}
    sync: list[str] = []
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            if record.id in done or record.id in ids.values() or record.id in sync:
                continue
            article = _single_request_article(summarizer, record)
            if article is None:
                sync.append(record.id)
                continue
            custom_id = f"req-{len(ids):07d}"
            ids[custom_id] = record.id
            out.write(request_line(custom_id, request_body(summarizer, article)) + "\n")
    return ids, sync


def _single_request_article(summarizer: Summarizer, record: Record) -> CleanArticle | None:
    if record.error is not None:
        return None
    try:
        article = summarizer.prepare(record.text, html=record.html)
    except InputError:
        return None
    chunks = _chunking.split_article(article, summarizer.settings.max_article_tokens)
    return article if len(chunks) == 1 else None


# --- the batch -----------------------------------------------------------------------------


def submit(
    summarizer: Summarizer,
    client: openai.OpenAI | None,
    records: Iterable[Record],
    output: Path,
    *,
    retry_failed: bool = False,
) -> BatchState | None:
    """The batch for ``output``: the one in its sidecar if not yet ingested, else a new one.

    ``None`` when every record is already in the output. With no ``client`` the requests
    are written (for vLLM run_batch) and nothing is uploaded: status `WRITTEN`.
    """
    sidecar = sidecar_path(output)
    state = BatchState.load(sidecar)
    if state is not None and state.status != "ingested":
        return state  # resume: never upload the same work twice
    done = prepare_output(output, retry_failed=retry_failed).done
    output.parent.mkdir(parents=True, exist_ok=True)
    path = requests_path(output)
    ids, sync = write_requests(summarizer, records, done, path)
    if not ids and not sync:
        return None
    if client is None:
        state = BatchState(batch_id="", input_file_id="", ids=ids, sync=sync, status=WRITTEN)
    elif not ids:  # nothing for the Batch API: only synchronous work
        state = BatchState(batch_id="", input_file_id="", ids={}, sync=sync, status="completed")
    else:
        state = _create(client, path, ids, sync, output)
    state.save(sidecar)
    return state


def _create(
    client: openai.OpenAI, path: Path, ids: dict[str, str], sync: list[str], output: Path
) -> BatchState:
    with path.open("rb") as handle:
        uploaded = client.files.create(file=handle, purpose="batch")
    batch = client.batches.create(
        input_file_id=uploaded.id,
        endpoint=ENDPOINT,
        completion_window="24h",
        metadata={"tool": "summarizer", "output": output.name[:500]},
    )
    return BatchState(batch_id=batch.id, input_file_id=uploaded.id, ids=ids, sync=sync)


def wait(
    client: openai.OpenAI,
    batch_id: str,
    *,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    on_status: OnStatus | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Any:
    """Poll until the batch reaches a terminal status; return it."""
    while True:
        batch = client.batches.retrieve(batch_id)
        if on_status is not None:
            on_status(batch)
        if batch.status in TERMINAL:
            return batch
        sleep(poll_interval)


def download(client: openai.OpenAI, batch: Any) -> dict[str, dict[str, Any]]:
    """Result lines of the output and error files, by ``custom_id``."""
    results: dict[str, dict[str, Any]] = {}
    for file_id in (batch.error_file_id, batch.output_file_id):  # output lines win
        if file_id:
            results.update(parse_results(client.files.content(file_id).text))
    return results


def parse_results(text: str) -> dict[str, dict[str, Any]]:
    """Result lines (Batch API output format, as vLLM run_batch writes it) by ``custom_id``."""
    results: dict[str, dict[str, Any]] = {}
    for raw in text.splitlines():
        try:
            line = json.loads(raw)
            results[str(line["custom_id"])] = line
        except (ValueError, KeyError, TypeError):
            continue  # a line we cannot map back: its record takes the synchronous path
    return results


def read_results(path: Path) -> dict[str, dict[str, Any]]:
    """`parse_results` of a results file (``summarizer batch ingest RESULTS.jsonl``)."""
    try:
        return parse_results(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the results file {path}: {err}") from err


# --- results -------------------------------------------------------------------------------


def completion_of(line: dict[str, Any] | None) -> ChatCompletion | None:
    """The chat completion of a result line; ``None`` for an error line or a bad body."""
    response = (line or {}).get("response") or {}
    if (line or {}).get("error") or response.get("status_code") != 200:
        return None
    try:
        return ChatCompletion.model_validate(response.get("body"))
    except ValidationError:
        return None


def accept(
    summarizer: Summarizer, article: CleanArticle, line: dict[str, Any] | None
) -> Briefing | None:
    """The briefing of a batch result, or ``None`` if it needs the synchronous path:
    an error, truncated, not the schema, or anything not grounded in the article."""
    started = time.monotonic()
    completion = completion_of(line)
    if completion is None or not completion.choices:
        return None
    if completion.choices[0].finish_reason == "length":
        return None
    salvaged = _answers.parse_without_grounding(_openai._completion_text(completion))
    if salvaged is None or salvaged[1]:  # not the schema: the synchronous path re-asks
        return None
    extraction = salvaged[0]
    if summarizer.settings.grounding and check(extraction, article.text):
        return None  # the synchronous path turns each violation into a precise re-ask
    return summarizer._finish(extraction, article, _openai._usage_of(completion), started)


@dataclass
class IngestStats:
    """Where each briefing came from."""

    from_batch: int = 0
    repaired: int = 0  # sent through the synchronous path (re-asks)


async def ingest(
    summarizer: Summarizer,
    state: BatchState,
    results: dict[str, dict[str, Any]],
    records: Iterable[Record],
    output: Path,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
    stats: IngestStats | None = None,
    **engine: Any,
) -> BatchReport:
    """Write a line per record of the batch into ``output`` with the batch engine."""
    check_free_strategy(summarizer)
    stats = stats if stats is not None else IngestStats()
    custom_of = {record_id: custom for custom, record_id in state.ids.items()}
    wanted = set(custom_of) | set(state.sync)

    async def process(record: Record) -> Briefing:
        article = summarizer.prepare(record.text, html=record.html)
        custom = custom_of.get(record.id)
        briefing = accept(summarizer, article, results.get(custom)) if custom else None
        if briefing is not None:
            stats.from_batch += 1
            return briefing
        stats.repaired += 1
        return await summarizer.asummarize_article(article)

    run = BatchRun(
        output, process, concurrency=articles_in_progress(summarizer, concurrency), **engine
    )
    report = await run.run(r for r in records if r.id in wanted)
    if report.stopped is None:
        state.status = "ingested"
        state.save(sidecar_path(output))
    return report


def status(client: openai.OpenAI, batch_id: str) -> dict[str, Any]:
    """A batch's status and request counts (``summarizer batch status ID``)."""
    try:
        batch = client.batches.retrieve(batch_id)
    except openai.APIError as err:
        raise _openai.translate_error(err, 1, getattr(client, "api_key", None)) from err
    counts = batch.request_counts
    return {
        "id": batch.id,
        "status": batch.status,
        "total": counts.total if counts else 0,
        "completed": counts.completed if counts else 0,
        "failed": counts.failed if counts else 0,
        "output_file_id": batch.output_file_id,
        "error_file_id": batch.error_file_id,
    }


def check_finished(batch: Any, output: Path) -> None:
    """A batch that ended (failed, expired, cancelled) with no result file at all is an error:
    running every record synchronously instead should be the user's decision."""
    if batch.status != "completed" and not batch.output_file_id and not batch.error_file_id:
        raise ProviderError(
            f"batch {batch.id} ended {batch.status} without results; delete "
            f"{sidecar_path(output)} and rerun to submit again (or run without --via)"
        )
