"""Versioned prompt templates: files under ``prompts/`` with id + version front matter.

A template file looks like::

    ---
    id: extract
    version: 2
    description: ...
    ---
    [system]
    static instructions (rendered first, so provider prefix caches hit)
    [user]
    <article>{{ article }}</article>

Templates render with ``StrictUndefined``: a missing variable is an error, not
an empty string. Every briefing records the id, version and the sha256 of the
template file, so an eval result can be traced to the prompt that made it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from summarizer._errors import ConfigurationError
from summarizer._schema import PromptInfo

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
_SECTIONS = re.compile(r"^\[(system|user)\]\n", re.M)
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
_DELIMITER = re.compile(r"</?\s*article\s*>", re.I)


@lru_cache(maxsize=32)
def _compile(source: str) -> jinja2.Template:
    return _ENV.from_string(source)


def _prompt_dirs() -> list[Path]:
    """Installed wheel first (``summarizer/prompts``), then the source checkout."""
    dirs = []
    packaged = resources.files("summarizer") / "prompts"
    if packaged.is_dir():
        dirs.append(Path(str(packaged)))
    checkout = Path(__file__).resolve().parent.parent / "prompts"
    if checkout.is_dir():
        dirs.append(checkout)
    return dirs


@dataclass(frozen=True)
class PromptTemplate:
    """A parsed prompt file."""

    id: str
    version: str
    sha256: str
    system: str
    user: str
    path: Path

    @property
    def info(self) -> PromptInfo:
        return PromptInfo(id=self.id, version=self.version, sha256=self.sha256)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """Chat messages: the static system prompt, then the user turn holding the article."""
        if "article" in variables:
            # The article is data: it must not be able to close its own delimiter.
            variables["article"] = _DELIMITER.sub("[article tag removed]", variables["article"])
        try:
            system = _compile(self.system).render(**variables).strip()
            user = _compile(self.user).render(**variables).strip()
        except jinja2.UndefinedError as err:
            raise ConfigurationError(f"prompt {self.id} v{self.version}: {err}") from err
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def parse_prompt(path: Path) -> PromptTemplate:
    """Parse one template file; raise `ConfigurationError` saying what is malformed."""
    source = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(source)
    if not match:
        raise ConfigurationError(f"prompt file {path} has no '---' front matter with id/version")
    meta = dict(line.split(":", 1) for line in match.group(1).splitlines() if ":" in line)
    meta = {k.strip(): v.strip() for k, v in meta.items()}
    parts = _SECTIONS.split(match.group(2))
    sections = dict(zip(parts[1::2], parts[2::2], strict=False))
    missing = {"id", "version"} - meta.keys() or {"system", "user"} - sections.keys()
    if missing:
        raise ConfigurationError(f"prompt file {path} lacks {sorted(missing)}")
    return PromptTemplate(
        id=meta["id"],
        version=meta["version"],
        sha256=hashlib.sha256(source.encode("utf-8")).hexdigest(),
        system=sections["system"],
        user=sections["user"],
        path=path,
    )


def _version_key(path: Path) -> tuple[int, ...]:
    found = re.search(r"\.v(\d+(?:\.\d+)*)\.md$", path.name)
    return tuple(int(x) for x in found.group(1).split(".")) if found else (0,)


def load_prompt(name: str = "extract", version: str | None = None) -> PromptTemplate:
    """Load prompt ``name`` at ``version`` (default: the newest), or from a file path."""
    as_path = Path(name)
    if as_path.suffix == ".md" and as_path.is_file():
        return parse_prompt(as_path)
    for directory in _prompt_dirs():
        candidates = sorted(directory.glob(f"{name}.v*.md"), key=_version_key)
        if version is not None:
            candidates = [p for p in candidates if p.name == f"{name}.v{version}.md"]
        if candidates:
            return parse_prompt(candidates[-1])
    wanted = f"{name} v{version}" if version else name
    raise ConfigurationError(
        f"no prompt template {wanted!r} found; expected prompts/{name}.v<N>.md "
        "(set SUMMARIZER_PROMPT to a template file path to use your own)"
    )
