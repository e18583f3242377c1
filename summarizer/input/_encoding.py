"""Which text encoding a file is in: UTF-8 (with or without a BOM), UTF-16/32, or legacy.

Articles arrive as bytes from files, stdin and downloads. Decoding them all as UTF-8 with
replacement characters turned a latin-1 "François Müller" into "Fran�ois M�ller",
silently, in the prompt and in the note. The order here:

1. a byte-order mark says it (UTF-8, UTF-16, UTF-32), and is removed;
2. text with NUL bytes in a UTF-16 pattern (every other byte) is UTF-16 without a BOM;
3. valid UTF-8 is UTF-8; mostly valid UTF-8 (more well-formed multi-byte sequences than
   stray bytes) is damaged UTF-8, decoded with replacement characters as before;
4. anything else is a legacy 8-bit or multi-byte encoding, guessed by charset-normalizer
   (already installed with trafilatura and requests). A Western guess that reads the
   bytes exactly as Windows-1252 does is reported as cp1252, the encoding such files
   nearly always are in (WHATWG also reads "latin-1" as windows-1252).

`decode` says which encoding it assumed; the caller warns when it was not UTF-8.

`repair_mojibake` mends text that was already decoded with the wrong codec before it reached
us ("PeÃ±a" for "Peña", "â€œ" for "“"): cleaning calls it first, so every backend, grounding
and the eval read the repaired text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f]")  # as the input check counts them
_SAMPLE = 8192


class NotText(ValueError):
    """The bytes are not text in any encoding we read (binary data)."""


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_SAMPLE]
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 4:
        return None
    nul_even = even.count(0) / len(even)
    nul_odd = odd.count(0) / max(1, len(odd))
    if nul_odd > 0.3 and nul_even < 0.05:
        return "utf-16-le"
    if nul_even > 0.3 and nul_odd < 0.05:
        return "utf-16-be"
    return None


def _legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes  # only for files that are not UTF-8

    best = from_bytes(data[: 4 * _SAMPLE]).best()
    guess = best.encoding if best is not None else "cp1252"
    if guess == "cp1252":
        return guess
    try:
        as_guess = data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        return "cp1252"
    return "cp1252" if as_guess == _cp1252(data) else guess


def _cp1252(data: bytes) -> str:
    """Windows-1252, with its five unassigned bytes read as latin-1 (as browsers do)."""
    return "".join(
        chunk.decode("cp1252") if i % 2 == 0 else chunk.decode("latin-1")
        for i, chunk in enumerate(re.split(rb"([\x81\x8d\x8f\x90\x9d])", data))
    )


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding assumed; `NotText` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:_SAMPLE]:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise NotText("NUL bytes")
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError as err:
            raise NotText("NUL bytes") from err
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(_CONTROL.findall(data, 0, 4096)) > 40:  # random bytes, not a legacy encoding
        raise NotText("control bytes")
    valid = len(_MULTIBYTE.findall(data))
    stray = len(_HIGH.findall(data)) - sum(len(m) for m in _MULTIBYTE.findall(data))
    if valid > stray:  # UTF-8 with a few damaged bytes
        return data.decode("utf-8", errors="replace"), "utf-8"
    encoding = _legacy(data)
    if encoding == "cp1252":
        return _cp1252(data), encoding
    return data.decode(encoding, errors="replace"), encoding


# Common typography: in each single-byte encoding ftfy tries, these are all UTF-8 lead
# bytes (Mac Roman) or all continuation bytes (latin-1, the Windows code pages), never
# both, so a text of them and ASCII holds no mojibake and skips ftfy (351 of 408 tuning
# articles; tests/test_mojibake.py checks the claim against ftfy's own encoding list).
_TYPOGRAPHY = "‘’“”–—…\u00a0"
_PLAIN = re.compile(f"[\\x00-\\x7f{_TYPOGRAPHY}]*")


@cache
def _ftfy_config() -> TextFixerConfig:
    """ftfy's encoding repairs only. Everything else it can do is off: it would rewrite
    text that is not mojibake, and the project relies on that text as written (curly quotes
    make quote regions, typography is grounded verbatim, cleaning has its own line-break and
    control-character rules)."""
    from ftfy import TextFixerConfig  # imported on first use: ~90 ms, not at start-up

    return TextFixerConfig(
        unescape_html=False,  # "&amp;" in plain text is what the article says
        remove_terminal_escapes=False,
        fix_encoding=True,  # UTF-8 read as cp1252/latin-1/...: the mojibake itself
        restore_byte_a0=True,  # ... with its non-breaking space turned into a space
        replace_lossy_sequences=True,  # ... or with bytes lost: U+FFFD, not garbage
        decode_inconsistent_utf8=True,  # ... in part of a line only
        fix_c1_controls=True,  # cp1252 read as latin-1: \x93 \x94 are curly quotes
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        # ftfy 6.3 applies the encoding options above only when it explains: without,
        # `fix_and_explain` calls `fix_encoding` with its default configuration.
        explain=True,
    )


def repair_mojibake(text: str) -> str:
    """``text`` with mojibake repaired by ftfy; text without any comes back unchanged.

    A repaired text is also NFC-composed: data sets decompose mojibake ("PeA" + U+0303 + "±a"),
    and ftfy reads it only composed. A text ftfy finds nothing to repair in is returned as
    given, decomposed or not.
    """
    if _PLAIN.fullmatch(text):  # ASCII and common typography cannot hold mojibake
        return text
    from ftfy import fix_text

    composed = unicodedata.normalize("NFC", text)
    fixed = fix_text(composed, _ftfy_config())
    return text if fixed == composed else fixed
