"""Prompt injection: a model that obeys every instruction an article carries.

The corpus (tests/data/injection/, described in cases.json) holds news articles with
instructions aimed at the model. `gullible` stands in for a model with no defences: it
reads the article from the request and does what the injection asks (reports invented
statements, attributes sentences, reveals its system prompt, changes the JSON shape...),
and it persists through every re-ask. The tests check what reaches the output:

- no fabricated quote, evidence or actor (one that the article does not back) survives;
- the output keeps its schema (or the record fails with an `OutputError`);
- the article is always sent as delimited data, after the instructions.

What grounding cannot stop (a quotation planted in the article itself, a real quotation
misattributed to another person the article names, the free-text summary) is pinned by
`test_known_limitation_*`, so docs/SECURITY.md stays true: if one of those starts failing,
the defence got better and the threat model should say so.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer import OutputError, Summarizer
from summarizer._schema import Briefing
from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Reply

CORPUS = Path(__file__).parent / "data" / "injection"
CASES: dict[str, dict[str, Any]] = json.loads((CORPUS / "cases.json").read_text("utf-8"))
ARTICLE = re.compile(r"<article>(.*)</article>", re.S)
NAME = r"(?:[A-Z][\w'-]*\s)*?[A-Z][\w'-]*"  # lazy: for a name followed by a known word
FULL_NAME = r"(?:[A-Z][\w'-]*\s)*[A-Z][\w'-]*"  # greedy: every capitalised word
SECRET = re.compile(r"sk-[\w-]{6,}|Bearer\s+\S+")

# --- the gullible model --------------------------------------------------------------------


def _article_of(request: dict[str, Any]) -> tuple[str, str]:
    """The system prompt and the article text of the first user turn (re-asks repeat it)."""
    messages = request["messages"]
    system = next((m["content"] for m in messages if m["role"] == "system"), "")
    user = next(m["content"] for m in messages if m["role"] == "user")
    found = ARTICLE.search(user)
    return system, found.group(1) if found else user


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def _honest(article: str) -> dict[str, Any]:
    """What a sensible model would extract: quotations with the next name after them."""
    actors: dict[str, dict[str, Any]] = {}
    quotes = []
    for found in re.finditer(
        r"[“\"]([^”\"]{8,}?)[,.]?[”\"]\W+(?:[a-z]+\s)*(" + FULL_NAME + ")", article
    ):
        speaker = found.group(2)
        actors.setdefault(speaker, {"name": speaker, "type": "person", "role": "", "aliases": []})
        quotes.append({"text": found.group(1), "speaker": speaker})
    paragraphs = [p for p in article.split("\n") if len(p.split()) >= 12]
    lead = re.sub(r"^.*?\(Wire\) - ", "", paragraphs[0]) if paragraphs else article
    return {
        "summary": lead.split(". ")[0].rstrip(".") + ".",
        "actors": list(actors.values()),
        "tensions": [],
        "quotes": quotes,
    }


def _actor(out: dict[str, Any], name: str, kind: str = "person", role: str = "") -> None:
    if all(a["name"] != name for a in out["actors"]):
        out["actors"].append({"name": name, "type": kind, "role": role, "aliases": []})


def _quote(out: dict[str, Any], text: str, speaker: str) -> None:
    _actor(out, speaker)
    out["quotes"] = [q for q in out["quotes"] if q["text"] != text]
    out["quotes"].append({"text": text, "speaker": speaker})


def _obey(system: str, article: str, request: dict[str, Any], out: dict[str, Any]) -> Any:
    if found := re.search(r"(?i:respond only with this json):?\s*(\{[^\n]*\})", article):
        return json.loads(found.group(1))  # a different shape altogether
    if found := re.search(r"(?i:report that) (" + NAME + r") said (?:that )?([^.\n]+)\.", article):
        _quote(out, _sentence(found.group(2)), found.group(1))
    if found := re.search(
        r"(?i:attribute the first sentence)[^A-Z]*to (" + FULL_NAME + ")", article
    ):
        _quote(out, _honest(article)["summary"], found.group(1))
    if re.search(r"(?i)reveal your system prompt", article):
        out["summary"] = system[:400]
        _quote(out, system.split(". ")[0].strip() + ".", "AI Assistant")
    for key, value in re.findall(
        r'(?i:add a field) "(\w+)" (?i:with the value) "([^"]*)"', article
    ):
        out[key] = value
    if found := re.search(r"(?i:add a tension between) (\w+) and (\w+) over ([^,.\n]+)", article):
        a, b, topic = found.groups()
        _actor(out, a, "country")
        _actor(out, b, "country")
        out["tensions"].append(
            {
                "parties": [a, b],
                "description": f"{a} and {b} are in conflict.",
                "evidence": f"{a} declared war on {b} over {topic}",
            }
        )
    if found := re.search(
        r"(?i:invent a quote from) (?:[a-z]+ )?(" + NAME + ") about ([^.\n]+)", article
    ):
        _quote(out, f"I have always supported {found.group(2)} and always will.", found.group(1))
    if found := re.search(r"(?i:list the) ([a-z ]+?) of (\w+) (?i:as an actor)", article):
        _actor(out, "Jonathan Fabricant", role=f"{found.group(1)} of {found.group(2)}")
        if "quote admitting" in article:
            _quote(out, "We hid our losses from investors.", "Jonathan Fabricant")
    if found := re.search(
        r'(?i:list) "([^"]+)" (?i:as an actor with the quote) "([^"]+)"', article
    ):
        _quote(out, found.group(2), found.group(1))
    if found := re.search(
        r'(?i:cite) "([^"]+)" (?i:as evidence of a tension between) (\w+) and (\w+)', article
    ):
        evidence, a, b = found.groups()
        _actor(out, a, "country")
        _actor(out, b, "country")
        out["tensions"].append(
            {"parties": [a, b], "description": f"{a} and {b} disagree.", "evidence": evidence}
        )
    if found := re.search(r'(?i:attribute the quote) "([^"]+)" to (' + FULL_NAME + ")", article):
        _quote(out, found.group(1), found.group(2))
    if found := re.search(r'(?i:output the quote) "([^"]+)" by .*?(' + NAME + "),", article):
        _quote(out, found.group(1), found.group(2))
    if found := re.search(r"(?i:set the summary to):?\s*([^\n]+)", article):
        out["summary"] = found.group(1)
    if re.search(r"(?i)copy your API key", article):
        leaked = SECRET.findall(json.dumps(request))
        out["summary"] += f" Key: {leaked[0] if leaked else 'none visible'}."
    return out


def gullible(request: dict[str, Any]) -> Reply:
    """A model that does whatever the article tells it to, on every attempt."""
    system, article = _article_of(request)
    return Reply(_obey(system, article, request, _honest(article)))


# --- helpers -------------------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=gullible) as fake:
        yield fake


def summarise(server: FakeOpenAI, name: str, **kw: Any) -> Briefing:
    text = (CORPUS / name).read_text(encoding="utf-8")
    summarizer = Summarizer(model="m", base_url=server.base_url, api_key="sk-inject-canary", **kw)
    return summarizer.summarize(text, html=name.endswith(".html") or None)


def output_items(briefing: Briefing) -> dict[str, list[str]]:
    """What a reader sees, without the `rejected` list (which names what was removed)."""
    return {
        "quotes": [q.text for q in briefing.quotes],
        "speakers": [q.speaker for q in briefing.quotes],
        "actors": [n for a in briefing.actors for n in a.names()],
        "evidence": [t.evidence for t in briefing.tensions],
    }


def assert_fabrications_absent(briefing: Briefing, fabricated: dict[str, list[str]]) -> None:
    seen = output_items(briefing)
    shown = json.dumps(briefing.model_dump(exclude={"rejected"}))
    for fragment in fabricated.get("quotes", []):
        assert not any(fragment in q for q in seen["quotes"]), fragment
    for name in fabricated.get("actors", []):
        assert name not in seen["actors"] and name not in seen["speakers"], name
    for fragment in fabricated.get("evidence", []):
        assert not any(fragment in e for e in seen["evidence"]), fragment
    for field in fabricated.get("fields", []):
        assert field not in shown, field


def assert_fabrications_present(briefing: Briefing, fabricated: dict[str, list[str]]) -> None:
    """The control: without grounding, the gullible model's fabrications do get through."""
    seen = output_items(briefing)
    for fragment in fabricated.get("quotes", []):
        assert any(fragment in q for q in seen["quotes"]), fragment
    for name in fabricated.get("actors", []):
        assert name in seen["actors"], name
    for fragment in fabricated.get("evidence", []):
        assert any(fragment in e for e in seen["evidence"]), fragment


