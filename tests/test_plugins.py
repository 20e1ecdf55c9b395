"""Backends are plugins: found by name through the entry-point group `summarizer.backends`.

The test installs tests/plugin_backend/ (offline, into a folder of its own) and runs the installed
command with that folder on the path, as a user's environment with the plugin installed would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_process import run_summarizer

from summarizer.backends import available_backends

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "tests" / "plugin_backend"
SEED = ROOT / "seeds" / "000_ffe56f79dac5013f.txt"


def test_the_built_in_backends_are_entry_points_like_any_other() -> None:
    from importlib.metadata import entry_points

    declared = {point.name: point.value for point in entry_points(group="summarizer.backends")}
    assert declared["rules"] == "summarizer.backends.rules:make_rules_backend"
    assert declared["llm"] == "summarizer.backends.llm:make_llm_backend"
    assert {"rules", "llm"} <= set(available_backends())


def test_an_installed_plugin_backend_runs_through_the_cli(tmp_path: Path) -> None:
    target = tmp_path / "site"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(PLUGIN),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    listed = run_summarizer("extract", str(SEED), "--backend", "nope", env=env)
    assert "tiny" in listed.stderr and "rules" in listed.stderr
    ran = run_summarizer("extract", str(SEED), "--backend", "tiny", env=env)
    assert ran.returncode == 0, ran.stderr
    summary = json.loads(ran.stdout)
    assert summary["provenance"]["backend"] == "tiny"
    targets = summary["documents"][0]["targets"]
    assert targets and all(t["indicator"] == "tiny" and t["quote"].endswith("%") for t in targets)
    text = SEED.read_text(encoding="utf-8")
    assert all(text[t["start"] : t["end"]] == t["quote"] for t in targets)


def test_a_plugin_that_fails_to_load_is_one_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    info = site / "broken_backend-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: broken-backend\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[summarizer.backends]\nbroken = no_such_module:make\n", encoding="utf-8"
    )
    ran = run_summarizer(
        "extract", str(SEED), "--backend", "broken", env={**os.environ, "PYTHONPATH": str(site)}
    )
    assert ran.returncode != 0 and "Traceback" not in ran.stderr
    assert ran.stderr.strip().splitlines() == [
        "error: backend 'broken' could not be loaded from no_such_module:make: No module named 'no_such_module'"
    ]
