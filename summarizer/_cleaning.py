"""Cleaning: scraped page text or HTML in, a `CleanArticle` out.

(Placeholder implementation; the real rules land in the cleaning commit.)
"""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, Field, computed_field

from summarizer._schema import ArticleMeta


class CleanArticle(BaseModel):
    """An article with page debris removed and its metadata pulled out."""

    title: str | None = None
    source: str | None = None
    published: str | None = Field(default=None, description="ISO date, YYYY-MM-DD")
    dateline: str | None = None
    credits: str | None = None
    paragraphs: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list, description="Lines cleaning dropped.")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def text(self) -> str:
        """The body: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def meta(self) -> ArticleMeta:
        return ArticleMeta(
            title=self.title,
            source=self.source,
            published=self.published,
            dateline=self.dateline,
            credits=self.credits,
            text_sha256=self.sha256,
            words=len(self.text.split()),
        )


def clean_article(raw: str, *, html: bool | None = None) -> CleanArticle:
    """Clean scraped text (or HTML, detected or forced with ``html=True``)."""
    paragraphs = [p.strip() for p in raw.split("\n") if p.strip()]
    return CleanArticle(paragraphs=paragraphs)
