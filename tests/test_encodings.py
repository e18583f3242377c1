"""Text encodings: UTF-8 (with or without BOM), UTF-16, cp1252/latin-1 are read as such.

Before, every file was decoded as UTF-8 with replacement characters: a latin-1 "François
Müller" reached the model and the note as "Fran�ois M�ller", silently. Now the encoding
is detected, and one line on stderr says which one was assumed when it was not UTF-8.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.input._read import read_input
from summarizer.testing import FakeOpenAI, Reply

ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
TEXT = (
    "Officials met on Monday to discuss the city budget. The council voted on Tuesday "
    "after a long debate about schools, roads and the new tram line.\n\n"
    "\u201cWe will not give up on the tram,\u201d said Fran\u00e7ois M\u00fcller, the mayor "
    "of K\u00f6ln. Caf\u00e9 owners on the Stra\u00dfe protested against the works.\n"
)
QUOTE = "We will not give up on the tram,"
REPLY = {
    "summary": "The council voted on the budget.",
    "actors": [
        {"name": "Fran\u00e7ois M\u00fcller", "type": "person", "role": "mayor", "aliases": []}
    ],
    "tensions": [],
    "quotes": [{"text": QUOTE, "speaker": "Fran\u00e7ois M\u00fcller"}],
}

CASES = [
    pytest.param(TEXT.encode("utf-8"), None, id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), None, id="utf-8-bom"),
    pytest.param(TEXT.encode("utf-16"), "utf-16-le", id="utf-16-bom"),
    pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be", id="utf-16-be-bom"),
    pytest.param(TEXT.encode("utf-16-le"), "utf-16-le", id="utf-16-le-no-bom"),
    pytest.param(TEXT.encode("cp1252"), "cp1252", id="cp1252"),
    pytest.param(
        TEXT.replace("\u201c", '"').replace("\u201d", '"').encode("latin-1"), "cp1252", id="latin-1"
    ),
]


@pytest.mark.parametrize(("data", "warned"), CASES)
def test_each_encoding_reaches_the_model_as_the_right_text(
    data: bytes,
    warned: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with FakeOpenAI(default=Reply(REPLY)) as server:
        code = main(["brief", str(path), "--base-url", server.base_url, "-m", "m", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    sent = ARTICLE.search(server.requests[0]["messages"][-1]["content"])
    assert sent is not None
    body = sent.group(1)
    assert "Fran\u00e7ois M\u00fcller" in body and "K\u00f6ln" in body and "\ufffd" not in body
    assert "\ufeff" not in body and "\x00" not in body
    assert '"quotes": [' in out and QUOTE in out  # the quote is still grounded
    notes = [line for line in err.splitlines() if "read as" in line]
    if warned is None:
        assert notes == []
    else:
        assert notes == [f"summarizer: warning: {path}: not UTF-8; read as {warned}"]


def test_stdin_in_cp1252_is_read_as_cp1252() -> None:
    code = "import sys; from summarizer.cli import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, "brief", "-", "--model", "offline", "--json"],
        input=TEXT.encode("cp1252"), capture_output=True, timeout=120,
    )  # fmt: skip
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "summarizer: warning: stdin: not UTF-8; read as cp1252" in err
    assert "Fran\u00e7ois M\u00fcller" in done.stdout.decode("utf-8")


def test_damaged_utf8_stays_utf8_with_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(TEXT.encode("utf-8").replace(b"tram line", b"tram \xff line"))
    with _no_warning():  # damaged UTF-8 is UTF-8: nothing to say
        text = read_input(str(path))
    assert "Fran\u00e7ois M\u00fcller" in text and "tram \ufffd line" in text


def test_binary_with_nul_bytes_is_still_refused(tmp_path: Path) -> None:
    from summarizer._errors import InputError

    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    with pytest.raises(InputError, match="binary"):
        read_input(str(path))


class _no_warning:
    def __enter__(self) -> Any:
        import warnings

        self._catch = warnings.catch_warnings()
        self._catch.__enter__()
        warnings.simplefilter("error")
        return self

    def __exit__(self, *exc: object) -> None:
        self._catch.__exit__(*exc)
