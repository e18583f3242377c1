"""Mojibake: text already decoded with the wrong codec is repaired when it is cleaned.

UTF-8 read as Windows-1252 turns "Peña" into "PeÃ±a" and a curly quotation mark into
"â€œ". Names then match nothing and quotations have no marks. Cleaning repairs it with ftfy
(`repair_mojibake`), so every backend, grounding and the eval read the same repaired text.
Text that is not mojibake passes through byte for byte: ftfy's other fixes (straight
quotes, ligatures, full-width letters, NFC, HTML entities) are switched off.
"""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer._schema import Actor, Quote
from summarizer.eval._bench_polnear import alnum_positions, locate, parse_record, score_polnear
from summarizer.input._cleaning import clean_article
from summarizer.input._encoding import _TYPOGRAPHY, _cp1252, _ftfy_config, repair_mojibake


def _as_cp1252(text: str) -> str:
    """What a UTF-8 text looks like read as Windows-1252 (the common mojibake)."""
    return _cp1252(text.encode("utf-8"))


def _body(raw: str) -> str:
    """The cleaned paragraph (after a headline line, which cleaning takes apart)."""
    return clean_article("Council meets\n\n" + raw).paragraphs[-1]


def test_a_name_in_mojibake_is_repaired() -> None:
    raw = f"Mayor {_as_cp1252('José Muñoz')} opened the bridge on Monday morning."

    assert "JosÃ©" in raw and "MuÃ±oz" in raw  # the test's own input is mojibake
    assert _body(raw) == "Mayor José Muñoz opened the bridge on Monday morning."


def test_a_curly_quote_pair_in_mojibake_is_repaired() -> None:
    raw = f"{_as_cp1252('“We will build it,”')} the mayor said."

    assert _body(raw) == "“We will build it,” the mayor said."


def test_a_dash_in_mojibake_is_repaired() -> None:
    raw = f"The bridge {_as_cp1252('—')} closed since May {_as_cp1252('–')} reopens today."

    assert _body(raw) == "The bridge — closed since May – reopens today."


def test_decomposed_and_double_mojibake_are_repaired() -> None:
    """A data set that NFKD-decomposed its mojibake ("PeA" + U+0303 + "±a"), and a text
    encoded twice over ("Ã\\x83Â§")."""
    decomposed = unicodedata.normalize("NFD", _as_cp1252("Muñoz"))
    twice = "Fran\u00c3\u0083\u00c2\u00a7ois"

    assert (
        repair_mojibake(f"Mayor {decomposed} and {twice} met.") == "Mayor Muñoz and François met."
    )


def test_cp1252_read_as_latin1_keeps_its_quotation_marks() -> None:
    """Windows-1252 bytes read as latin-1 leave C1 characters; cleaning used to delete
    them, and the quotation marks with them."""
    raw = "\x93We will build it,\x94 the mayor said \x97 twice."
    beside_a_euro = "It costs €5, \x93too much,\x94 she said."  # no latin-1 line: C1 alone

    assert _body(raw) == "“We will build it,” the mayor said — twice."
    assert _body(beside_a_euro) == "It costs €5, “too much,” she said."


@pytest.mark.parametrize(
    "text",
    [
        '“Curly,” ‘single’ and "straight" quotes — dashes – and an ellipsis…',
        "Café, naïve, Zürich, Łódź, Nguyễn, Москва, Ελλάδα, 北京, «guillemets»",
        "Ligatures ﬁ ﬂ, full-width ＬＯＵＤ, ½ and 1⁄4, &amp; and &quot; stay as written",
        unicodedata.normalize("NFD", "Decomposed café and Muñoz stay decomposed"),
        "A non-breaking\u00a0space, a thin\u2009one, and a line\u2028separator",
    ],
)
def test_text_without_mojibake_is_unchanged(text: str) -> None:
    assert repair_mojibake(text) == text


