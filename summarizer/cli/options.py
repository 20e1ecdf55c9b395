"""What the commands share: their options, the settings they resolve, and how errors reach the user."""

from __future__ import annotations

import contextlib
import functools
import inspect
import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from summarizer.errors import ConfigError, SummarizerError

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

PricesOption = Annotated[
    Path | None,
    typer.Option(
        "--prices",
        help="A JSON price table that extends the built-in one (USD per million tokens). Env: SUMMARIZER_PRICES.",
    ),
]

# The options every command that runs the pipeline takes, declared once: ``with_settings`` adds them.
_SETTINGS_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("backend", BackendOption, None),
    ("base_url", BaseUrlOption, None),
    ("model", ModelOption, None),
    ("mode", ModeOption, None),
    ("concurrency", ConcurrencyOption, None),
    ("chunk_chars", ChunkCharsOption, None),
    ("no_cache", NoCacheOption, False),
    ("indicators", IndicatorsOption, None),
    ("prices", PricesOption, None),
)


def with_settings(command: F) -> F:
    """Give a command the shared model-settings options; it receives them resolved, as ``settings``.

    The options are added to the command's signature (Typer reads it), so that each is declared
    here once; a bad setting or indicators file stops the command before it starts.
    """
    signature = inspect.signature(command, eval_str=True)
    own = [parameter for name, parameter in signature.parameters.items() if name != "settings"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, annotation, default in _SETTINGS_OPTIONS
    ]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        flags = {name: kwargs.pop(name) for name, _, _ in _SETTINGS_OPTIONS}
        kwargs["settings"] = settings_from(**flags)
        return command(*args, **kwargs)

    run.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
    return run  # type: ignore[return-value]


OverwriteOption = Annotated[
    bool,
    typer.Option(
        "--overwrite", help="Replace the output file if it exists (else an existing one is refused)."
    ),
]


def say_error(message: str) -> None:
    with contextlib.suppress(OSError):  # standard error gone too: the exit code still says it
        typer.echo(f"error: {message}", err=True)


def write_stdout(text: str) -> None:
    """Write to standard output and flush; a closed pipe or a full disk is an OutputError."""
    from summarizer.writing import output_error

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        silence_stdout()
        raise output_error(error, "<standard output>") from None


def silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def reports_errors(command: F) -> F:
    """Turn the package's errors into a one-line message and the error's exit code, in one place."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SummarizerError as error:
            say_error(str(error))
            raise typer.Exit(error.exit_code) from None
        except Terminated:
            say_error("terminated (what was written is whole; `batch --resume` goes on from there)")
            raise typer.Exit(143) from None
        except KeyboardInterrupt:
            say_error("interrupted (what was written is whole; `batch --resume` goes on from there)")
            raise typer.Exit(130) from None

    return run  # type: ignore[return-value]


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is, so that it ends as after Ctrl-C: its locks released, its
    workers stopped, what it wrote whole."""


def end_on_sigterm() -> None:
    """Turn SIGTERM into ``Terminated`` in this (main) thread."""
    import signal

    def terminate(signum: int, frame: Any) -> None:
        raise Terminated

    with contextlib.suppress(ValueError):  # not the main thread (a test runner): leave it as it is
        signal.signal(signal.SIGTERM, terminate)


def show_warnings_as_lines() -> None:
    """The package's warnings (``SummarizerWarning``) as one ``warning: …`` line each on standard error."""
    import warnings

    from summarizer.errors import SummarizerWarning

    shown = warnings.showwarning

    def show(
        message: Any, category: type[Warning], filename: str, lineno: int, *args: Any, **kwargs: Any
    ) -> None:
        if issubclass(category, SummarizerWarning):
            with contextlib.suppress(OSError):
                typer.echo(f"warning: {message}", err=True)
            return
        shown(message, category, filename, lineno, *args, **kwargs)

    warnings.showwarning = show


def settings_from(no_cache: bool = False, **flags: Any) -> Any:
    from summarizer.config import resolve_settings
    from summarizer.indicators import load_registry
    from summarizer.prices import load_prices

    if no_cache:
        flags["use_cache"] = False
    settings = resolve_settings(flags)
    load_registry(settings.indicators)  # a bad indicators file stops the run before any work
    load_prices(settings.prices)
    return settings


# --- Help that names each value by what it is, and a flag given a value told so.

