"""Gold suites: the gold JSON format of ANNOTATION.md, loading a suite, and checking one.

A suite is any folder of ``*.gold.json`` files, each naming its article file
beside it. `load_suite` reads a suite for scoring and stops at the first broken
file; `check_suite` reads it like a reviewer and lists every problem it finds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer._errors import InputError
from summarizer._grounding import is_verbatim, quoted_verbatim
from summarizer._schema import ActorType
from summarizer.eval._text import mentions, same_name, tokens

GOLD_SUFFIX = ".gold.json"
_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"  # ids name output files, so keep them path-safe


class SuiteError(InputError):
    """A gold suite cannot be loaded: no gold files, a malformed file, a missing article."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


NonEmpty = Annotated[str, Field(min_length=1)]
Fact = Annotated[list[NonEmpty], Field(min_length=1)]  # alternatives; any one counts


class GoldMetadata(BaseModel):
    """Optional facts about the article, mostly for checking cleaning; extra keys are kept."""

    model_config = ConfigDict(extra="allow", strict=True)

    title: str | None = None
    source: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}")
    credits: str | None = None
    body_starts_with: str | None = None
    body_ends_with: str | None = None
    boilerplate_absent: list[str] = Field(default_factory=list)


class GoldSummary(_Strict):
    """One good reference summary and the facts a summary must/should mention.

    Each fact is a list of alternative words or phrases; any one of them counts.
    """

    reference: NonEmpty
    must_mention: list[Fact] = Field(default_factory=list)
    should_mention: list[Fact] = Field(default_factory=list)
    max_words: int | None = Field(None, gt=0)


class GoldActor(_Strict):
    """An actor as the article names it; ``required`` ones count towards recall."""

    name: NonEmpty
    aliases: list[NonEmpty] = Field(default_factory=list)
    type: ActorType
    role: str = ""
    required: bool = True

    def names(self) -> list[str]:
        """The name followed by every alias."""
        return [self.name, *self.aliases]


class GoldTension(_Strict):
    """A stated tension: parties (actor names), a description and verbatim evidence."""

    parties: list[NonEmpty] = Field(min_length=1)
    description: NonEmpty
    evidence: NonEmpty
    required: bool = True


class GoldQuote(_Strict):
    """A direct quotation, verbatim, with its speaker (an actor name)."""

    text: NonEmpty
    speaker: NonEmpty
    required: bool = True


class GoldCase(_Strict):
    """One gold file: what a careful analyst extracts from one article."""

    id: str = Field(pattern=_ID_PATTERN)
    article: NonEmpty
    origin: dict[str, Any] | None = None
    metadata: GoldMetadata | None = None
    summary: GoldSummary
    actors: list[GoldActor] = Field(default_factory=list)
    tensions: list[GoldTension] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    not_quotes: list[str] = Field(default_factory=list)

    def find_actor(self, name: str) -> GoldActor | None:
        """The gold actor whose name or an alias is ``name`` (normalised, no sub-span)."""
        return next((a for a in self.actors if any(same_name(name, n) for n in a.names())), None)

    def actor_names(self, name: str) -> list[str]:
        """Every name of the actor called ``name``, or just ``[name]`` if none is."""
        actor = self.find_actor(name)
        return actor.names() if actor else [name]


@dataclass(frozen=True)
class Case:
    """A gold case with its article's raw text and the gold file it came from."""

    gold: GoldCase
    article_text: str
    path: Path

    @property
    def id(self) -> str:
        return self.gold.id


def gold_files(suite: str | Path) -> list[Path]:
    """The ``*.gold.json`` files of a suite folder (or the one file given), sorted."""
    path = Path(suite)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise SuiteError(
            f"suite {str(path)!r} does not exist: pass a folder of *{GOLD_SUFFIX} files"
        )
    files = sorted(path.glob(f"*{GOLD_SUFFIX}"))
    if not files:
        raise SuiteError(f"suite {str(path)!r} has no *{GOLD_SUFFIX} files")
    return files


def load_suite(suite: str | Path) -> list[Case]:
    """Load every case of a suite; raise `SuiteError` at the first unusable file."""
    cases: list[Case] = []
    seen: dict[str, Path] = {}
    for path in gold_files(suite):
        gold = _parse(path)
        if gold.id in seen:
            raise SuiteError(f"{path.name}: id {gold.id!r} is also used by {seen[gold.id].name}")
        seen[gold.id] = path
        cases.append(Case(gold=gold, article_text=_read_article(path, gold), path=path))
    return cases


def _parse(path: Path) -> GoldCase:
    try:
        return GoldCase.model_validate_json(path.read_bytes())
    except ValidationError as err:
        first = _validation_problems(err)[0]
        raise SuiteError(
            f"{path.name}: {first} (run `summarizer eval check` to list every problem)"
        ) from err


