"""The offline backend: deterministic rules, no network, no model.

Used when no API key and no model are configured. It fills the same `Extraction`
the LLM fills, and its output goes through the same grounding rules:

- summary: the lead, i.e. the first body sentences (at most three, ~90 words);
- actors, quotes and tensions: surface rules in the ``_offline_*`` modules
  (names with titles, quotation marks with speech verbs, cue words with the
  actors around them).

It favours precision: an item the rules cannot pin down is left out, not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizer._instructions import is_instruction
from summarizer._schema import Extraction
from summarizer._text import DOUBLE_MARKS, Paragraph, layout, strip_dateline
from summarizer.backends.offline._names import Registry
from summarizer.backends.offline._quotes import find_quotes
from summarizer.backends.offline._tensions import find_tensions
from summarizer.input._cleaning import CleanArticle

_MAX_SUMMARY_WORDS = 90
_MAX_SUMMARY_SENTENCES = 3
_MIN_BODY_WORDS = 8
_DEBRIS = re.compile(
    r"REUTERS/|\bFile Photo\b|^JUST WATCHED|^\(Reporting|^Slideshow|\bGetty Images\b|"
    r"\((?:AP|AFP|Reuters) Photo|\bPhoto(?:graph)?(?: by|:)|^Image (?:copyright|caption)|"
    r"^(?:Photo|Credit|Caption)\b|\b(?:Picture|Pictured|Image|Photo credit|Credit):\s|"
    r"\bShutterstock\b|\bvia AP\)",
    re.I,
)


def extract_offline(article: CleanArticle) -> Extraction:
    """Rule-based extraction of one cleaned article (deterministic, no network)."""
    paragraphs = layout(article.text)
    registry = Registry(paragraphs)
    quotes = find_quotes(paragraphs, registry)
    tensions = find_tensions(paragraphs, registry, article.title)
    actors = [entity.to_actor() for entity in registry.actors()]
    return Extraction(
        summary=lead_summary(article.paragraphs),
        actors=actors,
        tensions=tensions,
        quotes=quotes,
    )


def lead_summary(paragraphs: list[str], max_words: int = _MAX_SUMMARY_WORDS) -> str:
    """The first body sentences, whole, up to three of them and about ``max_words`` words.

    Sentences that open with a quotation mark are passed over: a lead quote rarely
    says who did what; so are sentences after the first that are mostly a quotation
    ('He added, "..."'). When even the first sentence is too long it is cut at a word.
    """
    chosen: list[str] = []
    words = 0
    for sentence, quoted in _body_sentences(paragraphs):
        if quoted and chosen:
            continue
        n = len(sentence.split())
        if chosen and words + n > max_words:
            break
        chosen.append(sentence)
        words += n
        if len(chosen) == _MAX_SUMMARY_SENTENCES:
            break
    if not chosen:
        return " ".join(" ".join(paragraphs).split()[:max_words])
    summary = " ".join(chosen)
    if words > max_words:
        summary = _cut(summary, max_words)
    return summary


def _cut(text: str, max_words: int) -> str:
    """``text`` cut to ``max_words`` words, but never inside a quotation: a cut that
    would fall between quotation marks falls before the opening one instead."""
    cut = " ".join(text.split()[:max_words])
    para = Paragraph(0, cut)
    end = len(cut)
    inside = [a for a, b in para.regions if b >= len(cut)]
    if inside and inside[0] > 0:
        end = inside[0] if cut[inside[0] - 1] != "'" else inside[0] - 1
    return cut[:end].rstrip(" ,;:—–-") + " …"


def _body_sentences(paragraphs: list[str]) -> Iterator[tuple[str, bool]]:
    """Sentences of body paragraphs, leaving out those inside or opening with a quotation;
    each with whether it is mostly a quotation."""
    for i, raw in enumerate(paragraphs):
        para = Paragraph(i, strip_dateline(raw.strip()))
        if not _is_body(para.text):
            continue
        for a, b in _whole_sentences(para):
            sentence = para.text[a:b].strip()
            if (
                sentence
                and sentence[0] not in DOUBLE_MARKS
                and not para.inside_quote(a)
                and not is_instruction(sentence)  # talks to the reader or an AI: not news
            ):
                yield sentence, _mostly_quoted(para, a, b)


def _whole_sentences(para: Paragraph) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentences of ``para``, a sentence that ends inside a quotation
    joined to the next ('She said: "It is unsafe. We close it."' is one), so a summary
    never stops between quotation marks."""
    start = 0
    for _, end in para.sentences():
        if end < len(para.text) and para.inside_quote(end):
            continue
        yield start, end
        start = end


def _mostly_quoted(para: Paragraph, start: int, end: int) -> bool:
    """A sentence that is mostly a quotation ('He added, "..."'): a speaker's words, not
    the news, which the sentences around it state."""
    quoted = sum(max(0, min(b, end) - max(a + 1, start)) for a, b in para.regions)
    return quoted > 0.5 * (end - start)


def _is_body(text: str) -> bool:
    """A paragraph of running prose, not a heading, caption, credit or widget."""
    return (
        len(text.split()) >= _MIN_BODY_WORDS
        and text.rstrip()[-1:] in '.!?"”’)'
        and not _DEBRIS.search(text)
        and not _headline(text)
    )


def _headline(text: str) -> bool:
    """A title line ("Obama Sees 'Personal Insult' if Blacks Don't Rally."): short, and
    nearly every longer word capitalised, as prose never is."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    if len(text.split()) > 25 or len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)
