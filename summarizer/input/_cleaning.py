"""Cleaning: scraped page text or HTML in, a `CleanArticle` out.

The rules are conservative on purpose. A line is dropped only when a specific
pattern says it is page furniture (navigation, share bars, photo captions,
sign-up prompts, image tags); anything unrecognised stays in the body,
because a lost paragraph can take a quote with it while a stray line costs a
few tokens. Every dropped line is kept in `CleanArticle.removed` so a rule that
misfires can be seen.

Order of the passes: repair mojibake ("PeÃ±a" reads "Peña": `repair_mojibake`), split into
paragraphs, drop debris (pulling out dates and credits on the way; a linked name's
related-headline pop-up inside a paragraph goes too), take the headline off the top,
collapse repeated paragraphs, strip the wire dateline from the first paragraphs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from pydantic import BaseModel, Field, computed_field

from summarizer._schema import ArticleMeta
from summarizer._text import WIRES, fold_quotes, match_dateline
from summarizer.input._encoding import repair_mojibake
from summarizer.input._html import HtmlExtract, extract_html, looks_like_html


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
        """Hex SHA-256 of `text`, to tie a briefing to the exact body it was made from."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def meta(self) -> ArticleMeta:
        """The metadata recorded with a briefing."""
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
    """Clean scraped text (or HTML, detected or forced with ``html=True``).

    Never raises on a ``str``: empty or whitespace-only input gives an article
    with no paragraphs, and the caller decides whether that is an error.
    """
    text = _normalise_input(raw)
    page: HtmlExtract | None = None
    if html or (html is None and looks_like_html(text)):
        page = extract_html(text)
        text = _normalise_input(page.text)
    draft = _Draft(paragraphs=_split_paragraphs(text, by_line=page is not None))
    if page is not None:
        draft.title, draft.published, draft.source = page.title, page.published, page.source
    _drop_debris(draft)
    _take_title(draft)
    _drop_repeats(draft)
    _take_dateline(draft)
    return draft.finish()


@dataclass
class _Draft:
    """The article while the passes work on it."""

    paragraphs: list[str]
    title: str | None = None
    source: str | None = None
    published: str | None = None
    dateline: str | None = None
    credits: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def finish(self) -> CleanArticle:
        return CleanArticle(
            title=self.title,
            source=self.source,
            published=self.published,
            dateline=self.dateline,
            credits="; ".join(self.credits) or None,
            paragraphs=self.paragraphs,
            removed=self.removed,
        )


# --- input and paragraphs ----------------------------------------------------

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0/C1 controls (tab and newline are whitespace, handled later), lone
# surrogates (they cannot be encoded, so hashing would fail) and zero-width marks.
_CONTROLS = re.compile(
    r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\u200b-\u200d\u2060\ufeff]"
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_MIN_WRAPPED_LINE, _MAX_WRAPPED_LINE = 40, 120


def _normalise_input(raw: str) -> str:
    # Mojibake first: its runs hold C1 characters that the other two passes would change.
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", repair_mojibake(raw)))


def _squash(line: str) -> str:
    return " ".join(line.split())


def _word_count(paragraph: str) -> int:
    """Words in a squashed paragraph (single spaces), without splitting it."""
    return paragraph.count(" ") + 1


