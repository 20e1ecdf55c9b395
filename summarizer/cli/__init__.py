"""The command line: each command parses, makes one library call, renders.

Library modules are imported inside the commands, so that ``summarizer --version`` starts fast.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from summarizer import __version__
from summarizer.cli.eval_cmd import eval_command
from summarizer.cli.options import (
    BaseUrlOption,
    Command,
    Group,
    ModelOption,
    ModeOption,
    OverwriteOption,
    end_on_sigterm,
    reports_errors,
    say_error,
    settings_from,
    show_warnings_as_lines,
    silence_stdout,
    with_settings,
    write_stdout,
)
from summarizer.cli.report_cmd import panel_command, report_command, table_command
from summarizer.cli.serve_cmd import serve_command
from summarizer.errors import ConfigError, SummarizerError

app = typer.Typer(
    name="summarizer",
    cls=Group,
    help="Structured summaries of Chinese government documents: goals, targets, tasks, grounded in the text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    context: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Structured summaries of Chinese government documents."""
    context.with_resource(_quiet_instructor_log())


@contextmanager
def _quiet_instructor_log() -> Iterator[None]:
    """instructor logs every failed call at ERROR; a command reports failures itself (failed chunks,
    the totals), so for the command's run its log goes nowhere. Put back as it was afterwards."""
    log = logging.getLogger("instructor")
    handler, propagated = logging.NullHandler(), log.propagate
    log.addHandler(handler)
    log.propagate = False
    try:
        yield
    finally:
        log.removeHandler(handler)
        log.propagate = propagated


@app.command(cls=Command)
@reports_errors
@with_settings
def extract(
    files: Annotated[
        list[Path], typer.Argument(help="Text files (UTF-8, GB18030 or UTF-16).", show_default=False)
    ],
    settings: Any,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    overwrite: OverwriteOption = False,
) -> None:
    """Summarize files and print their summaries as JSON (docs/output.md).

    One file: its summary, one JSON object. Several: one object per line (JSON Lines); with --pretty,
    one indented JSON array of them. A partial summary (chunks the model backend could not process) is
    printed, said on standard error and makes the exit code 1.

    Example: summarizer extract seeds/000_ffe56f79dac5013f.txt --pretty
    """
    from summarizer.batch import refuse_output_as_input
    from summarizer.writing import claim_output

    if output is not None:
        refuse_output_as_input(files, output)
        with claim_output(output, overwrite=overwrite):
            _extract_all(files, settings, pretty, output)
    else:
        _extract_all(files, settings, pretty, None)


def _extract_all(files: list[Path], settings: Any, pretty: bool, output: Path | None) -> None:
    from summarizer.backends import get_backend
    from summarizer.load import load_file
    from summarizer.output import to_json
    from summarizer.paths import path_text
    from summarizer.pipeline import summarize_source

    engine = get_backend(settings.backend, settings)
    texts: list[str] = []
    failures = partial = 0
    for path in files:
        try:
            summary = summarize_source(load_file(path), settings, backend=engine)
        except SummarizerError as error:
            failures += 1
            say_error(str(error) if error.path else f"{path_text(path)}: {error}")
            continue
        texts.append(to_json(summary, pretty=pretty))
        if failed := summary.provenance.failed_chunks:
            partial += 1
            say_error(f"{path}: partial: {len(failed)} chunk(s) failed: {failed[0].error}")
    _emit(_joined(texts, pretty=pretty, several=len(files) > 1), output)
    if failures:
        raise typer.Exit(2)
    if partial:
        raise typer.Exit(1)


def _joined(texts: list[str], *, pretty: bool, several: bool) -> str:
    """One summary as it is; several as JSON Lines, or, indented, as one JSON array (valid JSON)."""
    if not texts or not (pretty and several):
        return "\n".join(texts)
    indented = (textwrap.indent(text, "  ") for text in texts)
    return "[\n" + ",\n".join(indented) + "\n]"


def _emit(text: str, output: Path | None) -> None:
    from summarizer.writing import write_text_atomically

    if not text:
        return
    if output is None:
        write_stdout(text + "\n")
        return
    write_text_atomically(output, text + "\n")


