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

import errno
import io
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError, OutputError
from summarizer.writing import output_error, write_bytes_atomically

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

# SQLite's result codes (``sqlite3.Error.sqlite_errorcode``, primary code in the low byte) and the
# system error each means for a file being written, so that they read as every other write error.
_SQLITE_ERRNOS = {
    13: errno.ENOSPC,  # SQLITE_FULL: "database or disk is full"
    8: errno.EROFS,  # SQLITE_READONLY: "attempt to write a readonly database"
    3: errno.EACCES,  # SQLITE_PERM
    23: errno.EACCES,  # SQLITE_AUTH
    18: errno.EFBIG,  # SQLITE_TOOBIG
}
_SQLITE_WORDS = (("disk is full", errno.ENOSPC), ("readonly", errno.EROFS), ("too big", errno.EFBIG))


def sqlite_output_error(error: sqlite3.Error, path: Path) -> OutputError:
    """A one-line error for what SQLite said while writing ``path``: a full disk reads as it does for
    every other format ("cannot write: no space left on the device"), with the same exit code."""
    code = getattr(error, "sqlite_errorcode", None)
    number = _SQLITE_ERRNOS.get(code & 0xFF) if isinstance(code, int) else None
    if number is None:
        number = next((n for words, n in _SQLITE_WORDS if words in str(error)), None)
    if number is None:
        return OutputError(f"cannot write: {error}", path=path)
    return output_error(OSError(number, str(error)), path)


class _database:
    """A sqlite-utils database built in a temporary file beside the output, renamed into place whole
    when done (removed if anything fails); a path that is not a regular file gets the finished bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Any:
        import os

        import sqlite_utils  # a dependency of the package, imported where a database is made

        from summarizer.writing import make_parent, output_error

        self.beside = not (self.path.exists() and not self.path.is_file() and not self.path.is_dir())
        try:
            if self.beside:
                make_parent(self.path)
                descriptor, name = tempfile.mkstemp(
                    prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent
                )
                os.close(descriptor)
                self.file = Path(name)
                mask = os.umask(0)
                os.umask(mask)
                os.chmod(self.file, 0o666 & ~mask)  # the mode a file the user writes gets, not mkstemp's 0600
            else:
                self.folder = tempfile.TemporaryDirectory(prefix="summarizer-")
                self.file = Path(self.folder.name) / "out.sqlite"
        except OSError as error:
            raise output_error(error, self.path) from None
        try:
            self.db = sqlite_utils.Database(self.file)
            # A scratch file until it is renamed: no journal, no waiting for the disk per batch.
            self.db.execute("PRAGMA journal_mode = OFF")
            self.db.execute("PRAGMA synchronous = OFF")
        except sqlite3.Error as failure:
            self._discard()
            raise sqlite_output_error(failure, self.path) from None
        return self.db

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        """Done: the file renamed into place. Failed: removed; an error of SQLite's (a full disk while
        rows went in) said in one line as any write error, not as SQLite's traceback."""
        import contextlib
        import os

        try:
            if kind is None:
                self.db.conn.commit()
                self.db.execute("PRAGMA synchronous = FULL")
                self.db.close()
                if self.beside:
                    with open(self.file, "rb+") as handle:
                        os.fsync(handle.fileno())
                    os.replace(self.file, self.path)
                else:
                    write_bytes_atomically(self.path, self.file.read_bytes())
            else:
                with contextlib.suppress(sqlite3.Error):
                    self.db.close()
                if isinstance(error, sqlite3.Error):
                    raise sqlite_output_error(error, self.path) from None
        except OSError as failure:
            raise output_error(failure, self.path) from None
        except sqlite3.Error as failure:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            raise sqlite_output_error(failure, self.path) from None
        finally:
            self._discard()

    def _discard(self) -> None:
        """The scratch file (or folder) gone: renamed into place already, or not wanted."""
        import contextlib

        if self.beside:
            with contextlib.suppress(OSError):
                self.file.unlink()
        else:
            self.folder.cleanup()


def _insert(
    db: Any, name: str, rows: Iterable[dict[str, Any]], columns: tuple[str, ...], types: dict[str, type]
) -> None:
    _create(db, name, columns, types)
    _rows_into(db, name, rows, columns, types)


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


