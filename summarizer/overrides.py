"""Corrections an analyst writes down (``--overrides FILE``), applied by ``panel``, ``table`` and ``report``.

A file of YAML (a list of entries, or ``{"overrides": [...]}``) or CSV (one entry a row, the same
names as its header), each entry one correction of one input file (``source``: its path as the batch
gives it, or the end of it: ``provincial-2025/henan-2025.txt``), optionally of one of its documents
(``document``: its index):

- ``action: set`` a document's ``field`` (``place``, ``level``, ``review_year``, ``plan_year``) to ``value``;
- ``action: reject`` the item (target, goal or task) at ``start``/``end``;
- ``action: accept`` the target at ``start``/``end``: the panel keeps it where its rules would leave it
  out (a running year's figure, a change over several years);
- ``action: edit`` a ``field`` of the target at ``start``/``end`` (``indicator``, ``indicator_id``,
  ``value``, ``value_high``, ``unit``, ``change``, ``qualifier``, ``stretch``, ``kind``, ``year``) to
  ``value``; an ``indicator_id`` is given as that indicator's standard name, which the registry
  identifies again.

Nothing is corrected silently: every item and document a correction touched carries its description
(``edit value 5.5→6 (fixes.yaml:4)``) into the outputs, each command says on standard error how many
it applied, and an entry that matches nothing is an error line naming it (the exit code is then 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from summarizer.errors import ConfigError
from summarizer.hierarchy import LEVELS
from summarizer.indicators import Registry
from summarizer.models import Document, Summary, Target
from summarizer.panel import Corrections

ACTIONS = ("set", "reject", "accept", "edit")
DOCUMENT_FIELDS = ("place", "level", "review_year", "plan_year")
ITEM_FIELDS = (
    "indicator",
    "indicator_id",
    "value",
    "value_high",
    "unit",
    "change",
    "qualifier",
    "stretch",
    "kind",
    "year",
)
_CHOICES = {
    "change": ("growth", "decline", "level"),
    "qualifier": ("approx", "at_least", "at_most"),
    "kind": ("target", "result"),
    "level": LEVELS,
}
_NUMBERS = ("value", "value_high", "stretch")
_YEARS = ("review_year", "plan_year", "year")
_NULL = ("", "null", "none", "~")
COLUMNS = (
    "file",
    "line",
    "source",
    "document",
    "action",
    "start",
    "end",
    "field",
    "value",
    "note",
    "matched",
)


@dataclass
class Override:
    """One entry of an overrides file."""

    file: str
    line: int
    source: str
    action: str
    document: int | None = None
    start: int | None = None
    end: int | None = None
    field: str | None = None
    value: Any = None
    note: str | None = None
    matched: int = 0

    @property
    def where(self) -> str:
        return f"{Path(self.file).name}:{self.line}"

    def describe(self, old: Any = None, *, with_old: bool = False) -> str:
        if self.action in ("reject", "accept"):
            return f"{self.action} ({self.where})"
        change = f"{_shown(old)}→{_shown(self.value)}" if with_old else f"={_shown(self.value)}"
        return f"{self.action} {self.field}{' ' if with_old else ''}{change} ({self.where})"

    def names(self) -> str:
        """The entry as an error line names it."""
        span = f" {self.start}:{self.end}" if self.start is not None else ""
        what = f" {self.field}" if self.field else ""
        return f"{self.where}: {self.action}{what} of {self.source}{span}"

    def row(self) -> dict[str, Any]:
        return {
            name: (str(self.value) if name == "value" and self.value is not None else getattr(self, name))
            for name in COLUMNS
        }

    def fits_source(self, source: str) -> bool:
        return _same_file(self.source, source)

    def fits_document(self, document: Document) -> bool:
        return self.document is None or self.document == document.index

    def fits_item(self, start: int, end: int) -> bool:
        return self.start == start and self.end == end


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "null" if value is None else str(value)


def _same_file(given: str, source: str) -> bool:
    """``given`` names ``source``: the same path, or one is the other's end at a folder boundary."""
    a, b = PurePosixPath(given.replace("\\", "/")).parts, PurePosixPath(source.replace("\\", "/")).parts
    a, b = tuple(p for p in a if p not in (".",)), tuple(p for p in b if p not in (".",))
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return bool(shorter) and longer[-len(shorter) :] == shorter


