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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from summarizer._instructions import instruction_spans
from summarizer._schema import Actor, Extraction, Quote, Rejection, Tension, validation_context
from summarizer._text import (
    EDGE_PUNCT,
    fold_quotes,
    name_tokens,
    names_match,
    normalize,
    quote_regions,
    split_paragraphs,
    squeeze,
)

_MIN_EVIDENCE_WORDS = 3
# Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar) or with
# particles glued to names (Korean): a name there has no word boundary to look for.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def _strip_marks(span: str) -> str:
    """A quote's text without the quotation marks or white space around it."""
    return span.strip(" \t\n\"'")


@dataclass(frozen=True)
class _Paragraph:
    text: str
    regions: tuple[tuple[int, int], ...]  # (index of opening mark, index of closing mark)
    # sentences addressed to an AI or the reader (`_instructions`): not news
    instructions: tuple[tuple[int, int], ...] = ()

    def in_instruction(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b + 1 for a, b in self.instructions)

    # Computed once per paragraph: the index is cached per article, and the validator and
    # the final check ask for them once per actor, name and quote (docs/PERFORMANCE.md).
    @cached_property
    def news(self) -> str:
        """The text with its instruction sentences blanked out (offsets kept)."""
        return _blank(self.text, self.instructions)

    @cached_property
    def news_lower(self) -> str:
        return self.news.lower()

    @cached_property
    def narration_cased(self) -> str:
        """News text outside quotation marks, its case kept."""
        return _blank(self.news, tuple((max(a, 0), b + 1) for a, b in self.regions))

    @cached_property
    def narration(self) -> str:
        """Lower-cased news text outside quotation marks: where a speaker is *named*."""
        return self.narration_cased.lower()


def _blank(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * len(chars[a:b])
    return "".join(chars)


@dataclass(frozen=True)
class ArticleIndex:
    """The article, normalised once, with the spans that lie inside quotation marks."""

    paragraphs: tuple[_Paragraph, ...]
    joined: str
    joined_lower: str = field(repr=False)
    _mentioned: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _mentioned_in_news: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def contains(self, span: str) -> bool:
        """Whether ``span`` occurs verbatim (case-insensitively) anywhere in the article."""
        needle = normalize(span).lower()
        return bool(needle) and needle in self.joined_lower

    def quoted(self, span: str) -> bool:
        """Whether ``span`` occurs verbatim inside quotation marks in one paragraph."""
        return bool(self.quote_locations(span, news_only=False))

    def quote_locations(self, span: str, *, news_only: bool = True) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) of each place ``span`` lies inside quotation marks; with
        ``news_only``, not inside a sentence addressed to an AI or the reader."""
        needle = _strip_marks(normalize(span))
        if not any(ch.isalnum() for ch in needle):
            return []
        for candidate in dict.fromkeys([needle, needle.strip(EDGE_PUNCT)]):
            found = self._quoted_exact(candidate, news_only) if candidate else []
            if found:
                return found
        return []

    def _quoted_exact(self, needle: str, news_only: bool) -> list[tuple[int, int, int]]:
        # Case-insensitive, like `contains`: a partial quote the model starts with a
        # capital ("A betrayal ...") is the article's “a betrayal ...”. Searching again one
        # character past each match finds overlapping occurrences (a lookahead did the
        # same at three times the CPU); IGNORECASE matches character for character, so a
        # match is exactly len(needle) long and the regions' indices hold.
        pattern = re.compile(re.escape(needle), re.IGNORECASE)
        places = []
        for index, para in enumerate(self.paragraphs):
            for start in _starts(pattern, para.text):
                end = start + len(needle)
                if not any(a < start and end <= b for a, b in para.regions):
                    continue
                if not (news_only and para.in_instruction(start, end)):
                    places.append((index, start, end))
        return places

    def contains_in_news(self, span: str) -> bool:
        """Whether ``span`` occurs verbatim outside the sentences addressed to an AI."""
        needle = normalize(span).lower()
        return bool(needle) and any(needle in p.news_lower for p in self.paragraphs)

    def mentions_in_news(self, name: str) -> bool:
        """Whether ``name`` occurs as whole words outside the sentences addressed to an AI."""
        needle = normalize(name).lower()
        if not needle or not any(ch.isalnum() for ch in needle):
            return False
        found = self._mentioned_in_news.get(needle)
        if found is None:
            before = "" if _UNSPACED.match(needle[0]) else r"(?<!\w)"
            after = "" if _UNSPACED.match(needle[-1]) else r"(?!\w)"
            pattern = re.compile(before + re.escape(needle) + after)
            found = any(pattern.search(p.news_lower) for p in self.paragraphs)
            self._mentioned_in_news[needle] = found
        return found

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


def _starts(pattern: re.Pattern[str], text: str) -> Iterator[int]:
    """Where ``pattern`` matches in ``text``, overlapping matches included."""
    found = pattern.search(text)
    while found is not None:
        yield found.start()
        found = pattern.search(text, found.start() + 1)


@lru_cache(maxsize=64)
def index_article(text: str) -> ArticleIndex:
    """Build (and cache) the index of an article's body text."""
    marked = [squeeze(raw) for raw in split_paragraphs(text)]
    paragraphs = []
    for para, (double, single) in zip(marked, quote_regions(marked), strict=True):
        norm = fold_quotes(para)  # one character for one: offsets still hold
        regions = tuple(double + single)
        paragraphs.append(_Paragraph(norm, regions, instruction_spans(norm, regions)))
    joined = " ".join(p.text for p in paragraphs)
    return ArticleIndex(tuple(paragraphs), joined, joined.lower())


