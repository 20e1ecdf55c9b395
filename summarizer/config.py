"""Settings, resolved once: command-line flags over environment variables over defaults.

No module reads the environment at import time; ``resolve_settings`` is the one place that does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from summarizer.errors import ConfigError

InstructorMode = Literal["tools", "json_schema", "json", "md_json"]

# Environment variable for each setting that can come from the environment.
ENV_VARS: dict[str, str] = {
    "backend": "SUMMARIZER_BACKEND",
    "base_url": "SUMMARIZER_BASE_URL",
    "api_key": "OPENAI_API_KEY",
    "model": "SUMMARIZER_MODEL",
    "mode": "SUMMARIZER_MODE",
    "temperature": "SUMMARIZER_TEMPERATURE",
    "concurrency": "SUMMARIZER_CONCURRENCY",
    "timeout": "SUMMARIZER_TIMEOUT",
    "max_tokens": "SUMMARIZER_MAX_TOKENS",
    "max_retries": "SUMMARIZER_MAX_RETRIES",
    "cache_dir": "SUMMARIZER_CACHE_DIR",
    "chunk_chars": "SUMMARIZER_CHUNK_CHARS",
    "indicators": "SUMMARIZER_INDICATORS",
}


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "summarizer"


class Settings(BaseModel):
    """Everything a run needs to know, passed down to every stage that needs it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: str = "rules"
    base_url: str | None = None
    api_key: SecretStr | None = None
    model: str = "gpt-4o-mini"
    mode: InstructorMode = "tools"
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    concurrency: int = Field(default=4, ge=1, le=256)
    timeout: float = Field(default=120.0, gt=0)
    # A cap on each reply; a reply cut off by it is asked again in two halves. None: the server's own.
    max_tokens: int | None = Field(default=None, ge=16)
    max_retries: int = Field(default=4, ge=0, le=20)
    cache_dir: Path = Field(default_factory=default_cache_dir)
    use_cache: bool = True
    chunk_chars: int | None = Field(default=None, ge=200)
    # A user's indicators file that extends the packaged registry (summarizer.indicators).
    indicators: Path | None = None

    @property
    def endpoint_configured(self) -> bool:
        return self.base_url is not None or self.api_key is not None


def _from_environment(env: Mapping[str, str]) -> dict[str, str]:
    return {name: env[var] for name, var in ENV_VARS.items() if env.get(var, "").strip()}


def resolve_settings(
    flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Flags (those not None) win over the environment, which wins over the defaults.

    With no backend named anywhere, a configured model endpoint (``SUMMARIZER_BASE_URL`` or
    ``OPENAI_API_KEY``) selects ``llm``; otherwise the offline ``rules`` backend runs.
    """
    env = os.environ if env is None else env
    values: dict[str, Any] = _from_environment(env)
    values.update({key: value for key, value in (flags or {}).items() if value is not None})
    if "backend" not in values:
        values["backend"] = "llm" if ("base_url" in values or "api_key" in values) else "rules"
    try:
        return Settings(**values)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"])
        var = ENV_VARS.get(field)
        where = f"{field} (flag or {var})" if var else field
        raise ConfigError(f"bad setting {where}: {problem['msg']}") from None