@dataclass
class Overrides(Corrections):
    """The entries of one file, and what they did: marks by document and item, accepted items."""

    path: str
    entries: list[Override]
    registry: Registry | None = None
    _items: dict[tuple[str, int, int, int], list[str]] = field(default_factory=dict)
    _documents: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    _accepted: set[tuple[str, int, int, int]] = field(default_factory=set)
    _levels: dict[tuple[str, int], str] = field(default_factory=dict)

    # --- Corrections, as the panel asks.

    def item_marks(self, source: str, index: int, target: Target) -> tuple[str, ...]:
        return tuple(self._items.get((source, index, target.start, target.end), ()))

    def document_marks(self, source: str, index: int) -> tuple[str, ...]:
        return tuple(self._documents.get((source, index), ()))

    def accepted(self, source: str, index: int, target: Target) -> bool:
        return (source, index, target.start, target.end) in self._accepted

    def level(self, source: str, index: int) -> str | None:
        return self._levels.get((source, index))

    def marks_of(self, source: str, index: int, start: int, end: int) -> list[str]:
        return list(self._items.get((source, index, start, end), ()))

    # --- Applying.

    def apply(self, summary: Summary) -> Summary:
        """The summary corrected by every entry that names it; the entries count what they matched."""
        mine = [entry for entry in self.entries if entry.fits_source(summary.source)]
        if not mine:
            return summary
        summary = summary.model_copy(deep=True)
        for document in summary.documents:
            for entry in mine:
                if entry.fits_document(document):
                    self._apply_to(summary.source, document, entry)
        return summary

    def _apply_to(self, source: str, document: Document, entry: Override) -> None:
        if entry.action == "set":
            assert entry.field is not None
            old = document.jurisdiction if entry.field == "level" else getattr(document, entry.field)
            if entry.field == "level":
                document.jurisdiction = entry.value
                self._levels[(source, document.index)] = entry.value
            else:
                setattr(document, entry.field, entry.value)
            entry.matched += 1
            self._documents.setdefault((source, document.index), []).append(
                entry.describe(old, with_old=True)
            )
            return
        for kind in ("targets", "goals", "tasks"):
            items = getattr(document, kind)
            for item in list(items):
                if not entry.fits_item(item.start, item.end):
                    continue
                if entry.action == "reject":
                    items.remove(item)
                    self._documents.setdefault((source, document.index), []).append(
                        f"reject {kind[:-1]} {item.start}:{item.end} ({entry.where})"
                    )
                    entry.matched += 1
                elif kind == "targets":
                    self._mark(source, document, item, entry)

    def _mark(self, source: str, document: Document, target: Target, entry: Override) -> None:
        key = (source, document.index, target.start, target.end)
        if entry.action == "accept":
            self._accepted.add(key)
            description = entry.describe()
        else:
            assert entry.field is not None
            old = getattr(target, entry.field)
            value = entry.value
            if entry.field == "indicator_id":
                indicator = self.registry.get(value) if self.registry else None
                if indicator is None:
                    raise ConfigError(f"{entry.where}: unknown indicator id {value!r}", path=self.path)
                target.indicator = indicator.zh
            setattr(target, entry.field, value)
            description = entry.describe(old, with_old=True)
        entry.matched += 1
        self._items.setdefault(key, []).append(description)

    # --- Reporting.

    def applied(self) -> list[Override]:
        return [entry for entry in self.entries if entry.matched]

    def unmatched(self) -> list[Override]:
        return [entry for entry in self.entries if not entry.matched]

    def rows(self) -> list[dict[str, Any]]:
        return [entry.row() for entry in self.entries]

    def summary_line(self) -> str:
        applied = self.applied()
        return (
            f"overrides: {len(applied)} of {len(self.entries)} applied from {self.path}"
            + (": " + "; ".join(entry.names() for entry in applied[:5]) if applied else "")
            + (" …" if len(applied) > 5 else "")
        )