@app.command(cls=Command)
@reports_errors
@with_settings
def batch(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (their *.txt) or glob patterns.")],
    settings: Any,
    output: Annotated[Path, typer.Option("--output", "-o", help="The JSON Lines file to write.")],
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Keep OUT and skip the files already in it (same path, same content); a changed file is "
            "done again and its old line replaced.",
        ),
    ] = False,
    overwrite: OverwriteOption = False,
    via: Annotated[
        str,
        typer.Option(
            "--via",
            help="realtime (calls as it goes) or batch-api (a provider batch job at about half the price: "
            "the first run submits it, --resume collects it).",
        ),
    ] = "realtime",
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Print the planned chunks, calls, estimated tokens and cost; make no call, write nothing.",
        ),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            max=64,
            help="Processes for the rules backend (default: the cores this process may use that the load "
            "average leaves idle, at least 1). Env: SUMMARIZER_WORKERS.",
        ),
    ] = None,
) -> None:
    """Summarize many files into one JSON Lines file, one line per file, with a progress bar.

    A bad file is reported and the batch goes on; the exit code is non-zero if any file failed or
    is partial (some of its chunks failed after the retries: --resume retries them). OUT is locked
    for the run; an existing OUT is gone on with (--resume), replaced (--overwrite) or refused.

    Example: summarizer batch seeds/ -o out.jsonl --resume
    """
    from summarizer.batch import finished_files, plan_batch, run_batch
    from summarizer.cli.progress import BatchProgress, print_plan

    if dry_run:
        done = finished_files(output, keep=True) if resume and output.exists() else None
        print_plan(plan_batch(inputs, settings, done=done, output=output), settings)
        return
    if via not in ("realtime", "batch-api"):
        raise ConfigError(f"--via must be realtime or batch-api, not {via!r}")
    if workers is not None:
        settings = settings.model_copy(update={"workers": workers})
    if via == "batch-api":
        _batch_via_api(inputs, output, settings, resume, overwrite)
        return
    model_start_up = settings.backend == "llm"
    with BatchProgress() as progress, _collector_paused_until_first_file(model_start_up) as first_file:

        def on_event(event: Any) -> None:
            first_file()
            progress.update(event)

        result = run_batch(
            inputs,
            output,
            settings,
            resume=resume,
            overwrite=overwrite,
            concurrency=settings.concurrency,
            on_event=on_event,
        )
    progress.print_totals(result, output)
    if result.failed or result.partial:
        raise typer.Exit(1)


def _batch_via_api(inputs: list[str], output: Path, settings: Any, resume: bool, overwrite: bool) -> None:
    from summarizer.batch_api import Pending, Submitted, run_via_batch_api
    from summarizer.cli.progress import BatchProgress

    with BatchProgress() as progress:
        outcome = run_via_batch_api(
            inputs, output, settings, resume=resume, overwrite=overwrite, on_event=progress.update
        )
    if isinstance(outcome, Submitted):
        typer.echo(
            f"submitted batch job {outcome.job_id}: {outcome.requests} requests for {outcome.files} file(s); "
            f"its id is kept in {outcome.state}. Run the same command with --resume to collect it.",
            err=True,
        )
        return
    if isinstance(outcome, Pending):
        typer.echo(
            f"batch job {outcome.job_id} is {outcome.status} ({outcome.done} of {outcome.total} requests done); "
            "run again later with --resume",
            err=True,
        )
        raise typer.Exit(PENDING_EXIT)
    progress.print_totals(outcome, output)
    if outcome.failed or outcome.partial:
        raise typer.Exit(1)


# A batch job not finished yet: nothing failed, try again later (EX_TEMPFAIL).
PENDING_EXIT = 75


@app.command(cls=Command)
@reports_errors
def check(
    base_url: BaseUrlOption = None,
    model: ModelOption = None,
    mode: ModeOption = None,
) -> None:
    """Tell whether the model endpoint, the model and the structured mode work, one line each.

    Example: SUMMARIZER_BASE_URL=http://127.0.0.1:8080/v1 summarizer check --mode json
    """
    from summarizer.backends.llm.check import check_endpoint

    settings = settings_from(backend="llm", base_url=base_url, model=model, mode=mode)
    if not settings.endpoint_configured:
        raise ConfigError("no model endpoint: set SUMMARIZER_BASE_URL (or OPENAI_API_KEY) or pass --base-url")
    lines = check_endpoint(settings)
    for line in lines:
        typer.echo(f"{'ok  ' if line.ok else 'FAIL'} {line.name}: {line.detail}")
    if not all(line.ok for line in lines):
        raise typer.Exit(1)


