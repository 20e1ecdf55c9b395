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


# --- Issue 19, fault 10: a plugin that fails is one line naming it; one that fails on a chunk fails that file.

PLUGINS = """
from summarizer.models import Extraction, TargetDraft


class Flaky:
    name = "flaky"
    model = None
    prompt_version = None
    chunk_chars = 50_000
    chunk_overlap = 0

    def extract(self, chunk):
        if "BOOM" in chunk.text:
            raise ValueError("cannot read this chunk")
        return Extraction()


def make_flaky(settings):
    return Flaky()


class Wrong(Flaky):
    name = "wrong"

    def extract(self, chunk):
        if "ODD" in chunk.text:
            return {"targets": []}
        return Extraction()


def make_wrong(settings):
    return Wrong()


def make_raising(settings):
    raise RuntimeError("no licence key")


def make_none(settings):
    return None
"""


def install_plugins(site: Path) -> dict[str, str]:
    """A package declaring three backends through the entry-point group, on a path of its own."""
    info = site / "odd_backends-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: odd-backends\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[summarizer.backends]\nflaky = odd_backends:make_flaky\nraising = odd_backends:make_raising\n"
        "none = odd_backends:make_none\nwrong = odd_backends:make_wrong\n",
        encoding="utf-8",
    )
    (site / "odd_backends.py").write_text(PLUGINS, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(site)}


def test_a_plugin_whose_factory_raises_or_returns_none_is_one_error_line(tmp_path: Path) -> None:
    env = install_plugins(tmp_path / "site")
    expected = {
        "raising": "error: backend 'raising' failed to start (odd_backends:make_raising): "
        "RuntimeError: no licence key",
        "none": "error: backend 'none' (odd_backends:make_none) returned NoneType, not a backend",
    }
    for name, line in expected.items():
        for command in (["extract", str(SEED)], ["batch", str(SEED), "-o", str(tmp_path / f"{name}.jsonl")]):
            ran = run_summarizer(*command, "--backend", name, env=env)
            assert ran.returncode == 2 and "Traceback" not in ran.stderr
            errors = ran.stderr.strip().splitlines()
            assert len(errors) == 1 and errors[0].startswith(line), errors


def test_a_plugin_that_fails_on_some_chunks_fails_those_files_not_the_batch(tmp_path: Path) -> None:
    env = install_plugins(tmp_path / "site")
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(12):
        (inputs / f"{n:02d}.txt").write_text(
            text + ("\nBOOM\n" if n % 4 == 0 else f"\n{n}\n"), encoding="utf-8"
        )
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        ran = run_summarizer(
            "batch", str(inputs), "-o", str(out), "--backend", "flaky", "-w", workers, env=env
        )
        assert ran.returncode == 1 and "Traceback" not in ran.stderr
        failed = sorted(line for line in ran.stderr.splitlines() if line.startswith("failed "))
        assert [line.split()[1] for line in failed] == [str(inputs / f"{n:02d}.txt") + ":" for n in (0, 4, 8)]
        assert all(
            "backend 'flaky' failed on chunk 0" in line and "ValueError: cannot read" in line
            for line in failed
        )
        assert "9 written, 0 skipped, 3 failed" in ran.stderr
        assert len(out.read_text(encoding="utf-8").splitlines()) == 9
    one = run_summarizer(
        "extract", str(inputs / "00.txt"), str(inputs / "01.txt"), "--backend", "flaky", env=env
    )
    assert one.returncode == 2 and len(one.stdout.splitlines()) == 1
    assert one.stderr.strip().splitlines() == [
        f"error: {inputs / '00.txt'}: backend 'flaky' failed on chunk 0 (0-{len(text) + 6}): "
        "ValueError: cannot read this chunk"
    ]


def test_a_plugin_whose_extract_returns_the_wrong_type_fails_that_file_not_the_batch(tmp_path: Path) -> None:
    """Round 2, fault 5: an ``extract`` that returned a dict aborted the batch with an AttributeError."""
    env = install_plugins(tmp_path / "site")
    inputs = tmp_path / "in"
    inputs.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for n in range(4):
        (inputs / f"{n:02d}.txt").write_text(text + ("\nODD\n" if n == 1 else f"\n{n}\n"), encoding="utf-8")
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        ran = run_summarizer(
            "batch", str(inputs), "-o", str(out), "--backend", "wrong", "-w", workers, env=env
        )
        assert ran.returncode == 1 and "Traceback" not in ran.stderr, ran.stderr
        failed = [line for line in ran.stderr.splitlines() if line.startswith("failed ")]
        assert len(failed) == 1 and failed[0].startswith(f"failed {inputs / '01.txt'}:"), failed
        assert "backend 'wrong' returned dict on chunk 0" in failed[0] and "not an Extraction" in failed[0]
        assert "3 written, 0 skipped, 1 failed" in ran.stderr
        assert len(out.read_text(encoding="utf-8").splitlines()) == 3
