"""A damaged or unusable cache never fails a run (issue 19, fault 8).

The model path runs in real processes against the fake model; the cache's SQLite file is cut short
with truncate, as a crash or a full disk leaves it, and a read-only cache folder is a real read-only
file system (a tmpfs remounted read-only as root; chmod otherwise).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_process import run_summarizer
from fake_model import FakeModelServer
from filesystems import read_only_folder
from gold_model import GoldModel

# Real processes for seconds each: the copy of the repository that .ci/run tests without ../shared leaves
# them out (`-m 'not slow'`); the full run keeps them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def fake() -> Iterator[FakeModelServer]:
    with FakeModelServer() as server:
        server.reply_with(GoldModel())
        yield server


def llm_batch(fake: FakeModelServer, out: Path, cache: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUMMARIZER_BASE_URL": fake.base_url, "OPENAI_API_KEY": "sk-cache"}
    env["SUMMARIZER_CACHE_DIR"] = str(cache)
    return run_summarizer("batch", str(SEEDS), "-o", str(out), "--backend", "llm", *flags, env=env)


def warnings_and_errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith(("warning:", "error:"))]


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def damage(cache: Path) -> None:
    database = cache / "replies" / "cache.db"
    assert database.stat().st_size > 4096
    os.truncate(database, 1000)


def test_a_damaged_cache_is_set_aside_and_the_run_goes_on(fake: FakeModelServer, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert llm_batch(fake, tmp_path / "first.jsonl", cache).returncode == 0
    damage(cache)
    calls = fake.calls
    again = llm_batch(fake, tmp_path / "again.jsonl", cache)
    assert again.returncode == 0, again.stderr
    said = warnings_and_errors(again)
    assert len(said) == 1 and said[0].startswith(f"warning: the cache {cache} is damaged (")
    assert "set aside as replies.damaged-" in said[0] and "a new one started" in said[0]
    assert len(lines(tmp_path / "again.jsonl")) == 5
    assert fake.calls > calls  # the replies are asked again, and kept in the new cache
    calls = fake.calls
    third = llm_batch(fake, tmp_path / "third.jsonl", cache)
    assert warnings_and_errors(third) == [] and fake.calls == calls
    assert sorted(path.name.split("-")[0] for path in cache.iterdir()) == ["replies", "replies.damaged"]


def test_cache_stats_and_clear_work_on_a_damaged_cache(fake: FakeModelServer, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert llm_batch(fake, tmp_path / "out.jsonl", cache).returncode == 0
    damage(cache)
    stats = run_summarizer("cache", "stats", "--cache-dir", str(cache))
    assert stats.returncode == 0 and warnings_and_errors(stats) == []
    assert stats.stdout.startswith(f"{cache}: damaged (") and "cache clear" in stats.stdout
    assert llm_batch(fake, tmp_path / "again.jsonl", cache).returncode == 0  # sets it aside
    damage(cache)
    cleared = run_summarizer("cache", "clear", "--cache-dir", str(cache))
    assert cleared.returncode == 0, cleared.stderr
    assert cleared.stdout.strip() == f"{cache}: 0 replies removed, and 2 damaged cache(s) removed whole"
    assert warnings_and_errors(cleared) == [] and list(cache.iterdir()) == []
    assert (
        run_summarizer("cache", "stats", "--cache-dir", str(cache)).stdout.strip()
        == f"{cache}: 0 replies, 0.0 MB"
    )


def test_an_empty_read_only_cache_runs_uncached_and_is_not_blamed_on_the_output(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    out = tmp_path / "ro1.jsonl"
    with read_only_folder(cache):
        ran = llm_batch(fake, out, cache)
    assert ran.returncode == 0, ran.stderr
    said = warnings_and_errors(ran)
    assert len(said) == 1, said
    assert said[0].startswith(f"warning: the cache {cache} cannot be used (")
    if os.geteuid() == 0:  # a read-only file system (as non-root: a folder chmod 555, which SQLite says)
        assert "(its folder is read-only)" in said[0]
    assert said[0].endswith("this run goes on without it") and "ro1.jsonl" not in said[0]
    assert len(lines(out)) == 5


def test_a_read_only_cache_with_replies_is_read_and_said_read_only(
    fake: FakeModelServer, tmp_path: Path
) -> None:
    """Round 2, fault 6: ``cache stats`` called an intact read-only cache "damaged", and a run could not
    use the replies it holds. Now stats says read-only, and a run reads its replies (no model call)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    first = llm_batch(fake, tmp_path / "first.jsonl", cache)
    assert first.returncode == 0, first.stderr
    entries = run_summarizer("cache", "stats", "--cache-dir", str(cache)).stdout.split(": ")[1].split()[0]
    assert int(entries) > 0
    calls = fake.calls
    out = tmp_path / "ro1.jsonl"
    with read_only_folder(cache):
        stats = run_summarizer("cache", "stats", "--cache-dir", str(cache))
        ran = llm_batch(fake, out, cache)
    assert stats.returncode == 0 and warnings_and_errors(stats) == []
    assert stats.stdout.startswith(f"{cache}: {entries} replies, "), stats.stdout
    assert "damaged" not in stats.stdout and "read-only" in stats.stdout
    assert ran.returncode == 0, ran.stderr
    assert warnings_and_errors(ran) == [
        f"warning: the cache {cache} is read-only: the replies it holds are used, new ones are not kept"
    ]
    assert fake.calls == calls  # every reply came from the cache

    def documents(path: Path) -> list[tuple[str, str]]:
        return sorted((line["source"], json.dumps(line["documents"])) for line in lines(path))

    assert documents(out) == documents(tmp_path / "first.jsonl")