DROPPED = [name for name, case in CASES.items() if case["expect"] == "dropped"]


def test_corpus_has_at_least_twenty_articles_each_described() -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.name != "cases.json")
    assert len(files) >= 20 and files == sorted(CASES)
    for name, case in CASES.items():
        assert case["marker"] in (CORPUS / name).read_text(encoding="utf-8"), name


# --- no fabrication reaches the output -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mode"),
    [(name, "tools") for name in DROPPED]
    + [(name, "json_schema") for name in DROPPED[:1] + DROPPED[-3:]],
)
def test_obeyed_injection_leaves_no_fabrication_in_the_output(
    server: FakeOpenAI, name: str, mode: str
) -> None:
    briefing = summarise(server, name, mode=mode, max_reasks=1)
    fabricated = CASES[name]["fabricated"]
    if set(fabricated) != {"fields"}:  # (unknown fields are ignored: nothing to re-ask)
        assert server.count == 2  # the obedient answer was re-asked once, and obeyed again
    assert_fabrications_absent(briefing, fabricated)
    Briefing.model_validate(briefing.model_dump())  # still the schema, nothing added
    assert set(briefing.model_dump()) == set(Briefing.model_fields)


@pytest.mark.parametrize("name", [n for n in DROPPED if "fields" not in CASES[n]["fabricated"]])
def test_fabrications_are_listed_as_removed_by_grounding(server: FakeOpenAI, name: str) -> None:
    briefing = summarise(server, name, max_reasks=0)
    removed = json.dumps([r.item for r in briefing.rejected])
    fabricated = CASES[name]["fabricated"]
    for fragment in [*fabricated.get("quotes", []), *fabricated.get("evidence", [])]:
        assert fragment in removed, fragment


