"""How fast the rules pipeline is: characters per second in process, and whole-process start-up.

Run: python benchmarks/rules_speed.py
Goals: all seeds in under 0.2 s in process; the whole development corpus (../shared/corpus, 134 reports)
at 1 million characters per second or more per core in one process (CPU time of the process, so that
other work on a shared machine does not count; the wall time is printed beside it); `summarizer batch` over the corpus at least
1.7x the files per second with every core (--workers, default) than with one; `summarizer --version`
under 0.3 s.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from summarizer.backends import get_backend
from summarizer.backends.rules.targets import find_targets
from summarizer.config import Settings
from summarizer.load import load_file
from summarizer.pipeline import plan_chunks, summarize_source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS_ROUNDS = 3
CORPUS_GOAL = (
    1_000_000  # characters per second per core, in process (CPU time: a shared machine's load aside)
)
BATCH_ROUNDS = 3
ROUNDS = 20
PROCESS_ROUNDS = 5


def in_process() -> tuple[float, int]:
    """Median seconds for one pass over all seeds, after a warm-up pass; and their character count."""
    sources = [load_file(path) for path in sorted(SEEDS.glob("*.txt"))]
    for source in sources:
        summarize_source(source)
    timings = []
    for _ in range(ROUNDS):
        began = time.perf_counter()
        for source in sources:
            summarize_source(source)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings), sum(len(source.text) for source in sources)


def corpus_in_process() -> tuple[float, float, float, int, int]:
    """One pass over the whole corpus after a warm-up: the median CPU seconds of this process (per core,
    whatever else the machine runs), the median wall seconds, the CPU seconds of ``find_targets`` alone
    over the same chunks, the characters and the reports."""
    sources = [load_file(path) for path in sorted(CORPUS.glob("*/*.txt"))]
    for source in sources[:10]:
        summarize_source(source)
    cpu, wall = [], []
    for _ in range(CORPUS_ROUNDS):
        began, began_cpu = time.perf_counter(), time.process_time()
        for source in sources:
            summarize_source(source)
        wall.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
    settings = Settings()
    backend = get_backend("rules", settings)
    chunks = [chunk for source in sources for chunk in plan_chunks(source, settings, backend).chunks]
    targets = []
    for _ in range(CORPUS_ROUNDS):
        began_cpu = time.process_time()
        for chunk in chunks:
            find_targets(chunk)
        targets.append(time.process_time() - began_cpu)
    chars = sum(len(source.text) for source in sources)
    return statistics.median(cpu), statistics.median(wall), statistics.median(targets), chars, len(sources)


def whole_process(arguments: list[str]) -> float:
    """Median wall seconds of the installed console script with these arguments."""
    script = shutil.which("summarizer", path=str(Path(sys.executable).parent)) or shutil.which("summarizer")
    if script is None:
        raise SystemExit("the console script `summarizer` is not installed: pip install -e .")
    timings = []
    for _ in range(PROCESS_ROUNDS):
        began = time.perf_counter()
        subprocess.run([script, *arguments], check=True, capture_output=True)
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def batch_files_per_second(workers: int, folder: Path, out: Path) -> float:
    """Files per second of `summarizer batch` over ``folder`` with this many worker processes (median)."""
    script = shutil.which("summarizer", path=str(Path(sys.executable).parent)) or "summarizer"
    files = len(list(folder.glob("*/*.txt")))
    timings = []
    for _ in range(BATCH_ROUNDS):
        began = time.perf_counter()
        subprocess.run(
            [script, "batch", str(folder), "-o", str(out), "--overwrite", "--workers", str(workers)],
            check=True,
            capture_output=True,
        )
        timings.append(time.perf_counter() - began)
    return files / statistics.median(timings)


def main() -> None:
    seconds, chars = in_process()
    largest = max(SEEDS.glob("*.txt"), key=lambda path: path.stat().st_size)
    print(f"rules pipeline, all seeds in process: {seconds:.4f} s for {chars} characters (goal < 0.2 s)")
    print(f"rules pipeline throughput: {chars / seconds:,.0f} characters per second")
    if CORPUS.is_dir():
        cpu, wall, targets, chars, reports = corpus_in_process()
        rate = chars / cpu
        verdict = "met" if rate >= CORPUS_GOAL else f"not met: {rate / CORPUS_GOAL:.2f} of it"
        print(
            f"rules pipeline, the corpus ({reports} reports, {chars:,} characters) in process: {cpu:.2f} s CPU "
            f"({wall:.2f} s wall), {rate:,.0f} characters per second per core (goal >= {CORPUS_GOAL:,}: {verdict}); "
            f"find_targets {targets:.2f} s CPU, {targets / cpu:.0%} of it"
        )
    else:
        print(f"the corpus is not at {CORPUS}: its throughput is not measured")
    if CORPUS.is_dir():
        cores = os.cpu_count() or 1
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "out.jsonl"
            one = batch_files_per_second(1, CORPUS, out)
            all_cores = batch_files_per_second(cores, CORPUS, out)
        print(
            f"summarizer batch over the corpus: {one:.1f} files/s with 1 worker, {all_cores:.1f} files/s with "
            f"{cores} (the default): {all_cores / one:.2f}x (goal >= 1.7x on 2 cores)"
        )
    print(f"summarizer --version: {whole_process(['--version']):.3f} s (goal < 0.3 s)")
    print(f"summarizer extract {largest.name}: {whole_process(['extract', str(largest)]):.3f} s")


if __name__ == "__main__":
    main()
