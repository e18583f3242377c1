"""summarizer: news articles in, grounded structured briefings out.

>>> from summarizer import Summarizer
>>> briefing = Summarizer().summarize(open("article.txt").read())  # doctest: +SKIP
"""

from summarizer._errors import (
    ConfigurationError,
    InputError,
    OutputError,
    ProviderError,
    SummarizerError,
)
from summarizer._schema import Actor, Briefing, Quote, Rejection, Tension
from summarizer._summarizer import Summarizer, summarize
from summarizer.infra._cache import Cache
from summarizer.infra._calllog import CallLog
from summarizer.infra._ratelimit import RateLimiter
from summarizer.input._cleaning import CleanArticle, clean_article

__all__ = [
    "Actor",
    "Briefing",
    "Cache",
    "CallLog",
    "CleanArticle",
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
    "clean_article",
    "summarize",
]
