"""Text layout for the offline backend: paragraphs, sentences and quoted regions.

Paragraphs are split exactly as `summarizer._grounding` splits them, and quoted
regions are paired by the same rules, so a span the rules read as "inside
quotation marks" is one grounding will accept as quoted. (Grounding pairs marks
on normalised text; these rules work on the original characters, so a quote keeps
the article's own quotation and apostrophe characters.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

DOUBLE_MARKS = frozenset('"“”„‟«»＂')  # every character grounding folds to '"'
# A double mark, or two ASCII apostrophes standing for one (a New York Times convention).
_MARK = re.compile(f"''|[{''.join(sorted(DOUBLE_MARKS))}]")
_APOSTROPHE = re.compile("['‘’‚‛′`＇]")  # every character grounding folds to "'"
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
