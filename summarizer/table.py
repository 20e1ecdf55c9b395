"""The cross-document targets table: one row per target, with its canonical indicator, as CSV, JSON
Lines, xlsx, SQLite or Parquet.

Each target's indicator is identified anew against the registry in effect (the packaged one and a
user's ``--indicators`` file), so that a batch output written before either changed gets today's
ids: ``indicator_id`` and ``measure`` from ``summarizer.indicators``, and ``canonical_indicator``,
the registry's standard Chinese name as the document's level writes it (国内生产总值 for the nation;
the text's own name where the registry has no id for it). Beside the target: its document's readable
label, its place's level and parent, the year of the document (``set_in``), the target's
``horizon`` (annual, five-year, long-term) and any override applied to it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from summarizer.errors import ConfigError
from summarizer.hierarchy import place_level, place_parent
from summarizer.indicators import Registry, load_registry, measure_of
from summarizer.labels import document_label
from summarizer.models import Document, Summary, Target
from summarizer.panel import _NO_CORRECTIONS, Corrections, horizon_of, issued_in
from summarizer.writing import write_atomically

COLUMNS: tuple[str, ...] = (
    "source",
    "document_index",
    "document",
    "document_title",
    "jurisdiction",
    "place",
    "level",
    "parent",
    "review_year",
    "plan_year",
    "set_in",
    "kind",
    "indicator",
    "indicator_id",
    "canonical_indicator",
    "measure",
    "horizon",
    "value",
    "value_high",
    "stretch",
    "unit",
    "change",
    "qualifier",
    "year",
    "quote",
    "start",
    "end",
    "overrides",
)
COLUMN_TYPES: dict[str, type] = {
    **dict.fromkeys(COLUMNS, str),
    **dict.fromkeys(("document_index", "review_year", "plan_year", "set_in", "year", "start", "end"), int),
    **dict.fromkeys(("value", "value_high", "stretch"), float),
}
TABLE_SUFFIXES = (".csv", ".jsonl", ".xlsx", ".db", ".sqlite", ".parquet")

# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@")


def target_rows(
    summaries: Iterable[Summary],
    registry: Registry | None = None,
    *,
    keep: Callable[[dict[str, Any]], bool] | None = None,
    corrections: Corrections | None = None,
) -> list[dict[str, Any]]:
    """One row per target of every document of every summary, with the columns of ``COLUMNS``;
    ``keep`` picks the rows (``summarizer.selection``)."""
    registry = registry or load_registry()
    rows = []
    for summary in summaries:
        for document in summary.documents:
            rows.extend(document_rows(summary.source, document, registry, keep=keep, corrections=corrections))
    return rows


def document_rows(
    source: str,
    document: Document,
    registry: Registry,
    *,
    keep: Callable[[dict[str, Any]], bool] | None = None,
    corrections: Corrections | None = None,
) -> list[dict[str, Any]]:
    """The rows of one document's targets."""
    corrections = corrections or _NO_CORRECTIONS
    issued = issued_in(document)
    context = {
        "label": document_label(document.place, issued, document.title, source),
        "level": corrections.level(source, document.index)
        or (place_level(document.place, document.jurisdiction) if document.place else None),
        "parent": place_parent(document.place) if document.place else None,
        "issued": issued,
    }
    rows = []
    for target in document.targets:
        row = _row(source, document, target, registry, context)
        row["overrides"] = "; ".join(corrections.item_marks(source, document.index, target)) or None
        if keep is None or keep(row):
            rows.append(row)
    return rows


def _row(
    source: str, document: Document, target: Target, registry: Registry, context: dict[str, Any]
) -> dict[str, Any]:
    indicator = registry.get(registry.identify_target(target))
    return {
        "source": source,
        "document_index": document.index,
        "document": context["label"],
        "document_title": document.title,
        "jurisdiction": document.jurisdiction,
        "place": document.place,
        "level": context["level"],
        "parent": context["parent"],
        "review_year": document.review_year,
        "plan_year": document.plan_year,
        "set_in": context["issued"],
        "kind": target.kind,
        "indicator": target.indicator,
        "indicator_id": indicator.id if indicator else None,
        "canonical_indicator": indicator.name_at(context["level"]) if indicator else target.indicator,
        "measure": measure_of(
            target.indicator, target.unit, target.change, indicator.measures if indicator else None
        ),
        "horizon": horizon_of(target, context["issued"]) if target.year is not None else None,
        "value": _plain_number(target.value),
        "value_high": _plain_number(target.value_high),
        "stretch": _plain_number(target.stretch),
        "unit": target.unit,
        "change": target.change,
        "qualifier": target.qualifier,
        "year": target.year,
        "quote": target.quote,
        "start": target.start,
        "end": target.end,
        "overrides": None,
    }


def _plain_number(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def check_table_path(path: Path) -> None:
    """Fail before any work when the output's suffix names no format we write."""
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise ConfigError(
            "the table's file name must end in .csv, .jsonl, .xlsx, .db, .sqlite or .parquet", path=path
        )


def write_table(
    rows: list[dict[str, Any]],
    path: Path,
    columns: tuple[str, ...] = COLUMNS,
    *,
    documents: list[Any] | None = None,
    overrides: list[dict[str, Any]] | None = None,
) -> None:
    """Write the table by the file's suffix, whole or not at all; a SQLite file also holds the
    documents (``panel.DocumentRecord``) and the overrides."""
    from summarizer import exports

    check_table_path(path)
    if path.suffix.lower() in (".db", ".sqlite"):
        exports.write_table_sqlite(path, documents or [], rows, overrides or [])
    else:
        exports.write_rows(rows, path, columns, COLUMN_TYPES, table="targets", sheet="targets")


def write_csv(rows: list[dict[str, Any]], path: Path, columns: tuple[str, ...] = COLUMNS) -> None:
    """CSV in UTF-8 with a BOM, so that spreadsheet programs read the Chinese right.

    A text cell that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) gets a
    leading apostrophe; the JSON Lines table keeps every value as it is.
    """

    def write(sink: IO[str]) -> None:
        writer = csv.DictWriter(sink, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: spreadsheet_safe(row[name]) for name in columns})

    write_atomically(path, write, encoding="utf-8-sig", newline="")


def spreadsheet_safe(value: Any) -> Any:
    """A cell as a spreadsheet should see it: empty for null, text that looks like a formula quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    def write(sink: IO[str]) -> None:
        for row in rows:
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")

    write_atomically(path, write)
