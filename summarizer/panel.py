"""The panel: each place's targets for a year lined up with the results reported for that year later.

One cell per (place, indicator id, measure, year, horizon). Its target comes from a document's targets
of that year (``kind`` target): ``annual`` where the document is of that year (its plan year),
``five-year`` where a plan sets it for a year up to five years on (到2025年, set in 2021), ``long-term``
beyond. Its result comes from the results of that year (``kind`` result) in a document from a later
year: a report given in year Y+1 (its plan year) that reviews year Y; an annual and a five-year target
for one year are judged against the same result. A figure counts only where the document has a place
and the target an indicator id and a year; a target for a year before its document's is left out (a
document cannot set one: it restates an old target, or is a result misread).

Figures are compared in one unit: a unit is a multiplier and a base (``data/units.json``), so
``1.2万亿元`` and ``12000亿元`` are one value; a decline is a negative growth, points or change
(``下降3%`` is −3). The same value found twice is one figure. Of several different figures for one
cell the panel takes (``choose``): the results of the first report after the year (a later report's
figure, often revised, is named in the note), the main figure of a quote over one in its parentheses
(``增长1.7%（同口径增长2.5%）``), a value over a bound of the same report that it keeps to
(``城镇调查失业率5.2%`` over ``控制在5.5%以内``), and a target's floor over the higher value its
document strives for (``增长7%以上、力争达到8%``: 8 is its stretch). What is still several is a
conflict, shown with every value and its source, and the status is ``unclear``.

Status (README.md, "The panel"):
- ``at_least``: met when result >= target; ``at_most``: met when result <= target (on a decline
  the two swap: ``下降3%以上`` is met by a fall of 3% or more).
- a range: met inside it.
- ``approx``: met within the measure's tolerance (``TOLERANCE``).
- exact (no qualifier): met when the result reaches the target.
- for a range, ``approx`` or exact target, a result beyond it on the indicator's better side (a
  registry fact: higher GDP growth, lower energy intensity) is met too; past it on the other side missed.
- an indicator with no better side (``better: none``: spending, imports, pigs): ``reached`` when the
  result gets to the target (to its floor, its range, within tolerance of an exact or ``左右`` value, on
  the side of its sign; to or below an ``at_most`` value), else ``not reached``; never missed for beating it.
- ``no result yet``: a target and no later document of the place that covers the year; ``not
  reported``: such a document is there but gives no figure of the measure (the note says what it
  gives); ``no target``: a result and no target; ``unclear``: a conflict, a target hidden behind a
  placeholder (``XX%``) or units that do not convert.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from summarizer.errors import ConfigError
from summarizer.hierarchy import place_level, place_parent
from summarizer.indicators import Indicator, Registry, load_registry, measure_of
from summarizer.labels import document_label
from summarizer.models import Document, Summary, Target
from summarizer.places import NATIONAL, series_key
from summarizer.writing import write_bytes_atomically
from summarizer.years import YEAR, year_value

Status = Literal[
    "met", "missed", "reached", "not reached", "no result yet", "not reported", "no target", "unclear"
]
STATUSES: tuple[Status, ...] = (
    "met",
    "missed",
    "reached",
    "not reached",
    "no result yet",
    "not reported",
    "no target",
    "unclear",
)
Horizon = Literal["annual", "five-year", "long-term"]
HORIZONS: tuple[Horizon, ...] = ("annual", "five-year", "long-term")
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
# A figure its quote gives inside parentheses is a variant of the main one: （同口径增长2.5%）.
_OPEN_PARENTHESIS = re.compile(r"[（(][^）)]*$")
# A value the document strives for beyond its floor: 力争达到8%, 争取更好.
_STRIVE = re.compile(r"(?:力争|争取|努力实现|确保)[^，,；;。]{0,8}$")
PANEL_SUFFIXES = (".csv", ".jsonl", ".xlsx", ".db", ".sqlite", ".parquet")
COLUMNS: tuple[str, ...] = (
    "place",
    "level",
    "parent",
    "indicator_id",
    "indicator",
    "measure",
    "year",
    "horizon",
    "unit",
    "target",
    "target_high",
    "target_qualifier",
    "stretch",
    "result",
    "gap",
    "status",
    "note",
    "set_in",
    "target_source",
    "target_document",
    "target_quote",
    "result_source",
    "result_document",
    "result_quote",
    "overrides",
)
# The type of each column, for the files that keep types (SQLite, Parquet, pandas).
COLUMN_TYPES: dict[str, type] = {
    **dict.fromkeys(COLUMNS, str),
    "year": int,
    "set_in": int,
    **dict.fromkeys(("target", "target_high", "stretch", "result", "gap"), float),
}


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
    document: str  # the document's readable label (labels.document_label)
    document_index: int
    quote: str
    start: int
    end: int
    issued: int | None = None  # the year of the document that gives it
    stretch: float | None = None
    also_in: int = 0  # further documents that give the same value
    overrides: tuple[str, ...] = ()

    def same_value(self, other: Figure) -> bool:
        return _close(self.value, other.value) and _close(self.value_high, other.value_high)

    def shown(self, unit: Unit) -> tuple[float | None, float | None]:
        """The values in ``unit`` (same base)."""
        return _in_unit(self.value, unit), _in_unit(self.value_high, unit)

    @property
    def in_parentheses(self) -> bool:
        """The figure is the variant its quote gives in parentheses (``（同口径增长2.5%）``)."""
        return bool(_OPEN_PARENTHESIS.search(self.quote))

    @property
    def strived_for(self) -> bool:
        """The figure is what its document strives for beyond a floor (``、力争达到8%``)."""
        number = re.search(r"[0-9０-９.．]+[^0-9０-９]*$", self.quote)
        before = self.quote[: number.start()] if number else self.quote
        return bool(_STRIVE.search(before))


@dataclass
class Choice:
    """The figures a cell is judged by, and why others were set aside or conflict."""

    target: Figure | None
    result: Figure | None
    conflict: str = ""
    set_aside: str = ""


@dataclass
class Cell:
    place: str  # the place's series key (places.series_key); Panel.name_of gives its name
    indicator: Indicator
    measure: str
    year: int
    horizon: Horizon = "annual"
    targets: list[Figure] = field(default_factory=list)
    results: list[Figure] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, int, str]:
        return (self.place, self.indicator.id, self.measure, self.year, self.horizon)

    @property
    def unit(self) -> Unit:
        """The unit the cell is shown in: its first target's, else its first result's."""
        return (self.targets or self.results)[0].unit

    def choose(self) -> Choice:
        """The target and the result the cell is judged by (see the module's docstring)."""
        targets, set_aside_targets = _choose_targets(self.targets)
        results, set_aside_results = _choose_results(self.results)
        conflict = conflict_note(self, targets, results)
        set_aside = "; ".join(
            f"set aside: {format_value(f, self.unit)} ({f.source}: {f.quote})"
            for f in (*set_aside_targets, *set_aside_results)
        )
        return Choice(
            targets[0] if len(targets) == 1 else None,
            results[0] if len(results) == 1 else None,
            conflict,
            set_aside,
        )

    def status(self, *, covered: bool = False) -> tuple[Status, str]:
        """The cell's status and a note that says why, where it is not plain; ``covered``: a later
        document of the place covers the year (``not reported`` rather than ``no result yet``)."""
        return judge(self, covered=covered)


@dataclass
class DocumentRecord:
    """What the exports say of a document: where it comes from, its label, its place and years."""

    source: str
    index: int
    label: str
    title: str | None
    place: str | None
    level: str | None
    parent: str | None
    review_year: int | None
    plan_year: int | None
    targets: int
    overrides: tuple[str, ...] = ()


@dataclass
class Panel:
    cells: dict[tuple[str, str, str, int, str], Cell] = field(default_factory=dict)
    # Each place's series key -> the latest year a document of it was given in, its name and level then.
    names: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)
    # Each place's series key -> the years its documents review -> the label of the (first) one.
    reviewed: dict[str, dict[int, str]] = field(default_factory=dict)
    documents: int = 0
    documents_without_place: int = 0
    figures: int = 0
    records: list[DocumentRecord] = field(default_factory=list)

    def sorted_cells(self, registry: Registry) -> list[Cell]:
        order = {indicator_id: index for index, indicator_id in enumerate(registry.indicators)}
        horizons = {horizon: index for index, horizon in enumerate(HORIZONS)}
        return sorted(
            self.cells.values(),
            key=lambda c: (
                c.place != NATIONAL,
                c.place,
                order.get(c.indicator.id, len(order)),
                c.measure,
                c.year,
                horizons[c.horizon],
            ),
        )

    def name_of(self, key: str) -> str:
        """A place by the name of its latest document (徐水区, not 徐水县, once it became a district)."""
        return self.names[key][1]

    def level_of(self, key: str) -> str | None:
        return self.names[key][2]

    def saw(self, key: str, place: str, year: int | None, level: str | None = None) -> None:
        known = self.names.get(key)
        if known is None or (year or 0) >= known[0]:
            self.names[key] = (year or 0, place, level or place_level(place))

    def covered_by(self, cell: Cell) -> str | None:
        """The label of a document of the cell's place that reviews its year, if there is one."""
        return self.reviewed.get(cell.place, {}).get(cell.year)

    def results_of(self, cell: Cell) -> list[Figure]:
        """A cell's results: a five-year or long-term target is judged against the year's results."""
        if cell.horizon == "annual":
            return cell.results
        annual = self.cells.get((cell.place, cell.indicator.id, cell.measure, cell.year, "annual"))
        return annual.results if annual is not None else []