def _document_row(number: int, r: DocumentRecord) -> dict[str, Any]:
    return {
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


class SqliteDataset:
    """A SQLite file filled as the inputs are read: each document and its targets as it comes (so that
    memory does not grow with them), then the panel's cells, the registry and the overrides; indexes and
    full-text search made once at the end; the file written in place whole."""

    def __init__(self, path: Path) -> None:
        self._file = _database(path)
        self._documents = 0
        self._targets = 0

    def __enter__(self) -> SqliteDataset:
        from summarizer.table import COLUMN_TYPES as TARGET_TYPES
        from summarizer.table import COLUMNS as TARGET_COLUMNS

        self.db = self._file.__enter__()
        self._target_columns = ("id", "document_id", *TARGET_COLUMNS)
        self._target_types = {"id": int, "document_id": int, **TARGET_TYPES}
        _create(self.db, "documents", _DOCUMENT_COLUMNS, _DOCUMENT_TYPES, pk="id")
        _create(
            self.db,
            "targets",
            self._target_columns,
            self._target_types,
            pk="id",
            foreign_keys=[("document_id", "documents", "id")],
        )
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any) -> None:
        if kind is None:
            try:
                self._finish_tables()
            except sqlite3.Error as failure:
                self._file.__exit__(type(failure), failure, failure.__traceback__)  # said in one line
                raise
        self._file.__exit__(kind, error, trace)

    def _finish_tables(self) -> None:
        _finish(self.db, "documents", [("place",), ("plan_year",), ("source", "document_index")])
        _finish(
            self.db,
            "targets",
            [
                ("document_id",),
                ("indicator_id", "year"),
                ("place",),
                ("kind",),
                ("source", "document_index", "start"),
            ],
            search=("quote",),
        )

    @property
    def targets(self) -> int:
        return self._targets

    def add(self, record: DocumentRecord, target_rows: list[dict[str, Any]]) -> None:
        """A document and its targets' rows."""
        self._documents += 1
        _rows_into(
            self.db, "documents", [_document_row(self._documents, record)], _DOCUMENT_COLUMNS, _DOCUMENT_TYPES
        )
        numbered = []
        for row in target_rows:
            self._targets += 1
            numbered.append({"id": self._targets, "document_id": self._documents, **row})
        _rows_into(self.db, "targets", numbered, self._target_columns, self._target_types)

    def add_overrides(self, rows: list[dict[str, Any]]) -> None:
        from summarizer.overrides import COLUMNS as OVERRIDE_COLUMNS

        _create(self.db, "overrides", OVERRIDE_COLUMNS, _OVERRIDE_TYPES)
        _rows_into(self.db, "overrides", rows, OVERRIDE_COLUMNS, _OVERRIDE_TYPES)

    def add_panel(self, rows: list[dict[str, Any]], registry: Registry) -> None:
        """The panel's cells (rows with their figures), every figure of them, and the registry."""
        from summarizer.panel import COLUMN_TYPES, COLUMNS

        indicator_columns = ("id", "zh", "en", "better", "measures")
        indicators = [
            {"id": i.id, "zh": i.zh, "en": i.en, "better": i.better, "measures": ",".join(sorted(i.measures))}
            for i in registry.indicators.values()
        ]
        indicator_types: dict[str, type] = dict.fromkeys(indicator_columns, str)
        _create(self.db, "indicators", indicator_columns, indicator_types, pk="id")
        _rows_into(self.db, "indicators", indicators, indicator_columns, indicator_types)
        self.db.conn.execute(
            "CREATE INDEX IF NOT EXISTS idx_targets_lookup ON targets (source, document_index, start, [end])"
        )
        cells, figures = [], []
        for number, row in enumerate(rows, start=1):
            ids = {role: self._figure_id(row, role) for role in ("target", "result")}
            cells.append({"id": number, "target_id": ids["target"], "result_id": ids["result"], **row})
            for role, key in (("target", "targets"), ("result", "results")):
                for figure in row.get(key, []):
                    figures.append(
                        {
                            "cell_id": number,
                            "target_id": self._target_id(figure),
                            "role": role,
                            "value": figure["value"],
                            "unit": figure["unit"],
                            "also_in": figure["also_in"],
                        }
                    )
        columns = ("id", *COLUMNS, "target_id", "result_id")
        types = {"id": int, **COLUMN_TYPES, "target_id": int, "result_id": int}
        _create(
            self.db,
            "panel_cells",
            columns,
            types,
            pk="id",
            foreign_keys=[
                ("target_id", "targets", "id"),
                ("result_id", "targets", "id"),
                ("indicator_id", "indicators", "id"),
            ],
        )
        _rows_into(self.db, "panel_cells", cells, columns, types)
        _finish(
            self.db,
            "panel_cells",
            [("place",), ("indicator_id", "measure", "year"), ("year",), ("status",), ("level",)],
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
        _create(
            self.db,
            "cell_figures",
            tuple(figure_types),
            figure_types,
            foreign_keys=[("cell_id", "panel_cells", "id"), ("target_id", "targets", "id")],
        )
        _rows_into(self.db, "cell_figures", figures, tuple(figure_types), figure_types)
        _finish(self.db, "cell_figures", [("cell_id",), ("target_id",)])

    def _target_id(self, figure: dict[str, Any]) -> int | None:
        found = self.db.conn.execute(
            "SELECT id FROM targets WHERE source = ? AND document_index = ? AND start = ? AND [end] = ?",
            (figure["source"], figure["document_index"], figure["start"], figure["end"]),
        ).fetchone()
        return found[0] if found else None

    def _figure_id(self, row: dict[str, Any], role: str) -> int | None:
        """The targets row of the figure a cell is judged by (its quote among the cell's figures)."""
        for figure in row.get(f"{role}s", []):
            if figure["quote"] == row.get(f"{role}_quote") and figure["source"] == row.get(f"{role}_source"):
                return self._target_id(figure)
        return None


def _create(
    db: Any,
    name: str,
    columns: tuple[str, ...],
    types: dict[str, type],
    *,
    pk: str | None = None,
    foreign_keys: list[tuple[str, str, str]] | None = None,
) -> None:
    db.table(name).create(
        {column: types[column] for column in columns}, pk=pk, foreign_keys=foreign_keys or []
    )


def _rows_into(
    db: Any, name: str, rows: Iterable[dict[str, Any]], columns: tuple[str, ...], types: dict[str, type]
) -> None:
    """Rows into a table sqlite-utils made: one prepared statement run over them all (sqlite-utils's
    insert_all builds a statement per batch and inspects every value, five times slower on a corpus)."""
    statement = f"INSERT INTO [{name}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    kinds = [types[column] for column in columns]
    db.conn.executemany(
        statement,
        (
            tuple(_typed(row.get(column), kind) for column, kind in zip(columns, kinds, strict=True))
            for row in rows
        ),
    )


def _finish(db: Any, name: str, indexes: Iterable[tuple[str, ...]], search: tuple[str, ...] = ()) -> None:
    table = db.table(name)
    for index in indexes:
        table.create_index(list(index), if_not_exists=True)
    if search:
        table.enable_fts(list(search), tokenize="trigram", create_triggers=True)


def write_table_sqlite(
    path: Path,
    records: list[DocumentRecord],
    target_rows: list[dict[str, Any]],
    overrides: list[dict[str, Any]],
) -> None:
    """The targets table as SQLite: documents, targets and overrides."""
    by_document: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in target_rows:
        by_document.setdefault((row["source"], row["document_index"]), []).append(row)
    with SqliteDataset(path) as sink:
        for record in records:
            sink.add(record, by_document.get((record.source, record.index), []))
        sink.add_overrides(overrides)


def write_panel_sqlite(
    path: Path,
    panel: Panel,
    rows: list[dict[str, Any]],
    registry: Registry,
    target_rows: list[dict[str, Any]],
    overrides: list[dict[str, Any]],
) -> None:
    """The panel as SQLite: documents, targets, panel_cells, cell_figures, indicators and overrides."""
    by_document: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for row in target_rows:
        by_document.setdefault((row["source"], row["document_index"]), []).append(row)
    with SqliteDataset(path) as sink:
        for record in panel.records:
            sink.add(record, by_document.get((record.source, record.index), []))
        sink.add_panel(rows, registry)
        sink.add_overrides(overrides)


# --- pandas.


def frame(rows: list[dict[str, Any]], columns: tuple[str, ...], types: dict[str, type]) -> Any:
    """A pandas DataFrame of the rows, with the files' columns and types (nullable Int64, string)."""
    pandas = need("pandas", "pandas")
    data = {name: [_typed(row.get(name), types[name]) for row in rows] for name in columns}
    return pandas.DataFrame(
        {name: pandas.array(values, dtype=_PANDAS_TYPES[types[name]]) for name, values in data.items()}
    )
