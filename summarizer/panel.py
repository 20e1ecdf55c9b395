"""The panel: each place's targets for a year lined up with the results reported for that year later.

One cell per (place, indicator id, measure, year). Its target comes from a document's targets of
that year (``kind`` target); its result from the results of that year (``kind`` result) in a
document from a later year: a report given in year Y+1 (its plan year) that reviews year Y. A
figure counts only where the document has a place and the target an indicator id and a year.

Figures are compared in one unit: a unit is a multiplier and a base (``data/units.json``), so
``1.2万亿元`` and ``12000亿元`` are one value; a decline is a negative growth, points or change
(``下降3%`` is −3). The same value found twice is one figure; two different targets or results for
one cell are a conflict, shown with every value and its source, and the status is ``unclear``.

Status (README.md, "The panel"):
- ``at_least``: met when result >= target; ``at_most``: met when result <= target (on a decline
  the two swap: ``下降3%以上`` is met by a fall of 3% or more).
- a range: met inside it.
- ``approx``: met within the measure's tolerance (``TOLERANCE``).
- exact (no qualifier): met when the result reaches the target.
- for a range, ``approx`` or exact target, a result beyond it on the indicator's better side (a
  registry fact: higher GDP growth, lower energy intensity) is met too; a result past it on the
  other side, or past a tolerance where the registry knows no better side, is missed.
- ``no result yet``: a target and no later result; ``no target``: a result and no target;
  ``unclear``: a conflict, a target hidden behind a placeholder (``XX%``) or units that do not convert.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from summarizer.errors import ConfigError
from summarizer.indicators import Indicator, Registry, load_registry, measure_of
from summarizer.models import Document, Summary, Target
from summarizer.places import series_key
from summarizer.writing import write_bytes_atomically
from summarizer.years import YEAR, year_value

Status = Literal["met", "missed", "no result yet", "no target", "unclear"]
STATUSES: tuple[Status, ...] = ("met", "missed", "no result yet", "no target", "unclear")
# How far an ``approx`` result may be from its target and still meet it: percentage points for the
# percentages, a share of the target for the others.
TOLERANCE: dict[str, tuple[Literal["absolute", "relative"], float]] = {
    "growth": ("absolute", 0.3),
    "rate": ("absolute", 0.3),
    "points": ("absolute", 0.2),
    "level": ("relative", 0.03),
    "change": ("relative", 0.03),
}
# Measures whose figures carry a sign: a decline is negative.
_SIGNED = frozenset({"growth", "points", "change"})
_EPSILON = 1e-9
_FROM_A_YEAR = re.compile(rf"(?:比|较|同|与|从|由){YEAR}")
_AVERAGED = re.compile(r"年均|平均每年|累计")
PANEL_SUFFIXES = (".csv", ".jsonl", ".xlsx")
COLUMNS: tuple[str, ...] = (
    "place",
    "indicator_id",
    "indicator",
    "measure",
    "year",
    "unit",
    "target",
    "target_high",
    "target_qualifier",
    "target_source",
    "target_document",
    "target_quote",
    "result",
    "result_source",
    "result_document",
    "result_quote",
    "status",
    "note",
)


# --- Units.


@dataclass(frozen=True)
class Unit:
    """A unit as a multiplier of a base: 万亿元 is 1e12 元, 亿斤 is 5e7 公斤."""

    written: str
    base: str
    factor: float


@lru_cache(maxsize=1)
def _unit_table() -> tuple[dict[str, float], dict[str, tuple[str, float]]]:
    text = resources.files("summarizer").joinpath("data", "units.json").read_text(encoding="utf-8")
    data = json.loads(text)
    prefixes = dict(sorted(data["prefixes"].items(), key=lambda item: -len(item[0])))
    bases = {name: (base, float(factor)) for name, (base, factor) in data["bases"].items()}
    return prefixes, bases


@lru_cache(maxsize=512)
def unit_of(written: str | None) -> Unit:
    """The base and multiplier of a unit as written; an unknown base is its own, with factor 1."""
    written = (written or "").strip()
    prefixes, bases = _unit_table()
    if written in bases:
        base, factor = bases[written]
        return Unit(written, base, factor)
    for prefix, multiplier in prefixes.items():
        if written.startswith(prefix):
            rest = written[len(prefix) :]
            base, factor = bases.get(rest, (rest, 1.0))
            return Unit(written, base, multiplier * factor)
    return Unit(written, written, 1.0)


# --- Figures and cells.


@dataclass
class Figure:
    """One target or result as a document gives it, its values in the base unit and signed."""

    value: float | None
    value_high: float | None
    qualifier: str | None
    unit: Unit
    source: str
    document: str
    document_index: int
    quote: str
    start: int
    end: int
    also_in: int = 0  # further documents that give the same value

    def same_value(self, other: Figure) -> bool:
        return _close(self.value, other.value) and _close(self.value_high, other.value_high)

    def shown(self, unit: Unit) -> tuple[float | None, float | None]:
        """The values in ``unit`` (same base)."""
        return _in_unit(self.value, unit), _in_unit(self.value_high, unit)


@dataclass
class Cell:
    place: str  # the place's series key (places.series_key); Panel.name_of gives its name
    indicator: Indicator
    measure: str
    year: int
    targets: list[Figure] = field(default_factory=list)
    results: list[Figure] = field(default_factory=list)

    @property
    def unit(self) -> Unit:
        """The unit the cell is shown in: its first target's, else its first result's."""
        return (self.targets or self.results)[0].unit

    def status(self) -> tuple[Status, str]:
        """The cell's status and a note that says why, where it is not plain."""
        return judge(self)