# --- Reading.


def load_overrides(path: Path, registry: Registry | None = None) -> Overrides:
    """The entries of a YAML or CSV overrides file, checked; a bad entry stops the command, named."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError("overrides file not found", path=path) from None
    except IsADirectoryError:
        raise ConfigError("the overrides file is a folder", path=path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"cannot read the overrides file: {error}", path=path) from None
    raw = _csv_entries(text) if path.suffix.lower() == ".csv" else _yaml_entries(text, path)
    entries = [_entry(fields, line, path) for line, fields in raw]
    return Overrides(str(path), entries, registry)


def _csv_entries(text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    for row in reader:
        fields = {k.strip(): (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
        if any(fields.values()):
            rows.append((reader.line_num, fields))
    return rows


def _yaml_entries(text: str, path: Path) -> list[tuple[int, dict[str, Any]]]:
    import yaml

    class LineLoader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        data = loader.construct_mapping(node, deep=True)
        data["__line__"] = node.start_mark.line + 1
        return data

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        data = yaml.load(text, Loader=LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConfigError(f"not valid YAML{where}", path=path) from None
    if isinstance(data, dict) and isinstance(data.get("overrides"), list):
        data = data["overrides"]
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ConfigError("expected a list of entries (source, action, …) or {overrides: [...]}", path=path)
    return [(item.pop("__line__"), item) for item in data]


def _entry(fields: dict[str, Any], line: int, path: Path) -> Override:
    def fail(message: str) -> ConfigError:
        return ConfigError(f"line {line}: {message}", path=path)

    unknown = set(fields) - set(COLUMNS) - {"__line__"}
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(unknown))}; the keys are {', '.join(COLUMNS[2:10])}")
    source = str(fields.get("source") or "").strip()
    if not source:
        raise fail("every entry needs the source it corrects")
    action = str(fields.get("action") or "").strip()
    if action not in ACTIONS:
        raise fail(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    entry = Override(str(path), line, source, action, note=_text(fields.get("note")))
    entry.document = _integer(fields.get("document"), "document", fail)
    if action == "set":
        entry.field = _field(fields.get("field"), DOCUMENT_FIELDS, fail)
        entry.value = _value(entry.field, fields.get("value"), fail)
        return entry
    entry.start = _integer(fields.get("start"), "start", fail)
    entry.end = _integer(fields.get("end"), "end", fail)
    if entry.start is None or entry.end is None:
        raise fail(f"{action} needs the item's start and end offsets")
    if action == "edit":
        entry.field = _field(fields.get("field"), ITEM_FIELDS, fail)
        entry.value = _value(entry.field, fields.get("value"), fail)
    return entry


def _text(value: Any) -> str | None:
    return None if value is None or str(value).strip().lower() in _NULL else str(value).strip()


def _integer(value: Any, name: str, fail: Any) -> int | None:
    if _text(value) is None:
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise fail(f"{name} must be a whole number, not {value!r}") from None


def _field(value: Any, allowed: tuple[str, ...], fail: Any) -> str:
    name = _text(value)
    if name not in allowed:
        raise fail(f"field must be one of {', '.join(allowed)}, not {value!r}")
    return name


def _value(name: str, value: Any, fail: Any) -> Any:
    text = _text(value)
    if text is None:
        if name in ("place", "indicator", "indicator_id", "kind", "change", "level"):
            raise fail(f"{name} cannot be set to null")
        return None
    if name in _YEARS:
        return _integer(text, name, fail)
    if name in _NUMBERS:
        try:
            return float(text)
        except ValueError:
            raise fail(f"{name} must be a number, not {value!r}") from None
    if name in _CHOICES and text not in _CHOICES[name]:
        raise fail(f"{name} must be one of {', '.join(_CHOICES[name])}, not {text!r}")
    return text