def _read_article(path: Path, gold: GoldCase) -> str:
    article = path.parent / gold.article
    try:
        return article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SuiteError(f"{path.name}: cannot read article {gold.article!r}: {err}") from err


def _validation_problems(err: ValidationError) -> list[str]:
    problems = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "(file)"
        problems.append(f"{where}: {e['msg']}")
    return problems


# --- checking -----------------------------------------------------------------


def check_suite(suite: str | Path, *, strict: bool = False) -> list[str]:
    """Every problem in a suite's gold files, as ``"<file>: <problem>"`` strings.

    Checks: the JSON parses and every field is well-formed (unknown keys are
    errors, except inside ``metadata`` and ``origin``); ids are unique; the
    article file exists; quotes are verbatim inside quotation marks in the
    article, and tension evidence, ``not_quotes`` and ``body_starts_with`` /
    ``body_ends_with`` are verbatim in it (quote characters and white space
    normalised); speakers and tension parties are gold actor names or aliases;
    no name belongs to two actors; the reference summary mentions every
    ``must_mention`` fact and fits ``max_words``.

    A tension with a single party may name a diffuse group that is not an actor
    (the seed gold's "Central Asian states"): only ``strict=True`` reports that.
    An empty list means the suite is good.
    """
    problems: list[str] = []
    seen: dict[str, str] = {}
    for path in gold_files(suite):
        gold, file_problems = _check_file(path, strict=strict)
        problems += [f"{path.name}: {p}" for p in file_problems]
        if gold is None:
            continue
        if gold.id in seen:
            problems.append(f"{path.name}: id {gold.id!r} is also used by {seen[gold.id]}")
        seen.setdefault(gold.id, path.name)
    return problems


def _check_file(path: Path, *, strict: bool) -> tuple[GoldCase | None, list[str]]:
    try:
        gold = GoldCase.model_validate_json(path.read_bytes())
    except OSError as err:
        return None, [f"not readable: {err}"]
    except ValidationError as err:
        return None, _validation_problems(err)
    article = path.parent / gold.article
    if Path(gold.article).name != gold.article or not article.is_file():
        return gold, [f"article file {gold.article!r} not found next to the gold file"]
    try:
        text = article.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return gold, [f"article file {gold.article!r} is not readable UTF-8 text: {err}"]
    problems = [*_grounding_problems(gold, text), *_name_problems(gold, strict=strict)]
    return gold, problems + _summary_problems(gold.summary)


def _grounding_problems(gold: GoldCase, text: str) -> Iterator[str]:
    for i, quote in enumerate(gold.quotes):
        if not quoted_verbatim(quote.text, text):
            where = (
                "not inside quotation marks" if is_verbatim(quote.text, text) else "not verbatim"
            )
            yield f"quotes[{i}] is {where} in the article: {quote.text!r}"
    for i, tension in enumerate(gold.tensions):
        if not is_verbatim(tension.evidence, text):
            yield f"tensions[{i}].evidence is not verbatim in the article: {tension.evidence!r}"
    for i, trap in enumerate(gold.not_quotes):
        if not is_verbatim(trap, text):
            yield f"not_quotes[{i}] is not in the article: {trap!r}"
    meta = gold.metadata
    for key in ("body_starts_with", "body_ends_with"):
        value = getattr(meta, key, None) if meta else None
        if value and not is_verbatim(value, text):
            yield f"metadata.{key} is not verbatim in the article: {value!r}"


def _name_problems(gold: GoldCase, *, strict: bool) -> Iterator[str]:
    owners: dict[tuple[str, ...], str] = {}
    for actor in gold.actors:
        for name in actor.names():
            key = tokens(name)
            if owners.setdefault(key, actor.name) != actor.name:
                yield f"name {name!r} belongs to both {owners[key]!r} and {actor.name!r}"
    for i, quote in enumerate(gold.quotes):
        if gold.find_actor(quote.speaker) is None:
            yield f"quotes[{i}].speaker {quote.speaker!r} is not a gold actor name or alias"
    for i, tension in enumerate(gold.tensions):
        if len(tension.parties) == 1 and not strict:
            continue  # one diffuse party need not be an actor (ANNOTATION.md, tensions)
        for party in tension.parties:
            if gold.find_actor(party) is None:
                yield f"tensions[{i}].parties: {party!r} is not a gold actor name or alias"


def _summary_problems(summary: GoldSummary) -> list[str]:
    problems = []
    words = len(summary.reference.split())
    if summary.max_words is not None and words > summary.max_words:
        problems.append(f"summary.reference has {words} words, over max_words {summary.max_words}")
    ref = tokens(summary.reference)
    for i, fact in enumerate(summary.must_mention):
        if not any(mentions(ref, alt) for alt in fact):
            problems.append(f"summary.reference does not mention must_mention[{i}] {fact!r}")
    return problems
