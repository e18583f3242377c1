#!/usr/bin/env python3
"""Acceptance run: `summarizer batch` survives SIGKILL, resumes, and then costs nothing.

1. Starts a fake OpenAI-compatible server (loopback, in this process) that answers any
   article with a schema-valid, grounded briefing (its first sentence as summary, no
   actors/tensions/quotes), after LATENCY seconds.
2. Runs `summarizer batch INPUT -o OUT` as a subprocess and SIGKILLs it once ~KILL_AT of
   the records have a line in OUT.
3. Reruns the same command: OUT must hold exactly one line per input id.
4. Runs it a third time: the fake must receive zero requests (every id is done).
5. Runs it into a fresh output file: zero requests again, every briefing from the cache.

Usage:
    .venv/bin/python scripts/batch-kill-resume.py [INPUT.jsonl] [--latency 0.1] [--kill-at 0.4]
        [--concurrency 8] [--limit N] [--json]

INPUT defaults to the 200 AllSides articles in ../shared. Exit 0 when every check holds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.testing import FakeOpenAI, Reply  # noqa: E402

DEFAULT_INPUT = (
    ROOT.parent / "shared/data/external/allsides_article_bias_sample/allsides_news_sample200.jsonl"
)
_ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
_FIRST_SENTENCE = re.compile(r"(.{20,}?[.!?])(?:\s|$)", re.S)


def grounded_reply(request: dict[str, Any]) -> Reply:
    """A valid briefing of whatever article the request holds: its first sentence, nothing else."""
    user = next((m["content"] for m in request.get("messages", []) if m["role"] == "user"), "")
    found = _ARTICLE.search(user)
    body = (found.group(1) if found else user).strip()
    first = _FIRST_SENTENCE.search(body)
    summary = " ".join((first.group(1) if first else body[:200]).split())
    return Reply({"summary": summary, "actors": [], "tensions": [], "quotes": []})


def count_lines(path: Path) -> int:
    """Complete lines in ``path`` (0 if it does not exist)."""
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def ids_in(path: Path) -> list[str]:
    """Ids of every line of ``path``, in order (a line that does not parse is an error)."""
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def batch_command(source: Path, out: Path, concurrency: int) -> list[str]:
    exe = Path(sys.executable).with_name("summarizer")
    prefix = (
        [str(exe)]
        if exe.exists()
        else [sys.executable, "-c", "from summarizer.cli import run; run()"]
    )
    return [*prefix, "batch", str(source), "-o", str(out), "--concurrency", str(concurrency)]


def child_env(home: Path, base_url: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return {
        **keep,
        "SUMMARIZER_HOME": str(home),
        "OPENAI_BASE_URL": base_url,
        "OPENAI_API_KEY": "sk-fake-batch-key",
        "SUMMARIZER_MODEL": "fake-model",
        "SUMMARIZER_MAX_RETRY_SECONDS": "10",
    }


def run_killed(cmd: list[str], env: dict[str, str], out: Path, kill_after: int) -> dict[str, Any]:
    """Start the batch, SIGKILL it when ``kill_after`` lines exist; report what was written."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None and count_lines(out) < kill_after:
        time.sleep(0.02)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return {
        "killed": killed,
        "lines_at_kill": count_lines(out),
        "seconds": round(time.monotonic() - started, 2),
        "returncode": proc.returncode,
    }


def run_to_end(cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    started = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    return {
        "returncode": done.returncode,
        "seconds": round(time.monotonic() - started, 2),
        "stdout": done.stdout[-3000:],
        "stderr": done.stderr[-2000:],
    }


def limited_copy(source: Path, limit: int | None, workdir: Path) -> tuple[Path, int]:
    lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if limit is not None:
        lines = lines[:limit]
    copy = workdir / "input.jsonl"
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy, len(lines)


def three_runs(
    data: Path, work: Path, latency: float, kill_at: float, concurrency: int
) -> dict[str, Any]:
    """Killed run, resumed run, rerun, and a run into a fresh output; requests counted per run."""
    total = count_lines(data)
    out = work / "out.jsonl"
    with FakeOpenAI(default=grounded_reply, latency=latency) as fake:
        # The killed client drops its in-flight connections: expected, not worth a traceback.
        fake._server.handle_error = lambda request, address: None  # type: ignore[method-assign]
        env = child_env(work / "home", fake.base_url)
        cmd = batch_command(data, out, concurrency)
        seen = {"first": run_killed(cmd, env, out, max(1, int(total * kill_at)))}
        counts = [fake.count]
        seen["second"] = run_to_end(cmd, env)
        counts.append(fake.count)
        seen["ids"] = ids_in(out)  # type: ignore[assignment]
        seen["third"] = run_to_end(cmd, env)
        counts.append(fake.count)
        fresh = work / "fresh.jsonl"  # a new output file: every article from the cache
        seen["fourth"] = run_to_end(batch_command(data, fresh, concurrency), env)
        counts.append(fake.count)
        seen["fresh_lines"] = count_lines(fresh)  # type: ignore[assignment]
    seen["requests"] = [b - a for a, b in zip([0, *counts], counts, strict=False)]  # type: ignore[assignment]
    return seen


def acceptance(
    source: Path, *, latency: float, kill_at: float, concurrency: int, limit: int | None
) -> dict[str, Any]:
    """Run the steps and return the figures and the checks."""
    with tempfile.TemporaryDirectory(prefix="batch-kill-") as tmp:
        data, total = limited_copy(source, limit, Path(tmp))
        expected = {json.loads(line)["id"] for line in data.read_text().splitlines()}
        runs = three_runs(data, Path(tmp), latency, kill_at, concurrency)
    first, second, third, fourth, ids = (
        runs[k] for k in ("first", "second", "third", "fourth", "ids")
    )
    requests = runs["requests"]
    checks = {
        "killed midway": first["killed"] and 0 < first["lines_at_kill"] < total,
        "one line per input": len(ids) == total,
        "no duplicate ids": len(set(ids)) == len(ids),
        "no id lost": set(ids) == expected,
        "second run exit 0": second["returncode"] == 0,
        "third run: zero LLM calls": requests[2] == 0 and third["returncode"] == 0,
        "fresh output from cache: zero LLM calls": requests[3] == 0
        and runs["fresh_lines"] == total,
    }
    return {
        "input": str(source),
        "records": total,
        "latency_s": latency,
        "concurrency": concurrency,
        "first_run (SIGKILL)": first,
        "requests_first": requests[0],
        "second_run": {k: v for k, v in second.items() if k != "stderr"},
        "requests_second": requests[1],
        "third_run_seconds": third["seconds"],
        "requests_third": requests[2],
        "fresh_output_run": {"seconds": fourth["seconds"], "requests": requests[3]},
        "lines": len(ids),
        "unique_ids": len(set(ids)),
        "checks": checks,
        "ok": all(checks.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--kill-at", type=float, default=0.4)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = acceptance(
        args.input,
        latency=args.latency,
        kill_at=args.kill_at,
        concurrency=args.concurrency,
        limit=args.limit,
    )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(result["second_run"]["stdout"])
        for name in ("records", "first_run (SIGKILL)", "requests_first", "requests_second"):
            print(f"{name}: {result[name]}")
        print(f"third run: {result['requests_third']} requests in {result['third_run_seconds']} s")
        print(f"fresh output file, same input: {result['fresh_output_run']}")
        print(f"lines {result['lines']}, unique ids {result['unique_ids']}")
        for check, passed in result["checks"].items():
            print(f"{'PASS' if passed else 'FAIL'}  {check}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
