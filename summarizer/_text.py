"""The text core: quotation marks and their folding, quoted regions, paragraphs and
sentences with offsets, name tokens and sub-span matching, the token estimate.

One definition each, imported by grounding, the offline backend, chunking, multi-source
merging and the eval. Grounding pairs marks on normalised text; the offline rules work
on the original characters (a quote keeps the article's own marks), with the same
pairing rules, so a span the rules read as "inside quotation marks" is one grounding
accepts as quoted.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise

# Every character read as a double or a single quotation mark; `normalize` folds each to
# the first of its row.
DOUBLE_QUOTES = '"“”„‟«»″＂'
SINGLE_QUOTES = "'‘’‚‛′`＇"
_QUOTE_MAP = str.maketrans(
    {c: '"' for c in DOUBLE_QUOTES[1:]} | {c: "'" for c in SINGLE_QUOTES[1:]}
)
_WS = re.compile(r"\s+")
EDGE_PUNCT = " \t\n\"'.,;:!?…"  # a quote may end "." where the article has ","
CHARS_PER_TOKEN = 4  # the token estimate: English news runs ~4.9 characters per token

DOUBLE_MARKS = frozenset(DOUBLE_QUOTES)
# A double mark, or two ASCII apostrophes standing for one (a New York Times convention).
_MARK = re.compile(f"''|[{''.join(sorted(DOUBLE_MARKS))}]")
_APOSTROPHE = re.compile(f"[{SINGLE_QUOTES}]")
_OPENERS = ' ([{"-—–/'
_CURLY = "“”„«»"
_CLOSERS = ".,;:!?)]}-—–/…'\"”’"
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n|\n")
# A sentence ends at . ! or ? (plus closing marks), then space, then a capital, digit or opener.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=(?:''|[\"“‘(\[])?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|St|Jr|Sr|Prof|Rev|Inc|"
    r"Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ft|Mt)|(?:\b[A-Za-z]\.)*\b[A-Z])$"
)

Region = tuple[int, int]


def normalize(text: str) -> str:
    """Fold Unicode compatibility forms and quote characters; collapse white space."""
    return fold_quotes(squeeze(text))


def squeeze(text: str) -> str:
    """Unicode compatibility forms folded (NFKC), white space collapsed; marks kept."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def fold_quotes(text: str) -> str:
    """Every quotation mark as ``"`` or ``'``, one character for one (offsets hold)."""
    return text.translate(_QUOTE_MAP)


def estimate_tokens(text: str) -> int:
    """Estimated tokens of ``text``: characters / `CHARS_PER_TOKEN`, rounded up."""
    return math.ceil(len(text) / CHARS_PER_TOKEN)


def split_paragraphs(text: str) -> list[str]:
    """The article's paragraphs, split as grounding splits them."""
    return [p for p in _PARAGRAPH_SPLIT.split(text) if p.strip()]


def double_quote_regions(para: str) -> list[Region]:
    """(opening mark, closing mark) pairs, outermost only, in order.

    Every mark is read as opening or closing: curly marks by the way they face,
    unless their neighbours plainly say otherwise (a ``”`` at the start of a
    paragraph opens); straight marks, and the two apostrophes some newspapers use
    (``''Hello,'' he said``), alternate and never nest in one another, but inside a
    curly quotation they are read by their neighbours. So a
    quotation opened with a curly mark and closed with a straight one (or the
    reverse) pairs up, curly quotations nest, and a mark left open runs to the
    end of the paragraph (newswire style for a quotation that continues in the
    next paragraph). For a two-character mark the region's ends are the
    characters next to the quoted text, so ``para[open + 1 : close]`` is the text.
    """
    regions: list[Region] = []
    opened: list[tuple[int, bool]] = []  # (index, opened by a straight mark)
    for m in _MARK.finditer(para):
        i, j, ch = m.start(), m.end(), m.group()
        prev = para[i - 1] if i else " "
        nxt = para[j] if j < len(para) else " "
        can_open = (prev.isspace() or prev in _OPENERS) and not nxt.isspace()
        can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSERS)
        straight = ch not in _CURLY
        if not straight:
            opening = can_open and not can_close if ch in "”»" else not can_close or can_open
        elif not opened:
            opening = True  # straight marks alternate ...
        elif opened[-1][1]:
            opening = False  # ... and never nest in one another
        else:
            opening = can_open and not can_close  # inside a curly quotation: by neighbours
        if opening:
            opened.append((j - 1, straight))
        elif opened:
            regions.append((opened.pop()[0], i))
    if opened:
        regions.append((opened[0][0], len(para)))
    regions.sort()
    return [r for r in regions if not any(o[0] < r[0] and r[1] <= o[1] for o in regions)]


def single_quote_regions(para: str) -> list[Region]:
    """British-style 'quotes', told apart from apostrophes by their neighbours."""
    regions: list[Region] = []
    start: int | None = None
    for m in _APOSTROPHE.finditer(para):
        i = m.start()
        prev = para[i - 1] if i else " "
        nxt = para[i + 1] if i + 1 < len(para) else " "
        opener = prev in _OPENERS or prev in DOUBLE_MARKS or prev.isspace()
        if start is None and opener and not nxt.isspace():
            start = i
        elif start is not None and not prev.isspace() and not nxt.isalnum():
            regions.append((start, i))
            start = None
    return regions


def sentence_starts(para: str) -> list[int]:
    """Offsets where sentences begin (always including 0)."""
    starts = [0]
    for m in _BOUNDARY.finditer(para):
        if m.group()[0] == "." and _ABBREVIATION.search(para[max(0, m.start() - 16) : m.start()]):
            continue
        starts.append(m.end())
    return starts


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, not split at "Mr." or an initial ("George W. Bush")."""
    bounds = [*sentence_starts(text), len(text)]
    pieces = (text[a:b].strip() for a, b in pairwise(bounds))
    return [piece for piece in pieces if piece]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph with its quoted regions and sentence starts."""

    index: int
    text: str

    @cached_property
    def regions(self) -> list[Region]:
        return double_quote_regions(self.text)

    @cached_property
    def starts(self) -> list[int]:
        return sentence_starts(self.text)

    def inside_quote(self, pos: int) -> bool:
        """Whether offset ``pos`` lies between a pair of double quotation marks."""
        return any(a < pos < b for a, b in self.regions)

    def sentence_span(self, pos: int) -> Region:
        """(start, end) of the sentence holding offset ``pos``."""
        start, end = 0, len(self.text)
        for s in self.starts:
            if s <= pos:
                start = s
            else:
                end = s
                break
        return start, end

    def sentences(self) -> list[Region]:
        """(start, end) of every sentence, in order."""
        bounds = [*self.starts, len(self.text)]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def layout(text: str) -> list[Paragraph]:
    """Paragraphs of the article body, in order."""
    return [Paragraph(i, p) for i, p in enumerate(split_paragraphs(text))]


# --- names -------------------------------------------------------------------


@lru_cache(maxsize=4096)  # the same few names are compared many times per article
def name_tokens(name: str) -> tuple[str, ...]:
    """A name as lower-case word tokens, quote marks and compatibility forms folded."""
    return tuple(re.findall(r"\w+", normalize(name).lower()))


def sub_span(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` occurs as consecutive whole tokens inside ``long``."""
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def names_match(a: str, b: str) -> bool:
    """Alias-aware name match: equal, or one is a full-token sub-span of the other."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and (ta == tb or sub_span(ta, tb) or sub_span(tb, ta))
