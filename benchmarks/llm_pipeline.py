"""The model path's cost and concurrency, against the fake model server with a fixed latency.

Run: python benchmarks/llm_pipeline.py [--latency 0.5] [--concurrency 8] [--copies 4]
Prints calls, wall time against the ideal (calls x latency / concurrency), prompt characters sent per
document character (one pass, prompt included) and the cached rerun's time.
Goals: wall within 1.25x of the ideal at concurrency 8; at most 1.5 prompt characters per document
character; the cached rerun of all seeds under 1 s.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# Imported up front: their one-time import (about 1 s) is the process's, not the pipeline's.
import instructor  # noqa: E402

import summarizer.backends.llm  # noqa: E402, F401
from summarizer.batch import run_batch  # noqa: E402
from summarizer.config import Settings  # noqa: E402


def run(inputs: Path, out: Path, settings: Settings) -> tuple[float, int]:
    began = time.perf_counter()
    result = run_batch([str(inputs)], out, settings, concurrency=settings.concurrency)
    if result.failed or result.partial:
        raise SystemExit(f"the batch did not finish whole: {result.failed}")
    return time.perf_counter() - began, result.llm_calls


def seed_copies(folder: Path, copies: int) -> int:
    """The seeds, ``copies`` times over; their character count."""
    chars = 0
    for copy in range(copies):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, folder / f"{seed.stem}-{copy}.txt")
            chars += len(seed.read_text(encoding="utf-8"))
    return chars


@contextmanager
def gold_model_server(latency: float) -> Iterator[str]:
    """The fake model answering with the gold labels, in a process of its own so that it does not
    share this process's interpreter lock; yields its base URL."""
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "serve_gold_model.py"), "--latency", str(latency)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        yield server.stdout.readline().strip()
    finally:
        server.terminate()
        server.wait(timeout=10)


def server_stats(base_url: str) -> dict[str, int]:
    with urllib.request.urlopen(f"{base_url}/stats", timeout=10) as answer:
        return json.load(answer)


def measure(latency: float, concurrency: int, copies: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="llm-bench-"))
    try:
        inputs = work / "in"
        inputs.mkdir()
        chars = seed_copies(inputs, copies)
        with gold_model_server(latency) as base_url:
            settings = Settings(
                backend="llm",
                base_url=base_url,
                api_key="sk-bench",
                cache_dir=work / "cache",
                concurrency=concurrency,
                # Copies of one text would be served from the cache: measure them without it.
                use_cache=copies == 1,
            )
            wall, calls = run(inputs, work / "out.jsonl", settings)
            stats = server_stats(base_url)
            prompt_chars = stats["prompt_chars"]
            ideal = calls * latency / concurrency
            rounds = math.ceil(calls / concurrency) * latency
            print(
                f"files {copies * 5}, document characters {chars}, latency {latency} s, concurrency {concurrency}"
            )
            print(f"  model calls: {calls}; most in flight: {stats['max_in_flight']}")
            print(
                f"  wall: {wall:.2f} s; ideal (calls x latency / concurrency): {ideal:.2f} s; ratio {wall / ideal:.2f}"
            )
            print(
                f"  whole rounds of calls (ceil(calls / concurrency) x latency): {rounds:.2f} s; ratio {wall / rounds:.2f}"
            )
            print(f"  prompt characters per document character: {prompt_chars / chars:.3f}")
            if settings.use_cache:
                rerun, again = run(inputs, work / "out2.jsonl", settings)
                print(f"  cached rerun: {rerun:.2f} s, {again} model calls")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def warm_up() -> float:
    """Seconds of one-time process set-up (instructor's first client): printed, not counted."""
    import openai

    began = time.perf_counter()
    instructor.from_openai(openai.AsyncOpenAI(base_url="http://127.0.0.1:9/v1", api_key="sk-warm-up"))
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--copies", type=int, default=1, help="copies of the seed set (more calls per round)")
    options = parser.parse_args()
    print(f"one-time set-up of the first instructor client (not counted below): {warm_up():.2f} s")
    measure(options.latency, options.concurrency, 1)
    if options.copies > 1:
        measure(options.latency, options.concurrency, options.copies)


if __name__ == "__main__":
    main()