# Values named by what they mean; the others by their type (``_TYPE_METAVARS``).
_NAMED_METAVARS = {
    "cache_dir": "DIR",
    "fixtures": "DIR",
    "base_url": "URL",
    "host": "ADDRESS",
    "diff": "OLD NEW",
    "backend": "NAME",
    "model": "NAME",
    "mode": "MODE",
    "via": "HOW",
    "place": "NAME",
    "level": "LEVEL",
    "indicator": "ID",
    "year_from": "YEAR",
    "year_to": "YEAR",
    "status": "STATUS",
    "wide_of": "PART",
}
_TYPE_METAVARS = {Path: "FILE", int: "N", float: "NUMBER", str: "TEXT"}
# Words a user may write after a flag meaning it on or off; a flag takes no value.
_FLAG_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


class _Argument(TyperArgument):
    """An argument whose name (``FILE...``) says what it is: no type beside it in the help."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None


def _name_value(param: Any) -> None:
    """Give a parameter the metavar the help shows: none for a flag, FILE, N, URL … for the rest."""
    if isinstance(param, TyperArgument):
        if param.metavar is None:
            param.metavar = (param.name or "value").upper() + ("..." if param.nargs != 1 else "")
        param.__class__ = _Argument
        return
    if not isinstance(param, TyperOption) or param.metavar is not None:
        return
    if param.is_flag:
        param.metavar = ""
        return
    param.metavar = _NAMED_METAVARS.get(param.name or "") or _TYPE_METAVARS.get(_value_type(param), "VALUE")


def _value_type(param: Any) -> Any:
    annotation = param.type_descriptor.annotation
    arguments = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    return arguments[0] if len(arguments) == 1 else annotation


def _refuse_a_value_after_a_flag(params: list[Any], args: list[str]) -> None:
    """``--pretty true``: a flag takes no value; said so, rather than reading ``true`` as a file name."""
    flags = {name for param in params if getattr(param, "is_flag", False) for name in param.opts}
    for given, following in itertools.pairwise(args):
        if given == "--":
            return
        if given in flags and following.lower() in _FLAG_WORDS and not Path(following).exists():
            raise ConfigError(
                f"{given} is a flag and takes no value: write {given} alone "
                f"(the {following!r} after it would be read as an input)"
            )


def readable_help(text: str) -> str:
    """A command's docstring as its help should show it: each paragraph one run of text that the
    terminal wraps at its width (typer keeps the docstring's own line breaks after the first paragraph,
    which broke sentences in the middle), list items on lines of their own, and square brackets shown
    as written (``summarizer[parquet]``), not read as rich markup."""
    from rich.markup import escape

    paragraphs = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        lines = paragraph.splitlines()
        joined = lines[:1]
        for line in lines[1:]:
            if line.lstrip().startswith(("- ", "* ")) or paragraph.startswith("\b"):
                joined.append(line)
            else:
                joined[-1] = f"{joined[-1]} {line.strip()}"
        paragraphs.append("\n".join(joined))
    return escape("\n\n".join(paragraphs))


class Command(TyperCommand):
    """Every command: values named by what they are in its help, its paragraphs wrapped to the
    terminal, and ``--flag true`` refused clearly."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.help:
            self.help = readable_help(self.help)

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _name_value(param)
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _refuse_a_value_after_a_flag(self.get_params(ctx), args)
        return super().parse_args(ctx, args)


class Group(TyperGroup):
    """The command groups: their own options (``--version``, ``--help``) named as the commands' are."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _name_value(param)
        return params


# --- What panel, table and report share: filters and overrides.

PlaceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--place",
        help="Only this place (repeatable): a name, its series (徐水县 is 徐水区) or short form (河南).",
    ),
]
LevelOption = Annotated[
    list[str] | None,
    typer.Option("--level", help="Only places of this level (repeatable): 国家, 省, 市, 县, 区."),
]
IndicatorFilterOption = Annotated[
    list[str] | None,
    typer.Option(
        "--indicator", help="Only this indicator (repeatable): an id (gdp) or any name the registry knows."
    ),
]
FromOption = Annotated[int | None, typer.Option("--from", help="Only years from this one on.")]
ToOption = Annotated[int | None, typer.Option("--to", help="Only years up to this one.")]
HeadlineOption = Annotated[
    bool,
    typer.Option(
        "--headline",
        help="Only the items of the main-targets paragraph (主要预期目标) and the headline-results paragraph.",
    ),
]
OverridesOption = Annotated[
    Path | None,
    typer.Option(
        "--overrides",
        help="A YAML or CSV file of corrections (set a document's place, level or years; reject, accept or "
        "edit an item): applied and listed, never silently (see README).",
    ),
]
