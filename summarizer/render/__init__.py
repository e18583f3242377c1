"""Presentation: briefing notes as Markdown and as self-contained HTML."""
