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
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise

from rapidfuzz.distance import DamerauLevenshtein

# Every character read as a double or a single quotation mark; `normalize` folds each to
# the first of its row.
DOUBLE_QUOTES = '"“”„‟«»″＂'
SINGLE_QUOTES = "'‘’‚‛′`´＇"
_QUOTE_MAP = str.maketrans(
    {c: '"' for c in DOUBLE_QUOTES[1:]} | {c: "'" for c in SINGLE_QUOTES[1:]}
)
_WS = re.compile(r"\s+")
EDGE_PUNCT = " \t\n\"'.,;:!?…"  # a quote may end "." where the article has ","
CHARS_PER_TOKEN = 4  # the token estimate: English news runs ~4.9 characters per token

DOUBLE_MARKS = frozenset(DOUBLE_QUOTES)
# A double mark, or two ASCII apostrophes standing for one (a New York Times convention):
# the first character, then the second apostrophe after one (`re` scans for the first).
_MARK = re.compile(f"['{''.join(sorted(DOUBLE_MARKS))}](?:(?<=')'|(?<!'))")
_APOSTROPHE = re.compile(f"[{SINGLE_QUOTES}]")
_OPENERS = ' ([{"-—–/'
_CURLY = "“”„«»"
_CLOSERS = ".,;:!?)]}-—–/…'\"”’"
_END_PUNCT = ".,;:!?…"
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n|\n")
# A sentence ends at . ! or ? (plus closing marks), then space, then a capital, digit or opener.
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=(?:''|[\"“‘(\[])?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Adm|Amb|St|Jr|Sr|Prof|Rev|"
    r"Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Ft|Mt)"
    r"|(?:\b[A-Za-z]\.)*\b[A-Z])$"
)
_ABBREVIATION_CHARS = len("Sept") + 1  # its longest word, a newline after it (`_abbreviated`)

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


def double_quote_regions(para: str, *, continued: bool = False) -> list[Region]:
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

    With ``continued`` the paragraph starts inside a quotation the previous one left
    open (`quote_regions`): a first mark that closes ends it, as the region
    ``(-1, mark)``; a first mark that opens starts a new quotation (the newswire
    convention of reopening each paragraph).
    """
    regions: list[Region] = []
    # (index, opened by a straight mark); a carried quotation reads the next straight
    # mark by its neighbours, as a curly one does
    opened: list[tuple[int, bool]] = [(-1, False)] if continued else []
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
            if opened == [(-1, False)]:
                opened.clear()  # reopened: the carried quotation ended with its paragraph
            opened.append((j - 1, straight))
        elif opened:
            regions.append((opened.pop()[0], i))
    if opened:
        regions.append((opened[0][0], len(para)))
    regions.sort()
    return [r for r in regions if not any(o[0] < r[0] and r[1] <= o[1] for o in regions)]


def single_quote_regions(
    para: str, *, continued: bool = False, open_end: bool = False
) -> list[Region]:
    """British-style 'quotes', told apart from apostrophes by their neighbours.

    A mark left open is dropped (it may be an apostrophe: "'90s") unless ``open_end``
    says the next paragraph carries it on; then it runs to the end of the paragraph.
    With ``continued`` the paragraph starts inside such a quotation: a closing mark
    ends it as ``(-1, mark)``, an opening one starts a new quotation.
    """
    regions: list[Region] = []
    start: int | None = -1 if continued else None
    for m in _APOSTROPHE.finditer(para):
        i = m.start()
        prev = para[i - 1] if i else " "
        nxt = para[i + 1] if i + 1 < len(para) else " "
        opener = (prev in _OPENERS or prev in DOUBLE_MARKS or prev.isspace()) and not nxt.isspace()
        closer = not prev.isspace() and not nxt.isalnum()
        if opener and (start is None or (start == -1 and not closer)):
            start = i  # a new quotation, or the carried one reopened
        elif start == -1 and closer and prev not in _END_PUNCT:
            continue  # the players' union: a carried quotation closes after punctuation
        elif start is not None and closer:
            regions.append((start, i))
            start = None
    if start is not None and open_end:
        regions.append((start, len(para)))
    return regions


# Paragraphs without a quotation mark that a quotation may run through before it closes.
_MAX_CARRIED = 3


def quote_regions(paragraphs: Sequence[str]) -> list[tuple[list[Region], list[Region]]]:
    """Each paragraph's double-mark and single-mark regions, read across paragraphs.

    A quotation left open at the end of a paragraph runs on into the next one when
    that paragraph reopens it with a mark at its start (the newswire convention) or
    closes it without reopening; paragraphs without marks in between (at most
    `_MAX_CARRIED`) are quoted whole when a later one closes it. A carried region
    starts at -1, so ``para[open + 1 : close]`` is still its text. A double-mark
    quotation left open runs to the end of its paragraph whatever follows; a
    single-mark one only when the next paragraph carries it on (it may be an
    apostrophe).
    """
    doubles = _carried(paragraphs, lambda p, c: double_quote_regions(p, continued=c))
    singles = _carried(
        paragraphs, lambda p, c: single_quote_regions(p, continued=c, open_end=True), confirm=True
    )
    return list(zip(doubles, singles, strict=True))


def _carried(
    paragraphs: Sequence[str], scan: Callable[[str, bool], list[Region]], confirm: bool = False
) -> list[list[Region]]:
    """``scan`` of each paragraph, told whether it starts inside a carried quotation.

    ``confirm``: a region left open at a paragraph's end is kept only when the next
    paragraph carries it on."""
    out: list[list[Region]] = []
    last: int | None = None  # the paragraph whose quotation is left open
    waiting: list[int] = []  # paragraphs the carried quotation runs through, unclosed
    for k, para in enumerate(paragraphs):
        regions = scan(para, last is not None)
        through = regions == [(-1, len(para))]  # carried, neither closed nor reopened
        if last is not None:
            if through and len(waiting) < _MAX_CARRIED:
                out.append([])  # quoted whole only if a later paragraph closes it
                waiting.append(k)
                continue
            if regions and regions[0][0] == -1 and not through:  # closed, not reopened
                for w in waiting:
                    out[w] = [(-1, len(paragraphs[w]))]
            elif waiting or not (regions and regions[0][0] == 0):
                _drop_open(out, last, confirm)  # neither closed nor reopened at once
            waiting = []
        if through:
            regions = []
        out.append(regions)
        last = k if regions and regions[-1][1] == len(para) else None
    if last is not None:
        _drop_open(out, last, confirm)
    return out


def _drop_open(out: list[list[Region]], last: int, confirm: bool) -> None:
    """The region left open in paragraph ``last``, dropped if it needed confirming."""
    if confirm:
        out[last] = out[last][:-1]


def _abbreviated(before: str) -> bool:
    """Whether `_ABBREVIATION` matches in ``before`` (the text before a full stop). It
    matches at the end (``$``: or before a last newline): one of its words, or the capital
    its initials end in, which alone matches too. So it is searched from its longest word's
    length and one before the end, where it was tried at every character."""
    return _ABBREVIATION.search(before, max(0, len(before) - _ABBREVIATION_CHARS)) is not None


def sentence_starts(para: str) -> list[int]:
    """Offsets where sentences begin (always including 0)."""
    starts = [0]
    for m in _BOUNDARY.finditer(para):
        if m.group()[0] == "." and _abbreviated(para[max(0, m.start() - 16) : m.start()]):
            continue
        starts.append(m.end())
    return starts


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, not split at "Mr." or an initial ("George W. Bush")."""
    bounds = [*sentence_starts(text), len(text)]
    pieces = (text[a:b].strip() for a, b in pairwise(bounds))
    return [piece for piece in pieces if piece]


def paragraph_sentences(text: str) -> list[str]:
    """The sentences of every paragraph of ``text`` (a sentence never spans a line break)."""
    return [s for para in split_paragraphs(text) for s in split_sentences(para.strip())]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph with its quoted regions and sentence starts."""

    index: int
    text: str
    # (double-mark, single-mark) regions when `layout` read them across paragraphs
    quoted: tuple[list[Region], list[Region]] | None = field(default=None, compare=False)

    @cached_property
    def regions(self) -> list[Region]:
        """Double-mark regions: (opening mark, closing mark); -1 opens a carried quotation."""
        return self.quoted[0] if self.quoted else double_quote_regions(self.text)

    @cached_property
    def single_regions(self) -> list[Region]:
        """Single-mark regions, the same way."""
        return self.quoted[1] if self.quoted else single_quote_regions(self.text)

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
    paragraphs = split_paragraphs(text)
    return [
        Paragraph(i, p, q)
        for i, (p, q) in enumerate(zip(paragraphs, quote_regions(paragraphs), strict=True))
    ]


# Any character but an ASCII letter, digit or "_": every non-word character, and the few
# word characters outside ASCII. A scan for it is a scan for the non-word characters, the
# test of the character found (``(?<=\W)``) made after: `re` tests this class by a table,
# where "\W" asks the Unicode database at every character of the text.
NOT_ASCII_WORD = "[^0-9A-Z_a-z]"
# The characters besides an ASCII letter's two cases that ``re.I`` matches to one ("İ",
# "ı", "ſ", the Kelvin sign): a case-blind pattern of ASCII words matches a text whose
# lower case holds none of its words only where one of these is.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


class WordPattern:
    r"""``re.compile(r"\b(?:" + body + ")", flags)``, searched faster, for a ``body`` that
    matches only where a word character opens it (a list of words, "\b" after each).

    `re` tries a pattern that opens with ``\b`` at every character of the text. This one
    scans for a character before the body that may be a non-word character (`re` scans
    for them, about one in six, and tries the body only after each), and tries the text's
    start alone. The matches are the pattern's own, the same as
    ``pattern.search`` and ``pattern.finditer`` give: where the body opens with a word
    character, "\b" holds exactly where a non-word character or the text's start is
    before it."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self.pattern = re.compile(rf"\b(?:{body})", flags)
        # (`NOT_ASCII_WORD`: a letter such as "é" is no "\b" before a word: `search` tries on)
        self._after = re.compile(rf"(?-i:{NOT_ASCII_WORD})(?=(?:{body}))", flags)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``self.pattern.search(text, pos, endpos)``."""
        if pos <= 0 and (m := self.pattern.match(text, 0, endpos)) is not None:
            return m
        at = max(pos - 1, 0)  # the character before ``pos``, which "\b" there reads
        while (before := self._after.search(text, at, endpos)) is not None:
            if (m := self.pattern.match(text, before.end(), endpos)) is not None:
                return m
            at = before.end()  # a word character before it ("é"), or a body opening otherwise
        return None

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """``self.pattern.finditer(text, pos, endpos)`` (its matches are never empty)."""
        while (m := self.search(text, pos, endpos)) is not None:
            yield m
            pos = m.end()


# --- titles and names ------------------------------------------------------------


def wordset(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


# What someone is, not who, as printed in front of a name ("President Vladimir Putin",
# "Sen. Mitch McConnell", "Mr. Fox"). The one list: the offline rules find titled names
# with it (as printed, longest first); merging actors and the eval set titles aside with
# its words (`TITLE_WORDS`).
TITLES: tuple[str, ...] = (
    "Secretary of State", "Secretary of Defense", "Secretary of Homeland Security",
    "Attorney General", "Prime Minister", "Vice President", "Chief Justice", "Crown Prince",
    "Majority Leader", "Minority Leader", "Press Secretary", "Special Counsel",
    "President-elect", "President", "Minister", "Secretary", "Chancellor", "Senator", "Sen.",
    "Rep.", "Reps.", "Representative", "Congressman", "Congresswoman", "Gov.", "Governor",
    "Lt. Gov.", "Lt. Col.", "Lt. Gen.", "Maj. Gen.", "Mayor", "Speaker", "Ambassador",
    "Commissioner", "Director", "Chairman", "Chairwoman", "Chair", "Judge", "Justice", "Gen.",
    "General", "Admiral", "Secretary General", "Secretary-General", "Director General",
    "Director-General", "Envoy", "Special Envoy", "Adm.", "Col.", "Lt.", "Sgt.", "Capt.", "King",
    "Queen", "Prince", "Princess", "Pope", "Emir", "Sheikh", "Ayatollah", "Premier", "Leader",
    "Spokesman", "Spokeswoman", "Dr.", "Prof.", "Rev.", "Mr.", "Mrs.", "Ms.", "Whip",
    "Vice-President",
)  # fmt: skip
# Titles of a monarch or a royal ("King Mohammed", "Crown Prince Mohammed"): no one is
# called so and "Mr." or "Mrs." too, whatever name they share ("Mr Mohammed").
ROYAL_TITLES = frozenset({"King", "Queen", "Prince", "Princess", "Crown Prince", "Emir", "Sultan"})


def royal(name: str) -> bool:
    """Whether ``name`` is a royal title and a name ("King Mohammed", "Crown Prince
    Salman"; not "Prince", Matthew Prince's surname)."""
    words = name.split()
    n = 2 if " ".join(words[:2]) in ROYAL_TITLES else 1
    return len(words) > n and " ".join(words[:n]) in ROYAL_TITLES


# Titles the offline rules leave to other cues (honorifics, ranks spelled out, plurals):
# set aside in front of a name all the same.
MORE_TITLES: tuple[str, ...] = (
    "Miss", "Madam", "Sir", "Dame", "Lord", "Lady", "Reverend", "Amb.", "Captain", "Colonel",
    "Lieutenant", "Sergeant", "Commander", "Chairperson", "Spokesperson", "Supreme Leader",
    "Presidents", "Ministers", "Senators", "Attorney", "Maj.",
)  # fmt: skip
# Words that only qualify a title ("former", "Foreign" in "Foreign Minister").
TITLE_QUALIFIERS = wordset(
    "vice prime deputy chief former acting foreign defence defense interior finance state of supreme"
)
# The words set aside in front of a name: every title that stands alone as one word
# ("Secretary", not "Homeland" of "Secretary of Homeland Security"), and the qualifiers.
TITLE_WORDS = TITLE_QUALIFIERS | {
    t.lower().rstrip(".") for t in TITLES + MORE_TITLES if re.fullmatch(r"[A-Za-z]+\.?", t)
}
# The words that end a title phrase ("General" ends "Attorney General" but begins
# "General Motors").
TITLE_HEADS = TITLE_WORDS - TITLE_QUALIFIERS - {"general"}
# The compass points, which open places' names ("North Korea", "West Bank", "Western
# Australia"), and "Central", which opens regions' names as they do ("Central Asia"): a word
# of a place, never an actor's own.
COMPASS_POINTS = ("North", "South", "East", "West")
REGION_OPENERS = (*COMPASS_POINTS, "Central")
# Words too generic to name an actor by being part of a longer name.
GENERIC = wordset(
    """
    the a an of and for in on at to by
    house senate congress parliament government administration ministry department
    office agency committee council court party army military police forces force
    officials official people group union republic states state national federal
    white new democratic republican democrats republicans
    news media press
    """
) | {w.lower() for w in REGION_OPENERS}
_COUNTRY_FORMS = {
    ("us",): "united states",
    ("usa",): "united states",
    ("united", "states"): "united states",
    ("united", "states", "of", "america"): "united states",
    ("uk",): "united kingdom",
    ("britain",): "united kingdom",
    ("great", "britain"): "united kingdom",
    ("united", "kingdom"): "united kingdom",
}
COUNTRY_TOKENS = frozenset(t for form in _COUNTRY_FORMS.values() for t in form.split())
# The forms by their first word, longest first (`_unify_countries` tries them in turn).
_COUNTRY_FORMS_BY_FIRST = {
    first: sorted(
        ((form, canonical) for form, canonical in _COUNTRY_FORMS.items() if form[0] == first),
        key=lambda kv: -len(kv[0]),
    )
    for first in {form[0] for form in _COUNTRY_FORMS}
}
_DOTTED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\b\.?")
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?!\w)")


@lru_cache(maxsize=4096)  # the same few names are compared many times per article
def name_tokens(name: str) -> tuple[str, ...]:
    """A name as lower-case word tokens, quote marks and compatibility forms folded."""
    return tuple(re.findall(r"\w+", normalize(name).lower()))


def is_word_char(char: str) -> bool:
    """Whether ``char`` is what ``\\w`` matches in a ``re`` pattern on ``str``."""
    return char.isalnum() or char == "_"


def literal_spans(
    text: str, literal: str, not_before: str = "", not_after: str = ""
) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of ``literal`` in ``text`` with no word character
    (nor one of ``not_before``) right before it and none (nor one of ``not_after``) right
    after it: the spans ``re.finditer`` gives for ``(?<![\\w...])literal(?![\\w...])``,
    found with `str.find`, as a pattern per name would cost more to compile than to run."""
    i = text.find(literal)
    while i != -1:
        end = i + len(literal)
        found = (i == 0 or not (is_word_char(text[i - 1]) or text[i - 1] in not_before)) and (
            end == len(text) or not (is_word_char(text[end]) or text[end] in not_after)
        )
        if found:
            yield i, end
        i = text.find(literal, end if found and end > i else i + 1)


def sub_span(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` occurs as consecutive whole tokens inside ``long``."""
    n = len(short)
    return n > 0 and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def names_match(a: str, b: str) -> bool:
    """Alias-aware name match: equal, or one is a full-token sub-span of the other."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and (ta == tb or sub_span(ta, tb) or sub_span(tb, ta))


# The shortest word two spellings of which may be one name: shorter words one letter apart
# are other names ("Rush"/"Bush" aside, "Cohn" and "Cohen" are two people).
SPELLING_MIN_LETTERS = 4


def one_letter_apart(a: str, b: str) -> bool:
    """Whether two words of a name are one slip of the pen apart: a letter added, dropped
    or changed, or two swapped ("Skurka"/"Skura", "Jepps"/"Jepp", "Haberdasham"/
    "Haberdashem"), never in the first letter, each word at least `SPELLING_MIN_LETTERS`
    long. Case-sensitive: pass folded words (`name_key` tokens)."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < SPELLING_MIN_LETTERS:
        return False
    return DamerauLevenshtein.distance(a, b, score_cutoff=1) <= 1


def fold_accents(text: str) -> str:
    """``text`` normalised, accents dropped ("Peña" -> "Pena")."""
    text = normalize(text)
    if text.isascii():
        return text  # nothing to decompose (most names)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def name_key(name: str) -> tuple[str, ...]:
    """The form two spellings of one name share; ``()`` for no name.

    Accents, quote marks and case folded; possessives dropped; dotted abbreviations
    joined and country forms unified ("U.S." = "US" = "the United States"); a leading
    "the", a title phrase in front of the name ("Russian President", "Secretary of
    State") and middle initials dropped ("Donald J. Trump" = "Donald Trump").
    """
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), fold_accents(name))
    words = list(name_tokens(_POSSESSIVE.sub("", text).replace("_", " ")))
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(_drop_initials(drop_titles(_unify_countries(words))))