def test_common_typography_cannot_form_mojibake_in_any_encoding_ftfy_tries() -> None:
    """Why ASCII and common typography skip ftfy: in each encoding, the typography is all
    UTF-8 lead bytes or all continuation bytes, never both (no multi-byte sequence can
    form), and ftfy itself changes no short string of them."""
    from ftfy import chardata, fix_text

    for encoding in chardata.CHARMAP_ENCODINGS:
        codes = [ch.encode(encoding)[0] for ch in _TYPOGRAPHY if _encodes(ch, encoding)]
        lead = any(0xC2 <= b <= 0xF4 for b in codes)
        continuation = any(0x80 <= b <= 0xBF for b in codes)
        assert not (lead and continuation), encoding
    alphabet = [*_TYPOGRAPHY, "a", " ", "."]
    for n in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=n):
            assert fix_text("".join(chars), _ftfy_config()) == "".join(chars)


def _encodes(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


_WORDS = st.sampled_from(
    [
        "the",
        "mayor",
        "said",
        "Café",
        "naïve",
        "Zürich",
        "Muñoz",
        "François",
        "Łódź",
        "Nguyễn",
        "Москва",
        "Ελλάδα",
        "北京",
        "résumé",
        "São",
        "Paulo",
        "Ørsted",
        "Ærø",
        "Straße",
        "2024",
        "£5",
        "€10",
        "50%",
        "½",
    ]
)
_MARKS = st.sampled_from(
    [" ", " ", ", ", ". ", " — ", " – ", "… ", "\n\n", " “", "” ", " ‘", "’ ", "'s "]
)
_ORDINARY = st.lists(st.tuples(_WORDS | st.text("abcXYZ", min_size=1), _MARKS), max_size=40).map(
    lambda parts: "".join(word + mark for word, mark in parts)
)


@settings(max_examples=300, deadline=None)
@given(text=_ORDINARY, form=st.sampled_from(["NFC", "NFD"]))
def test_ordinary_text_passes_byte_identical(text: str, form: str) -> None:
    ordinary = unicodedata.normalize(form, text)

    assert repair_mojibake(ordinary) == ordinary


def test_the_polnear_bench_places_a_quote_whose_characters_were_repaired() -> None:
    """The bench searches predicted quotes in the data set's own text (gold offsets are
    there); a prediction from the repaired text must still be placed, on the same
    characters as the mojibake it repairs."""
    said = _as_cp1252("“Señor Muñoz will win,”")
    text = f"Intro line.\n\n{said} he said. “Other words,” she said."
    quote = Quote(text="Señor Muñoz will win,", speaker="he")

    [placed] = locate(text, [quote], [])

    start = text.index("Se")
    assert placed.chars == alnum_positions(text, [(start, text.index(",", start))])


def test_a_quote_ending_in_a_repaired_character_is_placed_to_the_run_s_end() -> None:
    twice = _as_cp1252(_as_cp1252("olé"))  # "olÃƒÂ©": "Â" is a letter of the run
    text = f"“We shouted {twice}!” the crowd said."

    [placed] = locate(text, [Quote(text="We shouted olé", speaker="crowd")], [])

    start, end = text.index("We"), text.index("!")
    assert placed.chars == alnum_positions(text, [(start, end)])


def test_the_polnear_bench_scores_a_repaired_speaker_against_a_mojibake_mention() -> None:
    """The gold source mention carries the data set's mojibake; the system names the
    speaker as the cleaned text spells it."""
    text = f"{_as_cp1252('“We will win,” said Señor Muñoz.')}"
    mention = _as_cp1252("Señor Muñoz")
    quote = _as_cp1252("“We will win,”")

    def span(needle: str) -> dict[str, object]:
        return {
            "start": text.index(needle),
            "end": text.index(needle) + len(needle),
            "text": needle,
        }

    relation = {"source": [span(mention)], "content": [span(quote)], "has_source": True}
    record = {
        "id": "m",
        "text": text,
        "primary_annotator": "a",
        "annotations": {"a": [relation | {"quote_type": "direct", "source_is_pronoun": False}]},
    }
    article = parse_record(record)
    cleaned = clean_article(text).text
    predicted = Quote(text=cleaned[1 : cleaned.index(",") + 1], speaker="Señor Muñoz")

    placed = locate(text, [predicted], [Actor(name="Señor Muñoz", type="person", role="")])
    scores = score_polnear([article], {"m": placed})

    assert cleaned.startswith("“We will win,” said Señor Muñoz")
    assert scores["recall_0_3"] == 1.0 and scores["speaker_named_0_3"] == 1.0
