"""Panel cells checked by hand (``evals/panel/*.jsonl``) and how the panel scores against them.

Each line is one cell an annotator lined up by reading a report and the next year's: the place, the
indicator id, the measure and the year; the target (value, range end, qualifier, source, quote); the
result or null; and the status under the README's rules. A cell is right when the panel has it with
the same target value, the same result value (or none) and the same status.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from summarizer.errors import InputError
from summarizer.panel import Cell, Figure, Panel, Status, judge
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
    unit: str | None = None
    target: HandTarget
    result: HandResult | None
    status: Status
    note: str = ""

    @property
    def key(self) -> tuple[str, str, str, int]:
        return (series_key(self.place), self.indicator_id, self.measure, self.year)


def load_hand_cells(folder: Path) -> list[HandCell]:
    """Every cell of every ``*.jsonl`` file of the folder, in file and line order."""
    cells = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                cells.append(HandCell.model_validate_json(line))
            except ValidationError as error:
                raise InputError(
                    f"line {number}: not a panel cell ({error.errors()[0]['msg']})", path=path
                ) from None
    return cells


def sources_of(cells: list[HandCell]) -> list[str]:
    """The reports the cells were read from (relative to the corpus folder), each once."""
    named = [cell.target.source for cell in cells] + [cell.result.source for cell in cells if cell.result]
    return list(dict.fromkeys(named))


@dataclass
class PlaceScore:
    cells: int = 0
    target: int = 0
    result: int = 0
    status: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)


def score_panel(cells: list[HandCell], panel: Panel) -> dict[str, PlaceScore]:
    """Per place (by the name the cells give it), how many cells the panel has right."""
    scores: dict[str, PlaceScore] = {}
    for hand in cells:
        score = scores.setdefault(hand.place, PlaceScore())
        score.cells += 1
        cell = panel.cells.get(hand.key)
        target_ok, result_ok, status_ok = _agreement(hand, cell)
        score.target += target_ok
        score.result += result_ok
        score.status += status_ok
        if target_ok and result_ok and status_ok:
            score.right += 1
        else:
            score.wrong.append(
                f"{hand.place} {hand.indicator_id} {hand.measure} {hand.year}: {hand.target.quote}"
            )
    return scores


def _agreement(hand: HandCell, cell: Cell | None) -> tuple[bool, bool, bool]:
    if cell is None:
        return False, hand.result is None, False
    status, _ = judge(cell)
    target = _single_value(cell.targets, cell)
    result = _single_value(cell.results, cell)
    return (
        _same(target, hand.target.value),
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


def summary_lines(scores: dict[str, PlaceScore]) -> list[str]:
    """A small table: per place and in all, cells and how many are right in each part."""
    total = Counter[str]()
    lines = [f"{'place':<10} {'cells':>5} {'target':>6} {'result':>6} {'status':>6} {'right':>5}"]
    for place, score in scores.items():
        lines.append(
            f"{place:<10} {score.cells:>5} {score.target:>6} {score.result:>6} {score.status:>6} {score.right:>5}"
        )
        total.update(
            cells=score.cells,
            target=score.target,
            result=score.result,
            status=score.status,
            right=score.right,
        )
    lines.append(
        f"{'all':<10} {total['cells']:>5} {total['target']:>6} {total['result']:>6} {total['status']:>6} {total['right']:>5}"
    )
    return lines
