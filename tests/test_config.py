"""Configuration precedence and the messages that say how to fix a setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import ConfigurationError, Summarizer


def test_no_key_no_model_runs_offline() -> None:
    assert Summarizer().offline and Summarizer().model == "offline"


def test_argument_beats_environment_beats_dotenv(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / ".env").write_text("SUMMARIZER_MODEL=from-dotenv\nOPENAI_API_KEY=sk-dotenv\n")
    assert Summarizer().model == "from-dotenv"
    monkeypatch.setenv("SUMMARIZER_MODEL", "from-env")
    assert Summarizer().model == "from-env"
    assert Summarizer(model="from-arg").model == "from-arg"


def test_model_without_endpoint_says_what_to_set() -> None:
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY"):
        Summarizer(model="gpt-4.1-mini")


def test_base_url_without_model_says_what_to_set() -> None:
    with pytest.raises(ConfigurationError, match="SUMMARIZER_MODEL"):
        Summarizer(base_url="http://127.0.0.1:9/v1")


def test_unknown_mode_lists_the_choices() -> None:
    with pytest.raises(ConfigurationError, match="json_schema"):
        Summarizer(model="m", api_key="k", mode="yaml")


def test_unknown_prompt_version_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="prompt"):
        Summarizer(model="m", api_key="k", prompt_version="999")
