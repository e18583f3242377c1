"""Long articles: split on paragraph boundaries, extract each chunk, merge the results.

The size of a body is *estimated* as ``ceil(chars / 4)`` tokens: no tokenizer is
needed, and for English news it errs on the safe side (the Qwen2.5 tokenizer
averages ~4.9 characters per token on the dev suite, so 6,000 estimated tokens
are ~4,900 real ones). The budget (``max_article_tokens``) covers the article
body only; instructions, schema and output come on top of it.

Splitting: an article within the budget is one chunk (the request is the same as
without chunking). A longer one is cut into the fewest chunks that fit, of
balanced size, between paragraphs; only a single paragraph larger than the budget
is cut between sentences (and a sentence larger than that between words).

Merging is deterministic:

- actors are merged by the one actor-merge algorithm (`summarizer._actors`, each
  chunk a source, as multi-source notes merge articles): the same name or alias, or
  one name a full-token part of the other for actors of the same type ("Putin" ~
  "Vladimir Putin", but "Trump" is not "Trump administration", nor "Melania Trump"
  "Donald Trump"); the fuller name wins and the others become aliases;
- quote speakers and tension parties are renamed to the merged actor's name;
- quotes are deduplicated by text (after folding quote marks, case and edge
  punctuation). A quote contained in a longer one is kept: articles quote a phrase
  again after the full sentence ("... to reconsider its options." after "We call
  upon ... to reconsider its options in that regard"), and gold lists both;
- tensions are deduplicated when their evidence is the same span, or their
  parties are the same and their descriptions mostly share words;
- the summary is the first chunk's summary (news puts the lead first) plus
  sentences of later chunk summaries that are mostly new, trimmed to 90 words.
  No extra model call: it costs nothing and cannot fail; the price is a summary
  that leans on the opening of the article.

Grounding of the merged result is checked against the full article by the caller.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from summarizer._actors import group_actors
from summarizer._grounding import find_actor
from summarizer._schema import Actor, Extraction, Quote, Tension, Usage
from summarizer._text import CHARS_PER_TOKEN, name_tokens, normalize, split_sentences
from summarizer.input._cleaning import CleanArticle

SUMMARY_MAX_WORDS = 90
_SEP = "\n\n"
_WORD = re.compile(r"\w+")


# --- splitting ---------------------------------------------------------------


def split_article(article: CleanArticle, max_tokens: int) -> list[CleanArticle]:
    """``[article]`` if its body fits ``max_tokens``; else one article per chunk of paragraphs.

    Every chunk keeps the title, source and date, so each request reads like an article.
    """
    groups = split_paragraphs(article.paragraphs, max_tokens)
    if len(groups) == 1:
        return [article]
    return [article.model_copy(update={"paragraphs": group}) for group in groups]


def split_paragraphs(paragraphs: Sequence[str], max_tokens: int) -> list[list[str]]:
    """Group ``paragraphs`` into chunks of at most ``max_tokens`` (estimated), in order.

    Chunks are balanced: n = the fewest that fit, each near total / n.
    """
    limit = max_tokens * CHARS_PER_TOKEN
    if len(_SEP.join(paragraphs)) <= limit:
        return [list(paragraphs)]
    pieces = [piece for p in paragraphs for piece in _fit(p, limit)]
    total = len(_SEP.join(pieces))
    target = total / math.ceil(total / limit)
    chunks: list[list[str]] = [[]]
    size = 0
    for piece in pieces:
        grown = size + len(_SEP) + len(piece) if chunks[-1] else len(piece)
        if chunks[-1] and (grown > limit or size + len(piece) / 2 > target):
            chunks.append([])
            grown = len(piece)
        chunks[-1].append(piece)
        size = grown
    return chunks


def _fit(paragraph: str, limit: int) -> list[str]:
    """``paragraph``, or its sentences packed into pieces of at most ``limit`` characters."""
    if len(paragraph) <= limit:
        return [paragraph]
    units = [u for s in split_sentences(paragraph) for u in _hard_split(s, limit)]
    pieces = [units[0]]
    for unit in units[1:]:
        if len(pieces[-1]) + 1 + len(unit) <= limit:
            pieces[-1] += " " + unit
        else:
            pieces.append(unit)
    return pieces


def _hard_split(sentence: str, limit: int) -> list[str]:
    """A sentence longer than the budget, cut between words (or anywhere, for one long word)."""
    if len(sentence) <= limit:
        return [sentence]
    out = [""]
    for word in sentence.split():
        while len(word) > limit:
            out.extend([word[:limit], ""])
            word = word[limit:]
        if out[-1] and len(out[-1]) + 1 + len(word) > limit:
            out.append("")
        out[-1] = f"{out[-1]} {word}".strip()
    return [piece for piece in out if piece]


# --- merging -----------------------------------------------------------------


def merge_extractions(parts: Sequence[Extraction]) -> Extraction:
    """One extraction from the extractions of a long article's chunks, in chunk order."""
    if len(parts) == 1:
        return parts[0]
    actors, where = _merge_actors(parts)
    quotes: list[Quote] = []
    tensions: list[Tension] = []
    for part, slots in zip(parts, where, strict=True):

        def rename(name: str, part: Extraction = part, slots: list[int] = slots) -> str:
            own = find_actor(name, part.actors)
            return actors[slots[part.actors.index(own)]].name if own is not None else name

        for q in part.quotes:
            _add_quote(quotes, q.model_copy(update={"speaker": rename(q.speaker)}))
        for t in part.tensions:
            parties = list(dict.fromkeys(rename(p) for p in t.parties))
            _add_tension(tensions, t.model_copy(update={"parties": parties}))
    merged = {"summary": merge_summaries([p.summary for p in parts]), "actors": actors}
    merged |= {"quotes": quotes, "tensions": tensions}
    for name in type(parts[0]).model_fields.keys() - merged.keys():  # a field added later
        merged[name] = _merge_values([getattr(p, name) for p in parts])
    extraction = parts[0].model_copy(update=merged)
    extraction._salvage_rejected = [r for p in parts for r in p._salvage_rejected]
    return extraction


