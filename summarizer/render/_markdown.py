"""Rendering: a `Briefing` as a Markdown briefing note."""

from __future__ import annotations

from summarizer._fields import ITEM_LABELS, ITEMS, ItemKind
from summarizer._schema import Briefing, EventNote, SourceInfo


def _header(briefing: Briefing) -> list[str]:
    meta = briefing.article
    title = meta.title or "Briefing"
    byline = " · ".join(x for x in (meta.source, meta.published, meta.dateline) if x)
    lines = [f"# {title}", ""]
    if byline:
        lines += [f"*{byline}*", ""]
    return lines


def _section(title: str, items: list[str], empty: str) -> list[str]:
    return [f"## {title}", "", *(items or [f"_{empty}_"]), ""]


def render_markdown(briefing: Briefing) -> str:
    """The briefing note: title, source and date, summary, actors, tensions, quotes, footer."""
    lines = [*_header(briefing), *_section("Summary", [briefing.summary], "No summary.")]
    for kind in ITEMS:
        items = [kind.line(item) for item in getattr(briefing, kind.field)]
        lines += _section(kind.heading, items, kind.empty)
    lines += [
        "---",
        "",
        _footer(briefing),
    ]
    return "\n".join(lines).rstrip() + "\n"


def _footer(briefing: Briefing) -> str:
    prompt = briefing.prompt
    usage = briefing.usage
    parts = [
        f"Model: {briefing.model}",
        f"prompt {prompt.id} v{prompt.version}",
        f"{usage.total_tokens} tokens over {usage.calls} call(s), {usage.reasks} re-ask(s)",
    ]
    if not briefing.grounding:
        parts.append("GROUNDING OFF (measurement only)")
    footer = "<sub>" + " · ".join(parts) + "</sub>"
    if briefing.rejected:
        rejected = "\n".join(
            f"- {r.field}: {_describe(r.field, r.item)} — {r.reason}" for r in briefing.rejected
        )
        footer += f"\n\n**Removed by grounding ({len(briefing.rejected)}):**\n\n{rejected}"
    else:
        footer += "\n\n<sub>Grounding: every quote, piece of evidence and actor was checked "
        footer += "against the article; nothing was removed.</sub>"
    return footer


def _describe(field: str, item: dict[str, object]) -> str:
    """A rejected item by the key that names its kind (``name``, ``text``, ``evidence``)."""
    return repr(item.get(ITEM_LABELS.get(field, ""), item))[:120]


# --- several sources: the event note ---------------------------------------------------


def render_event_markdown(note: EventNote) -> str:
    """The note of one event from several sources; every item cites its source as [n].

    Its sections follow the item kinds' table (`summarizer._fields.ITEMS`): actors merged
    across sources, every other kind the note carries listed source by source."""
    lines = [
        f"# {note.title}",
        "",
        f"*{len(note.sources)} sources: {', '.join(s.label for s in note.sources)}*",
        "",
        *_section("Summary", [note.summary], "No summary."),
    ]
    for kind in event_kinds():
        if kind.field == "actors":
            lines += _section(kind.heading, _event_actors(note), kind.empty)
        else:
            lines += _by_source(note, kind)
    lines += [
        *_section("Sources", [_source_line(s) for s in note.sources], "No sources."),
        "---",
        "",
        _event_footer(note),
    ]
    return "\n".join(lines).rstrip() + "\n"


def event_kinds() -> list[ItemKind]:
    """The item kinds an `EventNote` carries, in the table's order: merging several
    sources has a rule for each (a kind added to the table alone is left out)."""
    return [kind for kind in ITEMS if kind.field in EventNote.model_fields]


def _event_actors(note: EventNote) -> list[str]:
    return [
        f"- **{a.name}** ({a.type}) — "
        + "; ".join(f"{role} [{key}]".strip() for key, role in a.roles.items())
        + (f" · also: {', '.join(a.aliases)}" if a.aliases else "")
        for a in note.actors
    ]


def _by_source(note: EventNote, kind: ItemKind) -> list[str]:
    """One kind's items under each source that has some (the kind's own line each)."""
    lines = [f"## {kind.heading}", ""]
    items = getattr(note, kind.field)
    for source in note.sources:
        found = [kind.line(item) for item in items if item.source == source.key]
        if found:
            lines += [f"### [{source.key}] {source.label}", "", *found, ""]
    return lines if len(lines) > 2 else [*lines, f"_{kind.empty}_", ""]


def _source_line(source: SourceInfo) -> str:
    parts = [f"{source.key}. **{source.label}**", source.title, source.published]
    parts.append(f"{source.words} words · `{source.location}`")
    return " — ".join(p for p in parts if p)


def _event_footer(note: EventNote) -> str:
    models = sorted({b.model for b in note.briefings})
    usage = note.usage
    footer = (
        f"<sub>Model: {', '.join(models)} · {usage.total_tokens} tokens over {usage.calls} "
        f"call(s) · joint summary: {note.summary_method}</sub>"
    )
    if note.rejected:
        removed = "\n".join(
            f"- [{r.source}] {r.rejection.field}: {_describe(r.rejection.field, r.rejection.item)} — "
            f"{r.rejection.reason}"
            for r in note.rejected
        )
        footer += f"\n\n**Removed by grounding ({len(note.rejected)}):**\n\n{removed}"
    else:
        footer += "\n\n<sub>Grounding: every quote and piece of evidence was checked against "
        footer += "the article it is attributed to; nothing was removed.</sub>"
    return footer
