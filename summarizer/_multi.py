"""Several articles on one event merged into one briefing note (`EventNote`).

Each article is summarised and grounded on its own; merging never moves an item
from one source to another:

- **actors** are merged across sources by the one actor-merge algorithm
  (`summarizer._actors`, also used for a long article's chunks) when their names match
  alias-aware ("Putin" and "Vladimir Putin", "Mr. Steele" and "Chairman Michael
  Steele"): an exact name or alias first, then a whole-token sub-span (leading titles
  set aside) of the same actor type; a short name that fits two different actors
  ("Obama" for Barack and Michelle) is left unmerged rather than guessed. Two actors of
  one source are never merged with each other. Each keeps its role per source.
- **tensions and quotes** stay with the source they came from, and are checked again
  against that source's article text (a quote must still be there, in quotation marks).
- the **joint summary** is composed without another model call: the lead (first)
  source's summary, then the sentences of the other summaries that add something new,
  trimmed to `JOINT_SUMMARY_WORDS`.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from summarizer._actors import group_actors
from summarizer._errors import SummarizerError
from summarizer._grounding import find_actor, is_verbatim, quoted_verbatim
from summarizer._schema import (
    Actor,
    Briefing,
    EventNote,
    MergedActor,
    Rejection,
    SourcedQuote,
    SourcedRejection,
    SourcedTension,
    SourceInfo,
)
from summarizer._summarizer import Summarizer
from summarizer._text import split_sentences
from summarizer.input._cleaning import CleanArticle
from summarizer.input._read import Article

JOINT_SUMMARY_WORDS = 130
_NEW_WORDS_SHARE = 0.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


@dataclass(frozen=True)
class SourcedBriefing:
    """A briefing with the cleaned article it was grounded against and where it came from."""

    article: Article
    clean: CleanArticle
    briefing: Briefing


# --- actors ------------------------------------------------------------------------------


def merge_actors(
    items: list[tuple[str, list[Actor]]],
) -> tuple[list[MergedActor], dict[tuple[str, str], str]]:
    """Merged actors (`summarizer._actors`, each article a source), most sources first, and
    a map (source key, actor name in that source) -> merged name."""
    groups, where = group_actors([actors for _, actors in items])
    merged = [
        MergedActor(
            name=g.name,
            type=g.type,
            aliases=g.aliases,
            roles={items[source][0]: actor.role for source, actor in g.members},
        )
        for g in groups
    ]
    names = {
        (key, actor.name): merged[slot].name
        for (key, actors), slots in zip(items, where, strict=True)
        for actor, slot in zip(actors, slots, strict=True)
    }
    ranked = sorted(merged, key=lambda a: -len(a.roles))  # stable: most sources first
    return ranked, names


def _merged_name(
    name: str, source: str, actors: list[Actor], names: dict[tuple[str, str], str]
) -> str:
    actor = find_actor(name, actors)
    return names.get((source, actor.name), name) if actor else name


# --- quotes and tensions -----------------------------------------------------------------


def _sourced_items(
    key: str, item: SourcedBriefing, names: dict[tuple[str, str], str]
) -> tuple[list[SourcedQuote], list[SourcedTension], list[SourcedRejection]]:
    """Quotes and tensions of one source, re-checked against that source's own article."""
    briefing, text, actors = item.briefing, item.clean.text, item.briefing.actors
    check = briefing.grounding
    quotes, tensions, dropped = [], [], []
    for q in briefing.quotes:
        if check and not quoted_verbatim(q.text, text):
            dropped.append(_dropped(key, "quotes", q.model_dump(), "quote not in its source"))
            continue
        speaker = _merged_name(q.speaker, key, actors, names)
        quotes.append(SourcedQuote(source=key, speaker=speaker, text=q.text))
    for t in briefing.tensions:
        if check and not is_verbatim(t.evidence.strip(" .,;:\"'"), text):
            dropped.append(_dropped(key, "tensions", t.model_dump(), "evidence not in its source"))
            continue
        parties = [_merged_name(p, key, actors, names) for p in t.parties]
        tensions.append(
            SourcedTension(
                source=key, parties=parties, description=t.description, evidence=t.evidence
            )
        )
    return quotes, tensions, dropped


def _dropped(source: str, kind: str, item: dict[str, object], reason: str) -> SourcedRejection:
    rejection = Rejection(field=kind, item=item, reason=reason)  # type: ignore[arg-type]
    return SourcedRejection(source=source, rejection=rejection)


# --- summary -----------------------------------------------------------------------------


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def joint_summary(summaries: list[str], limit: int = JOINT_SUMMARY_WORDS) -> str:
    """The lead summary, then sentences of the others that are mostly new, within ``limit`` words."""
    if not summaries:
        return ""
    chosen = split_sentences(summaries[0])
    seen = _content_words(summaries[0])
    words = sum(len(s.split()) for s in chosen)
    for other in summaries[1:]:
        for sentence in split_sentences(other):
            new = _content_words(sentence)
            fresh = len(new - seen) / len(new) if new else 0.0
            if fresh < _NEW_WORDS_SHARE or words + len(sentence.split()) > limit:
                continue
            chosen.append(sentence)
            seen |= new
            words += len(sentence.split())
    return " ".join(chosen)


# --- the note ----------------------------------------------------------------------------


def _source_info(key: str, item: SourcedBriefing) -> SourceInfo:
    meta = item.briefing.article
    return SourceInfo(
        key=key,
        label=meta.source or item.article.label,
        location=item.article.name,
        title=meta.title,
        outlet=meta.source,
        published=meta.published,
        words=meta.words,
        text_sha256=meta.text_sha256,
    )


def merge(items: list[SourcedBriefing]) -> EventNote:
    """One note of the event the ``items`` report; the first item is the lead source."""
    keys = [str(i) for i in range(1, len(items) + 1)]
    actors, names = merge_actors(
        [(k, it.briefing.actors) for k, it in zip(keys, items, strict=True)]
    )
    note = EventNote(
        title=next((it.briefing.article.title for it in items if it.briefing.article.title), None)
        or "Briefing note",
        summary=joint_summary([it.briefing.summary for it in items]),
        actors=actors,
        sources=[_source_info(k, it) for k, it in zip(keys, items, strict=True)],
        briefings=[it.briefing for it in items],
    )
    for key, item in zip(keys, items, strict=True):
        quotes, tensions, dropped = _sourced_items(key, item, names)
        note.quotes += quotes
        note.tensions += tensions
        note.rejected += [SourcedRejection(source=key, rejection=r) for r in item.briefing.rejected]
        note.rejected += dropped
        note.usage = note.usage.add(item.briefing.usage)
    return note


async def _one(summarizer: Summarizer, article: Article) -> SourcedBriefing:
    try:
        clean = summarizer.prepare(article.text, html=article.html)
        briefing = await summarizer.asummarize_article(clean)
    except SummarizerError as err:
        err.args = (f"{article.name}: {err}", *err.args[1:])  # say which input failed
        raise
    return SourcedBriefing(article=article, clean=clean, briefing=briefing)


async def abrief_event(summarizer: Summarizer, articles: list[Article]) -> EventNote:
    """Summarise ``articles`` concurrently and merge them into one `EventNote`."""
    items = await asyncio.gather(*(_one(summarizer, a) for a in articles))
    return merge(list(items))


def brief_event(summarizer: Summarizer, articles: list[Article]) -> EventNote:
    """Blocking twin of `abrief_event`."""
    return asyncio.run(abrief_event(summarizer, articles))
