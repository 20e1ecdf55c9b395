"""`summarizer report`, `table` and `panel`: the review page, the targets table and the panel of places."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarizer.cli.options import OverwriteOption

if TYPE_CHECKING:
    from summarizer.inputs import Collected

InputsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Source files, folders (their *.txt) or globs, summarized now; or summaries: a batch's .jsonl, "
        "an extract's .json (docs/output.md).",
        show_default=False,
    ),
]


def report_command(
    inputs: InputsArgument,
    settings: Any,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    overwrite: OverwriteOption = False,
) -> None:
    """Write one self-contained HTML page to review every item in its place in the text.

    A bad input is reported and the rest go on; the exit code is non-zero if any failed.

    Example: summarizer report seeds/*.txt -o report.html
    """
    from summarizer.indicators import load_registry
    from summarizer.inputs import collect_entries
    from summarizer.report import build_report
    from summarizer.writing import claim_output, write_text_atomically

    with claim_output(output, overwrite=overwrite):
        collected = _usable(collect_entries(inputs, settings))
        page = build_report(collected.entries, registry=load_registry(settings.indicators))
        write_text_atomically(output, page)
    typer.echo(f"{_counts(collected)} written to {output}", err=True)
    _exit_if_failed(collected)


def table_command(
    inputs: InputsArgument,
    settings: Any,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The table to write: .csv (UTF-8 with BOM) or .jsonl.")
    ],
    overwrite: OverwriteOption = False,
) -> None:
    """Write one row per target of every document, with its canonical indicator, as CSV or JSON Lines.

    A bad input is reported and the rest go on; the exit code is non-zero if any failed.

    Example: summarizer table seeds/*.txt -o targets.csv
    """
    from summarizer.indicators import load_registry
    from summarizer.inputs import collect_entries
    from summarizer.table import check_table_path, target_rows, write_table
    from summarizer.writing import claim_output

    check_table_path(output)
    with claim_output(output, overwrite=overwrite):
        collected = _usable(collect_entries(inputs, settings, with_text=False))
        summaries = (entry.summary for entry in collected.entries)
        rows = target_rows(summaries, load_registry(settings.indicators))
        write_table(rows, output)
    typer.echo(f"{len(rows)} targets from {_counts(collected)} written to {output}", err=True)
    _exit_if_failed(collected)


def panel_command(
    inputs: InputsArgument,
    settings: Any,
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="The panel to write: .csv (UTF-8 with BOM), .jsonl or .xlsx."),
    ],
    overwrite: OverwriteOption = False,
) -> None:
    """Line up each place's targets for a year with the results reported for that year later.

    One row per place, indicator, measure and year, with the target, the result and a status: met,
    missed, no result yet, no target or unclear (README.md, "The panel"). A bad input is reported
    and the rest go on; the exit code is non-zero if any failed.

    Example: summarizer batch corpus/ -o corpus.jsonl && summarizer panel corpus.jsonl -o panel.xlsx
    """
    from summarizer.cli.options import say_error
    from summarizer.errors import InputError
    from summarizer.indicators import load_registry
    from summarizer.inputs import Failure, iter_inputs
    from summarizer.panel import Panel, add_document, check_panel_path, write_panel
    from summarizer.writing import claim_output

    check_panel_path(output)
    registry = load_registry(settings.indicators)
    panel = Panel()
    files = 0
    with claim_output(output, overwrite=overwrite):
        failed: list[Failure] = []
        for item in iter_inputs(inputs, settings, with_text=False):
            if isinstance(item, Failure):
                failed.append(item)
                continue
            files += 1
            for document in item.summary.documents:
                add_document(panel, item.summary.source, document, registry)
        if not files and len(failed) == 1:
            raise InputError(f"{failed[0].reason}; nothing written", path=failed[0].name)
        for failure in failed:
            say_error(f"{failure.name}: {failure.reason}")
        if not files:
            raise InputError("no input could be read; nothing written")
        rows = write_panel(panel, registry, output)
    unplaced = (
        f"; {panel.documents_without_place} without a place left out" if panel.documents_without_place else ""
    )
    typer.echo(
        f"{rows} cells from {files} file(s), {panel.documents} document(s){unplaced}, written to {output}",
        err=True,
    )
    if failed:
        raise typer.Exit(1)


def _usable(collected: Collected) -> Collected:
    """Report every failed input; stop when none is left to work with (one input: in one line)."""
    from summarizer.cli import say_error
    from summarizer.errors import InputError

    if not collected.entries and len(collected.failures) == 1:
        name, reason = collected.failures[0]
        raise InputError(f"{reason}; nothing written", path=name)
    for name, reason in collected.failures:
        say_error(f"{name}: {reason}")
    if not collected.entries:
        raise InputError("no input could be read; nothing written")
    return collected


def _counts(collected: Collected) -> str:
    documents = sum(len(entry.summary.documents) for entry in collected.entries)
    return f"{len(collected.entries)} file(s), {documents} document(s)"


def _exit_if_failed(collected: Collected) -> None:
    if collected.failures:
        raise typer.Exit(1)
