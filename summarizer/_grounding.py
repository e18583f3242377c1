"""Grounding: every quote, piece of evidence and actor must be backed by the article.

The rules (see README "Trust"):

- a quote's text occurs verbatim in the article (after normalising quote
  characters, Unicode compatibility forms and white space) **and** lies inside
  quotation marks there;
- a quote's speaker is one of the returned actors (name or alias);
- a tension's evidence occurs verbatim in the article, and its parties are
  returned actors;
- an actor's name or one of its aliases occurs in the article.

`check` lists violations (used as a validator, so they become precise re-asks);
`ground` drops what violates the rules and says why (used when re-asks run out).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer._schema import Actor, Extraction, Quote, Rejection, Tension
from summarizer.backends.offline._text import double_quote_regions

_QUOTE_MAP = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
    }
)  # fmt: skip
_WS = re.compile(r"\s+")
EDGE_PUNCT = " \t\n\"'.,;:!?…"  # a quote may end "." where the article has ","
_MIN_EVIDENCE_WORDS = 3
_OPENERS = ' ([{"-—–/'
# Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar) or with
# particles glued to names (Korean): a name there has no word boundary to look for.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def normalize(text: str) -> str:
    """Fold Unicode compatibility forms and quote characters; collapse white space."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP)
    return _WS.sub(" ", text).strip()


def _strip_marks(span: str) -> str:
    """A quote's text without the quotation marks or white space around it."""
    return span.strip(" \t\n\"'")


@dataclass(frozen=True)
class _Paragraph:
    text: str
    regions: tuple[tuple[int, int], ...]  # (index of opening mark, index of closing mark)


def _double_quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans between double quotation marks, paired as the offline rules pair them
    (`summarizer.backends.offline._text.double_quote_regions`: one definition for both).

    ``text`` keeps its curly marks, which say which way they face; straight marks
    are read by their neighbours. A mark left open runs to the end of the paragraph
    (newswire style for a quotation that continues in the next paragraph).
    """
    return double_quote_regions(text)


def _single_quote_regions(text: str) -> list[tuple[int, int]]:
    """British-style 'quotes', telling them apart from apostrophes by their neighbours."""
    regions: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch != "'":
            continue
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if start is None and prev in _OPENERS and not nxt.isspace():
            start = i
        elif start is not None and not prev.isspace() and not nxt.isalnum():
            regions.append((start, i))
            start = None
    return regions


@dataclass(frozen=True)
class ArticleIndex:
    """The article, normalised once, with the spans that lie inside quotation marks."""

    paragraphs: tuple[_Paragraph, ...]
    joined: str
    joined_lower: str = field(repr=False)
    _mentioned: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def contains(self, span: str) -> bool:
        """Whether ``span`` occurs verbatim (case-insensitively) anywhere in the article."""
        needle = normalize(span).lower()
        return bool(needle) and needle in self.joined_lower

    def quoted(self, span: str) -> bool:
        """Whether ``span`` occurs verbatim inside quotation marks in one paragraph."""
        needle = _strip_marks(normalize(span))
        if not any(ch.isalnum() for ch in needle):
            return False
        candidates = [needle, needle.strip(EDGE_PUNCT)]
        return any(self._quoted_exact(c) for c in candidates if c)

    def _quoted_exact(self, needle: str) -> bool:
        # Case-insensitive, like `contains`: a partial quote the model starts with a
        # capital ("A betrayal ...") is the article's “a betrayal ...”. A lookahead
        # finds overlapping occurrences; IGNORECASE matches character for character,
        # so a match is exactly len(needle) long and the regions' indices hold.
        pattern = re.compile(f"(?={re.escape(needle)})", re.IGNORECASE)
        for para in self.paragraphs:
            for found in pattern.finditer(para.text):
                start, end = found.start(), found.start() + len(needle)
                if any(a < start and end <= b for a, b in para.regions):
                    return True
        return False

    def mentions(self, name: str) -> bool:
        """Whether ``name`` occurs as whole words (case-insensitively)."""
        needle = normalize(name).lower()
        if not needle or not any(ch.isalnum() for ch in needle):
            return False
        found = self._mentioned.get(needle)
        if found is None:  # the validator and `ground` ask about the same names
            before = "" if _UNSPACED.match(needle[0]) else r"(?<!\w)"
            after = "" if _UNSPACED.match(needle[-1]) else r"(?!\w)"
            pattern = before + re.escape(needle) + after
            found = self._mentioned[needle] = re.search(pattern, self.joined_lower) is not None
        return found


@lru_cache(maxsize=64)
def index_article(text: str) -> ArticleIndex:
    """Build (and cache) the index of an article's body text."""
    raw_paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    paragraphs = []
    for raw in raw_paragraphs:
        marked = _WS.sub(" ", unicodedata.normalize("NFKC", raw)).strip()
        norm = marked.translate(_QUOTE_MAP)  # one character for one: offsets still hold
        regions = _double_quote_regions(marked) + _single_quote_regions(norm)
        paragraphs.append(_Paragraph(norm, tuple(regions)))
    joined = " ".join(p.text for p in paragraphs)
    return ArticleIndex(tuple(paragraphs), joined, joined.lower())