def _split_paragraphs(text: str, *, by_line: bool = False) -> list[str]:
    """Blank lines separate paragraphs; without any, every line is one."""
    text = text.strip()
    if by_line or not _BLANK_LINE.search(text):
        return [p for p in map(_squash, text.split("\n")) if p]
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(text):
        lines = [p for p in map(_squash, block.split("\n")) if p]
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph wrapped at a fixed width, rather than separate short lines.

    Scraped pages put the date, menu and headline on consecutive lines with no
    blank between them; joining those would glue navigation to the body.
    """
    if len(lines) < 2:
        return False
    longest = max(len(line) for line in lines)
    if longest > _MAX_WRAPPED_LINE:
        return False
    return all(len(line) >= max(_MIN_WRAPPED_LINE, 0.6 * longest) for line in lines[:-1])


# --- debris ------------------------------------------------------------------

# Whole lines that are never prose, compared casefolded without end punctuation.
_FURNITURE = frozenset(
    {
        "more", "menu", "home", "search", "sign in", "log in", "subscribe", "back to top",
        "advertisement", "skip advertisement", "advertisement - scroll to continue",
        "ad feedback", "story continued below", "continue reading the main story",
        "related articles", "related coverage", "related content", "related stories",
        "related news", "related", "most popular", "most read", "trending", "trending now",
        "recommended", "recommended stories", "top stories", "editor's picks",
        "you may also like", "more from reuters", "read more", "read next",
        "what to read next", "read the story here", "read the full story here",
        "skip to main content", "skip to content", "site mobile navigation", "supported by",
        "our standards: the thomson reuters trust principles", "e-mail to a friend",
        "show comments", "hide caption", "toggle caption", "image", "photo", "video",
        "watch", "listen",
    }
)  # fmt: skip
_LONGEST_FURNITURE = max(map(len, _FURNITURE)) + 2


class _Rule(NamedTuple):
    """A debris pattern matched against the whole line.

    ``hint`` is a lowercase substring every match contains: a cheap test that
    spares the regex on most lines. ``max_words`` keeps a rule from eating a
    real paragraph that happens to match.
    """

    pattern: re.Pattern[str]
    hint: str
    max_words: int


def _rule(pattern: str, hint: str, max_words: int = 60, flags: int = 0) -> _Rule:
    return _Rule(re.compile(pattern, flags), hint, max_words)


# Sure debris: page furniture that never carries a quotation.
_FURNITURE_RULES = (
    _rule(r"tag\S*\.com\S*|\S*-VIEWIMAGE", "", 1),  # Reuters image placeholders
    _rule(r"Slideshow \(\d+ Images?\)", "slideshow", flags=re.I),
    _rule(r"(?:Enlarge this image|Image caption|Image copyright)\b.*", "image", 40),
    _rule(r".*\btoggle caption\b.*", "toggle caption", 40),
    _rule(r"Media playback is (?:unsupported|not supported) on your device\.?", "playback"),
    _rule(r"This article is more than (?:a|an|\d+) \w+ old", "more than", flags=re.I),
    _rule(r"Play Video \d+:\d+\b.*", "play video", 30),
    _rule(r"JUST WATCHED\b.*", "just watched", 60),
    _rule(r".*\bListen · \d+:\d+(?: \d+:\d+)?", "listen", 40),
    _rule(r"Sign up\b.*", "sign up", 40, re.I),
    _rule(r".*\bSign up here\.?", "sign up", 30, re.I),
    _rule(r".*\bBy signing up,? you agree\b.*", "signing up", 150, re.I),
    _rule(
        r"Subscribe (?:to|for|now|here|today)\b.*|Register (?:now|here|today|for free)\b.*",
        "", 25, re.I,
    ),
    _rule(r"(?:Copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4}).*", "", 40, re.I),
    _rule(r".*\bAll rights reserved\.?", "rights reserved", 30, re.I),
    _rule(r"Read or Share this story: \S+", "share this story"),
    _rule(
        r"Follow (?:us|@\w+|\S+ on (?:Twitter|X|Facebook|Instagram|Threads|Bluesky))\b.*",
        "follow", 20,
    ),
    _rule(r"Home\s*[>›»|/].*", "home", 12),  # breadcrumb trail
    # Wire service notes on a corrected or refiled story.
    _rule(
        r"\((?:This story|This version|Refiles|Corrects|Updates|Adds|Recasts|Repeats|Fixes)"
        r"\b[^()]*\)\.?",
        "(",
    ),
)  # fmt: skip
# Likely debris (captions, related-story links, calls to click): dropped only
# when the line has no quotation mark, because a quote may be the news itself.
_LINK_AND_CAPTION_RULES = (
    _rule(r"FILE PHOTO\b.*", "file photo", 80),
    _rule(
        r".*\b(?:REUTERS|Reuters)/[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:/File(?: Photo)?)?\.?",
        "reuters/", 80,
    ),
    _rule(r".*\(AP Photo(?:/[^()]*)?\)\.?", "(ap photo", 80),
    _rule(r".*\(Photo: [^()]+\)\.?", "(photo: ", 80),
    _rule(r".*\bPhotographer: [^.]+", "photographer: ", 60),
    _rule(r".*(?:/| via )Getty Images", "getty images", 60),
    _rule(r".*\bCredit:? ?[A-Z][\w.' -]*/[\w.' -]+", "credit", 80),  # NYT captions
    _rule(r"Read (?:more|next|also)\b.*", "read ", 25, re.I),
    _rule(r".*\bRead more", "read more", 30),
    _rule(r".*\bclick here\b.*", "click here", 30, re.I),
    _rule(
        r"(?:Related|More|Also|See also|Read also|Watch|Video|Opinion|Photos)\s*:.*",
        ":", 25, re.I,
    ),
)  # fmt: skip
_QUOTATION = re.compile(r"[\"“”‘«»]|(?<!\w)’|’(?!\w)")  # ’ between letters is an apostrophe

_SHARE_WORDS = frozenset(
    {
        "share", "shares", "tweet", "post", "email", "e-mail", "print", "facebook", "twitter",
        "x", "linkedin", "whatsapp", "reddit", "pinterest", "telegram", "copy", "link", "this",
        "article", "story", "listen", "to", "save", "comment", "comments", "on", "via",
    }
)  # fmt: skip
_MAX_SHARE_BAR_WORDS = 20
_DURATION = re.compile(r"\d{1,2}:\d{2}")
_TOKEN_EDGES = "\"'“”‘’.,:;!?()[]|·•-–—"


# A politician's name linked to a pop-up, scraped inline (The Hill): the name as the
# sentence writes it, the full legal name ("Robert (Bob) Phillips"), the surname again
# glued to the first of a few related headlines, and "MORE" after the last: "Sen. Bob
# Corker Robert (Bob) Phillips CorkerLindsey Graham basks in ... hearing MORE (R-Tenn.)".
# When a space parts the surname from the headline, the full name must open with the
# given name the sentence wrote ("Paul Ryan Paul Davis Ryan Retirees should ... MORE").
_POPUP_END = r"[^\n]{0,900}?\sMORE\b"
_NAME_POPUPS = (
    re.compile(
        r"\b(?P<name>(?P<surname>[A-Z][\w'’-]+))(?:\s+[A-Z(][\w.'’()-]*){0,6}?\s+(?P=surname)"
        rf"(?=[A-Z0-9'‘“\"]){_POPUP_END}"
    ),
    re.compile(
        r"\b(?P<name>(?P<given>[A-Z][\w'’-]+)\s+(?P<surname>[A-Z][\w'’-]+))\s+(?P=given)"
        rf"(?:\s+[A-Z(][\w.'’()-]*){{0,4}}?\s+(?P=surname)\s+(?=[A-Z0-9'‘“\"]){_POPUP_END}"
    ),
)


def strip_name_popups(paragraph: str, removed: list[str]) -> str:
    """The paragraph without its linked names' pop-up debris, which read as a run of
    names ("Bob Corker Robert", "CorkerLindsey Graham") and hid the person it follows;
    each pop-up is appended to ``removed``."""
    if "MORE" not in paragraph:
        return paragraph

    def keep_name(match: re.Match[str]) -> str:
        removed.append(match.group()[len(match["name"]) :].strip())
        return match["name"]

    for pattern in _NAME_POPUPS:
        paragraph = pattern.sub(keep_name, paragraph)
    return paragraph


def _drop_debris(draft: _Draft) -> None:
    """Drop furniture lines, moving dates and credits into the metadata on the way."""
    kept: list[str] = []
    for paragraph in draft.paragraphs:
        paragraph = _take_trailing_credit(draft, strip_name_popups(paragraph, draft.removed))
        if not paragraph:
            continue
        if (
            _take_date_line(draft, paragraph)
            or _take_credit_line(draft, paragraph)
            or _is_debris(paragraph)
        ):
            draft.removed.append(paragraph)
        else:
            kept.append(paragraph)
    draft.paragraphs = kept


def _is_debris(line: str) -> bool:
    if len(line) <= _LONGEST_FURNITURE and _furniture_key(line) in _FURNITURE:
        return True
    if _is_share_bar(line) or _is_separator(line) or _matches(line, _FURNITURE_RULES):
        return True
    return _QUOTATION.search(line) is None and _matches(line, _LINK_AND_CAPTION_RULES)


def _matches(line: str, rules: tuple[_Rule, ...]) -> bool:
    words, lowered = _word_count(line), line.lower()
    return any(
        words <= rule.max_words and rule.hint in lowered and rule.pattern.fullmatch(line)
        for rule in rules
    )


def _furniture_key(line: str) -> str:
    return fold_quotes(line).casefold().rstrip(" .:!").strip()


def _is_share_bar(line: str) -> bool:
    """'SHARE THIS ARTICLE Share Tweet Post Email' and its relatives, durations included."""
    lowered = line.lower()
    if _word_count(line) > _MAX_SHARE_BAR_WORDS or (
        "share" not in lowered and "tweet" not in lowered
    ):
        return False
    tokens = [t for t in (w.strip(_TOKEN_EDGES) for w in lowered.split()) if t]
    if not {"share", "tweet"} & set(tokens):
        return False
    return all(t in _SHARE_WORDS or _DURATION.fullmatch(t) for t in tokens)


def _is_separator(line: str) -> bool:
    """Rules such as '___' or '* * *': nothing to read and no quotation mark."""
    return not any(c.isalnum() for c in line) and _QUOTATION.search(line) is None


# --- credits -----------------------------------------------------------------

# Case-insensitive keywords, but the name after "by" must be capitalised, so
# that "Editing by committee is hard, he said." stays prose.
_CREDIT_BODY = (
    r"(?i:(?:additional |further )?(?:reporting|writing|editing|compiled|research|graphics"
    r"|production))\b[^()]*?\b(?i:by)\s+[A-Z][^()]*?"
)
_ASSISTANCE = r"(?:—|--|-)?\s*(?i:with assistance (?:by|from))\s+[A-Z][^()]*?"  # Bloomberg
_CREDIT_LINE = re.compile(rf"\(?\s*(?P<credit>{_CREDIT_BODY}|{_ASSISTANCE})\s*\)?\.?")
_TRAILING_CREDIT = re.compile(rf"\s*\((?P<credit>{_CREDIT_BODY})\)\.?$")
_MAX_CREDIT_WORDS = 60


def _take_credit_line(draft: _Draft, line: str) -> bool:
    """'(Reporting by X; editing by Y)' as a line of its own: a credit, not body."""
    match = _CREDIT_LINE.fullmatch(line)
    if match is None or _word_count(line) > _MAX_CREDIT_WORDS:
        return False
    draft.credits.append(match["credit"].strip(" -—"))
    return True


def _take_trailing_credit(draft: _Draft, paragraph: str) -> str:
    """A credit glued to the end of the last sentence: keep the sentence, take the credit."""
    if not paragraph.endswith((")", ").")):
        return paragraph
    match = _TRAILING_CREDIT.search(paragraph)
    if match is None or match.start() == 0:
        return paragraph
    draft.credits.append(match["credit"].strip())
    draft.removed.append(match.group(0).strip())
    return paragraph[: match.start()].rstrip()


# --- dates -------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_STAMP = r"(?:(?:Published|Updated|Posted|Last updated|First published)(?: on| at)?:?\s*)"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_TIME = r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d{2}"
_DATE_LINE = re.compile(
    rf"{_STAMP}?{_WEEKDAY}?"
    r"(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]{3,9})\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
    # what may follow the date on a stamp line: a time, a zone, 'Updated 2 hours ago'
    rf"(?:\s*(?:,|at|\||·|-)?\s*(?:{_TIME}).{{0,40}})?",
    re.I,
)
# A stamp with no year ('Updated Feb. 18 at 9 a.m. ET'): debris, but gives no date.
_YEARLESS_STAMP = re.compile(rf"{_STAMP}.{{0,50}}", re.I)
_YEARLESS_HINT = re.compile(rf"{_TIME}|\bago\b|\b(?:{'|'.join(_MONTHS)})\b\.?", re.I)
_MAX_STAMP_WORDS = 12


def _take_date_line(draft: _Draft, line: str) -> bool:
    """A line that is only a date (or a 'Published/Updated' stamp): record it, drop it."""
    if _word_count(line) > _MAX_STAMP_WORDS:
        return False
    match = _DATE_LINE.fullmatch(line)
    if match is None:
        return bool(_YEARLESS_STAMP.fullmatch(line) and _YEARLESS_HINT.search(line))
    iso = _iso_from_match(match)
    if iso is None:
        return False
    draft.published = draft.published or iso
    return True


def _iso_from_match(match: re.Match[str]) -> str | None:
    if match["iso"]:
        year, month, day = (int(part) for part in match["iso"].split("-"))
    else:
        month_name = (match["month"] or match["month2"]).casefold()
        if month_name not in _MONTHS:
            return None
        year, month = int(match["year"] or match["year2"]), _MONTHS[month_name]
        day = int(match["day"] or match["day2"])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- headline ----------------------------------------------------------------

_MAX_HEADER_LINES = 6
# Ends like a sentence: final punctuation, then perhaps closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…:;,][\"”’')\]]*$")
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?] [A-Z]")
_MAX_HEADLINE_WORDS = 25
_TYPOGRAPHIC = "‘’“”"
# Section names a breadcrumb trail glues in front of a headline ('HomeAsiaRussia's...').
_SECTIONS = (
    "Home", "World", "Asia Pacific", "Asia", "Europe", "Americas", "Africa", "Middle East",
    "United States", "US", "U.S.", "UK", "China", "India", "Japan", "Australia", "Business",
    "Markets", "Politics", "Technology", "Tech", "Legal", "Sports", "Sport", "Lifestyle",
    "Science", "Health", "Environment", "Climate", "Sustainability", "Energy", "Finance",
    "Economy", "Opinion", "Breakingviews", "Media", "Entertainment", "Autos", "Commodities",
    "News", "Investigations", "Aerospace & Defense", "Retail & Consumer", "Boards",
    "Policy & Regulation", "Ukraine and Russia War", "Israel and Hamas at War",
)  # fmt: skip
# One of them glued to a capital; the first in `_SECTIONS` order that fits, as a loop
# over the tuple would pick.
_SECTION_PREFIX = re.compile("(" + "|".join(map(re.escape, _SECTIONS)) + ")(?=[A-Z])")


def _take_title(draft: _Draft) -> None:
    """Take the headline off the top of the body into `title`.

    Only lines before the first sentence of prose are candidates, and a line
    leaves the body only on strong evidence: it repeats another header line
    (the seed prints the headline twice), it matches the page's metadata
    title, it sits right above the dateline, or it is the lone Title Case line
    above the body. Otherwise the top line stays in the body.
    """
    header = _header_lines(draft.paragraphs)
    chosen = _title_lines(header, draft.title, draft.paragraphs[len(header) :])
    if not chosen:
        return
    draft.title = draft.title or _best_title([header[i] for i in chosen])
    draft.removed.extend(draft.paragraphs[i] for i in chosen)
    draft.paragraphs = [p for i, p in enumerate(draft.paragraphs) if i not in chosen]


def _header_lines(paragraphs: list[str]) -> list[str]:
    header: list[str] = []
    for paragraph in paragraphs[:_MAX_HEADER_LINES]:
        if _is_prose(paragraph):
            break
        header.append(paragraph)
    return header


def _title_lines(header: list[str], known: str | None, body: list[str]) -> list[int]:
    for i, line in enumerate(header):
        repeats = [j for j in range(i + 1, len(header)) if _same_headline(line, header[j])]
        if repeats and _is_headline(_strip_breadcrumb(line)):
            return [i, *repeats]
    if known:
        matches = [i for i, line in enumerate(header) if _same_headline(line, known)]
        if matches:
            return matches
    if header and body and match_dateline(body[0]) and _is_headline(header[-1]):
        return [len(header) - 1]
    if len(header) == 1 and _is_headline(header[0]) and _is_title_case(header[0]):
        return [0]
    return []


def _best_title(lines: list[str]) -> str:
    """Prefer a line without breadcrumbs, then one with typographic quotes (as printed)."""
    variants = [_strip_breadcrumb(line) for line in lines]
    shortest = min(len(_headline_key(v)) for v in variants)
    return min(
        variants,
        key=lambda v: (len(_headline_key(v)) > shortest, not any(c in _TYPOGRAPHIC for c in v)),
    )


def _is_prose(paragraph: str) -> bool:
    words = _word_count(paragraph)
    ends_like_sentence = _SENTENCE_END.search(paragraph) is not None
    return words > 30 or ends_like_sentence or match_dateline(paragraph) is not None


def _is_headline(line: str) -> bool:
    """Short, no closing punctuation, one sentence, not a byline."""
    words = line.split()
    if not 3 <= len(words) <= _MAX_HEADLINE_WORDS or line.startswith(("(", "By ")):
        return False
    return _SENTENCE_END.search(line) is None and _INNER_SENTENCE_END.search(line) is None


def _is_title_case(line: str) -> bool:
    long_words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    capitalised = [w for w in long_words if w[0].isupper()]
    return len(long_words) >= 2 and len(capitalised) >= 0.8 * len(long_words)


def _same_headline(a: str, b: str) -> bool:
    """Equal once quotes, case and a breadcrumb glued in front are ignored."""
    key_a, key_b = _headline_key(_strip_breadcrumb(a)), _headline_key(_strip_breadcrumb(b))
    if key_a == key_b:
        return bool(key_a)
    short, long = sorted((key_a, key_b), key=len)
    # an unknown section name glued on, as in 'WorldRussia's Putin...'
    return len(short) >= 15 and long.endswith(short) and " " not in long[: -len(short)]


def _headline_key(line: str) -> str:
    return _squash(fold_quotes(line)).casefold().rstrip(" .")


def _strip_breadcrumb(line: str) -> str:
    """'HomeAsiaRussia's Putin...' -> "Russia's Putin...": section names glued to the title."""
    if not line.startswith("Home") or not _SECTION_PREFIX.match(line):
        return line
    rest = line[len("Home") :]
    while (section := _SECTION_PREFIX.match(rest)) is not None:
        rest = rest[section.end(1) :]
    return rest