@dataclass
class Panel:
    cells: dict[tuple[str, str, str, int], Cell] = field(default_factory=dict)
    # Each place's series key -> the latest year a document of it was given in, and its name then.
    names: dict[str, tuple[int, str]] = field(default_factory=dict)
    documents: int = 0
    documents_without_place: int = 0
    figures: int = 0

    def sorted_cells(self, registry: Registry) -> list[Cell]:
        order = {indicator_id: index for index, indicator_id in enumerate(registry.indicators)}
        return sorted(
            self.cells.values(),
            key=lambda c: (
                c.place != "全国",
                c.place,
                order.get(c.indicator.id, len(order)),
                c.measure,
                c.year,
            ),
        )

    def name_of(self, key: str) -> str:
        """A place by the name of its latest document (徐水区, not 徐水县, once it became a district)."""
        return self.names[key][1]

    def saw(self, key: str, place: str, year: int | None) -> None:
        known = self.names.get(key)
        if known is None or (year or 0) >= known[0]:
            self.names[key] = (year or 0, place)


def build_panel(summaries: Iterable[Summary], registry: Registry | None = None) -> Panel:
    """The panel of every document of the summaries, read one summary at a time."""
    registry = registry or load_registry()
    panel = Panel()
    for summary in summaries:
        for document in summary.documents:
            add_document(panel, summary.source, document, registry)
    return panel


def add_document(panel: Panel, source: str, document: Document, registry: Registry) -> None:
    panel.documents += 1
    if not document.place:
        panel.documents_without_place += 1
        return
    issued = _issued_in(document)
    place = series_key(document.place)
    panel.saw(place, document.place, issued)
    for target in document.targets:
        if target.year is None:
            continue
        indicator = registry.get(registry.identify_target(target))
        if indicator is None:
            continue
        if target.kind == "result" and issued is not None and issued <= target.year:
            continue  # a running year's figure (1—11月, 预计全年), not the outcome reported after it
        measure = measure_of(target.indicator, target.unit, target.change, indicator.measures)
        if measure in _SIGNED and _over_several_years(target.quote, target.year):
            continue  # 比2011年增长31.7%, 年均增长: not the year's own change
        key = (place, indicator.id, measure, target.year)
        cell = panel.cells.get(key)
        if cell is None:
            cell = panel.cells[key] = Cell(place, indicator, measure, target.year)
        figures = cell.targets if target.kind == "target" else cell.results
        _add_figure(figures, _figure(source, document, target, measure))
        panel.figures += 1


def _over_several_years(quote: str, year: int) -> bool:
    """A change measured from a year before the last one, or averaged over years."""
    if _AVERAGED.search(quote):
        return True
    return any(
        (start := year_value(match.group(1))) is not None and start < year - 1
        for match in _FROM_A_YEAR.finditer(quote)
    )


def _issued_in(document: Document) -> int | None:
    """The year a document was given in: its plan year, else the year after the one it reviews."""
    if document.plan_year is not None:
        return document.plan_year
    return document.review_year + 1 if document.review_year is not None else None


