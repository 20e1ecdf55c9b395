"""The model path's cost, wall time and memory, against the fake model server (a process of its own).

Run: python benchmarks/llm_pipeline.py [--latency 0.5 5] [--concurrency 8] [--copies 4] [--files 1000] [--runs 3]
                                       [--only cost wall memory]
(``--only wall --latency 5``: the 5 s wall figure alone.)

Against a truthful model (the hand labels, replayed) and an inventing one (one made-up target a reply),
through the fake model's providers' rules (it refuses what OpenAI refuses):
  - prompt and completion characters sent per document character, model requests per chunk, and the
    requests refused and the structured modes used;
  - the estimated cost of the seeds at two named prices, in real time and as a provider batch job;
  - wall time of `summarizer batch` over --copies copies of the seeds, from process start, against the
    ideal of whole rounds of calls (ceil(calls / concurrency) x latency), at each --latency: --runs runs,
    and their median (real models take 5 to 30 s a call; the start-up of openai and instructor is paid
    once per process);
  - peak RSS of `summarizer batch` at 10 files and at --files files (latency 0, no cache).
Goals: prompt <= 1.25 characters per document character (truthful) and <= 1.35 (inventing), completion
<= 0.30; no refused request, tools mode only; wall at 5 s latency <= 1.10x the ideal; peak RSS at 1,000
files within 10% of 10 files.

The children run as an installed package does: with its bytecode compiled (pip compiles it on install;
here it is written on the first run, into the work folder, whatever PYTHONDONTWRITEBYTECODE says).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PRICED = ("gpt-4o-mini", "deepseek-chat")
PARTS = ("cost", "wall", "memory")
# The child prints its own peak RSS: what a user's process would need.
BATCH_CHILD = (
    "import resource, sys\n"
    "from summarizer.cli import main\n"
    "sys.argv = ['summarizer', 'batch', *sys.argv[1:]]\n"
    "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
    "print('RSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)\n"
)


@contextmanager
def gold_model_server(latency: float, variant: str) -> Iterator[str]:
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "tests" / "serve_gold_model.py"),
            "--latency",
            str(latency),
            "--variant",
            variant,
        ],
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


def server_stats(base_url: str, reset: bool = False) -> dict:
    with urllib.request.urlopen(f"{base_url}/stats{'?reset=1' if reset else ''}", timeout=10) as answer:
        return json.load(answer)


def seed_copies(folder: Path, copies: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for copy in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{seed.stem}-{copy:04d}.txt")
            chars += len(seed.read_text(encoding="utf-8"))
    return chars


def run_batch(
    inputs: Path, out: Path, base_url: str, concurrency: int, cache: Path | None
) -> tuple[float, float, dict]:
    """Wall seconds from process start, peak RSS (MB) and the totals of a `summarizer batch` child."""
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
        "PYTHONPYCACHEPREFIX": str(out.parent / "bytecode"),
        "SUMMARIZER_BASE_URL": base_url,
        "OPENAI_API_KEY": "sk-bench",
        "SUMMARIZER_MAX_RETRIES": "0",
    }
    env["SUMMARIZER_CACHE_DIR"] = str(cache or out.parent / "unused-cache")
    flags = ["-j", str(concurrency), "--overwrite"] + ([] if cache else ["--no-cache"])
    began = time.perf_counter()
    cpu_before = _children_cpu()
    done = subprocess.run(
        [sys.executable, "-c", BATCH_CHILD, str(inputs), "-o", str(out), *flags],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - began
    cpu = _children_cpu() - cpu_before
    rss = float(next(line.split()[1] for line in done.stderr.splitlines() if line.startswith("RSS")))
    totals = [line for line in done.stderr.splitlines() if " written, " in line]
    if done.returncode != 0 or not totals:
        raise SystemExit(f"the batch failed: {done.stderr[-2000:]}")
    return wall, rss, {"line": totals[-1], "cpu": cpu}


def _children_cpu() -> float:
    """CPU seconds of the children waited for so far: the batch's own work, whatever else the machine runs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def chunks_of(inputs: Path, concurrency: int) -> int:
    from summarizer.batch import plan_batch
    from summarizer.config import Settings

    settings = Settings(backend="llm", base_url="http://127.0.0.1:9/v1", api_key="x", concurrency=concurrency)
    return plan_batch([str(inputs)], settings).chunks


