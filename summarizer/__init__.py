"""summarizer: news articles in, grounded structured briefings out.

>>> from summarizer import Summarizer
>>> briefing = Summarizer().summarize(open("article.txt").read())  # doctest: +SKIP

The public names are imported on first use (PEP 562), so ``import summarizer`` and the
command's ``--help`` do not pay for the openai SDK, instructor or trafilatura.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from summarizer._errors import (
    ConfigurationError,
    InputError,
    OutputError,
    ProviderError,
    SummarizerError,
)
from summarizer._version import __version__

if TYPE_CHECKING:
    from summarizer._multi import brief_event
    from summarizer._schema import Actor, Briefing, EventNote, Quote, Rejection, Tension
    from summarizer._summarizer import Summarizer, summarize
    from summarizer.infra._cache import Cache
    from summarizer.infra._calllog import CallLog
    from summarizer.infra._ratelimit import RateLimiter
    from summarizer.input._cleaning import CleanArticle, clean_article

_LAZY = {
    "Actor": "summarizer._schema",
    "Briefing": "summarizer._schema",
    "Quote": "summarizer._schema",
    "Rejection": "summarizer._schema",
    "Tension": "summarizer._schema",
    "Summarizer": "summarizer._summarizer",
    "brief_event": "summarizer._multi",
    "EventNote": "summarizer._schema",
    "summarize": "summarizer._summarizer",
    "Cache": "summarizer.infra._cache",
    "CallLog": "summarizer.infra._calllog",
    "RateLimiter": "summarizer.infra._ratelimit",
    "CleanArticle": "summarizer.input._cleaning",
    "clean_article": "summarizer.input._cleaning",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "Actor",
    "Briefing",
    "Cache",
    "CallLog",
    "CleanArticle",
    "EventNote",
    "ConfigurationError",
    "InputError",
    "OutputError",
    "ProviderError",
    "Quote",
    "RateLimiter",
    "Rejection",
    "Summarizer",
    "SummarizerError",
    "Tension",
    "__version__",
    "brief_event",
    "clean_article",
    "summarize",
]
