"""`summarizer report`, `table` and `panel`: the review page, the targets table and the panel of places."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarizer.cli.options import (
    FromOption,
    HeadlineOption,
    IndicatorFilterOption,
    LevelOption,
    OverridesOption,
    OverwriteOption,
    PlaceOption,
    ToOption,
)

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
    place: PlaceOption = None,
    level: LevelOption = None,
    indicator: IndicatorFilterOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    headline: HeadlineOption = False,
    overrides: OverridesOption = None,
) -> None:
    """Write one self-contained HTML page to review every item in its place in the text.

    The filters keep the documents of the places and levels asked for that review or plan a year in
    range, and of their targets those of the indicators asked for (--headline: of the headline
    paragraphs); the corpus view shows their panel. A bad input is reported and the rest go on; the
    exit code is non-zero if any failed or an override matched nothing.

    Example: summarizer report seeds/*.txt -o report.html
    """
    from summarizer.dataset import overrides_from, read_entries
    from summarizer.indicators import load_registry
    from summarizer.inputs import Collected, Failure
    from summarizer.report import build_report
    from summarizer.selection import Selection
    from summarizer.writing import claim_output, write_text_atomically

    registry = load_registry(settings.indicators)
    selection = Selection.of(
        registry,
        place=place or (),
        level=level or (),
        indicator=indicator or (),
        year_from=year_from,
        year_to=year_to,
        headline=headline,
    )
    corrections = overrides_from(overrides, registry)
    _refuse_output_among_inputs(inputs, output)
    with claim_output(output, overwrite=overwrite):
        collected = Collected()
        for item in read_entries(
            inputs, settings, registry=registry, selection=selection, overrides=corrections, with_text=True
        ):
            if isinstance(item, Failure):
                collected.failures.append((item.name, item.reason))
            else:
                collected.entries.append(_selected_entry(item, selection, registry))
        collected = _usable(collected)
        page = build_report(collected.entries, registry=registry, corrections=corrections)
        write_text_atomically(output, page)
    typer.echo(f"{_counts(collected)} written to {output}", err=True)
    unmatched = _say_overrides(corrections)
    _exit_if_failed(collected, unmatched)


def _selected_entry(entry: Any, selection: Any, registry: Any) -> Any:
    """The entry with only the documents and targets the filters keep."""
    from summarizer.inputs import ReportEntry

    if not (selection.places or selection.levels or selection.indicators) and (
        selection.year_from is None and selection.year_to is None
    ):
        return entry
    documents = []
    for document in entry.summary.documents:
        if not selection.keeps_document(document):
            continue
        if selection.indicators:
            kept = [t for t in document.targets if selection.keeps_indicator(registry.identify_target(t))]
            document = document.model_copy(update={"targets": kept})
        documents.append(document)
    return ReportEntry(entry.summary.model_copy(update={"documents": documents}), entry.text, entry.note)


def table_command(
    inputs: InputsArgument,
    settings: Any,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The table to write: .csv (UTF-8 with BOM), .jsonl, .xlsx, .db/.sqlite (SQLite) or .parquet.",
        ),
    ],
    overwrite: OverwriteOption = False,
    place: PlaceOption = None,
    level: LevelOption = None,
    indicator: IndicatorFilterOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    headline: HeadlineOption = False,
    overrides: OverridesOption = None,
) -> None:
    """Write one row per target of every document, with its canonical indicator.

    CSV, JSON Lines, xlsx, Parquet (pip install 'summarizer[parquet]') or SQLite (tables documents,
    targets and overrides, full-text search on the quotes). The filters keep the targets of the
    places, levels and indicators asked for, for years in range (--headline: those of the headline
    paragraphs). A bad input is reported and the rest go on; the exit code is non-zero if any failed
    or an override matched nothing.

    Example: summarizer table seeds/*.txt -o targets.csv
    """
    from summarizer.dataset import gather, overrides_from
    from summarizer.indicators import load_registry
    from summarizer.selection import Selection
    from summarizer.table import check_table_path, write_table
    from summarizer.writing import claim_output

    check_table_path(output)
    registry = load_registry(settings.indicators)
    selection = Selection.of(
        registry,
        place=place or (),
        level=level or (),
        indicator=indicator or (),
        year_from=year_from,
        year_to=year_to,
        headline=headline,
    )
    corrections = overrides_from(overrides, registry)
    sqlite = output.suffix.lower() in (".db", ".sqlite")
    failures = FailureLines()
    _refuse_output_among_inputs(inputs, output)
    with claim_output(output, overwrite=overwrite), _sqlite_sink(output if sqlite else None) as sink:
        data = gather(
            inputs,
            settings,
            registry=registry,
            selection=selection,
            overrides=corrections,
            panel=False,
            targets=True,
            on_failure=failures,
            sink=sink,
        )
        if not data.files:
            raise failures.nothing_read()
        failures.flush()
        if sink is not None:
            sink.add_overrides(corrections.rows() if corrections else [])
        else:
            write_table(data.target_rows, output, documents=data.panel.records)
    targets = sink.targets if sink is not None else len(data.target_rows)
    typer.echo(
        f"{targets} targets from {data.files} file(s), {data.panel.documents} document(s) "
        f"written to {output}",
        err=True,
    )
    unmatched = _say_overrides(corrections)
    if data.failures or unmatched:
        raise typer.Exit(1)


def panel_command(
    inputs: InputsArgument,
    settings: Any,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The panel to write: .csv (UTF-8 with BOM), .jsonl, .xlsx, .db/.sqlite (SQLite) or .parquet.",
        ),
    ],
    overwrite: OverwriteOption = False,
    place: PlaceOption = None,
    level: LevelOption = None,
    indicator: IndicatorFilterOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help="Only cells of this status (repeatable): met, missed, not reported …"),
    ] = None,
    headline: HeadlineOption = False,
    overrides: OverridesOption = None,
    wide: Annotated[
        bool,
        typer.Option("--wide", help="One row per place and indicator, one column per year (see --wide-of)."),
    ] = False,
    wide_of: Annotated[
        str,
        typer.Option(
            "--wide-of", help="What a year's column holds with --wide: status, target, result or gap."
        ),
    ] = "status",
) -> None:
    """Line up each place's targets for a year with the results reported for that year later.

    One row per place, indicator, measure, year and horizon, with the target, the result, the gap and
    a status: met, missed, reached, not reached, no result yet, not reported, no target or unclear
    (README.md, "The panel"). SQLite (.db, .sqlite) holds the tables documents, targets, panel_cells,
    cell_figures, indicators and overrides, with full-text search on the quotes; Parquet needs pip
    install 'summarizer[parquet]'. A bad input is reported and the rest go on; the exit code is
    non-zero if any failed or an override matched nothing.

    Example: summarizer batch corpus/ -o corpus.jsonl && summarizer panel corpus.jsonl -o panel.sqlite
    """
    from summarizer.dataset import gather, overrides_from
    from summarizer.errors import ConfigError
    from summarizer.exports import WIDE_PARTS
    from summarizer.indicators import load_registry
    from summarizer.panel import check_panel_path, panel_rows, write_panel
    from summarizer.selection import Selection
    from summarizer.writing import claim_output

    check_panel_path(output)
    if wide_of not in WIDE_PARTS:
        raise ConfigError(f"--wide-of must be one of {', '.join(WIDE_PARTS)}, not {wide_of!r}")
    registry = load_registry(settings.indicators)
    selection = Selection.of(
        registry,
        place=place or (),
        level=level or (),
        indicator=indicator or (),
        year_from=year_from,
        year_to=year_to,
        status=status or (),
        headline=headline,
    )
    corrections = overrides_from(overrides, registry)
    sqlite = output.suffix.lower() in (".db", ".sqlite") and not wide
    keep = selection.keeps_cell if selection.filters_cells else None
    failures = FailureLines()
    _refuse_output_among_inputs(inputs, output)
    with claim_output(output, overwrite=overwrite), _sqlite_sink(output if sqlite else None) as sink:
        data = gather(
            inputs,
            settings,
            registry=registry,
            selection=selection,
            overrides=corrections,
            on_failure=failures,
            sink=sink,
        )
        if not data.files:
            raise failures.nothing_read()
        failures.flush()
        if sink is not None:
            cells = list(panel_rows(data.panel, registry, with_figures=True, keep=keep))
            sink.add_panel(cells, registry)
            sink.add_overrides(corrections.rows() if corrections else [])
            rows = len(cells)
        else:
            rows = write_panel(data.panel, registry, output, keep=keep, wide=wide_of if wide else None)
    panel = data.panel
    unplaced = (
        f"; {panel.documents_without_place} without a place left out" if panel.documents_without_place else ""
    )
    if data.unplaced_from_schema_1:
        unplaced += (
            f" ({data.unplaced_from_schema_1} of them from schema 1 lines, written before places were read: "
            "run `summarizer batch` on their texts again to place them)"
        )
    what = "rows" if wide else "cells"
    typer.echo(
        f"{rows} {what} from {data.files} file(s), {panel.documents} document(s){unplaced}, written to {output}",
        err=True,
    )
    unmatched = _say_overrides(corrections)
    if data.failures or unmatched:
        raise typer.Exit(1)


def _sqlite_sink(path: Path | None) -> Any:
    """The SQLite file the run fills as it reads (``exports.SqliteDataset``), or nothing to fill."""
    import contextlib

    from summarizer.exports import SqliteDataset

    return SqliteDataset(path) if path is not None else contextlib.nullcontext()


class FailureLines:
    """Inputs that failed, said as they come, but the first held back until more comes: a run whose
    only input fails says so in one line, the error that ends it."""

    def __init__(self) -> None:
        self.count = 0
        self.held: Any = None

    def __call__(self, failure: Any) -> None:
        self.count += 1
        if self.count == 1:
            self.held = failure
            return
        self.flush()
        _say_failure(failure)

    def flush(self) -> None:
        if self.held is not None:
            _say_failure(self.held)
            self.held = None

    def nothing_read(self) -> Exception:
        from summarizer.errors import InputError

        if self.count == 1 and self.held is not None:
            failure, self.held = self.held, None
            return InputError(f"{failure.reason}; nothing written", path=failure.name)
        self.flush()
        return InputError("no input could be read; nothing written")


def _say_failure(failure: Any) -> None:
    from summarizer.cli.options import say_error

    say_error(f"{failure.name}: {failure.reason}")


def _say_overrides(corrections: Any) -> int:
    """One line on what the overrides did, and an error line for each that matched nothing."""
    from summarizer.cli.options import say_error

    if corrections is None:
        return 0
    typer.echo(corrections.summary_line(), err=True)
    unmatched = corrections.unmatched()
    for entry in unmatched:
        say_error(f"override matches nothing: {entry.names()}")
    return len(unmatched)


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


def _exit_if_failed(collected: Collected, unmatched: int = 0) -> None:
    if collected.failures or unmatched:
        raise typer.Exit(1)


def _refuse_output_among_inputs(inputs: list[str], output: Path) -> None:
    """An input named as the output too (``table b.jsonl -o b.jsonl --overwrite``): refused before
    anything is touched, since writing the output would destroy what it is read from."""
    from summarizer.batch import refuse_output_as_input

    refuse_output_as_input([Path(name) for name in inputs], output)
