"""Text helpers the metrics and the gold checker share: tokens, overlap, name matching.

Verbatim checks are not here: they come from `summarizer._grounding`, so the eval
judges "in the article" exactly as the summariser's own grounding does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from summarizer._text import normalize, sub_span

_WORD = re.compile(r"[^\W_]+")
_QUOTE_MARKS = " \t\n\"'"

# Containment only counts as a match when the contained text is long enough to
# carry meaning: a one-word "fragment" of a long quote is not that quote.
_MIN_CONTAINED_TOKENS = 3


def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens: quote characters folded, punctuation dropped."""
    return tuple(_WORD.findall(normalize(text).lower()))


def strip_quote_marks(text: str) -> str:
    """A span without the quotation marks or white space around it."""
    return normalize(text).strip(_QUOTE_MARKS)


def is_sub_span(short: Sequence[str], long: Sequence[str]) -> bool:
    """Whether ``short`` occurs as a contiguous run of whole tokens in ``long`` (the text
    core's `sub_span`)."""
    return sub_span(tuple(short), tuple(long))


def token_f1(a: Sequence[str], b: Sequence[str]) -> float:
    """Bag-of-tokens F1 between two token sequences (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def span_similarity(a: str, b: str) -> float:
    """How strongly two spans overlap: 1.0 when one contains the other, else token F1.

    Containment needs the contained span to have at least three tokens (or to be
    the whole of the other span), so "the" is not a match for a long quote.
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 0.0
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) >= min(_MIN_CONTAINED_TOKENS, len(long)) and is_sub_span(short, long):
        return 1.0
    return token_f1(ta, tb)


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> tuple[str, ...]:
    found = tokens(name)
    # "the Kremlin" and "Kremlin" are the same name.
    return found[1:] if len(found) > 1 and found[0] == "the" else found


def name_score(predicted: str, gold: str) -> float:
    """How well a predicted name matches a gold name (ANNOTATION.md, "How a prediction is matched").

    1.0 when equal (case-insensitive, quote characters folded, a leading "the"
    ignored); the share of the gold name's tokens covered when the predicted name
    is a full-token sub-span of the gold name ("Putin" ~ "Vladimir Putin" = 0.5);
    0.0 otherwise. The direction is deliberate: a prediction may shorten the
    gold name, not extend it.
    """
    p, g = _name_tokens(predicted), _name_tokens(gold)
    if not p or not g:
        return 0.0
    if p == g:
        return 1.0
    return len(p) / len(g) if is_sub_span(p, g) else 0.0


def names_score(predicted: Iterable[str], gold: Iterable[str]) -> float:
    """Best `name_score` over every predicted name/alias against every gold name/alias."""
    gold_names = list(gold)
    return max((name_score(p, g) for p in predicted for g in gold_names), default=0.0)


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same after normalisation (no sub-span)."""
    return bool(_name_tokens(a)) and _name_tokens(a) == _name_tokens(b)


def mentions(text_tokens: Sequence[str], phrase: str) -> bool:
    """Whether ``phrase`` occurs as whole tokens in an already tokenised text."""
    return is_sub_span(tokens(phrase), text_tokens)


def coverage(predicted: str, gold: str) -> tuple[float, float]:
    """How much of each span the other covers: ``(share of gold, share of prediction)``.

    Shares of word tokens in common, in order (difflib's matching blocks over the
    token sequences), as the SFU Gender Gap Tracker evaluation measures a quote's
    coverage, but both ways: a paragraph that contains a gold quote covers all of
    the quote and little of itself.
    """
    tp, tg = tokens(predicted), tokens(gold)
    if not tp or not tg:
        return 0.0, 0.0
    common = _common_tokens(tp, tg)
    return common / len(tg), common / len(tp)


def _common_tokens(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def overlap_both_ways(predicted: str, gold: str) -> float:
    """The smaller of the two `coverage` shares: a match must cover, and not overshoot."""
    return min(coverage(predicted, gold))
