"""Configuration: explicit argument > environment variable > ``.env`` file > default.

Nothing here runs at import time; `Settings` is built when a `Summarizer` is.
Every variable is listed in ``.env.example``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from summarizer._errors import ConfigurationError

Mode = Literal["tools", "json", "json_schema", "md_json"]
MODES: tuple[str, ...] = ("tools", "json", "json_schema", "md_json")
# free: the model copies quotes and evidence; anchored: it answers with ids of numbered
# sentences and quotation-mark spans, and code fills in the text (backends/_anchored.py).
Strategy = Literal["free", "anchored"]
STRATEGIES: tuple[str, ...] = ("free", "anchored")
OFFLINE = "offline"
DEFAULT_HOSTED_MODEL = "gpt-4.1-mini"


def _env(name: str) -> Any:
    return Field(None, validation_alias=name)


class Settings(BaseSettings):
    """All knobs of the summariser. Field names are the keyword arguments users pass."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    api_key: SecretStr | None = _env("OPENAI_API_KEY")
    base_url: str | None = _env("OPENAI_BASE_URL")
    model: str | None = _env("SUMMARIZER_MODEL")
    mode: Mode = Field("tools", validation_alias="SUMMARIZER_MODE")
    max_reasks: int = Field(2, ge=0, validation_alias="SUMMARIZER_MAX_REASKS")
    # Total seconds per HTTP attempt (headers and body), not per read: a server trickling
    # one byte at a time cannot stretch it.
    timeout: float = Field(120.0, gt=0, validation_alias="SUMMARIZER_TIMEOUT")
    # Total seconds per article over every attempt, re-ask and chunk; None: no budget.
    max_article_seconds: float | None = Field(
        None, gt=0, validation_alias="SUMMARIZER_MAX_ARTICLE_SECONDS"
    )
    max_attempts: int = Field(5, ge=1, validation_alias="SUMMARIZER_MAX_ATTEMPTS")
    max_retry_seconds: float = Field(120.0, gt=0, validation_alias="SUMMARIZER_MAX_RETRY_SECONDS")
    temperature: float = Field(0.0, ge=0, validation_alias="SUMMARIZER_TEMPERATURE")
    max_output_tokens: int = Field(2048, gt=0, validation_alias="SUMMARIZER_MAX_OUTPUT_TOKENS")
    max_tokens_per_article: int | None = Field(
        None,
        gt=0,
        validation_alias="SUMMARIZER_MAX_TOKENS_PER_ARTICLE",
    )
    # Longer bodies (estimated as chars / 4 tokens) are split into chunks and merged.
    max_article_tokens: int = Field(6000, ge=100, validation_alias="SUMMARIZER_MAX_ARTICLE_TOKENS")
    strategy: Strategy = Field("free", validation_alias="SUMMARIZER_STRATEGY")
    # None: the strategy's own template ("extract" for free, "anchored" for anchored).
    prompt: str | None = Field(None, validation_alias="SUMMARIZER_PROMPT")
    prompt_version: str | None = Field(None, validation_alias="SUMMARIZER_PROMPT_VERSION")
    strict: bool = Field(False, validation_alias="SUMMARIZER_STRICT")
    # The offline backend adds the organisations spaCy's small English model finds that the
    # rules miss (offline/_ner.py): ~15x the rules' CPU, so off unless asked for; needs
    # the `ner` extra.
    ner: bool = Field(False, validation_alias="SUMMARIZER_NER")
    grounding: bool = True

    def __repr_args__(self) -> Any:  # keys never reach a repr, even masked
        return [(k, v) for k, v in super().__repr_args__() if k != "api_key"]

    @property
    def offline(self) -> bool:
        """No model and no endpoint configured (or ``model="offline"``): use the rule backend."""
        if self.model == OFFLINE:
            return True
        return self.model is None and self.api_key is None and self.base_url is None

    @property
    def resolved_model(self) -> str:
        if self.offline:
            return OFFLINE
        if self.model:
            return self.model
        if self.base_url:
            raise ConfigurationError(
                f"no model set for {self.base_url}: set SUMMARIZER_MODEL (or pass model=...) "
                "to the model name the server expects"
            )
        return DEFAULT_HOSTED_MODEL

    @property
    def prompt_name(self) -> str:
        """The prompt template to load: the one set, else the strategy's own."""
        return self.prompt or ("anchored" if self.strategy == "anchored" else "extract")

    def check_llm(self) -> None:
        """Raise a `ConfigurationError` saying what to set when the LLM path cannot run."""
        if self.api_key is None and self.base_url is None:
            raise ConfigurationError(
                f"model {self.model!r} needs an endpoint: set OPENAI_API_KEY (for OpenAI) or "
                "OPENAI_BASE_URL (for a local OpenAI-compatible server), or use model='offline'"
            )


def load_settings(**overrides: Any) -> Settings:
    """Build settings; explicit ``overrides`` (not ``None``) win over env and ``.env``."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**given)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "settings"
        hint = ""
        if "mode" in where.lower():
            hint = f" (choose one of {', '.join(MODES)})"
        elif "strategy" in where.lower():
            hint = f" (choose one of {', '.join(STRATEGIES)})"
        raise ConfigurationError(f"invalid setting {where}: {first['msg']}{hint}") from None


APP_NAME = "summarizer"


class FileSettings(BaseSettings):
    """Where files live: ``SUMMARIZER_HOME``, ``SUMMARIZER_PRICES``, ``SUMMARIZER_DATA_DIR``
    (env > ``.env``), read like `Settings`."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", env_ignore_empty=True)

    home: Path | None = Field(default=None, validation_alias="SUMMARIZER_HOME")
    prices: Path | None = Field(default=None, validation_alias="SUMMARIZER_PRICES")
    # the third-party benchmarks' data (`summarizer eval bench`)
    data_dir: Path | None = Field(default=None, validation_alias="SUMMARIZER_DATA_DIR")


def home_dir(kind: Literal["cache", "data"]) -> Path:
    """``SUMMARIZER_HOME`` if set, else the platform's user cache or data directory."""
    home = FileSettings().home
    if home is not None:
        return home.expanduser()
    if kind == "cache":
        return Path(platformdirs.user_cache_dir(APP_NAME))
    return Path(platformdirs.user_data_dir(APP_NAME))