# --- repeats -----------------------------------------------------------------


def _drop_repeats(draft: _Draft) -> None:
    """A paragraph printed twice in a row (captions often are) keeps its first copy."""
    kept: list[str] = []
    for paragraph in draft.paragraphs:
        if kept and _same_text(kept[-1], paragraph):
            draft.removed.append(paragraph)
        else:
            kept.append(paragraph)
    draft.paragraphs = kept


def _same_text(a: str, b: str) -> bool:
    return a == b or (len(a) == len(b) and _headline_key(a) == _headline_key(b))


# --- dateline ----------------------------------------------------------------

_DATELINE_SEARCH = 3


def _take_dateline(draft: _Draft) -> None:
    """Strip '[CITY] (Reuters) -' from the first body paragraph into `dateline` and `source`."""
    for index, paragraph in enumerate(draft.paragraphs[:_DATELINE_SEARCH]):
        match = match_dateline(paragraph)
        if match is None:
            continue
        city = (match["city"] or "").strip(" ,") or None
        wire = match.groupdict().get("wire")
        draft.dateline = city
        draft.source = WIRES[wire] if wire else draft.source
        rest = paragraph[match.end() :].strip()
        if rest:
            draft.paragraphs[index] = rest
        else:
            draft.removed.append(draft.paragraphs.pop(index))
        return
