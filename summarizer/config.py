"""Settings, resolved in one place: flags (or arguments) over environment variables over defaults.

``Settings()`` reads the environment exactly as the CLI does: a library user, the service and every
command get the same answer from the same variables. No module reads the environment at import
time; the validator of ``Settings`` is the one place that does, when settings are made.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, ValidationInfo, model_validator

from summarizer.errors import ConfigError

InstructorMode = Literal["tools", "json_schema", "json", "md_json"]

# Environment variable for each setting that can come from the environment.
ENV_VARS: dict[str, str] = {
    "backend": "SUMMARIZER_BACKEND",
    "base_url": "SUMMARIZER_BASE_URL",
    "api_key": "SUMMARIZER_API_KEY",
    "organization": "SUMMARIZER_ORG_ID",
    "project": "SUMMARIZER_PROJECT_ID",
    "api_version": "SUMMARIZER_API_VERSION",
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
    "workers": "SUMMARIZER_WORKERS",
    "api_token": "SUMMARIZER_API_TOKEN",
    "max_body_mb": "SUMMARIZER_MAX_BODY_MB",
    "max_inflight": "SUMMARIZER_MAX_INFLIGHT",
    "queue": "SUMMARIZER_QUEUE",
    "give_up_after": "SUMMARIZER_GIVE_UP_AFTER",
    "give_up_pause": "SUMMARIZER_GIVE_UP_PAUSE",
    "prices": "SUMMARIZER_PRICES",
    "corpus": "SUMMARIZER_CORPUS",
    "health_deadline": "SUMMARIZER_HEALTH_DEADLINE",
}
# The openai SDK's own variables, read where the SUMMARIZER_ one is not set: a user who has set up the
# SDK (OPENAI_BASE_URL, OPENAI_ORG_ID …) gets the same endpoint for every call of a run.
OPENAI_ENV_VARS: dict[str, str] = {
    "base_url": "OPENAI_BASE_URL",
    "api_key": "OPENAI_API_KEY",
    "organization": "OPENAI_ORG_ID",
    "project": "OPENAI_PROJECT_ID",
    "api_version": "OPENAI_API_VERSION",
}
# Set to 1 to read and write no cached model reply (how a service hands --no-cache to its workers).
NO_CACHE_VAR = "SUMMARIZER_NO_CACHE"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "summarizer"


class Settings(BaseModel):
    """Everything a run needs to know, passed down to every stage that needs it.

    Made with no arguments, it reads the environment (``ENV_VARS``, then the openai SDK's own
    ``OPENAI_ENV_VARS`` for what those leave unset); arguments win over it. With no backend named
    anywhere, a configured model endpoint (a base URL or an API key) selects ``llm``; otherwise the
    offline ``rules`` backend runs.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    backend: str = "rules"
    base_url: str | None = None
    api_key: SecretStr | None = None
    # OpenAI's organization and project headers, and the API version of an Azure OpenAI endpoint.
    organization: str | None = None
    project: str | None = None
    api_version: str | None = None
    model: str = "gpt-4o-mini"
    mode: InstructorMode = "tools"
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    concurrency: int = Field(default=4, ge=1, le=256)
    timeout: float = Field(default=120.0, gt=0)
    # A cap on each reply; a reply cut off by it is asked again in two halves. None: the server's own.
    max_tokens: int | None = Field(default=None, ge=16)
    max_retries: int = Field(default=4, ge=0, le=20)
    # Connection failures in a row, across the run, after which the endpoint is taken as down.
    give_up_after: int = Field(default=8, ge=1, le=1000)
    # Seconds after a give-up before one call probes the endpoint again (a service recovers by it).
    give_up_pause: float = Field(default=30.0, ge=0)
    cache_dir: Path = Field(default_factory=default_cache_dir)
    use_cache: bool = True
    chunk_chars: int | None = Field(default=None, ge=200)
    # A user's indicators file that extends the packaged registry (summarizer.indicators).
    indicators: Path | None = None
    # A user's price table that extends the packaged one (summarizer.prices).
    prices: Path | None = None
    # The development corpus, where fixtures' ``../shared/corpus/…`` sources are read (summarizer eval);
    # None: ``../shared/corpus`` beside the repository, as the fixtures name it.
    corpus: Path | None = None
    # Processes for the rules backend in a batch; None: the usable cores the load leaves idle.
    workers: int | None = Field(default=None, ge=1, le=64)
    # The service: its bearer token, its largest body, summaries in flight per process, waiting room.
    api_token: SecretStr | None = None
    max_body_mb: float = Field(default=5.0, gt=0)
    max_inflight: int | None = Field(default=None, ge=1, le=1024)
    queue: int = Field(default=8, ge=0, le=10000)
    # How long /v1/health waits for the cache to open before it calls it unreachable (seconds).
    health_deadline: float = Field(default=0.25, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _environment_under_arguments(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, Mapping):
            return data
        env = (info.context or {}).get("env", os.environ)
        values: dict[str, Any] = _from_environment(env)
        values.update({key: value for key, value in data.items() if value is not None})
        if "backend" not in values:
            values["backend"] = "llm" if ("base_url" in values or "api_key" in values) else "rules"
        return values

    @property
    def endpoint_configured(self) -> bool:
        return self.base_url is not None or self.api_key is not None

    @property
    def cores(self) -> int:
        return max(1, os.cpu_count() or 1)

    @property
    def batch_workers(self) -> int:
        """``workers``, else the idle usable cores (``summarizer.workers.default_workers``: measured)."""
        from summarizer.workers import default_workers

        return self.workers or default_workers()

    @property
    def service_inflight(self) -> int:
        return self.max_inflight or self.cores


def _from_environment(env: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: env[var] for name, var in OPENAI_ENV_VARS.items() if env.get(var, "").strip()
    }
    values.update({name: env[var] for name, var in ENV_VARS.items() if env.get(var, "").strip()})
    if env.get(NO_CACHE_VAR, "").strip() in ("1", "true", "yes"):
        values["use_cache"] = False
    return values


def resolve_settings(
    flags: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
) -> Settings:
    """Flags (those not None) win over the environment (``env``, else the process's), which wins over
    the defaults; a bad value is a ConfigError naming the flag and its variable."""
    try:
        context = {"env": env} if env is not None else None
        return Settings.model_validate(dict(flags or {}), context=context)
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"])
        var = ENV_VARS.get(field)
        where = f"{field} (flag or {var})" if var else field
        raise ConfigError(f"bad setting {where}: {problem['msg']}") from None


def settings_environment(settings: Settings) -> dict[str, str]:
    """The environment variables that make ``Settings()`` in another process equal to ``settings``."""
    env: dict[str, str] = {}
    for name, var in ENV_VARS.items():
        value = getattr(settings, name)
        if value is None:
            continue
        env[var] = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
    if not settings.use_cache:
        env[NO_CACHE_VAR] = "1"
    return env