def is_verbatim(span: str, article_text: str) -> bool:
    """Whether ``span`` occurs in the article after normalisation."""
    return index_article(article_text).contains(span)


def quoted_verbatim(span: str, article_text: str) -> bool:
    """Whether ``span`` occurs in the article inside quotation marks."""
    return index_article(article_text).quoted(span)


# --- names -------------------------------------------------------------------


def find_actor(name: str, actors: list[Actor]) -> Actor | None:
    """The actor that ``name`` refers to: an exact name/alias first, then a sub-span."""
    wanted = name_tokens(name)
    for actor in actors:
        if any(name_tokens(n) == wanted for n in actor.names()):
            return actor
    for actor in actors:
        if any(names_match(name, n) for n in actor.names()):
            return actor
    return None


# --- attribution: the speaker is named (or referred to) near the quote -----------

_NAME_STOP = frozenset({"the", "and", "for", "von", "van", "der", "den", "bin", "ibn", "mrs"})
_SAID = (
    r"(?:said|says|told|tells|added|adds|wrote|writes|stated|states|tweeted|declared|insisted"
    r"|explained|warned|argued|asked|replied|continued|noted|recalled|urged|announced)"
)
# Person speakers must be named in the quote's paragraph or the one before, or be the
# nearest person named before the quote (a pronoun: "..., she said"). Chosen on the dev
# suite, where it keeps all 241 gold quotes (docs/SECURITY.md has the figures).
_PERSON_WINDOW = 1


@lru_cache(maxsize=4096)
def _name_words(names: tuple[str, ...]) -> frozenset[str]:
    """The words that name an actor: its name and aliases, short and function words out."""
    return frozenset(
        t
        for n in names
        for t in name_tokens(n)
        if (len(t) >= 3 or _UNSPACED.search(t)) and t not in _NAME_STOP
    )


