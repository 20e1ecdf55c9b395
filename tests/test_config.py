from __future__ import annotations

import pytest

from summarizer.config import resolve_settings
from summarizer.errors import ConfigError


def test_flag_beats_environment_beats_default() -> None:
    env = {"SUMMARIZER_MODEL": "from-env", "SUMMARIZER_CONCURRENCY": "3"}
    settings = resolve_settings({"model": "from-flag", "concurrency": None}, env=env)
    assert settings.model == "from-flag"
    assert settings.concurrency == 3
    assert resolve_settings({}, env={}).model == "gpt-4o-mini"


def test_rules_is_the_default_backend() -> None:
    assert resolve_settings({}, env={}).backend == "rules"


@pytest.mark.parametrize(
    ("env", "flags", "expected"),
    [
        pytest.param(
            {"SUMMARIZER_BASE_URL": "http://127.0.0.1:8080/v1"}, {}, "llm", id="base-url-selects-llm"
        ),
        pytest.param({"OPENAI_API_KEY": "sk-x"}, {}, "llm", id="api-key-selects-llm"),
        pytest.param({"OPENAI_API_KEY": "sk-x"}, {"backend": "rules"}, "rules", id="flag-wins"),
        pytest.param(
            {"OPENAI_API_KEY": "sk-x", "SUMMARIZER_BACKEND": "rules"}, {}, "rules", id="env-backend-wins"
        ),
    ],
)
def test_a_configured_endpoint_selects_the_model_backend(env: dict, flags: dict, expected: str) -> None:
    assert resolve_settings(flags, env=env).backend == expected


def test_api_key_is_never_shown() -> None:
    settings = resolve_settings({}, env={"OPENAI_API_KEY": "sk-secret-123"})
    assert "sk-secret-123" not in repr(settings)
    assert "sk-secret-123" not in settings.model_dump_json()


def test_a_bad_value_names_its_setting_and_variable() -> None:
    with pytest.raises(ConfigError, match=r"concurrency.*SUMMARIZER_CONCURRENCY"):
        resolve_settings({}, env={"SUMMARIZER_CONCURRENCY": "many"})