def cost_line(prompt_chars: int, completion_chars: int) -> str:
    from summarizer.prices import load_prices

    table = load_prices()
    per = table.chars_per_token
    parts = []
    for model in PRICED:
        cost = table.cost(model, round(prompt_chars / per), 0, round(completion_chars / per)) or 0.0
        parts.append(f"{model} ${cost:.4f} real time, ${cost / 2:.4f} as a batch job")
    return "; ".join(parts)


def characters(variant: str, work: Path, concurrency: int) -> None:
    inputs = work / f"seeds-{variant}"
    chars = seed_copies(inputs, 1)
    chunks = chunks_of(inputs, concurrency)
    with gold_model_server(0.0, variant) as base_url:
        run_batch(inputs, work / f"{variant}.jsonl", base_url, concurrency, None)
        stats = server_stats(base_url)
    print(f"== {variant} model, the 5 seeds ({chars} characters, {chunks} chunks)")
    print(f"  requests refused {stats['refused']}; structured modes used: {', '.join(stats['modes'])}")
    print(
        f"  prompt characters per document character {stats['prompt_chars'] / chars:.3f}; "
        f"completion {stats['completion_chars'] / chars:.3f}"
    )
    print(
        f"  requests per chunk {stats['calls'] / chunks:.2f} ({stats['calls']} requests, {stats['repairs']} of them repairs)"
    )
    print(
        f"  estimated cost (at {1.5} characters a token): {cost_line(stats['prompt_chars'], stats['completion_chars'])}"
    )


def wall(work: Path, latency: float, concurrency: int, copies: int, runs: int) -> None:
    inputs = work / "copies"
    if not inputs.exists():
        seed_copies(inputs, copies)
    times, starts, cpus = [], [], []
    with gold_model_server(latency, "perfect") as base_url:
        for _ in range(runs):
            began = time.monotonic()
            seconds, _, totals = run_batch(inputs, work / "copies.jsonl", base_url, concurrency, None)
            stats = server_stats(base_url, reset=True)
            cpus.append(totals["cpu"])
            times.append(seconds)
            starts.append(stats["first_received"] - began)
        calls = stats["calls"]
    rounds = math.ceil(calls / concurrency) * latency
    middle = statistics.median(times)
    start = statistics.median(starts)
    print(
        f"== wall: {copies} copies of the seeds, {calls} calls, latency {latency} s, concurrency {concurrency}"
    )
    print(
        f"  {middle:.2f} s from process start (median of {', '.join(f'{t:.2f}' for t in times)}); "
        f"whole rounds of calls {rounds:.2f} s; ratio {middle / rounds:.2f}"
    )
    print(
        f"  the first call reached the model {start:.2f} s after process start (start-up: Python, openai, "
        f"instructor, the first files); from then on {middle - start:.2f} s, {(middle - start) / rounds:.2f}x the rounds; "
        f"the batch process used {statistics.median(cpus):.2f} CPU seconds in all (load average now "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


def memory(work: Path, concurrency: int, files: int) -> None:
    small, large = work / "ten", work / "many"
    seed_copies(small, 2)
    seed_copies(large, math.ceil(files / len(SEEDS)))
    with gold_model_server(0.0, "perfect") as base_url:
        _, rss_small, _ = run_batch(small, work / "ten.jsonl", base_url, concurrency, None)
        _, rss_large, _ = run_batch(large, work / "many.jsonl", base_url, concurrency, None)
    count = len(list(large.glob("*.txt")))
    print(
        f"== memory: peak RSS {rss_small:.0f} MB at 10 files, {rss_large:.0f} MB at {count} files: {rss_large / rss_small:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, nargs="+", default=[0.5, 5.0], help="seconds a call (each)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3, help="runs of the wall measurement (median)")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=PARTS,
        default=list(PARTS),
        help="the parts to run (default: all): characters and cost, wall time, memory",
    )
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="llm-bench-"))
    try:
        if "cost" in options.only:
            for variant in ("perfect", "inventing"):
                characters(variant, work, options.concurrency)
        if "wall" in options.only:
            for latency in options.latency:
                wall(work, latency, options.concurrency, options.copies, options.runs)
        if "memory" in options.only:
            memory(work, options.concurrency, options.files)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