cache_app = typer.Typer(cls=Group, help="The cache of model replies.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
CacheDirOption = Annotated[
    Path | None, typer.Option("--cache-dir", help="The cache folder. Env: SUMMARIZER_CACHE_DIR.")
]


@cache_app.command("stats", cls=Command)
@reports_errors
def cache_stats(cache_dir: CacheDirOption = None) -> None:
    """Print where the cache is, how many replies it holds and its size.

    Example: summarizer cache stats
    """
    from summarizer.cache import cache_stats as stats_of

    stats = stats_of(settings_from(cache_dir=cache_dir).cache_dir)
    size = f"{stats.size_bytes / 1e6:.1f} MB"
    if stats.damaged:
        typer.echo(
            f"{stats.directory}: damaged ({stats.problem}), {size}; "
            "the next run sets it aside and starts anew, `summarizer cache clear` removes it"
        )
        return
    if stats.problem is not None:
        typer.echo(f"{stats.directory}: cannot be read ({stats.problem}), {size}; runs go on without it")
        return
    read_only = " (read-only: runs use these replies and keep no new ones)" if stats.read_only else ""
    typer.echo(f"{stats.directory}: {stats.entries} replies, {size}{read_only}")


@cache_app.command("clear", cls=Command)
@reports_errors
def cache_clear(cache_dir: CacheDirOption = None) -> None:
    """Delete every cached model reply.

    Example: summarizer cache clear
    """
    from summarizer.cache import clear_cache_and_damage

    directory = settings_from(cache_dir=cache_dir).cache_dir
    cleared = clear_cache_and_damage(directory)
    damaged = f", and {cleared.damaged} damaged cache(s) removed whole" if cleared.damaged else ""
    typer.echo(f"{directory}: {cleared.replies} replies removed{damaged}")


@app.command(cls=Command)
@reports_errors
def schema() -> None:
    """Print the JSON Schema of the output (what schemas/summary.schema.json holds).

    Example: summarizer schema > schemas/summary.schema.json
    """
    from summarizer.schema import output_schema_json

    write_stdout(output_schema_json())


app.command("eval", cls=Command)(reports_errors(eval_command))
app.command("report", cls=Command)(reports_errors(with_settings(report_command)))
app.command("table", cls=Command)(reports_errors(with_settings(table_command)))
app.command("panel", cls=Command)(reports_errors(with_settings(panel_command)))
app.command("serve", cls=Command)(reports_errors(with_settings(serve_command)))


def main() -> None:
    """The console script: run the command, then leave without the interpreter's teardown."""
    end_on_sigterm()
    show_warnings_as_lines()
    try:
        app()
    except OSError as error:
        # Standard output or error gone (a closed pipe, a full disk) outside a command's own writes;
        # an error that names its file (none should reach here) is said with it.
        from summarizer.writing import output_error

        silence_stdout()
        say_error(str(output_error(error, error.filename or "<standard output>")))
        raise SystemExit(4) from None
    except SummarizerError as error:  # found while the arguments are read (a value after a flag)
        say_error(str(error))
        raise SystemExit(error.exit_code) from None
    finally:
        _end_quickly()


@contextmanager
def _collector_paused_until_first_file(pause: bool) -> Iterator[Any]:
    """With ``pause``, the garbage collector off from the batch's start until its first file is reported
    (the function yielded), and on again at the latest when the batch ends.

    Before its first call a model batch imports openai, instructor and their ~2,000 modules and
    ~1,900 pydantic classes; the collector walked that growing heap over and over meanwhile, some 10%
    of the start-up, which is paid before the first call goes out. By the first file the start-up is
    over. The objects made so far (the modules, their classes: some 200,000) are then moved out of the
    collector's sight (``gc.freeze``): left in, every full collection of the run walked them, 0.1 s a
    time on the event loop, just as the next calls were to go out. Only for the model backend: the
    rules backend's worker processes are forked from this one and would inherit a collector that is
    off. Only the CLI does this; the library never touches it."""
    import gc

    paused = pause and gc.isenabled()
    if paused:
        gc.disable()

    def resume() -> None:
        nonlocal paused
        if paused:
            paused = False
            gc.freeze()
            gc.enable()

    try:
        yield resume
    finally:
        resume()


def _end_quickly() -> None:
    """The process is about to end, its output written and closed: the objects it made are moved out of
    the garbage collector's sight, so that the interpreter's teardown does not walk them all. With
    openai, instructor and their pydantic types loaded (some 200,000 objects) that walk took 0.8 s
    after a model batch had finished. Only the console script does this; the library never does."""
    import gc

    gc.freeze()