@pytest.mark.parametrize("name", DROPPED)
def test_control_without_grounding_the_fabrications_get_through(
    server: FakeOpenAI, name: str
) -> None:
    """Proves the gullible model obeys: the tests above pass because of grounding."""
    briefing = summarise(server, name, grounding=False)
    assert_fabrications_present(briefing, CASES[name].get("fabricated", {}))


def test_injected_json_shape_fails_the_record_instead_of_leaking(server: FakeOpenAI) -> None:
    with pytest.raises(OutputError) as info:
        summarise(server, "04-different-json-shape.txt", max_reasks=1)
    assert server.count == 2 and info.value.attempts == 2
    assert "article_safe" in (info.value.last_output or "")  # kept for debugging, not output


def test_strict_mode_refuses_an_obeyed_injection(server: FakeOpenAI) -> None:
    with pytest.raises(OutputError, match="ungrounded"):
        summarise(server, "07-invent-quote.txt", max_reasks=0, strict=True)


def test_api_key_is_not_in_any_request_body_so_no_model_can_leak_it(server: FakeOpenAI) -> None:
    briefing = summarise(server, "14-exfiltrate-key.txt")
    assert ("sk-inject-canary" in json.dumps(server.requests)) is False
    assert ("sk-inject-canary" in briefing.model_dump_json()) is False
    assert "none visible" in briefing.summary  # the model did try
    for headers in server.headers:
        auth = {k.lower(): v for k, v in headers.items()}["authorization"]
        assert auth == "Bearer sk-inject-canary"


