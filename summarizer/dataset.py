"""The analyst's dataset, made the same way for the command line and the library: read the inputs one
summary at a time, apply the overrides, keep the headline items where asked, and build the panel or the
targets table, filtered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from summarizer.config import Settings
from summarizer.indicators import Registry, load_registry
from summarizer.inputs import Failure, ReportEntry, iter_inputs
from summarizer.models import Summary
from summarizer.overrides import Overrides, load_overrides
from summarizer.panel import DocumentRecord, Panel, add_document, document_record
from summarizer.selection import Selection, headline_only
from summarizer.table import document_rows

Input = str | Path | Summary


class Sink(Protocol):
    """Where each document and its targets' rows go as they are read (``exports.SqliteDataset``)."""

    def add(self, record: DocumentRecord, target_rows: list[dict[str, Any]]) -> None: ...


@dataclass
class Dataset:
    """What one run read: the panel (documents and cells), the targets' rows, and what went wrong."""

    panel: Panel = field(default_factory=Panel)
    target_rows: list[dict[str, Any]] = field(default_factory=list)
    files: int = 0
    failures: list[Failure] = field(default_factory=list)
    # Documents without a place read from schema "1" lines (written before places were read).
    unplaced_from_schema_1: int = 0


def read_entries(
    inputs: Iterable[Input],
    settings: Settings,
    *,
    registry: Registry,
    selection: Selection,
    overrides: Overrides | None,
    with_text: bool = False,
) -> Iterator[ReportEntry | Failure]:
    """Each input's summary, corrected and cut to its headline items where asked; or its failure."""
    paths: list[str] = []
    given: list[Summary] = []
    for item in inputs:
        if isinstance(item, Summary):
            given.append(item)
        else:
            paths.append(str(item))
    needs_text = with_text or selection.headline
    entries: Iterator[ReportEntry | Failure] = (
        iter_inputs(paths, settings, with_text=needs_text) if paths else iter(())
    )
    for entry in (*(ReportEntry(s, None) for s in given), *entries) if given else entries:
        if isinstance(entry, Failure):
            yield entry
            continue
        summary = overrides.apply(entry.summary) if overrides is not None else entry.summary
        if selection.headline:
            if entry.text is None:
                reason = entry.note or "no source text"
                yield Failure(
                    summary.source, f"--headline needs the source text to find its paragraphs: {reason}"
                )
                continue
            summary = headline_only(summary, entry.text, registry)
        yield ReportEntry(summary, entry.text if with_text else None, entry.note)


def gather(
    inputs: Iterable[Input],
    settings: Settings | None = None,
    *,
    registry: Registry | None = None,
    selection: Selection | None = None,
    overrides: Overrides | None = None,
    panel: bool = True,
    targets: bool = False,
    on_failure: Callable[[Failure], None] | None = None,
    sink: Sink | None = None,
) -> Dataset:
    """Read every input into a Dataset: the panel, and the targets' rows (filtered by ``selection``);
    with a ``sink`` (a SQLite file being filled), each document and its targets' rows go there instead."""
    settings = settings or Settings()
    registry = registry or load_registry(settings.indicators)
    selection = selection or Selection()
    data = Dataset()
    for entry in read_entries(inputs, settings, registry=registry, selection=selection, overrides=overrides):
        if isinstance(entry, Failure):
            data.failures.append(entry)
            if on_failure is not None:
                on_failure(entry)
            continue
        data.files += 1
        summary = entry.summary
        for document in summary.documents:
            if panel:
                add_document(data.panel, summary.source, document, registry, overrides)
            else:
                data.panel.documents += 1
                data.panel.documents_without_place += document.place is None
                data.panel.records.append(document_record(summary.source, document, overrides))
            data.unplaced_from_schema_1 += (
                summary.read_from_version == "1" and data.panel.records[-1].place is None
            )
            if targets or sink is not None:
                rows = document_rows(
                    summary.source, document, registry, keep=selection.keeps_target, corrections=overrides
                )
                if sink is not None:
                    sink.add(data.panel.records[-1], rows)
                else:
                    data.target_rows.extend(rows)
    return data


def overrides_from(path: Path | str | None, registry: Registry) -> Overrides | None:
    return load_overrides(Path(path), registry) if path is not None else None


def _selection(
    registry: Registry,
    place: str | Iterable[str] | None,
    level: str | Iterable[str] | None,
    indicator: str | Iterable[str] | None,
    year_from: int | None,
    year_to: int | None,
    status: str | Iterable[str] | None,
    headline: bool,
) -> Selection:
    def many(value: str | Iterable[str] | None) -> tuple[str, ...]:
        if value is None:
            return ()
        return (value,) if isinstance(value, str) else tuple(value)

    return Selection.of(
        registry,
        place=many(place),
        level=many(level),
        indicator=many(indicator),
        year_from=year_from,
        year_to=year_to,
        status=many(status),
        headline=headline,
    )


def panel_frame(
    inputs: Input | Iterable[Input],
    *,
    settings: Settings | None = None,
    overrides: Path | str | None = None,
    place: str | Iterable[str] | None = None,
    level: str | Iterable[str] | None = None,
    indicator: str | Iterable[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    status: str | Iterable[str] | None = None,
    headline: bool = False,
) -> Any:
    """The panel as a pandas DataFrame, with the columns and types of ``summarizer panel``'s files.

    ``inputs``: source files, folders, globs or batch outputs (as the command takes them), or Summary
    objects; the filters and ``overrides`` as the command's options. Needs ``summarizer[pandas]``.
    """
    from summarizer.exports import frame, need
    from summarizer.panel import COLUMN_TYPES, COLUMNS, panel_rows

    need("pandas", "pandas")
    settings = settings or Settings()
    registry = load_registry(settings.indicators)
    selection = _selection(registry, place, level, indicator, year_from, year_to, status, headline)
    data = gather(
        _listed(inputs),
        settings,
        registry=registry,
        selection=selection,
        overrides=overrides_from(overrides, registry),
    )
    _raise_if_nothing(data)
    keep = selection.keeps_cell if selection.filters_cells else None
    return frame(list(panel_rows(data.panel, registry, keep=keep)), COLUMNS, COLUMN_TYPES)


def targets_frame(
    inputs: Input | Iterable[Input],
    *,
    settings: Settings | None = None,
    overrides: Path | str | None = None,
    place: str | Iterable[str] | None = None,
    level: str | Iterable[str] | None = None,
    indicator: str | Iterable[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    headline: bool = False,
) -> Any:
    """The targets table as a pandas DataFrame, with the columns and types of ``summarizer table``'s files."""
    from summarizer.exports import frame, need
    from summarizer.table import COLUMN_TYPES, COLUMNS

    need("pandas", "pandas")
    settings = settings or Settings()
    registry = load_registry(settings.indicators)
    selection = _selection(registry, place, level, indicator, year_from, year_to, None, headline)
    data = gather(
        _listed(inputs),
        settings,
        registry=registry,
        selection=selection,
        overrides=overrides_from(overrides, registry),
        panel=False,
        targets=True,
    )
    _raise_if_nothing(data)
    return frame(data.target_rows, COLUMNS, COLUMN_TYPES)


def _listed(inputs: Input | Iterable[Input]) -> list[Input]:
    if isinstance(inputs, (str, Path, Summary)):
        return [inputs]
    return list(inputs)


def _raise_if_nothing(data: Dataset) -> None:
    from summarizer.errors import InputError

    if not data.files:
        reasons = "; ".join(f"{f.name}: {f.reason}" for f in data.failures[:3])
        raise InputError(f"no input could be read{': ' + reasons if reasons else ''}")
