from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
from cli_process import run_summarizer
from typer.testing import CliRunner

import summarizer.batch as batch_module
from summarizer.batch import finished_files, run_batch
from summarizer.cli import app
from summarizer.config import Settings

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_ffe56f79dac5013f.txt", "003_6c53881b18830d12.txt", "004_36cc8cee4c64f578.txt"):
        shutil.copy(SEEDS / name, folder / name)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_goes_on_past_a_bad_file_and_exits_non_zero(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(inputs), "-o", str(out), "--concurrency", "2"])
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr and "binary" in result.stderr
    summaries = lines_of(out)
    assert sorted(Path(s["source"]).name for s in summaries) == [
        "000_ffe56f79dac5013f.txt",
        "003_6c53881b18830d12.txt",
        "004_36cc8cee4c64f578.txt",
    ]
    compilation = next(s for s in summaries if s["source"].endswith("004_36cc8cee4c64f578.txt"))
    assert len(compilation["documents"]) == 4


def test_resume_skips_files_already_written(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (inputs / "broken.txt").unlink()
    first = run_batch([str(inputs)], out, Settings())
    again = run_batch([str(inputs)], out, Settings(), resume=True)
    assert (first.written, again.written, again.skipped) == (3, 0, 3)
    assert len(lines_of(out)) == 3


def test_resume_cuts_a_half_written_last_line(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (inputs / "broken.txt").unlink()
    run_batch([str(inputs)], out, Settings())
    whole = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(whole[:2]) + whole[2][: len(whole[2]) // 2], encoding="utf-8")
    assert len(finished_files(out)) == 2
    again = run_batch([str(inputs)], out, Settings(), resume=True)
    assert (again.written, again.skipped) == (1, 2)
    assert len(lines_of(out)) == 3


def test_glob_and_missing_pattern(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run_batch([str(inputs / "00[03]*.txt"), str(tmp_path / "nothing-*.txt")], out, Settings())
    assert result.written == 2
    assert [reason for _, reason in result.failed] == ["no such file, or nothing matches"]


def test_an_interrupted_batch_leaves_whole_lines_and_resumes(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after the first file: a one-line message, exit 130, and --resume finishes the rest."""
    out = tmp_path / "out.jsonl"
    (inputs / "broken.txt").unlink()
    real_write = batch_module._write_line
    written: list[str] = []

    def interrupt_after_one(sink: IO[str], line: str) -> None:
        if written:
            raise KeyboardInterrupt
        written.append(line)
        real_write(sink, line)

    with pytest.MonkeyPatch.context() as patch:  # undone alone, not the isolated environment with it
        patch.setattr(batch_module, "_write_line", interrupt_after_one)
        result = runner.invoke(app, ["batch", str(inputs), "-o", str(out), "-j", "1"])
    assert result.exit_code == 130
    assert "interrupted" in result.stderr and "Traceback" not in result.output
    assert len(lines_of(out)) == 1
    resumed = runner.invoke(app, ["batch", str(inputs), "-o", str(out), "--resume"])
    assert resumed.exit_code == 0, resumed.output
    assert len(lines_of(out)) == 3


# --- All cores: the rules backend over a pool of processes (--workers).


def _without_timing(summary: dict) -> dict:
    return {**summary, "provenance": {**summary["provenance"], "seconds": 0}}


def test_workers_give_the_same_lines_as_one_process_and_report_bad_files(
    inputs: Path, tmp_path: Path
) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = runner.invoke(app, ["batch", str(inputs), "-o", str(one), "--workers", "1"])
    second = runner.invoke(app, ["batch", str(inputs), "-o", str(two), "--workers", "2"])
    assert first.exit_code == second.exit_code == 1  # broken.txt
    assert "broken.txt" in second.stderr
    by_source = lambda path: sorted(json.dumps(_without_timing(s), sort_keys=True) for s in lines_of(path))  # noqa: E731
    assert by_source(one) == by_source(two)
    assert len(lines_of(two)) == 3


def test_resume_with_workers_skips_what_is_done(inputs: Path, tmp_path: Path) -> None:
    (inputs / "broken.txt").unlink()
    out = tmp_path / "out.jsonl"
    settings = Settings(workers=2)
    run_batch([str(inputs / "000_ffe56f79dac5013f.txt")], out, settings)
    result = run_batch([str(inputs)], out, settings, resume=True)
    assert (result.written, result.skipped) == (2, 1)
    assert len(lines_of(out)) == 3


# --- Issue 19: workers die with their batch, results by path and content, any file name, a bounded window.


def _children_of(pid: int) -> list[int]:
    children = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(stat_file.parent.name))
    return children


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.fixture
def many_seeds(tmp_path: Path) -> Path:
    """200 distinct files: a batch over them takes long enough to be killed in the middle."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        for seed in sorted(SEEDS.glob("*.txt")):
            text = seed.read_text(encoding="utf-8") + f"\n（副本{n}）\n"
            (folder / f"{n:02d}-{seed.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_a_killed_batch_and_resume_goes_on(
    many_seeds: Path, tmp_path: Path, how: signal.Signals
) -> None:
    """Fault 1: the workers of a killed or terminated rules batch end with it, and no lock outlives it."""
    out = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.txt"
    with errors.open("w") as sink:  # a file, not a pipe: workers left alive would hold a pipe open
        run = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "batch", str(many_seeds), "-o", str(out), "--workers", "2"],
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    deadline = time.monotonic() + 60
    while (
        not (out.exists() and out.read_text(encoding="utf-8").count("\n") >= 2)
        and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    workers = _children_of(run.pid)
    assert len(workers) >= 2 and run.poll() is None
    run.send_signal(how)
    run.wait(timeout=60)
    assert "Traceback" not in errors.read_text(encoding="utf-8")
    deadline = time.monotonic() + 10
    while any(_alive(worker) for worker in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(worker) for worker in workers)
    resumed = run_summarizer("batch", str(many_seeds), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "pid" not in resumed.stderr
    sources = [summary["source"] for summary in lines_of(out)]
    assert len(sources) == len(set(sources)) == 200
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".lock")] == []


def test_a_copy_of_a_finished_file_under_another_name_gets_its_line_on_resume(tmp_path: Path) -> None:
    """Fault 4: results are keyed by path and content, not by content alone."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "000_ffe56f79dac5013f.txt", folder / "a.txt")
    out = tmp_path / "out.jsonl"
    assert run_summarizer("batch", str(folder), "-o", str(out)).returncode == 0
    shutil.copy(folder / "a.txt", folder / "b.txt")
    resumed = run_summarizer("batch", str(folder), "-o", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "1 written, 1 skipped" in resumed.stderr
    assert sorted(Path(s["source"]).name for s in lines_of(out)) == ["a.txt", "b.txt"]
    again = run_summarizer("batch", str(folder), "-o", str(out), "--resume", "--workers", "2")
    assert "0 written, 2 skipped" in again.stderr and len(lines_of(out)) == 2


def test_a_file_name_that_is_not_utf8_is_written_escaped_and_resumed(tmp_path: Path) -> None:
    """Fault 5: a name the system gives as bytes that are not UTF-8 never stops the batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    data = (SEEDS / "000_ffe56f79dac5013f.txt").read_bytes()
    (Path(os.fsdecode(bytes(folder) + b"/bad\xff\xfe.txt"))).write_bytes(data)
    (folder / "good.txt").write_bytes(data + "\n（二）\n".encode())
    out = tmp_path / "out.jsonl"
    for workers in ("1", "2"):
        ran = run_summarizer("batch", str(folder), "-o", str(out), "--workers", workers, "--overwrite")
        assert ran.returncode == 0, ran.stderr
        assert "Traceback" not in ran.stderr
        assert sorted(Path(s["source"]).name for s in lines_of(out)) == ["bad\\xff\\xfe.txt", "good.txt"]
    assert r"bad\\xff\\xfe.txt" in out.read_bytes().decode("utf-8")  # valid UTF-8, the bytes escaped
    resumed = run_summarizer("batch", str(folder), "-o", str(out), "--resume")
    assert "0 written, 2 skipped" in resumed.stderr
    extracted = run_summarizer("extract", str(folder / os.fsdecode(b"bad\xff\xfe.txt")))
    assert extracted.returncode == 0 and json.loads(extracted.stdout)["source"].endswith("bad\\xff\\xfe.txt")
    report = run_summarizer("report", str(out), "-o", str(tmp_path / "r.html"))
    assert report.returncode == 0, report.stderr
    assert "source file not found" not in (tmp_path / "r.html").read_text(encoding="utf-8")


COUNT_SUMMARIES = """
import gc, sys
from pathlib import Path
from summarizer.batch import run_batch
from summarizer.config import Settings
from summarizer.models import Summary
most = 0
def count(event):
    global most
    most = max(most, sum(isinstance(o, Summary) for o in gc.get_objects()))
result = run_batch([sys.argv[1]], Path(sys.argv[2]), Settings(workers=int(sys.argv[3])), on_event=count)
print(result.written, most)
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_batch_holds_the_summaries_of_its_window_not_of_every_finished_file(
    many_seeds: Path, tmp_path: Path, workers: str
) -> None:
    """Fault 13: finished files are handed on and dropped; the memory is the window's, not the batch's."""
    ran = subprocess.run(
        [sys.executable, "-c", COUNT_SUMMARIES, str(many_seeds), str(tmp_path / "o.jsonl"), workers],
        capture_output=True,
        text=True,
        check=True,
    )
    written, most = map(int, ran.stdout.split())
    assert written == 200
    window = batch_module.FILES_PER_WORKER * int(workers) if workers != "1" else 4  # -j's default
    assert most <= window + 2, f"{most} summaries alive at once"


def test_the_default_workers_are_the_idle_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer import workers

    monkeypatch.setattr(workers, "usable_cores", lambda: 4)
    for load, expected in ((0.0, 4), (0.4, 4), (1.5, 3), (3.2, 1), (12.0, 1)):
        monkeypatch.setattr(workers.os, "getloadavg", lambda load=load: (load, load, load))
        assert workers.default_workers() == expected
    assert Settings(workers=3).batch_workers == 3
