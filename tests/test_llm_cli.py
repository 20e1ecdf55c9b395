"""The model path as a user meets it: the CLI against the fake model server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_model import FakeModelServer, FakeRequest, Reply, error, good
from typer.testing import CliRunner

from summarizer.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
API_KEY = "sk-test-cli-SECRET-777"
runner = CliRunner()


def targets_in(request: FakeRequest) -> Reply | dict:
    """A well-behaved model: every `增长N%` in the chunk, quoted verbatim."""
    import re

    text = request.chunk_text or ""
    items = [
        {
            "indicator": "指标",
            "value": float(m.group(1)),
            "unit": "%",
            "change": "growth",
            "kind": "target",
            "quote": m.group(0),
        }
        for m in re.finditer(r"增长(\d+(?:\.\d+)?)%", text)
    ]
    return {"targets": items[:5]}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeModelServer]:
    with FakeModelServer() as fake:
        monkeypatch.setenv("SUMMARIZER_BASE_URL", fake.base_url)
        monkeypatch.setenv("OPENAI_API_KEY", API_KEY)
        monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "1")
        monkeypatch.setenv("SUMMARIZER_TIMEOUT", "5")
        yield fake


@pytest.fixture
def two_seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_ffe56f79dac5013f.txt", "003_6c53881b18830d12.txt"):
        shutil.copy(SEEDS / name, folder / name)
    return folder


def test_a_configured_endpoint_makes_llm_the_default_and_a_rerun_makes_no_calls(
    server: FakeModelServer,
) -> None:
    server.reply_with(targets_in)
    first = runner.invoke(app, ["extract", str(SEEDS / "000_ffe56f79dac5013f.txt")])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["provenance"]["backend"] == "llm"
    assert summary["provenance"]["llm_calls"] == server.calls > 0
    assert summary["documents"][0]["targets"], "the model's grounded targets reach the output"
    calls = server.calls
    again = runner.invoke(app, ["extract", str(SEEDS / "000_ffe56f79dac5013f.txt")])
    assert server.calls == calls
    assert json.loads(again.stdout)["provenance"]["cache_hits"] == summary["provenance"]["llm_calls"]
    assert API_KEY not in first.output + again.output


def test_batch_reports_a_partial_file_goes_on_and_resume_retries_it(
    server: FakeModelServer, two_seeds: Path, tmp_path: Path
) -> None:
    def fail_one_file(request: FakeRequest) -> Reply | dict:
        if "旗帜鲜明讲政治" in (request.chunk_text or ""):
            return error(500, "upstream overloaded")
        return targets_in(request)

    server.reply_with(fail_one_file)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(two_seeds), "-o", str(out), "-j", "4"])
    assert result.exit_code == 1
    assert "partial" in result.stderr and "003_6c53881b18830d12.txt" in result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    partial = next(line for line in lines if line["source"].endswith("003_6c53881b18830d12.txt"))
    whole = next(line for line in lines if line["source"].endswith("000_ffe56f79dac5013f.txt"))
    assert partial["provenance"]["failed_chunks"] and not whole["provenance"]["failed_chunks"]
    assert "upstream overloaded" in partial["provenance"]["failed_chunks"][0]["error"]

    server.reply_with(targets_in)
    calls = server.calls
    resumed = runner.invoke(app, ["batch", str(two_seeds), "-o", str(out), "--resume"])
    assert resumed.exit_code == 0, resumed.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2 and not any(line["provenance"]["failed_chunks"] for line in lines)
    assert 0 < server.calls - calls < partial["provenance"]["chunks"] + 1, (
        "only the failed file's chunks are new calls"
    )


def test_check_reports_each_step(server: FakeModelServer) -> None:
    server.reply_with(targets_in)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["ok   endpoint and model", "ok   mode"]
    assert "tools" in lines[1]


def test_check_says_what_failed(server: FakeModelServer) -> None:
    server.enqueue(error(401, "invalid api key"))
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout.startswith("FAIL endpoint:") and "401" in result.stdout
    assert API_KEY not in result.output


def test_cache_stats_and_clear(server: FakeModelServer) -> None:
    server.reply_with(lambda request: good())
    runner.invoke(app, ["extract", str(SEEDS / "000_ffe56f79dac5013f.txt")])
    stats = runner.invoke(app, ["cache", "stats"])
    assert stats.exit_code == 0 and f": {server.calls} replies" in stats.stdout
    cleared = runner.invoke(app, ["cache", "clear"])
    assert f"{server.calls} replies removed" in cleared.stdout
    assert ": 0 replies" in runner.invoke(app, ["cache", "stats"]).stdout


def test_extract_says_a_summary_is_partial_and_exits_1(server: FakeModelServer) -> None:
    server.reply_with(lambda request: error(500, "upstream overloaded"))
    result = runner.invoke(app, ["extract", str(SEEDS / "000_ffe56f79dac5013f.txt")])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["provenance"]["failed_chunks"]
    assert "partial" in result.stderr and "upstream overloaded" in result.stderr


def test_max_tokens_is_sent_when_set(server: FakeModelServer, monkeypatch: pytest.MonkeyPatch) -> None:
    server.reply_with(targets_in)
    runner.invoke(app, ["extract", str(SEEDS / "000_ffe56f79dac5013f.txt"), "--no-cache"])
    assert all("max_tokens" not in request.body for request in server.history)
    monkeypatch.setenv("SUMMARIZER_MAX_TOKENS", "512")
    runner.invoke(app, ["extract", str(SEEDS / "000_ffe56f79dac5013f.txt"), "--no-cache"])
    assert server.history[-1].body["max_tokens"] == 512


@pytest.mark.parametrize(("limit", "on_the_loop"), [(1_000_000, True), (100, False)])
def test_a_model_batch_reads_small_files_on_the_loop_and_large_ones_in_a_thread(
    server: FakeModelServer,
    two_seeds: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
    on_the_loop: bool,
) -> None:
    """On the loop a file costs no malloc arena of a thread; a large one would hold the calls in flight."""
    import threading

    import summarizer.batch as batch

    readers: list[str] = []
    load_file = batch.load_file

    def watched(path: Path) -> Any:
        readers.append(threading.current_thread().name)
        return load_file(path)

    monkeypatch.setattr(batch, "load_file", watched)
    monkeypatch.setattr(batch, "LOOP_FILE_BYTES", limit)
    server.reply_with(targets_in)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(two_seeds), "-o", str(out), "-j", "4"])
    assert result.exit_code == 0, result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert len(readers) == 2
    assert all((name == threading.main_thread().name) == on_the_loop for name in readers)


def test_a_model_batch_turns_the_collector_back_on_with_its_first_file() -> None:
    """The collector is off through the model batch's start-up only (the CLI's tuning): on again when
    the first file is reported, with the start-up's objects frozen out of its sight, and after the run
    whatever happened, and never off for the rules backend, whose worker processes are forked."""
    import gc

    from summarizer.cli import _collector_paused_until_first_file

    assert gc.isenabled()
    gc.unfreeze()  # what an earlier test froze
    seen = []
    with _collector_paused_until_first_file(True) as first_file:
        seen.append(gc.isenabled())
        first_file()
        seen.append(gc.isenabled())
        # The start-up's objects are out of the collector's sight from then on.
        frozen = gc.get_freeze_count()
    assert seen == [False, True]
    assert frozen > 0
    with pytest.raises(RuntimeError), _collector_paused_until_first_file(True):
        raise RuntimeError("the batch failed before its first file")
    assert gc.isenabled()
    with _collector_paused_until_first_file(False):
        assert gc.isenabled()
    gc.disable()
    try:
        with _collector_paused_until_first_file(True) as first_file:
            first_file()
        assert not gc.isenabled()  # one that was off stays off
    finally:
        gc.enable()