def build_panel(
    summaries: Iterable[Summary], registry: Registry | None = None, corrections: Corrections | None = None
) -> Panel:
    """The panel of every document of the summaries, read one summary at a time."""
    registry = registry or load_registry()
    panel = Panel()
    for summary in summaries:
        for document in summary.documents:
            add_document(panel, summary.source, document, registry, corrections)
    return panel


class Corrections:
    """What an overrides file says of the items (``summarizer.overrides``): the marks the panel shows on a
    figure and whether an item is accepted in spite of the panel's rules. The default says nothing."""

    def item_marks(self, source: str, index: int, target: Target) -> tuple[str, ...]:
        return ()

    def document_marks(self, source: str, index: int) -> tuple[str, ...]:
        return ()

    def accepted(self, source: str, index: int, target: Target) -> bool:
        return False

    def level(self, source: str, index: int) -> str | None:
        """The level an override gives the document, if one does."""
        return None


_NO_CORRECTIONS = Corrections()


def document_record(
    source: str, document: Document, corrections: Corrections | None = None
) -> DocumentRecord:
    """What the exports say of a document (its label, place, level, parent, years, overrides)."""
    corrections = corrections or _NO_CORRECTIONS
    issued = issued_in(document)
    level = corrections.level(source, document.index) or (
        place_level(document.place, document.jurisdiction) if document.place else None
    )
    return DocumentRecord(
        source=source,
        index=document.index,
        label=document_label(document.place, issued, document.title, source),
        title=document.title,
        place=document.place,
        level=level,
        parent=place_parent(document.place) if document.place else None,
        review_year=document.review_year,
        plan_year=document.plan_year,
        targets=len(document.targets),
        overrides=corrections.document_marks(source, document.index),
    )