def _figure(source: str, document: Document, target: Target, measure: str) -> Figure:
    unit = unit_of(target.unit)
    sign = -1.0 if target.change == "decline" and measure in _SIGNED else 1.0
    qualifier = target.qualifier
    if sign < 0 and qualifier in ("at_least", "at_most"):
        qualifier = "at_most" if qualifier == "at_least" else "at_least"
    value, high = _in_base(target.value, unit, sign), _in_base(target.value_high, unit, sign)
    if value is not None and high is not None and high < value:
        value, high = high, value
    return Figure(
        value=value,
        value_high=high,
        qualifier=qualifier,
        unit=unit,
        source=source,
        document=document.title or f"document {document.index}",
        document_index=document.index,
        quote=target.quote,
        start=target.start,
        end=target.end,
    )


def _add_figure(figures: list[Figure], new: Figure) -> None:
    """Keep one figure per value (and unit base): a repeat adds to ``also_in`` and lends a qualifier."""
    for figure in figures:
        if figure.unit.base == new.unit.base and figure.same_value(new):
            figure.also_in += figure.source != new.source or figure.quote != new.quote
            if figure.qualifier is None:
                figure.qualifier = new.qualifier
            return
    figures.append(new)


def _in_base(value: float | None, unit: Unit, sign: float) -> float | None:
    return None if value is None else sign * value * unit.factor


def _in_unit(value: float | None, unit: Unit) -> float | None:
    if value is None:
        return None
    shown = value / unit.factor
    return round(shown, 10)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=_EPSILON)


# --- Status.


def judge(cell: Cell) -> tuple[Status, str]:
    """The status of a cell and a note on why (see the module's docstring)."""
    if len(cell.targets) > 1 or len(cell.results) > 1:
        return "unclear", conflict_note(cell)
    if not cell.results:
        return "no result yet", ""
    if not cell.targets:
        return "no target", ""
    (target,), (result,) = cell.targets, cell.results
    if target.unit.base != result.unit.base:
        return "unclear", f"units do not compare: {target.unit.written} and {result.unit.written}"
    if target.value is None or result.value is None:
        return "unclear", "a value is hidden behind a placeholder"
    return _compare(target, result.value, cell.measure, cell.indicator.better), ""


def _compare(target: Figure, result: float, measure: str, better: str | None) -> Status:
    low, high = target.value, target.value_high
    assert low is not None
    if target.qualifier == "at_least" and high is None:
        return "met" if result >= low - _EPSILON else "missed"
    if target.qualifier == "at_most" and high is None:
        return "met" if result <= low + _EPSILON else "missed"
    if high is not None:
        lower, upper = low, high
    elif target.qualifier == "approx":
        slack = _tolerance(measure, low)
        lower, upper = low - slack, low + slack
    else:
        lower = upper = low
    if lower - _EPSILON <= result <= upper + _EPSILON:
        return "met"
    if better == "higher" and result > upper:
        return "met"
    if better == "lower" and result < lower:
        return "met"
    if better is None and high is None and target.qualifier is None:
        slack = _tolerance(measure, low)
        return "met" if abs(result - low) <= slack + _EPSILON else "missed"
    return "missed"


def _tolerance(measure: str, value: float) -> float:
    kind, amount = TOLERANCE.get(measure, ("relative", 0.03))
    return amount if kind == "absolute" else abs(value) * amount


def conflict_note(cell: Cell) -> str:
    parts = []
    for name, figures in (("targets", cell.targets), ("results", cell.results)):
        if len(figures) > 1:
            values = "; ".join(
                f"{format_value(figure, cell.unit)} ({figure.source}: {figure.quote})" for figure in figures
            )
            parts.append(f"{len(figures)} different {name}: {values}")
    return " | ".join(parts)


def format_value(figure: Figure, unit: Unit) -> str:
    value, high = figure.shown(unit) if figure.unit.base == unit.base else figure.shown(figure.unit)
    written = figure.unit.written if figure.unit.base != unit.base else unit.written
    text = "?" if value is None else _number_text(value)
    if high is not None:
        text += f"–{_number_text(high)}"
    return text + written


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- Rows.


