"""Provider batch jobs (`summarizer batch --via batch-api`) against the fake model's batch endpoints:
submit, collect with --resume, the same output as real-time calls, failed and expired requests redone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer
from gold_model import GoldModel

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PENDING_EXIT = 75


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    with FakeModelServer() as server:
        server.reply_with(GoldModel())
        yield server


def batch(
    fake: FakeModelServer, inputs: Path, out: Path, cache: Path, *flags: str
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SUMMARIZER_BASE_URL": fake.base_url,
        "OPENAI_API_KEY": "sk-batch",
        "SUMMARIZER_CACHE_DIR": str(cache),
    }
    return run_summarizer("batch", str(inputs), "-o", str(out), *flags, env=env)


def lines(path: Path) -> dict[str, dict]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        summary = json.loads(line)
        summary["provenance"] = {
            k: v for k, v in summary["provenance"].items() if k in ("backend", "failed_chunks", "dropped")
        }
        found[summary["source"]] = summary
    return found


def test_a_batch_job_round_trips_the_seeds_with_the_same_output_as_real_time_calls(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    out = tmp_path / "job.jsonl"
    submitted = batch(fake, SEEDS, out, tmp_path / "c1", "--via", "batch-api")
    assert submitted.returncode == 0, submitted.stderr
    assert "submitted batch job batch-fake-1" in submitted.stderr
    state = json.loads((tmp_path / "job.jsonl.batchjob.json").read_text())
    assert state["job_id"] == "batch-fake-1" and len(state["sources"]) == 5
    assert not out.exists() and fake.calls == 0

    pending = batch(fake, SEEDS, out, tmp_path / "c1", "--via", "batch-api", "--resume")
    assert pending.returncode == PENDING_EXIT and "in_progress" in pending.stderr

    collected = batch(fake, SEEDS, out, tmp_path / "c1", "--via", "batch-api", "--resume")
    assert collected.returncode == 0, collected.stderr
    assert "5 written" in collected.stderr and "cost $" in collected.stderr
    assert not (tmp_path / "job.jsonl.batchjob.json").exists()
    assert fake.calls == 0 and len(fake.batch_requests) == len(state["requests"])

    realtime = tmp_path / "realtime.jsonl"
    assert batch(fake, SEEDS, realtime, tmp_path / "c2").returncode == 0
    assert lines(out) == lines(realtime)
    job_costs = [json.loads(line)["provenance"]["cost"] for line in out.read_text().splitlines()]
    real_costs = [json.loads(line)["provenance"]["cost"] for line in realtime.read_text().splitlines()]
    assert sum(job_costs) == pytest.approx(sum(real_costs) / 2, rel=0.01)


def test_requests_the_job_failed_or_never_ran_are_done_in_real_time(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("000_ffe56f79dac5013f.txt", "002_8a8ab904ff0e47e8.txt", "004_36cc8cee4c64f578.txt"):
        shutil.copy(SEEDS / name, inputs / name)
    out = tmp_path / "job.jsonl"
    fake.batch_polls = 0
    fake.expire_batches = True  # the job ends with half its requests never run
    assert batch(fake, inputs, out, tmp_path / "c", "--via", "batch-api").returncode == 0
    state = json.loads((tmp_path / "job.jsonl.batchjob.json").read_text())
    fake.fail_custom_ids = {next(iter(state["requests"]))}
    collected = batch(fake, inputs, out, tmp_path / "c", "--via", "batch-api", "--resume")
    assert collected.returncode == 0, collected.stderr
    ran_in_the_job = len(fake.batch_requests)
    assert 0 < ran_in_the_job < len(state["requests"])
    assert fake.calls == len(state["requests"]) - ran_in_the_job + 1  # the never-run and the failed one
    assert len(lines(out)) == 3 and not any(s["provenance"]["failed_chunks"] for s in lines(out).values())


def test_a_waiting_job_is_not_overwritten_by_a_new_run(fake: FakeModelServer, tmp_path: Path) -> None:
    out = tmp_path / "job.jsonl"
    assert batch(fake, SEEDS, out, tmp_path / "c", "--via", "batch-api").returncode == 0
    again = batch(fake, SEEDS, out, tmp_path / "c", "--via", "batch-api", "--overwrite")
    assert again.returncode != 0 and "a batch job is waiting for this output" in again.stderr
    assert len(fake.batches) == 1


def test_the_batch_api_needs_the_model_backend(tmp_path: Path) -> None:
    ran = run_summarizer(
        "batch", str(SEEDS), "-o", str(tmp_path / "o.jsonl"), "--via", "batch-api", "--backend", "rules"
    )
    assert ran.returncode != 0 and "needs a model backend" in ran.stderr