def is_verbatim(span: str, article_text: str) -> bool:
    """Whether ``span`` occurs in the article after normalisation."""
    return index_article(article_text).contains(span)


def quoted_verbatim(span: str, article_text: str) -> bool:
    """Whether ``span`` occurs in the article inside quotation marks."""
    return index_article(article_text).quoted(span)


# --- names -------------------------------------------------------------------


@lru_cache(maxsize=4096)  # the same few names are compared many times per article
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", normalize(name).lower()))


def _sub_span(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def names_match(a: str, b: str) -> bool:
    """Alias-aware name match: equal, or one is a full-token sub-span of the other."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and (ta == tb or _sub_span(ta, tb) or _sub_span(tb, ta))


def find_actor(name: str, actors: list[Actor]) -> Actor | None:
    """The actor that ``name`` refers to: an exact name/alias first, then a sub-span."""
    wanted = _tokens(name)
    for actor in actors:
        if any(_tokens(n) == wanted for n in actor.names()):
            return actor
    for actor in actors:
        if any(names_match(name, n) for n in actor.names()):
            return actor
    return None


# --- the rules ---------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """One grounding failure, phrased so the model can fix it."""

    field: str
    index: int
    message: str


def _actor_problem(actor: Actor, index: ArticleIndex) -> str | None:
    if any(index.mentions(n) for n in actor.names()):
        return None
    return f"actor {actor.name!r}: neither the name nor an alias occurs in the article"


def _quote_problem(quote: Quote, index: ArticleIndex, actors: list[Actor]) -> str | None:
    if not index.quoted(quote.text):
        where = "is in the article but not inside quotation marks"
        if not index.contains(_strip_marks(quote.text)):
            where = "is not in the article word for word"
        return f"the text {where}: {quote.text!r}"
    if find_actor(quote.speaker, actors) is None:
        return f"speaker {quote.speaker!r} is not one of the actors (add the actor or fix the name)"
    return None


def _tension_problem(tension: Tension, index: ArticleIndex, actors: list[Actor]) -> str | None:
    if len(tension.evidence.split()) < _MIN_EVIDENCE_WORDS:
        return f"evidence {tension.evidence!r} is too short to state the tension"
    if not index.contains(tension.evidence.strip(EDGE_PUNCT)):
        return f"evidence is not in the article word for word: {tension.evidence!r}"
    if not tension.parties:
        return "has no parties"
    missing = [p for p in tension.parties if find_actor(p, actors) is None]
    if missing:
        return f"parties {missing!r} are not among the actors"
    return None


def check(extraction: Extraction, article_text: str) -> list[Violation]:
    """Every grounding violation in ``extraction``, numbered from 1 as the model sees them."""
    index = index_article(article_text)
    found: list[Violation] = []
    for i, actor in enumerate(extraction.actors, 1):
        if problem := _actor_problem(actor, index):
            found.append(Violation("actors", i, problem))
    for i, quote in enumerate(extraction.quotes, 1):
        if problem := _quote_problem(quote, index, extraction.actors):
            found.append(Violation("quotes", i, f"quote {i} {problem}"))
    for i, tension in enumerate(extraction.tensions, 1):
        if problem := _tension_problem(tension, index, extraction.actors):
            found.append(Violation("tensions", i, f"tension {i} {problem}"))
    return found


def _prune_aliases(actor: Actor, index: ArticleIndex) -> Actor:
    """Drop aliases that do not occur in the article (a made-up alias is not evidence)."""
    kept = [a for a in actor.aliases if index.mentions(a) and normalize(a) != normalize(actor.name)]
    return actor.model_copy(update={"aliases": list(dict.fromkeys(kept))})


def ground(extraction: Extraction, article_text: str) -> tuple[Extraction, list[Rejection]]:
    """Keep only grounded items; return the cleaned extraction and what was dropped, and why.

    Actors are checked first, so a quote or tension that leans on a dropped actor
    is dropped too.
    """
    index = index_article(article_text)
    rejected: list[Rejection] = []
    actors: list[Actor] = []
    for actor in extraction.actors:
        if problem := _actor_problem(actor, index):
            rejected.append(Rejection(field="actors", item=actor.model_dump(), reason=problem))
        else:
            actors.append(_prune_aliases(actor, index))
    quotes: list[Quote] = []
    for quote in extraction.quotes:
        if problem := _quote_problem(quote, index, actors):
            rejected.append(Rejection(field="quotes", item=quote.model_dump(), reason=problem))
        else:
            quotes.append(quote)
    tensions: list[Tension] = []
    for tension in extraction.tensions:
        if problem := _tension_problem(tension, index, actors):
            rejected.append(Rejection(field="tensions", item=tension.model_dump(), reason=problem))
        else:
            tensions.append(tension)
    kept = extraction.model_copy(update={"actors": actors, "quotes": quotes, "tensions": tensions})
    return kept, rejected
