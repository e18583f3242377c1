"""The contract: what the LLM must return (`Extraction`) and what users get (`Briefing`).

`Extraction` is the response model handed to instructor. When it is validated
inside `summarizer._grounding.grounding_context(article_text)`, the
grounding rules run as part of validation, so a violation becomes a precise
re-ask. Without that context it is a plain schema check (used for salvage).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationInfo, model_validator

SCHEMA_VERSION = "1"

ActorType = Literal["person", "organization", "country", "group"]
# The lists of items a briefing holds; `summarizer._fields.ITEMS` describes each one.
ItemField = Literal["actors", "tensions", "quotes"]


class Actor(BaseModel):
    """A person, organisation, state or group that acts, speaks or is acted upon."""

    # Field descriptions are kept short: the model sees them in every request, and the
    # prompt already explains each field (see docs/PERFORMANCE.md, "Tokens").
    name: str = Field(description="fullest form in the article")
    type: ActorType
    role: str = Field(description="as the article states it")
    aliases: list[str] = Field(default_factory=list, description="other forms in the article")

    def names(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]


class Tension(BaseModel):
    """A conflict, dispute, threat or strained relation the article states."""

    parties: list[str] = Field(description="actor names")
    description: str = Field(description="one neutral sentence")
    evidence: str = Field(description="verbatim from the article")


class Quote(BaseModel):
    """A direct quotation: words inside quotation marks, attributed to a speaker."""

    text: str = Field(description="verbatim, between quotation marks")
    speaker: str = Field(description="actor name")


class Extraction(BaseModel):
    """Structured briefing of one news article."""

    summary: str = Field(description="2-4 neutral sentences, at most 90 words")
    actors: list[Actor]
    tensions: list[Tension]
    quotes: list[Quote]
    # Items salvage dropped for not fitting the schema (reported in Briefing.rejected).
    _salvage_rejected: list[Rejection] = PrivateAttr(default_factory=list)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        """The schema the model is shown, without what only repeats: property titles (the
        names say it) and the nested models' docstrings. The top-level title names the tool.
        Every list is required of the model, even one with a default for code's sake."""
        schema = _compact(super().model_json_schema(*args, **kwargs))
        for prop in schema.get("properties", {}).values():
            prop.pop("default", None)
        schema["required"] = list(schema.get("properties", {}))
        return schema

    @model_validator(mode="after")
    def _grounded_in_article(self, info: ValidationInfo) -> Extraction:
        context = info.context or _GROUNDING_CONTEXT.get() or {}
        article, check = context.get("article"), context.get("check")
        if article is None or check is None or context.get("grounding") is False:
            return self
        violations = check(self, article)
        if violations:
            lines = "\n".join(f"- {v.message}" for v in violations)
            raise ValueError(
                "Some items are not grounded in the article. Fix or remove exactly these, "
                f"keep everything else:\n{lines}"
            )
        return self


def _compact(schema: dict[str, Any]) -> dict[str, Any]:
    for prop in schema.get("properties", {}).values():
        prop.pop("title", None)
    for nested in schema.get("$defs", {}).values():
        nested.pop("title", None)
        nested.pop("description", None)
        _compact(nested)
    return schema


# The article reaches the validator through a ContextVar, not instructor's `context=`:
# given a context, instructor renders every message as a Jinja template, so an article
# containing "{{" or "{%" would crash the call or be rewritten.
_GROUNDING_CONTEXT: ContextVar[dict[str, Any] | None] = ContextVar(
    "summarizer_grounding", default=None
)


@contextmanager
def validation_context(context: dict[str, Any]) -> Iterator[None]:
    """Validate `Extraction` objects with ``context`` (``article``, ``check``, ``grounding``)
    inside this block; `summarizer._grounding.grounding_context` fills it in."""
    token = _GROUNDING_CONTEXT.set(context)
    try:
        yield
    finally:
        _GROUNDING_CONTEXT.reset(token)


class Rejection(BaseModel):
    """An item that grounding removed, and why."""

    field: ItemField
    item: dict[str, Any]
    reason: str


class Usage(BaseModel):
    """Token usage summed over every attempt: transport retries and re-asks included."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    calls: int = 0
    reasks: int = 0

    def add(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            total_tokens=self.total_tokens + other.total_tokens,
            calls=self.calls + other.calls,
            reasks=self.reasks + other.reasks,
        )


class ArticleMeta(BaseModel):
    """Metadata of the cleaned article the briefing was made from."""

    title: str | None = None
    source: str | None = None
    published: str | None = None
    dateline: str | None = None
    credits: str | None = None
    text_sha256: str | None = None
    words: int = 0


class PromptInfo(BaseModel):
    """Which prompt made this briefing: id, version and a hash of the rendered template."""

    id: str
    version: str
    sha256: str


class Briefing(BaseModel):
    """The public result: the extraction plus provenance and what grounding rejected."""

    model_config = ConfigDict(extra="forbid")

    summary: str
    actors: list[Actor] = Field(default_factory=list)
    tensions: list[Tension] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    article: ArticleMeta = Field(default_factory=ArticleMeta)
    model: str
    prompt: PromptInfo
    usage: Usage = Field(default_factory=Usage)
    rejected: list[Rejection] = Field(default_factory=list)
    grounding: bool = Field(
        default=True, description="False only when grounding was switched off for measurement."
    )
    latency_s: float = 0.0
    schema_version: str = SCHEMA_VERSION


def briefing_json_schema() -> dict[str, Any]:
    """JSON Schema of :class:`Briefing` (what ``summarizer schema`` prints)."""
    return Briefing.model_json_schema()


# --- one note of several sources (`summarizer.brief_event`) ---------------------------


class SourceInfo(BaseModel):
    """One source of a note: its number, label, and the article's metadata."""

    key: str = Field(description="Number used to cite it in the note: '1', '2', ...")
    label: str = Field(description="Outlet, file name or URL host.")
    location: str = Field(description="The file path or URL it was read from.")
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    words: int = 0
    text_sha256: str | None = None


class MergedActor(BaseModel):
    """An actor across sources: the fullest name, every other form, and its role per source."""

    name: str
    type: ActorType
    aliases: list[str] = Field(default_factory=list)
    roles: dict[str, str] = Field(default_factory=dict, description="Source key -> role.")

    @property
    def sources(self) -> list[str]:
        """Keys of the sources that name this actor."""
        return list(self.roles)


class SourcedTension(BaseModel):
    """A tension as one source states it, with parties under their merged names."""

    source: str
    parties: list[str]
    description: str
    evidence: str


class SourcedQuote(BaseModel):
    """A direct quote from one source, speaker under the merged name."""

    source: str
    speaker: str
    text: str


class SourcedRejection(BaseModel):
    """An item grounding removed from one source's briefing."""

    source: str
    rejection: Rejection


class EventNote(BaseModel):
    """One briefing note of an event reported by one or more sources."""

    title: str
    summary: str
    actors: list[MergedActor] = Field(default_factory=list)
    tensions: list[SourcedTension] = Field(default_factory=list)
    quotes: list[SourcedQuote] = Field(default_factory=list)
    sources: list[SourceInfo] = Field(default_factory=list)
    rejected: list[SourcedRejection] = Field(default_factory=list)
    briefings: list[Briefing] = Field(default_factory=list, description="Per source, in order.")
    usage: Usage = Field(default_factory=Usage)
    summary_method: str = "lead summary + new sentences from the other sources (no extra call)"
