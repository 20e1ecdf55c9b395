"""The judged rounds' script: which verdicts of two judges are a dispute for the settler."""

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROUND = Path(__file__).resolve().parents[1] / "evals" / "precision" / "round.py"


def load_round() -> Any:
    spec = importlib.util.spec_from_file_location("precision_round", ROUND)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def verdict(valid: bool = True, wrong: list[str] | None = None, minor: bool = False) -> dict[str, Any]:
    return {"valid": valid, "wrong": wrong or [], "minor": minor, "error": "", "note": ""}


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        pytest.param(verdict(), verdict(), False, id="both-right"),
        pytest.param(
            verdict(wrong=["indicator"], minor=True), verdict(wrong=["indicator"]), True, id="minor-alone"
        ),
        pytest.param(
            verdict(wrong=["indicator"], minor=True),
            verdict(wrong=["indicator"], minor=True),
            False,
            id="both-minor",
        ),
        # minor counts only for a flaw of the name alone: with the year wrong too it moves no rate
        pytest.param(
            verdict(wrong=["indicator", "year"], minor=True),
            verdict(wrong=["year", "indicator"]),
            False,
            id="minor-no-matter",
        ),
        pytest.param(verdict(valid=False), verdict(), True, id="validity"),
        pytest.param(verdict(wrong=["year"]), verdict(wrong=["unit"]), True, id="fields"),
    ],
)
def test_judges_who_differ_on_what_moves_a_rate_disagree(a: dict, b: dict, disputed: bool) -> None:
    key = load_round().verdict_key
    assert (key(a) != key(b)) is disputed
