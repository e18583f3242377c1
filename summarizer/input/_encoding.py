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
"""

from __future__ import annotations

import codecs
import re

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
