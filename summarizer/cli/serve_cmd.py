"""`summarizer serve`: the pipeline as an HTTP service (FastAPI on uvicorn, the optional `serve` extra)."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated, Any

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
    settings: Any,
    host: Annotated[str, typer.Option("--host", help="Address to bind; loopback by default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on.")] = 8000,
    max_body_mb: Annotated[
        float | None,
        typer.Option(
            "--max-body-mb",
            min=0.001,
            help="Largest request body, in MB (default 5). Env: SUMMARIZER_MAX_BODY_MB.",
        ),
    ] = None,
    max_inflight: Annotated[
        int | None,
        typer.Option(
            "--max-inflight",
            min=1,
            max=1024,
            help="Summaries worked on at once per process (default: the number of cores). Env: SUMMARIZER_MAX_INFLIGHT.",
        ),
    ] = None,
    queue: Annotated[
        int | None,
        typer.Option(
            "--queue",
            min=0,
            max=10000,
            help="Requests that may wait for a place; beyond, 503 with Retry-After (default 8). Env: SUMMARIZER_QUEUE.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            max=64,
            help="Server processes sharing the port and the cache (default 1).",
        ),
    ] = None,
) -> None:
    """Serve POST /v1/summaries, GET /v1/health, GET /v1/schema and /openapi.json over HTTP.

    With SUMMARIZER_API_TOKEN set, every route but health wants `Authorization: Bearer <token>`.

    Example: summarizer serve --port 8000 --backend rules --workers 2
    """
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        raise ConfigError("the service needs fastapi and uvicorn: pip install -e '.[serve]'") from None
    from summarizer.config import settings_environment
    from summarizer.service import create_app

    service = {"max_body_mb": max_body_mb, "max_inflight": max_inflight, "queue": queue}
    settings = settings.model_copy(update={k: v for k, v in service.items() if v is not None})
    if settings.api_token is None and not _is_loopback(host):
        typer.echo(
            f"warning: serving on {host} without {API_TOKEN_VAR}: anyone who can reach it may use it",
            err=True,
        )
    create_app(settings)  # a bad setting fails here, once, before any process starts
    common: dict[str, Any] = {
        "host": host,
        "port": port,
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_SECONDS,
        "server_header": False,
        "log_level": "info",
    }
    if (workers or 1) == 1:
        uvicorn.run(create_app(settings), **common)
        return
    # Worker processes build their app from the environment: hand them these settings through it.
    os.environ.update(settings_environment(settings))
    uvicorn.run("summarizer.service:app_from_environment", factory=True, workers=workers, **common)
