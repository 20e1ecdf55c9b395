"""What the commands share: their options, the settings they resolve, and how errors reach the user."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from summarizer.errors import SummarizerError

F = TypeVar("F", bound=Callable[..., Any])

BackendOption = Annotated[
    str | None,
    typer.Option("--backend", "-b", help="rules (offline, the default) or llm. Env: SUMMARIZER_BACKEND."),
]
ChunkCharsOption = Annotated[
    int | None,
    typer.Option("--chunk-chars", help="Chunk size in characters (default: the backend's).", min=200),
]
BaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1. Env: SUMMARIZER_BASE_URL.",
    ),
]
ModelOption = Annotated[str | None, typer.Option("--model", "-m", help="Model name. Env: SUMMARIZER_MODEL.")]
ModeOption = Annotated[
    str | None,
    typer.Option("--mode", help="How the model returns structure: tools, json_schema, json, md_json."),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write cached model replies.")
]
ConcurrencyOption = Annotated[
    int | None,
    typer.Option(
        "--concurrency", "-j", min=1, max=256, help="Model calls in flight. Env: SUMMARIZER_CONCURRENCY."
    ),
]
IndicatorsOption = Annotated[
    Path | None,
    typer.Option(
        "--indicators",
        help="A JSON file that extends the built-in indicator registry (see README). Env: SUMMARIZER_INDICATORS.",
    ),
]


def say_error(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


def reports_errors(command: F) -> F:
    """Turn the package's errors into a one-line message and the error's exit code, in one place."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SummarizerError as error:
            say_error(str(error))
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            say_error("interrupted (what was written is whole; `batch --resume` goes on from there)")
            raise typer.Exit(130) from None

    return run  # type: ignore[return-value]


def settings_from(no_cache: bool = False, **flags: Any) -> Any:
    from summarizer.config import resolve_settings
    from summarizer.indicators import load_registry

    if no_cache:
        flags["use_cache"] = False
    settings = resolve_settings(flags)
    load_registry(settings.indicators)  # a bad indicators file stops the run before any work
    return settings
