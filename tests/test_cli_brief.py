"""`summarizer brief`: inputs of every kind, one joint note of an event, md/json/html output."""

from __future__ import annotations

import io
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from summarizer._grounding import quoted_verbatim
from summarizer._multi import EventNote, SourcedBriefing, joint_summary, merge, merge_actors
from summarizer._schema import Actor, Briefing, PromptInfo, Quote
from summarizer.cli import main
from summarizer.input._cleaning import clean_article
from summarizer.input._read import Article
from summarizer.render._html import render_html
from summarizer.testing import FakeOpenAI, Reply

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "reuters-2025-10-08-putin-tajikistan.txt"
SHARED = ROOT.parent / "shared"

BASIL_ARTICLES = "data/external/basil/basil_articles.jsonl"
BASIL = SHARED / BASIL_ARTICLES
STEELE_EVENT = "2b95d2cf-e979-4f9c-ae27-9a5370934f23"  # Michael Steele's Afghanistan remarks
ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
QUOTED = re.compile(r"[“\"]([^”\"]{15,160}?)[”\"]")
PROMPT = PromptInfo(id="extract", version="1", sha256="0" * 64)


def steele_reply(request: dict[str, Any]) -> Reply:
    """Each outlet's briefing names Steele its own way; quotes are real quotations of it."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    text = ARTICLE.search(user).group(1)  # type: ignore[union-attr]
    name = next(n for n in ("Chairman Michael Steele", "Mr. Steele", "Steele") if n in text)
    actors = [{"name": name, "type": "person", "role": "RNC chairman", "aliases": []}]
    if "Obama" in text:
        actors.append({"name": "Obama", "type": "person", "role": "President", "aliases": []})
    quotes = [{"text": q, "speaker": name} for q in QUOTED.findall(text)[:2]]
    sentence = text.strip().split("\n")[-1].split(". ")[0]
    return Reply({"summary": sentence + ".", "actors": actors, "tensions": [], "quotes": quotes})


@pytest.fixture
def steele_files(tmp_path: Path) -> list[Path]:
    rows = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines()]
    event = {r["source"]: r for r in rows if r["triplet_uuid"] == STEELE_EVENT}
    paths = []
    for outlet in ("nyt", "fox", "hpo"):
        path = tmp_path / f"{outlet}.txt"
        path.write_text(event[outlet]["title"] + "\n\n" + event[outlet]["text"], encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=steele_reply) as server:
        monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        monkeypatch.setenv("SUMMARIZER_MODEL", "fake-model")
        yield server


# --- one event, three outlets ------------------------------------------------------------


@pytest.mark.shared_data(BASIL_ARTICLES)
def test_three_outlets_give_one_note_with_merged_actors_and_quotes_by_source(
    llm: FakeOpenAI, steele_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", *map(str, steele_files), "--format", "json"]) == 0
    note = EventNote.model_validate_json(capsys.readouterr().out)
    assert llm.count == 3 and len(note.sources) == 3
    steele = [a for a in note.actors if "Steele" in a.name]
    assert len(steele) == 1, "Mr. Steele / Chairman Michael Steele / Steele are one actor"
    assert steele[0].name == "Chairman Michael Steele"
    assert {"Mr. Steele", "Steele"} <= set(steele[0].aliases)
    assert steele[0].sources == ["1", "2", "3"]
    assert {q.source for q in note.quotes} == {"1", "2", "3"}
    texts = {s.key: clean_article(p.read_text()).text for s, p in zip(note.sources, steele_files, strict=True)}  # fmt: skip
    for quote in note.quotes:
        assert quote.speaker == "Chairman Michael Steele"
        assert quoted_verbatim(quote.text, texts[quote.source]), (
            "quote checked against its own source"
        )


@pytest.mark.shared_data(BASIL_ARTICLES)
def test_markdown_event_note_groups_quotes_under_each_source(
    llm: FakeOpenAI, steele_files: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["brief", *map(str, steele_files)]) == 0
    out = capsys.readouterr().out
    assert out.count("# Michael Steele Criticized for Afghanistan Comments") == 1
    assert "*3 sources: nyt.txt, fox.txt, hpo.txt*" in out
    quotes = out.split("## Quotes")[1].split("## Sources")[0]
    assert [h for h in quotes.splitlines() if h.startswith("### ")] == [
        "### [1] nyt.txt",
        "### [2] fox.txt",
        "### [3] hpo.txt",
    ]
    assert "**Chairman Michael Steele** (person) — RNC chairman [1]; RNC chairman [2]" in out


# --- merging rules -----------------------------------------------------------------------


def _actor(name: str, kind: str = "person", *aliases: str) -> Actor:
    return Actor(name=name, type=kind, role="r", aliases=list(aliases))  # type: ignore[arg-type]


def test_actors_merge_alias_aware_but_never_guess() -> None:
    actors, names = merge_actors(
        [
            ("1", [_actor("Vladimir Putin"), _actor("Barack Obama"), _actor("Michelle Obama")]),
            ("2", [_actor("Putin"), _actor("Obama"), _actor("Russia", "country", "Moscow")]),
            ("3", [_actor("Moscow", "country"), _actor("President Putin")]),
        ]
    )
    by_name = {a.name: a for a in actors}
    assert by_name["Vladimir Putin"].sources == ["1", "2", "3"]
    assert set(by_name["Vladimir Putin"].aliases) == {"Putin", "President Putin"}
    assert names[("2", "Putin")] == names[("3", "President Putin")] == "Vladimir Putin"
    assert by_name["Obama"].sources == ["2"], "Obama fits Barack and Michelle: left unmerged"
    assert by_name["Russia"].sources == ["2", "3"], "an exact alias merges"
    assert by_name["Russia"].type == "country"


def test_two_actors_of_one_source_are_never_merged() -> None:
    actors, _ = merge_actors([("1", [_actor("Putin"), _actor("Vladimir Putin")])])
    assert sorted(a.name for a in actors) == ["Putin", "Vladimir Putin"]


def test_merge_drops_a_quote_its_source_does_not_contain() -> None:
    one = "The minister said: “We will build the bridge this year.”"
    two = "Officials met in the capital on Tuesday to discuss the budget."

    def item(name: str, text: str, quotes: list[Quote]) -> SourcedBriefing:
        briefing = Briefing(
            summary=text, model="m", prompt=PROMPT, actors=[_actor("The minister")], quotes=quotes
        )
        return SourcedBriefing(Article(name, text), clean_article(text), briefing)

    quote = Quote(text="We will build the bridge this year.", speaker="The minister")
    note = merge([item("a.txt", one, [quote]), item("b.txt", two, [quote])])
    assert [(q.source, q.text) for q in note.quotes] == [("1", quote.text)]
    assert [(r.source, r.rejection.reason) for r in note.rejected] == [
        ("2", "quote not in its source")
    ]


def test_joint_summary_is_the_lead_plus_what_others_add() -> None:
    summary = joint_summary(
        [
            "Mr. Steele called Afghanistan a war of Obama's choosing. Republicans criticised him.",
            "Michael Steele called Afghanistan a war of Obama's choosing. Senators asked for an apology.",
        ]
    )
    assert summary == (
        "Mr. Steele called Afghanistan a war of Obama's choosing. Republicans criticised him. "
        "Senators asked for an apology."
    )
    others = [f"Fresh statement number {i} about {i * 7} different things." for i in range(60)]
    assert len(joint_summary(["Lead sentence here.", *others]).split()) <= 130


# --- inputs ------------------------------------------------------------------------------


def test_stdin_is_read_with_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(SEED.read_text(encoding="utf-8")))
    assert main(["brief", "-", "--model", "offline", "--json"]) == 0
    assert Briefing.model_validate_json(capsys.readouterr().out).article.words > 100


def test_a_directory_gives_one_note_of_its_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"))
    (folder / "b.txt").write_text("Putin met Rahmon in Dushanbe on Thursday. They talked.\n")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert main(["brief", str(folder), "--model", "offline", "-f", "json"]) == 0
    note = EventNote.model_validate_json(capsys.readouterr().out)
    assert [s.label for s in note.sources] == ["Reuters", "b.txt"]  # the outlet when known
    assert [s.location for s in note.sources] == [str(folder / "a.txt"), str(folder / "b.txt")]


class _Page(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        if self.path != "/news/story.html":
            self.send_error(404)
            return
        paragraphs = "".join(f"<p>{p}</p>" for p in SEED.read_text().split("\n\n")[2:12])
        body = (
            "<html><head><title>Putin in Dushanbe</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Putin in Dushanbe</h1>{paragraphs}</article></body></html>"
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_and_cleaned_as_html(site: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", f"{site}/news/story.html", "--model", "offline", "--json"]) == 0
    briefing = Briefing.model_validate_json(capsys.readouterr().out)
    assert briefing.article.title == "Putin in Dushanbe"
    assert "Home | World" not in briefing.summary


def test_missing_url_is_an_input_error(site: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", f"{site}/gone.html", "--model", "offline"]) == 4
    assert "HTTP 404" in capsys.readouterr().err


def test_missing_file_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", "nope.txt"]) == 4
    assert "nope.txt: no such file" in capsys.readouterr().err


# --- output formats ----------------------------------------------------------------------


@pytest.mark.shared_data(BASIL_ARTICLES)
def test_html_note_is_one_self_contained_page(
    llm: FakeOpenAI, steele_files: list[Path], tmp_path: Path
) -> None:
    out = tmp_path / "notes" / "steele.html"
    assert main(["brief", *map(str, steele_files), "-o", str(out)]) == 0  # format from suffix
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert not re.search(r"<(script|link|img|iframe)\b|@import|url\(", page, re.I)
    assert "Chairman Michael Steele" in page and "@media print" in page
    assert page.count('class="badge s') >= 6  # every source cited by a numbered badge


def test_html_note_escapes_what_the_article_and_model_say() -> None:
    hostile = '<script>alert("x")</script>'
    briefing = Briefing(
        summary=f"He wrote {hostile}.",
        model="m",
        prompt=PROMPT,
        actors=[_actor("Eve <b>")],
        quotes=[Quote(text=hostile, speaker="Eve <b>")],
    )
    text = f"Eve <b> said “{hostile}”"
    page = render_html(
        merge([SourcedBriefing(Article("x.txt", text), clean_article(text), briefing)])
    )
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "Eve &lt;b&gt;" in page


def test_single_article_keeps_the_briefing_json_and_markdown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["brief", str(SEED), "--model", "offline", "--json"]) == 0
    assert Briefing.model_validate_json(capsys.readouterr().out).model == "offline"
    assert main(["brief", str(SEED), "--model", "offline", "-o", str(tmp_path / "n.md")]) == 0
    assert (tmp_path / "n.md").read_text().startswith("# Russia")
    assert main(["brief", str(SEED), "--model", "offline", "-f", "html"]) == 0
    assert "<h1>Russia’s Putin arrives" in capsys.readouterr().out


def test_note_keeps_the_extracted_name_not_a_titled_alias() -> None:
    from summarizer._multi import merge_actors
    from summarizer._schema import Actor

    putin = Actor(
        name="Vladimir Putin",
        type="person",
        role="Russian President",
        aliases=["Putin", "Russian President Vladimir Putin"],
    )
    [merged], _ = merge_actors([("reuters", [putin])])
    assert merged.name == "Vladimir Putin"
    assert "Russian President Vladimir Putin" in merged.aliases