def _merge_values(values: list[Any]) -> Any:
    """A field merging has no rule for: lists joined without repeats, else the first value
    that is set. Nothing the chunks found is dropped."""
    if not all(isinstance(v, list) for v in values):
        return next((v for v in values if v), values[0])
    joined: list[Any] = []
    for item in (item for v in values for item in v):
        if item not in joined:
            joined.append(item)
    return joined


def _merge_actors(parts: Sequence[Extraction]) -> tuple[list[Actor], list[list[int]]]:
    """Merged actors (`summarizer._actors`, each chunk a source), and for each part the
    merged index of each of its actors."""
    groups, where = group_actors([part.actors for part in parts])
    actors = [
        group.members[0][1].model_copy(
            update={"name": group.name, "aliases": group.aliases, "role": group.role}
        )
        for group in groups
    ]
    return actors, where


def _quote_key(text: str) -> str:
    return normalize(text).strip(" \"'.,;:!?…").lower()


def _add_quote(quotes: list[Quote], quote: Quote) -> None:
    key = _quote_key(quote.text)
    if all(_quote_key(kept.text) != key for kept in quotes):
        quotes.append(quote)


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 1.0


def _add_tension(tensions: list[Tension], tension: Tension) -> None:
    evidence = _quote_key(tension.evidence)
    parties = {name_tokens(p) for p in tension.parties}
    for kept in tensions:
        if evidence and evidence == _quote_key(kept.evidence):
            return
        same_parties = parties == {name_tokens(p) for p in kept.parties}
        if same_parties and _overlap(tension.description, kept.description) >= 0.5:
            return
    tensions.append(tension)


def merge_summaries(summaries: Sequence[str], max_words: int = SUMMARY_MAX_WORDS) -> str:
    """The first summary, plus later sentences that are mostly new, within ``max_words``."""
    sentences = [s for s in split_sentences(summaries[0].strip()) if s]
    words = sum(len(s.split()) for s in sentences)
    if words > max_words:
        return " ".join(" ".join(sentences).split()[:max_words])
    for summary in summaries[1:]:
        for sentence in split_sentences(summary.strip()):
            size = len(sentence.split())
            if not size or words + size > max_words:
                continue
            if _novelty(sentence, " ".join(sentences)) >= 0.5:
                sentences.append(sentence)
                words += size
    return " ".join(sentences)


def _novelty(sentence: str, text: str) -> float:
    """Share of the sentence's content words (4+ letters) that ``text`` lacks."""
    content = {w for w in _WORD.findall(sentence.lower()) if len(w) > 3}
    if not content:
        return 0.0
    seen = set(_WORD.findall(text.lower()))
    return len(content - seen) / len(content)


def merge_parts(parts: Sequence[tuple[Extraction, Usage]]) -> tuple[Extraction, Usage]:
    """Merge the chunks' extractions and add up their usage."""
    usage = Usage()
    for _, used in parts:
        usage = usage.add(used)
    return merge_extractions([extraction for extraction, _ in parts]), usage
