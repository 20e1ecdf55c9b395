"""`summarizer serve`: the pipeline as an HTTP service (FastAPI on uvicorn, the optional `serve` extra)."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from summarizer.errors import ConfigError

API_TOKEN_VAR = "SUMMARIZER_API_TOKEN"
# Seconds that in-flight requests get to finish after a stop signal, before their connections close.
GRACEFUL_SHUTDOWN_SECONDS = 30


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve_command(
    host: Annotated[str, typer.Option("--host", help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on.")] = 8000,
    backend: Annotated[
        str | None,
        typer.Option("--backend", "-b", help="Default backend: rules or llm. Env: SUMMARIZER_BACKEND."),
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            "-j",
            min=1,
            max=256,
            help="Model calls in flight across all requests. Env: SUMMARIZER_CONCURRENCY.",
        ),
    ] = None,
    max_body_mb: Annotated[
        float, typer.Option("--max-body-mb", min=0.001, help="Largest request body, in MB.")
    ] = 5.0,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="OpenAI-compatible endpoint. Env: SUMMARIZER_BASE_URL."),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", "-m", help="Model name. Env: SUMMARIZER_MODEL.")
    ] = None,
    mode: Annotated[
        str | None,
        typer.Option("--mode", help="How the model returns structure: tools, json_schema, json, md_json."),
    ] = None,
    chunk_chars: Annotated[
        int | None,
        typer.Option("--chunk-chars", min=200, help="Chunk size in characters (default: the backend's)."),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write cached model replies.")
    ] = False,
) -> None:
    """Serve POST /v1/summaries, GET /v1/health, GET /v1/schema and /openapi.json over HTTP.

    With SUMMARIZER_API_TOKEN set, every route but health wants `Authorization: Bearer <token>`.

    Example: summarizer serve --port 8000 --backend rules
    """
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        raise ConfigError("the service needs fastapi and uvicorn: pip install -e '.[serve]'") from None
    from summarizer.config import resolve_settings
    from summarizer.service import create_app

    flags = {
        "backend": backend,
        "concurrency": concurrency,
        "base_url": base_url,
        "model": model,
        "mode": mode,
        "chunk_chars": chunk_chars,
        "use_cache": False if no_cache else None,
    }
    settings = resolve_settings(flags)
    api_token = os.environ.get(API_TOKEN_VAR, "").strip() or None
    if api_token is None and not _is_loopback(host):
        typer.echo(
            f"warning: serving on {host} without {API_TOKEN_VAR}: anyone who can reach it may use it",
            err=True,
        )
    app = create_app(settings, max_body_bytes=int(max_body_mb * 1_000_000), api_token=api_token)
    uvicorn.run(
        app,
        host=host,
        port=port,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        server_header=False,
        log_level="info",
    )
