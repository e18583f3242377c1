"""Rendering: a `Briefing` as a Markdown briefing note."""

from __future__ import annotations

from summarizer._schema import Briefing


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
    actors = [
        f"- **{a.name}** ({a.type}) — {a.role}"
        + (f" · also: {', '.join(a.aliases)}" if a.aliases else "")
        for a in briefing.actors
    ]
    tensions = [
        f"- **{' vs '.join(t.parties)}**: {t.description}\n  > {t.evidence}"
        for t in briefing.tensions
    ]
    quotes = [f"- **{q.speaker}**: “{q.text}”" for q in briefing.quotes]
    lines = [
        *_header(briefing),
        *_section("Summary", [briefing.summary], "No summary."),
        *_section("Key actors", actors, "No actors found."),
        *_section("Tensions", tensions, "No stated tensions found."),
        *_section("Quotes", quotes, "No direct quotes found."),
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
            f"- {r.field}: {_describe(r.item)} — {r.reason}" for r in briefing.rejected
        )
        footer += f"\n\n**Removed by grounding ({len(briefing.rejected)}):**\n\n{rejected}"
    else:
        footer += "\n\n<sub>Grounding: every quote, piece of evidence and actor was checked "
        footer += "against the article; nothing was removed.</sub>"
    return footer


def _describe(item: dict[str, object]) -> str:
    for key in ("text", "name", "evidence", "description"):
        if key in item:
            return repr(item[key])[:120]
    return repr(item)[:120]