def _unify_countries(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        for form, canonical in _COUNTRY_FORMS_BY_FIRST.get(words[i], ()):
            if tuple(words[i : i + len(form)]) == form:
                out.extend(canonical.split())
                i += len(form)
                break
        else:
            out.append(words[i])
            i += 1
    return out


def drop_titles(words: list[str]) -> list[str]:
    """Lower-case ``words`` of a name without the title phrase in front: everything up to
    its last head word, when that phrase is all title (or nationality/country) words and
    a name follows. "russian president vladimir putin" -> "vladimir putin"."""
    last_head = -1
    for i, word in enumerate(words[:-1]):
        if word in TITLE_HEADS:
            last_head = i
        elif word not in TITLE_WORDS and i > last_head + 1 and last_head >= 0:
            break
    if last_head < 0:
        return words
    rest = words[last_head + 1 :]
    while len(rest) > 1 and rest[0] in TITLE_WORDS:  # "Secretary of State Mike Pompeo"
        rest = rest[1:]
    # "Supreme Court", "Justice Department": a title word before a generic one is no title.
    return rest if informative(rest) and rest[0] not in GENERIC else words


def _drop_initials(words: list[str]) -> list[str]:
    """Drop one-letter middle initials ("donald j trump" -> "donald trump")."""
    if len(words) < 3:
        return words
    return [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and len(w) == 1)]