def add_document(
    panel: Panel,
    source: str,
    document: Document,
    registry: Registry,
    corrections: Corrections | None = None,
) -> None:
    corrections = corrections or _NO_CORRECTIONS
    panel.documents += 1
    issued = issued_in(document)
    record = document_record(source, document, corrections)
    panel.records.append(record)
    label, level = record.label, record.level
    if not document.place:
        panel.documents_without_place += 1
        return
    place = series_key(document.place)
    panel.saw(place, document.place, issued, level)
    if document.review_year is not None:
        panel.reviewed.setdefault(place, {}).setdefault(document.review_year, label)
    for target in document.targets:
        if target.year is None:
            continue
        indicator = registry.get(registry.identify_target(target))
        if indicator is None:
            continue
        accepted = corrections.accepted(source, document.index, target)
        if target.kind == "result" and issued is not None and issued <= target.year and not accepted:
            continue  # a running year's figure (1—11月, 预计全年), not the outcome reported after it
        if target.kind == "target" and issued is not None and target.year < issued and not accepted:
            continue  # a document cannot set a target for a year gone: a restated target, or a result misread
        measure = measure_of(target.indicator, target.unit, target.change, indicator.measures)
        if measure in _SIGNED and _over_several_years(target.quote, target.year) and not accepted:
            continue  # 比2011年增长31.7%, 年均增长: not the year's own change
        horizon = horizon_of(target, issued)
        key = (place, indicator.id, measure, target.year, horizon)
        cell = panel.cells.get(key)
        if cell is None:
            cell = panel.cells[key] = Cell(place, indicator, measure, target.year, horizon)
        figures = cell.targets if target.kind == "target" else cell.results
        figure = _figure(source, document, target, measure, label, issued)
        figure.overrides = corrections.item_marks(source, document.index, target)
        _add_figure(figures, figure)
        panel.figures += 1