def panel_rows(panel: Panel, registry: Registry, *, with_figures: bool = False) -> Iterator[dict[str, Any]]:
    """One row per cell, with the columns of ``COLUMNS`` (and every figure, for JSON Lines)."""
    for cell in panel.sorted_cells(registry):
        status, note = cell.status()
        if status == "no result yet" and cell.measure != "level":
            note = _level_only_note(panel, cell) or note
        row = _cell_row(cell, status, note)
        row["place"] = panel.name_of(cell.place)
        if with_figures:
            row["targets"] = [_figure_data(f, cell.unit) for f in cell.targets]
            row["results"] = [_figure_data(f, cell.unit) for f in cell.results]
        yield row


def _level_only_note(panel: Panel, cell: Cell) -> str:
    """Where a later report gives the year's level but not the measure the target set, say so."""
    level = panel.cells.get((cell.place, cell.indicator.id, "level", cell.year))
    if level is None or len(level.results) != 1:
        return ""
    figure = level.results[0]
    return f"a later report gives the level only: {format_value(figure, figure.unit)} ({figure.source})"


def _cell_row(cell: Cell, status: Status, note: str) -> dict[str, Any]:
    unit = cell.unit
    target = cell.targets[0] if len(cell.targets) == 1 else None
    result = cell.results[0] if len(cell.results) == 1 else None
    target_value, target_high = target.shown(unit) if target else (None, None)
    result_value = _in_unit(result.value, unit) if result and result.unit.base == unit.base else None
    if result is not None and result.unit.base != unit.base:
        result_value = None
    return {
        "place": cell.place,
        "indicator_id": cell.indicator.id,
        "indicator": cell.indicator.zh,
        "measure": cell.measure,
        "year": cell.year,
        "unit": unit.written or None,
        "target": _plain(target_value),
        "target_high": _plain(target_high),
        "target_qualifier": target.qualifier if target else None,
        "target_source": target.source if target else None,
        "target_document": target.document if target else None,
        "target_quote": target.quote if target else None,
        "result": _plain(result_value),
        "result_source": result.source if result else None,
        "result_document": result.document if result else None,
        "result_quote": result.quote if result else None,
        "status": status,
        "note": note or None,
    }


def _figure_data(figure: Figure, unit: Unit) -> dict[str, Any]:
    in_cell_unit = figure.unit.base == unit.base
    value, high = figure.shown(unit if in_cell_unit else figure.unit)
    return {
        "value": _plain(value),
        "value_high": _plain(high),
        "unit": (unit if in_cell_unit else figure.unit).written or None,
        "qualifier": figure.qualifier,
        "source": figure.source,
        "document": figure.document,
        "document_index": figure.document_index,
        "quote": figure.quote,
        "start": figure.start,
        "end": figure.end,
        "also_in": figure.also_in,
    }


def _plain(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# --- Writing.


def check_panel_path(path: Path) -> None:
    """Fail before any work when the output's suffix names no format we write."""
    if path.suffix.lower() not in PANEL_SUFFIXES:
        raise ConfigError("the panel's file name must end in .csv, .jsonl or .xlsx", path=path)


def write_panel(panel: Panel, registry: Registry, path: Path) -> int:
    """Write the panel as CSV (UTF-8 with a BOM), JSON Lines or an Excel sheet; the number of rows."""
    from summarizer.table import write_csv, write_jsonl

    check_panel_path(path)
    suffix = path.suffix.lower()
    rows = list(panel_rows(panel, registry, with_figures=suffix == ".jsonl"))
    if suffix == ".csv":
        write_csv(rows, path, COLUMNS)
    elif suffix == ".jsonl":
        write_jsonl(rows, path)
    else:
        write_xlsx(rows, path)
    return len(rows)


def write_xlsx(rows: list[dict[str, Any]], path: Path) -> None:
    """One sheet with a frozen header row and filters on every column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from summarizer.table import spreadsheet_safe

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = "panel"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(row[name]) if row[name] is not None else None for name in COLUMNS])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for letter, width in zip("ABCDEFGHIJKLMNOPQR", _WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    data = io.BytesIO()
    book.save(data)
    write_bytes_atomically(path, data.getvalue())


_WIDTHS = (10, 22, 18, 8, 6, 8, 8, 8, 10, 28, 20, 30, 8, 28, 20, 30, 12, 40)
