"""The cross-document targets table: one row per target, with a canonical indicator name, as CSV or JSON Lines.

Canonical names come from ``data/indicators.json`` (canonical name -> its synonyms), which a user's
file of the same shape extends. A name is looked up as written, then without a jurisdiction prefix
(``全市``, ``我省`` …), then without a change suffix (``增长``, ``增速``, ``高于全省`` …) whose
meaning is kept: ``GDP增速`` -> ``<canonical of GDP>增速``. A name none of these find keeps its own.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
from summarizer.models import Document, Summary, Target

COLUMNS: tuple[str, ...] = (
    "source",
    "document_index",
    "document_title",
    "jurisdiction",
    "review_year",
    "plan_year",
    "kind",
    "indicator",
    "canonical_indicator",
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

_JURISDICTION_PREFIX = re.compile(
    r"^(?:全(?:国|省|市|州|县|区|盟|旗|年)|我(?:国|省|市|州|县|区|盟|旗)|本(?:省|市|县|区))"
)
# A suffix and what the canonical name keeps of it: a rate's change stays a rate, a plain change goes.
_CHANGE_SUFFIXES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"(?:增速|增幅|增长率)$"), "增速"),
    (re.compile(r"(?:增长|下降|降低|提高)$"), ""),
    (re.compile(r"(?:高于|低于|快于|慢于)(?:全国|全省|全市|全州|全区)(?:平均水平|平均)?$"), None),
)
# Spreadsheet programs run a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@")
_TEXT_COLUMNS = ("source", "document_title", "indicator", "canonical_indicator", "quote")


@dataclass(frozen=True)
class Indicators:
    """Synonym -> canonical indicator name."""

    canonical_of: dict[str, str]

    def canonical(self, name: str) -> str:
        """The canonical name of an indicator as a text gives it; an unknown one keeps its own name."""
        return self._lookup(name.strip()) or name

    def _lookup(self, name: str) -> str | None:
        if name in self.canonical_of:
            return self.canonical_of[name]
        bare = _JURISDICTION_PREFIX.sub("", name)
        if bare != name and bare in self.canonical_of:
            return self.canonical_of[bare]
        for pattern, kept in _CHANGE_SUFFIXES:
            match = pattern.search(bare)
            if match is None or match.start() == 0:
                continue
            base = self._lookup(bare[: match.start()])
            if base is not None:
                return base + (match.group() if kept is None else kept)
        return None


def load_indicators(extra: Path | None = None) -> Indicators:
    """The package's synonym table, merged with a user's file (its entries win over the package's)."""
    packaged = resources.files("summarizer").joinpath("data", "indicators.json").read_text(encoding="utf-8")
    canonical_of = _synonym_map(_parse_table(packaged, "summarizer/data/indicators.json"))
    if extra is not None:
        canonical_of.update(_synonym_map(_parse_table(_read_user_file(extra), str(extra))))
    return Indicators(canonical_of)


def _read_user_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("indicators file not found", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the indicators file: {error}", path=path) from None


def _parse_table(text: str, name: str) -> dict[str, list[str]]:
    try:
        table = json.loads(text)
    except json.JSONDecodeError as error:
        raise ConfigError(f"not valid JSON ({error.msg}, line {error.lineno})", path=name) from None
    shape_ok = isinstance(table, dict) and all(
        isinstance(key, str) and isinstance(value, list) and all(isinstance(s, str) for s in value)
        for key, value in table.items()
    )
    if not shape_ok:
        raise ConfigError(
            'expected a JSON object of canonical name -> list of synonyms, e.g. {"GDP": ["地区生产总值"]}',
            path=name,
        )
    return table


def _synonym_map(table: dict[str, list[str]]) -> dict[str, str]:
    canonical_of: dict[str, str] = {}
    for canonical, synonyms in table.items():
        for name in (canonical, *synonyms):
            canonical_of[name.strip()] = canonical
    return canonical_of


def target_rows(summaries: Iterable[Summary], indicators: Indicators | None = None) -> list[dict[str, Any]]:
    """One row per target of every document of every summary, with the columns of ``COLUMNS``."""
    indicators = indicators or load_indicators()
    return [
        _row(summary.source, document, target, indicators)
        for summary in summaries
        for document in summary.documents
        for target in document.targets
    ]


def _row(source: str, document: Document, target: Target, indicators: Indicators) -> dict[str, Any]:
    return {
        "source": source,
        "document_index": document.index,
        "document_title": document.title,
        "jurisdiction": document.jurisdiction,
        "review_year": document.review_year,
        "plan_year": document.plan_year,
        "kind": target.kind,
        "indicator": target.indicator,
        "canonical_indicator": indicators.canonical(target.indicator),
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


def write_table(rows: list[dict[str, Any]], path: Path) -> None:
    """Write CSV or JSON Lines, by the file's suffix."""
    check_table_path(path)
    try:
        if path.suffix.lower() == ".csv":
            write_csv(rows, path)
        else:
            write_jsonl(rows, path)
    except OSError as error:
        raise ConfigError(f"cannot write: {error.strerror}", path=path) from None


def write_csv(rows: list[dict[str, Any]], path: Path) -> None:
    """CSV in UTF-8 with a BOM, so that spreadsheet programs read the Chinese right.

    A text cell that a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``) gets a
    leading apostrophe; the JSON Lines table keeps every value as it is.
    """
    with path.open("w", encoding="utf-8-sig", newline="") as sink:
        writer = csv.DictWriter(sink, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _csv_cell(name, row[name]) for name in COLUMNS})


def _csv_cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if name in _TEXT_COLUMNS and isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_jsonl(rows: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as sink:
        for row in rows:
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
