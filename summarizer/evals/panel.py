"""Panel cells checked by hand (``evals/panel/*.jsonl``) and how the panel scores against them.

Each line is one cell an annotator lined up by reading a report and the next year's: the place, the
indicator id, the measure, the year (and the horizon, annual unless said); the target (value, range
end, qualifier, source, quote) or null where the report sets none; the result or null; and the status
under the README's rules (met, missed, reached, not reached, no result yet, not reported, no target,
unclear). A cell is right when the panel has it with the same target value, the same result value
(or none) and the same status. Scores are given per file and per place.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from summarizer.errors import InputError
from summarizer.panel import Cell, Figure, Horizon, Panel, Status, judge
from summarizer.places import series_key


class HandTarget(BaseModel):
    value: float | None
    value_high: float | None = None
    qualifier: str | None = None
    source: str
    quote: str


class HandResult(BaseModel):
    value: float | None
    source: str
    quote: str


class HandCell(BaseModel):
    place: str
    indicator_id: str
    measure: str
    year: int
    horizon: Horizon = "annual"
    unit: str | None = None
    target: HandTarget | None
    result: HandResult | None
    status: Status
    note: str = ""
    file: str = ""  # the file of evals/panel/ it was read from (set on loading)

    @property
    def key(self) -> tuple[str, str, str, int, str]:
        return (series_key(self.place), self.indicator_id, self.measure, self.year, self.horizon)


def load_hand_cells(folder: Path) -> list[HandCell]:
    """Every cell of every ``*.jsonl`` file of the folder, in file and line order."""
    cells = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                cell = HandCell.model_validate_json(line)
                cell.file = path.name
                cells.append(cell)
            except ValidationError as error:
                raise InputError(
                    f"line {number}: not a panel cell ({error.errors()[0]['msg']})", path=path
                ) from None
    return cells


def sources_of(cells: list[HandCell]) -> list[str]:
    """The reports the cells were read from (relative to the corpus folder), each once."""
    named = [cell.target.source for cell in cells if cell.target] + [
        cell.result.source for cell in cells if cell.result
    ]
    return list(dict.fromkeys(named))


@dataclass
class PlaceScore:
    cells: int = 0
    target: int = 0
    result: int = 0
    status: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)


def score_panel(cells: list[HandCell], panel: Panel, *, by: str = "place") -> dict[str, PlaceScore]:
    """Per place (by the name the cells give it), or per file (``by="file"``), how many cells the panel
    has right."""
    scores: dict[str, PlaceScore] = {}
    for hand in cells:
        score = scores.setdefault(hand.file if by == "file" else hand.place, PlaceScore())
        score.cells += 1
        cell = panel.cells.get(hand.key)
        target_ok, result_ok, status_ok = _agreement(hand, cell, panel)
        score.target += target_ok
        score.result += result_ok
        score.status += status_ok
        if target_ok and result_ok and status_ok:
            score.right += 1
        else:
            quote = hand.target.quote if hand.target else hand.result.quote if hand.result else ""
            score.wrong.append(f"{hand.place} {hand.indicator_id} {hand.measure} {hand.year}: {quote}")
    return scores


def _agreement(hand: HandCell, cell: Cell | None, panel: Panel) -> tuple[bool, bool, bool]:
    if cell is None:
        return hand.target is None, hand.result is None, False
    results = panel.results_of(cell)
    status, _ = judge(cell, covered=panel.covered_by(cell) is not None, results=results)
    full = Cell(cell.place, cell.indicator, cell.measure, cell.year, cell.horizon, cell.targets, results)
    choice = full.choose()
    target = _single_value([choice.target] if choice.target else cell.targets, cell)
    result = _single_value([choice.result] if choice.result else results, cell)
    return (
        _same(target, hand.target.value if hand.target else None),
        _same(result, hand.result.value if hand.result else None),
        status == hand.status,
    )


def _single_value(figures: list[Figure], cell: Cell) -> float | str | None:
    if not figures:
        return None
    if len(figures) > 1:
        return "conflict"
    value, _ = figures[0].shown(cell.unit if figures[0].unit.base == cell.unit.base else figures[0].unit)
    return value


def _same(found: float | str | None, expected: float | None) -> bool:
    if isinstance(found, str) or found is None or expected is None:
        return found is None and expected is None
    return math.isclose(found, expected, rel_tol=1e-6, abs_tol=1e-9)


def summary_lines(scores: dict[str, PlaceScore], heading: str = "place") -> list[str]:
    """A small table: per place (or file) and in all, cells and how many are right in each part."""
    total = Counter[str]()
    width = max([len(heading), 10, *(len(name) for name in scores)])
    lines = [f"{heading:<{width}} {'cells':>5} {'target':>6} {'result':>6} {'status':>6} {'right':>5}"]
    for place, score in scores.items():
        lines.append(
            f"{place:<{width}} {score.cells:>5} {score.target:>6} {score.result:>6} {score.status:>6} {score.right:>5}"
        )
        total.update(
            cells=score.cells,
            target=score.target,
            result=score.result,
            status=score.status,
            right=score.right,
        )
    lines.append(
        f"{'all':<{width}} {total['cells']:>5} {total['target']:>6} {total['result']:>6} {total['status']:>6} {total['right']:>5}"
    )
    return lines
