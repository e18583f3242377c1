"""HTML input: the size limit applies to the article text, not to the page's markup; the
publication date comes from metadata or a dateline, never from a copyright footer."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from summarizer import Summarizer
from summarizer._errors import InputError
from summarizer.cli import main
from summarizer.testing import FakeOpenAI, Reply

ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
BODY = (
    "<p>The city council voted on Tuesday to approve the new budget after a long debate "
    "about schools and roads.</p><p>Mayor Jane Doe said the vote was historic and thanked "
    "the members of the council.</p>"
)
REPLY = {"summary": "The council approved the budget.", "actors": [], "tensions": [], "quotes": []}


def page(head: str = "", body: str = BODY, footer: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Council approves budget</title>{head}</head>"
        f"<body><article><h1>Council approves budget</h1>{body}</article>{footer}</body></html>"
    )


def test_a_page_with_a_large_inline_image_is_summarised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    image = base64.b64encode(bytes(range(256)) * 2000).decode()  # ~680,000 characters
    script = "<script>var data = '" + "x" * 200_000 + "';</script>"
    html = page(body=BODY + f'<img src="data:image/png;base64,{image}">' + script)
    assert len(html) > 800_000
    path = tmp_path / "big.html"
    path.write_text(html, encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    with FakeOpenAI(default=Reply(REPLY)) as server:
        code = main(["brief", str(path), "--base-url", server.base_url, "-m", "m"])
    err = capsys.readouterr().err
    assert code == 0, err
    sent = ARTICLE.search(server.requests[0]["messages"][-1]["content"])
    assert sent is not None and "Jane Doe" in sent.group(1) and len(sent.group(1)) < 1000


def test_the_text_limit_applies_to_the_cleaned_text_of_a_page() -> None:
    paragraphs = "".join(
        f"<p>Part {i}: " + f"The council debated item {i} of the budget for hours. " * 35 + "</p>"
        for i in range(250)
    )
    html = page(body=paragraphs)  # ~480,000 characters of article text
    with pytest.raises(
        InputError, match=r"the article text is [\d,]+ characters .*limit is 400,000"
    ):
        Summarizer(model="offline").prepare(html)


def test_raw_html_has_its_own_larger_cap() -> None:
    html = page(body=BODY + "<!--" + "x" * 5_100_000 + "-->")
    with pytest.raises(InputError, match=r"the page is [\d,]+ characters; the limit is 5,000,000"):
        Summarizer(model="offline").prepare(html)


def test_plain_text_keeps_its_limit() -> None:
    with pytest.raises(InputError, match="limit is 400,000"):
        Summarizer(model="offline").prepare("The council met. " * 30_000)


@pytest.mark.parametrize(
    "footer",
    [
        "<footer>Copyright 2025 Example News. All rights reserved.</footer>",
        "<footer><p>\u00a9 2023 Example News Ltd</p></footer>",
        "<div class='footer'>(c) 2025 Example Media Group. Terms of use.</div>",
    ],
)
def test_a_copyright_footer_is_never_the_publication_date(footer: str) -> None:
    article = Summarizer(model="offline").prepare(page(footer=footer))
    assert article.published is None


def test_the_date_comes_from_the_metadata(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    meta = '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
    footer = "<footer>Copyright 2025 Example News.</footer>"
    article = Summarizer(model="offline").prepare(page(head=meta, footer=footer))
    assert article.published == "2024-03-05"
    path = tmp_path / "p.html"
    path.write_text(page(head=meta, footer=footer), encoding="utf-8")
    assert main(["brief", str(path), "--model", "offline", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["article"]["published"] == "2024-03-05"


def test_the_model_is_not_told_a_copyright_year_is_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "p.html"
    path.write_text(page(footer="<footer>Copyright 2025 Example News.</footer>"), encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    with FakeOpenAI(default=Reply(REPLY)) as server:
        assert main(["brief", str(path), "--base-url", server.base_url, "-m", "m"]) == 0
    sent = json.dumps(server.requests[0]["messages"])
    assert "2025-01-01" not in sent
