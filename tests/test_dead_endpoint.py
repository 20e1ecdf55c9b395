"""A dead model endpoint ends a run quickly and honestly; every call made counts (issue 12, 4 and 5).

The batches run as real processes against 127.0.0.1: a port nobody listens on, then the fake model.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
from pathlib import Path

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer, FakeRequest, Reply, error

API_KEY = "sk-test-dead-SECRET-99"
FILES = 100
REPORT = "政府工作报告\n一、2022年工作回顾\n过去一年，地区生产总值增长{n}%。\n二、2023年工作安排\n今年地区生产总值增长6%左右。\n"


def closed_port() -> int:
    """A port that refuses connections: bound for a moment, then released."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hundred_files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"r{n:03d}.txt").write_text(REPORT.format(n=n % 9 + 1), encoding="utf-8")
    return folder


def batch(folder: Path, out: Path, base_url: str, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SUMMARIZER_BASE_URL": base_url,
        "OPENAI_API_KEY": API_KEY,
        "SUMMARIZER_MAX_RETRIES": "4",
        "SUMMARIZER_TIMEOUT": "5",
    }
    return run_summarizer("batch", str(folder), "-o", str(out), "--no-cache", *flags, env=env)


def totals(stderr: str) -> dict[str, int]:
    line = next(line for line in stderr.splitlines() if " written, " in line)
    found = re.search(
        r"(\d+) written.*model calls (\d+) \((\d+) failed, (\d+) retries, \d+ repairs\), cache hits (\d+)",
        line,
    )
    assert found, line
    names = ("written", "calls", "failed", "retries", "cache_hits")
    return dict(zip(names, map(int, found.groups()), strict=True))


def targets_in(request: FakeRequest) -> Reply | dict:
    text = request.chunk_text or ""
    return {
        "targets": [
            {
                "indicator": "地区生产总值",
                "value": float(m.group(1)),
                "unit": "%",
                "change": "growth",
                "kind": "target",
                "quote": m.group(0),
            }
            for m in re.finditer(r"增长(\d+)%", text)
        ]
    }


def test_a_dead_endpoint_stops_the_calls_marks_every_file_partial_and_resume_redoes_them(
    hundred_files: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    dead = batch(hundred_files, out, f"http://127.0.0.1:{closed_port()}/v1")
    assert dead.returncode == 1
    assert "Traceback" not in dead.stderr
    counted = totals(dead.stderr)
    # Without the stop, 100 files x 5 tries = 500 calls; with it, the first few fail and the rest are not made.
    assert counted["calls"] == counted["failed"] <= 8 + 4
    assert dead.stderr.count("partial") >= FILES
    assert "did not answer" in dead.stderr and "stopped calling it" in dead.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == FILES and all('"failed_chunks":[{' in line for line in lines)

    with FakeModelServer() as fake:
        fake.reply_with(targets_in)
        resumed = batch(hundred_files, out, fake.base_url, "--resume")
        assert resumed.returncode == 0, resumed.stderr
        assert totals(resumed.stderr)["calls"] == fake.calls == FILES
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == FILES and not any('"failed_chunks":[{' in line for line in lines)


def test_the_totals_count_failed_calls_and_retries(hundred_files: Path, tmp_path: Path) -> None:
    for path in sorted(hundred_files.iterdir())[3:]:
        path.unlink()
    with FakeModelServer() as fake:
        fake.enqueue(error(500), error(503), error(429))
        fake.reply_with(targets_in)
        result = batch(hundred_files, tmp_path / "out.jsonl", fake.base_url, "-j", "1")
        assert result.returncode == 0, result.stderr
        counted = totals(result.stderr)
        assert counted["calls"] == fake.calls == 6
        assert (counted["failed"], counted["retries"]) == (3, 3)
