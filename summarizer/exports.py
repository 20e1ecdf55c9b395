"""The files an analyst loads: CSV, JSON Lines, xlsx, SQLite and Parquet, the wide place × year shape,
and pandas frames, for the panel and the targets table alike.

Every file has the same columns with the same types (``panel.COLUMN_TYPES``, ``table.COLUMN_TYPES``):
text, whole numbers, numbers. A SQLite file (``.db``, ``.sqlite``) is made with sqlite-utils and opens
as it is in datasette, duckdb or ``sqlite3``:

- ``documents``: one row per document (``id``, its source, index, readable ``label``, place, level,
  parent, years, and the overrides applied to it);
- ``targets``: one row per target (the table's columns; ``document_id`` → ``documents.id``);
- ``panel_cells`` (the panel only): one row per cell (the panel's columns; ``target_id`` and
  ``result_id`` → ``targets.id``, the figures the cell is judged by), and ``cell_figures``: every
  figure of every cell (``cell_id``, ``target_id``, ``role``);
- ``indicators``: the registry in effect (id, names, measures, better side);
- ``overrides``: every entry of the overrides file and how many items it matched.

Indexes on the columns a query filters by (place, indicator, year, status), and full-text search
(FTS5, trigram: any three characters of Chinese match) on the quotes: ``targets_fts``,
``panel_cells_fts``. Parquet needs ``pip install 'summarizer[parquet]'``, the frames
``pip install 'summarizer[pandas]'``.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError
from summarizer.writing import write_bytes_atomically

if TYPE_CHECKING:
    from summarizer.indicators import Registry
    from summarizer.panel import DocumentRecord, Panel

WIDE_PARTS = ("status", "target", "result", "gap")
_WIDE_KEY = ("place", "level", "parent", "indicator_id", "indicator", "measure", "horizon", "unit")
_PANDAS_TYPES = {str: "string", int: "Int64", float: "float64"}


def need(module: str, extra: str) -> Any:
    """Import an optional library, or stop with one line naming the extra that brings it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ConfigError(f"this needs {module}: pip install 'summarizer[{extra}]'") from None


# --- Rows to files.


def write_rows(
    rows: list[dict[str, Any]],
    path: Path,
    columns: tuple[str, ...],
    types: dict[str, type],
    *,
    table: str,
    sheet: str,
) -> None:
    """Rows of one shape by the file's suffix: CSV (UTF-8 with a BOM), JSON Lines, xlsx, Parquet, SQLite."""
    from summarizer.panel import write_xlsx
    from summarizer.table import write_csv, write_jsonl

    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(rows, path, columns)
    elif suffix == ".jsonl":
        write_jsonl(rows, path)
    elif suffix == ".xlsx":
        write_xlsx(rows, path, columns, sheet)
    elif suffix == ".parquet":
        write_parquet(rows, path, columns, types)
    else:
        with _database(path) as db:
            _insert(db, table, rows, columns, types)


def write_parquet(
    rows: list[dict[str, Any]], path: Path, columns: tuple[str, ...], types: dict[str, type]
) -> None:
    pa = need("pyarrow", "parquet")
    parquet = need("pyarrow.parquet", "parquet")
    arrow = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    schema = pa.schema([(name, arrow[types[name]]) for name in columns])
    data = {name: [_typed(row.get(name), types[name]) for row in rows] for name in columns}
    sink = io.BytesIO()
    parquet.write_table(pa.table(data, schema=schema), sink)
    write_bytes_atomically(path, sink.getvalue())


def _typed(value: Any, kind: type) -> Any:
    if value is None:
        return None
    if kind is float:
        return float(value)
    if kind is int:
        return int(value)
    return value if isinstance(value, str) else str(value)


# --- The wide shape.


def wide_rows(
    rows: list[dict[str, Any]], part: str
) -> tuple[list[dict[str, Any]], tuple[str, ...], dict[str, type]]:
    """One row per place, indicator, measure, horizon and unit; one column per year (``"2025"``) holding
    the cell's ``part``: its status, target, result or gap."""
    if part not in WIDE_PARTS:
        raise ConfigError(f"--wide-of must be one of {', '.join(WIDE_PARTS)}, not {part!r}")
    years = sorted({row["year"] for row in rows})
    lines: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        key = tuple(row[name] for name in _WIDE_KEY)
        line = lines.setdefault(
            key, {**{name: row[name] for name in _WIDE_KEY}, **{str(y): None for y in years}}
        )
        line[str(row["year"])] = row[part]
    columns = (*_WIDE_KEY, *(str(y) for y in years))
    kind: type = str if part == "status" else float
    types = {**dict.fromkeys(_WIDE_KEY, str), **{str(y): kind for y in years}}
    return list(lines.values()), columns, types


