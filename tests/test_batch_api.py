"""Provider batch jobs (`summarizer batch --via batch-api`) against the fake model's batch endpoints:
submit, collect with --resume, the same output as real-time calls, failed and expired requests redone."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer
from gold_model import GoldModel

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

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


# --- Issue 19: one job per output, collected exactly once, refused to real-time runs, expiry said.


COLLECT = ("--via", "batch-api", "--resume")


def copies_of_the_seeds(folder: Path, times: int) -> Path:
    """Byte-identical copies of the seeds under other names: one line each, one request each chunk."""
    folder.mkdir()
    for n in range(times):
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / f"{n}-{seed.name}")
    return folder


def test_a_collection_interrupted_then_resumed_gives_one_line_per_file_and_no_repair_twice(
    tmp_path: Path,
) -> None:
    """Fault 9: Ctrl-C while collecting, then --resume: exactly one line per file, repairs not redone."""
    inputs = copies_of_the_seeds(tmp_path / "in", 6)
    out, cache = tmp_path / "job.jsonl", tmp_path / "c"
    with FakeModelServer(latency=0.2) as fake:
        fake.reply_with(GoldModel("inventing"))  # one invented target a reply: a repair call each
        assert batch(fake, inputs, out, cache, "--via", "batch-api").returncode == 0
        assert batch(fake, inputs, out, cache, "--via", "batch-api", "--resume").returncode == PENDING_EXIT
        # The collection's repair calls go in real time: slow enough that Ctrl-C after the first line written
        # always finds files left (at 0.2 s a call, a fast machine sometimes finished all 30 first).
        fake.latency = 1.0
        env = {**os.environ, "SUMMARIZER_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk-batch"}
        env["SUMMARIZER_CACHE_DIR"] = str(cache)
        collecting = subprocess.Popen(
            [sys.executable, "-m", "summarizer", "batch", str(inputs), "-o", str(out), *COLLECT, "-j", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 60
        while (
            not (out.exists() and out.read_text(encoding="utf-8").count("\n")) and time.monotonic() < deadline
        ):
            time.sleep(0.01)
        collecting.send_signal(signal.SIGINT)
        _, errors = collecting.communicate(timeout=60)
        assert collecting.returncode == 130 and "interrupted" in errors, errors
        assert (tmp_path / "job.jsonl.batchjob.json").exists()
        written_before = out.read_text(encoding="utf-8").count("\n")
        assert 0 < written_before < 30
        resumed = batch(fake, inputs, out, cache, "--via", "batch-api", "--resume")
        assert resumed.returncode == 0, resumed.stderr
        assert f"{30 - written_before} written, {written_before} skipped" in resumed.stderr
        repairs = [json.dumps(request.body, sort_keys=True) for request in fake.history if request.is_repair]
    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(sources) == len(set(sources)) == 30
    assert repairs and len(repairs) - len(set(repairs)) <= 1  # at most the one in flight at Ctrl-C
    assert not (tmp_path / "job.jsonl.batchjob.json").exists()


def test_a_real_time_batch_on_an_output_whose_job_waits_is_refused(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    """Fault 9: no second payment, no duplicate lines: a real-time run waits for the job's collection."""
    out, cache = tmp_path / "job.jsonl", tmp_path / "c"
    link = tmp_path / "link.jsonl"
    link.symlink_to(out)
    assert batch(fake, SEEDS, out, cache, "--via", "batch-api").returncode == 0
    for target, flags in ((out, []), (out, ["--resume"]), (out, ["--overwrite"]), (link, [])):
        refused = batch(fake, SEEDS, target, cache, *flags)
        assert refused.returncode != 0 and "Traceback" not in refused.stderr
        errors = [line for line in refused.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "a batch job (batch-fake-1) is waiting for this output" in errors[0]
        assert "--via batch-api --resume" in errors[0]
    assert fake.calls == 0 and not out.exists()
    assert batch(fake, SEEDS, out, cache, "--via", "batch-api", "--resume").returncode == PENDING_EXIT
    assert batch(fake, SEEDS, out, cache, "--via", "batch-api", "--resume").returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_an_expired_job_says_what_redoing_it_in_real_time_costs(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    """Fault 9: the requests an expired job never ran are redone at full price, and that is said first."""
    out, cache = tmp_path / "job.jsonl", tmp_path / "c"
    fake.batch_polls = 0
    fake.expire_batches = True
    assert batch(fake, SEEDS, out, cache, "--via", "batch-api").returncode == 0
    requests = len(json.loads((tmp_path / "job.jsonl.batchjob.json").read_text())["requests"])
    collected = batch(fake, SEEDS, out, cache, "--via", "batch-api", "--resume")
    assert collected.returncode == 0, collected.stderr
    warnings = [line for line in collected.stderr.splitlines() if line.startswith("warning:")]
    redone = requests - requests // 2
    assert warnings == [
        f"warning: batch job batch-fake-1 ended expired with {redone} of {requests} requests not answered; "
        f"they are done now in real time at full price (about ${warnings[0].split('$')[1]}"
    ]
    assert float(warnings[0].split("$")[1].rstrip(")")) > 0
    assert fake.calls == redone


def test_overwrite_with_a_batch_job_replaces_the_output_when_collected_once(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    out, cache = tmp_path / "job.jsonl", tmp_path / "c"
    assert batch(fake, SEEDS, out, cache).returncode == 0  # an earlier real-time output
    fake.batch_polls = 0
    assert batch(fake, SEEDS, out, cache / "other", "--via", "batch-api", "--overwrite").returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5  # untouched while the job runs
    assert batch(fake, SEEDS, out, cache / "other", "--via", "batch-api", "--resume").returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5