def horizon_of(target: Target, issued: int | None) -> Horizon:
    """annual: a target for the year of its document (a result is always of its year); five-year: one a
    plan sets for up to five years on; long-term: beyond."""
    if target.kind == "result" or issued is None or target.year is None or target.year <= issued:
        return "annual"
    return "five-year" if target.year - issued <= 5 else "long-term"


def _over_several_years(quote: str, year: int) -> bool:
    """A change measured from a year before the last one, or averaged over years."""
    if _AVERAGED.search(quote):
        return True
    return any(
        (start := year_value(match.group(1))) is not None and start < year - 1
        for match in _FROM_A_YEAR.finditer(quote)
    )


def issued_in(document: Document) -> int | None:
    """The year a document was given in: its plan year, else the year after the one it reviews."""
    if document.plan_year is not None:
        return document.plan_year
    return document.review_year + 1 if document.review_year is not None else None


def _figure(
    source: str, document: Document, target: Target, measure: str, label: str, issued: int | None
) -> Figure:
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
        document=label,
        document_index=document.index,
        quote=target.quote,
        start=target.start,
        end=target.end,
        issued=issued,
        stretch=_in_base(target.stretch, unit, sign),
    )


def _add_figure(figures: list[Figure], new: Figure) -> None:
    """Keep one figure per value (and unit base): a repeat adds to ``also_in`` and lends a qualifier."""
    for figure in figures:
        if figure.unit.base == new.unit.base and figure.same_value(new):
            figure.also_in += figure.source != new.source or figure.quote != new.quote
            if figure.qualifier is None:
                figure.qualifier = new.qualifier
            if figure.stretch is None:
                figure.stretch = new.stretch
            figure.overrides = (*figure.overrides, *new.overrides)
            return
    figures.append(new)