# --- SQLite.


class _database:
    """A sqlite-utils database built in a temporary file, written in place whole when done."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Any:
        sqlite_utils = need("sqlite_utils", "sqlite")
        self.folder = tempfile.TemporaryDirectory(prefix="summarizer-")
        self.file = Path(self.folder.name) / "out.sqlite"
        self.db = sqlite_utils.Database(self.file)
        return self.db

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        try:
            if kind is None:
                self.db.conn.commit()
                self.db.vacuum()
                self.db.close()
                write_bytes_atomically(self.path, self.file.read_bytes())
            else:
                self.db.close()
        finally:
            self.folder.cleanup()


def _insert(
    db: Any,
    name: str,
    rows: Iterable[dict[str, Any]],
    columns: tuple[str, ...],
    types: dict[str, type],
    *,
    pk: str | None = None,
    foreign_keys: list[tuple[str, str, str]] | None = None,
    indexes: Iterable[tuple[str, ...]] = (),
    search: tuple[str, ...] = (),
) -> None:
    schema = {name: types[name] for name in columns}
    table = db.table(name)
    table.create(schema, pk=pk, foreign_keys=foreign_keys or [], not_null=[pk] if pk else None)
    table.insert_all(
        ({name: _typed(row.get(name), types[name]) for name in columns} for row in rows), batch_size=500
    )
    for index in indexes:
        table.create_index(list(index), if_not_exists=True)
    if search:
        table.enable_fts(list(search), tokenize="trigram", create_triggers=True)


_DOCUMENT_COLUMNS = (
    "id",
    "source",
    "document_index",
    "label",
    "title",
    "place",
    "level",
    "parent",
    "review_year",
    "plan_year",
    "targets",
    "overrides",
)
_DOCUMENT_TYPES: dict[str, type] = {
    **dict.fromkeys(_DOCUMENT_COLUMNS, str),
    **dict.fromkeys(("id", "document_index", "review_year", "plan_year", "targets"), int),
}
_OVERRIDE_TYPES: dict[str, type] = {
    "file": str,
    "line": int,
    "source": str,
    "document": int,
    "action": str,
    "start": int,
    "end": int,
    "field": str,
    "value": str,
    "note": str,
    "matched": int,
}


def _document_rows(records: list[DocumentRecord]) -> list[dict[str, Any]]:
    return [
        {
            "id": number,
            "source": r.source,
            "document_index": r.index,
            "label": r.label,
            "title": r.title,
            "place": r.place,
            "level": r.level,
            "parent": r.parent,
            "review_year": r.review_year,
            "plan_year": r.plan_year,
            "targets": r.targets,
            "overrides": "; ".join(r.overrides) or None,
        }
        for number, r in enumerate(records, start=1)
    ]


def _write_documents_and_targets(
    db: Any, records: list[DocumentRecord], target_rows: list[dict[str, Any]], overrides: list[dict[str, Any]]
) -> dict[tuple[str, int, int, int], int]:
    """The documents, targets and overrides tables; the targets' ids by source, document, start, end."""
    from summarizer.overrides import COLUMNS as OVERRIDE_COLUMNS
    from summarizer.table import COLUMN_TYPES as TARGET_TYPES
    from summarizer.table import COLUMNS as TARGET_COLUMNS

    documents = _document_rows(records)
    ids = {(d["source"], d["document_index"]): d["id"] for d in documents}
    _insert(
        db,
        "documents",
        documents,
        _DOCUMENT_COLUMNS,
        _DOCUMENT_TYPES,
        pk="id",
        indexes=[("place",), ("plan_year",), ("source", "document_index")],
    )
    numbered = []
    target_ids: dict[tuple[str, int, int, int], int] = {}
    for number, row in enumerate(target_rows, start=1):
        key = (row["source"], row["document_index"], row["start"], row["end"])
        target_ids.setdefault(key, number)
        numbered.append({"id": number, "document_id": ids.get((row["source"], row["document_index"])), **row})
    columns = ("id", "document_id", *TARGET_COLUMNS)
    types = {"id": int, "document_id": int, **TARGET_TYPES}
    _insert(
        db,
        "targets",
        numbered,
        columns,
        types,
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        indexes=[("document_id",), ("indicator_id", "year"), ("place",), ("kind",)],
        search=("quote",),
    )
    _insert(db, "overrides", overrides, OVERRIDE_COLUMNS, _OVERRIDE_TYPES)
    return target_ids


