"""Every benchmark answers --help with its usage and runs nothing (issue 19, round 2, fault 7)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(path.name for path in BENCHMARKS.iterdir() if path.suffix in (".py", ".sh"))


def test_the_benchmarks_are_there() -> None:
    assert {"rules_speed.py", "panel.py", "cn_numerals.py", "local_model.sh"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_benchmark_answers_help_with_its_usage(name: str, tmp_path: Path) -> None:
    """``python benchmarks/rules_speed.py --help`` ran the whole benchmark."""
    folder = tmp_path / "run"
    folder.mkdir()
    runner = ["bash"] if name.endswith(".sh") else [sys.executable]
    ran = subprocess.run(
        [*runner, str(BENCHMARKS / name), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=folder,
        check=False,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.lower().startswith("usage:"), ran.stdout
    assert list(folder.iterdir()) == []
