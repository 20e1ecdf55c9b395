"""The CLI as a user meets it: typer's runner for most cases, a real process for the installed script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import __version__
from summarizer.cli import app
from summarizer.models import Summary

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ffe56f79dac5013f.txt"
runner = CliRunner()


def test_extract_prints_spec_json() -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    summary = Summary.model_validate_json(result.stdout)
    assert summary.schema_version == "1.2"
    assert summary.provenance.backend == "rules"
    assert summary.source == str(SEED)


def test_extract_writes_pretty_json_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "summary.json"
    result = runner.invoke(app, ["extract", str(SEED), "--pretty", "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema_version": "1.2"')
    assert json.loads(text)["documents"][0]["end"] == 4396


def test_extract_of_several_files_prints_one_line_each(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("同志们：\n明年全县地区生产总值增长7%左右。\n", encoding="gb18030")
    result = runner.invoke(app, ["extract", str(SEED), str(other)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(SEED), str(other)]


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return {
        "missing": tmp_path / "absent.txt",
        "directory": tmp_path,
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.txt",
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        pytest.param("missing", "no such file", id="missing-file"),
        pytest.param("directory", "is a directory", id="directory"),
        pytest.param("empty", "file is empty", id="empty-file"),
        pytest.param("binary", "looks binary", id="binary-file"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    bad_inputs: dict[str, Path], case: str, message: str
) -> None:
    result = runner.invoke(app, ["extract", str(bad_inputs[case])])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and message in line
    assert "Traceback" not in result.output


def test_unknown_backend_is_one_line_and_a_non_zero_exit() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--backend", "psychic"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: unknown backend 'psychic' (choose from: ") and "rules" in line


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"summarizer {__version__}"


def installed_script() -> str:
    found = shutil.which("summarizer", path=str(Path(sys.executable).parent)) or shutil.which("summarizer")
    if found is None:
        pytest.fail("the console script `summarizer` is not installed: run `pip install -e .`")
    return found


def test_installed_console_script_runs_as_a_process(tmp_path: Path) -> None:
    done = subprocess.run(
        [installed_script(), "extract", str(SEED)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert Summary.model_validate_json(done.stdout).documents[0].start == 0
    failed = subprocess.run(
        [installed_script(), "extract", str(tmp_path / "absent.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert failed.returncode == 2
    assert "Traceback" not in failed.stderr and "no such file" in failed.stderr


def test_help_paragraphs_wrap_at_the_terminal_and_brackets_show(tmp_path: Path) -> None:
    """Issue 19, round 2, nit: ``batch --help`` broke sentences where the docstring's lines ended, and
    ``panel --help`` showed ``pip install 'summarizer'`` (``[parquet]`` read as markup)."""
    from cli_process import run_summarizer

    env = {**os.environ, "COLUMNS": "200"}
    wide = run_summarizer("batch", "--help", env=env).stdout
    assert "the exit code is non-zero if any file failed or is partial (some of its chunks" in wide
    narrow = run_summarizer("batch", "--help", env={**env, "COLUMNS": "70"}).stdout
    paragraph = narrow[narrow.index("A bad file") : narrow.index("Example:")].splitlines()
    lines = [line.strip() for line in paragraph if line.strip()]
    assert len(lines) >= 4 and all(len(line) >= 50 for line in lines[:-1]), lines
    panel = " ".join(run_summarizer("panel", "--help", env=env).stdout.split())
    assert "Parquet needs pip install 'summarizer[parquet]'." in panel
