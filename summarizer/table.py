"""The cross-document targets table: one row per target, with its canonical indicator, as CSV or JSON Lines.

Each target's indicator is identified anew against the registry in effect (the packaged one and a
user's ``--indicators`` file), so that a batch output written before either changed gets today's
ids: ``indicator_id`` and ``measure`` from ``summarizer.indicators``, and ``canonical_indicator``,
the registry's standard Chinese name (the text's own name where the registry has no id for it).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from summarizer.errors import ConfigError
from summarizer.indicators import Registry, load_registry, measure_of
from summarizer.models import Document, Summary, Target
from summarizer.writing import write_atomically

COLUMNS: tuple[str, ...] = (
    "source",
    "document_index",
    "document_title",
    "jurisdiction",
    "place",
    "review_year",
    "plan_year",
    "kind",
    "indicator",
    "indicator_id",
    "canonical_indicator",
    "measure",
    "value",
    "value_high",
    "unit",
    "change",
    "qualifier",
    "year",
    "quote",
    "start",
    "end",
)
TABLE_SUFFIXES = (".csv", ".jsonl")

# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@")


def target_rows(summaries: Iterable[Summary], registry: Registry | None = None) -> list[dict[str, Any]]:
    """One row per target of every document of every summary, with the columns of ``COLUMNS``."""
    registry = registry or load_registry()
    return [
        _row(summary.source, document, target, registry)
        for summary in summaries
        for document in summary.documents
        for target in document.targets
    ]


def _row(source: str, document: Document, target: Target, registry: Registry) -> dict[str, Any]:
    indicator = registry.get(registry.identify_target(target))
    return {
        "source": source,
        "document_index": document.index,
        "document_title": document.title,
        "jurisdiction": document.jurisdiction,
        "place": document.place,
        "review_year": document.review_year,
        "plan_year": document.plan_year,
        "kind": target.kind,
        "indicator": target.indicator,
        "indicator_id": indicator.id if indicator else None,
        "canonical_indicator": indicator.zh if indicator else target.indicator,
        "measure": measure_of(
            target.indicator, target.unit, target.change, indicator.measures if indicator else None
        ),
        "value": _plain_number(target.value),
        "value_high": _plain_number(target.value_high),
        "unit": target.unit,
        "change": target.change,
        "qualifier": target.qualifier,
        "year": target.year,
        "quote": target.quote,
        "start": target.start,
        "end": target.end,
    }


def _plain_number(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def check_table_path(path: Path) -> None:
    """Fail before any work when the output's suffix names no format we write."""
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise ConfigError("the table's file name must end in .csv or .jsonl", path=path)


def write_table(rows: list[dict[str, Any]], path: Path, columns: tuple[str, ...] = COLUMNS) -> None:
    """Write CSV or JSON Lines, by the file's suffix, whole or not at all."""
    check_table_path(path)
    if path.suffix.lower() == ".csv":
        write_csv(rows, path, columns)
    else:
        write_jsonl(rows, path)


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
