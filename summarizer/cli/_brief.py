"""`summarizer brief` and `summarizer schema`."""

from __future__ import annotations
