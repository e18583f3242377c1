"""Prompt overhead per article, per instructor mode, counted with the real local tokenizer.

    .venv/bin/python benchmarks/prompt_overhead.py [--suite evals/suites/dev] [--gguf PATH]
        [--check-server http://127.0.0.1:8765/v1]

How it counts, with no network and no tokenizer download:

1. Every article of the suite is summarised with a `Summarizer` pointed at the fake
   OpenAI server (`summarizer.testing.FakeOpenAI`), once per mode; the server keeps
   the exact request bodies (``messages`` plus ``tools`` / ``response_format``).
2. Each request is rendered with the chat template stored in the local Qwen2.5 GGUF
   (the same Jinja template vLLM/Ollama/llama.cpp apply; it puts ``tools`` into the
   system turn) and tokenised with that model's tokenizer (``llama_cpp.Llama(...,
   vocab_only=True)``): the prompt the model sees.
3. ``overhead = prompt tokens - article-body tokens``, split into what our template
   adds (instructions, ``<article>`` wrapper, title/source/date lines, chat markup)
   and what the mode adds (instructor's schema text in the messages, or the tools
   block). ``json_schema`` sends the schema in ``response_format``: local servers
   compile it into a grammar (no prompt tokens); its serialised size is shown apart.

``--check-server`` sends the first article's plain messages to a running llama.cpp
server with ``max_tokens=1`` and compares its ``usage.prompt_tokens`` with our count.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from summarizer import Summarizer
from summarizer.backends._openai import OpenAIBackend
from summarizer.eval import load_suite
from summarizer.infra._settings import MODES
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
EMPTY = {"summary": "-", "actors": [], "tensions": [], "quotes": []}  # always grounded


def load_tokenizer(path: str | None) -> Any:
    import llama_cpp

    if path is None:
        home = os.path.expanduser("~/.cache/summarizer/models")
        found = sorted(glob.glob(os.path.join(home, "*.gguf")))
        if not found:
            sys.exit(f"no GGUF under {home}; pass --gguf")
        path = found[0]
    return llama_cpp.Llama(model_path=path, vocab_only=True, verbose=False), path


class Counter:
    """Chat template + tokenizer of one GGUF model."""

    def __init__(self, llm: Any) -> None:
        self.llm = llm
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        env.filters["tojson"] = lambda x: json.dumps(x, ensure_ascii=False)
        self.template: jinja2.Template = env.from_string(llm.metadata["tokenizer.chat_template"])

    def tokens(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def prompt(self, messages: list[dict[str, Any]], tools: list[Any] | None = None) -> int:
        text = self.template.render(messages=messages, tools=tools, add_generation_prompt=True)
        return self.tokens(text)


def capture(
    mode: str, texts: list[str], version: str | None, **settings: Any
) -> list[dict[str, Any]]:
    """The request body the summariser sends for each article, in ``mode`` (and ``settings``,
    e.g. ``strategy=``)."""
    with FakeOpenAI(default=Reply(EMPTY)) as server:
        s = Summarizer(
            model="m",
            base_url=server.base_url,
            api_key="sk-x",
            mode=mode,
            prompt_version=version,
            **settings,
        )
        for text in texts:
            s.summarize(text)
    assert server.count == len(texts), "one request per article expected"
    return server.requests


def measure(
    counter: Counter, suite: str, version: str | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    cases = load_suite(suite)
    texts = [c.article_text for c in cases]
    plain = Summarizer(
        model="m", base_url="http://127.0.0.1:9/v1", api_key="sk-x", prompt_version=version
    )
    articles = [plain.prepare(t) for t in texts]
    assert isinstance(plain.backend, OpenAIBackend)
    template = plain.backend.template
    base_messages = [
        template.render(article=a.text, title=a.title, source=a.source, published=a.published)
        for a in articles
    ]
    body = [counter.tokens(a.text) for a in articles]
    base = [counter.prompt(m) for m in base_messages]
    extra = [b - t for b, t in zip(base, body, strict=True)]
    chars = sum(len(a.text) for a in articles)
    result: dict[str, Any] = {
        "prompt": f"{plain.prompt.id} v{plain.prompt.version}",
        "articles": len(texts),
        "article_tokens_mean": statistics.fmean(body),
        "chars_per_token": chars / sum(body),
        "template_overhead_mean": statistics.fmean(extra),
        "instructions_tokens": counter.tokens(base_messages[0][0]["content"]),
        "modes": {},
    }
    for mode in MODES:
        requests = capture(mode, texts, version)
        full = [counter.prompt(r["messages"], r.get("tools")) for r in requests]
        over = [f - t for f, t in zip(full, body, strict=True)]
        side = [
            counter.tokens(json.dumps(r["response_format"], ensure_ascii=False))
            for r in requests
            if isinstance(r.get("response_format"), dict) and "json_schema" in r["response_format"]
        ]
        result["modes"][mode] = {
            "prompt_mean": statistics.fmean(full),
            "overhead_mean": statistics.fmean(over),
            "overhead_min": min(over),
            "overhead_max": max(over),
            "mode_tokens": statistics.fmean(f - b for f, b in zip(full, base, strict=True)),
            "response_format_tokens": statistics.fmean(side) if side else 0.0,
        }
    return result, base_messages


def check_server(url: str, messages: list[dict[str, Any]], counted: int) -> str:
    import openai

    client = openai.OpenAI(base_url=url, api_key="local", max_retries=0, timeout=600)
    model = client.models.list().data[0].id
    done = client.chat.completions.create(model=model, messages=messages, max_tokens=1)  # type: ignore[arg-type]
    served = done.usage.prompt_tokens if done.usage else -1
    return f"server {url} counted {served} prompt tokens for article 1; we count {counted}"


def report(result: dict[str, Any], model_path: str) -> str:
    lines = [
        f"tokenizer + chat template: {Path(model_path).name}; prompt {result['prompt']}",
        f"articles: {result['articles']}  mean body: {result['article_tokens_mean']:.0f} tokens  "
        f"chars/token: {result['chars_per_token']:.2f}",
        f"our template alone (instructions {result['instructions_tokens']} tokens + wrapper + "
        f"chat markup): {result['template_overhead_mean']:.0f} tokens/article",
        "",
        "| mode | prompt tokens (mean) | overhead/article (mean) | min..max | added by the mode "
        "| schema in response_format |",
        "|---|---|---|---|---|---|",
    ]
    for mode, m in result["modes"].items():
        lines.append(
            f"| {mode} | {m['prompt_mean']:.0f} | {m['overhead_mean']:.0f} | "
            f"{m['overhead_min']}..{m['overhead_max']} | {m['mode_tokens']:.0f} | "
            f"{m['response_format_tokens']:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", default=str(ROOT / "evals" / "suites" / "dev"))
    parser.add_argument("--gguf", default=None, help="GGUF whose tokenizer and template to use")
    parser.add_argument("--check-server", default=None, metavar="URL")
    parser.add_argument("--prompt-version", default=None, help="pin a prompt version")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    llm, path = load_tokenizer(args.gguf)
    counter = Counter(llm)
    result, base_messages = measure(counter, args.suite, args.prompt_version)
    print(json.dumps(result, indent=2) if args.json else report(result, path))
    if args.check_server:
        print(check_server(args.check_server, base_messages[0], counter.prompt(base_messages[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