def write_table_sqlite(
    path: Path,
    records: list[DocumentRecord],
    target_rows: list[dict[str, Any]],
    overrides: list[dict[str, Any]],
) -> None:
    """The targets table as SQLite: documents, targets and overrides."""
    with _database(path) as db:
        _write_documents_and_targets(db, records, target_rows, overrides)


def write_panel_sqlite(
    path: Path,
    panel: Panel,
    rows: list[dict[str, Any]],
    registry: Registry,
    target_rows: list[dict[str, Any]],
    overrides: list[dict[str, Any]],
) -> None:
    """The panel as SQLite: documents, targets, panel_cells, cell_figures, indicators and overrides."""
    from summarizer.panel import COLUMN_TYPES, COLUMNS

    with _database(path) as db:
        target_ids = _write_documents_and_targets(db, panel.records, target_rows, overrides)
        indicators = [
            {"id": i.id, "zh": i.zh, "en": i.en, "better": i.better, "measures": ",".join(sorted(i.measures))}
            for i in registry.indicators.values()
        ]
        _insert(
            db,
            "indicators",
            indicators,
            ("id", "zh", "en", "better", "measures"),
            dict.fromkeys(("id", "zh", "en", "better", "measures"), str),
            pk="id",
        )
        cells, figures = [], []
        for number, row in enumerate(rows, start=1):
            ids = {role: _figure_id(row, role, target_ids) for role in ("target", "result")}
            cells.append({"id": number, "target_id": ids["target"], "result_id": ids["result"], **row})
            for role, key in (("target", "targets"), ("result", "results")):
                for figure in row.get(key, []):
                    figure_id = target_ids.get(
                        (figure["source"], figure["document_index"], figure["start"], figure["end"])
                    )
                    figures.append(
                        {
                            "cell_id": number,
                            "target_id": figure_id,
                            "role": role,
                            "value": figure["value"],
                            "unit": figure["unit"],
                            "also_in": figure["also_in"],
                        }
                    )
        columns = ("id", *COLUMNS, "target_id", "result_id")
        types = {"id": int, **COLUMN_TYPES, "target_id": int, "result_id": int}
        _insert(
            db,
            "panel_cells",
            cells,
            columns,
            types,
            pk="id",
            foreign_keys=[
                ("target_id", "targets", "id"),
                ("result_id", "targets", "id"),
                ("indicator_id", "indicators", "id"),
            ],
            indexes=[("place",), ("indicator_id", "measure", "year"), ("year",), ("status",), ("level",)],
            search=("target_quote", "result_quote"),
        )
        figure_types: dict[str, type] = {
            "cell_id": int,
            "target_id": int,
            "role": str,
            "value": float,
            "unit": str,
            "also_in": int,
        }
        _insert(
            db,
            "cell_figures",
            figures,
            tuple(figure_types),
            figure_types,
            foreign_keys=[("cell_id", "panel_cells", "id"), ("target_id", "targets", "id")],
            indexes=[("cell_id",), ("target_id",)],
        )


def _figure_id(
    row: dict[str, Any], role: str, target_ids: dict[tuple[str, int, int, int], int]
) -> int | None:
    """The targets row of the figure a cell is judged by (its quote among the cell's figures)."""
    quote = row.get(f"{role}_quote")
    for figure in row.get(f"{role}s", []):
        if figure["quote"] == quote and figure["source"] == row.get(f"{role}_source"):
            return target_ids.get(
                (figure["source"], figure["document_index"], figure["start"], figure["end"])
            )
    return None


# --- pandas.


def frame(rows: list[dict[str, Any]], columns: tuple[str, ...], types: dict[str, type]) -> Any:
    """A pandas DataFrame of the rows, with the files' columns and types (nullable Int64, string)."""
    pandas = need("pandas", "pandas")
    data = {name: [_typed(row.get(name), types[name]) for row in rows] for name in columns}
    return pandas.DataFrame(
        {name: pandas.array(values, dtype=_PANDAS_TYPES[types[name]]) for name, values in data.items()}
    )