@lru_cache(maxsize=4096)
def _own_words(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    """The words that name an actor in a sentence about it: its name's, and each alias's
    last word. An alias's other words are often a place or a title ("New Jersey Gov.
    Chris Christie"): "new" in "New Hampshire" does not name Christie."""
    return _name_words((name, *(a.split()[-1] for a in aliases if a.split())))


def _named(actor: Actor, narration: str, *, own: bool = False) -> bool:
    names = (actor.name, *actor.aliases)
    words = _own_words(actor.name, tuple(actor.aliases)) if own else _name_words(names)
    if words & _words(narration, own):
        return True
    # scripts written without spaces (Chinese...): a name is found inside a longer run
    return any(_UNSPACED.search(w) and w in narration for w in words)


def _words(narration: str, capitalised: bool) -> set[str]:
    """The words of a narration, lower-cased; with ``capitalised``, only those written with
    a capital (a case-kept narration: "bill" in "a transportation bill" names no Bill)."""
    found = re.findall(r"\w+", narration)
    return {w.lower() for w in found if w[0].isupper()} if capitalised else set(found)


def _nearest_named(
    index: ArticleIndex, paragraph: int, start: int, pool: list[Actor]
) -> list[Actor]:
    """The actors of ``pool`` named in the nearest stretch of narration before the quote,
    each by its own words (`_own_words`).

    Among the answer's actors only: a person the answer leaves out cannot be found (a
    limit, docs/SECURITY.md)."""
    for j in range(paragraph, -1, -1):
        narration = index.paragraphs[j].narration_cased
        if j == paragraph:
            narration = narration[:start]
        named = [a for a in pool if _named(a, narration, own=True)]
        if named:
            return named
    return []


def _attributed_to(text: str, start: int, end: int, actors: list[Actor]) -> list[Actor]:
    """Actors an explicit attribution right next to the quotation names:
    ``"...," Weiss told parliament`` or ``Weiss said: "..."``."""
    after = text[end : end + 80].lower()
    before = text[max(0, start - 80) : start].lower()
    found = []
    for actor in actors:
        for word in _name_words(tuple(actor.names())):
            w = re.escape(word)
            # "said Stern", "Weiss told", "Finance Minister Stern said"; not the object of a
            # verb ("she told the jury"): no speech verb or pronoun among the words between.
            follows = re.match(
                rf"^\W{{0,3}}(?:{_SAID}\s+)?(?:(?!(?:{_SAID}|he|she|they|it|we|i)\b)[\w.'-]+\s+)"
                rf"{{0,4}}?{w}\b",
                after,
            )
            if follows and re.search(_SAID, after[:60]):
                found.append(actor)
                break
            if re.search(rf"{w}\b[^\".]{{0,30}}{_SAID}[^\"]{{0,20}}\W{{0,3}}$", before):
                found.append(actor)
                break
    return found


def attribution_problem(
    name: str,
    speaker: Actor,
    locations: list[tuple[int, int, int]],
    index: ArticleIndex,
    actors: list[Actor],
) -> str | None:
    """Why the article does not back ``speaker`` as the one who said the quote, or ``None``.

    At one of the places the quotation stands, the speaker is named outside quotation
    marks in that paragraph; or no other actor is attributed right next to it and the
    speaker is named just before (person: in the paragraph before, or the nearest person
    named; organisation, country, group: anywhere before).
    """
    other: list[Actor] = []
    for paragraph, start, end in locations:
        if _named(speaker, index.paragraphs[paragraph].narration):
            return None
        elsewhere = [
            a
            for a in _attributed_to(index.paragraphs[paragraph].text, start, end, actors)
            if a is not speaker
        ]
        if elsewhere:
            other += elsewhere
            continue
        person = speaker.type == "person"
        pool = [a for a in actors if a.type == "person"] if person else actors
        if speaker in _nearest_named(index, paragraph, start, pool):
            return None
        window = _PERSON_WINDOW if person else paragraph
        if any(
            _named(speaker, index.paragraphs[j].narration)
            for j in range(paragraph - window, paragraph)
        ):
            return None
    if other:
        return f"the article attributes this quote to {other[0].name!r}, not {name!r}"
    return f"speaker {name!r} is not named near the quote (nor the nearest person named before it)"


# --- the rules ---------------------------------------------------------------


@dataclass(frozen=True)
class Violation:
    """One grounding failure, phrased so the model can fix it."""

    field: str
    index: int
    message: str


_NOT_NEWS = "a sentence addressed to an AI or the reader, not news"


def _actor_problem(actor: Actor, index: ArticleIndex) -> str | None:
    if not any(index.mentions(n) for n in actor.names()):
        return f"actor {actor.name!r}: neither the name nor an alias occurs in the article"
    if not any(index.mentions_in_news(n) for n in actor.names()):
        return f"actor {actor.name!r} is named only in {_NOT_NEWS}"
    return None


def _quote_problem(quote: Quote, index: ArticleIndex, actors: list[Actor]) -> str | None:
    if not index.quoted(quote.text):
        where = "is in the article but not inside quotation marks"
        if not index.contains(_strip_marks(quote.text)):
            where = "is not in the article word for word"
        return f"the text {where}: {quote.text!r}"
    locations = index.quote_locations(quote.text)
    if not locations:
        return f"the text lies only in {_NOT_NEWS}: {quote.text!r}"
    speaker = find_actor(quote.speaker, actors)
    if speaker is None:
        return f"speaker {quote.speaker!r} is not one of the actors (add the actor or fix the name)"
    return attribution_problem(quote.speaker, speaker, locations, index, actors)


def _tension_problem(tension: Tension, index: ArticleIndex, actors: list[Actor]) -> str | None:
    if len(tension.evidence.split()) < _MIN_EVIDENCE_WORDS:
        return f"evidence {tension.evidence!r} is too short to state the tension"
    if not index.contains(tension.evidence.strip(EDGE_PUNCT)):
        return f"evidence is not in the article word for word: {tension.evidence!r}"
    if not index.contains_in_news(tension.evidence.strip(EDGE_PUNCT)):
        return f"evidence lies only in {_NOT_NEWS}: {tension.evidence!r}"
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


@contextmanager
def grounding_context(article_text: str, *, enabled: bool = True) -> Iterator[None]:
    """Validate `Extraction` objects against ``article_text`` inside this block: each
    violation fails validation with a message the model can act on (a re-ask)."""
    with validation_context({"article": article_text, "grounding": enabled, "check": check}):
        yield
