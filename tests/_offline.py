"""The one helper the offline actor tests share: the rules run on a few invented paragraphs."""

from __future__ import annotations

from summarizer import CleanArticle
from summarizer._schema import Actor
from summarizer.backends.offline._extract import extract_offline


def offline_actors(*paragraphs: str, ner: bool = False, title: str | None = None) -> list[Actor]:
    """The offline backend's actors for an article made of ``paragraphs`` (and ``title``,
    as cleaning pulls it out of a page); with ``ner``, after the named-entity pass
    (`offline._ner`, spaCy: skip the test where it is absent)."""
    article = CleanArticle(paragraphs=list(paragraphs), title=title)
    extraction = extract_offline(article)
    if ner:
        from summarizer.backends.offline._ner import add_entity_orgs

        extraction = add_entity_orgs(article.text, extraction)
    return extraction.actors
