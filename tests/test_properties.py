"""Properties of cleaning and of the grounding normaliser, over arbitrary text (hypothesis).

tests/test_cleaning.py already checks that cleaning never raises and leaves well-formed
paragraphs. Here: cleaning never *adds* words (grounding checks quotes against the cleaned
text, so an invented word there could ground an invented quote), the whole input path
raises nothing but `InputError`, and the grounding checks never raise and never call a
span verbatim (or quoted) when it is not. The oracles are written independently of the
implementation: on a small alphabet without special characters, "verbatim" is plain
substring search after collapsing white space, and "inside quotation marks" is counted
straight double quotes.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import InputError, Summarizer
from summarizer._grounding import check, ground, is_verbatim, normalize, quoted_verbatim
from summarizer._schema import Actor, Extraction, Quote, Tension
from summarizer.input._cleaning import _CONTROLS, clean_article
from summarizer.input._encoding import repair_mojibake

# scripts/mutation.py runs these once per mutant and asks for fewer examples there; the
# planted bugs and the fast suite run them in full.
FAST = settings(
    max_examples=int(os.environ.get("SUMMARIZER_PROPERTY_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Plain words, spaces, newlines and straight double quotes only: normalisation is then just
# white-space folding, so the oracles below need none of the implementation.
_PLAIN = st.text(alphabet='ab c\n"', max_size=60)
_SPAN = st.text(alphabet='ab c"', min_size=1, max_size=12)
_QUOTE_CHARS = "\"'“”„‟«»‘’‚‛′″`"
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("aA bB\n\t.,;:!?-")
        + list(_QUOTE_CHARS)
        + ["\u00a0", "\u2028", "\u200b", "\ufb01", "\u0301", "Ⅻ", "ﬀ", "\x00", "\ud800"]
    ),
    max_size=80,
)
_ANY_TEXT = st.text(max_size=200) | _TRICKY


def _fold(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return set(re.findall(r"\w+", folded))


# --- cleaning ----------------------------------------------------------------------------


@FAST
@given(raw=_ANY_TEXT | st.lists(_ANY_TEXT, max_size=6).map("\n\n".join))
def test_cleaning_never_adds_a_word(raw: str) -> None:
    """Every word left is a word of the input, once invisible characters are dropped
    (cleaning deletes control and zero-width characters: ``a\\x1bb`` reads ``ab``) or
    mojibake is repaired (the one rewrite of characters: ``PeÃ±a`` reads ``Peña``)."""
    article = clean_article(raw)
    kept = _words(article.text) | _words(article.title or "")
    repaired = repair_mojibake(raw)
    assert kept <= _words(raw) | _words(_CONTROLS.sub("", raw)) | _words(
        _CONTROLS.sub("", repaired)
    )


@FAST
@given(data=st.binary(max_size=400))
def test_any_bytes_through_the_input_path_raise_only_input_error(data: bytes) -> None:
    """What `brief` does with a file: decode with replacement, check, clean."""
    text = data.decode("utf-8", errors="replace")
    try:
        article = Summarizer(model="offline").prepare(text)
    except InputError:
        return
    assert article.paragraphs and article.text.strip()
    article.meta()  # hashing works: no lone surrogate survived


@FAST
@given(raw=st.text(max_size=300))
def test_any_text_through_the_input_path_raises_only_input_error(raw: str) -> None:
    with contextlib.suppress(InputError):
        Summarizer(model="offline").prepare(raw)


# --- the normaliser ----------------------------------------------------------------------


@FAST
@given(text=_ANY_TEXT)
def test_normalize_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once and "\n" not in once


@FAST
@given(text=_ANY_TEXT)
def test_normalize_maps_every_quote_character_to_a_straight_one(text: str) -> None:
    assert not set(normalize(text)) & set("“”„‟«»‘’‚‛′″`")


@FAST
@given(article=_ANY_TEXT, span=_ANY_TEXT)
def test_grounding_checks_never_raise_on_arbitrary_text(article: str, span: str) -> None:
    is_verbatim(span, article)
    quoted_verbatim(span, article)


# --- soundness: never "verbatim" when it is not ------------------------------------------


@FAST
@given(article=_PLAIN, span=_SPAN)
def test_verbatim_only_when_the_span_is_in_the_article(article: str, span: str) -> None:
    if is_verbatim(span, article):
        assert _fold(span).lower() in _fold(article).lower()


def _straight_pairs(paragraph: str, carried: bool) -> list[tuple[int, int]]:
    """Every region straight marks can make; ``carried``: the paragraph may start inside a
    quotation left open before it, which its first mark then closes (or it reopens)."""
    marks = [i for i, ch in enumerate(paragraph) if ch == '"']
    pairs: list[tuple[int, int]] = []
    for first in (0, 1) if carried and marks else (0,):
        rest = marks[first:]
        pairs += zip(rest[::2], rest[1::2], strict=False)
        if len(rest) % 2:  # a mark left open runs to the end of the paragraph
            pairs.append((rest[-1], len(paragraph)))
    if carried:
        pairs.append((-1, marks[0] if marks else len(paragraph)))
    return pairs


def _quoted_oracle(span: str, article: str) -> bool:
    needle = _fold(span).strip(' "')
    candidates = {needle, needle.strip(" \"'.,;:!?…")} - {""}
    carried = False  # a quotation left open may run on into the next paragraphs
    for paragraph in (_fold(p) for p in article.split("\n") if p.strip()):
        pairs = _straight_pairs(paragraph, carried)
        for candidate in candidates:
            for found in re.finditer(re.escape(candidate), paragraph):
                if any(a < found.start() and found.end() <= b for a, b in pairs):
                    return True
        marks = paragraph.count('"')
        carried = carried or bool(marks % 2)  # a superset: the rules may carry it on
    return False


@FAST
@given(article=_PLAIN, span=_SPAN)
def test_quoted_only_when_the_span_is_inside_quotation_marks(article: str, span: str) -> None:
    if quoted_verbatim(span, article):
        assert _quoted_oracle(span, article), (span, article)


@FAST
@given(
    before=st.text(alphabet="ab c", max_size=10),
    words=st.text(alphabet="abc ", min_size=1, max_size=20).filter(lambda s: s.strip()),
    after=st.text(alphabet="ab c.", max_size=10),
    marks=st.sampled_from([('"', '"'), ("“", "”"), ("«", "»"), ("„", "“")]),
)
def test_text_between_quotation_marks_is_found(
    before: str, words: str, after: str, marks: tuple[str, str]
) -> None:
    article = f"{before} {marks[0]}{words}{marks[1]} {after}"
    assert quoted_verbatim(words, article)


# --- ground(): what survives is grounded ---------------------------------------------------

_NAME = st.text(alphabet="abc ", min_size=1, max_size=8)


@st.composite
def _extractions(draw: st.DrawFn) -> Extraction:
    actors = draw(
        st.lists(
            st.builds(
                Actor,
                name=_NAME,
                type=st.just("person"),
                role=st.just("r"),
                aliases=st.lists(_NAME, max_size=2),
            ),
            max_size=3,
        )
    )
    names = [a.name for a in actors] or ["x"]
    quotes = draw(
        st.lists(st.builds(Quote, text=_SPAN, speaker=st.sampled_from(names)), max_size=3)
    )
    tensions = draw(
        st.lists(
            st.builds(
                Tension,
                parties=st.lists(st.sampled_from(names), max_size=2),
                description=st.just("d"),
                evidence=st.text(alphabet="ab c", max_size=20),
            ),
            max_size=2,
        )
    )
    return Extraction(summary="s", actors=actors, tensions=tensions, quotes=quotes)


@FAST
@given(article=_PLAIN, extraction=_extractions())
def test_ground_keeps_only_items_the_article_backs(article: str, extraction: Extraction) -> None:
    kept, rejected = ground(extraction, article)
    assert len(kept.actors) + len(kept.quotes) + len(kept.tensions) + len(rejected) == (
        len(extraction.actors) + len(extraction.quotes) + len(extraction.tensions)
    )
    text = _fold(article).lower()
    for actor in kept.actors:
        assert any(_fold(n).lower() in text for n in actor.names())
    for quote in kept.quotes:
        assert _quoted_oracle(quote.text, article)
    for tension in kept.tensions:
        assert _fold(tension.evidence).strip(" \"'.,;:!?…").lower() in text
    assert check(kept, article) == []  # what salvage keeps passes the validator too
