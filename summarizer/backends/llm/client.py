"""The model client, made in one place: one openai client per run, and instructor over it per mode.

Every call of the model path goes through the openai SDK (real-time calls, repairs, ``summarizer
check``, provider batch jobs), configured from ``Settings`` alone (flags over ``SUMMARIZER_*`` over
``OPENAI_*``): base URL, key, organization, project, timeout. The SDK brings the rest: redirects,
proxies (``HTTPS_PROXY`` …), Azure (``AzureOpenAI``, chosen for an Azure URL or an API version) and
TLS. For TLS the system's trust store is used: openai 3's HTTP layer (httpx2) verifies against it
already (OpenSSL's system paths on Linux, the platform verifier on macOS and Windows;
``SSL_CERT_FILE``/``SSL_CERT_DIR`` override); openai 2's (httpx, which defaults to certifi) is handed
``ssl.create_default_context()``, the same store with the same overrides.

The SDK makes no retries of its own (``max_retries=0``): the backend's one tenacity policy does.
``--model provider/name`` with no base URL set reaches a provider of ``instructor.from_provider``
(Anthropic, Gemini …; the ``providers`` extra installs their SDKs); ``openai/name`` is the OpenAI
protocol itself.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from summarizer.config import Settings

DEFAULT_BASE_URL = "https://api.openai.com/v1"
_AZURE_HOSTS = (".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com")
# Local servers want no key, but the openai client insists on one.
_NO_KEY = "no-key"


def provider_of(settings: Settings) -> str | None:
    """The instructor provider a ``provider/name`` model names (not OpenAI's own protocol), or None.

    Only with no base URL set: a server of your own may well serve a model called ``google/gemma-2``.
    """
    model = settings.model
    if settings.base_url or "/" not in model:
        return None
    prefix = model.split("/", 1)[0]
    from instructor.v2.core.provider_specs import ALIAS_TO_PROVIDER

    return prefix if prefix in ALIAS_TO_PROVIDER and prefix != "openai" else None


def model_name(settings: Settings) -> str:
    """The model as the endpoint knows it (``openai/gpt-4o-mini`` is ``gpt-4o-mini``)."""
    model = settings.model
    return model.split("/", 1)[1] if model.startswith("openai/") and not settings.base_url else model


def endpoint_of(settings: Settings) -> str:
    """Where the calls go, as the cache key and messages name it."""
    provider = provider_of(settings)
    if provider is not None:
        return f"instructor:{provider}"
    return (settings.base_url or DEFAULT_BASE_URL).rstrip("/")


def _secret(settings: Settings) -> str | None:
    return settings.api_key.get_secret_value() if settings.api_key is not None else None


def client_options(settings: Settings) -> dict[str, Any]:
    """The openai client's arguments, from the settings alone."""
    return {
        "api_key": _secret(settings) or _NO_KEY,
        "organization": settings.organization,
        "project": settings.project,
        "timeout": settings.timeout,
        "max_retries": 0,
    }


def _azure(settings: Settings) -> dict[str, Any] | None:
    """Azure OpenAI's arguments when the base URL is Azure's or an API version is set, else None.

    A classic deployment URL (``…/openai/deployments/NAME?api-version=…``) is taken apart: its path is
    the client's base URL, its ``api-version`` the API version.
    """
    url = settings.base_url
    if not url:
        return None
    parts = urlsplit(url)
    version = settings.api_version or next(iter(parse_qs(parts.query).get("api-version", [])), None)
    if not (parts.hostname or "").endswith(_AZURE_HOSTS) and version is None:
        return None
    if version is None:
        raise ConfigError(
            "an Azure OpenAI endpoint needs its API version: set SUMMARIZER_API_VERSION "
            "(or OPENAI_API_VERSION), or give it in the URL (?api-version=…)"
        )
    path = parts.path.rstrip("/")
    options: dict[str, Any] = {"api_version": version}
    if "/deployments/" in path:
        options["base_url"] = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    else:
        options["azure_endpoint"] = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    return options


def _tls_client(openai: Any, asynchronous: bool) -> Any | None:
    """openai 2's HTTP client with the system trust store; None where the SDK already uses it."""
    if int(openai.__version__.split(".")[0]) >= 3:
        return None
    factory = openai.DefaultAsyncHttpxClient if asynchronous else openai.DefaultHttpxClient
    return factory(verify=ssl.create_default_context())


def openai_client(settings: Settings, *, asynchronous: bool = True) -> Any:
    """The run's openai client (``AsyncOpenAI``, or ``AsyncAzureOpenAI`` for Azure; sync ones for the
    batch job's file and job calls)."""
    import openai

    options = client_options(settings)
    if (http_client := _tls_client(openai, asynchronous)) is not None:
        options["http_client"] = http_client
    azure = _azure(settings)
    if azure is not None:
        options.pop("project", None)
        azure_kind: Any = openai.AsyncAzureOpenAI if asynchronous else openai.AzureOpenAI
        return azure_kind(**options, **azure)
    kind: Any = openai.AsyncOpenAI if asynchronous else openai.OpenAI
    return kind(base_url=settings.base_url or DEFAULT_BASE_URL, **options)


def instructor_mode(mode: str) -> Any:
    import instructor

    return {
        "tools": instructor.Mode.TOOLS,
        "json_schema": instructor.Mode.JSON_SCHEMA,
        "json": instructor.Mode.JSON,
        "md_json": instructor.Mode.MD_JSON,
    }[mode]


def structured_client(settings: Settings, client: Any, mode: str) -> Any:
    """instructor over the run's client in ``mode``; for a ``provider/name`` model, instructor's own
    client of that provider (its default mode)."""
    import instructor

    provider = provider_of(settings)
    if provider is None:
        return instructor.from_openai(client, mode=instructor_mode(mode))
    options: dict[str, Any] = {"async_client": True}
    if settings.api_key is not None:
        options["api_key"] = _secret(settings)
    try:
        return instructor.from_provider(settings.model, **options)
    except Exception as error:  # a missing SDK (instructor's ConfigurationError), a missing key …
        raise ConfigError(
            f"--model {settings.model}: {error} (the providers extra brings the {provider} SDK: "
            "pip install 'summarizer[providers]')"
        ) from None