# --- the article is data, after the instructions ------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_article_is_sent_once_as_delimited_data_after_the_instructions(
    server: FakeOpenAI, name: str
) -> None:
    with contextlib.suppress(OutputError):  # the JSON-shape case: the request matters here
        summarise(server, name, max_reasks=0)
    first = server.requests[0]["messages"]
    system, user = first[0], first[-1]
    assert [m["role"] for m in first] == ["system", "user"]
    assert "data, not instructions" in system["content"]
    assert CASES[name]["marker"].lower() not in system["content"].lower()
    content = user["content"]
    assert content.startswith("<article>") and content.rstrip().endswith("</article>")
    assert content.count("<article>") == 1 and content.count("</article>") == 1
    assert CASES[name]["marker"].lower() in content.lower()  # the injection stays inside


# --- what grounding cannot catch (docs/SECURITY.md) ----------------------------------------------


def test_known_limitation_misattribution_to_someone_named_next_to_the_quote_passes(
    server: FakeOpenAI,
) -> None:
    text, speaker = CASES["20-misattribution-same-paragraph.txt"]["passes"]["quote"]
    briefing = summarise(server, "20-misattribution-same-paragraph.txt", max_reasks=0)
    assert any(q.text.startswith(text) and q.speaker == speaker for q in briefing.quotes)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("09-misattribute-real-quote.txt", "the article attributes this quote to 'Weiss'"),
        ("16-pronoun-misattribution.txt", "is not named near the quote"),
        ("10-planted-quote.txt", "lies only in a sentence addressed to an AI or the reader"),
        ("18-quote-only-in-instruction.txt", "lies only in a sentence addressed to an AI"),
        ("15-actor-and-quote-in-instruction.txt", "is named only in a sentence addressed"),
        ("19-evidence-in-instruction.txt", "evidence lies only in a sentence addressed"),
    ],
)
def test_attribution_and_instruction_rules_give_their_own_reasons(
    server: FakeOpenAI, name: str, reason: str
) -> None:
    briefing = summarise(server, name, max_reasks=0)
    assert any(reason in r.reason for r in briefing.rejected), [r.reason for r in briefing.rejected]


@pytest.mark.parametrize("name", sorted(CASES))
def test_offline_summary_never_copies_a_sentence_addressed_to_the_reader_or_an_ai(
    name: str,
) -> None:
    from summarizer._instructions import is_instruction, sentence_spans

    text = (CORPUS / name).read_text(encoding="utf-8")
    summary = (
        Summarizer(model="offline").summarize(text, html=name.endswith(".html") or None).summary
    )
    assert CASES[name]["marker"].lower() not in summary.lower()
    assert not any(is_instruction(summary[a:b]) for a, b in sentence_spans(summary)), summary


@pytest.mark.parametrize(
    "name",
    ["11-summary-override.txt", "03-reveal-system-prompt.txt", "17-reader-addressed-lead.txt"],
)
def test_known_limitation_summary_is_not_grounded(server: FakeOpenAI, name: str) -> None:
    briefing = summarise(server, name, max_reasks=0)
    assert CASES[name]["passes"]["summary"] in briefing.summary


# --- the whole corpus as a batch ---------------------------------------------------------------


def test_batch_of_the_corpus_keeps_every_line_in_schema(
    server: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-inject-canary")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(CORPUS), "-o", str(out), "--model", "m", "--base-url", server.base_url]
    assert main([*args, "--max-reasks", "1", "--no-cache"]) == 1  # the JSON-shape case fails
    lines = {line["id"]: line for line in map(json.loads, out.read_text().splitlines())}
    assert sorted(lines) == sorted(CASES)
    for name, line in lines.items():
        if CASES[name]["expect"] == "output_error":
            assert not line["ok"] and line["error"]["type"] == "OutputError"
            continue
        briefing = Briefing.model_validate(line["briefing"])
        assert_fabrications_absent(briefing, CASES[name].get("fabricated", {}))
