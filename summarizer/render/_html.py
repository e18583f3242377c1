"""Rendering: a briefing note as one self-contained HTML page (no external assets).

The page is the `EventNote` of one or more sources, made from a jinja2 template under
``summarizer/render/templates/`` with autoescaping on: article text, quotes and model output
are data and can never inject markup. Styles are inline, with print rules, so the page
reads well on screen, offline, and on paper.
"""

from __future__ import annotations

from datetime import date

import jinja2

from summarizer._schema import EventNote
from summarizer.render._markdown import event_kinds

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("summarizer.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_html(note: EventNote, *, generated: date | None = None) -> str:
    """The note as a standalone HTML document."""
    template = _ENV.get_template("note.html.j2")
    models = sorted({b.model for b in note.briefings})
    prompts = sorted({f"{b.prompt.id} v{b.prompt.version}" for b in note.briefings})
    return template.render(
        note=note,
        kinds=event_kinds(),  # the note's item sections, in the table's order
        single=len(note.sources) == 1,
        models=models,
        prompts=prompts,
        grounding=all(b.grounding for b in note.briefings),
        generated=(generated or date.today()).isoformat(),
    )