def _choose_results(results: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The results of the first document after the year, main figures before those in parentheses, a
    value before a bound of the same document that it keeps to."""
    if len(results) <= 1:
        return results, []
    first = min((f.issued for f in results if f.issued is not None), default=None)
    kept = [f for f in results if f.issued is None or f.issued == first]
    kept = _main_figures(kept)
    kept = _values_over_bounds(kept)
    return kept, [f for f in results if f not in kept]


def _values_over_bounds(figures: list[Figure]) -> list[Figure]:
    """Less the bounds (``城镇调查失业率控制在5.5%以内``, ``粮食产量跃上500亿斤台阶``) that a value of the same
    document keeps to (``城镇调查失业率5.2%``, ``粮食产量515.6亿斤``): the value says more, and they agree."""
    values = [f for f in figures if f.qualifier in (None, "approx") and f.value is not None]
    return [f for f in figures if not any(_keeps_to(value, f) for value in values)]


def _keeps_to(value: Figure, bound: Figure) -> bool:
    if value is bound or bound.value is None or bound.value_high is not None or value.value_high is not None:
        return False
    if value.source != bound.source or value.unit.base != bound.unit.base:
        return False
    assert value.value is not None
    if bound.qualifier == "at_least":
        return value.value >= bound.value - _EPSILON
    if bound.qualifier == "at_most":
        return value.value <= bound.value + _EPSILON
    return False


def _choose_targets(targets: list[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The targets, less the variants in parentheses and the values strived for beyond a floor of the
    same document (which become that floor's stretch)."""
    if len(targets) <= 1:
        return targets, []
    kept = _main_figures(targets)
    floors = [f for f in kept if not f.strived_for]
    for figure in [f for f in kept if f.strived_for]:
        floor = next((f for f in floors if f.source == figure.source and f.qualifier == "at_least"), None)
        if floor is not None and figure.value is not None:
            if floor.stretch is None:
                floor.stretch = figure.value
            kept.remove(figure)
    return kept, [f for f in targets if f not in kept and not f.strived_for]


def _main_figures(figures: list[Figure]) -> list[Figure]:
    """The figures less those given in parentheses beside a main figure of the same document."""
    main_sources = {f.source for f in figures if not f.in_parentheses}
    return [f for f in figures if not (f.in_parentheses and f.source in main_sources)]


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


def judge(cell: Cell, *, covered: bool = False, results: list[Figure] | None = None) -> tuple[Status, str]:
    """The status of a cell and a note on why (see the module's docstring)."""
    if results is not None and results is not cell.results:
        cell = Cell(cell.place, cell.indicator, cell.measure, cell.year, cell.horizon, cell.targets, results)
    choice = cell.choose()
    if choice.conflict:
        return "unclear", choice.conflict
    note = choice.set_aside
    if choice.result is None:
        return ("not reported" if covered else "no result yet"), note
    if choice.target is None:
        return "no target", note
    target, result = choice.target, choice.result
    if target.unit.base != result.unit.base:
        return "unclear", f"units do not compare: {target.unit.written} and {result.unit.written}"
    if target.value is None or result.value is None:
        return "unclear", "a value is hidden behind a placeholder"
    status = _compare(target, result.value, cell.measure, cell.indicator.better)
    if target.stretch is not None:
        stretch = _number_text(_in_unit(target.stretch, cell.unit) or 0.0) + cell.unit.written
        upward = target.stretch >= target.value
        reached = (
            result.value >= target.stretch - _EPSILON if upward else result.value <= target.stretch + _EPSILON
        )
        note = "; ".join(filter(None, [f"stretch {stretch} {'reached' if reached else 'not reached'}", note]))
    return status, note


def _compare(target: Figure, result: float, measure: str, better: str | None) -> Status:
    low, high = target.value, target.value_high
    assert low is not None
    if better not in ("higher", "lower"):
        return "reached" if _reaches(target, result, measure) else "not reached"
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
    return "missed"


def _reaches(target: Figure, result: float, measure: str) -> bool:
    """For an indicator with no better side: whether the result got to the target, from zero's side
    (or stayed within an ``at_most`` one); overshooting it is reaching it."""
    low = target.value
    assert low is not None
    if target.qualifier == "at_most" and target.value_high is None:
        return result <= low + _EPSILON
    if target.qualifier == "at_least" or target.value_high is not None:
        slack = 0.0
    else:
        slack = _tolerance(measure, low)  # exact and 左右: within the tolerance counts
    if low < 0 and target.value_high is None:
        return result <= low + slack + _EPSILON
    return result >= low - slack - _EPSILON


def _tolerance(measure: str, value: float) -> float:
    kind, amount = TOLERANCE.get(measure, ("relative", 0.03))
    return amount if kind == "absolute" else abs(value) * amount


def conflict_note(
    cell: Cell, targets: list[Figure] | None = None, results: list[Figure] | None = None
) -> str:
    parts = []
    chosen = (
        ("targets", cell.targets if targets is None else targets),
        ("results", cell.results if results is None else results),
    )
    for name, figures in chosen:
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

RowFilter = Callable[[dict[str, Any]], bool]


def panel_rows(
    panel: Panel,
    registry: Registry,
    *,
    with_figures: bool = False,
    keep: RowFilter | None = None,
) -> Iterator[dict[str, Any]]:
    """One row per cell, with the columns of ``COLUMNS`` (and every figure, for JSON Lines); ``keep``
    picks the rows (``summarizer.selection``)."""
    for cell in panel.sorted_cells(registry):
        results = panel.results_of(cell)
        if cell.horizon == "annual" and not cell.targets and _has_longer_horizon(panel, cell):
            continue  # the year's result is shown with the five-year target it answers
        covered = panel.covered_by(cell)
        status, note = judge(cell, covered=covered is not None, results=results)
        if status in ("not reported", "no result yet") and cell.measure != "level":
            note = "; ".join(filter(None, [_level_only_note(panel, cell), note]))
        if status == "not reported" and not note:
            note = f"{covered} gives no {cell.measure} figure of it"
        row = _cell_row(panel, cell, results, status, note)
        if keep is not None and not keep(row):
            continue
        if with_figures:
            row["targets"] = [_figure_data(f, cell.unit) for f in cell.targets]
            row["results"] = [_figure_data(f, cell.unit) for f in results]
        yield row


def _has_longer_horizon(panel: Panel, cell: Cell) -> bool:
    return any(
        (cell.place, cell.indicator.id, cell.measure, cell.year, horizon) in panel.cells
        for horizon in HORIZONS[1:]
    )


def _level_only_note(panel: Panel, cell: Cell) -> str:
    """Where a later report gives the year's level but not the measure the target set, say so."""
    level = panel.cells.get((cell.place, cell.indicator.id, "level", cell.year, "annual"))
    if level is None or len(level.results) != 1:
        return ""
    figure = level.results[0]
    return f"a later report gives the level only: {format_value(figure, figure.unit)} ({figure.source})"


def _cell_row(panel: Panel, cell: Cell, results: list[Figure], status: Status, note: str) -> dict[str, Any]:
    unit = cell.unit if cell.targets or results else Unit("", "", 1.0)
    full = Cell(cell.place, cell.indicator, cell.measure, cell.year, cell.horizon, cell.targets, results)
    choice = full.choose()
    target, result = choice.target, choice.result
    if choice.conflict:
        target = target if len(cell.targets) == 1 else None
        result = result if len(results) == 1 else None
    target_value, target_high = target.shown(unit) if target else (None, None)
    result_value = _in_unit(result.value, unit) if result and result.unit.base == unit.base else None
    stretch = _in_unit(target.stretch, unit) if target and target.stretch is not None else None
    gap = (
        round(result_value - target_value, 10)
        if result_value is not None and target_value is not None
        else None
    )
    level = panel.level_of(cell.place)
    name = panel.name_of(cell.place)
    marks = [*(target.overrides if target else ()), *(result.overrides if result else ())]
    return {
        "place": name,
        "level": level,
        "parent": place_parent(name),
        "indicator_id": cell.indicator.id,
        "indicator": cell.indicator.name_at(level),
        "measure": cell.measure,
        "year": cell.year,
        "horizon": cell.horizon,
        "unit": unit.written or None,
        "target": _plain(target_value),
        "target_high": _plain(target_high),
        "target_qualifier": target.qualifier if target else None,
        "stretch": _plain(stretch),
        "result": _plain(result_value),
        "gap": _plain(gap),
        "status": status,
        "note": note or None,
        "set_in": target.issued if target else None,
        "target_source": target.source if target else None,
        "target_document": target.document if target else None,
        "target_quote": target.quote if target else None,
        "result_source": result.source if result else None,
        "result_document": result.document if result else None,
        "result_quote": result.quote if result else None,
        "overrides": "; ".join(dict.fromkeys(marks)) or None,
    }


def _figure_data(figure: Figure, unit: Unit) -> dict[str, Any]:
    in_cell_unit = figure.unit.base == unit.base
    value, high = figure.shown(unit if in_cell_unit else figure.unit)
    return {
        "value": _plain(value),
        "value_high": _plain(high),
        "unit": (unit if in_cell_unit else figure.unit).written or None,
        "qualifier": figure.qualifier,
        "stretch": _plain(_in_unit(figure.stretch, unit if in_cell_unit else figure.unit)),
        "source": figure.source,
        "document": figure.document,
        "document_index": figure.document_index,
        "quote": figure.quote,
        "start": figure.start,
        "end": figure.end,
        "also_in": figure.also_in,
        "overridden": list(figure.overrides),
    }


def _plain(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


# --- Writing.


def check_panel_path(path: Path) -> None:
    """Fail before any work when the output's suffix names no format we write."""
    if path.suffix.lower() not in PANEL_SUFFIXES:
        raise ConfigError(
            "the panel's file name must end in .csv, .jsonl, .xlsx, .db, .sqlite or .parquet", path=path
        )


def write_panel(
    panel: Panel,
    registry: Registry,
    path: Path,
    *,
    keep: RowFilter | None = None,
    wide: str | None = None,
    target_rows: list[dict[str, Any]] | None = None,
    overrides: list[dict[str, Any]] | None = None,
) -> int:
    """Write the panel by the file's suffix; the number of rows. ``wide``: one row per place and
    indicator, one column per year, holding that part of the cell (``status``, ``target``, ``result``,
    ``gap``); ``target_rows`` and ``overrides``: the tables a SQLite file also holds."""
    from summarizer import exports

    check_panel_path(path)
    suffix = path.suffix.lower()
    rows = list(panel_rows(panel, registry, with_figures=suffix in (".jsonl", ".db", ".sqlite"), keep=keep))
    if wide is not None:
        wide_rows, columns, types = exports.wide_rows(rows, wide)
        exports.write_rows(wide_rows, path, columns, types, table="panel_wide", sheet="panel")
        return len(wide_rows)
    if suffix in (".db", ".sqlite"):
        exports.write_panel_sqlite(path, panel, rows, registry, target_rows or [], overrides or [])
    elif suffix == ".xlsx":
        write_xlsx(rows, path)
    else:
        exports.write_rows(rows, path, COLUMNS, COLUMN_TYPES, table="panel_cells", sheet="panel")
    return len(rows)


def write_xlsx(
    rows: list[dict[str, Any]], path: Path, columns: tuple[str, ...] = COLUMNS, title: str = "panel"
) -> None:
    """One sheet with a frozen header row and filters on every column."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from summarizer.table import spreadsheet_safe

    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([spreadsheet_safe(row[name]) if row[name] is not None else None for name in columns])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for number, name in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = _WIDTHS.get(name, 10)
    data = io.BytesIO()
    book.save(data)
    write_bytes_atomically(path, data.getvalue())


_WIDTHS = {
    "place": 12,
    "indicator_id": 22,
    "indicator": 18,
    "horizon": 9,
    "note": 40,
    "target_source": 28,
    "target_document": 24,
    "target_quote": 30,
    "result_source": 28,
    "result_document": 24,
    "result_quote": 30,
    "overrides": 24,
}
