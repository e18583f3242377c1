"""HTML input: detect a web page and hand it to trafilatura for the main text.

Only parsing happens here; trafilatura is never given a URL, so nothing is
fetched. The text rules in `_cleaning` run on whatever comes back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_DOCUMENT_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.I | re.S
)
_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|br|script|style|article|meta|li)\b[^>]*>", re.I
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SNIFF_CHARS = 4096
_MIN_TAGS = 5


@dataclass(frozen=True)
class HtmlExtract:
    """Main text of a page (one paragraph a line) and the metadata trafilatura found."""

    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None


def looks_like_html(text: str) -> bool:
    """True for a whole HTML document, or text dense with HTML tags."""
    head = text[:_SNIFF_CHARS]
    if _DOCUMENT_START.match(head):
        return True
    return len(_TAG.findall(head)) >= _MIN_TAGS


def extract_html(page: str) -> HtmlExtract:
    """Main text and metadata of ``page``; falls back to all visible text."""
    if not _DOCUMENT_START.match(page[:_SNIFF_CHARS]):
        # trafilatura rejects a bare fragment as "dubious HTML"; give it a document.
        page = f"<html><body>{page}</body></html>"
    document = _bare_extraction(page)
    if document is None or not (document.text or "").strip():
        return HtmlExtract(text=_visible_text(page))
    return HtmlExtract(
        text=document.text,
        title=_clean_field(document.title),
        published=_iso_date(document.date),
        source=_clean_field(document.sitename),
    )


def _bare_extraction(page: str) -> Any:
    import trafilatura  # slow to import; only HTML input pays for it

    try:
        return trafilatura.bare_extraction(
            page,
            url=None,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_recall=True,  # losing a paragraph is worse than keeping debris
            # Dates from the page's metadata only (meta tags, JSON-LD, <time>): htmldate's
            # extensive search also reads free text, where "Copyright 2025" became the
            # publication date 2025-01-01 and the model was told so.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a parser failure on odd input must not fail cleaning
        return None


def _visible_text(page: str) -> str:
    import trafilatura

    try:
        return str(trafilatura.html2txt(page) or "")
    except Exception:  # same reason as above: fall back rather than raise
        return ""


def _clean_field(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _iso_date(value: object) -> str | None:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value[:10]):
        return value[:10]
    return None