def is_lone_title(key: Sequence[str]) -> bool:
    """Whether a name key is nothing but title words ("president", "prime minister")."""
    return bool(key) and all(w in TITLE_WORDS or w == "the" for w in key)


def informative(key: Sequence[str]) -> bool:
    """Whether a key has a token that can name someone inside a longer name."""
    return any(w not in GENERIC and w not in TITLE_WORDS and w not in COUNTRY_TOKENS for w in key)


def without_titles(name: str) -> tuple[str, ...]:
    """`name_tokens` of ``name`` with a leading "the" and a title phrase set aside."""
    words = list(name_tokens(name))
    while len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(drop_titles(words))


# --- datelines ---------------------------------------------------------------------
# One definition: cleaning takes the dateline off the first paragraphs (and keeps its
# city and wire); the offline rules read every paragraph without one.

WIRES = {
    "Reuters": "Reuters",
    "Reuters Breakingviews": "Reuters Breakingviews",
    "Thomson Reuters Foundation": "Thomson Reuters Foundation",
    "AP": "Associated Press",
    "The Associated Press": "Associated Press",
    "Associated Press": "Associated Press",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "CNN": "CNN",
    "CNN Business": "CNN",
    "CNNMoney": "CNN",
    "Bloomberg": "Bloomberg",
    "UPI": "UPI",
    "Xinhua": "Xinhua",
    "dpa": "dpa",
    "DPA": "dpa",
    "EFE": "EFE",
    "ANSA": "ANSA",
    "Kyodo": "Kyodo",
    "Yonhap": "Yonhap",
    "TASS": "TASS",
    "Interfax": "Interfax",
    "PTI": "PTI",
    "IANS": "IANS",
    "ANI": "ANI",
    "AAP": "AAP",
    "BBC": "BBC",
    "NPR": "NPR",
    "CNBC": "CNBC",
    "RFE/RL": "RFE/RL",
}
_CITY_WORD = r"[A-Z][\w.'’&-]*"
# A place ('NEW YORK', 'MCALLEN, Texas'); several joined by '/' ('MCALLEN, Texas/WASHINGTON').
_PLACE = rf"{_CITY_WORD}(?:[ /]+{_CITY_WORD}){{0,4}}(?:, {_CITY_WORD}(?: {_CITY_WORD})?)?"
_CITY = rf"{_PLACE}(?:/{_PLACE}){{0,2}}"
_DASH = r"(?:--|[-–—―])"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.? \d{1,2}"  # 'NEW YORK, Nov. 19 (UPI) —', 'Aug 27 (Reuters) -'
_WIRE_NAMES = "|".join(map(re.escape, WIRES))
_WIRE_DATELINE = re.compile(
    rf"(?:(?:(?P<city>{_CITY})(?:,\s*{_MONTH_DAY})?|{_MONTH_DAY}),?\s+)?"
    rf"\((?P<wire>{_WIRE_NAMES})\)\s*{_DASH}?\s*"
)
# 'WASHINGTON — ...' with no wire named: the city must be in capitals.
# Words of two or more capitals ('EL PASO', 'ST. LOUIS'), so 'U.S. — ...' is no city.
_CAPS_PLACE = (
    r"[A-Z][A-Z'’-]+\.?(?:[ /][A-Z][A-Z'’-]+\.?){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
)
_CAPS_CITY = rf"{_CAPS_PLACE}(?:/{_CAPS_PLACE}){{0,2}}"
_CITY_DATELINE = re.compile(rf"(?P<city>{_CAPS_CITY})\s+{_DASH}\s+(?=\S)")
_NOT_CITIES = frozenset(
    {"FILE", "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "CORRECTION", "VIDEO",
     "PHOTOS", "LIVE", "OPINION", "ANALYSIS", "EDITOR'S NOTE", "EDITOR’S NOTE", "NOTE",
     "AP FACT CHECK"}
)  # fmt: skip


def match_dateline(paragraph: str) -> re.Match[str] | None:
    """The wire dateline ``paragraph`` opens with ('MOSCOW (Reuters) -', 'WASHINGTON —'),
    with its ``city`` (and ``wire``, when one is named) groups, or ``None``."""
    match = _WIRE_DATELINE.match(paragraph) or _CITY_DATELINE.match(paragraph)
    if match is None or (match["city"] or "").upper() in _NOT_CITIES:
        return None
    return match


def strip_dateline(paragraph: str) -> str:
    """``paragraph`` without the wire dateline it opens with, if any."""
    match = match_dateline(paragraph)
    return paragraph[match.end() :] if match else paragraph
